//! Closed-form free flight over a non-rotating spherical Earth in vacuum (Keplerian ellipses): the checks
//! the integrated flight model is tested against, and the flight-time lower bound of
//! `data/reference/radar.md`. Reference: Bate, Mueller and White, "Fundamentals of Astrodynamics",
//! chapters 2 and 4 (conic equation, Kepler's equation); Wheelon (1959) for the ballistic form.

use crate::earth::GM_M3_S2;
use nalgebra::Vector3;
use std::f64::consts::PI;

/// A Keplerian arc from a state down to the sphere.
///
/// # Units
/// Angle in radians (central angle travelled), range in metres along the sphere, time in s.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KeplerArc {
    pub range_angle_rad: f64,
    pub range_m: f64,
    pub time_s: f64,
    pub apogee_radius_m: f64,
}

fn mean_anomaly(e: f64, nu_rad: f64) -> f64 {
    let big_e = 2.0
        * ((1.0 - e).sqrt() * (0.5 * nu_rad).sin()).atan2((1.0 + e).sqrt() * (0.5 * nu_rad).cos());
    big_e - e * big_e.sin()
}

/// Free flight from position `r_m` and (inertial) velocity `v_m_s` until the radius falls to `radius_m`
/// while descending. `None` if the orbit is not an ellipse that comes down to that radius ahead.
///
/// # Units
/// Metres and m/s in any inertial frame centred on the Earth.
pub fn free_flight(r_m: &Vector3<f64>, v_m_s: &Vector3<f64>, radius_m: f64) -> Option<KeplerArc> {
    let r = r_m.norm();
    let h = r_m.cross(v_m_s);
    let energy = 0.5 * v_m_s.norm_squared() - GM_M3_S2 / r;
    if energy >= 0.0 || h.norm() == 0.0 {
        return None;
    }
    let a = -GM_M3_S2 / (2.0 * energy);
    let p = h.norm_squared() / GM_M3_S2;
    let e_vec = v_m_s.cross(&h) / GM_M3_S2 - r_m / r;
    let e = e_vec.norm();
    if e < 1e-12 {
        return None;
    }
    let mut nu0 = (e_vec.dot(r_m) / (e * r)).clamp(-1.0, 1.0).acos();
    if r_m.dot(v_m_s) < 0.0 {
        nu0 = 2.0 * PI - nu0;
    }
    let cos_nu1 = (p / radius_m - 1.0) / e;
    if !(-1.0..=1.0).contains(&cos_nu1) {
        return None;
    }
    let nu1 = 2.0 * PI - cos_nu1.acos();
    if nu1 < nu0 {
        return None;
    }
    let n = (GM_M3_S2 / (a * a * a)).sqrt();
    let m0 = mean_anomaly(e, nu0);
    let m1 = mean_anomaly(e, nu1).rem_euclid(2.0 * PI);
    let m1 = if m1 < m0 { m1 + 2.0 * PI } else { m1 };
    let range_angle_rad = nu1 - nu0;
    Some(KeplerArc {
        range_angle_rad,
        range_m: radius_m * range_angle_rad,
        time_s: (m1 - m0) / n,
        apogee_radius_m: a * (1.0 + e),
    })
}

/// The flight time of the symmetric free-flight ellipse that leaves the sphere, reaches `apogee_m` above it
/// and comes down `range_m` (along the sphere) away: the Keplerian lower bound on a powered flight with that
/// apogee and range. `None` for impossible inputs (non-positive values, range beyond half the globe).
///
/// # Units
/// Metres in, seconds out.
pub fn bound_time_s(apogee_m: f64, range_m: f64, radius_m: f64) -> Option<f64> {
    let phi = range_m / radius_m;
    if !(apogee_m > 0.0 && range_m > 0.0 && radius_m > 0.0 && phi < PI) {
        return None;
    }
    let ra = radius_m + apogee_m;
    let c = (0.5 * phi).cos();
    let e = (ra - radius_m) / (ra - radius_m * c);
    let p = ra * (1.0 - e);
    let a = p / (1.0 - e * e);
    let n = (GM_M3_S2 / (a * a * a)).sqrt();
    let nu0 = PI - 0.5 * phi;
    Some(2.0 * (PI - mean_anomaly(e, nu0)) / n)
}

/// The flight-path angle (above the local horizontal) at which the symmetric free-flight ellipse of
/// [`bound_time_s`] leaves the sphere: the first guess of the shaping solvers. `None` for impossible inputs.
///
/// # Units
/// Metres in, radians out.
pub fn flight_path_angle_rad(apogee_m: f64, range_m: f64, radius_m: f64) -> Option<f64> {
    let phi = range_m / radius_m;
    if !(apogee_m > 0.0 && range_m > 0.0 && radius_m > 0.0 && phi < PI) {
        return None;
    }
    let ra = radius_m + apogee_m;
    let e = (ra - radius_m) / (ra - radius_m * (0.5 * phi).cos());
    let nu0 = PI - 0.5 * phi;
    Some((e * nu0.sin()).atan2(1.0 + e * nu0.cos()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vertical_ish_and_symmetric_arcs_agree() {
        // Launch from the sphere: the arc to the same radius is symmetric, so its apogee and time must match
        // the symmetric bound built from its own apogee and range.
        let r0 = 6_371_000.0;
        let g = 25f64.to_radians();
        let v = 5_000.0;
        let arc = free_flight(
            &Vector3::new(r0, 0.0, 0.0),
            &Vector3::new(v * g.sin(), v * g.cos(), 0.0),
            r0,
        )
        .unwrap();
        let t = bound_time_s(arc.apogee_radius_m - r0, arc.range_m, r0).unwrap();
        let gamma = flight_path_angle_rad(arc.apogee_radius_m - r0, arc.range_m, r0).unwrap();
        assert!((gamma - g).abs() < 1e-9, "{gamma} vs {g}");
        assert!((t - arc.time_s).abs() < 1e-6 * t, "{t} vs {}", arc.time_s);
        assert!(
            arc.range_m > 1.0e6 && arc.range_m < 4.0e6,
            "{}",
            arc.range_m
        );
    }

    #[test]
    fn vertical_shot_time_matches_energy_integral() {
        // Nearly vertical: apogee height from energy conservation.
        let r0 = 6_371_000.0;
        let v = 3_000.0;
        let arc =
            free_flight(&Vector3::new(r0, 0.0, 0.0), &Vector3::new(v, 1e-3, 0.0), r0).unwrap();
        let ra = 1.0 / (1.0 / r0 - v * v / (2.0 * GM_M3_S2));
        assert!((arc.apogee_radius_m - ra).abs() < 1.0);
        assert!(bound_time_s(-1.0, 1.0, r0).is_none());
    }
}
