//! CZML for Cesium: a document packet (name, version, clock over the whole run), then one packet per missile
//! and one per track, each with its availability interval and time-tagged cartographic positions
//! (`cartographicDegrees`: seconds after the packet's epoch, longitude, latitude, height in metres).

use super::epoch::UtcMs;
use crate::present::flight::FlightView;
use crate::present::pictures::PictureRun;
use serde_json::{json, Value};

/// Cesium colours (RGBA 0-255) for the pictures, in order (Okabe-Ito, as the charts).
const PICTURE_RGBA: [[u8; 4]; 6] = [
    [213, 94, 0, 255],
    [0, 114, 178, 255],
    [0, 158, 115, 255],
    [204, 121, 167, 255],
    [230, 159, 0, 255],
    [86, 180, 233, 255],
];

fn interval(a: UtcMs, b: UtcMs) -> String {
    format!("{}/{}", a.iso(), b.iso())
}

/// Why a CZML document cannot be made. The messages are shown to the user.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CzmlError {
    /// A sampling step that is not a positive number of seconds.
    #[error("CZML: step {step_s} s must be a positive number of seconds")]
    Step { step_s: f64 },
    /// No launch flies.
    #[error("CZML: no flight to export")]
    NoFlight,
    /// The document could not be written as JSON.
    #[error("CZML: {0}")]
    Json(String),
}

/// A CZML document. Launch `i` (named `names[i]`) lifts off at `launch_epoch.plus_s(offsets_s[i])`; missiles are
/// sampled every `step_s` seconds; tracks at each of their estimates. Track times are seconds after the first
/// launch (as the pictures report them).
pub fn czml(
    title: &str,
    launch_epoch: UtcMs,
    flights: &[FlightView],
    names: &[String],
    offsets_s: &[f64],
    runs: &[PictureRun],
    step_s: f64,
) -> Result<String, CzmlError> {
    if !(step_s.is_finite() && step_s > 0.0) {
        return Err(CzmlError::Step { step_s });
    }
    if flights.is_empty() {
        return Err(CzmlError::NoFlight);
    }
    let offset = |i: usize| offsets_s.get(i).copied().unwrap_or(0.0);
    let end_s = flights
        .iter()
        .enumerate()
        .map(|(i, f)| offset(i) + f.duration_s())
        .fold(0.0, f64::max);
    let start = launch_epoch;
    let end = launch_epoch.plus_s(end_s);
    let mut packets: Vec<Value> = vec![json!({
        "id": "document",
        "name": title,
        "version": "1.0",
        "clock": {
            "interval": interval(start, end),
            "currentTime": start.iso(),
            "multiplier": 16,
            "range": "LOOP_STOP",
            "step": "SYSTEM_CLOCK_MULTIPLIER",
        },
    })];
    for (i, (f, name)) in flights.iter().zip(names).enumerate() {
        let t0 = launch_epoch.plus_s(offset(i));
        let d = f.duration_s();
        let n = (d / step_s).ceil() as usize;
        let mut samples: Vec<f64> = Vec::with_capacity(4 * (n + 1));
        for k in 0..=n {
            let p = f.at((k as f64 * step_s).min(d));
            samples.extend([p.t_s, p.lon_deg, p.lat_deg, (p.alt_km * 1000.0).max(0.0)]);
        }
        packets.push(json!({
            "id": format!("missile/{}", i + 1),
            "name": name,
            "availability": interval(t0, t0.plus_s(d)),
            "position": { "epoch": t0.iso(), "cartographicDegrees": samples },
            "point": { "pixelSize": 8, "color": { "rgba": [255, 255, 255, 255] } },
            "path": {
                "width": 2,
                "leadTime": 0,
                "trailTime": d,
                "material": { "solidColor": { "color": { "rgba": [255, 165, 0, 255] } } },
            },
        }));
    }
    for (p, run) in runs.iter().enumerate() {
        let mut ids: Vec<u64> = run
            .snapshots
            .iter()
            .flat_map(|(_, ts)| ts.iter().map(|t| t.id))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            // One sample per estimate: later snapshots repeat an estimate until the track's next update.
            let mut points: Vec<[f64; 4]> = Vec::new();
            for t in run
                .snapshots
                .iter()
                .flat_map(|(_, ts)| ts)
                .filter(|t| t.id == id)
            {
                if points.last().is_none_or(|q| q[0] < t.estimate_t_s) {
                    points.push([t.estimate_t_s, t.lon_deg, t.lat_deg, t.alt_km * 1000.0]);
                }
            }
            let (Some(first), Some(last)) = (points.first(), points.last()) else {
                continue;
            };
            let (a, b) = (launch_epoch.plus_s(first[0]), launch_epoch.plus_s(last[0]));
            let rgba = PICTURE_RGBA[p % PICTURE_RGBA.len()];
            packets.push(json!({
                "id": format!("track/{}/{}", run.name, id),
                "name": format!("{} track {}", run.name, id),
                "availability": interval(a, b),
                "position": {
                    "epoch": launch_epoch.iso(),
                    "cartographicDegrees": points.concat(),
                },
                "point": { "pixelSize": 6, "color": { "rgba": rgba } },
                "properties": { "picture": run.name },
            }));
        }
    }
    serde_json::to_string(&packets).map_err(|e| CzmlError::Json(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::launch_form::LaunchForm;
    use crate::present::pictures::run_pictures;

    #[test]
    fn a_document_packet_then_missiles_and_tracks_with_time_tagged_positions() {
        let f = FlightView::fly(&LaunchForm::default()).unwrap();
        let d = crate::present::detections::detect_with_every_sensor(&[&f], 7);
        let out = run_pictures(
            &[(0, &f)],
            &crate::present::pictures::builtin_pictures(),
            &d.nations,
            &d.measurements,
        )
        .unwrap();
        let epoch = UtcMs(1_511_893_020_000);
        let text = czml(
            "Test",
            epoch,
            std::slice::from_ref(&f),
            &["Launch 1".into()],
            &[0.0],
            &out.runs,
            5.0,
        )
        .unwrap();
        let v: Vec<Value> = serde_json::from_str(&text).unwrap();
        assert_eq!(v[0]["id"], "document");
        assert_eq!(v[0]["version"], "1.0");
        assert!(v[0]["clock"]["interval"]
            .as_str()
            .unwrap()
            .starts_with("2017-11-28T18:17:00Z/"));
        let missile = &v[1];
        assert_eq!(missile["id"], "missile/1");
        let s = missile["position"]["cartographicDegrees"]
            .as_array()
            .unwrap();
        assert_eq!(s.len() % 4, 0);
        assert_eq!(s[0].as_f64().unwrap(), 0.0);
        assert!((s[s.len() - 4].as_f64().unwrap() - f.duration_s()).abs() < 1e-6);
        let tracks: Vec<_> = v
            .iter()
            .filter(|p| p["id"].as_str().unwrap().starts_with("track/"))
            .collect();
        assert!(!tracks.is_empty());
        for t in tracks {
            let c = t["position"]["cartographicDegrees"].as_array().unwrap();
            assert!(c.len() >= 4 && c.len() % 4 == 0);
            let times: Vec<f64> = c.iter().step_by(4).map(|x| x.as_f64().unwrap()).collect();
            assert!(times.windows(2).all(|w| w[0] < w[1]), "times increase");
            assert!(t["availability"].as_str().unwrap().contains('/'));
        }
        assert!(czml("T", epoch, &[], &[], &[], &[], 5.0).is_err());
    }
}
