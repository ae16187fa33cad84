//! Work that must not hold up a frame: run it after the browser has painted the next one.

use leptos::prelude::{request_animation_frame, set_timeout};
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

/// A hidden page gets no animation frames: after this long the work runs anyway.
const HIDDEN_PAGE_FALLBACK: Duration = Duration::from_millis(250);

/// Work that runs at most once, whichever of its two triggers comes first.
type Once = Rc<Cell<Option<Box<dyn FnOnce()>>>>;

/// Runs `f` once the next frame has painted: two animation frames (the first is the frame that shows what
/// was just changed; the second starts after it has been painted) and then a task. If the page is hidden
/// and gets no frames, `f` runs after a short timeout instead. Either way it runs once.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let slot: Once = Rc::new(Cell::new(Some(Box::new(f))));
    let run = move |slot: &Once| {
        if let Some(f) = slot.take() {
            f();
        }
    };
    let by_frame = slot.clone();
    request_animation_frame(move || {
        request_animation_frame(move || {
            set_timeout(move || run(&by_frame), Duration::ZERO);
        })
    });
    set_timeout(move || run(&slot), HIDDEN_PAGE_FALLBACK);
}

/// Coalesces requests made while one is pending: the last request's work runs, once, after the next paint.
/// For writes that only the latest state matters to (the address bar, local storage).
#[derive(Clone, Default)]
pub struct Coalesce {
    pending: Rc<Cell<u64>>,
}

impl Coalesce {
    pub fn after_next_paint(&self, f: impl FnOnce() + 'static) {
        let generation = self.pending.get().wrapping_add(1);
        self.pending.set(generation);
        let pending = self.pending.clone();
        after_next_paint(move || {
            if pending.get() == generation {
                f();
            }
        });
    }
}
