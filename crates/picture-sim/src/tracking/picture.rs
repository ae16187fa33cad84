//! Pictures and links: each picture is a fusion centre that receives the measurements of some nations'
//! sensors, each nation's after its link latency, and runs its own [`Tracker`] on them in arrival order.
//!
//! Built in ([`PictureConfig::builtin`]): each nation alone (its own sensors over its national network), each
//! nation with sharing (its own sensors as before, plus the other two nations' through the INDOPACOM hub in
//! Hawaii with the hub's latency: what the December 2023 arrangement adds to that nation's picture, fully
//! activated on 19 December 2023 per the joint statement in `data/reference/warning_latency.csv`), the legacy
//! arrangement (Japan's centre, with South Korean data reaching it only through the United States after a relay
//! delay) and the hub's own picture (every sensor through the hub). Pictures whose links are the same (with the
//! default latencies, each nation with sharing and the hub) give the same tracks, and are run once
//! ([`same_links`]).
//!
//! **Latency defaults and their basis** ([`LatencyDefaults`]). The public record gives end-to-end warning
//! times, not link latencies: ROK Aegis detected the April 2012 Unha-3 54 s after launch (KBS); J-Alert went out
//! about 6 min after launch in 2012 and about 3 min in 2017 (NHK), 4 min on 29 August 2017, 5-7 min on
//! 4 October 2022. Every number below is therefore an ASSUMPTION, chosen to be consistent with that record:
//! - `national_ms` = 2 s: a nation's own radar to its own centre (dedicated military networks; assumption).
//! - `hub_ms` = 2 s: any sensor through the Hawaii hub to the shared picture. The joint statement calls the
//!   sharing "real-time"; the propagation over ~7,000 km is tens of ms, so the default assumes the hub path
//!   costs no more than a national network (assumption). With `hub_ms` above `national_ms` the trilateral
//!   picture is later than a nation alone by the difference wherever that nation's own sensor sees first.
//! - `legacy_us_ms` = 10 s: United States sensor data to Japan's centre under the bilateral arrangement
//!   (assumption).
//! - `legacy_relay_ms` = 300 s: South Korean data relayed to Japan through the United States before the
//!   trilateral link, a human-in-the-loop relay of a few minutes, the same order as the 3-6 min J-Alert times of
//!   2012-2022 (assumption).

use super::tracker::{Tracker, TrackerConfig, TrackerError};
use crate::earth::Ellipsoid;
use crate::measurement::Measurement;
use crate::time::{Duration, SimTime};
use serde::{Deserialize, Serialize};
use thiserror::Error;

pub use crate::sensors::Nation;

/// The three nations, in a fixed order.
pub const NATIONS: [Nation; 3] = [Nation::JP, Nation::KR, Nation::US];

/// A nation's two-letter code as used in scenario files.
pub fn nation_code(n: Nation) -> &'static str {
    match n {
        Nation::JP => "JP",
        Nation::KR => "KR",
        Nation::US => "US",
    }
}

#[derive(Debug, Error, PartialEq)]
pub enum PictureError {
    #[error("picture {picture:?}: link from {nation} has latency {latency_ms} ms (must be 0 to {max_ms})", max_ms = crate::limits::LATENCY_MAX_MS)]
    BadLatency {
        picture: String,
        nation: &'static str,
        latency_ms: i64,
    },
    #[error("picture {picture:?}: two links from {nation}")]
    DuplicateLink {
        picture: String,
        nation: &'static str,
    },
    #[error("picture {picture:?}: measurement {index} names sensor {sensor}, but only {known} sensor nations are given")]
    UnknownSensor {
        picture: String,
        index: usize,
        sensor: usize,
        known: usize,
    },
    #[error("picture {picture:?}: {source}")]
    Tracker {
        picture: String,
        source: TrackerError,
    },
}

/// A link from one nation's sensors to the picture's fusion centre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub from: Nation,
    /// Time from measurement to arrival at the fusion centre, milliseconds.
    pub latency_ms: i64,
}

/// A fusion centre: its name and the nations whose sensors reach it, each with a latency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PictureConfig {
    pub name: String,
    pub links: Vec<Link>,
}

/// Latency defaults (milliseconds). See the module documentation for the basis: all are assumptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LatencyDefaults {
    pub national_ms: i64,
    pub hub_ms: i64,
    pub legacy_us_ms: i64,
    pub legacy_relay_ms: i64,
}

impl Default for LatencyDefaults {
    fn default() -> Self {
        LatencyDefaults {
            national_ms: 2_000,
            hub_ms: 2_000,
            legacy_us_ms: 10_000,
            legacy_relay_ms: 300_000,
        }
    }
}

/// Names of the built-in pictures.
pub const JAPAN: &str = "Japan alone";
pub const SOUTH_KOREA: &str = "South Korea alone";
pub const UNITED_STATES: &str = "United States alone";
pub const JAPAN_SHARING: &str = "Japan with sharing";
pub const SOUTH_KOREA_SHARING: &str = "South Korea with sharing";
pub const UNITED_STATES_SHARING: &str = "United States with sharing";
pub const LEGACY: &str = "Legacy (JP, KR via US)";
pub const TRILATERAL: &str = "Trilateral (Hawaii hub)";

/// Each nation's picture alone and with sharing, by name: the pairs whose difference is what sharing gains.
pub const SHARING_PAIRS: [(Nation, &str, &str); 3] = [
    (Nation::JP, JAPAN, JAPAN_SHARING),
    (Nation::KR, SOUTH_KOREA, SOUTH_KOREA_SHARING),
    (Nation::US, UNITED_STATES, UNITED_STATES_SHARING),
];

impl PictureConfig {
    /// One nation's own sensors only.
    pub fn nation_alone(nation: Nation, lat: &LatencyDefaults) -> PictureConfig {
        PictureConfig {
            name: sharing_pair(nation).1.into(),
            links: vec![Link {
                from: nation,
                latency_ms: lat.national_ms,
            }],
        }
    }

    /// One nation's centre with sharing: its own sensors over its national network, the other two nations'
    /// through the hub.
    pub fn nation_with_sharing(nation: Nation, lat: &LatencyDefaults) -> PictureConfig {
        PictureConfig {
            name: sharing_pair(nation).2.into(),
            links: NATIONS
                .iter()
                .map(|&from| Link {
                    from,
                    latency_ms: if from == nation {
                        lat.national_ms
                    } else {
                        lat.hub_ms
                    },
                })
                .collect(),
        }
    }

    /// Japan's centre before the trilateral link: its own sensors, the United States' over the bilateral link,
    /// South Korea's relayed through the United States.
    pub fn legacy(lat: &LatencyDefaults) -> PictureConfig {
        PictureConfig {
            name: LEGACY.into(),
            links: vec![
                Link {
                    from: Nation::JP,
                    latency_ms: lat.national_ms,
                },
                Link {
                    from: Nation::US,
                    latency_ms: lat.legacy_us_ms,
                },
                Link {
                    from: Nation::KR,
                    latency_ms: lat.legacy_relay_ms,
                },
            ],
        }
    }

    /// Every sensor through the hub.
    pub fn trilateral(lat: &LatencyDefaults) -> PictureConfig {
        PictureConfig {
            name: TRILATERAL.into(),
            links: NATIONS
                .iter()
                .map(|&from| Link {
                    from,
                    latency_ms: lat.hub_ms,
                })
                .collect(),
        }
    }

    /// The eight built-in pictures: each nation alone, each nation with sharing, legacy, trilateral.
    pub fn builtin(lat: &LatencyDefaults) -> Vec<PictureConfig> {
        let mut out: Vec<PictureConfig> = NATIONS
            .iter()
            .map(|&n| PictureConfig::nation_alone(n, lat))
            .collect();
        out.extend(
            NATIONS
                .iter()
                .map(|&n| PictureConfig::nation_with_sharing(n, lat)),
        );
        out.push(PictureConfig::legacy(lat));
        out.push(PictureConfig::trilateral(lat));
        out
    }

    /// The latency from `nation`'s sensors, or `None` if they do not reach this picture.
    pub fn latency_ms(&self, nation: Nation) -> Option<i64> {
        self.links
            .iter()
            .find(|l| l.from == nation)
            .map(|l| l.latency_ms)
    }

    pub fn validate(&self) -> Result<(), PictureError> {
        for (i, l) in self.links.iter().enumerate() {
            if !(0..=crate::limits::LATENCY_MAX_MS).contains(&l.latency_ms) {
                return Err(PictureError::BadLatency {
                    picture: self.name.clone(),
                    nation: nation_code(l.from),
                    latency_ms: l.latency_ms,
                });
            }
            if self.links[..i].iter().any(|k| k.from == l.from) {
                return Err(PictureError::DuplicateLink {
                    picture: self.name.clone(),
                    nation: nation_code(l.from),
                });
            }
        }
        Ok(())
    }
}

fn sharing_pair(nation: Nation) -> (Nation, &'static str, &'static str) {
    SHARING_PAIRS
        .into_iter()
        .find(|p| p.0 == nation)
        .unwrap_or(SHARING_PAIRS[0])
}

/// For each picture, the first picture with the same links (the same nations at the same latencies, in any
/// order): they receive the same measurements at the same times, so their trackers and scores are the same and
/// one run serves both.
pub fn same_links(pictures: &[PictureConfig]) -> Vec<usize> {
    let key = |p: &PictureConfig| {
        let mut links: Vec<(usize, i64)> = p
            .links
            .iter()
            .map(|l| {
                (
                    NATIONS.iter().position(|n| *n == l.from).unwrap_or(3),
                    l.latency_ms,
                )
            })
            .collect();
        links.sort_unstable();
        links
    };
    let keys: Vec<_> = pictures.iter().map(key).collect();
    (0..keys.len())
        .map(|i| keys[..i].iter().position(|k| *k == keys[i]).unwrap_or(i))
        .collect()
}

/// A measurement's arrival at a fusion centre.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrival {
    pub time: SimTime,
    /// Index into the measurement slice.
    pub index: usize,
}

/// The arrivals at `config`'s centre, in arrival order (ties by measurement time, then index).
/// `sensor_nations[i]` is the nation of sensor `i`.
pub fn schedule(
    config: &PictureConfig,
    sensor_nations: &[Nation],
    measurements: &[Measurement],
) -> Result<Vec<Arrival>, PictureError> {
    config.validate()?;
    let mut out = Vec::new();
    for (index, m) in measurements.iter().enumerate() {
        let nation = sensor_nations
            .get(m.sensor.0)
            .ok_or_else(|| PictureError::UnknownSensor {
                picture: config.name.clone(),
                index,
                sensor: m.sensor.0,
                known: sensor_nations.len(),
            })?;
        if let Some(latency_ms) = config.latency_ms(*nation) {
            out.push(Arrival {
                time: m.time + Duration::from_millis(latency_ms),
                index,
            });
        }
    }
    super::sorted::sort_stable_by(&mut out, |a, b| {
        (a.time, measurements[a.index].time, a.index).cmp(&(
            b.time,
            measurements[b.index].time,
            b.index,
        ))
    });
    Ok(out)
}

/// Runs a picture: delivers each measurement at its arrival time to a fresh tracker, all arrivals of one
/// instant together, and calls `observe(arrival_time, measurements_arrived, tracker)` after each delivery.
pub fn run_picture(
    config: &PictureConfig,
    sensor_nations: &[Nation],
    measurements: &[Measurement],
    tracker_config: &TrackerConfig,
    ellipsoid: &Ellipsoid,
    mut observe: impl FnMut(SimTime, &[Measurement], &Tracker),
) -> Result<Tracker, PictureError> {
    let arrivals = schedule(config, sensor_nations, measurements)?;
    let mut tracker =
        Tracker::new(*tracker_config, *ellipsoid).map_err(|source| PictureError::Tracker {
            picture: config.name.clone(),
            source,
        })?;
    let mut batch: Vec<Measurement> = Vec::new();
    let mut start = 0;
    while start < arrivals.len() {
        let t = arrivals[start].time;
        let mut end = start;
        batch.clear();
        while end < arrivals.len() && arrivals[end].time == t {
            batch.push(measurements[arrivals[end].index].clone());
            end += 1;
        }
        tracker.process(&batch, t);
        observe(t, &batch, &tracker);
        start = end;
    }
    Ok(tracker)
}
