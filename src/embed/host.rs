//! The embed's side of the host-page API: it reads its options, listens to the commands of its parent page
//! (only from the parent, and only from the origin its link allows) and posts events back: `ready`, `time`,
//! `launch`, `first-detection`, `track-established`, `alert`, `impact` and `error`.

use super::api::{self, Command};
use super::options::{self, Drivers, EmbedOptions};
use crate::scenario::model::AppScenario;
use crate::scenario::presets::Preset;
use crate::scenario::sync;
use crate::state::{AnalysisError, AppState};
use crate::timeline::markers::{markers, MarkerKind};
use leptos::prelude::*;

/// The page's own origin.
fn own_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// The parent page, if the page is framed.
fn parent() -> Option<web_sys::Window> {
    let w = web_sys::window()?;
    let p = w.parent().ok()??;
    (!js_sys::Object::is(&p, &w)).then_some(p)
}

/// Posts an event (JSON text) to the parent page as an object, to the origin the options allow (the browser
/// drops it if the parent is of another origin).
fn post(drivers: &Drivers, text: &str) {
    if let (Some(p), Ok(v)) = (parent(), js_sys::JSON::parse(text)) {
        let _ = p.post_message(&v, drivers.target(&own_origin()));
    }
}

/// The names of the scenario's pictures.
fn picture_names(app: &AppState) -> Vec<String> {
    app.scenario
        .picture_configs
        .with_untracked(|p| p.iter().map(|c| c.name.clone()).collect())
}

/// Carries out a command; the error names the field.
fn run(app: &AppState, c: Command) -> Result<(), api::CommandError> {
    let refuse = |field: &str, e: &dyn std::fmt::Display| api::CommandError {
        field: field.to_string(),
        message: e.to_string(),
    };
    let clock = app.clock;
    match c {
        Command::Play => {
            if clock.time_s.get_untracked() >= app.analysis.end_s.get_untracked() {
                clock.time_s.set(0.0);
            }
            clock.playing.set(true);
        }
        Command::Pause => clock.playing.set(false),
        Command::Seek { t_s } => clock
            .time_s
            .set(t_s.min(app.analysis.end_s.get_untracked())),
        Command::Speed { speed } => clock.speed.set(speed),
        Command::Picture { name } => app.view.picture.set(name),
        Command::Compare { name, side_by_side } => {
            app.view.side_by_side.set(side_by_side);
            app.view.compare_with.set(name);
        }
        Command::Preset { id } => {
            let p = Preset::find(&id).ok_or_else(|| {
                refuse(
                    "id",
                    &format_args!("no preset {:?}", id.chars().take(40).collect::<String>()),
                )
            })?;
            app.load(p.scenario()).map_err(|e| refuse("id", &e))?;
            app.view.preset.set(Some(p.id.to_string()));
            crate::map::split::frame_flights(app);
        }
        Command::Link { fragment } => {
            match sync::open_link(app, &fragment).map_err(|e| refuse("link", &e))? {
                sync::LinkOpened::Nothing => {
                    return Err(refuse("link", &"no scenario in it (expected s=1.<data>)"))
                }
                sync::LinkOpened::Scenario { .. } => {}
            }
        }
        Command::File { json } => {
            let (s, refraction) =
                AppScenario::from_json_with_refraction(&json).map_err(|e| refuse("file", &e))?;
            app.load(s).map_err(|e| refuse("file", &e))?;
            app.view.refraction.set(refraction);
            app.view.preset.set(None);
        }
    }
    Ok(())
}

/// The event a marker's time crossing posts.
fn marker_event(kind: MarkerKind, label: &str, t_s: f64) -> String {
    let picture = api::quoted(label.rsplit_once(": ").map_or(label, |(p, _)| p));
    let t_s = (t_s * 1000.0).round() / 1000.0;
    let (name, fields) = match kind {
        MarkerKind::Launch => ("launch", format!(",\"label\":{}", api::quoted(label))),
        MarkerKind::Impact => ("impact", format!(",\"label\":{}", api::quoted(label))),
        MarkerKind::FirstDetection => ("first-detection", format!(",\"picture\":{picture}")),
        MarkerKind::FirstTrack => ("track-established", format!(",\"picture\":{picture}")),
        MarkerKind::ImpactWithin100Km => {
            ("alert", format!(",\"picture\":{picture},\"within_km\":100"))
        }
        MarkerKind::ImpactWithin25Km => {
            ("alert", format!(",\"picture\":{picture},\"within_km\":25"))
        }
    };
    api::event(name, &format!("{fields},\"t_s\":{t_s}"))
}

/// The `ready` event: posted once the embed listens, and again when a command opened another scenario.
fn ready_event(app: &AppState) -> String {
    api::event(
        "ready",
        &format!(
            ",\"t_s\":{},\"end_s\":{},\"pictures\":{},\"picture\":{},\"preset\":{}",
            app.clock.time_s.get_untracked(),
            app.analysis.end_s.get_untracked(),
            serde_json::to_string(&picture_names(app)).unwrap_or_default(),
            api::quoted(&app.view.picture.get_untracked()),
            app.view
                .preset
                .with_untracked(|p| p.as_deref().map_or("null".to_string(), api::quoted)),
        ),
    )
}

/// The title strip above the map: the caption (as text, never markup), the first option left out, and the
/// link to the full view (returned, to follow the view). Plain DOM calls, cheaper for the page than a view.
fn title_strip(caption: &str, error: Option<&str>) -> Option<web_sys::Element> {
    let doc = web_sys::window()?.document()?;
    let strip = doc.create_element("header").ok()?;
    strip.set_class_name("embed-title");
    // Named: the share dialog's preview puts an embed in the full page, whose banner is the top bar.
    strip.set_attribute("aria-label", "Title").ok()?;
    let add = |tag: &str, class: &str, text: &str| -> Option<web_sys::Element> {
        let e = doc.create_element(tag).ok()?;
        e.set_class_name(class);
        e.set_text_content(Some(text));
        strip.append_child(&e).ok()?;
        Some(e)
    };
    add("p", "embed-caption", caption)?;
    if let Some(e) = error {
        add("p", "embed-error", e)?
            .set_attribute("role", "alert")
            .ok()?;
    }
    let a = add("a", "open-full", "Open the full view")?;
    for (k, v) in [("target", "_blank"), ("rel", "noopener"), ("href", "./")] {
        a.set_attribute(k, v).ok()?;
    }
    doc.body()?.prepend_with_node_1(&strip).ok()?;
    Some(a)
}

/// Starts the embed's options, its title strip and its host-page API; returns the options.
pub fn start(app: AppState) -> EmbedOptions {
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let (o, errors) = options::parse(&query);
    let full_view = match o.hide.contains(&"title") {
        true => None,
        false => title_strip(
            o.caption.as_deref().unwrap_or("Shared Picture"),
            errors.first().map(|e| e.to_string()).as_deref(),
        ),
    };
    let clock = app.clock;
    if let Some(f) = o.from_s {
        clock.time_s.set(f);
    }
    if o.autoplay {
        clock.playing.set(true);
    }
    let drivers = StoredValue::new(o.drivers.clone());
    let send = move |text: String| drivers.with_value(|d| post(d, &text));
    let own = own_origin();
    let listener = window_event_listener(leptos::ev::message, move |e| {
        let from_parent = match (e.source(), parent()) {
            (Some(s), Some(p)) => js_sys::Object::is(&s, &p),
            _ => false,
        };
        if !from_parent || !drivers.with_value(|d| d.accepts(&e.origin(), &own)) {
            return;
        }
        let data = e.data();
        let text = match data.as_string() {
            Some(t) => t,
            None => match js_sys::JSON::stringify(&data)
                .ok()
                .and_then(|s| s.as_string())
            {
                Some(t) => t,
                None => return send(api::error_event("message", "message: not JSON")),
            },
        };
        match api::parse(&text, &picture_names(&app)) {
            Ok(None) => {}
            Ok(Some(c)) => {
                let opens = matches!(
                    c,
                    Command::Preset { .. } | Command::Link { .. } | Command::File { .. }
                );
                match run(&app, c) {
                    Ok(()) if opens => send(ready_event(&app)),
                    Ok(()) => {}
                    Err(err) => send(api::error_event(&err.field, &err.to_string())),
                }
            }
            Err(err) => send(api::error_event(&err.field, &err.to_string())),
        }
    });
    on_cleanup(move || listener.remove());
    // Loops and the end time: the clock goes back to the start time, or stops.
    let (from_s, to_s, looped) = (o.from_s.unwrap_or(0.0), o.to_s, o.looped);
    let last = StoredValue::new((clock.time_s.get_untracked(), clock.playing.get_untracked()));
    let posted_to = StoredValue::new(clock.time_s.get_untracked());
    Effect::new(move |_| {
        let (t, playing) = (clock.time_s.get(), clock.playing.get());
        let end_s = app.analysis.end_s.get_untracked();
        let stop_s = to_s.map_or(end_s, |to| to.min(end_s));
        let (prev_t, prev_playing) = last.get_value();
        last.set_value((t, playing));
        // The full view opens what the embed shows, once it stops (encoding the link each frame would cost).
        if let (Some(a), false) = (&full_view, playing) {
            if let Ok(f) = sync::share_fragment(&app) {
                let _ = a.set_attribute("href", &format!("./#{f}"));
            }
        }
        // Events are posted for the markers the clock passed since the last ones posted; while the analyses of
        // a new scenario are pending it waits for them, so a seek made meanwhile still posts its events.
        let pending = app.analysis.pending.get()
            || app
                .analysis
                .pictures
                .with(|p| matches!(p, Err(AnalysisError::Pending)));
        let posted_s = posted_to.get_value();
        if t < posted_s {
            posted_to.set_value(t);
        } else if t > posted_s && !pending {
            posted_to.set_value(t);
            let flights: Vec<(f64, f64)> = app.analysis.flights.with_untracked(|fs| {
                fs.iter()
                    .filter_map(|f| f.as_ref().as_ref().ok())
                    .map(|f| (f.launch_offset_s(), f.launch_offset_s() + f.duration_s()))
                    .collect()
            });
            let shown = app.view.picture.get_untracked();
            let marks = app.analysis.pictures.with_untracked(|p| match p {
                Ok(p) => markers(&flights, &p.runs, &shown),
                Err(_) => markers(&flights, &[], &shown),
            });
            for m in marks.iter().filter(|m| m.t_s > posted_s && m.t_s <= t) {
                send(marker_event(m.kind, &m.label, m.t_s));
            }
        }
        // Reaching the end (or the end time) while playing: a loop starts again, an end time stops there (the
        // clock stops at the end by itself). The host hears the time the clock is set to, not the overshoot.
        let reached = t >= stop_s && (playing || prev_playing);
        if reached && looped {
            clock.time_s.set(from_s);
            clock.playing.set(true);
            return;
        }
        if reached && to_s.is_some() && playing {
            clock.time_s.set(stop_s);
            clock.playing.set(false);
            return;
        }
        if t.floor() != prev_t.floor() || playing != prev_playing {
            let fields = format!(
                ",\"t_s\":{},\"playing\":{playing}",
                (t * 10.0).round() / 10.0
            );
            send(api::event("time", &fields));
        }
    });
    for e in &errors {
        send(api::error_event(e.field, &e.to_string()));
    }
    send(ready_event(&app));
    o
}
