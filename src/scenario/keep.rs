//! When the page may write the scenario on screen over the reader's stored one. A shared link is shown, not
//! stored: the reader's own scenario stays in storage until the reader keeps the link's scenario or changes
//! it. Pure, tested natively; `sync` applies the decisions.

/// Whose scenario the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// The reader's own: the stored one, the default when none is stored, or one the reader kept or changed.
    Own,
    /// A shared link's, not yet kept: storage still holds the reader's own scenario.
    Link,
}

/// Where the scenario shown at start came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    FromLink,
    FromStorage,
    /// Nothing usable was stored (or it could not be read): the default scenario.
    Default,
}

/// What happens to the scenario on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A link was opened in the open page (the fragment changed).
    LinkOpened,
    /// The reader changed the scenario.
    Edited,
    /// The reader chose to keep the link's scenario.
    Keep,
    /// The reader chose to go back to the stored scenario.
    Back,
}

/// What the page does about storage after an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Nothing,
    /// Write the scenario on screen to storage.
    Store,
    /// Replace the scenario on screen with the stored one.
    LoadStored,
}

/// The page's keeping state: whose scenario is shown, and whether it is an embed (which never touches
/// storage: a sandboxed frame may have none, and an embed must not replace the reader's own scenario).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keeping {
    pub shown: Shown,
    pub embed: bool,
}

impl Keeping {
    pub fn start(opened: Opened, embed: bool) -> Keeping {
        let shown = match opened {
            Opened::FromLink => Shown::Link,
            Opened::FromStorage | Opened::Default => Shown::Own,
        };
        Keeping { shown, embed }
    }

    /// The state after `event`, and what to do about storage.
    pub fn step(self, event: Event) -> (Keeping, Act) {
        let (shown, act) = match (self.shown, event) {
            (_, Event::LinkOpened) => (Shown::Link, Act::Nothing),
            // Changing a link's scenario makes it the reader's own: it is stored like any edit.
            (_, Event::Edited) => (Shown::Own, Act::Store),
            (Shown::Link, Event::Keep) => (Shown::Own, Act::Store),
            (Shown::Link, Event::Back) => (Shown::Own, Act::LoadStored),
            // The banner that offers these is not shown for the reader's own scenario.
            (Shown::Own, Event::Keep | Event::Back) => (Shown::Own, Act::Nothing),
        };
        let act = if self.embed { Act::Nothing } else { act };
        (Keeping { shown, ..self }, act)
    }

    /// Whether the page says that a link is shown and offers to keep it or go back.
    pub fn banner(self) -> bool {
        self.shown == Shown::Link && !self.embed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVENTS: [Event; 4] = [Event::LinkOpened, Event::Edited, Event::Keep, Event::Back];

    #[test]
    fn a_link_opened_at_start_is_shown_not_stored_until_kept_or_edited() {
        let k = Keeping::start(Opened::FromLink, false);
        assert!(k.banner());
        let (kept, act) = k.step(Event::Keep);
        assert_eq!((kept.shown, act), (Shown::Own, Act::Store));
        assert!(!kept.banner());
        let (edited, act) = k.step(Event::Edited);
        assert_eq!((edited.shown, act), (Shown::Own, Act::Store));
        assert!(!edited.banner());
        let (back, act) = k.step(Event::Back);
        assert_eq!((back.shown, act), (Shown::Own, Act::LoadStored));
        assert!(!back.banner());
    }

    #[test]
    fn a_link_opened_in_the_open_page_stores_nothing() {
        for opened in [Opened::FromLink, Opened::FromStorage, Opened::Default] {
            let (k, act) = Keeping::start(opened, false).step(Event::LinkOpened);
            assert_eq!((k.shown, act), (Shown::Link, Act::Nothing), "{opened:?}");
            assert!(k.banner());
            // A second link replaces the first, still unstored.
            let (k, act) = k.step(Event::LinkOpened);
            assert_eq!((k.shown, act), (Shown::Link, Act::Nothing));
        }
    }

    #[test]
    fn the_readers_own_scenario_is_stored_on_each_edit_and_nothing_else() {
        for opened in [Opened::FromStorage, Opened::Default] {
            let k = Keeping::start(opened, false);
            assert!(!k.banner());
            assert_eq!(k.step(Event::Edited), (k, Act::Store));
            assert_eq!(k.step(Event::Keep), (k, Act::Nothing));
            assert_eq!(k.step(Event::Back), (k, Act::Nothing));
        }
    }

    #[test]
    fn an_embed_never_touches_storage_nor_shows_the_banner() {
        for opened in [Opened::FromLink, Opened::FromStorage, Opened::Default] {
            let mut k = Keeping::start(opened, true);
            for e in EVENTS.iter().chain(EVENTS.iter().rev()) {
                let (next, act) = k.step(*e);
                assert_eq!(act, Act::Nothing, "{opened:?} {e:?}");
                assert!(!next.banner(), "{opened:?} {e:?}");
                k = next;
            }
        }
    }

    #[test]
    fn after_keep_or_back_the_next_link_shows_the_banner_again() {
        for e in [Event::Keep, Event::Back, Event::Edited] {
            let (k, _) = Keeping::start(Opened::FromLink, false).step(e);
            let (k, act) = k.step(Event::LinkOpened);
            assert!(k.banner(), "{e:?}");
            assert_eq!(act, Act::Nothing);
        }
    }
}
