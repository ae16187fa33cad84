//! Keeps the scenario where the page needs it: opened from the link (or else from local storage) at start,
//! saved to local storage when the user changes it, and written into the URL fragment so the address bar is
//! always a share link. A link that cannot be opened says why and leaves the stored scenario alone.

use super::browser::{self, BrowserError};
use super::keep::{Act, Event, Keeping, Opened, Shown};
use super::link::{self, LinkError, LinkView, MapAt, Panel};
use super::model::{AppScenario, ModelError};
use crate::map::projection::LambertConformal;
use crate::map::use_pan_zoom::request_view;
use crate::map::view::{data_bounds, theatre_bounds};
use crate::map::viewport::Viewport;
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
    /// The stored scenario cannot be read; what became of its text.
    #[error("Your saved scenario could not be opened ({error}); {aside}.")]
    Stored { error: StoredError, aside: Aside },
    /// The reader chose to go back to the stored scenario, and it cannot be opened.
    #[error("Your saved scenario could not be opened ({0}); the link's scenario is still shown.")]
    Back(StoredError),
    /// Local storage cannot be used.
    #[error("The scenario will not be kept here: {0}.")]
    Storage(#[from] BrowserError),
    /// The unreadable stored scenario could not be offered as a file.
    #[error("The unreadable scenario could not be downloaded: {0}.")]
    Download(BrowserError),
    /// The link opened was made with another model (or before links recorded it): its figures may differ.
    #[error("{}", other_model(*made))]
    OtherModel { made: Option<u32> },
}

/// The notice for a link made with model `made` (`None`: before links recorded it).
fn other_model(made: Option<u32>) -> String {
    let now = picture_sim::model::MODEL_VERSION;
    let made_with = match made {
        Some(v) => format!("This link was made with model {v}"),
        None => "This link was made before links recorded their model".to_string(),
    };
    let changes = picture_sim::model::changes_since(made.unwrap_or(0)).join("; ");
    if changes.is_empty() {
        format!("{made_with}; this page computes with model {now}: its figures may differ from the ones its author saw.")
    } else {
        format!("{made_with}; this page computes with model {now}: its figures may differ from the ones its author saw. What changed: {changes}.")
    }
}

/// Where the text of a stored scenario that cannot be read went.
#[derive(Debug, Clone, PartialEq)]
pub enum Aside {
    /// Copied to its own key, where nothing writes over it.
    Kept,
    /// The copy was refused: the text is only in the main key until the scenario changes.
    Failed(BrowserError),
}

impl std::fmt::Display for Aside {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Aside::Kept => f.write_str("it is kept aside in this browser, and you can download it"),
            Aside::Failed(e) => write!(
                f,
                "it could not be kept aside ({e}) and is replaced when you change the scenario: download it first"
            ),
        }
    }
}

/// Why the stored scenario cannot be opened.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StoredError {
    /// Longer than any scenario the page writes: not parsed at all.
    #[error("scenario file: {bytes} bytes is more than the {max} bytes a scenario can take", max = MAX_STORED_BYTES)]
    TooLarge { bytes: usize },
    /// The stored file is not a valid scenario.
    #[error(transparent)]
    File(#[from] ModelError),
    /// Its sensors cannot be set up.
    #[error(transparent)]
    Load(#[from] ScenarioError),
}

/// The longest stored text the page parses. The page's own scenarios are a few kilobytes; anything far
/// longer was not written by it, and parsing it would hold up the start.
pub const MAX_STORED_BYTES: usize = 1 << 20;

/// Reads a stored scenario file, refusing one too long to be the page's own without parsing it.
pub fn read_stored(text: &str) -> Result<AppScenario, StoredError> {
    if text.len() > MAX_STORED_BYTES {
        return Err(StoredError::TooLarge { bytes: text.len() });
    }
    Ok(AppScenario::from_json(text)?)
}

/// The sensor catalog's names, in order (links name sensors by index).
pub fn catalog_names(app: &AppState) -> Vec<String> {
    app.scenario.sensors.with_untracked(|s| {
        s.as_ref()
            .map(|s| s.iter().map(|x| x.name.clone()).collect())
            .unwrap_or_default()
    })
}

/// The share fragment for the scenario at the current time, with how it is looked at.
pub fn share_fragment(app: &AppState) -> Result<String, LinkError> {
    let scenario = app.scenario.snapshot();
    let mut f = link::encode(
        &scenario,
        app.clock.time_s.get_untracked(),
        &catalog_names(app),
    )?;
    f.push_str(&link::encode_view(&current_view(app), &scenario.pictures));
    Ok(f)
}

/// How the page looks at the scenario now, as a link carries it.
pub fn current_view(app: &AppState) -> LinkView {
    let v = app.view;
    LinkView {
        picture: Some(v.picture.get_untracked()),
        compare: v
            .compare_with
            .get_untracked()
            .map(|c| (c, v.side_by_side.get_untracked())),
        fan_alt_km: Some(v.fan_alt_km.get_untracked()),
        k: Some(v.refraction.get_untracked()),
        map: map_at(),
        speed: Some(app.clock.speed.get_untracked()),
        playing: app.clock.playing.get_untracked(),
        panel: v.explorer_open.get_untracked().then_some(Panel::Explorer),
        preset: v.preset.with_untracked(|p| {
            p.as_deref()
                .and_then(super::presets::Preset::find)
                .map(|p| p.id)
        }),
    }
}

/// Where the first map looks, when it is not the view it opens on (a link without it opens the same way).
fn map_at() -> Option<MapAt> {
    let c = crate::map::split::primary()?;
    let v = c.view.try_get_untracked()?;
    let fit = Viewport::fit(theatre_bounds(&c.proj), v.width_px, v.height_px);
    let zoom = v.scale_px_per_km / fit.scale_px_per_km;
    let moved_px = (v.center.x_km - fit.center.x_km).hypot(v.center.y_km - fit.center.y_km)
        * v.scale_px_per_km;
    if (zoom - 1.0).abs() < 1e-3 && moved_px < 1.0 {
        return None;
    }
    let (lat_deg, lon_deg) = c.proj.inverse(v.center);
    Some(MapAt {
        lat_deg,
        lon_deg,
        zoom,
    })
}

/// Moves the first map to where a link looks, or asks the map to open there if it is not laid out yet.
fn show_map_at(m: MapAt) {
    let proj = LambertConformal::theatre();
    let center = proj.forward(m.lat_deg, m.lon_deg);
    match crate::map::split::primary() {
        Some(c) => {
            if let Some(v) = c.view.try_get_untracked() {
                let fit = Viewport::fit(theatre_bounds(&proj), v.width_px, v.height_px);
                c.view.set(fit.at(center, m.zoom, data_bounds(&proj)));
            }
        }
        None => request_view(center, m.zoom),
    }
}

/// Shows the scenario as a link's view says; what it leaves out is left as it is, except the preset (a link
/// without one is not a preset's).
pub fn apply_view(app: &AppState, l: &LinkView) {
    let v = app.view;
    if let Some(p) = &l.picture {
        v.picture.set(p.clone());
    }
    if let Some((c, side)) = &l.compare {
        v.compare_with.set(Some(c.clone()));
        v.side_by_side.set(*side);
    }
    if let Some(a) = l.fan_alt_km {
        v.fan_alt_km.set(a);
    }
    if let Some(k) = l.k {
        v.refraction.set(k);
    }
    if let Some(m) = l.map {
        show_map_at(m);
    }
    if let Some(x) = l.speed {
        app.clock.speed.set(x);
    }
    if l.panel == Some(Panel::Explorer) {
        v.explorer_open.set(true);
    }
    v.preset.set(l.preset.map(str::to_string));
    if l.playing {
        app.clock.playing.set(true);
    }
}

/// What opening a link did.
pub enum LinkOpened {
    /// The fragment holds no scenario.
    Nothing,
    /// Its scenario is shown; the model it was made with, if not this page's (see [`Notice::OtherModel`]).
    Scenario { other_model: Option<Notice> },
}

/// Opens the scenario in a link. The error says why it cannot be opened; then nothing has changed.
pub fn open_link(app: &AppState, fragment: &str) -> Result<LinkOpened, OpenError> {
    let Some(l) = link::decode(fragment, &catalog_names(app))? else {
        return Ok(LinkOpened::Nothing);
    };
    app.load(l.scenario)?;
    if let Some(t) = l.time_s {
        app.clock.time_s.set(t);
    }
    apply_view(app, &l.view);
    let other_model = (l.model != Some(picture_sim::model::MODEL_VERSION))
        .then_some(Notice::OtherModel { made: l.model });
    Ok(LinkOpened::Scenario { other_model })
}

/// What the page knows about the scenario on screen and the reader's stored one; the scenario editor shows
/// it and offers its actions.
#[derive(Clone, Copy)]
pub struct Keeper {
    app: AppState,
    /// A notice for the user (a link that could not be opened, an unreadable stored scenario, blocked storage).
    pub notice: RwSignal<Option<Notice>>,
    // Signal types the page already has: each new one adds its own copy of the reactive machinery to the wasm.
    /// Whether a link's scenario is shown and not yet kept ([`Shown::Link`]).
    link_shown: RwSignal<bool>,
    embed: bool,
    /// The scenario last opened or stored: a scenario that differs from it was changed by the reader.
    baseline: StoredValue<AppScenario>,
    /// Whether storage holds a scenario of the reader's to go back to.
    has_own: RwSignal<bool>,
    /// The text of a stored scenario that could not be read, for its download (set at start only).
    unreadable: StoredValue<String>,
    has_unreadable: bool,
}

impl Keeper {
    /// Whether a link's scenario is shown and not yet kept (tracked).
    pub fn from_link(&self) -> bool {
        self.keeping(self.link_shown.get()).banner()
    }

    fn keeping(&self, link_shown: bool) -> Keeping {
        let shown = match link_shown {
            true => Shown::Link,
            false => Shown::Own,
        };
        Keeping {
            shown,
            embed: self.embed,
        }
    }

    /// Whether there is a stored scenario to go back to (tracked).
    pub fn has_own(&self) -> bool {
        self.has_own.get()
    }

    /// Whether an unreadable stored scenario can be downloaded.
    pub fn has_unreadable(&self) -> bool {
        self.has_unreadable
    }

    /// Stores the link's scenario as the reader's own.
    pub fn keep(&self) {
        self.apply(Event::Keep);
    }

    /// Shows the reader's stored scenario instead of the link's.
    pub fn back(&self) {
        self.apply(Event::Back);
    }

    /// Offers the unreadable stored scenario's text, as it was, as a file.
    pub fn download_unreadable(&self) {
        let done = self
            .unreadable
            .with_value(|t| browser::download("unreadable-scenario.json", "application/json", t));
        if let Err(e) = done {
            self.notice.set(Some(Notice::Download(e)));
        }
    }

    fn apply(&self, event: Event) {
        let now = self.keeping(self.link_shown.get_untracked());
        let (next, act) = now.step(event);
        match act {
            Act::Nothing => {}
            Act::Store => self.store(),
            Act::LoadStored => {
                if let Err(n) = self.load_stored() {
                    // Still the link's: the banner stays, and an edit still counts as keeping it.
                    self.notice.set(Some(n));
                    return;
                }
            }
        }
        // Most edits leave it as it was: the banner need not hear of them.
        if next != now {
            self.link_shown.set(next.shown == Shown::Link);
        }
    }

    /// Called after the scenario changed: a change from what was last opened or stored is the reader's edit.
    fn changed(&self) {
        let edited = self
            .baseline
            .with_value(|b| *b != self.app.scenario.snapshot());
        if edited {
            self.apply(Event::Edited);
        }
    }

    fn store(&self) {
        let s = self.app.scenario.snapshot();
        if let Ok(json) = s.to_json() {
            match browser::store(&json) {
                Ok(()) => self.has_own.set(true),
                Err(e) => self.notice.set(Some(e.into())),
            }
        }
        self.baseline.set_value(s);
    }

    fn load_stored(&self) -> Result<(), Notice> {
        let json = browser::load_stored()?.ok_or(BrowserError::NoStorage)?;
        read_stored(&json)
            .and_then(|s| Ok(self.app.load(s)?))
            .map_err(Notice::Back)?;
        self.opened();
        self.notice.set(None);
        Ok(())
    }

    /// Records the scenario just opened (not changed by the reader).
    fn opened(&self) {
        self.baseline.set_value(self.app.scenario.snapshot());
    }
}

/// Opens the initial scenario and starts saving the reader's changes.
pub fn start(app: AppState, embed: bool) -> Keeper {
    let notice = RwSignal::new(None::<Notice>);
    let from_link = match open_link(&app, &browser::fragment()) {
        Ok(LinkOpened::Scenario { other_model }) => {
            notice.set(other_model);
            true
        }
        Ok(LinkOpened::Nothing) => false,
        Err(e) => {
            notice.set(Some(e.into()));
            false
        }
    };
    let mut opened = if from_link {
        Opened::FromLink
    } else {
        Opened::Default
    };
    let (mut has_own, mut unreadable) = (false, None::<String>);
    if !embed {
        match browser::load_stored() {
            Ok(Some(json)) => {
                // Read under a link too: keeping the link's scenario must not write over a stored one that
                // cannot be read before it has been set aside.
                let read = read_stored(&json).and_then(|s| match from_link {
                    true => Ok(()),
                    false => Ok(app.load(s)?),
                });
                match read {
                    Ok(()) => {
                        has_own = true;
                        if !from_link {
                            opened = Opened::FromStorage;
                        }
                    }
                    Err(error) => {
                        // Before anything can write over the main key.
                        let aside = match browser::set_aside(&json) {
                            Ok(()) => Aside::Kept,
                            Err(e) => Aside::Failed(e),
                        };
                        notice.set(Some(Notice::Stored { error, aside }));
                        unreadable = Some(json);
                    }
                }
            }
            Ok(None) => {}
            Err(e) => notice.set(Some(e.into())),
        }
    }
    let keeper = Keeper {
        app,
        notice,
        link_shown: RwSignal::new(Keeping::start(opened, embed).shown == Shown::Link),
        embed,
        // What was opened is not stored until the reader changes it (or keeps a link's).
        baseline: StoredValue::new(app.scenario.snapshot()),
        has_own: RwSignal::new(has_own),
        has_unreadable: unreadable.is_some(),
        unreadable: StoredValue::new(unreadable.unwrap_or_default()),
    };
    // Both writes wait until the edit's frame has painted, and a burst of edits writes once: encoding the
    // scenario and replacing the URL cost a few milliseconds that an edit's frame cannot spare.
    let store_later = Coalesce::default();
    Effect::new(move |_| {
        track_scenario(&app);
        if embed {
            return;
        }
        store_later.after_next_paint(move || keeper.changed());
    });
    let last_written = StoredValue::new(String::new());
    // The address bar follows the scenario, and the clock while it is paused (browsers throttle frequent
    // URL changes, and a playing clock would make one per frame).
    let write_later = Coalesce::default();
    Effect::new(move |_| {
        track_scenario(&app);
        app.clock.time_s.track();
        track_view(&app);
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
    // A link pasted into the address bar of the open page changes only the fragment: open it too, shown
    // like a link opened at start (not stored until kept).
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let f = browser::fragment();
        if f == last_written.get_value() {
            return;
        }
        // An edit whose store is still waiting for its frame is stored before the link replaces it.
        if !embed {
            keeper.changed();
        }
        match open_link(&app, &f) {
            Ok(LinkOpened::Scenario { other_model }) => {
                keeper.opened();
                keeper.apply(Event::LinkOpened);
                notice.set(other_model);
            }
            Ok(LinkOpened::Nothing) => notice.set(None),
            Err(e) => notice.set(Some(e.into())),
        }
    });
    on_cleanup(move || listener.remove());
    keeper
}

/// Subscribes the running effect to every part of the view a link carries.
fn track_view(app: &AppState) {
    let v = app.view;
    v.picture.track();
    v.compare_with.track();
    v.side_by_side.track();
    v.fan_alt_km.track();
    v.refraction.track();
    v.explorer_open.track();
    v.preset.track();
    app.clock.speed.track();
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
        let e = Notice::Stored {
            error: StoredError::from(ScenarioError::NoLaunch),
            aside: Aside::Kept,
        };
        assert_eq!(
            e.to_string(),
            "Your saved scenario could not be opened (launches: must list at least one launch); it is kept \
             aside in this browser, and you can download it."
        );
        let e = Notice::Stored {
            error: StoredError::TooLarge { bytes: 2_000_000 },
            aside: Aside::Failed(BrowserError::StorageFull),
        };
        assert_eq!(
            e.to_string(),
            "Your saved scenario could not be opened (scenario file: 2000000 bytes is more than the 1048576 \
             bytes a scenario can take); it could not be kept aside (local storage is full or blocked) and is \
             replaced when you change the scenario: download it first."
        );
        let e = Notice::from(BrowserError::StorageBlocked);
        assert_eq!(
            e.to_string(),
            "The scenario will not be kept here: local storage is blocked here."
        );
    }

    #[test]
    fn a_stored_scenario_is_read_if_it_is_one_and_not_too_long() {
        let json = AppScenario::default().to_json().unwrap();
        assert_eq!(read_stored(&json), Ok(AppScenario::default()));
        // Corrupt, or from a newer version: the error names the field.
        let e = read_stored(&json[..json.len() / 2]).unwrap_err();
        assert!(matches!(e, StoredError::File(_)), "{e}");
        let newer = json.replacen("\"version\": 1", "\"version\": 999", 1);
        assert_ne!(newer, json);
        let e = read_stored(&newer).unwrap_err().to_string();
        assert!(e.starts_with("version:") && e.contains("999"), "{e}");
        // Too long is refused by its length, before any parsing (this one would not parse anyway).
        let long = "x".repeat(MAX_STORED_BYTES + 1);
        assert_eq!(
            read_stored(&long),
            Err(StoredError::TooLarge {
                bytes: MAX_STORED_BYTES + 1
            })
        );
        assert!(matches!(
            read_stored(&"x".repeat(MAX_STORED_BYTES)),
            Err(StoredError::File(_))
        ));
    }
}
