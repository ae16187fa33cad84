//! Keeps the scenario where the page needs it: opened from the link (or else from local storage) at start,
//! saved to local storage when the user changes it, and written into the URL fragment so the address bar is
//! always a share link. A link that cannot be opened says why and leaves the stored scenario alone.

use super::browser::{self, BrowserError};
use super::link::{self, LinkError};
use super::model::{AppScenario, ModelError};
use crate::schedule::Coalesce;
use crate::state::{AppState, ScenarioError};
use leptos::prelude::*;

/// Why a link cannot be opened; then nothing has changed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OpenError {
    /// The link cannot be read.
    #[error("This link cannot be opened: {0}")]
    Link(#[from] LinkError),
    /// The link's scenario cannot be set up.
    #[error("This link cannot be opened: {0}")]
    Load(#[from] ScenarioError),
}

/// A notice for the user about where the scenario came from or where it is kept.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Notice {
    /// The link in the address cannot be opened.
    #[error(transparent)]
    Link(#[from] OpenError),
    /// The stored scenario cannot be read (it is kept).
    #[error(
        "Your saved scenario could not be opened ({0}); it is kept until you change the scenario."
    )]
    Stored(StoredError),
    /// Local storage cannot be used.
    #[error("The scenario will not be kept here: {0}.")]
    Storage(#[from] BrowserError),
}

/// Why the stored scenario cannot be opened.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StoredError {
    /// The stored file is not a valid scenario.
    #[error(transparent)]
    File(#[from] ModelError),
    /// Its sensors cannot be set up.
    #[error(transparent)]
    Load(#[from] ScenarioError),
}

/// The sensor catalog's names, in order (links name sensors by index).
pub fn catalog_names(app: &AppState) -> Vec<String> {
    app.scenario.sensors.with_untracked(|s| {
        s.as_ref()
            .map(|s| s.iter().map(|x| x.name.clone()).collect())
            .unwrap_or_default()
    })
}

/// The share fragment for the scenario at the current time.
pub fn share_fragment(app: &AppState) -> Result<String, LinkError> {
    link::encode(
        &app.scenario.snapshot(),
        app.clock.time_s.get_untracked(),
        &catalog_names(app),
    )
}

/// Opens the scenario in a link: `Ok(true)` if it held one. The error says why it cannot be opened; then
/// nothing has changed.
fn open_link(app: &AppState, fragment: &str) -> Result<bool, OpenError> {
    let opened = match link::decode(fragment, &catalog_names(app))? {
        Some(l) => Some(app.load(l.scenario).map(|()| l.time_s)?),
        None => None,
    };
    match opened {
        Some(time_s) => {
            if let Some(t) = time_s {
                app.clock.time_s.set(t);
            }
            Ok(true)
        }
        None => Ok(false),
    }
}

/// Opens the initial scenario and starts saving. Returns a notice for the user (a link that could not be
/// opened, storage that is blocked), if any.
pub fn start(app: AppState, embed: bool) -> RwSignal<Option<Notice>> {
    let notice = RwSignal::new(None::<Notice>);
    let from_link = open_link(&app, &browser::fragment()).unwrap_or_else(|e| {
        notice.set(Some(e.into()));
        false
    });
    if !from_link && !embed {
        match browser::load_stored() {
            Ok(Some(json)) => {
                let opened = AppScenario::from_json(&json)
                    .map_err(StoredError::from)
                    .and_then(|s| app.load(s).map_err(StoredError::from));
                if let Err(e) = opened {
                    notice.set(Some(Notice::Stored(e)));
                }
            }
            Ok(None) => {}
            Err(e) => notice.set(Some(e.into())),
        }
    }
    // What was opened is not saved until the user changes it: opening a link must not replace the user's own
    // scenario, and a stored file that could not be read stays until then.
    let opened = app.scenario.snapshot();
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
            let s = app.scenario.snapshot();
            if s == opened {
                return;
            }
            if let Ok(json) = s.to_json() {
                if let Err(e) = browser::store(&json) {
                    notice.set(Some(e.into()));
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
        app.clock.time_s.track();
        if app.clock.playing.get() {
            return;
        }
        write_later.after_next_paint(move || {
            if app.clock.playing.get_untracked() {
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
            Err(e) => notice.set(Some(e.into())),
        }
    });
    on_cleanup(move || listener.remove());
    notice
}

/// Subscribes the running effect to every part of the scenario.
fn track_scenario(app: &AppState) {
    app.scenario.launches.track();
    app.scenario.seed.track();
    app.scenario.sensors.track();
    app.scenario.enabled.track();
    app.scenario.picture_configs.track();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_read_as_before() {
        let e = Notice::from(OpenError::from(LinkError::NoLaunch));
        assert_eq!(
            e.to_string(),
            "This link cannot be opened: launches: the link has no launch"
        );
        let e = Notice::Stored(StoredError::from(ScenarioError::NoLaunch));
        assert_eq!(
            e.to_string(),
            "Your saved scenario could not be opened (launches: must list at least one launch); it is kept \
             until you change the scenario."
        );
        let e = Notice::from(BrowserError::StorageBlocked);
        assert_eq!(
            e.to_string(),
            "The scenario will not be kept here: local storage is blocked here."
        );
    }
}
