//! Physics lives in the core (`picture-sim`); the app only presents it. This test reads the app's sources and
//! fails, naming file and line, where UI code outside a short allow-list of screen-maths modules uses
//! trigonometry, an Earth radius, or an eigen-decomposition: the marks of a second copy of the core's geometry
//! (the curved-Earth cross-section, horizon rays, error ellipses). Move such code into the core and call it.
//!
//! Comment lines are not read: docs may name the formulas the core implements.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// What a second copy of the physics would use.
const MARKS: [&str; 12] = [
    ".sin(",
    ".cos(",
    ".tan(",
    ".sin_cos(",
    ".atan(",
    ".atan2(",
    ".asin(",
    ".acos(",
    "6371",
    "6_371",
    "6378",
    "eigen",
];

/// Screen maths that may use some of the marks: (file under `src/`, the marks it may use, why).
const ALLOWED: [(&str, &[&str], &str); 3] = [
    (
        "map/projection.rs",
        &[".sin(", ".cos(", ".tan(", ".atan(", ".atan2(", "6378"],
        "the map projection (Lambert conformal conic on the WGS84 ellipsoid): geographic to screen",
    ),
    (
        "map/track_layer.rs",
        &[".atan2("],
        "the screen direction of north at a point, from two projected points, to turn an ellipse on screen",
    ),
    (
        "export/features.rs",
        &[".sin(", ".cos(", ".atan2("],
        "points around the outline of the core's ellipse, for a drawing file",
    ),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// Every use of a mark in one file outside the allow-list, as "src/file:line: mark: the line".
fn offences_in(rel: &str, text: &str) -> Vec<String> {
    let allowed: &[&str] = ALLOWED
        .iter()
        .find(|(file, _, _)| *file == rel)
        .map(|(_, marks, _)| *marks)
        .unwrap_or(&[]);
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        let lower = code.to_lowercase();
        for mark in MARKS {
            if lower.contains(mark) && !allowed.contains(&mark) {
                found.push(format!("src/{rel}:{}: `{mark}`: {}", i + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn the_app_has_no_physics_of_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 50, "the app's sources: {} files", files.len());
    let mut found = Vec::new();
    for path in files {
        let rel = path
            .strip_prefix(&src)
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        found.extend(offences_in(&rel, &text));
    }
    assert!(
        found.is_empty(),
        "physics in the UI: move it into picture-sim and call it there\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_sees_a_second_copy() {
    // A copy of the cross-section's plane position, as the charts once had it, is caught (its trigonometry and
    // its Earth radius); a comment is not.
    let copy = "// theta.sin() in a comment is fine\nfn plane_km(s: f64) -> f64 {\n    (s / 6371.0).sin()\n}\n";
    let found = offences_in("charts/copy.rs", copy);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found.iter().all(|f| f.starts_with("src/charts/copy.rs:3:")),
        "{found:?}"
    );
    // An eigen-decomposition, in any case.
    assert_eq!(
        offences_in("picture_view.rs", "let e = m.symmetric_eigen();").len(),
        1
    );
    // The projection may use its own trigonometry, not another module's.
    let projection = "let x = rho * theta.sin();";
    assert!(offences_in("map/projection.rs", projection).is_empty());
    assert_eq!(offences_in("map/sensor_layer.rs", projection).len(), 1);
}
