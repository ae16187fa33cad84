use picture_sim::earth::{Ellipsoid, Geodetic};
use picture_sim::measurement::SensorIndex;
use picture_sim::time::SimTime;
use picture_sim::tracking::fixtures::{BallisticTruth, FixtureRadar, LaunchSpec};
use picture_sim::tracking::impact::predict_impact;
use picture_sim::tracking::tracker::{Tracker, TrackerConfig};
use picture_sim::truth::Truth;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

#[test]
fn smoke() {
    let e = Ellipsoid::WGS84;
    let spec = LaunchSpec {
        launch: Geodetic::from_deg(39.0, 125.75, 0.0).unwrap(),
        launch_time: SimTime::from_secs(10.0),
        azimuth_deg: 90.0,
        pitch_deg: 45.0,
        burn_s: 80.0,
        thrust_accel_m_s2: 35.0,
    };
    let truth = BallisticTruth::fly(&spec, &e);
    let ip = truth.impact_point();
    println!("impact {:.3} {:.3} at {} s; burnout {}", ip.lat_deg(), ip.lon_deg(), truth.impact_time().as_secs(), truth.burnout_time().as_secs());
    let mut radar = FixtureRadar::standard(SensorIndex(0), Geodetic::from_deg(37.5, 127.0, 100.0).unwrap());
    radar.period_ms = 1000;
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let truths: [&dyn Truth; 1] = [&truth];
    let plots = radar.observe(&truths, SimTime::ZERO, truth.end(), &e, &mut rng);
    println!("{} plots, first at {}", plots.len(), plots[0].time.as_secs());
    let mut tracker = Tracker::new(TrackerConfig::default(), e).unwrap();
    for m in &plots {
        let r = tracker.process(std::slice::from_ref(m), m.time);
        if !r.initiated.is_empty() || !r.confirmed.is_empty() || !r.deleted.is_empty() {
            println!("t={} {:?}", m.time.as_secs(), r);
        }
        if m.time.0 % 20_000 == 0 {
            for t in tracker.confirmed_tracks() {
                let g = t.estimate();
                let s = truth.state_at(g.time).unwrap();
                let err = (g.position().0 - s.pos.0).norm();
                let verr = (g.velocity_m_s() - s.vel_ecef_m_s).norm();
                let imp = predict_impact(&g, &tracker.config.predictor.models[1], &e, 3600.0);
                let imp_s = match imp {
                    Ok(i) => format!("impact err {:.1} km ellipse {:.1}x{:.1} km t={:.1}", picture_sim::earth::inverse(i.point.lat_deg(), i.point.lon_deg(), ip.lat_deg(), ip.lon_deg()).distance_m / 1000.0, i.ellipse.semi_major_m / 1000.0, i.ellipse.semi_minor_m / 1000.0, i.time.as_secs()),
                    Err(e) => format!("{e}"),
                };
                println!("t={} track {:?} pos err {:.0} m vel err {:.0} m/s boost p {:.2} nis {:.2} {}", g.time.as_secs(), t.id, err, verr, t.boost_probability(), t.last_nis, imp_s);
            }
        }
    }
    println!("{:?}", tracker.stats());
}
