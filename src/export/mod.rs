//! Exports of the picture as files: CSV tables (trajectories, measurements, tracks), map features as GeoJSON
//! and KML (arcs, radar fans, predicted-impact ellipses), and CZML for Cesium (each missile and track as a
//! time-tagged position). Pure functions of slices, so several launches export alike; tested natively.
//! `download` (browser only) turns the text into a file the user saves; `figure` composes the briefing figure.
//!
//! References: RFC 4180 (CSV), RFC 7946 (GeoJSON: longitude first, WGS84, right-hand rings), OGC KML 2.2,
//! the CZML guide (github.com/AnalyticalGraphicsInc/czml-writer/wiki/CZML-Guide).

pub mod csv;
pub mod czml;
#[cfg(target_arch = "wasm32")]
pub mod download;
pub mod epoch;
pub mod features;
pub mod figure;
pub mod geojson;
pub mod kml;

/// A name for each launch in the exports: "Launch 1 (hwasong-15)".
pub fn launch_name(index: usize, missile: &str) -> String {
    if missile.is_empty() {
        format!("Launch {}", index + 1)
    } else {
        format!("Launch {} ({missile})", index + 1)
    }
}
