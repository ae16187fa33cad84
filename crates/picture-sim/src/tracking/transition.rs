//! Transition models: how the state moves between two times.
//!
//! [`BallisticEcef`] is unpowered flight in the rotating ECEF frame: gravity with J2 (WGS84) plus the Coriolis
//! and centrifugal accelerations, integrated by classical Runge-Kutta 4; its jacobian is the product over
//! the sub-steps of the second-order expansion of the linearised dynamics (point-mass gravity gradient).
//! [`ConstantVelocity`] is the textbook nearly-constant-velocity model. Both use continuous white-noise
//! acceleration of spectral density `q` (Bar-Shalom, Li and Kirubarajan, "Estimation with Applications to
//! Tracking and Navigation", 2001, section 6.2.2); boost is modelled by a large `q` (see
//! [`crate::tracking::predictor::ImmPredictor`]).

use super::{StateCovariance, StateVector};
use crate::earth::{gravity_j2_m_s2, EARTH_ROTATION_RAD_S, GM_M3_S2};
use nalgebra::{Matrix3, Vector3};
use serde::{Deserialize, Serialize};

/// A transition model: state function, its jacobian and the process noise, over `dt_s` seconds.
pub trait TransitionModel {
    /// The state after `dt_s` seconds.
    fn function(&self, x: &StateVector, dt_s: f64) -> StateVector;
    /// The state after `dt_s` seconds and the jacobian of that map at `x`.
    fn function_and_jacobian(&self, x: &StateVector, dt_s: f64) -> (StateVector, StateCovariance);
    /// Process noise covariance accumulated over `dt_s` seconds.
    fn covar(&self, dt_s: f64) -> StateCovariance;
}

/// Process noise of continuous white-noise acceleration with spectral density `q_m2_s3` on each axis.
pub fn white_noise_acceleration(q_m2_s3: f64, dt_s: f64) -> StateCovariance {
    let dt = dt_s.abs();
    let (a, b, c) = (
        q_m2_s3 * dt * dt * dt / 3.0,
        q_m2_s3 * dt * dt / 2.0,
        q_m2_s3 * dt,
    );
    let mut q = StateCovariance::zeros();
    for i in 0..3 {
        q[(i, i)] = a;
        q[(i, i + 3)] = b;
        q[(i + 3, i)] = b;
        q[(i + 3, i + 3)] = c;
    }
    q
}

/// Nearly constant velocity in a Cartesian frame.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ConstantVelocity {
    /// Spectral density of the white-noise acceleration, m^2/s^3.
    pub q_m2_s3: f64,
}

impl TransitionModel for ConstantVelocity {
    fn function(&self, x: &StateVector, dt_s: f64) -> StateVector {
        let mut y = *x;
        for i in 0..3 {
            y[i] += dt_s * x[i + 3];
        }
        y
    }

    fn function_and_jacobian(&self, x: &StateVector, dt_s: f64) -> (StateVector, StateCovariance) {
        let mut f = StateCovariance::identity();
        for i in 0..3 {
            f[(i, i + 3)] = dt_s;
        }
        (self.function(x, dt_s), f)
    }

    fn covar(&self, dt_s: f64) -> StateCovariance {
        white_noise_acceleration(self.q_m2_s3, dt_s)
    }
}

/// Unpowered flight in ECEF: J2 gravity, Coriolis and centrifugal accelerations, no drag.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BallisticEcef {
    /// Spectral density of the white-noise acceleration, m^2/s^3 (unmodelled thrust, drag, gravity error).
    pub q_m2_s3: f64,
    /// Longest Runge-Kutta sub-step, seconds.
    pub max_step_s: f64,
}

impl BallisticEcef {
    pub fn new(q_m2_s3: f64) -> BallisticEcef {
        BallisticEcef {
            q_m2_s3,
            max_step_s: 10.0,
        }
    }
}

/// Acceleration in the rotating ECEF frame, m/s^2: gravity (J2) + Coriolis + centrifugal.
///
/// # Units
/// `r_m` ECEF position in metres, `v_m_s` ECEF velocity in m/s.
pub fn ballistic_acceleration_m_s2(r_m: &Vector3<f64>, v_m_s: &Vector3<f64>) -> Vector3<f64> {
    let w = EARTH_ROTATION_RAD_S;
    let g = gravity_j2_m_s2(r_m);
    Vector3::new(
        g.x + 2.0 * w * v_m_s.y + w * w * r_m.x,
        g.y - 2.0 * w * v_m_s.x + w * w * r_m.y,
        g.z,
    )
}

fn derivative(x: &StateVector) -> StateVector {
    let r = Vector3::new(x[0], x[1], x[2]);
    let v = Vector3::new(x[3], x[4], x[5]);
    let a = ballistic_acceleration_m_s2(&r, &v);
    StateVector::new(v.x, v.y, v.z, a.x, a.y, a.z)
}

/// One classical Runge-Kutta 4 step of ballistic flight.
pub fn rk4_step(x: &StateVector, h_s: f64) -> StateVector {
    rk4_step_from(x, &derivative(x), h_s)
}

/// [`rk4_step`] given the derivative `k1` at `x` already evaluated.
fn rk4_step_from(x: &StateVector, k1: &StateVector, h_s: f64) -> StateVector {
    let k1 = *k1;
    let k2 = derivative(&(x + k1 * (h_s / 2.0)));
    let k3 = derivative(&(x + k2 * (h_s / 2.0)));
    let k4 = derivative(&(x + k3 * h_s));
    x + (k1 + k2 * 2.0 + k3 * 2.0 + k4) * (h_s / 6.0)
}

/// Jacobian of the ballistic dynamics d(xdot)/dx at `x` (point-mass gravity gradient, exact rotation terms).
fn dynamics_jacobian(x: &StateVector) -> StateCovariance {
    let r = Vector3::new(x[0], x[1], x[2]);
    let rn = r.norm();
    let u = r / rn;
    let w = EARTH_ROTATION_RAD_S;
    let gg = (u * u.transpose() * 3.0 - Matrix3::identity()) * (GM_M3_S2 / (rn * rn * rn));
    let mut a = StateCovariance::zeros();
    for i in 0..3 {
        a[(i, i + 3)] = 1.0;
        for j in 0..3 {
            a[(i + 3, j)] = gg[(i, j)];
        }
    }
    a[(3, 0)] += w * w;
    a[(4, 1)] += w * w;
    a[(3, 4)] = 2.0 * w;
    a[(4, 3)] = -2.0 * w;
    a
}

/// `I + A h + (A h)^2 / 2` for the dynamics jacobian `A` at `x`, using its block form
/// `A = [[0, I], [G, C]]` (`G` the gravity gradient and centrifugal term, `C` the Coriolis term):
/// `A^2 = [[G, C], [C G, G + C^2]]`, three 3x3 products where the full square would take a 6x6 one.
fn step_transition(x: &StateVector, h_s: f64) -> StateCovariance {
    let a = dynamics_jacobian(x);
    let g = a.fixed_view::<3, 3>(3, 0).into_owned();
    let c = a.fixed_view::<3, 3>(3, 3).into_owned();
    let mut a2 = StateCovariance::zeros();
    a2.fixed_view_mut::<3, 3>(0, 0).copy_from(&g);
    a2.fixed_view_mut::<3, 3>(0, 3).copy_from(&c);
    a2.fixed_view_mut::<3, 3>(3, 0).copy_from(&(c * g));
    a2.fixed_view_mut::<3, 3>(3, 3).copy_from(&(g + c * c));
    StateCovariance::identity() + a * h_s + a2 * (h_s * h_s * 0.5)
}

fn substeps(dt_s: f64, max_step_s: f64) -> (usize, f64) {
    let n = (dt_s.abs() / max_step_s.max(1e-3)).ceil().max(1.0) as usize;
    (n, dt_s / n as f64)
}

impl TransitionModel for BallisticEcef {
    fn function(&self, x: &StateVector, dt_s: f64) -> StateVector {
        if dt_s == 0.0 {
            return *x;
        }
        let (n, h) = substeps(dt_s, self.max_step_s);
        let mut y = *x;
        for _ in 0..n {
            y = rk4_step(&y, h);
        }
        y
    }

    fn function_and_jacobian(&self, x: &StateVector, dt_s: f64) -> (StateVector, StateCovariance) {
        if dt_s == 0.0 {
            return (*x, StateCovariance::identity());
        }
        let (n, h) = substeps(dt_s, self.max_step_s);
        let mut y = *x;
        let mut f = StateCovariance::identity();
        let mut first = true;
        for _ in 0..n {
            // The jacobian at the mid-point of the sub-step, to second order in h.
            // The derivative at y serves both the mid-point and the first Runge-Kutta stage.
            let k1 = derivative(&y);
            let mid = y + k1 * (h / 2.0);
            let step = step_transition(&mid, h);
            // The first sub-step starts from the identity: no product needed.
            f = if first { step } else { step * f };
            first = false;
            y = rk4_step_from(&y, &k1, h);
        }
        (y, f)
    }

    fn covar(&self, dt_s: f64) -> StateCovariance {
        white_noise_acceleration(self.q_m2_s3, dt_s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ballistic_jacobian_matches_finite_differences() {
        let m = BallisticEcef::new(0.0);
        let x = StateVector::new(-3.0e6, 4.0e6, 4.2e6, 1500.0, -2000.0, 800.0);
        let dt = 30.0;
        let (_, f) = m.function_and_jacobian(&x, dt);
        for j in 0..6 {
            let eps = if j < 3 { 10.0 } else { 0.1 };
            let mut xp = x;
            xp[j] += eps;
            let mut xm = x;
            xm[j] -= eps;
            let col = (m.function(&xp, dt) - m.function(&xm, dt)) / (2.0 * eps);
            for i in 0..6 {
                let tol = 1e-3 * (1.0 + col[i].abs());
                assert!(
                    (col[i] - f[(i, j)]).abs() < tol,
                    "F[{i},{j}] = {} vs {}",
                    f[(i, j)],
                    col[i]
                );
            }
        }
    }
}
