//! What the app works out from the scenario: every launch's flight (cached per launch, so an edit of one
//! launch flies only that one), the radar fans, the detections and the pictures. All memos: nothing here is
//! written by the user.
//!
//! The flights follow an edit in the same reactive pass, so the edit's frame shows the new arc and figures.
//! Detections and tracking take tens to hundreds of milliseconds: they run in the analyses' worker
//! (`crate::worker`), asked once the edit's frame has painted (`settled`). Until the answer to the newest
//! request arrives, the previous figures stay and `pending` says they are out of date; answers to older
//! requests are dropped. Where the worker cannot start, the same analysis runs in the page after the frame.

use super::scenario::{clamp_selection, ship_stations, ScenarioState};
use super::view::ViewState;
use crate::present::detections::{coverage, Detections};
use crate::present::flight::{FlightView, Launched};
use crate::present::pictures::{PicturesError, PicturesOutcome};
use crate::scenario::model::ScenarioLaunch;
use crate::schedule::after_next_paint;
use crate::worker::client::{Analyst, Heard};
use crate::worker::job::{analyse_flown, fingerprint, Analysed, Job, PicturesFailure, Request};
use crate::worker::Venue;
use leptos::prelude::*;
use picture_sim::flight::ShapingMemory;
use picture_sim::sensors::{CoverageError, Footprint};
use std::sync::Arc;

/// Flights kept for reuse: the scenario's launches plus a few recent edits.
const FLIGHT_CACHE: usize = 48;

/// A flown launch, shared between the scenario's list and the selected-launch memo.
pub type SharedFlight = Arc<Result<FlightView, String>>;

/// Why an analysis has no result. The messages are shown to the user (or matched, for `NoFlight`).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AnalysisError {
    /// The refraction is not usable (a k out of range).
    #[error("Refraction: {0}")]
    Refraction(String),
    /// The sensors could not be set up.
    #[error(transparent)]
    Sensors(#[from] super::scenario::ScenarioError),
    /// The fans could not be drawn.
    #[error(transparent)]
    Coverage(#[from] CoverageError),
    /// No launch of the scenario flies: there is nothing to track.
    #[error("no flight")]
    NoFlight,
    /// The pictures could not be run.
    #[error(transparent)]
    Pictures(#[from] PicturesError),
    /// The analysis of the scenario has not answered yet.
    #[error("computing...")]
    Pending,
    /// The analysis refused the scenario or failed: the message says why.
    #[error("{0}")]
    Failed(String),
}

/// The analyses' memos. Copy: every field is a memo or a signal.
#[derive(Clone, Copy)]
pub struct AnalysisState {
    /// The flight of each launch, in `launches` order.
    pub flights: Memo<Vec<SharedFlight>>,
    /// The flight of the selected launch, or why it cannot fly (the form is kept as it is either way).
    pub flight: Memo<Result<FlightView, String>>,
    /// When the last flight ends, seconds after the scenario start.
    pub end_s: Memo<f64>,
    /// Counts the frames painted after a change of the flights: what follows the flights but need not be in
    /// the frame that shows an edit (the analyses, the scrubber's markers) tracks this instead.
    pub settled: ReadSignal<u64>,
    /// The fans at the view's altitude and refraction.
    pub coverage: Memo<Result<Vec<(usize, Footprint)>, AnalysisError>>,
    /// Each enabled sensor against every flight.
    pub detections: Memo<Detections>,
    /// Every picture's tracks and scores for the flights and sensors.
    pub pictures: Memo<Result<PicturesOutcome, AnalysisError>>,
    /// True from a change of what the analyses depend on until their answer: the figures shown are old.
    pub pending: Memo<bool>,
    /// Where the analyses run.
    pub venue: ReadSignal<Venue>,
    /// Fingerprint of the analysis shown (`crate::worker::job::fingerprint`): equal for equal results.
    pub fingerprint: ReadSignal<Option<u64>>,
    /// Why the analyses run in the page instead of a worker, said once.
    pub notice: ReadSignal<Option<String>>,
}

/// The shown analysis: its request's generation and what it found.
type Answer = Option<(u64, Arc<Analysed>)>;

/// Flies a launch, reusing an earlier flight of the same launch.
fn fly_cached(
    cache: StoredValue<Vec<(ScenarioLaunch, SharedFlight)>>,
    memory: StoredValue<ShapingMemory>,
    launch: &ScenarioLaunch,
) -> SharedFlight {
    if let Some(hit) =
        cache.with_value(|c| c.iter().find(|(l, _)| l == launch).map(|(_, f)| f.clone()))
    {
        return hit;
    }
    // The solvers' memory makes an edit of a launch's range or apogee skip the searches of its flight plane.
    let fly = |m: &mut ShapingMemory| FlightView::fly_at_with(&launch.form, launch.offset_s, m);
    let flown = memory
        .try_update_value(fly)
        .unwrap_or_else(|| fly(&mut ShapingMemory::new()));
    let flown: SharedFlight = Arc::new(flown);
    cache.update_value(|c| {
        if c.len() >= FLIGHT_CACHE {
            c.remove(0);
        }
        c.push((launch.clone(), flown.clone()));
    });
    flown
}

impl AnalysisState {
    /// The memos over `scenario`, with the fans drawn and the detections made for `view`'s altitude and k.
    pub fn new(scenario: ScenarioState, view: ViewState) -> AnalysisState {
        let ScenarioState {
            launches,
            selected,
            seed,
            sensors,
            enabled,
            picture_configs,
            ..
        } = scenario;
        let cache = StoredValue::new(Vec::<(ScenarioLaunch, SharedFlight)>::new());
        let memory = StoredValue::new(ShapingMemory::new());
        let flights = Memo::new(move |_| {
            launches.with(|l| {
                l.iter()
                    .map(|l| fly_cached(cache, memory, l))
                    .collect::<Vec<_>>()
            })
        });
        // The selected launch's flight is its entry in `flights`: an edit writes the scenario's launch
        // (`ScenarioState::edit_form`), so one pass re-flies it and redraws everything that shows it.
        let flight = Memo::new(move |_| {
            let i = selected.get();
            flights.with(|fs| {
                fs.get(clamp_selection(i, fs.len()))
                    .map(|f| (**f).clone())
                    .unwrap_or_else(|| Err(super::scenario::ScenarioError::NoLaunch.to_string()))
            })
        });
        let end_s = Memo::new(move |_| {
            flights.with(|fs| {
                fs.iter()
                    .filter_map(|f| f.as_ref().as_ref().ok())
                    .map(|f| f.launch_offset_s() + f.duration_s())
                    .fold(0.0, f64::max)
            })
        });
        // Detections and tracking follow the flights once the next frame has painted, so an edited launch's
        // arc and figures show at once and the slower analyses fill in after. (A zero timeout alone is not
        // enough: the browser runs it before the frame, which then waits for the analyses.)
        let settled = RwSignal::new(0u64);
        Effect::new(move |_| {
            flights.track();
            after_next_paint(move || settled.update(|n| *n += 1));
        });
        let (fan_alt_km, refraction) = (view.fan_alt_km, view.refraction);
        let earth = move || {
            refraction
                .get()
                .earth()
                .map_err(|e| AnalysisError::Refraction(e.to_string()))
        };
        let coverage = Memo::new(move |_| {
            let earth = earth()?;
            sensors.with(|s| {
                let s = s.as_ref().map_err(|e| AnalysisError::Sensors(e.clone()))?;
                enabled
                    .with(|on| coverage(s, on, &earth, fan_alt_km.get()))
                    .map_err(AnalysisError::Coverage)
            })
        });
        let requested = RwSignal::new(0u64);
        let answer = RwSignal::new(None::<(u64, Arc<Analysed>)>);
        let venue = RwSignal::new(Venue::Starting);
        let shown_fingerprint = RwSignal::new(None::<u64>);
        let notice = RwSignal::new(None::<String>);
        let show = move |generation: u64, analysed: Analysed, print: u64| {
            // An answer to a request that a newer one has superseded is never shown.
            if generation == requested.get_untracked() {
                answer.set(Some((generation, Arc::new(analysed))));
                shown_fingerprint.set(Some(print));
            }
        };
        let failed = move |why: String| Analysed {
            detections: Detections::default(),
            pictures: Err(PicturesFailure::Refused(format!(
                "the analysis failed: {why}"
            ))),
        };
        let analyst = StoredValue::new_local(Analyst::start(move |heard| match heard {
            Heard::Ready => venue.set(Venue::Worker),
            Heard::GaveUp(why) => {
                notice.set(Some(format!(
                    "The analyses run in the page ({why}): it may pause while they compute."
                )));
                venue.set(Venue::Page);
            }
            Heard::Answer(reply) => show(reply.generation, reply.analysed, reply.fingerprint),
            Heard::Failed(why) => {
                let a = failed(why);
                show(requested.get_untracked(), a.clone(), fingerprint(&a));
            }
        }));
        // Only a move to the page asks again (the worker's start sends the request that waited for it).
        let in_page = Memo::new(move |_| venue.get() == Venue::Page);
        Effect::new(move |_| {
            // Nothing to ask before the first flights have painted.
            if settled.get() == 0 {
                return;
            }
            let job = Job {
                launches: launches.get_untracked(),
                ships: sensors.with(|s| s.as_ref().ok().map(|s| ship_stations(s))),
                enabled: enabled.get(),
                refraction: refraction.get(),
                seed: seed.get(),
                pictures: picture_configs.get(),
            };
            let generation = requested.get_untracked() + 1;
            requested.set(generation);
            if in_page.get() {
                // The page's own flights (the same bit for bit as the worker's), after the next paint so the
                // "computing" state shows first.
                after_next_paint(move || {
                    if generation != requested.get_untracked() {
                        return;
                    }
                    let analysed = flights.with_untracked(|fs| {
                        let flown: Vec<Launched> = fs
                            .iter()
                            .enumerate()
                            .filter_map(|(i, f)| f.as_ref().as_ref().ok().map(|f| (i, f)))
                            .collect();
                        analyse_flown(&flown, &job)
                    });
                    let print = fingerprint(&analysed);
                    show(generation, analysed, print);
                });
            } else {
                analyst.with_value(|a| a.submit(&Request { generation, job }));
            }
        });
        let detections = Memo::new(move |_| {
            answer.with(|a| {
                a.as_ref()
                    .map(|(_, a)| a.detections.clone())
                    .unwrap_or_default()
            })
        });
        let pictures = Memo::new(move |_| {
            answer.with(|a| match a {
                None => Err(AnalysisError::Pending),
                Some((_, a)) => a.pictures.clone().map_err(|e| match e {
                    PicturesFailure::NoFlight => AnalysisError::NoFlight,
                    PicturesFailure::Refused(why) => AnalysisError::Failed(why),
                }),
            })
        });
        let pending = Memo::new(move |_| {
            requested.get() != answer.with(|a: &Answer| a.as_ref().map(|(g, _)| *g).unwrap_or(0))
        });
        AnalysisState {
            flights,
            flight,
            end_s,
            settled: settled.read_only(),
            coverage,
            detections,
            pictures,
            pending,
            venue: venue.read_only(),
            fingerprint: shown_fingerprint.read_only(),
            notice: notice.read_only(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_as_before() {
        assert_eq!(AnalysisError::NoFlight.to_string(), "no flight");
        assert_eq!(
            AnalysisError::Refraction("k must be positive".into()).to_string(),
            "Refraction: k must be positive"
        );
        assert_eq!(
            AnalysisError::from(super::super::scenario::ScenarioError::Catalog("x".into()))
                .to_string(),
            "Sensor catalog: x"
        );
    }
}
