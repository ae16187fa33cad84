//! Component tests in a real browser (wasm-bindgen-test in headless Chromium): the map mounts, draws land,
//! and its zoom buttons change the view.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use shared_picture::map::MapView;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Lets Leptos run its scheduled effects (they run on the microtask queue) and the browser lay out.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn host(width: u32, height: u32) -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    el.set_attribute(
        "style",
        &format!("display:flex;width:{width}px;height:{height}px"),
    )
    .unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

#[wasm_bindgen_test]
async fn map_draws_land_places_and_a_graticule() {
    let el = host(900, 600);
    let handle = leptos::mount::mount_to(el.clone(), || view! { <MapView/> });
    settle().await;
    let land = el.query_selector_all("path.land").unwrap().length();
    assert!(land > 100, "only {land} land shapes drawn");
    assert_eq!(el.query_selector_all("g.place").unwrap().length(), 7);
    assert!(el.query_selector_all(".graticule path").unwrap().length() > 5);
    assert!(el.query_selector(".error").unwrap().is_none());
    // The view fits the element it was mounted in.
    let svg = el.query_selector("svg").unwrap().unwrap();
    let rect = svg.get_bounding_client_rect();
    assert_eq!((rect.width(), rect.height()), (900.0, 600.0));
    drop(handle);
}

#[wasm_bindgen_test]
async fn zoom_buttons_change_the_scale_and_reset_restores_it() {
    let el = host(800, 500);
    let handle = leptos::mount::mount_to(el.clone(), || view! { <MapView/> });
    settle().await;
    let svg = el.query_selector("svg").unwrap().unwrap();
    let scale = || {
        svg.get_attribute("data-scale")
            .unwrap()
            .parse::<f64>()
            .unwrap()
    };
    let s0 = scale();
    let click = |sel: &str| {
        el.query_selector(sel)
            .unwrap()
            .unwrap()
            .unchecked_into::<web_sys::HtmlElement>()
            .click()
    };
    click("button.zoom-in");
    settle().await;
    assert!(
        (scale() / s0 - 1.5).abs() < 1e-3,
        "zoom in: {} -> {}",
        s0,
        scale()
    );
    click("button.zoom-out");
    click("button.zoom-out");
    settle().await;
    assert!((scale() / s0 - 1.0 / 1.5).abs() < 1e-3);
    click("button.zoom-reset");
    settle().await;
    assert!((scale() / s0 - 1.0).abs() < 1e-9);
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_chart_cursor_follows_its_signal_without_redrawing_the_chart() {
    use shared_picture::charts::cursor_view::CursorChartView;
    use shared_picture::charts::warning_chart::warning_chart;
    let chart = warning_chart(
        &[
            ("Japan".to_string(), Some(300.0)),
            ("Trilateral".to_string(), Some(600.0)),
        ],
        900.0,
        Some("Japan"),
    );
    let axis = chart.as_ref().unwrap().axis;
    let cursor = RwSignal::new(100.0);
    let el = host(600, 300);
    let handle = leptos::mount::mount_to(el.clone(), move || {
        view! { <CursorChartView chart=Signal::stored(chart.clone()) cursor=cursor name="test-chart" label="Test"/> }
    });
    settle().await;
    let body = el.query_selector(".plot svg").unwrap().expect("chart body");
    let line = el.query_selector(".cursor-line").unwrap().expect("cursor");
    let x = || line.get_attribute("x1").unwrap().parse::<f64>().unwrap();
    assert!((x() - axis.x_px(100.0)).abs() < 0.06);
    cursor.set(600.0);
    settle().await;
    assert!((x() - axis.x_px(600.0)).abs() < 0.06);
    // The chart body is the same element: moving the cursor did not redraw it.
    let body_now = el.query_selector(".plot svg").unwrap().unwrap();
    assert!(body.is_same_node(Some(&body_now)));
    drop(handle);
}

include!("../crates/picture-sim/tests/shared/browser_study.rs");

/// The uncertainty study in the browser gives the native study's figures (to the millisecond: see the included
/// file for why not to the bit).
#[wasm_bindgen_test]
fn the_study_in_the_browser_is_the_native_study() {
    let study = browser_study();
    check_browser_study(&study.run_range(0..3, &|| 0.0));
}
