//! The analyses off the thread that draws: detections, the pictures' trackers and their metrics run in a
//! dedicated Web Worker on the page's own wasm module (`public/analysis-worker.js` loads it; the page sends
//! the compiled module, so nothing is downloaded or compiled twice). The page keeps what an edit must show
//! in its own frame: the flights, the arcs, the fans.
//!
//! - [`job`]: the request and the result, their bytes, and the analysis both sides run (pure);
//! - [`client`]: the page's side: start the worker, post requests, hear answers, fall back to the page.

pub mod client;
pub mod job;

use job::{analyse, decode, encode, fingerprint, Reply, Request, WireError};
use picture_sim::flight::ShapingMemory;
use std::cell::RefCell;

/// Where the analyses run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Venue {
    /// The worker is loading the module; requests wait for it.
    Starting,
    Worker,
    /// In the page, on the thread that draws.
    Page,
}

impl Venue {
    /// The `data-venue` attribute's value.
    pub fn key(self) -> &'static str {
        match self {
            Venue::Starting => "starting",
            Venue::Worker => "worker",
            Venue::Page => "page",
        }
    }
}

thread_local! {
    /// The worker's solver memory, kept between requests: an edit of one launch re-solves only in its plane.
    static MEMORY: RefCell<ShapingMemory> = RefCell::new(ShapingMemory::new());
}

/// The worker's answer to a request's bytes.
pub fn respond(request: &[u8]) -> Result<Vec<u8>, WireError> {
    let request: Request = decode(request)?;
    let analysed = MEMORY.with(|m| analyse(&request.job, &mut m.borrow_mut()));
    Ok(encode(&Reply {
        generation: request.generation,
        fingerprint: fingerprint(&analysed),
        analysed,
    }))
}
