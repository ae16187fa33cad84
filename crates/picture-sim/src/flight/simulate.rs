//! Flies one vehicle with one pitch program: vertical rise, pitch-over and turn through each stage, free
//! flight, re-entry, impact. Stage burnouts end integration segments exactly (they are known times); apogee,
//! re-entry and impact are found by root finding on the dense output.

use super::dynamics::{derivative, EarthModel, Leg, Steering};
use super::integrator::{find_root, hermite, integrate, Node, State, Tolerance};
use super::trajectory::{EventKind, FlightEvent, Trajectory};
use super::vehicle::Vehicle;
use super::FlightError;
use crate::earth::{Ecef, Geodetic, LocalFrame};
use crate::time::SimTime;
use nalgebra::{Point3, Vector3};

/// Height below which a descending payload is re-entering, m.
pub const REENTRY_HEIGHT_M: f64 = 100_000.0;
/// Longest free flight before the payload is declared in orbit, s.
const MAX_COAST_S: f64 = 30_000.0;
/// The cheap height ([`EarthModel::approx_height_m`]) is within about 70 m of the true one: a state more than
/// this above a height is above it, m.
const HEIGHT_CHECK_MARGIN_M: f64 = 1_000.0;

/// The knobs a shaping solver turns.
///
/// # Units
/// Angles in radians; times in s; `energy` dimensionless (see [`Program::energy`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Program {
    /// Launch azimuth (clockwise from north) of the flight plane.
    pub azimuth_rad: f64,
    /// Pitch above the local horizontal at the end of the burn.
    pub pitch_final_rad: f64,
    /// Vertical rise before the pitch-over, s.
    pub rise_s: f64,
    /// Energy: up to 1, thrust is terminated at this fraction of the nominal total burn time (the last stage
    /// is cut first, as liquid missiles do and solid ones emulate by energy management; below the last
    /// stage's share, upper stages do not fire); above 1 the payload is lightened to `(2 - energy)` of its
    /// nominal mass. Clamped to [0.02, 1.6].
    pub energy: f64,
    /// Use the payload's lift in the descent (the pull-up and glide).
    pub pull_up: bool,
}

impl Program {
    pub const MIN_ENERGY: f64 = 0.02;
    pub const MAX_ENERGY: f64 = 1.6;

    /// The last stage's burn fraction and the payload mass factor for this energy.
    pub fn burn_fraction_and_payload_factor(&self) -> (f64, f64) {
        let e = self.energy.clamp(Self::MIN_ENERGY, Self::MAX_ENERGY);
        if e <= 1.0 {
            (e, 1.0)
        } else {
            (1.0, 2.0 - e)
        }
    }
}

/// How far to fly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Until {
    Apogee,
    Impact,
}

/// Flies `vehicle` from `site` with `program`. The result's time 0 is `launch_time`.
pub(crate) fn simulate(
    vehicle: &Vehicle,
    earth: &EarthModel,
    site: &Geodetic,
    program: &Program,
    launch_time: SimTime,
    until: Until,
    tol: &Tolerance,
) -> Result<Trajectory, FlightError> {
    let frame = LocalFrame::at(&earth.ellipsoid, *site);
    let r0 = frame.origin.0.coords;
    let up0 = r0.normalize();
    let (sa, ca) = program.azimuth_rad.sin_cos();
    let d0 = frame.vector_to_ecef(&Vector3::new(sa, ca, 0.0));
    let plane_normal = up0
        .cross(&d0)
        .try_normalize(1e-12)
        .ok_or(FlightError::Geometry("launch direction"))?;

    let (burn_fraction, payload_factor) = program.burn_fraction_and_payload_factor();
    let payload_kg = vehicle.payload.mass_kg * payload_factor;
    let n_stages = vehicle.stages.len();
    let cut_s = burn_fraction * vehicle.total_burn_time_s();
    let mut nominal_start_s = 0.0;
    let mut burn_s: Vec<f64> = Vec::with_capacity(n_stages);
    for s in vehicle.stages.iter() {
        let b = (cut_s - nominal_start_s).clamp(0.0, s.burn_time_s);
        nominal_start_s += s.burn_time_s;
        if b > 0.0 {
            burn_s.push(b);
        }
    }
    let burn_end_s: f64 = burn_s.iter().sum();
    let steering = Steering {
        plane_normal,
        rise_end_s: program.rise_s.min(0.5 * burn_end_s),
        pitch_end_s: burn_end_s,
        pitch_final_rad: program.pitch_final_rad,
    };

    let y0 = State::new(r0.x, r0.y, r0.z, 0.0, 0.0, 0.0);
    let mut nodes: Vec<Node> = Vec::with_capacity(256);
    let mut events = vec![FlightEvent {
        t_s: 0.0,
        kind: EventKind::Launch,
        h_m: site.h_m,
    }];
    let mut burnouts_s = Vec::with_capacity(n_stages);
    let mut t0 = 0.0;
    let mut y = y0;
    let mut h_step = 0.5;
    let height = |y: &State| {
        earth
            .ellipsoid
            .to_geodetic(&Ecef(Point3::new(y[0], y[1], y[2])))
            .h_m
    };
    // Heights are checked on every step: the exact height (an iterative conversion with arctangents) is
    // worked out only when the cheap one (within about 70 m) says the state may be near or below `h_m`.
    let may_be_below = |y: &State, h_m: f64| {
        earth.approx_height_m(&Vector3::new(y[0], y[1], y[2])) < h_m + HEIGHT_CHECK_MARGIN_M
    };

    for (i, stage) in vehicle.stages.iter().enumerate().take(burn_s.len()) {
        let above_kg: f64 = vehicle.stages[i + 1..]
            .iter()
            .map(|s| s.mass_kg)
            .sum::<f64>()
            + payload_kg;
        let leg = Leg::Boost {
            t0_s: t0,
            mass0_kg: stage.mass_kg + above_kg,
            mass_flow_kg_s: stage.mass_flow_kg_s(),
            thrust_n: stage.thrust_n(),
            area_m2: vehicle.stages[0..=i]
                .iter()
                .map(|s| s.area_m2())
                .fold(0.0, f64::max),
            steering,
        };
        let t_end = t0 + burn_s[i];
        // The pitch-over is a kink in the thrust direction: end a segment there.
        let mut stops = vec![t_end];
        if steering.rise_end_s > t0 && steering.rise_end_s < t_end {
            stops.insert(0, steering.rise_end_s);
        }
        let mut f = |t: f64, y: &State| derivative(earth, &leg, t, y);
        for t_stop in stops {
            let start = Node {
                t_s: t0,
                y,
                dy: f(t0, &y),
            };
            nodes.push(start);
            let mut crashed = false;
            let (end, h_next) = integrate(&mut f, start, t_stop, h_step, tol, &mut |_, n| {
                nodes.push(*n);
                crashed =
                    n.t_s > steering.rise_end_s && may_be_below(&n.y, 0.0) && height(&n.y) < 0.0;
                crashed
            })?;
            if crashed {
                return Err(FlightError::HitGroundInBoost {
                    t_s: end.t_s,
                    stage: (i + 1) as u8,
                });
            }
            nodes.pop(); // The next segment starts with this state and its own derivative.
            nodes.push(end);
            t0 = end.t_s;
            y = end.y;
            h_step = h_next;
        }
        burnouts_s.push(t0);
        events.push(FlightEvent {
            t_s: t0,
            kind: EventKind::Burnout {
                stage: (i + 1) as u8,
            },
            h_m: height(&y),
        });
    }

    // Free flight of the payload.
    let leg = Leg::Coast {
        ballistic_coefficient_kg_m2: vehicle.payload.ballistic_coefficient_kg_m2,
        lift_to_drag: if program.pull_up {
            vehicle.payload.lift_to_drag
        } else {
            0.0
        },
    };
    let mut f = |t: f64, y: &State| derivative(earth, &leg, t, y);
    let start = Node {
        t_s: t0,
        y,
        dy: f(t0, &y),
    };
    nodes.push(start);
    let radial = |y: &State| Vector3::new(y[0], y[1], y[2]).dot(&Vector3::new(y[3], y[4], y[5]));
    let mut apogee: Option<f64> = (radial(&y) <= 0.0).then_some(t0);
    if let Some(t) = apogee {
        events.push(FlightEvent {
            t_s: t,
            kind: EventKind::Apogee,
            h_m: height(&y),
        });
    }
    let mut reentry: Option<f64> = None;
    let mut impact: Option<f64> = None;
    let mut stop_node: Option<Node> = None;
    integrate(&mut f, start, t0 + MAX_COAST_S, 10.0, tol, &mut |a, b| {
        let at = |t: f64| hermite(a, b, t).0;
        if apogee.is_none() && radial(&b.y) <= 0.0 {
            let t = find_root(|t| radial(&at(t)), a.t_s, b.t_s, 1e-6).unwrap_or(b.t_s);
            apogee = Some(t);
            events.push(FlightEvent {
                t_s: t,
                kind: EventKind::Apogee,
                h_m: height(&at(t)),
            });
            if until == Until::Apogee {
                let ya = at(t);
                stop_node = Some(Node {
                    t_s: t,
                    y: ya,
                    dy: hermite(a, b, t).1,
                });
                return true;
            }
        }
        if let Some(ta) = apogee {
            if reentry.is_none() {
                let h_apogee = events
                    .iter()
                    .find(|e| e.kind == EventKind::Apogee)
                    .map_or(f64::INFINITY, |e| e.h_m);
                let mut h_reentry = REENTRY_HEIGHT_M;
                if h_apogee <= REENTRY_HEIGHT_M {
                    // The apogee itself is below the re-entry height: re-entry starts there.
                    reentry = Some(ta);
                    h_reentry = h_apogee;
                } else if may_be_below(&b.y, REENTRY_HEIGHT_M) && height(&b.y) <= REENTRY_HEIGHT_M {
                    let lo = a.t_s.max(ta);
                    reentry = Some(
                        find_root(|t| height(&at(t)) - REENTRY_HEIGHT_M, lo, b.t_s, 1e-4)
                            .unwrap_or(b.t_s),
                    );
                }
                if let Some(t) = reentry {
                    events.push(FlightEvent {
                        t_s: t,
                        kind: EventKind::Reentry,
                        h_m: h_reentry,
                    });
                }
            }
        }
        if may_be_below(&b.y, 0.0) && height(&b.y) <= 0.0 {
            let t = find_root(|t| height(&at(t)), a.t_s, b.t_s, 1e-5).unwrap_or(b.t_s);
            impact = Some(t);
            let yi = at(t);
            stop_node = Some(Node {
                t_s: t,
                y: yi,
                dy: derivative(earth, &leg, t, &yi),
            });
            return true;
        }
        nodes.push(*b);
        false
    })?;
    match stop_node {
        Some(n) => nodes.push(n),
        None => {
            return Err(FlightError::Orbital {
                coast_s: MAX_COAST_S,
            })
        }
    }
    let end_s = nodes.last().map_or(t0, |n| n.t_s);
    if let Some(t) = impact {
        if reentry.is_none() {
            let t_re = apogee.unwrap_or(t);
            events.push(FlightEvent {
                t_s: t_re,
                kind: EventKind::Reentry,
                h_m: height(&hermite_at(&nodes, t_re)),
            });
            reentry = Some(t_re);
        }
        events.push(FlightEvent {
            t_s: t,
            kind: EventKind::Impact,
            h_m: 0.0,
        });
    }
    crate::tracking::sorted::sort_stable_by(&mut events, |a, b| a.t_s.total_cmp(&b.t_s));
    Ok(Trajectory {
        earth: *earth,
        launch_time,
        nodes,
        burnouts_s,
        reentry_s: reentry.unwrap_or(end_s),
        events,
    })
}

fn hermite_at(nodes: &[Node], t_s: f64) -> State {
    let i = nodes
        .partition_point(|n| n.t_s < t_s)
        .clamp(1, nodes.len().max(2) - 1);
    if nodes.len() < 2 {
        return nodes[0].y;
    }
    hermite(&nodes[i - 1], &nodes[i], t_s).0
}
