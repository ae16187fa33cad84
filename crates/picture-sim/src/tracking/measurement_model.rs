//! The radar measurement model: azimuth, elevation and range of the ECEF position from a site, its jacobian,
//! its noise covariance, and its inverse (a plot as an ECEF position with a covariance, for initiation).
//!
//! Angle conventions follow [`crate::earth::Aer`]: azimuth clockwise from north, elevation above the plane
//! normal to the ellipsoid normal at the site. The measurement vector is `(az_rad, el_rad, range_m)`.

use super::StateVector;
use crate::earth::{Aer, Ecef, Ellipsoid, Geodetic, LocalFrame};
use crate::measurement::{Measurement, MeasurementKind, SensorIndex};
use crate::time::SimTime;
use nalgebra::{Matrix3, Point3, SMatrix, Vector3};
use thiserror::Error;

/// Measurement vector: azimuth (rad), elevation (rad), range (m).
pub type MeasurementVector = Vector3<f64>;
/// Measurement jacobian with respect to the state.
pub type MeasurementJacobian = SMatrix<f64, 3, 6>;

#[derive(Debug, Error, PartialEq)]
pub enum MeasurementModelError {
    #[error("sensor {sensor}: {field} must be finite and positive, got {value}")]
    BadSigma {
        sensor: usize,
        field: &'static str,
        value: f64,
    },
    #[error("sensor {sensor}: measurement at t = {time_ms} ms is not a radar plot")]
    NotRadar { sensor: usize, time_ms: i64 },
    #[error("sensor {sensor}: measurement at t = {time_ms} ms has a non-finite value")]
    NotFinite { sensor: usize, time_ms: i64 },
    #[error(
        "target is within {range_m:.1} m horizontally of the site's vertical: azimuth undefined"
    )]
    Singular { range_m: f64 },
}

/// Radar azimuth-elevation-range model at a site.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RadarAerModel {
    pub sensor: SensorIndex,
    pub frame: LocalFrame,
    noise: Matrix3<f64>,
}

impl RadarAerModel {
    /// # Units
    /// Sigmas: range in metres, azimuth and elevation in radians (one standard deviation).
    pub fn new(
        ellipsoid: &Ellipsoid,
        sensor: SensorIndex,
        site: Geodetic,
        sigma_az_rad: f64,
        sigma_el_rad: f64,
        sigma_range_m: f64,
    ) -> Result<RadarAerModel, MeasurementModelError> {
        for (field, value) in [
            ("sigma_az_rad", sigma_az_rad),
            ("sigma_el_rad", sigma_el_rad),
            ("sigma_range_m", sigma_range_m),
        ] {
            if !(value.is_finite() && value > 0.0) {
                return Err(MeasurementModelError::BadSigma {
                    sensor: sensor.0,
                    field,
                    value,
                });
            }
        }
        let noise = Matrix3::from_diagonal(&Vector3::new(
            sigma_az_rad * sigma_az_rad,
            sigma_el_rad * sigma_el_rad,
            sigma_range_m * sigma_range_m,
        ));
        Ok(RadarAerModel {
            sensor,
            frame: LocalFrame::at(ellipsoid, site),
            noise,
        })
    }

    /// The model and the measurement vector of a radar [`Measurement`].
    pub fn from_measurement(
        ellipsoid: &Ellipsoid,
        m: &Measurement,
    ) -> Result<(RadarAerModel, MeasurementVector), MeasurementModelError> {
        match &m.kind {
            MeasurementKind::Radar {
                site,
                aer,
                sigma_range_m,
                sigma_az_rad,
                sigma_el_rad,
            } => {
                let z = Vector3::new(aer.az_rad, aer.el_rad, aer.range_m);
                if !z.iter().all(|v| v.is_finite()) {
                    return Err(MeasurementModelError::NotFinite {
                        sensor: m.sensor.0,
                        time_ms: m.time.0,
                    });
                }
                let model = RadarAerModel::new(
                    ellipsoid,
                    m.sensor,
                    *site,
                    *sigma_az_rad,
                    *sigma_el_rad,
                    *sigma_range_m,
                )?;
                Ok((model, z))
            }
            MeasurementKind::LaunchReport { .. } => Err(MeasurementModelError::NotRadar {
                sensor: m.sensor.0,
                time_ms: m.time.0,
            }),
        }
    }

    /// Noise covariance (rad^2, rad^2, m^2).
    pub fn noise_covar(&self) -> Matrix3<f64> {
        self.noise
    }

    /// Azimuth, elevation and range of the state's position.
    pub fn function(&self, x: &StateVector) -> MeasurementVector {
        let aer = self.frame.aer_of(&Ecef(Point3::new(x[0], x[1], x[2])));
        Vector3::new(aer.az_rad, aer.el_rad, aer.range_m)
    }

    /// Jacobian of [`Self::function`] at `x` (zero with respect to velocity).
    pub fn jacobian(&self, x: &StateVector) -> Result<MeasurementJacobian, MeasurementModelError> {
        let enu = self.frame.enu_of(&Ecef(Point3::new(x[0], x[1], x[2]))).0;
        let (e, n, u) = (enu.x, enu.y, enu.z);
        let rho2 = e * e + n * n;
        let rho = rho2.sqrt();
        let r2 = rho2 + u * u;
        let r = r2.sqrt();
        if rho < 1.0 {
            return Err(MeasurementModelError::Singular { range_m: rho });
        }
        let rows_enu = [
            Vector3::new(n / rho2, -e / rho2, 0.0),
            Vector3::new(-e * u / (r2 * rho), -n * u / (r2 * rho), rho / r2),
            Vector3::new(e / r, n / r, u / r),
        ];
        let mut h = MeasurementJacobian::zeros();
        for (i, row) in rows_enu.iter().enumerate() {
            let row_ecef = self.frame.vector_to_ecef(row);
            for j in 0..3 {
                h[(i, j)] = row_ecef[j];
            }
        }
        Ok(h)
    }

    /// Innovation `z - z_pred` with the azimuth difference wrapped to (-pi, pi].
    pub fn residual(z: &MeasurementVector, z_pred: &MeasurementVector) -> MeasurementVector {
        let mut d = z - z_pred;
        d[0] = wrap_pi(d[0]);
        d
    }

    /// The plot as an ECEF position and its covariance (first-order), m and m^2.
    pub fn inverse(&self, z: &MeasurementVector) -> (Ecef, Matrix3<f64>) {
        let enu = Aer {
            az_rad: z[0],
            el_rad: z[1],
            range_m: z[2],
        }
        .to_enu();
        let pos = self.frame.ecef_of(&enu);
        let (sa, ca) = z[0].sin_cos();
        let (se, ce) = z[1].sin_cos();
        let r = z[2];
        // d(e, n, u)/d(az, el, range)
        #[rustfmt::skip]
        let j = Matrix3::new(
            r * ce * ca, -r * se * sa, ce * sa,
            -r * ce * sa, -r * se * ca, ce * ca,
            0.0,          r * ce,       se,
        );
        let cov_enu = j * self.noise * j.transpose();
        let mut rot = Matrix3::zeros();
        for k in 0..3 {
            let mut unit = Vector3::zeros();
            unit[k] = 1.0;
            rot.set_column(k, &self.frame.vector_to_ecef(&unit));
        }
        (pos, rot * cov_enu * rot.transpose())
    }
}

/// Wraps an angle to (-pi, pi].
pub fn wrap_pi(a_rad: f64) -> f64 {
    // Residuals are nearly always in range already: skip the remainder (a library call) for them.
    if a_rad > -std::f64::consts::PI && a_rad <= std::f64::consts::PI {
        return a_rad;
    }
    let t = std::f64::consts::TAU;
    let w = (a_rad + std::f64::consts::PI).rem_euclid(t) - std::f64::consts::PI;
    if w == -std::f64::consts::PI {
        std::f64::consts::PI
    } else {
        w
    }
}

/// A radar plot ready for the tracker: its model, its measurement vector and its time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RadarPlot {
    pub time: SimTime,
    pub model: RadarAerModel,
    pub z: MeasurementVector,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jacobian_matches_finite_differences() {
        let site = Geodetic::from_deg(37.0, 127.0, 100.0).unwrap();
        let m =
            RadarAerModel::new(&Ellipsoid::WGS84, SensorIndex(0), site, 1e-3, 1e-3, 100.0).unwrap();
        let target = Ellipsoid::WGS84.to_ecef(&Geodetic::from_deg(39.5, 125.0, 300e3).unwrap());
        let x = StateVector::new(target.0.x, target.0.y, target.0.z, 1.0, 2.0, 3.0);
        let h = m.jacobian(&x).unwrap();
        for j in 0..3 {
            let mut xp = x;
            xp[j] += 1.0;
            let mut xm = x;
            xm[j] -= 1.0;
            let col = RadarAerModel::residual(&m.function(&xp), &m.function(&xm)) / 2.0;
            for i in 0..3 {
                assert!(
                    (col[i] - h[(i, j)]).abs() < 1e-6 * (1.0 + col[i].abs()),
                    "H[{i},{j}]"
                );
            }
        }
        let (p, _) = m.inverse(&m.function(&x));
        assert!((p.0 - target.0).norm() < 1e-3);
    }
}
