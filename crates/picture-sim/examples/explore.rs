use picture_sim::earth::Geodetic;
use picture_sim::flight::{self, catalog, EarthModel, Program};
use picture_sim::SimTime;

fn main() {
    let site = Geodetic::from_deg(39.2, 125.673, 0.0).unwrap();
    let v = catalog::find("hwasong-12").unwrap();
    for p in [-10.0, -5.0, 0.0, 5.0, 10.0, 15.0, 20.0, 30.0] {
        let prog = Program { azimuth_rad: 90f64.to_radians(), pitch_final_rad: f64::to_radians(p), rise_s: 9.6, energy: 1.0, pull_up: false };
        match flight::flight_of(v, &EarthModel::WGS84, &site, &prog, SimTime::ZERO) {
        Ok(f) => {
        let s = f.summary;
        println!("p {p}: apogee {:.0} range {:.0} t {:.0} bo {:.0} km", s.apogee_m / 1e3, s.range_m / 1e3, s.flight_time_s, s.burnout_height_m/1e3);}
        Err(e) => println!("p {p}: {e}"),
        }
    }
}
