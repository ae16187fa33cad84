//! A sensor's figures as the sensors list shows them when the reader opens its details: where it is, what it
//! covers, how far it sees a 1 m² target, how accurate and how often. Pure, tested natively.

use picture_sim::sensors::{Sensor, SensorKind};

/// (label, value with its unit) pairs, in reading order.
pub fn details(s: &Sensor) -> Vec<(&'static str, String)> {
    let mut out = vec![("Kind", s.kind.label().to_string())];
    match &s.kind {
        SensorKind::GroundRadar(r) | SensorKind::ShipRadar(r) => {
            let p = r.spec();
            out.push((
                "Position",
                format!("{:.3}° N, {:.3}° E", p.lat_deg, p.lon_deg),
            ));
            out.push(("Antenna height", format!("{:.0} m", p.antenna_height_m)));
            out.push((
                "Azimuth sector",
                if p.az_extent_deg >= 360.0 {
                    "all round (360°)".to_string()
                } else {
                    format!(
                        "{:.0}° wide about {:.0}°",
                        p.az_extent_deg, p.boresight_az_deg
                    )
                },
            ));
            out.push((
                "Elevation",
                format!("{:.1}° to {:.0}°", p.min_el_deg, p.max_el_deg),
            ));
            out.push((
                "Instrumented range",
                format!("{:.0} km", p.instrumented_range_m / 1000.0),
            ));
            out.push((
                "1 m² target",
                format!(
                    "{:.1} dB at {:.0} km",
                    p.reference.snr_db,
                    p.reference.range_m / 1000.0
                ),
            ));
            out.push(("False-alarm probability", format!("{:.0e}", p.pfa)));
            out.push((
                "Accuracy (1σ)",
                format!(
                    "{:.0} m, {:.2}° az, {:.2}° el",
                    p.sigma_range_m,
                    p.sigma_az_rad.to_degrees(),
                    p.sigma_el_rad.to_degrees()
                ),
            ));
            out.push((
                "Update interval",
                format!("{:.1} s", p.update_interval_ms as f64 / 1000.0),
            ));
        }
        SensorKind::SpaceInfrared(i) => {
            let p = i.spec();
            out.push((
                "Sees the plume above",
                format!("{:.0} km", p.cloud_top_m / 1000.0),
            ));
            out.push((
                "Reporting delay",
                format!("{:.0} s", p.reporting_delay_ms as f64 / 1000.0),
            ));
            out.push((
                "Launch point (1σ)",
                format!("{:.1} km", p.sigma_launch_point_m / 1000.0),
            ));
            out.push((
                "Update interval",
                format!("{:.1} s", p.update_interval_ms as f64 / 1000.0),
            ));
        }
    }
    out.push((
        "Figures",
        match (s.provenance.estimate, s.provenance.notional_site) {
            (_, true) => "estimate; notional site".to_string(),
            (true, false) => "estimate".to_string(),
            (false, false) => "published".to_string(),
        },
    ));
    out.push(("Source", s.provenance.source.clone()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use picture_sim::sensors::catalog;

    #[test]
    fn every_catalog_sensor_has_its_figures_and_source() {
        let sensors = catalog().expect("catalog");
        for s in &sensors {
            let d = details(s);
            let get = |k: &str| d.iter().find(|(l, _)| *l == k).map(|(_, v)| v.clone());
            assert!(get("Source").is_some_and(|v| !v.is_empty()), "{}", s.name);
            assert!(
                get("Update interval").is_some_and(|v| v.ends_with(" s")),
                "{}",
                s.name
            );
            if matches!(
                s.kind,
                SensorKind::GroundRadar(_) | SensorKind::ShipRadar(_)
            ) {
                assert!(
                    get("Instrumented range").is_some_and(|v| v.ends_with(" km")),
                    "{}",
                    s.name
                );
            }
        }
    }

    #[test]
    fn a_radar_shows_its_reference_range_and_sector() {
        let sensors = catalog().expect("catalog");
        let r = sensors
            .iter()
            .find(
                |s| matches!(&s.kind, SensorKind::GroundRadar(r) if r.spec().az_extent_deg < 360.0),
            )
            .expect("a sector radar");
        let SensorKind::GroundRadar(radar) = &r.kind else {
            unreachable!()
        };
        let d = details(r);
        let sector = &d.iter().find(|(l, _)| *l == "Azimuth sector").unwrap().1;
        assert!(sector.contains(&format!("{:.0}° wide", radar.spec().az_extent_deg)));
        let reference = &d.iter().find(|(l, _)| *l == "1 m² target").unwrap().1;
        assert!(reference.contains(&format!(
            "{:.0} km",
            radar.spec().reference.range_m / 1000.0
        )));
    }
}
