//! Helpers shared by the integration tests: the reference directory and its CSV files.

#![allow(dead_code)]

use std::path::PathBuf;

/// The repository's `data/reference` (public figures with their sources), or `$PICTURE_REFERENCE_DIR`.
pub fn reference_dir() -> PathBuf {
    let dir = std::env::var_os("PICTURE_REFERENCE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/reference"))
        });
    assert!(
        dir.join("launches.csv").is_file(),
        "reference data not found in {}: set PICTURE_REFERENCE_DIR to the directory holding launches.csv",
        dir.display()
    );
    dir
}

/// The data rows of a reference CSV (comments and the header dropped), split on commas outside quotes.
pub fn csv_rows(name: &str) -> Vec<Vec<String>> {
    let path = reference_dir().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(split_csv)
        .collect()
}

fn split_csv(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            _ => out.last_mut().expect("never empty").push(c),
        }
    }
    out
}

/// One reported launch.
#[derive(Debug, Clone)]
pub struct Launch {
    pub date: String,
    pub missile: String,
    pub site_lat: f64,
    pub site_lon: f64,
    pub azimuth_deg: f64,
    pub apogee_km: f64,
    pub range_km: f64,
    pub flight_time_s: f64,
    /// The source notes (column 10).
    pub notes: String,
}

pub fn launches() -> Vec<Launch> {
    csv_rows("launches.csv")
        .into_iter()
        .map(|r| {
            let f = |i: usize| {
                r[i].trim()
                    .parse::<f64>()
                    .unwrap_or_else(|e| panic!("launches.csv {:?} column {i}: {e}", r))
            };
            Launch {
                date: r[0].clone(),
                missile: r[1].clone(),
                site_lat: f(3),
                site_lon: f(4),
                azimuth_deg: f(5),
                apogee_km: f(6),
                range_km: f(7),
                flight_time_s: f(8),
                notes: r.get(10).cloned().unwrap_or_default(),
            }
        })
        .collect()
}
