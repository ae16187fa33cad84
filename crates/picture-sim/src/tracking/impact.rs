//! Predicted impact: a track's state and covariance propagated ballistically ([`BallisticEcef`]) to the
//! ellipsoid (height 0), giving the impact point and time and the 95% error ellipse on the ground.
//!
//! The ground error is the position error at impact slid along the velocity to the ground plane (a point
//! reached early or late lands short or long): with the ENU error `d` and the impact velocity `v`,
//! `d_ground = d_h - v_h d_u / v_u`, and `dt = -d_u / v_u`. The ellipse's semi-axes are
//! `sqrt(chi2_2(0.95) lambda)` with chi2_2(0.95) = 5.991.

use super::transition::{BallisticEcef, TransitionModel};
use super::{symmetrize, GaussianState};
use crate::earth::{Ecef, Ellipsoid, Geodetic, LocalFrame};
use crate::time::{Duration, SimTime};
use nalgebra::{Matrix2, Matrix3, Point3, SMatrix, Vector3};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Chi-square 0.95 quantile with 2 degrees of freedom.
pub const CHI2_2DOF_95: f64 = 5.991;

#[derive(Debug, Error, PartialEq)]
pub enum ImpactError {
    #[error("track state at t = {time_ms} ms is already below the ground")]
    AlreadyDown { time_ms: i64 },
    #[error("no impact within {horizon_s} s of t = {time_ms} ms")]
    NoImpact { time_ms: i64, horizon_s: f64 },
    #[error("impact prediction from t = {time_ms} ms gave non-finite numbers")]
    NotFinite { time_ms: i64 },
}

/// An error ellipse on the ground.
///
/// # Units
/// Semi-axes in metres; orientation of the major axis in degrees clockwise from north, in [0, 180).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ErrorEllipse {
    pub semi_major_m: f64,
    pub semi_minor_m: f64,
    pub orientation_deg: f64,
    /// Probability content (0.95).
    pub confidence: f64,
}

impl ErrorEllipse {
    /// The ellipse of a 2x2 east-north covariance (m^2) at the chi-square `scale` (5.991 for 95%).
    pub fn from_covariance_en(c: &Matrix2<f64>, scale: f64, confidence: f64) -> ErrorEllipse {
        let (a, b, d) = (c[(0, 0)], 0.5 * (c[(0, 1)] + c[(1, 0)]), c[(1, 1)]);
        let mid = 0.5 * (a + d);
        let rad = (0.25 * (a - d) * (a - d) + b * b).sqrt();
        let (l1, l2) = ((mid + rad).max(0.0), (mid - rad).max(0.0));
        // Angle of the major axis from east, counter-clockwise; bearing = 90 - angle.
        let theta_deg = 0.5 * (2.0 * b).atan2(a - d).to_degrees();
        ErrorEllipse {
            semi_major_m: (scale * l1).sqrt(),
            semi_minor_m: (scale * l2).sqrt(),
            orientation_deg: (90.0 - theta_deg).rem_euclid(180.0),
            confidence,
        }
    }

    /// The ellipse of the horizontal (east-north) part of an ECEF position covariance (m^2) at the point
    /// below `at`, at the chi-square `scale` (`k^2` for the `k`-sigma ellipse, 5.991 for 95%).
    pub fn horizontal_of_ecef(
        ellipsoid: &Ellipsoid,
        at: Geodetic,
        cov_ecef_m2: &Matrix3<f64>,
        scale: f64,
        confidence: f64,
    ) -> ErrorEllipse {
        let frame = LocalFrame::at(ellipsoid, Geodetic { h_m: 0.0, ..at });
        let r = Matrix3::from_fn(|i, j| {
            frame.vector_to_enu(&Matrix3::<f64>::identity().column(j).into_owned())[i]
        });
        let enu = r * cov_ecef_m2 * r.transpose();
        let en = Matrix2::new(enu[(0, 0)], enu[(0, 1)], enu[(1, 0)], enu[(1, 1)]);
        ErrorEllipse::from_covariance_en(&en, scale, confidence)
    }

    /// The probability content of the `k`-sigma ellipse of a 2-D Gaussian: `1 - exp(-k^2 / 2)`.
    pub fn sigma_confidence(k: f64) -> f64 {
        1.0 - (-0.5 * k * k).exp()
    }
}

/// A predicted impact.
///
/// # Units
/// `point` on the ellipsoid (height 0); `sigma_time_s` one sigma of the impact time, seconds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ImpactPrediction {
    /// Time of the state it was predicted from.
    pub from_time: SimTime,
    pub time: SimTime,
    pub point: Geodetic,
    pub ellipse: ErrorEllipse,
    pub sigma_time_s: f64,
}

/// Propagation step, seconds (RK4 on a ballistic arc: sub-metre error over a 30-minute flight).
const STEP_S: f64 = 10.0;

/// Propagates `state` ballistically to height 0 on `ellipsoid`, at most `horizon_s` seconds ahead.
pub fn predict_impact(
    state: &GaussianState,
    model: &BallisticEcef,
    ellipsoid: &Ellipsoid,
    horizon_s: f64,
) -> Result<ImpactPrediction, ImpactError> {
    let time_ms = state.time.0;
    let mut p = state.covar;
    let (x, elapsed_s) = fall(state, model, ellipsoid, horizon_s, Some(&mut p))?;
    let pos = Ecef(Point3::new(x[0], x[1], x[2]));
    let mut point = ellipsoid.to_geodetic(&pos);
    point.h_m = 0.0;
    let frame = LocalFrame::at(ellipsoid, point);
    let v = frame.vector_to_enu(&Vector3::new(x[3], x[4], x[5]));
    let vu = if v.z.abs() < 1.0 { -1.0 } else { v.z };
    // Rows: ground east, ground north, time; columns: ECEF position error.
    let mut j = SMatrix::<f64, 3, 3>::zeros();
    let rows_enu = [
        Vector3::new(1.0, 0.0, -v.x / vu),
        Vector3::new(0.0, 1.0, -v.y / vu),
        Vector3::new(0.0, 0.0, -1.0 / vu),
    ];
    for (i, r) in rows_enu.iter().enumerate() {
        let row = frame.vector_to_ecef(r);
        for k in 0..3 {
            j[(i, k)] = row[k];
        }
    }
    let c = j * p.fixed_view::<3, 3>(0, 0) * j.transpose();
    let en = Matrix2::new(c[(0, 0)], c[(0, 1)], c[(1, 0)], c[(1, 1)]);
    let ellipse = ErrorEllipse::from_covariance_en(&en, CHI2_2DOF_95, 0.95);
    let sigma_time_s = c[(2, 2)].max(0.0).sqrt();
    if !(ellipse.semi_major_m.is_finite() && sigma_time_s.is_finite() && point.lat_rad.is_finite())
    {
        return Err(ImpactError::NotFinite { time_ms });
    }
    Ok(ImpactPrediction {
        from_time: state.time,
        time: state.time + Duration::from_secs_f64(elapsed_s),
        point,
        ellipse,
        sigma_time_s,
    })
}

/// Where and when `state` lands: the point and time [`predict_impact`] gives, without propagating the
/// covariance (about a third of the work), for a caller that needs no ellipse (the metrics' events).
pub fn predict_impact_point(
    state: &GaussianState,
    model: &BallisticEcef,
    ellipsoid: &Ellipsoid,
    horizon_s: f64,
) -> Result<(SimTime, Geodetic), ImpactError> {
    let (x, elapsed_s) = fall(state, model, ellipsoid, horizon_s, None)?;
    let mut point = ellipsoid.to_geodetic(&Ecef(Point3::new(x[0], x[1], x[2])));
    point.h_m = 0.0;
    if !point.lat_rad.is_finite() {
        return Err(ImpactError::NotFinite {
            time_ms: state.time.0,
        });
    }
    Ok((state.time + Duration::from_secs_f64(elapsed_s), point))
}

/// The ballistic fall of `state`'s mean to height 0: the state at the ground and the seconds it took; the
/// covariance `p`, when given, propagated alongside. The mean is the same either way ([`TransitionModel`]'s
/// `function` is the state part of `function_and_jacobian`, step for step).
fn fall(
    state: &GaussianState,
    model: &BallisticEcef,
    ellipsoid: &Ellipsoid,
    horizon_s: f64,
    mut p: Option<&mut super::StateCovariance>,
) -> Result<(super::StateVector, f64), ImpactError> {
    let time_ms = state.time.0;
    let height = |x: &super::StateVector| {
        ellipsoid
            .to_geodetic(&Ecef(Point3::new(x[0], x[1], x[2])))
            .h_m
    };
    if !state.is_finite() {
        return Err(ImpactError::NotFinite { time_ms });
    }
    if height(&state.mean) < 0.0 {
        return Err(ImpactError::AlreadyDown { time_ms });
    }
    let step =
        |x: &super::StateVector, dt: f64, p: &mut Option<&mut super::StateCovariance>| match p {
            Some(p) => {
                let (y, f) = model.function_and_jacobian(x, dt);
                **p = f * **p * f.transpose() + model.covar(dt);
                y
            }
            None => model.function(x, dt),
        };
    let mut x = state.mean;
    let mut elapsed_s = 0.0;
    loop {
        if elapsed_s >= horizon_s {
            return Err(ImpactError::NoImpact { time_ms, horizon_s });
        }
        let (y, f) = match p {
            Some(_) => {
                let (y, f) = model.function_and_jacobian(&x, STEP_S);
                (y, Some(f))
            }
            None => (model.function(&x, STEP_S), None),
        };
        if height(&y) > 0.0 {
            if let (Some(p), Some(f)) = (p.as_deref_mut(), f) {
                *p = f * *p * f.transpose() + model.covar(STEP_S);
            }
            x = y;
            elapsed_s += STEP_S;
            continue;
        }
        // Bisection for the crossing within this step.
        let (mut lo, mut hi) = (0.0, STEP_S);
        for _ in 0..40 {
            let mid = 0.5 * (lo + hi);
            if height(&model.function(&x, mid)) > 0.0 {
                lo = mid;
            } else {
                hi = mid;
            }
            if hi - lo < 1e-3 {
                break;
            }
        }
        let dt = 0.5 * (lo + hi);
        x = step(&x, dt, &mut p);
        if let Some(p) = p {
            *p = symmetrize(p);
        }
        elapsed_s += dt;
        return Ok((x, elapsed_s));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn horizontal_ellipse_of_known_covariances() {
        let e = Ellipsoid::WGS84;
        let at = Geodetic::from_deg(38.0, 130.0, 0.0).unwrap();
        let frame = LocalFrame::at(&e, at);
        // 300 m east, 100 m north, 50 m up (sigma), built in ENU and rotated to ECEF.
        let r = Matrix3::from_fn(|i, j| {
            frame.vector_to_ecef(&Matrix3::<f64>::identity().column(j).into_owned())[i]
        });
        let enu = Matrix3::from_diagonal(&Vector3::new(
            300.0f64.powi(2),
            100.0f64.powi(2),
            50.0f64.powi(2),
        ));
        let ecef = r * enu * r.transpose();
        let k = 2.0;
        let el = ErrorEllipse::horizontal_of_ecef(
            &e,
            at,
            &ecef,
            k * k,
            ErrorEllipse::sigma_confidence(k),
        );
        assert!((el.semi_major_m - 600.0).abs() < 1e-6 && (el.semi_minor_m - 200.0).abs() < 1e-6);
        assert!((el.orientation_deg - 90.0).abs() < 1e-6, "{el:?}");
        // The 2-sigma ellipse holds 86.47% of a 2-D Gaussian; the 2.4477-sigma one 95% (chi2_2(0.95) = 5.991).
        assert!((el.confidence - 0.864_66).abs() < 1e-5, "{}", el.confidence);
        assert!((ErrorEllipse::sigma_confidence(CHI2_2DOF_95.sqrt()) - 0.95).abs() < 1e-4);
    }

    #[test]
    fn ellipse_orientation() {
        // Long north-south: orientation 0; long east-west: 90.
        let ns = ErrorEllipse::from_covariance_en(&Matrix2::new(1.0, 0.0, 0.0, 4.0), 1.0, 0.95);
        assert!(
            (ns.orientation_deg - 0.0).abs() < 1e-9 || (ns.orientation_deg - 180.0).abs() < 1e-9
        );
        assert!((ns.semi_major_m - 2.0).abs() < 1e-12 && (ns.semi_minor_m - 1.0).abs() < 1e-12);
        let ew = ErrorEllipse::from_covariance_en(&Matrix2::new(4.0, 0.0, 0.0, 1.0), 1.0, 0.95);
        assert!((ew.orientation_deg - 90.0).abs() < 1e-9);
        // North-east diagonal: 45.
        let ne = ErrorEllipse::from_covariance_en(&Matrix2::new(2.5, 1.5, 1.5, 2.5), 1.0, 0.95);
        assert!(
            (ne.orientation_deg - 45.0).abs() < 1e-9,
            "{}",
            ne.orientation_deg
        );
    }

    #[test]
    fn the_point_alone_is_the_full_predictions_point_to_the_bit() {
        use crate::tracking::StateVector;
        let e = Ellipsoid::WGS84;
        let model = BallisticEcef::new(1.0);
        for (k, (up_m_s, east_m_s)) in [(1500.0, 2000.0), (-300.0, 3000.0), (10.0, 6000.0)]
            .into_iter()
            .enumerate()
        {
            let site = Geodetic::from_deg(39.0 + k as f64, 128.0, 150_000.0).unwrap();
            let frame = LocalFrame::at(&e, site);
            let r = e.to_ecef(&site).0;
            let v = frame.vector_to_ecef(&Vector3::new(east_m_s, 500.0, up_m_s));
            let state = GaussianState {
                time: SimTime(12_345),
                mean: StateVector::new(r.x, r.y, r.z, v.x, v.y, v.z),
                covar: crate::tracking::StateCovariance::identity() * 1.0e4,
            };
            let full = predict_impact(&state, &model, &e, 3600.0).unwrap();
            let (time, point) = predict_impact_point(&state, &model, &e, 3600.0).unwrap();
            assert_eq!(time, full.time);
            assert_eq!(point.lat_rad.to_bits(), full.point.lat_rad.to_bits());
            assert_eq!(point.lon_rad.to_bits(), full.point.lon_rad.to_bits());
        }
    }
}
