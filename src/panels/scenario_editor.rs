//! The scenario editor: presets from public reports (with their notes and sources), the launches (add,
//! remove, select, launch time), the pictures' membership and latencies, the seed, import and export of the
//! scenario file, and the share link and embed snippet. A value that is not valid shows a message naming the
//! field, and the scenario stays as it was.

use crate::embed::options as embed_options;
use crate::present::launch_form::parse_field;
use crate::scenario::browser::{self, BrowserError};
use crate::scenario::link::LinkError;
use crate::scenario::model::{check_offset, with_link, AppScenario, ModelError, ScenarioLaunch};
use crate::scenario::presets::{Preset, PRESETS};
use crate::scenario::sync::{self, Keeper};
use crate::state::{AppState, ScenarioError};
use leptos::prelude::*;
use picture_sim::sensors::Nation;
use wasm_bindgen::JsCast;

/// A new launch starts this long after the selected one.
const NEW_LAUNCH_AFTER_S: f64 = 60.0;
const NATIONS: [Nation; 3] = [Nation::JP, Nation::KR, Nation::US];

/// Why an edit of the scenario was refused (the scenario stays as it was). The messages are shown to the user.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditorError {
    /// A preset or an imported scenario whose sensors cannot be set up.
    #[error(transparent)]
    Load(#[from] ScenarioError),
    /// The last launch cannot be removed.
    #[error("Launches: a scenario keeps at least one launch")]
    LastLaunch,
    /// A typed number that is not one (the message names the field).
    #[error("{0}")]
    Field(String),
    /// A launch time or a link that is not valid.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// A seed that is not a whole number.
    #[error("Seed: '{0}' is not a whole number")]
    Seed(String),
    /// The scenario cannot be exported.
    #[error("Export: {0}")]
    Export(ExportError),
    /// The chosen file cannot be imported.
    #[error("Import: {0}. The scenario is unchanged.")]
    Import(ImportError),
}

/// Why the scenario cannot be written to a file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    File(#[from] ModelError),
    #[error(transparent)]
    Browser(#[from] BrowserError),
}

/// Why a chosen file cannot be opened.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Browser(#[from] BrowserError),
    #[error(transparent)]
    File(#[from] ModelError),
    #[error(transparent)]
    Load(#[from] ScenarioError),
}

/// What the editor reports when all went well.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorStatus {
    /// A chosen file was imported.
    Imported,
}

impl std::fmt::Display for EditorStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditorStatus::Imported => f.write_str("Scenario imported"),
        }
    }
}

/// What the share dialog says when the scenario cannot be put in a link.
fn unshareable(e: &LinkError) -> String {
    format!("This scenario cannot be shared: {e}")
}

#[component]
pub fn ScenarioEditor(
    /// Where the scenario on screen came from and what storage holds: a notice from opening the page (a
    /// link that could not be opened, an unreadable stored scenario, blocked storage), and a link's scenario
    /// not yet kept.
    keeper: Keeper,
) -> impl IntoView {
    let app = AppState::get();
    let notice = keeper.notice;
    let error = RwSignal::new(None::<EditorError>);
    let status = RwSignal::new(None::<EditorStatus>);
    // The preset the scenario came from (a link carries it too).
    let preset = move || {
        app.view
            .preset
            .with(|id| id.as_deref().and_then(Preset::find))
    };
    let sharing = RwSignal::new(false);

    let load_preset = move |id: String| {
        let Some(p) = Preset::find(&id) else { return };
        match app.load(p.scenario()) {
            Ok(()) => {
                error.set(None);
                app.view.preset.set(Some(p.id.to_string()));
                crate::map::split::frame_flights(&app);
            }
            Err(e) => error.set(Some(e.into())),
        }
    };
    let add_launch = move |_| {
        let sel = app.scenario.selected.get_untracked();
        let mut l = app
            .scenario
            .launches
            .with_untracked(|l| l[sel.min(l.len() - 1)].clone());
        l.offset_s = (l.offset_s + NEW_LAUNCH_AFTER_S).min(crate::scenario::model::MAX_OFFSET_S);
        app.scenario.launches.update(|ls| ls.push(l));
        app.scenario
            .select(app.scenario.launches.with_untracked(Vec::len) - 1);
    };
    let remove_launch = move |i: usize| {
        if app.scenario.launches.with_untracked(Vec::len) <= 1 {
            error.set(Some(EditorError::LastLaunch));
            return;
        }
        let sel = app.scenario.selected.get_untracked();
        let new_sel = if sel > i || sel + 1 == app.scenario.launches.with_untracked(Vec::len) {
            sel.saturating_sub(1)
        } else {
            sel
        };
        app.scenario.selected.set(new_sel);
        app.scenario.launches.update(|ls| {
            ls.remove(i);
        });
        error.set(None);
    };
    let set_offset = move |i: usize, ev: leptos::ev::Event| {
        let field = format!("Launch {} time", i + 1);
        let typed = parse_field(&field, &event_target_value(&ev)).map_err(EditorError::Field);
        match typed.and_then(|v| Ok(check_offset(&field, v)?)) {
            Ok(v) => {
                app.scenario.launches.update(|ls| ls[i].offset_s = v);
                error.set(None);
            }
            Err(e) => {
                // The field shows the launch time that still holds.
                if let Some(input) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                {
                    let kept = app
                        .scenario
                        .launches
                        .with_untracked(|ls| ls.get(i).map(|l| l.offset_s).unwrap_or_default());
                    input.set_value(&kept.to_string());
                }
                error.set(Some(e));
            }
        }
    };
    let set_link = move |p: usize, n: Nation, latency_s: Option<f64>| match app
        .scenario
        .picture_configs
        .with_untracked(|ps| with_link(ps, p, n, latency_s))
    {
        Ok(ps) => {
            app.scenario.picture_configs.set(ps);
            error.set(None);
        }
        Err(e) => error.set(Some(e.into())),
    };
    let set_seed = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        match text.trim().parse::<u64>() {
            Ok(v) => {
                app.scenario.seed.set(v);
                error.set(None);
            }
            Err(_) => error.set(Some(EditorError::Seed(text.trim().to_string()))),
        }
    };
    let export = move |_| {
        let written = app
            .scenario
            .snapshot()
            .to_json_with(app.view.refraction.get_untracked())
            .map_err(ExportError::from)
            .and_then(|json| {
                Ok(browser::download(
                    "scenario.json",
                    "application/json",
                    &json,
                )?)
            });
        if let Err(e) = written {
            error.set(Some(EditorError::Export(e)));
        }
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let outcome = match browser::read_chosen_file(&input).await {
                Ok(text) => AppScenario::from_json_with_refraction(&text)
                    .map_err(ImportError::from)
                    .and_then(|(s, refraction)| {
                        app.load(s)?;
                        app.view.refraction.set(refraction);
                        Ok(())
                    }),
                Err(e) => Err(e.into()),
            };
            match outcome {
                Ok(()) => {
                    error.set(None);
                    app.view.preset.set(None);
                    status.set(Some(EditorStatus::Imported));
                }
                Err(e) => {
                    status.set(None);
                    error.set(Some(EditorError::Import(e)));
                }
            }
            // Choosing the same file again must fire a change.
            input.set_value("");
        });
    };

    let launch_label = move |l: &ScenarioLaunch| {
        let site = l
            .form
            .site
            .split(" (")
            .next()
            .unwrap_or(&l.form.site)
            .to_string();
        // The missile's name ("Hwasong-12 (KN-17)"), never its catalog id.
        let missile = picture_sim::flight::catalog::find(&l.form.missile)
            .map(|v| v.name)
            .unwrap_or(l.form.missile.as_str());
        format!("{missile} from {site}")
    };

    view! {
        <section class="panel scenario-editor" aria-labelledby="scenario-title">
            <h2 id="scenario-title">"Scenario"</h2>
            {move || notice.get().map(|n| view! { <p class="scenario-notice" role="status">{n.to_string()}</p> })}
            {move || keeper.has_unreadable().then(|| view! {
                <button class="download-unreadable" on:click=move |_| keeper.download_unreadable()>"Download the unreadable scenario"</button>
            })}
            {move || keeper.from_link().then(|| view! {
                <div class="shared-link" role="status">
                    <p>{move || if keeper.has_own() {
                        "You are viewing a shared link. Your own scenario is kept in this browser."
                    } else {
                        "You are viewing a shared link. It is not kept in this browser until you keep or change it."
                    }}</p>
                    <div class="row">
                        <button class="keep-link" on:click=move |_| keeper.keep()>"Keep this scenario"</button>
                        <button class="back-to-own" hidden=move || !keeper.has_own() on:click=move |_| keeper.back()>"Back to my scenario"</button>
                    </div>
                </div>
            })}
            <label>"Preset"
                <select name="preset" on:change=move |ev| load_preset(event_target_value(&ev))>
                    <option value="" selected=move || preset().is_none()>"Your scenario"</option>
                    {PRESETS.iter().map(|p| view! {
                        <option value=p.id selected=move || preset().is_some_and(|q| q.id == p.id)>{p.title}</option>
                    }).collect_view()}
                </select>
            </label>
            {move || preset().map(|p| view! {
                <div class="preset-note" data-preset=p.id>
                    <p>{p.note}</p>
                    <p class="sources">"Sources: " {p.sources.join("; ")}</p>
                </div>
            })}
            <table class="launch-list">
                <caption>"Launches"</caption>
                <thead><tr><th scope="col">"Launch"</th><th scope="col">"Time (s)"</th><th scope="col"><span class="sr-only">"Remove"</span></th></tr></thead>
                <tbody>
                    {move || {
                        let sel = app.scenario.selected.get();
                        app.scenario.launches.get().into_iter().enumerate().map(|(i, l)| {
                            let label = format!("{}. {}", i + 1, launch_label(&l));
                            view! {
                                <tr class:selected=i == sel data-launch=i>
                                    <td><button class="select-launch" aria-pressed=(i == sel).to_string()
                                        on:click=move |_| app.scenario.select(i)>{label}</button></td>
                                    <td><input type="number" name=format!("launch-time-{i}") min="0" step="any" inputmode="decimal"
                                        aria-label=format!("Launch {} time, seconds after the scenario start", i + 1)
                                        prop:value=l.offset_s.to_string()
                                        on:change=move |ev| set_offset(i, ev)/></td>
                                    <td><button class="remove-launch" aria-label=format!("Remove launch {}", i + 1)
                                        on:click=move |_| remove_launch(i)>"×"</button></td>
                                </tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
            <div class="row">
                <button class="add-launch" on:click=add_launch>"Add launch"</button>
                <label class="inline">"Seed"
                    <input name="seed" type="number" min="0" step="1" prop:value=move || app.scenario.seed.get().to_string()
                        on:change=set_seed/>
                </label>
            </div>
            <details class="picture-links">
                <summary>"Pictures: who reports to whom, and how late"</summary>
                <table>
                    <thead><tr><th scope="col">"Picture"</th>
                        {NATIONS.map(|n| view! { <th scope="col">{format!("{n} (s)")}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {move || app.scenario.picture_configs.get().into_iter().enumerate().map(|(p, cfg)| {
                            let name = cfg.name.clone();
                            view! {
                                <tr data-picture=name.clone()>
                                    <th scope="row">{name.clone()}</th>
                                    {NATIONS.map(|n| {
                                        let link = cfg.links.iter().find(|l| l.from == n).map(|l| l.latency_ms as f64 / 1000.0);
                                        let name = name.clone();
                                        view! {
                                            <td class="link-cell">
                                                <input type="checkbox" name=format!("link-{p}-{n}") prop:checked=link.is_some()
                                                    aria-label=format!("{n} reports to {name}")
                                                    on:change=move |ev| set_link(p, n, event_target_checked(&ev).then_some(link.unwrap_or(2.0)))/>
                                                <input type="number" name=format!("latency-{p}-{n}") min="0" step="any" inputmode="decimal"
                                                    disabled=link.is_none()
                                                    aria-label=format!("Latency from {n} to {name}, seconds")
                                                    prop:value=link.map(|s| s.to_string()).unwrap_or_default()
                                                    on:change=move |ev| {
                                                        let field = format!("{name} latency from {n}");
                                                        let typed = parse_field(&field, &event_target_value(&ev));
                                                        typed.map(|v| set_link(p, n, Some(v))).unwrap_or_else(|e| error.set(Some(EditorError::Field(e))))
                                                    }/>
                                            </td>
                                        }
                                    }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
            <div class="row file-actions">
                <button class="export-scenario" on:click=export>"Export"</button>
                <label class="import-scenario button-like">"Import"
                    <input type="file" name="import" accept="application/json,.json" class="sr-only" on:change=import/>
                </label>
                <button class="share" on:click=move |_| sharing.set(true)>"Share / Embed"</button>
            </div>
            {move || error.get().map(|e| view! { <p class="scenario-error" role="alert">{e.to_string()}</p> })}
            {move || status.get().map(|s| view! { <p class="scenario-status" role="status">{s.to_string()}</p> })}
            <Show when=move || sharing.get()>
                <EmbedDialog on_close=move || sharing.set(false)/>
            </Show>
        </section>
    }
}

/// The embed's options, as static markup (no user text): read back by name on each change.
const EMBED_OPTIONS_HTML: &str = concat!(
    "<legend>Embed options</legend>",
    "<label><input type=\"checkbox\" name=\"autoplay\"> Play at once</label>",
    "<label><input type=\"checkbox\" name=\"loop\"> Loop</label>",
    "<label>Start (s) <input type=\"number\" name=\"from\" min=\"0\" step=\"any\"></label>",
    "<label>End (s) <input type=\"number\" name=\"to\" min=\"0\" step=\"any\"></label>",
    "<label><input type=\"checkbox\" name=\"hide-title\"> Hide the title strip</label>",
    "<label><input type=\"checkbox\" name=\"hide-legend\"> Hide the legend</label>",
    "<label><input type=\"checkbox\" name=\"hide-clock\"> Hide the clock</label>",
    "<label>Caption <input type=\"text\" name=\"caption\" maxlength=\"200\"></label>",
    "<label>Page that may drive it (origin, or *) <input type=\"text\" name=\"origin\" placeholder=\"https://example.org\"></label>",
);

/// The embed query the options form asks for, checked as an embed reads it: the query and the first
/// option left out.
fn embed_query(form: &web_sys::Element) -> (String, Option<String>) {
    let input = |name: &str| {
        form.query_selector(&format!("[name={name}]"))
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    };
    let checked = |name: &str| input(name).is_some_and(|i| i.checked());
    let text = |name: &str| input(name).map(|i| i.value()).unwrap_or_default();
    let mut raw = format!(
        "embed&autoplay={}&loop={}",
        checked("autoplay") as u8,
        checked("loop") as u8
    );
    let hide: Vec<&str> = embed_options::HIDEABLE
        .into_iter()
        .filter(|h| checked(&format!("hide-{h}")))
        .collect();
    raw.push_str(&format!("&hide={}", hide.join(",")));
    for name in ["from", "to", "caption", "origin"] {
        let v = text(name);
        if !v.trim().is_empty() {
            raw.push_str(&format!(
                "&{name}={}",
                embed_options::percent_encode(v.trim())
            ));
        }
    }
    let (o, errors) = embed_options::parse(&raw);
    (
        embed_options::to_query(&o),
        errors.first().map(|e| e.to_string()),
    )
}

/// The share link, the embed's options, its responsive snippet and a preview, with copy buttons.
#[component]
fn EmbedDialog(on_close: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let app = AppState::get();
    let fragment = sync::share_fragment(&app);
    let base = browser::page_base();
    let query = RwSignal::new("embed".to_string());
    let option_error = RwSignal::new(None::<String>);
    let (link, fragment) = match fragment {
        Ok(f) => (format!("{base}#{f}"), f),
        Err(e) => (unshareable(&e), String::new()),
    };
    // Empty when the scenario cannot be shared (the link field says why).
    let fragment = StoredValue::new(fragment);
    let src = move || {
        fragment.with_value(|f| match f.is_empty() {
            true => String::new(),
            false => format!("{}?{}#{f}", browser::page_base(), query.get()),
        })
    };
    let snippet = move || match src() {
        s if s.is_empty() => s,
        s => embed_options::snippet(&s, "Shared Picture"),
    };
    let copied = RwSignal::new(None::<&'static str>);
    let l2 = link.clone();
    view! {
        <div class="embed-dialog" role="dialog" aria-modal="true" aria-labelledby="embed-title">
            <h3 id="embed-title">"Share and embed"</h3>
            <label>"Link to this scenario at this moment"
                <input class="share-link" readonly prop:value=link/>
            </label>
            <button class="copy-link" on:click=move |_| if browser::copy(&l2) { copied.set(Some("Link copied")) }>"Copy link"</button>
            <fieldset class="embed-options" inner_html=EMBED_OPTIONS_HTML on:change=move |ev| {
                let (q, e) = embed_query(&event_target::<web_sys::Element>(&ev).closest("fieldset").ok().flatten().unwrap_or_else(|| event_target(&ev)));
                option_error.set(e);
                query.set(q);
            }></fieldset>
            {move || option_error.get().map(|e| view! { <p class="scenario-error" role="alert">{e}</p> })}
            <label>"Embed in a page"
                <textarea class="embed-snippet" readonly rows="4" prop:value=snippet></textarea>
            </label>
            <button class="copy-snippet" on:click=move |_| if browser::copy(&snippet()) { copied.set(Some("Snippet copied")) }>"Copy snippet"</button>
            {move || copied.get().map(|c| view! { <p role="status">{c}</p> })}
            <iframe class="embed-preview" title="Preview of the embed" prop:src=src></iframe>
            <button class="close-dialog" on:click=move |_| on_close()>"Close"</button>
        </div>
    }
}
