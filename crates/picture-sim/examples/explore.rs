use picture_sim::earth::Geodetic;
use picture_sim::flight::{self, catalog, EarthModel, Program};
use picture_sim::SimTime;

fn main() {
    let site = Geodetic::from_deg(40.066, 125.210, 0.0).unwrap();
    let v = catalog::find("hwasong-12").unwrap();
    for p in [75.0, 85.0, 95.0, 112.5] {
        let prog = Program {
            azimuth_rad: 100f64.to_radians(),
            pitch_final_rad: f64::to_radians(p),
            rise_s: 9.6,
            energy: 1.0,
            pull_up: false,
        };
        let f = flight::flight_of(v, &EarthModel::WGS84, &site, &prog, SimTime::ZERO).unwrap();
        let s = f.summary;
        println!(
            "p {p}: apogee {:.0} range {:.0} t {:.0} impact {:.2},{:.2}",
            s.apogee_m / 1e3,
            s.range_m / 1e3,
            s.flight_time_s,
            s.impact_lat_deg,
            s.impact_lon_deg
        );
    }
}
