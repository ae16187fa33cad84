//! One analysis of the scenario, as the worker and the page both run it: the request, the result, and their
//! bytes on the wire. Pure, tested natively.
//!
//! The worker flies the launches again from their forms rather than receiving the page's flights: a flight is
//! the same bit for bit whatever the solvers remembered before it (`picture_sim::flight::ShapingMemory`), and
//! a form is a few dozen bytes where a flight is tens of kilobytes.

use crate::present::detections::{detect, Detections};
use crate::present::flight::{FlightView, Launched};
use crate::present::pictures::{run_pictures, PicturesError, PicturesOutcome};
use crate::scenario::model::ScenarioLaunch;
use crate::state::scenario::place_ships;
use picture_sim::flight::ShapingMemory;
use picture_sim::scenario::ShipStation;
use picture_sim::sensors::Refraction;
use picture_sim::tracking::picture::PictureConfig;
use serde::{Deserialize, Serialize};

/// Everything the detections and the pictures depend on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Job {
    pub launches: Vec<ScenarioLaunch>,
    /// Every ship's station (`crate::state::scenario::ship_stations`); `None` if the page's sensors could not
    /// be set up (then nothing is detected).
    pub ships: Option<Vec<ShipStation>>,
    /// Which sensors take part, by catalog index.
    pub enabled: Vec<bool>,
    /// How the detections' rays bend.
    pub refraction: Refraction,
    pub seed: u64,
    pub pictures: Vec<PictureConfig>,
}

/// Why the pictures have no result, as it crosses from the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PicturesFailure {
    /// No launch of the scenario flies.
    NoFlight,
    /// A picture could not be run: the message the page shows.
    Refused(String),
}

/// What the analysis found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysed {
    pub detections: Detections,
    pub pictures: Result<PicturesOutcome, PicturesFailure>,
}

/// A request to the worker: `generation` orders requests, so the page keeps only the newest one's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub generation: u64,
    pub job: Job,
}

/// The worker's answer to the request of the same generation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub generation: u64,
    /// [`fingerprint`] of `analysed` as the worker computed it: what a test compares with the page's own.
    pub fingerprint: u64,
    pub analysed: Analysed,
}

/// Bytes that are not a message of the expected kind (a worker of another build, or corrupt memory).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("analysis message: {0}")]
pub struct WireError(String);

/// The message's bytes.
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    // Serialising into memory fails only on types postcard cannot represent, which these do not contain.
    postcard::to_allocvec(message).unwrap_or_default()
}

/// The message in `bytes`, or why they are not one.
pub fn decode<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, WireError> {
    postcard::from_bytes(bytes).map_err(|e| WireError(e.to_string()))
}

/// A fingerprint of a result's bytes (FNV-1a, 64 bits): equal results have equal fingerprints, so a test can
/// compare the worker's answer with the page's without reading either.
pub fn fingerprint(analysed: &Analysed) -> u64 {
    encode(analysed).iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Detections and pictures of flights already flown (each with its launch index).
pub fn analyse_flown(flown: &[Launched], job: &Job) -> Analysed {
    let sensors = job.ships.as_deref().and_then(|s| place_ships(s).ok());
    let detections = match (sensors, job.refraction.earth()) {
        (Some(sensors), Ok(earth)) if !flown.is_empty() => {
            detect(flown, &sensors, &job.enabled, earth, job.seed)
        }
        _ => Detections::default(),
    };
    let pictures = run_pictures(
        flown,
        &job.pictures,
        &detections.nations,
        &detections.measurements,
    )
    .map_err(|e| match e {
        PicturesError::NoFlight => PicturesFailure::NoFlight,
        e => PicturesFailure::Refused(e.to_string()),
    });
    Analysed {
        detections,
        pictures,
    }
}

/// Flies the job's launches (`memory` only makes repeated solves faster) and analyses them.
pub fn analyse(job: &Job, memory: &mut ShapingMemory) -> Analysed {
    let flights: Vec<Result<FlightView, String>> = job
        .launches
        .iter()
        .map(|l| FlightView::fly_at_with(&l.form, l.offset_s, memory))
        .collect();
    let flown: Vec<Launched> = flights
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.as_ref().ok().map(|f| (i, f)))
        .collect();
    analyse_flown(&flown, job)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::model::AppScenario;
    use crate::state::scenario::ship_stations;
    use picture_sim::sensors::catalog;

    fn example_job() -> Job {
        let scenario = AppScenario::default();
        let sensors = catalog().unwrap();
        Job {
            launches: scenario.launches.clone(),
            enabled: vec![true; sensors.len()],
            ships: Some(ship_stations(&sensors)),
            refraction: Refraction::Ray,
            seed: 7,
            pictures: scenario.pictures.clone(),
        }
    }

    #[test]
    fn a_request_and_its_result_cross_the_wire_unchanged() {
        let job = example_job();
        let request = Request { generation: 3, job };
        let bytes = encode(&request);
        assert_eq!(decode::<Request>(&bytes).unwrap(), request);
        let analysed = analyse(&request.job, &mut ShapingMemory::new());
        let outcome = analysed.pictures.as_ref().expect("the example is tracked");
        assert!(!outcome.runs.is_empty() && !analysed.detections.measurements.is_empty());
        let reply = Reply {
            generation: 3,
            fingerprint: fingerprint(&analysed),
            analysed,
        };
        let back: Reply = decode(&encode(&reply)).unwrap();
        // Bit for bit: the bytes again, which also holds where a figure is NaN (and `==` is false).
        assert_eq!(encode(&back), encode(&reply));
        assert_eq!(fingerprint(&back.analysed), back.fingerprint);
    }

    #[test]
    fn the_worker_path_matches_the_pages_flights() {
        // The page analyses its own (cached, memory-assisted) flights; the worker flies afresh.
        let job = example_job();
        let mut warm = ShapingMemory::new();
        let _ = analyse(&job, &mut warm);
        let flights: Vec<_> = job
            .launches
            .iter()
            .map(|l| FlightView::fly_at_with(&l.form, l.offset_s, &mut warm).unwrap())
            .collect();
        let flown: Vec<Launched> = flights.iter().enumerate().collect();
        let page = analyse_flown(&flown, &job);
        let worker = analyse(&job, &mut ShapingMemory::new());
        assert_eq!(encode(&page), encode(&worker));
    }

    #[test]
    fn a_changed_seed_changes_the_fingerprint() {
        let mut job = example_job();
        let a = fingerprint(&analyse(&job, &mut ShapingMemory::new()));
        job.seed += 1;
        let b = fingerprint(&analyse(&job, &mut ShapingMemory::new()));
        assert_ne!(a, b);
    }

    #[test]
    fn foreign_bytes_are_refused_with_a_message() {
        let e = decode::<Reply>(&[0xff, 0xff, 0xff]).unwrap_err();
        assert!(e.to_string().starts_with("analysis message:"), "{e}");
        assert!(decode::<Reply>(&[]).is_err());
    }

    #[test]
    fn no_flight_and_no_sensors_are_told_apart() {
        let mut job = example_job();
        job.ships = None;
        let a = analyse(&job, &mut ShapingMemory::new());
        assert!(a.detections.measurements.is_empty());
        job.launches.clear();
        let b = analyse(&job, &mut ShapingMemory::new());
        assert_eq!(b.pictures, Err(PicturesFailure::NoFlight));
    }

    #[test]
    fn a_moved_ship_is_set_up_again_bit_for_bit() {
        let mut sensors = catalog().unwrap();
        let i = sensors
            .iter()
            .position(|s| matches!(s.kind, picture_sim::sensors::SensorKind::ShipRadar(_)))
            .expect("the catalog has a ship");
        // A station as a drag leaves it: no round number.
        sensors[i]
            .move_to(38.123_456_789_1, 133.987_654_321_7)
            .unwrap();
        let again = place_ships(&ship_stations(&sensors)).unwrap();
        assert_eq!(again, sensors);
    }
}
