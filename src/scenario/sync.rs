//! Keeps the scenario where the page needs it: opened from the link (or else from local storage) at start,
//! saved to local storage when the user changes it, and written into the URL fragment so the address bar is
//! always a share link. A link that cannot be opened says why and leaves the stored scenario alone.

use super::browser;
use super::link;
use super::model::AppScenario;
use crate::schedule::Coalesce;
use crate::state::AppState;
use leptos::prelude::*;

/// The sensor catalog's names, in order (links name sensors by index).
pub fn catalog_names(app: &AppState) -> Vec<String> {
    app.sensors.with_untracked(|s| {
        s.as_ref()
            .map(|s| s.iter().map(|x| x.name.clone()).collect())
            .unwrap_or_default()
    })
}

/// The share fragment for the scenario at the current time.
pub fn share_fragment(app: &AppState) -> Result<String, String> {
    link::encode(
        &app.snapshot(),
        app.time_s.get_untracked(),
        &catalog_names(app),
    )
}

/// Opens the scenario in a link: `Ok(true)` if it held one. The error says why it cannot be opened; then
/// nothing has changed.
fn open_link(app: &AppState, fragment: &str) -> Result<bool, String> {
    let opened = link::decode(fragment, &catalog_names(app))
        .and_then(|l| {
            l.map(|l| app.load(l.scenario).map(|()| l.time_s))
                .transpose()
        })
        .map_err(|e| format!("This link cannot be opened: {e}"))?;
    match opened {
        Some(time_s) => {
            if let Some(t) = time_s {
                app.time_s.set(t);
            }
            Ok(true)
        }
        None => Ok(false),
    }
}

/// Opens the initial scenario and starts saving. Returns a notice for the user (a link that could not be
/// opened, storage that is blocked), if any.
pub fn start(app: AppState, embed: bool) -> RwSignal<Option<String>> {
    let notice = RwSignal::new(None::<String>);
    let from_link = open_link(&app, &browser::fragment()).unwrap_or_else(|e| {
        notice.set(Some(e));
        false
    });
    if !from_link && !embed {
        match browser::load_stored() {
            Ok(Some(json)) => {
                if let Err(e) = AppScenario::from_json(&json).and_then(|s| app.load(s)) {
                    notice.set(Some(format!(
                        "Your saved scenario could not be opened ({e}); it is kept until you change the scenario."
                    )));
                }
            }
            Ok(None) => {}
            Err(e) => notice.set(Some(format!("The scenario will not be kept here: {e}."))),
        }
    }
    // What was opened is not saved until the user changes it: opening a link must not replace the user's own
    // scenario, and a stored file that could not be read stays until then.
    let opened = app.snapshot();
    // Both writes wait until the edit's frame has painted, and a burst of edits writes once: encoding the
    // scenario and replacing the URL cost a few milliseconds that an edit's frame cannot spare.
    let store_later = Coalesce::default();
    Effect::new(move |_| {
        track_scenario(&app);
        if embed {
            return;
        }
        let opened = opened.clone();
        store_later.after_next_paint(move || {
            let s = app.snapshot();
            if s == opened {
                return;
            }
            if let Ok(json) = s.to_json() {
                if let Err(e) = browser::store(&json) {
                    notice.set(Some(format!("The scenario will not be kept here: {e}.")));
                }
            }
        });
    });
    let last_written = StoredValue::new(String::new());
    // The address bar follows the scenario, and the clock while it is paused (browsers throttle frequent
    // URL changes, and a playing clock would make one per frame).
    let write_later = Coalesce::default();
    Effect::new(move |_| {
        track_scenario(&app);
        app.time_s.track();
        if app.playing.get() {
            return;
        }
        write_later.after_next_paint(move || {
            if app.playing.get_untracked() {
                return;
            }
            if let Ok(f) = share_fragment(&app) {
                last_written.set_value(f.clone());
                browser::replace_fragment(&f);
            }
        });
    });
    // A link pasted into the address bar of the open page changes only the fragment: open it too.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let f = browser::fragment();
        if f == last_written.get_value() {
            return;
        }
        match open_link(&app, &f) {
            Ok(_) => notice.set(None),
            Err(e) => notice.set(Some(e)),
        }
    });
    on_cleanup(move || listener.remove());
    notice
}

/// Subscribes the running effect to every part of the scenario.
fn track_scenario(app: &AppState) {
    app.launches.track();
    app.seed.track();
    app.sensors.track();
    app.enabled.track();
    app.picture_configs.track();
}
