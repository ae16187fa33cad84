//! Missile flight: a 3-DOF point mass on the rotating WGS84 Earth with J2 gravity and the US Standard
//! Atmosphere 1976, flown by staged rockets from the [`catalog`], shaped (minimum-energy, lofted, depressed,
//! "as reported", pull-up) by the solvers in [`shaping`].
//!
//! Entry point: [`fly`] takes a [`LaunchRequest`] (what scenarios store as JSON) and returns a [`Flight`]: a
//! [`Trajectory`] (which implements [`crate::truth::Truth`] for the sensors) and a [`FlightSummary`].
//! [`fly_with`] does the same with a [`ShapingMemory`] the caller keeps, so that solving again in the same
//! flight plane (an edit of a launch's range or apogee) skips the searches done before.
//!
//! References: Zipfel, "Modeling and Simulation of Aerospace Vehicle Dynamics" (3-DOF equations in ECEF);
//! Wheelon, "Free flight of a ballistic missile", ARS Journal 29 (1959) (closed forms in [`kepler`]); Wright,
//! UCS analyses of North Korean tests (method of fitting reported apogee and range).

pub mod adjusted;
pub mod catalog;
pub mod dynamics;
pub mod integrator;
pub mod kepler;
mod search;
pub mod shaping;
mod simulate;
pub mod trajectory;
pub mod uncertain;
pub mod vehicle;

pub use adjusted::{Adjustments, BurnCut, PayloadChange, ReportMiss};
pub use dynamics::EarthModel;
pub use shaping::ShapingMemory;
pub use simulate::Program;
pub use trajectory::{EventKind, FlightEvent, Sample, Trajectory};
pub use vehicle::{Payload, Stage, Vehicle};

use crate::earth::{self, Geodetic};
use crate::time::SimTime;
use integrator::IntegratorError;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Where the missile is aimed.
///
/// # Units
/// Degrees (latitude and longitude north and east positive; azimuth clockwise from north); range in metres
/// along the WGS84 geodesic.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Aim {
    Point { lat_deg: f64, lon_deg: f64 },
    AzimuthRange { azimuth_deg: f64, range_m: f64 },
}

/// The shape of the flight. Apogees in metres above the ellipsoid.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Shape {
    /// The least-energy flight to the aim (the last stage cut off early when the missile has energy to
    /// spare).
    MinEnergy,
    /// Steeper than minimum-energy. With an apogee: reach the aim with that apogee (energy and pitch are
    /// solved; the apogee must be above the minimum-energy one). Without: full burn, steep branch.
    Lofted {
        #[serde(default)]
        apogee_m: Option<f64>,
    },
    /// Flatter than minimum-energy. With an apogee: reach the aim with that apogee (below the minimum-energy
    /// one). Without: full burn, flat branch.
    Depressed {
        #[serde(default)]
        apogee_m: Option<f64>,
    },
    /// Match a reported apogee and range (the range from the aim): energy and pitch are both solved.
    AsReported { apogee_m: f64 },
    /// The KN-23 flight: depressed, with a pull-up and glide in the descent. Its apogee is
    /// [`PULL_UP_APOGEE_MIN_M`] to [`PULL_UP_APOGEE_MAX_M`] (JCS reported 37 to 60 km), 50 km when absent
    /// ([`shaping::PULL_UP_APOGEE_M`]; files and links written before the field had no other).
    PullUp {
        #[serde(default)]
        apogee_m: Option<f64>,
    },
}

/// Everything needed to fly one missile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LaunchRequest {
    /// Catalog id, e.g. `hwasong-15` (see [`catalog::all`]).
    pub missile: String,
    /// Launch site (its height is used as the pad height).
    pub site: Geodetic,
    pub aim: Aim,
    pub shape: Shape,
    pub launch_time: SimTime,
}

/// Figures of a flight.
///
/// # Units
/// Times in s after launch; heights and ranges in metres (range along the WGS84 geodesic from the site to
/// the impact point); speeds in m/s relative to the Earth (ECEF); degrees for the impact point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlightSummary {
    pub missile: String,
    pub flight_time_s: f64,
    pub apogee_m: f64,
    pub apogee_time_s: f64,
    pub range_m: f64,
    pub burnout_time_s: f64,
    pub burnout_speed_m_s: f64,
    pub burnout_height_m: f64,
    pub max_speed_m_s: f64,
    pub impact_speed_m_s: f64,
    pub impact_lat_deg: f64,
    pub impact_lon_deg: f64,
    /// Launch azimuth of the flight plane, degrees clockwise from north.
    pub launch_azimuth_deg: f64,
    /// Pitch above the horizontal at burnout in the program, degrees.
    pub pitch_final_deg: f64,
    /// The energy setting ([`Program::energy`]: below 1 the last stage is cut off, above 1 the payload is
    /// lightened).
    pub energy: f64,
    pub payload_kg: f64,
    pub events: Vec<FlightEvent>,
}

/// A flown missile.
#[derive(Debug, Clone, PartialEq)]
pub struct Flight {
    pub trajectory: Trajectory,
    pub summary: FlightSummary,
    pub program: Program,
    /// For an "as reported" flight that no flight inside the catalog's bounds matches: the report and the
    /// nearest flown instead.
    pub report_miss: Option<ReportMiss>,
}

#[derive(Debug, Error, Clone, PartialEq)]
pub enum FlightError {
    #[error("unknown missile '{0}'; known missiles: {known}", known = catalog::ids().join(", "))]
    UnknownMissile(String),
    #[error("invalid request: {0}")]
    Invalid(String),
    #[error("bad geometry: {0}")]
    Geometry(&'static str),
    #[error("the flight hit the ground during the boost of stage {stage} at {t_s:.1} s (pitch program too flat)")]
    HitGroundInBoost { t_s: f64, stage: u8 },
    #[error("the payload did not come down within {coast_s:.0} s of free flight: it is in orbit")]
    Orbital { coast_s: f64 },
    #[error("{missile} cannot {reason}")]
    Unreachable {
        missile: String,
        reason: shaping::Unreachable,
    },
    #[error("the {solver} solver did not converge for {missile}: {detail}")]
    NoConvergence {
        missile: String,
        solver: &'static str,
        detail: String,
    },
    #[error(transparent)]
    Integrator(#[from] IntegratorError),
}

pub use crate::limits::{
    AIM_RANGE_MAX_M, PULL_UP_APOGEE_MAX_M, PULL_UP_APOGEE_MIN_M, SITE_HEIGHT_MAX_M,
    SITE_HEIGHT_MIN_M,
};

/// Flies a launch request on the real Earth ([`EarthModel::WGS84`]), searching afresh: for one-shot callers.
/// A caller that re-solves launches from the same site in the same direction (an editor) keeps a
/// [`ShapingMemory`] and calls [`fly_with`].
pub fn fly(request: &LaunchRequest) -> Result<Flight, FlightError> {
    fly_with(request, &mut ShapingMemory::new())
}

/// Flies a launch request on the real Earth, recalling from `memory` the searches of earlier solves in the
/// same flight plane (and leaving this solve's there). The flight is the same as [`fly`]'s, whatever
/// `memory` held.
pub fn fly_with(
    request: &LaunchRequest,
    memory: &mut ShapingMemory,
) -> Result<Flight, FlightError> {
    fly_on(request, &EarthModel::WGS84, memory)
}

/// Flies a launch request on a given Earth model, with a memory as [`fly_with`].
pub fn fly_on(
    request: &LaunchRequest,
    earth: &EarthModel,
    memory: &mut ShapingMemory,
) -> Result<Flight, FlightError> {
    let vehicle = catalog::find(&request.missile)
        .ok_or_else(|| FlightError::UnknownMissile(request.missile.clone()))?;
    fly_vehicle_on(vehicle, request, earth, memory)
}

/// Flies a request with a given vehicle in place of its catalog missile (a sample of the uncertainty study:
/// the catalog's missile with other masses, burn times, ...), on a given Earth model, with a memory as
/// [`fly_with`].
pub fn fly_vehicle_on(
    vehicle: &Vehicle,
    request: &LaunchRequest,
    earth: &EarthModel,
    memory: &mut ShapingMemory,
) -> Result<Flight, FlightError> {
    let site = request.site;
    if !(site.lat_rad.is_finite() && site.lon_rad.is_finite())
        || site.lat_rad.abs() > std::f64::consts::FRAC_PI_2 + 1e-9
    {
        return Err(FlightError::Invalid(
            "launch site coordinates are not valid".into(),
        ));
    }
    if !(site.h_m.is_finite() && (SITE_HEIGHT_MIN_M..=SITE_HEIGHT_MAX_M).contains(&site.h_m)) {
        return Err(FlightError::Invalid(format!(
            "launch site height h_m = {} m must be finite and in [{SITE_HEIGHT_MIN_M}, {SITE_HEIGHT_MAX_M}] m",
            site.h_m
        )));
    }
    if let Shape::PullUp { apogee_m: Some(a) } = request.shape {
        if !(a.is_finite() && (PULL_UP_APOGEE_MIN_M..=PULL_UP_APOGEE_MAX_M).contains(&a)) {
            return Err(FlightError::Invalid(format!(
                "pull-up apogee_m = {a} m must be within {} to {} km (the KN-23's reported flights)",
                PULL_UP_APOGEE_MIN_M / 1e3,
                PULL_UP_APOGEE_MAX_M / 1e3
            )));
        }
    }
    let (azimuth_deg, range_m) = match request.aim {
        Aim::Point { lat_deg, lon_deg } => {
            if !(lat_deg.is_finite() && lon_deg.is_finite() && lat_deg.abs() <= 90.0) {
                return Err(FlightError::Invalid(format!(
                    "aim point {lat_deg}, {lon_deg} is not a valid position"
                )));
            }
            let g = earth::inverse(
                site.lat_rad.to_degrees(),
                site.lon_rad.to_degrees(),
                lat_deg,
                lon_deg,
            );
            (g.azimuth_start_deg, g.distance_m)
        }
        Aim::AzimuthRange {
            azimuth_deg,
            range_m,
        } => (azimuth_deg, range_m),
    };
    if !(azimuth_deg.is_finite() && range_m.is_finite()) || range_m < 10_000.0 {
        return Err(FlightError::Invalid(format!(
            "range {:.1} km is not a valid aim (at least 10 km needed)",
            range_m / 1000.0
        )));
    }
    if range_m > AIM_RANGE_MAX_M {
        return Err(FlightError::Invalid(format!(
            "range {:.0} km is too near the antipode (about 20,000 km away), where every direction from the site meets and the aim is ill-conditioned; the longest aim is {:.0} km",
            range_m / 1000.0,
            AIM_RANGE_MAX_M / 1000.0
        )));
    }
    let target = shaping::Target {
        azimuth_deg,
        range_m,
    };
    match shaping::solve(vehicle, earth, &site, &target, &request.shape, memory) {
        Ok(program) => flight_of(vehicle, earth, &site, &program, request.launch_time),
        Err(refusal) => match (request.shape, &refusal) {
            // A report the catalog's missile cannot match inside its bounds: fly the nearest and say so.
            (Shape::AsReported { apogee_m }, FlightError::Unreachable { reason, .. })
                if !matches!(reason, shaping::Unreachable::Range { .. }) =>
            {
                nearest_to_report(vehicle, earth, &site, &target, apogee_m, request, memory)
                    .ok_or(refusal)
            }
            _ => Err(refusal),
        },
    }
}

/// Of the flights inside the catalog's bounds that land at the reported range, the one whose apogee is
/// nearest the reported apogee: the steepest or the flattest at the lightest payload allowed.
fn nearest_to_report(
    vehicle: &Vehicle,
    earth: &EarthModel,
    site: &Geodetic,
    target: &shaping::Target,
    reported_apogee_m: f64,
    request: &LaunchRequest,
    memory: &mut ShapingMemory,
) -> Option<Flight> {
    [shaping::Branch::Lofted, shaping::Branch::Depressed]
        .into_iter()
        .filter_map(|branch| {
            let program =
                shaping::solve_nearest(vehicle, earth, site, target, branch, memory).ok()?;
            flight_of(vehicle, earth, site, &program, request.launch_time).ok()
        })
        .min_by(|a, b| {
            let miss = |f: &Flight| (f.summary.apogee_m - reported_apogee_m).abs();
            miss(a).total_cmp(&miss(b))
        })
        .map(|flight| Flight {
            report_miss: Some(ReportMiss {
                reported_apogee_m,
                flown_apogee_m: flight.summary.apogee_m,
            }),
            ..flight
        })
}

/// Flies a vehicle with a given program (no solving) and summarises the flight.
pub fn flight_of(
    vehicle: &Vehicle,
    earth: &EarthModel,
    site: &Geodetic,
    program: &Program,
    launch_time: SimTime,
) -> Result<Flight, FlightError> {
    let trajectory = simulate::simulate(
        vehicle,
        earth,
        site,
        program,
        launch_time,
        simulate::Until::Impact,
        &integrator::Tolerance::default(),
    )?;
    let summary = summarise(vehicle, site, program, &trajectory);
    Ok(Flight {
        trajectory,
        summary,
        program: *program,
        report_miss: None,
    })
}

/// Ground range from the site to a point, metres: the geodesic on an ellipsoid, the great circle on a sphere.
pub(crate) fn ground_range_m(earth: &EarthModel, site: &Geodetic, to: &Geodetic) -> f64 {
    if earth.ellipsoid.flattening == 0.0 {
        let c = site.lat_rad.sin() * to.lat_rad.sin()
            + site.lat_rad.cos() * to.lat_rad.cos() * (to.lon_rad - site.lon_rad).cos();
        earth.ellipsoid.a_m * c.clamp(-1.0, 1.0).acos()
    } else {
        earth::inverse(
            site.lat_rad.to_degrees(),
            site.lon_rad.to_degrees(),
            to.lat_rad.to_degrees(),
            to.lon_rad.to_degrees(),
        )
        .distance_m
    }
}

fn summarise(
    vehicle: &Vehicle,
    site: &Geodetic,
    program: &Program,
    trajectory: &Trajectory,
) -> FlightSummary {
    let earth = trajectory.earth();
    let end = trajectory.sample(trajectory.duration_s());
    let event = |k: EventKind| trajectory.events().iter().find(|e| e.kind == k).copied();
    let burnout_time_s = trajectory.burnouts_s.last().copied().unwrap_or(0.0);
    let burnout = trajectory.sample(burnout_time_s);
    let apogee = event(EventKind::Apogee);
    let max_speed_m_s = trajectory
        .nodes
        .iter()
        .map(|n| n.y.fixed_rows::<3>(3).norm())
        .fold(0.0, f64::max);
    let (_, payload_factor) = program.burn_fraction_and_payload_factor();
    FlightSummary {
        missile: vehicle.id.to_string(),
        flight_time_s: trajectory.duration_s(),
        apogee_m: apogee.map_or(0.0, |e| e.h_m),
        apogee_time_s: apogee.map_or(0.0, |e| e.t_s),
        range_m: ground_range_m(earth, site, &end.geodetic),
        burnout_time_s,
        burnout_speed_m_s: burnout.speed_m_s,
        burnout_height_m: burnout.geodetic.h_m,
        max_speed_m_s,
        impact_speed_m_s: end.speed_m_s,
        impact_lat_deg: end.geodetic.lat_deg(),
        impact_lon_deg: end.geodetic.lon_deg(),
        launch_azimuth_deg: program.azimuth_rad.to_degrees().rem_euclid(360.0),
        pitch_final_deg: program.pitch_final_rad.to_degrees(),
        energy: program.energy,
        payload_kg: vehicle.payload.mass_kg * payload_factor,
        events: trajectory.events().to_vec(),
    }
}
