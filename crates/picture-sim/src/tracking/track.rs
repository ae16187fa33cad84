//! A track: one fusion centre's estimate of one target, with its identity, its confirmation status, the
//! counts that M-of-N confirmation judges, and a short history of checkpoints (the posterior after each update
//! and the plot that made it) on which late plots are replayed ([`super::replay`]).
//!
//! As in Stone Soup (Barr et al., Proc. SPIE 11018, 2019), the track is a value that the tracker's components
//! read and change: the deleter ([`super::deleter`]) judges it, the confirmation rule
//! ([`super::confirmation`]) promotes it, the merger ([`super::merging`]) makes two of them one.

use super::measurement_model::RadarPlot;
use super::predictor::{ImmState, MODE_BOOST};
use super::GaussianState;
use crate::measurement::SensorIndex;
use crate::time::SimTime;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// Identifies a track within one tracker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TrackId(pub u64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TrackStatus {
    Tentative,
    Confirmed,
}

/// The posterior after one update and the plot that made it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Checkpoint {
    pub(super) posterior: ImmState,
    pub(super) plot: RadarPlot,
}

/// One track.
#[derive(Debug, Clone, PartialEq)]
pub struct Track {
    pub id: TrackId,
    pub status: TrackStatus,
    /// The estimate after the last update (at `state.time`, the time of the latest plot applied).
    pub state: ImmState,
    /// Fusion-centre time at which the last plot arrived.
    pub last_arrival: SimTime,
    /// When it was started and confirmed (fusion-centre time).
    pub started_at: SimTime,
    pub confirmed_at: Option<SimTime>,
    /// Plots applied, and scans of its sensors seen while tentative.
    pub hits: u32,
    pub opportunities: u32,
    pub cued: bool,
    /// NIS of the last update.
    pub last_nis: f64,
    /// The sensors whose plots it has taken.
    pub(super) sensors: Vec<SensorIndex>,
    /// Checkpoints, oldest first; the last one holds the current state.
    pub(super) history: VecDeque<Checkpoint>,
}

impl Track {
    /// A tentative track started at fusion-centre time `arrival` from `hits` plots of `sensor`, the last of
    /// which is `plot` and gave `state`.
    pub(super) fn tentative(
        id: TrackId,
        state: ImmState,
        plot: RadarPlot,
        sensor: SensorIndex,
        hits: u32,
        cued: bool,
        arrival: SimTime,
    ) -> Track {
        Track {
            id,
            status: TrackStatus::Tentative,
            state,
            last_arrival: arrival,
            started_at: arrival,
            confirmed_at: None,
            hits,
            opportunities: hits,
            cued,
            last_nis: f64::NAN,
            sensors: vec![sensor],
            history: VecDeque::from([Checkpoint {
                posterior: state,
                plot,
            }]),
        }
    }

    /// The single-Gaussian estimate at the last update.
    pub fn estimate(&self) -> GaussianState {
        self.state.combined()
    }

    /// Probability of the boost mode.
    pub fn boost_probability(&self) -> f64 {
        self.state.probabilities[MODE_BOOST]
    }

    pub fn is_confirmed(&self) -> bool {
        self.status == TrackStatus::Confirmed
    }
}
