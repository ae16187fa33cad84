use picture_sim::earth::Geodetic;
use picture_sim::flight::{self, catalog, EarthModel, Program};
use picture_sim::SimTime;

fn main() {
    let site = Geodetic::from_deg(39.2, 125.673, 0.0).unwrap();
    for v in catalog::all() {
        let t0 = std::time::Instant::now();
        let mut best = (0.0, 0.0, 0.0, 0.0);
        for p in (5..90).step_by(5) {
            let prog = Program {
                azimuth_rad: 1.3,
                pitch_final_rad: (p as f64).to_radians(),
                rise_s: 5.0,
                energy: 1.0,
                pull_up: false,
            };
            match flight::flight_of(v, &EarthModel::WGS84, &site, &prog, SimTime::ZERO) {
                Ok(f) => {
                    if f.summary.range_m > best.0 {
                        best = (
                            f.summary.range_m,
                            p as f64,
                            f.summary.apogee_m,
                            f.summary.flight_time_s,
                        );
                    }
                }
                Err(e) => println!("{} pitch {p}: {e}", v.id),
            }
        }
        println!(
            "{:12} dv_ideal {:.0} max range {:.0} km at pitch {} apogee {:.0} km time {:.0} s ({:?})",
            v.id,
            v.ideal_delta_v_m_s(),
            best.0 / 1e3,
            best.1,
            best.2 / 1e3,
            best.3,
            t0.elapsed() / 17
        );
    }
}
