//! A radar's description: where it is, where it looks, how far it sees and how well it measures. The
//! [`RadarSpec`] is the plain, serializable form a scenario stores; [`Radar`] is the validated value with the
//! derived quantities (local frame, detector threshold, range-equation constant) cached for the detection loop.

use super::pd::{db_to_ratio, Detector, PdError};
use crate::earth::{Ecef, Ellipsoid, Geodetic, LocalFrame};
use nalgebra::Vector3;
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq)]
pub enum RadarError {
    #[error("radar site ({lat_deg}, {lon_deg}) is not a valid latitude/longitude in degrees")]
    Site { lat_deg: f64, lon_deg: f64 },
    #[error("radar field `{field}` = {value} is invalid: {why}")]
    Field {
        field: &'static str,
        value: f64,
        why: &'static str,
    },
    #[error("radar detector: {0}")]
    Detector(#[from] PdError),
}

/// Shortest accepted time between looks, ms: faster track updates add nothing to a picture drawn in seconds,
/// and would make a 70-minute run millions of looks.
pub const MIN_UPDATE_INTERVAL_MS: i64 = 100;
/// Longest accepted time between looks, ms (an hour).
pub const MAX_UPDATE_INTERVAL_MS: i64 = 3_600_000;

/// The detection reference: the range at which a 1 m^2 target gives `snr_db`. The radar range equation scales
/// it: `SNR = SNR_ref * (rcs / 1 m^2) * (range_ref / range)^4`.
///
/// # Units
/// `range_m` in metres, `snr_db` in dB (per pulse).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DetectionReference {
    pub range_m: f64,
    pub snr_db: f64,
}

impl DetectionReference {
    /// The reference for a radar claimed to reach `claimed_range_m` on a target of `claim_rcs_m2` with
    /// `snr_db`: the 1 m^2 range is `claimed_range_m * (1 / claim_rcs_m2)^(1/4)`.
    pub fn from_claim(claimed_range_m: f64, claim_rcs_m2: f64, snr_db: f64) -> DetectionReference {
        DetectionReference {
            range_m: claimed_range_m * claim_rcs_m2.recip().powf(0.25),
            snr_db,
        }
    }

    /// The range (metres) at which a target of `rcs_m2` gives `snr_db`.
    pub fn range_for(&self, rcs_m2: f64, snr_db: f64) -> f64 {
        self.range_m * (rcs_m2 * db_to_ratio(self.snr_db - snr_db)).powf(0.25)
    }
}

/// A radar as a scenario stores it.
///
/// # Units
/// Degrees for the site and angles of coverage (azimuth clockwise from north), metres for heights and ranges,
/// radians for the angle accuracies (one sigma), milliseconds for the update interval. The antenna height is
/// above the WGS84 ellipsoid (the geoid, 20 to 40 m around Japan, is ignored: well inside the site uncertainty).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RadarSpec {
    pub lat_deg: f64,
    pub lon_deg: f64,
    pub antenna_height_m: f64,
    /// Centre of the azimuth sector.
    pub boresight_az_deg: f64,
    /// Width of the azimuth sector, in (0, 360]; 360 for a rotating or all-round radar.
    pub az_extent_deg: f64,
    /// Lowest apparent elevation the radar searches, in [-10, 90).
    pub min_el_deg: f64,
    /// Highest apparent elevation, in (min_el_deg, 90].
    pub max_el_deg: f64,
    /// Blind range, >= 0.
    pub min_range_m: f64,
    /// The range the radar processes echoes to.
    pub instrumented_range_m: f64,
    pub reference: DetectionReference,
    /// Probability of false alarm per detection cell, in (0, 1).
    pub pfa: f64,
    /// Pulses integrated non-coherently per look, >= 1.
    pub pulses: u32,
    pub sigma_range_m: f64,
    pub sigma_az_rad: f64,
    pub sigma_el_rad: f64,
    /// Time between looks at the target, in [100, 3600000].
    pub update_interval_ms: i64,
}

/// A validated radar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RadarSpec", into = "RadarSpec")]
pub struct Radar {
    spec: RadarSpec,
    frame: LocalFrame,
    up_ecef: Vector3<f64>,
    detector: Detector,
    /// `SNR_ref * range_ref^4` (linear, m^4) for 1 m^2.
    snr_range4_m4: f64,
    boresight_rad: f64,
    half_extent_rad: f64,
    min_el_rad: f64,
    max_el_rad: f64,
    /// Cached for the detection loop: boresight unit vector (east, north), cos of the half extent, tangents of
    /// the elevation limits.
    boresight_en: (f64, f64),
    cos_half_extent: f64,
    tan_min_el: f64,
    tan_max_el: f64,
}

impl TryFrom<RadarSpec> for Radar {
    type Error = RadarError;
    fn try_from(spec: RadarSpec) -> Result<Radar, RadarError> {
        Radar::new(spec)
    }
}

impl From<Radar> for RadarSpec {
    fn from(r: Radar) -> RadarSpec {
        r.spec
    }
}

fn field(field: &'static str, value: f64, ok: bool, why: &'static str) -> Result<(), RadarError> {
    if ok && value.is_finite() {
        Ok(())
    } else {
        Err(RadarError::Field { field, value, why })
    }
}

impl Radar {
    pub fn new(spec: RadarSpec) -> Result<Radar, RadarError> {
        let s = &spec;
        let site = Geodetic::from_deg(s.lat_deg, s.lon_deg, s.antenna_height_m).ok_or(
            RadarError::Site {
                lat_deg: s.lat_deg,
                lon_deg: s.lon_deg,
            },
        )?;
        let h = s.antenna_height_m;
        field(
            "antenna_height_m",
            h,
            (0.0..=10_000.0).contains(&h),
            "must be in [0, 10000] m",
        )?;
        field(
            "boresight_az_deg",
            s.boresight_az_deg,
            true,
            "must be finite",
        )?;
        let ext = s.az_extent_deg;
        field(
            "az_extent_deg",
            ext,
            ext > 0.0 && ext <= 360.0,
            "must be in (0, 360]",
        )?;
        let min_el = s.min_el_deg;
        field(
            "min_el_deg",
            min_el,
            (-10.0..90.0).contains(&min_el),
            "must be in [-10, 90)",
        )?;
        let max_el = s.max_el_deg;
        field(
            "max_el_deg",
            max_el,
            max_el > min_el && max_el <= 90.0,
            "must be in (min_el_deg, 90]",
        )?;
        field(
            "min_range_m",
            s.min_range_m,
            s.min_range_m >= 0.0,
            "must be >= 0",
        )?;
        let rmax = s.instrumented_range_m;
        field(
            "instrumented_range_m",
            rmax,
            rmax > s.min_range_m,
            "must exceed min_range_m",
        )?;
        let r_ref = s.reference.range_m;
        field("reference.range_m", r_ref, r_ref > 0.0, "must be > 0")?;
        field(
            "reference.snr_db",
            s.reference.snr_db,
            s.reference.snr_db.abs() < 200.0,
            "must be in (-200, 200) dB",
        )?;
        for (name, v) in [
            ("sigma_range_m", s.sigma_range_m),
            ("sigma_az_rad", s.sigma_az_rad),
            ("sigma_el_rad", s.sigma_el_rad),
        ] {
            field(name, v, v >= 0.0, "must be >= 0")?;
        }
        let dt = s.update_interval_ms as f64;
        field(
            "update_interval_ms",
            dt,
            (MIN_UPDATE_INTERVAL_MS..=MAX_UPDATE_INTERVAL_MS).contains(&s.update_interval_ms),
            "must be in [100, 3600000] ms",
        )?;
        let detector = Detector::new(s.pfa, s.pulses)?;
        let frame = LocalFrame::at(&Ellipsoid::WGS84, site);
        Ok(Radar {
            up_ecef: frame.up_ecef(),
            frame,
            detector,
            snr_range4_m4: db_to_ratio(s.reference.snr_db) * r_ref.powi(4),
            boresight_rad: s.boresight_az_deg.to_radians(),
            half_extent_rad: 0.5 * ext.to_radians(),
            min_el_rad: min_el.to_radians(),
            max_el_rad: max_el.to_radians(),
            boresight_en: (
                s.boresight_az_deg.to_radians().sin(),
                s.boresight_az_deg.to_radians().cos(),
            ),
            cos_half_extent: (0.5 * ext).to_radians().cos(),
            tan_min_el: min_el.to_radians().tan(),
            tan_max_el: if max_el >= 90.0 {
                f64::INFINITY
            } else {
                max_el.to_radians().tan()
            },
            spec,
        })
    }

    pub fn spec(&self) -> &RadarSpec {
        &self.spec
    }

    /// The same radar at another place (a ship on a new station).
    pub fn moved_to(&self, lat_deg: f64, lon_deg: f64) -> Result<Radar, RadarError> {
        Radar::new(RadarSpec {
            lat_deg,
            lon_deg,
            ..self.spec.clone()
        })
    }

    pub fn site(&self) -> Geodetic {
        self.frame.site
    }

    pub fn site_ecef(&self) -> Ecef {
        self.frame.origin
    }

    pub fn frame(&self) -> &LocalFrame {
        &self.frame
    }

    /// The local vertical (ellipsoid normal) at the site, ECEF unit vector.
    pub fn up_ecef(&self) -> Vector3<f64> {
        self.up_ecef
    }

    pub fn antenna_height_m(&self) -> f64 {
        self.spec.antenna_height_m
    }

    pub fn detector(&self) -> &Detector {
        &self.detector
    }

    /// Whether the radar covers all azimuths.
    pub fn all_round(&self) -> bool {
        self.spec.az_extent_deg >= 360.0
    }

    /// Whether an azimuth (radians, clockwise from north) is inside the sector.
    pub fn in_sector(&self, az_rad: f64) -> bool {
        if self.all_round() {
            return true;
        }
        let off = (az_rad - self.boresight_rad + std::f64::consts::PI)
            .rem_euclid(std::f64::consts::TAU)
            - std::f64::consts::PI;
        off.abs() <= self.half_extent_rad
    }

    /// Whether a horizontal direction (east and north components, any length) is inside the sector; the same
    /// test as [`Radar::in_sector`] without the arctangent.
    pub fn in_sector_en(&self, east: f64, north: f64) -> bool {
        if self.all_round() {
            return true;
        }
        let (be, bn) = self.boresight_en;
        east * be + north * bn >= self.cos_half_extent * (east * east + north * north).sqrt()
    }

    /// Whether the apparent elevation `atan2(rise, run)` (`run >= 0`) is below the minimum elevation.
    pub fn below_min_elevation(&self, rise: f64, run: f64) -> bool {
        rise < run * self.tan_min_el
    }

    /// Whether the apparent elevation `atan2(rise, run)` (`run >= 0`) is above the maximum elevation.
    pub fn above_max_elevation(&self, rise: f64, run: f64) -> bool {
        self.tan_max_el.is_finite() && rise > run * self.tan_max_el
    }

    /// Min and max apparent elevation, radians.
    pub fn elevation_limits_rad(&self) -> (f64, f64) {
        (self.min_el_rad, self.max_el_rad)
    }

    /// The per-pulse SNR of a target of `rcs_m2` at `range_m`, by the radar range equation scaled from the
    /// detection reference (`SNR ∝ rcs / range^4`).
    ///
    /// # Units
    /// `rcs_m2` in square metres, `range_m` in metres; the SNR as a linear power ratio.
    pub fn snr(&self, rcs_m2: f64, range_m: f64) -> f64 {
        let r2 = range_m * range_m;
        self.snr_range4_m4 * rcs_m2 / (r2 * r2)
    }

    pub fn update_interval_ms(&self) -> i64 {
        self.spec.update_interval_ms
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn spec() -> RadarSpec {
        RadarSpec {
            lat_deg: 36.0,
            lon_deg: 128.0,
            antenna_height_m: 100.0,
            boresight_az_deg: 315.0,
            az_extent_deg: 120.0,
            min_el_deg: 0.0,
            max_el_deg: 85.0,
            min_range_m: 1_000.0,
            instrumented_range_m: 1_000_000.0,
            reference: DetectionReference {
                range_m: 2_000_000.0,
                snr_db: 13.0,
            },
            pfa: 1e-6,
            pulses: 1,
            sigma_range_m: 20.0,
            sigma_az_rad: 1e-3,
            sigma_el_rad: 1e-3,
            update_interval_ms: 1_000,
        }
    }

    #[test]
    fn snr_scales_with_fourth_power() {
        let r = Radar::new(spec()).unwrap();
        assert!((r.snr(1.0, 2_000_000.0) - db_to_ratio(13.0)).abs() < 1e-9);
        assert!((r.snr(1.0, 1_000_000.0) / r.snr(1.0, 2_000_000.0) - 16.0).abs() < 1e-9);
        assert!((r.snr(0.1, 1e6) / r.snr(1.0, 1e6) - 0.1).abs() < 1e-12);
    }

    #[test]
    fn sector_wraps_through_north() {
        let r = Radar::new(spec()).unwrap();
        assert!(r.in_sector(0.0));
        assert!(r.in_sector(255.5_f64.to_radians()));
        assert!(!r.in_sector(250.0_f64.to_radians()));
        assert!(!r.in_sector(90.0_f64.to_radians()));
    }

    #[test]
    fn fast_tests_agree_with_angles() {
        for (boresight, extent) in [(315.0, 120.0), (0.0, 90.0), (180.0, 359.0), (20.0, 360.0)] {
            let r = Radar::new(RadarSpec {
                boresight_az_deg: boresight,
                az_extent_deg: extent,
                ..spec()
            })
            .unwrap();
            for i in 0..3600 {
                let az = (i as f64 * 0.1 + 0.05).to_radians();
                assert_eq!(
                    r.in_sector(az),
                    r.in_sector_en(az.sin() * 7.0, az.cos() * 7.0),
                    "{boresight} {extent} {i}"
                );
            }
        }
        let r = Radar::new(RadarSpec {
            min_el_deg: -1.0,
            max_el_deg: 60.0,
            ..spec()
        })
        .unwrap();
        for i in -899..900 {
            let el = (i as f64 * 0.1).to_radians();
            let (rise, run) = (el.sin() * 3.0, el.cos() * 3.0);
            assert_eq!(
                r.below_min_elevation(rise, run),
                el < (-1.0f64).to_radians(),
                "{i}"
            );
            assert_eq!(
                r.above_max_elevation(rise, run),
                el > 60f64.to_radians(),
                "{i}"
            );
        }
    }

    #[test]
    fn validation_names_the_field() {
        let bad = RadarSpec {
            az_extent_deg: 0.0,
            ..spec()
        };
        let err = Radar::new(bad).unwrap_err();
        assert!(err.to_string().contains("az_extent_deg"), "{err}");
        let bad = RadarSpec { pfa: 2.0, ..spec() };
        assert!(matches!(Radar::new(bad), Err(RadarError::Detector(_))));
        let bad = RadarSpec {
            lat_deg: 91.0,
            ..spec()
        };
        assert!(matches!(Radar::new(bad), Err(RadarError::Site { .. })));
        let json = serde_json::to_string(&Radar::new(spec()).unwrap()).unwrap();
        let back: Radar = serde_json::from_str(&json).unwrap();
        assert_eq!(back.spec(), &spec());
        let bad_json = json.replace("\"update_interval_ms\":1000", "\"update_interval_ms\":0");
        assert!(serde_json::from_str::<Radar>(&bad_json).is_err());
    }

    #[test]
    fn reference_from_claim() {
        // 1000 km on 0.01 m^2 is 1000 * 100^(1/4) = 3162 km on 1 m^2.
        let r = DetectionReference::from_claim(1_000_000.0, 0.01, 13.0);
        assert!((r.range_m - 3_162_277.66).abs() < 1.0);
        assert!((r.range_for(0.01, 13.0) - 1_000_000.0).abs() < 1e-6);
    }
}
