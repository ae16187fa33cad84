//! Equations of motion of a point mass in the Earth-fixed (ECEF) frame: gravity (point mass or with J2),
//! thrust along a pitch program, drag in the co-rotating atmosphere, optional lift in the glide, and the
//! Coriolis and centrifugal terms of the rotating frame (Zipfel, "Modeling and Simulation of Aerospace Vehicle
//! Dynamics", 3-DOF chapter).

use super::integrator::State;
use crate::atmosphere;
use crate::earth::{gravity_j2_m_s2, Ellipsoid, EARTH_ROTATION_RAD_S, GM_M3_S2};
use nalgebra::Vector3;
use serde::{Deserialize, Serialize};

/// The Earth the missile flies over: the real one ([`EarthModel::WGS84`]) or simplified ones for checks
/// against closed forms.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EarthModel {
    pub ellipsoid: Ellipsoid,
    /// The Earth rotates (Coriolis and centrifugal terms in the ECEF equations of motion).
    pub rotating: bool,
    /// Gravity includes the J2 term (otherwise a point mass).
    pub j2: bool,
    /// The US Standard Atmosphere 1976 (otherwise vacuum).
    pub atmosphere: bool,
}

impl EarthModel {
    /// WGS84, rotating, J2 gravity, USSA76 atmosphere.
    pub const WGS84: EarthModel = EarthModel {
        ellipsoid: Ellipsoid::WGS84,
        rotating: true,
        j2: true,
        atmosphere: true,
    };

    /// A non-rotating spherical Earth of the given radius in vacuum with point-mass gravity: the Keplerian
    /// problem. `None` unless the radius is finite and positive.
    pub fn vacuum_sphere(radius_m: f64) -> Option<EarthModel> {
        Some(EarthModel {
            ellipsoid: Ellipsoid::sphere(radius_m)?,
            rotating: false,
            j2: false,
            atmosphere: false,
        })
    }

    /// Height above the ellipsoid, approximate (within about 70 m): the radius of the ellipsoid at the
    /// geocentric latitude, subtracted. Cheap enough for the atmosphere in the inner loop.
    pub fn approx_height_m(&self, r: &Vector3<f64>) -> f64 {
        let rn = r.norm();
        self.approx_height_at_m(rn, r.z / rn)
    }

    /// [`Self::approx_height_m`] from the distance to the centre (m) and the sine of the geocentric latitude.
    fn approx_height_at_m(&self, r_m: f64, sin_lat: f64) -> f64 {
        r_m - self.ellipsoid.a_m * (1.0 - self.ellipsoid.flattening * sin_lat * sin_lat)
    }

    fn gravity_m_s2(&self, r: &Vector3<f64>) -> Vector3<f64> {
        if self.j2 {
            gravity_j2_m_s2(r)
        } else {
            let rn = r.norm();
            -GM_M3_S2 / (rn * rn * rn) * r
        }
    }
}

/// Below this height the air is dense enough for the glide's lift to matter, m.
pub const GLIDE_CEILING_M: f64 = 60_000.0;
/// Below this Mach number the glide ends (the fins stall and the vehicle dives on its target).
pub const GLIDE_MIN_MACH: f64 = 1.5;
/// The flight-path angle the pull-up steers to, rad: a shallow climb. Descending from a depressed apogee,
/// the vehicle pulls up where the air is dense enough (about 20-25 km for the KN-23), climbs back a few
/// kilometres into thinner air, and then glides down as it slows: the pull-up seen in the JCS tracks of the
/// 2019 KN-23 tests. (Holding only a level path, lift vanishes as the path levels: the vehicle then sinks
/// into dense air and bleeds its speed, and the glide adds little range.)
pub const GLIDE_HOLD_PATH_RAD: f64 = 5.0 * std::f64::consts::PI / 180.0;
/// The path-angle band over which the lift fades to zero at the hold angle, rad.
pub const GLIDE_BAND_RAD: f64 = 2.0 * std::f64::consts::PI / 180.0;

/// Thrust direction program: straight up until `rise_end_s`, then the pitch (angle above the local
/// horizontal) turns to `pitch_final_rad` at `pitch_end_s`, quadratically in time (fast at first, as a
/// gravity turn does, then settling), in the plane through the Earth's
/// centre whose normal (ECEF unit vector) is `plane_normal`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Steering {
    pub plane_normal: Vector3<f64>,
    pub rise_end_s: f64,
    pub pitch_end_s: f64,
    pub pitch_final_rad: f64,
}

impl Steering {
    fn direction(&self, t_s: f64, up: &Vector3<f64>) -> Vector3<f64> {
        let pitch = if t_s <= self.rise_end_s {
            std::f64::consts::FRAC_PI_2
        } else {
            let span = (self.pitch_end_s - self.rise_end_s).max(1e-6);
            let s = ((t_s - self.rise_end_s) / span).clamp(0.0, 1.0);
            let rest = (1.0 - s) * (1.0 - s);
            self.pitch_final_rad + (std::f64::consts::FRAC_PI_2 - self.pitch_final_rad) * rest
        };
        let downrange = self.plane_normal.cross(up);
        let (sp, cp) = pitch.sin_cos();
        cp * downrange + sp * up
    }
}

/// The forces acting during one leg of the flight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Leg {
    /// A stage burning: mass falls linearly from `mass0_kg` at `t0_s`.
    Boost {
        t0_s: f64,
        mass0_kg: f64,
        mass_flow_kg_s: f64,
        thrust_n: f64,
        area_m2: f64,
        steering: Steering,
    },
    /// The payload alone. `lift_to_drag > 0` gives lift (up, normal to the velocity) below
    /// [`GLIDE_CEILING_M`] while faster than [`GLIDE_MIN_MACH`], steering the path up to a shallow climb
    /// ([`GLIDE_HOLD_PATH_RAD`]): the pull-up and glide.
    Coast {
        ballistic_coefficient_kg_m2: f64,
        lift_to_drag: f64,
    },
}

/// Time derivative of the state (ECEF position m, ECEF velocity m/s) at time `t_s`.
pub fn derivative(earth: &EarthModel, leg: &Leg, t_s: f64, y: &State) -> State {
    let r = Vector3::new(y[0], y[1], y[2]);
    let v = Vector3::new(y[3], y[4], y[5]);
    let mut a = earth.gravity_m_s2(&r);
    if earth.rotating {
        let w = Vector3::new(0.0, 0.0, EARTH_ROTATION_RAD_S);
        a -= 2.0 * w.cross(&v) + w.cross(&w.cross(&r));
    }
    let rn = r.norm();
    let up = r / rn;
    let h_m = earth.approx_height_at_m(rn, up.z);
    let speed = v.norm();
    let air = earth.atmosphere.then(|| atmosphere::ussa76(h_m));
    match leg {
        Leg::Boost {
            t0_s,
            mass0_kg,
            mass_flow_kg_s,
            thrust_n,
            area_m2,
            steering,
        } => {
            let m = mass0_kg - mass_flow_kg_s * (t_s - t0_s);
            a += (thrust_n / m) * steering.direction(t_s, &up);
            if let Some(air) = air {
                let cd = atmosphere::missile_cd(speed / air.speed_of_sound_m_s);
                a -= (0.5 * air.density_kg_m3 * speed * cd * area_m2 / m) * v;
            }
        }
        Leg::Coast {
            ballistic_coefficient_kg_m2,
            lift_to_drag,
        } => {
            if let Some(air) = air {
                let mach = speed / air.speed_of_sound_m_s;
                let k = 0.5 * air.density_kg_m3 * speed * atmosphere::reentry_cd_ratio(mach)
                    / ballistic_coefficient_kg_m2;
                a -= k * v;
                let sin_gamma = if speed > 0.0 { v.dot(&up) / speed } else { 0.0 };
                let sin_hold = GLIDE_HOLD_PATH_RAD.sin();
                if *lift_to_drag > 0.0
                    && mach > GLIDE_MIN_MACH
                    && sin_gamma < sin_hold
                    && h_m < GLIDE_CEILING_M
                {
                    // A saturated proportional controller on the flight-path angle: full lift (L/D times
                    // the drag) while the path is more than GLIDE_BAND_RAD below the hold angle, less as it
                    // comes up to it.
                    let fade = ((sin_hold - sin_gamma) / GLIDE_BAND_RAD.sin()).min(1.0);
                    let lift_dir = (up - sin_gamma * v / speed).normalize();
                    a += (lift_to_drag * k * speed * fade) * lift_dir;
                }
            }
        }
    }
    State::new(v.x, v.y, v.z, a.x, a.y, a.z)
}
