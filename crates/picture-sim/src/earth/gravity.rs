//! Gravity of the WGS84 Earth with the J2 zonal term, and the Earth's rotation rate.

use nalgebra::Vector3;

/// Earth's gravitational parameter, m^3/s^2 (WGS84, NIMA TR8350.2 table 3.1).
pub const GM_M3_S2: f64 = 3.986_004_418e14;
/// Second zonal harmonic, dimensionless (WGS84 EGM96: C20 = -4.841653717e-4, J2 = -sqrt(5) C20).
pub const J2: f64 = 1.082_626_68e-3;
/// Earth's rotation rate, rad/s (WGS84, NIMA TR8350.2 table 3.1).
pub const EARTH_ROTATION_RAD_S: f64 = 7.292_115e-5;
const A_M: f64 = 6_378_137.0;

/// Gravitational acceleration (no centrifugal term) at an ECEF position, m/s^2, with the J2 term.
///
/// # Units
/// `r_m` in metres from the Earth's centre; the result in m/s^2 in the same axes.
pub fn gravity_j2_m_s2(r_m: &Vector3<f64>) -> Vector3<f64> {
    let r2 = r_m.norm_squared();
    let r = r2.sqrt();
    let mu_r3 = GM_M3_S2 / (r2 * r);
    let zr2 = r_m.z * r_m.z / r2;
    let k = 1.5 * J2 * A_M * A_M / r2;
    let fxy = -mu_r3 * (1.0 + k * (1.0 - 5.0 * zr2));
    let fz = -mu_r3 * (1.0 + k * (3.0 - 5.0 * zr2));
    Vector3::new(fxy * r_m.x, fxy * r_m.y, fz * r_m.z)
}
