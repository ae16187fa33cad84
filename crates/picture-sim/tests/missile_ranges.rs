//! The catalog against public range estimates: every missile's minimum-energy range with its catalog payload
//! lies inside the band of `data/reference/missile_ranges.csv`.
//!
//! Public estimates are usually quoted without the Earth's rotation (analysts such as Wright, UCS, discuss its
//! effect on a given target apart). So the band holds the range on a non-rotating Earth in
//! all four directions, and on the rotating Earth the flights north and south, which the rotation barely
//! changes (the site's eastward speed is across their path). East and west the rotation adds or takes the
//! site's 360 m/s: the test holds them to that sign (east longer than north, west shorter) and prints by how
//! much, which the README quotes.

mod common;

use picture_sim::earth::Geodetic;
use picture_sim::flight::shaping::Unreachable;
use picture_sim::flight::{
    self, catalog, Aim, EarthModel, FlightError, LaunchRequest, Shape, ShapingMemory,
    AIM_RANGE_MAX_M,
};
use picture_sim::SimTime;
use std::fmt::Write;

/// Sunan (Pyongyang's airport), the site of most long-range tests.
const SITE: (f64, f64) = (39.2, 125.673);
/// The longest aim the solver takes (2,000 km short of the antipode): a missile that flies it reaches every
/// range on its line, and its greatest range is printed as "beyond" this.
const LONGEST_M: f64 = AIM_RANGE_MAX_M;

/// One public band: `(id, min_km, max_km)`.
fn bands() -> Vec<(String, f64, f64)> {
    common::csv_rows("missile_ranges.csv")
        .into_iter()
        .map(|r| {
            let f = |i: usize| -> f64 {
                r[i].trim()
                    .parse()
                    .unwrap_or_else(|e| panic!("missile_ranges.csv {r:?} column {i}: {e}"))
            };
            (r[0].trim().to_string(), f(1), f(2))
        })
        .collect()
}

/// The greatest minimum-energy range of a catalog missile from [`SITE`] on this azimuth, m: the maximum that
/// the solver's error quotes for a range beyond reach, or [`LONGEST_M`] if the missile flies the longest aim.
fn max_range_m(id: &str, azimuth_deg: f64, earth: &EarthModel) -> f64 {
    let vehicle = catalog::find(id).unwrap_or_else(|| panic!("{id} is not in the catalog"));
    let request = LaunchRequest {
        missile: id.to_string(),
        site: Geodetic::from_deg(SITE.0, SITE.1, 0.0).expect("valid site"),
        aim: Aim::AzimuthRange {
            azimuth_deg,
            range_m: LONGEST_M,
        },
        shape: Shape::MinEnergy,
        launch_time: SimTime::ZERO,
    };
    match flight::fly_vehicle_on(vehicle, &request, earth, &mut ShapingMemory::new()) {
        Ok(_) => LONGEST_M,
        Err(FlightError::Unreachable {
            reason: Unreachable::Range { max_range_m, .. },
            ..
        }) => max_range_m,
        other => panic!("{id} on azimuth {azimuth_deg}: expected 'cannot reach', got {other:?}"),
    }
}

#[test]
fn every_missile_reaches_inside_its_public_band() {
    let still = EarthModel {
        rotating: false,
        ..EarthModel::WGS84
    };
    let bands = bands();
    let mut ids: Vec<&str> = bands.iter().map(|(id, ..)| id.as_str()).collect();
    ids.sort_unstable();
    let mut catalog_ids = catalog::ids();
    catalog_ids.sort_unstable();
    assert_eq!(
        ids, catalog_ids,
        "missile_ranges.csv and the catalog list different missiles"
    );

    let mut table = String::new();
    writeln!(
        table,
        "{:<11} {:>13} {:>9} | rotating Earth, km: {:>7} {:>7} {:>7} {:>7} | {:>8} {:>8}",
        "missile", "band_km", "still_km", "north", "east", "south", "west", "east_%", "west_%"
    )
    .unwrap();
    let mut failures = Vec::new();
    for (id, min_km, max_km) in &bands {
        let inside = |r_m: f64| (min_km * 1e3..=max_km * 1e3).contains(&r_m);
        let still_m: Vec<f64> = [0.0, 90.0, 180.0, 270.0]
            .iter()
            .map(|&az| max_range_m(id, az, &still))
            .collect();
        let [north, east, south, west] =
            [0.0, 90.0, 180.0, 270.0].map(|az| max_range_m(id, az, &EarthModel::WGS84));
        for (az, r) in [0, 90, 180, 270].iter().zip(&still_m) {
            if !inside(*r) {
                failures.push(format!(
                    "{id}: {:.0} km on azimuth {az} without rotation, outside {min_km}-{max_km} km",
                    r / 1e3
                ));
            }
        }
        for (name, r) in [("north", north), ("south", south)] {
            if !inside(r) {
                failures.push(format!(
                    "{id}: {:.0} km {name}, outside {min_km}-{max_km} km",
                    r / 1e3
                ));
            }
        }
        if !(west < north && (east > north || east >= LONGEST_M)) {
            failures.push(format!(
                "{id}: east {:.0}, north {:.0}, west {:.0} km: the rotation should stretch east and shorten west",
                east / 1e3,
                north / 1e3,
                west / 1e3
            ));
        }
        let pct = |r: f64| 100.0 * (r - still_m[0]) / still_m[0];
        writeln!(
            table,
            "{:<11} {:>13} {:>9.0} | {:>26.0} {:>7} {:>7.0} {:>7.0} | {:>8} {:>+8.1}",
            id,
            format!("{min_km:.0}-{max_km:.0}"),
            still_m[0] / 1e3,
            north / 1e3,
            if east >= LONGEST_M {
                format!(">{:.0}", LONGEST_M / 1e3)
            } else {
                format!("{:.0}", east / 1e3)
            },
            south / 1e3,
            west / 1e3,
            if east >= LONGEST_M {
                "-".to_string()
            } else {
                format!("{:+.1}", pct(east))
            },
            pct(west)
        )
        .unwrap();
    }
    {
        use std::io::Write as _;
        let mut out = std::io::stdout().lock();
        let _ = writeln!(
            out,
            "\nminimum-energy range with the catalog payload, from Sunan (still: non-rotating Earth, due north)\n{table}"
        );
    }
    assert!(failures.is_empty(), "{}\n{table}", failures.join("\n"));
}
