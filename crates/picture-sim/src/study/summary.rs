//! A study's samples as distributions: quantiles of each warning time and gain, the dispersion of each
//! flight, the 95 % impact ellipse, and where the time went.

use super::SampleResult;
use crate::earth::{Ellipsoid, Geodetic, LocalFrame};
use crate::tracking::impact::ErrorEllipse;
use crate::tracking::metrics::Event;
use nalgebra::Matrix2;
use serde::{Deserialize, Serialize};

/// A figure's distribution over the samples that reached it.
///
/// # Units
/// Those of the figure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    /// Samples run (that did not fail).
    pub samples: usize,
    /// Samples in which the figure exists (the event was reached).
    pub reached: usize,
    pub p5: Option<f64>,
    pub median: Option<f64>,
    pub p95: Option<f64>,
    pub mean: Option<f64>,
}

/// The `q` quantile of sorted values, linear between order statistics (Hyndman and Fan's type 7, the default
/// of R and NumPy).
pub fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let h = (sorted.len() - 1) as f64 * q.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

impl Spread {
    /// The distribution of `values` (one per sample; `None` where the sample never reached the figure).
    pub fn of(values: impl Iterator<Item = Option<f64>>) -> Spread {
        let mut samples = 0;
        let mut v: Vec<f64> = Vec::new();
        for x in values {
            samples += 1;
            if let Some(x) = x.filter(|x| x.is_finite()) {
                v.push(x);
            }
        }
        v.sort_by(f64::total_cmp);
        Spread {
            samples,
            reached: v.len(),
            p5: quantile(&v, 0.05),
            median: quantile(&v, 0.5),
            p95: quantile(&v, 0.95),
            mean: (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64),
        }
    }
}

/// The 95 % ellipse of impact points: the sample covariance in the tangent plane at the mean point, scaled by
/// the chi-square quantile of two degrees of freedom (-2 ln 0.05 = 5.991).
///
/// # Units
/// Degrees for the centre, metres for the semi-axes, degrees clockwise from north for the major axis.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ImpactEllipse {
    pub lat_deg: f64,
    pub lon_deg: f64,
    pub semi_major_m: f64,
    pub semi_minor_m: f64,
    pub major_azimuth_deg: f64,
}

pub use crate::tracking::impact::CHI2_2DOF_95;

impl ImpactEllipse {
    /// The ellipse of points (latitude, longitude in degrees); `None` for fewer than three.
    pub fn of(points: &[(f64, f64)]) -> Option<ImpactEllipse> {
        if points.len() < 3 {
            return None;
        }
        let e = Ellipsoid::WGS84;
        let ecef: Vec<_> = points
            .iter()
            .filter_map(|(lat, lon)| Geodetic::from_deg(*lat, *lon, 0.0))
            .map(|g| e.to_ecef(&g))
            .collect();
        let n = ecef.len() as f64;
        let mean = ecef
            .iter()
            .fold(nalgebra::Vector3::zeros(), |s, p| s + p.0.coords)
            / n;
        let centre = e.to_geodetic(&crate::earth::Ecef(nalgebra::Point3::from(mean)));
        let centre = Geodetic { h_m: 0.0, ..centre };
        let frame = LocalFrame::at(&e, centre);
        let en: Vec<(f64, f64)> = ecef
            .iter()
            .map(|p| {
                let v = frame.enu_of(p);
                (v.0.x, v.0.y)
            })
            .collect();
        let (me, mn) = (
            en.iter().map(|p| p.0).sum::<f64>() / n,
            en.iter().map(|p| p.1).sum::<f64>() / n,
        );
        let (mut cee, mut cnn, mut cen) = (0.0, 0.0, 0.0);
        for (x, y) in &en {
            cee += (x - me) * (x - me);
            cnn += (y - mn) * (y - mn);
            cen += (x - me) * (y - mn);
        }
        let d = n - 1.0;
        // The tracks' impact ellipses and this one are the same construction: one implementation.
        let e95 = ErrorEllipse::from_covariance_en(
            &Matrix2::new(cee / d, cen / d, cen / d, cnn / d),
            CHI2_2DOF_95,
            0.95,
        );
        Some(ImpactEllipse {
            lat_deg: centre.lat_deg(),
            lon_deg: centre.lon_deg(),
            semi_major_m: e95.semi_major_m,
            semi_minor_m: e95.semi_minor_m,
            major_azimuth_deg: e95.orientation_deg,
        })
    }
}

/// One picture's warning time left at each event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PictureSpread {
    pub picture: String,
    /// In the order of [`Event::ALL`], seconds.
    pub warning_left_s: [Spread; 4],
}

/// A nation's gain from sharing (its picture with sharing over `over`, the same nation alone) at each event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GainSpread {
    pub over: String,
    /// In the order of [`Event::ALL`], seconds.
    pub gain_s: [Spread; 4],
}

/// One launch's dispersion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlightSpread {
    pub missile: String,
    pub flight_time_s: Spread,
    pub range_m: Spread,
    pub apogee_m: Spread,
    pub impact: Option<ImpactEllipse>,
}

/// The mean cost of a sample, seconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CostSummary {
    pub flight_s: f64,
    pub detection_s: f64,
    /// Per picture (tracking and scoring).
    pub pictures_s: Vec<(String, f64)>,
}

/// A study's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub runs: usize,
    /// Samples that could not be run, and the first reason.
    pub failed: usize,
    pub first_failure: Option<String>,
    pub pictures: Vec<PictureSpread>,
    pub gains: Vec<GainSpread>,
    pub flights: Vec<FlightSpread>,
    pub cost: CostSummary,
}

/// Summarises samples of a scenario whose pictures are `pictures` and launches `missiles`.
pub fn summarise(pictures: &[String], missiles: &[String], samples: &[SampleResult]) -> Summary {
    let ok: Vec<_> = samples.iter().filter_map(|s| s.figures.as_ref()).collect();
    let failed = samples.len() - ok.len();
    let first_failure = samples.iter().find_map(|s| s.error.clone());
    let pictures_out = pictures
        .iter()
        .enumerate()
        .map(|(p, name)| PictureSpread {
            picture: name.clone(),
            warning_left_s: Event::ALL.map(|e| {
                Spread::of(
                    ok.iter()
                        .map(|f| f.warning_left_s.get(p).and_then(|w| w[e.index()])),
                )
            }),
        })
        .collect();
    let mut over: Vec<String> = Vec::new();
    for f in &ok {
        for g in &f.gains {
            if !over.contains(&g.over) {
                over.push(g.over.clone());
            }
        }
    }
    let gains = over
        .into_iter()
        .map(|name| GainSpread {
            gain_s: Event::ALL.map(|e| {
                Spread::of(ok.iter().map(|f| {
                    f.gains
                        .iter()
                        .find(|g| g.over == name)
                        .and_then(|g| g.gain_s[e.index()])
                }))
            }),
            over: name,
        })
        .collect();
    let flights = missiles
        .iter()
        .enumerate()
        .map(|(k, missile)| {
            let fig = |get: fn(&super::FlightFigures) -> f64| {
                Spread::of(ok.iter().map(move |f| f.flights.get(k).map(get)))
            };
            let points: Vec<(f64, f64)> = ok
                .iter()
                .filter_map(|f| f.flights.get(k))
                .map(|f| (f.impact_lat_deg, f.impact_lon_deg))
                .collect();
            FlightSpread {
                missile: missile.clone(),
                flight_time_s: fig(|f| f.flight_time_s),
                range_m: fig(|f| f.range_m),
                apogee_m: fig(|f| f.apogee_m),
                impact: ImpactEllipse::of(&points),
            }
        })
        .collect();
    let ran: Vec<_> = samples.iter().filter(|s| s.figures.is_some()).collect();
    let n = ran.len().max(1) as f64;
    let cost = CostSummary {
        flight_s: ran.iter().map(|s| s.cost.flight_s).sum::<f64>() / n,
        detection_s: ran.iter().map(|s| s.cost.detection_s).sum::<f64>() / n,
        pictures_s: pictures
            .iter()
            .enumerate()
            .map(|(p, name)| {
                let t = ran
                    .iter()
                    .map(|s| s.cost.pictures_s.get(p).copied().unwrap_or(0.0))
                    .sum::<f64>();
                (name.clone(), t / n)
            })
            .collect(),
    };
    Summary {
        runs: samples.len(),
        failed,
        first_failure,
        pictures: pictures_out,
        gains,
        flights,
        cost,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_are_numpys() {
        // numpy.quantile([1, 2, 3, 4, 10], [0.05, 0.5, 0.95]) = [1.2, 3.0, 8.8]
        let v = [1.0, 2.0, 3.0, 4.0, 10.0];
        assert!((quantile(&v, 0.05).unwrap() - 1.2).abs() < 1e-12);
        assert_eq!(quantile(&v, 0.5), Some(3.0));
        assert!((quantile(&v, 0.95).unwrap() - 8.8).abs() < 1e-12);
        let s = Spread::of([Some(2.0), None, Some(1.0)].into_iter());
        assert_eq!((s.samples, s.reached, s.median), (3, 2, Some(1.5)));
    }

    #[test]
    fn the_ellipse_of_a_known_scatter() {
        // Points 10 km east and west and 1 km north and south of 40 N 135 E, in equal numbers: the major axis
        // runs east-west and the variances are (10 km)^2 * 2/3 ... computed below exactly.
        let km_lat = 1.0 / 111.03; // degrees per km of latitude at 40 N (meridian radius 6,362 km)
        let km_lon = 1.0 / (111.03 * 0.7674); // degrees per km of longitude at 40 N (approx.)
        let pts: Vec<(f64, f64)> = [(10.0, 0.0), (-10.0, 0.0), (0.0, 1.0), (0.0, -1.0)]
            .iter()
            .map(|(e, n)| (40.0 + n * km_lat, 135.0 + e * km_lon))
            .collect();
        let el = ImpactEllipse::of(&pts).unwrap();
        // Sample variance east: 200 km^2 / 3; north: 2 km^2 / 3.
        let major = (CHI2_2DOF_95 * 200.0 / 3.0).sqrt() * 1000.0;
        let minor = (CHI2_2DOF_95 * 2.0 / 3.0).sqrt() * 1000.0;
        assert!((el.semi_major_m / major - 1.0).abs() < 0.01, "{el:?}");
        assert!((el.semi_minor_m / minor - 1.0).abs() < 0.02, "{el:?}");
        assert!((el.major_azimuth_deg - 90.0).abs() < 1.0, "{el:?}");
        assert!((el.lat_deg - 40.0).abs() < 1e-3 && (el.lon_deg - 135.0).abs() < 1e-3);
    }
}
