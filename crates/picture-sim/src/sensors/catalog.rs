//! The sensor catalog: the missile-warning sensors named in public reporting (`data/reference/sensors.csv`),
//! with notional parameters fitted to the public claims. None of this is official: sites are approximate
//! (+-10 km) and some are notional; ranges are press and analyst claims that never state the target
//! cross-section, so each radar here states the one it assumes.
//!
//! How a claim becomes a detection reference: the claimed range is read as the range at which a single look
//! detects the assumed claim target with probability 1/2 (Swerling 1, Pfa 1e-6, 12.77 dB), and the radar range
//! equation scales that to the 1 m^2 reference ([`DetectionReference::from_claim`]).

use super::infrared::{Infrared, InfraredSpec};
use super::pd::{required_snr_db, DetectionModel, PdError};
use super::radar::{DetectionReference, Radar, RadarSpec};
use super::sensor::{Nation, Provenance, Sensor, SensorError, SensorKind};
use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq)]
pub enum CatalogError {
    #[error("catalog entry `{name}`: {source}")]
    Sensor {
        name: &'static str,
        source: SensorError,
    },
    #[error("catalog detection threshold: {0}")]
    Threshold(#[from] PdError),
}

/// False-alarm probability used throughout the catalog.
pub const CATALOG_PFA: f64 = 1e-6;

/// A radar's claim: range on a target of a cross-section.
struct Claim {
    range_km: f64,
    rcs_m2: f64,
}

/// The radar parameters that vary between catalog entries (the rest are shared).
struct RadarEntry {
    name: &'static str,
    nation: Nation,
    ship: bool,
    lat_deg: f64,
    lon_deg: f64,
    height_m: f64,
    boresight_az_deg: f64,
    az_extent_deg: f64,
    claim: Claim,
    instrumented_range_km: f64,
    max_el_deg: f64,
    sigma_range_m: f64,
    sigma_angle_mrad: f64,
    update_interval_ms: i64,
    notional_site: bool,
    source: &'static str,
}

const TPY2_FBM: &str = "AN/TPY-2 forward-based mode: press and analyst claims of 1000-2000 km (sensors.csv); \
    assumed to mean 1000 km on a 0.01 m^2 re-entry vehicle; instrumented to 2000 km; X-band accuracies notional";
const THAAD_TM: &str =
    "AN/TPY-2 terminal mode: claim of about 600 km (sensors.csv), assumed on a 0.01 m^2 \
    re-entry vehicle; instrumented to 900 km; X-band accuracies notional";
const FPS5: &str = "J/FPS-5: claims of 1000+ km (sensors.csv), assumed 1000 km on 0.01 m^2 (an ~18 m BMD face, \
    larger than TPY-2's); rotating, so a 10 s revisit; instrumented to 2000 km; accuracies notional";
const GREEN_PINE_B: &str =
    "EL/M-2080 Green Pine Block-B: claims of 500-600 km (sensors.csv), assumed 500 km on \
    0.1 m^2; instrumented to 600 km; L-band accuracies notional";
const GREEN_PINE_C: &str =
    "EL/M-2080S Green Pine Block-C: claim of about 800 km (sensors.csv), assumed on 0.1 m^2; \
    instrumented to 900 km; L-band accuracies notional";
const SPY1D: &str = "AN/SPY-1D on a notional station: claim of about 1000 km (sensors.csv), assumed on a 1 m^2 \
    target (about 320 km on a 0.01 m^2 re-entry vehicle); instrumented to 1000 km; S-band accuracies notional";
const SBIRS: &str = "SBIRS/DSP: detects the boost plume within seconds of launch (no public figure; \
    sensors.csv). Notional: plume seen above 5 km cloud tops, 10 s revisit (DSP's spin period), launch report \
    30 s after first sighting, launch point to 5 km and time to 3 s (one sigma)";

#[rustfmt::skip]
fn radar_entries() -> Vec<RadarEntry> {
    let tpy2 = |name, lat_deg, lon_deg, height_m| RadarEntry {
        name, nation: Nation::US, ship: false, lat_deg, lon_deg, height_m,
        boresight_az_deg: 270.0, az_extent_deg: 120.0, claim: Claim { range_km: 1000.0, rcs_m2: 0.01 },
        instrumented_range_km: 2000.0, max_el_deg: 85.0, sigma_range_m: 10.0, sigma_angle_mrad: 0.5,
        update_interval_ms: 2_000, notional_site: false, source: TPY2_FBM,
    };
    let fps5 = |name, lat_deg, lon_deg, height_m| RadarEntry {
        name, nation: Nation::JP, ship: false, lat_deg, lon_deg, height_m,
        boresight_az_deg: 0.0, az_extent_deg: 360.0, claim: Claim { range_km: 1000.0, rcs_m2: 0.01 },
        instrumented_range_km: 2000.0, max_el_deg: 85.0, sigma_range_m: 30.0, sigma_angle_mrad: 1.5,
        update_interval_ms: 10_000, notional_site: false, source: FPS5,
    };
    let green_pine = |name, lat_deg, lon_deg, boresight_az_deg, claim_km, instrumented_range_km, source| RadarEntry {
        name, nation: Nation::KR, ship: false, lat_deg, lon_deg, height_m: 150.0,
        boresight_az_deg, az_extent_deg: 120.0, claim: Claim { range_km: claim_km, rcs_m2: 0.1 },
        instrumented_range_km, max_el_deg: 85.0, sigma_range_m: 50.0, sigma_angle_mrad: 3.0,
        update_interval_ms: 5_000, notional_site: true, source,
    };
    let aegis = |name, nation, lat_deg, lon_deg| RadarEntry {
        name, nation, ship: true, lat_deg, lon_deg, height_m: 25.0,
        boresight_az_deg: 0.0, az_extent_deg: 360.0, claim: Claim { range_km: 1000.0, rcs_m2: 1.0 },
        instrumented_range_km: 1000.0, max_el_deg: 90.0, sigma_range_m: 25.0, sigma_angle_mrad: 2.0,
        update_interval_ms: 2_000, notional_site: true, source: SPY1D,
    };
    vec![
        tpy2("AN/TPY-2 Shariki", 40.888, 140.338, 30.0),
        tpy2("AN/TPY-2 Kyogamisaki", 35.767, 135.195, 100.0),
        RadarEntry {
            name: "THAAD AN/TPY-2 Seongju", nation: Nation::US, ship: false, lat_deg: 36.0, lon_deg: 128.2,
            height_m: 680.0, boresight_az_deg: 315.0, az_extent_deg: 120.0,
            claim: Claim { range_km: 600.0, rcs_m2: 0.01 }, instrumented_range_km: 900.0, max_el_deg: 85.0,
            sigma_range_m: 10.0, sigma_angle_mrad: 0.5, update_interval_ms: 2_000, notional_site: false,
            source: THAAD_TM,
        },
        fps5("J/FPS-5 Sado", 38.1, 138.4, 200.0),
        fps5("J/FPS-5 Ominato", 41.3, 141.1, 100.0),
        fps5("J/FPS-5 Shimo-Koshiki", 31.7, 129.7, 400.0),
        fps5("J/FPS-5 Yozadake", 26.1, 127.7, 200.0),
        green_pine("Green Pine (Chungcheong N)", 36.95, 127.45, 0.0, 500.0, 600.0, GREEN_PINE_B),
        green_pine("Green Pine (Chungcheong S)", 36.40, 126.90, 0.0, 500.0, 600.0, GREEN_PINE_B),
        green_pine("Green Pine Block-C (Busan)", 35.20, 129.00, 20.0, 800.0, 900.0, GREEN_PINE_C),
        aegis("KDX-III Aegis (East Sea)", Nation::KR, 37.80, 130.00),
        aegis("JMSDF Aegis (Sea of Japan)", Nation::JP, 39.50, 134.50),
        aegis("US Navy Aegis (Sea of Japan)", Nation::US, 38.50, 133.00),
    ]
}

/// The SBIRS/DSP entry's notional parameters.
pub fn sbirs_spec() -> InfraredSpec {
    InfraredSpec {
        cloud_top_m: 5_000.0,
        reporting_delay_ms: 30_000,
        update_interval_ms: 10_000,
        sigma_launch_point_m: 5_000.0,
        sigma_launch_time_s: 3.0,
    }
}

fn build_radar(e: &RadarEntry, snr_db: f64) -> Result<Sensor, CatalogError> {
    let wrap = |source: SensorError| CatalogError::Sensor {
        name: e.name,
        source,
    };
    let spec = RadarSpec {
        lat_deg: e.lat_deg,
        lon_deg: e.lon_deg,
        antenna_height_m: e.height_m,
        boresight_az_deg: e.boresight_az_deg,
        az_extent_deg: e.az_extent_deg,
        min_el_deg: 0.0,
        max_el_deg: e.max_el_deg,
        min_range_m: 5_000.0,
        instrumented_range_m: e.instrumented_range_km * 1000.0,
        reference: DetectionReference::from_claim(
            e.claim.range_km * 1000.0,
            e.claim.rcs_m2,
            snr_db,
        ),
        pfa: CATALOG_PFA,
        pulses: 1,
        sigma_range_m: e.sigma_range_m,
        sigma_az_rad: e.sigma_angle_mrad * 1e-3,
        sigma_el_rad: e.sigma_angle_mrad * 1e-3,
        update_interval_ms: e.update_interval_ms,
    };
    let radar = Radar::new(spec).map_err(|source| {
        wrap(SensorError::Radar {
            name: e.name.into(),
            source,
        })
    })?;
    let kind = if e.ship {
        SensorKind::ShipRadar(radar)
    } else {
        SensorKind::GroundRadar(radar)
    };
    let provenance = Provenance {
        estimate: true,
        notional_site: e.notional_site,
        source: e.source.into(),
    };
    Sensor::new(e.name, e.nation, kind, provenance).map_err(wrap)
}

/// The catalog: 13 radars and the space-based infrared sensor, in the order of sensors.csv.
pub fn catalog() -> Result<Vec<Sensor>, CatalogError> {
    // Pd 1/2 for one look at a Swerling 1 target, Pfa 1e-6.
    let claim_snr_db = required_snr_db(DetectionModel::Swerling1, 0.5, CATALOG_PFA, 1)?;
    let mut sensors = radar_entries()
        .iter()
        .map(|e| build_radar(e, claim_snr_db))
        .collect::<Result<Vec<_>, _>>()?;
    let name = "SBIRS / DSP";
    let wrap = |source: SensorError| CatalogError::Sensor { name, source };
    let ir = Infrared::new(sbirs_spec()).map_err(|source| {
        wrap(SensorError::Infrared {
            name: name.into(),
            source,
        })
    })?;
    let provenance = Provenance {
        estimate: true,
        notional_site: false,
        source: SBIRS.into(),
    };
    sensors.push(
        Sensor::new(name, Nation::US, SensorKind::SpaceInfrared(ir), provenance).map_err(wrap)?,
    );
    Ok(sensors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_and_claims_hold() {
        let sensors = catalog().unwrap();
        assert_eq!(sensors.len(), 14);
        let snr_db = required_snr_db(DetectionModel::Swerling1, 0.5, CATALOG_PFA, 1).unwrap();
        for (e, s) in radar_entries().iter().zip(&sensors) {
            let r = s.radar().unwrap();
            let range_m = r.spec().reference.range_for(e.claim.rcs_m2, snr_db);
            assert!(
                (range_m / (e.claim.range_km * 1000.0) - 1.0).abs() < 1e-9,
                "{}",
                e.name
            );
            assert!(s.provenance.estimate);
        }
    }
}
