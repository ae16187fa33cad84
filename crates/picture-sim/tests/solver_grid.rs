//! The shaping solver over the whole globe (issue 15, item 2): every catalog missile from Sunan, in four
//! directions, at ranges from 5 % to 100 % of its greatest minimum-energy range (or of the longest aim, where
//! the missile reaches further along its line). Every point solves; on the minimum-energy path the flight time
//! grows with the range and the apogee has no jump; lofted and depressed flights with apogees half above
//! and 30 % below the minimum-energy one solve too, at 20 %, 40 % and 60 % of the greatest range (nearer
//! it, only the minimum-energy path reaches); the greatest range an error quotes can be flown.

use picture_sim::earth::Geodetic;
use picture_sim::flight::shaping::Unreachable;
use picture_sim::flight::{
    self, catalog, Aim, EarthModel, Flight, FlightError, LaunchRequest, Shape, ShapingMemory,
    AIM_RANGE_MAX_M,
};
use picture_sim::SimTime;
use std::fmt::Write;

/// Sunan (Pyongyang's airport), the site of most long-range tests.
const SITE: (f64, f64) = (39.2, 125.673);
/// Grid points per direction: 5 %, 10 %, ... 100 % of the greatest range.
const STEPS: usize = 20;
/// The most the minimum-energy apogee may change from one grid point to the next, as a factor, both on its
/// own and relative to the vacuum minimum-energy apogee at that range; a step within it on either measure is
/// continuous. Short flights' apogees double from 5 % to 10 % of the range (so the vacuum ratio is the
/// measure there), and near the antipode the vacuum apogee falls fast (so the apogee itself is). The jump
/// this catches, a flight that went to a far flatter local minimum (733 to 352 km in one step), changes
/// both by a factor of two.
const APOGEE_STEP_FACTOR: f64 = 1.3;
/// Mean Earth radius for the vacuum reference, m.
const R_M: f64 = 6_371_000.0;

fn request(id: &str, azimuth_deg: f64, range_m: f64, shape: Shape) -> LaunchRequest {
    LaunchRequest {
        missile: id.to_string(),
        site: Geodetic::from_deg(SITE.0, SITE.1, 0.0).expect("valid site"),
        aim: Aim::AzimuthRange {
            azimuth_deg,
            range_m,
        },
        shape,
        launch_time: SimTime::ZERO,
    }
}

fn fly(id: &str, azimuth_deg: f64, range_m: f64, shape: Shape) -> Result<Flight, FlightError> {
    flight::fly_on(
        &request(id, azimuth_deg, range_m, shape),
        &EarthModel::WGS84,
        &mut ShapingMemory::new(),
    )
}

/// The apogee of the vacuum minimum-energy ellipse between two points `range_m` apart on a sphere, m: with
/// the empty focus at the chord's middle, 2a = R (1 + sin(theta/2)) and the foci are R cos(theta/2) apart.
fn vacuum_min_energy_apogee_m(range_m: f64) -> f64 {
    let half = 0.5 * range_m / R_M;
    0.5 * R_M * (half.sin() + half.cos() - 1.0)
}

#[test]
fn the_solver_flies_every_missile_every_way_from_short_to_its_greatest_range() {
    let mut failures = Vec::new();
    let mut table = String::new();
    for id in catalog::ids() {
        for azimuth_deg in [0.0, 90.0, 180.0, 270.0] {
            // The greatest range: the one the refusal quotes, which must then fly.
            let max_m = match fly(id, azimuth_deg, AIM_RANGE_MAX_M, Shape::MinEnergy) {
                Ok(_) => AIM_RANGE_MAX_M,
                Err(FlightError::Unreachable {
                    reason: Unreachable::Range { max_range_m, .. },
                    ..
                }) => max_range_m,
                Err(e) => {
                    failures.push(format!("{id} {azimuth_deg}: the longest aim gave {e}"));
                    continue;
                }
            };
            let mut previous: Option<(f64, f64, f64)> = None;
            let mut worst_step = 1.0f64;
            for i in 1..=STEPS {
                let range_m = max_m * i as f64 / STEPS as f64;
                let at = format!("{id} azimuth {azimuth_deg} at {:.0} km", range_m / 1e3);
                let f = match fly(id, azimuth_deg, range_m, Shape::MinEnergy) {
                    Ok(f) => f,
                    Err(e) => {
                        failures.push(format!("{at}: {e}"));
                        continue;
                    }
                };
                let (apogee_m, time_s) = (f.summary.apogee_m, f.summary.flight_time_s);
                let ratio = apogee_m / vacuum_min_energy_apogee_m(range_m);
                if let Some((prev_apogee_m, prev_time_s, prev_ratio)) = previous {
                    if time_s <= prev_time_s {
                        failures.push(format!(
                            "{at}: flight time {time_s:.0} s, not longer than {prev_time_s:.0} s one step shorter"
                        ));
                    }
                    let step = (apogee_m / prev_apogee_m)
                        .ln()
                        .abs()
                        .min((ratio / prev_ratio).ln().abs())
                        .exp();
                    worst_step = worst_step.max(step);
                    if step > APOGEE_STEP_FACTOR {
                        failures.push(format!(
                            "{at}: apogee {:.0} km after {:.0} km one step shorter (x{step:.2})",
                            apogee_m / 1e3,
                            prev_apogee_m / 1e3
                        ));
                    }
                }
                previous = Some((apogee_m, time_s, ratio));
                if i % 4 == 0 && i <= 12 {
                    for (shape, factor) in [
                        (
                            Shape::Lofted {
                                apogee_m: Some(1.5 * apogee_m),
                            },
                            1.5,
                        ),
                        (
                            Shape::Depressed {
                                apogee_m: Some(0.7 * apogee_m),
                            },
                            0.7,
                        ),
                    ] {
                        if let Err(e) = fly(id, azimuth_deg, range_m, shape) {
                            failures.push(format!("{at} with {factor} x its apogee: {e}"));
                        }
                    }
                }
            }
            writeln!(
                table,
                "{id:<11} azimuth {azimuth_deg:>3}: greatest range {:>6.0} km{}, worst apogee step x{worst_step:.2}",
                max_m / 1e3,
                if max_m == AIM_RANGE_MAX_M { " (the longest aim)" } else { "" }
            )
            .unwrap();
        }
    }
    println!("\nminimum-energy grid from Sunan, {STEPS} steps per direction\n{table}");
    assert!(failures.is_empty(), "{}\n{table}", failures.join("\n"));
}
