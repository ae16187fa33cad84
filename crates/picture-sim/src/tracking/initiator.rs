//! Track initiation.
//!
//! *Two-point initiation*: a plot no track takes becomes a candidate; a later unassociated plot whose implied
//! speed is plausible pairs with it (pairs chosen by optimal assignment on the squared displacement, so two
//! missiles of a salvo pair with their own plots), and the pair gives a position and a velocity with their
//! covariance (Bar-Shalom, Li and Kirubarajan 2001, section 5.5.3). The resulting track is tentative until it
//! passes the M-of-N test of [`crate::tracking::confirmation`].
//!
//! *Cueing*: an infrared launch report leaves a cue (the launch point and time). A single radar plot within
//! reach of the cue (distance below the top speed times the time since launch) then starts a tentative track
//! at once (the report counts as one of the M hits), with a velocity guessed from constant acceleration since launch and a wide velocity variance.

use super::associator::assign_min_cost;
use super::measurement_model::RadarPlot;
use super::{GaussianState, StateCovariance, StateVector};
use crate::earth::{Ecef, Ellipsoid, Geodetic};
use crate::time::{Duration, SimTime};
use nalgebra::{Matrix3, Vector3};
use serde::{Deserialize, Serialize};

/// Parameters of initiation.
///
/// # Units
/// Times in milliseconds, speeds in m/s, accelerations in m/s^2.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct InitiatorConfig {
    /// Plots closer in time than this do not pair (their velocity would be noise).
    pub min_pair_gap_ms: i64,
    /// A candidate plot waits this long for a partner, then is dropped.
    pub max_pair_gap_ms: i64,
    /// Fastest plausible ground-relative speed (an ICBM's burnout speed is about 7 km/s).
    pub max_speed_m_s: f64,
    /// Unknown acceleration between the two plots (boost), one sigma.
    pub accel_sigma_m_s2: f64,
    /// A launch cue is kept this long after the launch time.
    pub cue_window_ms: i64,
    /// A cue is used only this long after launch (earlier, the missile is still near the pad).
    pub cue_min_elapsed_ms: i64,
}

impl Default for InitiatorConfig {
    fn default() -> Self {
        InitiatorConfig {
            min_pair_gap_ms: 500,
            max_pair_gap_ms: 30_000,
            max_speed_m_s: 8_000.0,
            accel_sigma_m_s2: 30.0,
            cue_window_ms: 900_000,
            cue_min_elapsed_ms: 5_000,
        }
    }
}

/// A launch cue from an infrared launch report.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cue {
    pub launch_point: Ecef,
    pub sigma_pos_m: f64,
    pub launch_time: SimTime,
}

/// A new tentative track's first state and the plots that started it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Initiation {
    pub state: GaussianState,
    /// The plot at the state's time.
    pub plot: RadarPlot,
    /// Detections that went into it, counted as hits by the M-of-N test: 2 for two-point, 2 for a cue (the
    /// infrared report and the radar plot).
    pub hits: u32,
    pub cued: bool,
}

/// Two-point initiator with infrared cueing.
#[derive(Debug, Clone, PartialEq)]
pub struct TwoPointInitiator {
    pub config: InitiatorConfig,
    candidates: Vec<RadarPlot>,
    cues: Vec<Cue>,
}

impl TwoPointInitiator {
    pub fn new(config: InitiatorConfig) -> Self {
        TwoPointInitiator {
            config,
            candidates: Vec::new(),
            cues: Vec::new(),
        }
    }

    /// Adds a cue from a launch report.
    ///
    /// # Units
    /// `sigma_pos_m`: one-sigma circular position error of the launch point, metres.
    pub fn add_cue(
        &mut self,
        ellipsoid: &Ellipsoid,
        launch_point: &Geodetic,
        sigma_pos_m: f64,
        launch_time: SimTime,
    ) {
        let ground = Geodetic {
            h_m: 0.0,
            ..*launch_point
        };
        self.cues.push(Cue {
            launch_point: ellipsoid.to_ecef(&ground),
            sigma_pos_m,
            launch_time,
        });
    }

    pub fn candidates(&self) -> &[RadarPlot] {
        &self.candidates
    }

    pub fn cues(&self) -> &[Cue] {
        &self.cues
    }

    /// Forgets candidates and cues too old to be used at `time`.
    pub fn prune(&mut self, time: SimTime) {
        let gap = Duration::from_millis(self.config.max_pair_gap_ms);
        let window = Duration::from_millis(self.config.cue_window_ms);
        self.candidates.retain(|c| (time - c.time).abs() <= gap);
        self.cues.retain(|c| time - c.launch_time <= window);
    }

    /// Tries to start tracks from the plots of one scan that no track took (all at `time`).
    pub fn initiate(&mut self, plots: &[RadarPlot], time: SimTime) -> Vec<Initiation> {
        self.prune(time);
        let cfg = self.config;
        let mut out = Vec::new();
        // Pair with candidates: cost = (displacement / (top speed * gap))^2, allowed below 1.
        let mut costs = Vec::new();
        for (i, p) in plots.iter().enumerate() {
            let (pos, _) = p.model.inverse(&p.z);
            for (j, c) in self.candidates.iter().enumerate() {
                let gap = (p.time - c.time).abs();
                if gap < Duration::from_millis(cfg.min_pair_gap_ms)
                    || c.model.sensor == p.model.sensor && c.time == p.time
                {
                    continue;
                }
                let (cpos, _) = c.model.inverse(&c.z);
                let reach_m = cfg.max_speed_m_s * gap.as_secs_f64();
                let cost = ((pos.0 - cpos.0).norm() / reach_m).powi(2);
                if cost <= 1.0 {
                    costs.push((i, j, cost));
                }
            }
        }
        let pairs = assign_min_cost(plots.len(), self.candidates.len(), &costs, 1.0);
        let mut used_candidates = vec![false; self.candidates.len()];
        let mut unpaired = Vec::new();
        for (i, pair) in pairs.iter().enumerate() {
            match pair {
                Some(j) => {
                    used_candidates[*j] = true;
                    let (a, b) = if self.candidates[*j].time <= plots[i].time {
                        (self.candidates[*j], plots[i])
                    } else {
                        (plots[i], self.candidates[*j])
                    };
                    out.push(Initiation {
                        state: two_point(&a, &b, cfg.accel_sigma_m_s2),
                        plot: b,
                        hits: 2,
                        cued: false,
                    });
                }
                None => unpaired.push(plots[i]),
            }
        }
        let mut k = 0;
        self.candidates.retain(|_| {
            k += 1;
            !used_candidates[k - 1]
        });
        for p in unpaired {
            match self.cue_for(&p, time) {
                Some((ci, state)) => {
                    self.cues.remove(ci);
                    out.push(Initiation {
                        state,
                        plot: p,
                        hits: 2,
                        cued: true,
                    });
                }
                None => self.candidates.push(p),
            }
        }
        out
    }

    fn cue_for(&self, p: &RadarPlot, time: SimTime) -> Option<(usize, GaussianState)> {
        let (pos, r) = p.model.inverse(&p.z);
        let cfg = self.config;
        self.cues
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let elapsed = p.time - c.launch_time;
                if elapsed < Duration::from_millis(cfg.cue_min_elapsed_ms)
                    || elapsed > Duration::from_millis(cfg.cue_window_ms)
                {
                    return None;
                }
                let elapsed_s = elapsed.as_secs_f64();
                let d = pos.0 - c.launch_point.0;
                let reach = cfg.max_speed_m_s * elapsed_s + 3.0 * c.sigma_pos_m;
                (d.norm() <= reach).then_some((i, d, elapsed_s))
            })
            .min_by(|a, b| a.1.norm().total_cmp(&b.1.norm()))
            .map(|(i, d, elapsed_s)| {
                // Constant acceleration from rest: v = 2 d / t.
                let mut v = d * (2.0 / elapsed_s);
                if v.norm() > cfg.max_speed_m_s {
                    v *= cfg.max_speed_m_s / v.norm();
                }
                let sigma_v = (0.5 * v.norm()).max(300.0);
                let mut covar = StateCovariance::zeros();
                covar.fixed_view_mut::<3, 3>(0, 0).copy_from(&r);
                covar
                    .fixed_view_mut::<3, 3>(3, 3)
                    .copy_from(&(Matrix3::identity() * sigma_v * sigma_v));
                let mean = StateVector::new(pos.0.x, pos.0.y, pos.0.z, v.x, v.y, v.z);
                let _ = time;
                (
                    i,
                    GaussianState {
                        time: p.time,
                        mean,
                        covar,
                    },
                )
            })
    }
}

/// The state at `b.time` from plots `a` (earlier) and `b`.
pub fn two_point(a: &RadarPlot, b: &RadarPlot, accel_sigma_m_s2: f64) -> GaussianState {
    let (pa, ra) = a.model.inverse(&a.z);
    let (pb, rb) = b.model.inverse(&b.z);
    let dt_s = (b.time - a.time).as_secs_f64().max(1e-3);
    let v: Vector3<f64> = (pb.0 - pa.0) / dt_s;
    let accel_var = (accel_sigma_m_s2 * dt_s / 2.0).powi(2);
    let mut covar = StateCovariance::zeros();
    covar.fixed_view_mut::<3, 3>(0, 0).copy_from(&rb);
    covar.fixed_view_mut::<3, 3>(0, 3).copy_from(&(rb / dt_s));
    covar.fixed_view_mut::<3, 3>(3, 0).copy_from(&(rb / dt_s));
    covar
        .fixed_view_mut::<3, 3>(3, 3)
        .copy_from(&((ra + rb) / (dt_s * dt_s) + Matrix3::identity() * accel_var));
    GaussianState {
        time: b.time,
        mean: StateVector::new(pb.0.x, pb.0.y, pb.0.z, v.x, v.y, v.z),
        covar,
    }
}
