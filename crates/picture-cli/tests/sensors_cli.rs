//! The sensor commands: `picture horizon`, `picture pd`, `picture detect`.

use assert_cmd::Command;
use serde_json::Value;

fn picture() -> Command {
    Command::cargo_bin("picture").expect("the picture binary is built")
}

fn json_of(args: &[&str]) -> Value {
    let out = picture()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("valid JSON")
}

#[test]
fn horizon_golden_values() {
    for (k, target_km, expected_km) in [
        ("4/3", "100", 1320.3),
        ("1", "100", 1144.5),
        ("4/3", "10", 425.3),
    ] {
        let mut args = vec![
            "horizon",
            "--radar-height-m",
            "10",
            "--target-alt-km",
            target_km,
            "--json",
        ];
        args.extend(["--k", if k == "1" { "1" } else { "1.3333333333333333" }]);
        let v = json_of(&args);
        let slant = v["slant_range_km"].as_f64().unwrap();
        assert!(
            (slant - expected_km).abs() < 0.05,
            "k {k}, {target_km} km: {slant}"
        );
        assert!(v["ground_range_km"].as_f64().unwrap() > 0.0);
    }
}

/// `--refraction ray` traces the ray through ITU-R P.453's atmosphere (`tests/refraction.rs` in the core checks
/// it against the ray equation): the default, shorter than 4/3's horizon for a high target, and no k.
#[test]
fn horizon_by_a_traced_ray() {
    let ray = json_of(&[
        "horizon",
        "--radar-height-m",
        "0",
        "--target-alt-km",
        "100",
        "--refraction",
        "ray",
        "--json",
    ]);
    assert_eq!(ray["refraction"], "ray");
    assert!(ray["k"].is_null());
    let ground = ray["ground_range_km"].as_f64().unwrap();
    assert!((ground - 1194.4).abs() < 0.1, "{ground}");
    let default = json_of(&[
        "horizon",
        "--radar-height-m",
        "0",
        "--target-alt-km",
        "100",
        "--json",
    ]);
    assert_eq!(default, ray, "the traced ray is the default");
    let k = json_of(&[
        "horizon",
        "--radar-height-m",
        "0",
        "--target-alt-km",
        "100",
        "--refraction",
        "k",
        "--json",
    ]);
    assert_eq!(k["refraction"], "k");
    let over = k["ground_range_km"].as_f64().unwrap() - ground;
    assert!((60.0..140.0).contains(&over), "4/3 overstates by {over} km");
    let out = picture()
        .args([
            "horizon",
            "--radar-height-m",
            "0",
            "--target-alt-km",
            "100",
            "--refraction",
            "ray",
            "--k",
            "1.2",
        ])
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("--k goes with --refraction k"), "{err}");
}

#[test]
fn horizon_text_and_errors() {
    let out = picture()
        .args([
            "horizon",
            "--radar-height-m",
            "10",
            "--target-alt-km",
            "100",
            "--refraction",
            "k",
        ])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("slant_range_km  1320.3"), "{text}");
    let out = picture()
        .args([
            "horizon",
            "--radar-height-m",
            "-5",
            "--target-alt-km",
            "100",
        ])
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("radar height"), "{err}");
    picture()
        .args([
            "horizon",
            "--radar-height-m",
            "10",
            "--target-alt-km",
            "100",
            "--k",
            "0",
        ])
        .assert()
        .failure();
    picture()
        .args([
            "horizon",
            "--radar-height-m",
            "ten",
            "--target-alt-km",
            "100",
        ])
        .assert()
        .failure();
}

#[test]
fn pd_both_ways() {
    let v = json_of(&[
        "pd",
        "--pd",
        "0.9",
        "--pfa",
        "1e-6",
        "--model",
        "swerling1",
        "--json",
    ]);
    assert!((v["snr_db"].as_f64().unwrap() - 21.14).abs() < 0.005);
    let v = json_of(&[
        "pd",
        "--pd",
        "0.9",
        "--pfa",
        "1e-6",
        "--model",
        "nonfluctuating",
        "--json",
    ]);
    assert!((v["snr_db"].as_f64().unwrap() - 13.18).abs() < 0.005);
    let v = json_of(&[
        "pd",
        "--pd",
        "0.65",
        "--pfa",
        "1e-9",
        "--model",
        "swerling1",
        "--pulses",
        "10",
        "--json",
    ]);
    assert!((v["snr_db"].as_f64().unwrap() - 8.74).abs() < 0.005);
    let v = json_of(&[
        "pd",
        "--snr-db",
        "21.1436",
        "--pfa",
        "1e-6",
        "--model",
        "swerling1",
        "--json",
    ]);
    assert!((v["pd"].as_f64().unwrap() - 0.9).abs() < 1e-4);
    let v = json_of(&[
        "pd",
        "--snr-db",
        "-3",
        "--pfa",
        "1e-6",
        "--model",
        "nonfluctuating",
        "--json",
    ]);
    assert!(v["pd"].as_f64().unwrap() < 1e-3);
}

#[test]
fn pd_errors() {
    picture()
        .args(["pd", "--pfa", "1e-6", "--model", "swerling1"])
        .assert()
        .failure();
    picture()
        .args([
            "pd",
            "--snr-db",
            "10",
            "--pd",
            "0.5",
            "--pfa",
            "1e-6",
            "--model",
            "swerling1",
        ])
        .assert()
        .failure();
    let out = picture()
        .args(["pd", "--pd", "0.9", "--pfa", "2", "--model", "swerling1"])
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("false alarm"), "{err}");
    picture()
        .args(["pd", "--pd", "0.9", "--pfa", "1e-6", "--model", "swerling9"])
        .assert()
        .failure();
    picture()
        .args([
            "pd",
            "--pd",
            "0.9",
            "--pfa",
            "1e-6",
            "--model",
            "swerling1",
            "--pulses",
            "0",
        ])
        .assert()
        .failure();
}

#[test]
fn detect_json_korea_first() {
    let v = json_of(&[
        "detect",
        "--missile",
        "hwasong-17",
        "--from",
        "39.200,125.673",
        "--azimuth",
        "80",
        "--range-km",
        "1000",
        "--shape",
        "lofted",
        "--seed",
        "7",
        "--json",
    ]);
    let rows = v.as_array().expect("an array");
    assert_eq!(rows.len(), 14);
    for row in rows {
        for key in [
            "sensor",
            "nation",
            "first_detection_s",
            "above_horizon_s",
            "detections",
        ] {
            assert!(row.get(key).is_some(), "missing {key} in {row}");
        }
    }
    let first = |nation: &str| {
        rows.iter()
            .filter(|r| {
                r["nation"] == nation
                    && r["sensor"].as_str().unwrap().contains("FPS-5") == (nation == "JP")
            })
            .filter_map(|r| r["first_detection_s"].as_f64())
            .fold(f64::INFINITY, f64::min)
    };
    assert!(
        first("KR") < first("JP"),
        "KR {} JP {}",
        first("KR"),
        first("JP")
    );
    // Same seed, same output.
    let again = json_of(&[
        "detect",
        "--missile",
        "hwasong-17",
        "--from",
        "39.200,125.673",
        "--azimuth",
        "80",
        "--range-km",
        "1000",
        "--shape",
        "lofted",
        "--seed",
        "7",
        "--json",
    ]);
    assert_eq!(v, again);
}

#[test]
fn detect_errors() {
    let stderr = |args: &[&str]| {
        let out = picture().args(args).assert().failure();
        String::from_utf8_lossy(&out.get_output().stderr).to_string()
    };
    let err = stderr(&[
        "detect",
        "--missile",
        "taepodong-9",
        "--from",
        "Sunan",
        "--azimuth",
        "80",
        "--range-km",
        "1000",
    ]);
    assert!(err.contains("unknown missile"), "{err}");
    let err = stderr(&[
        "detect",
        "--missile",
        "hwasong-17",
        "--from",
        "Atlantis",
        "--to",
        "40,137",
    ]);
    assert!(err.contains("--from"), "{err}");
    stderr(&["detect", "--missile", "hwasong-17", "--from", "Sunan"]);
    stderr(&[
        "detect",
        "--missile",
        "hwasong-17",
        "--from",
        "Sunan",
        "--to",
        "95,137",
    ]);
    let err = stderr(&[
        "detect",
        "--missile",
        "hwasong-17",
        "--from",
        "Sunan",
        "--to",
        "40,137",
        "--k",
        "0",
    ]);
    assert!(err.contains("k"), "{err}");
    let err = stderr(&[
        "detect",
        "--missile",
        "hwasong-17",
        "--from",
        "Sunan",
        "--to",
        "40,137",
        "--shape",
        "min-energy",
        "--apogee-km",
        "50",
    ]);
    assert!(err.contains("--apogee-km does not go with"), "{err}");
    assert!(!err.contains("panicked"));
    // A pull-up takes an apogee, within the KN-23's reported 35-60 km.
    let err = stderr(&[
        "detect",
        "--missile",
        "hwasong-11",
        "--from",
        "Sunan",
        "--to",
        "40,131",
        "--shape",
        "pull-up",
        "--apogee-km",
        "80",
    ]);
    assert!(
        err.contains("pull-up apogee_m = 80000 m must be within 35 to 60 km"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
}

/// `picture detect` traces rays by default and takes `--refraction k` (or `--k`) for the constant-k rule: a
/// Japanese radar has the missile above its horizon later through the traced air than under k = 4/3.
#[test]
fn detect_carries_the_refraction() {
    let base = [
        "detect",
        "--missile",
        "hwasong-15",
        "--from",
        "Sunan",
        "--azimuth",
        "95",
        "--range-km",
        "1000",
        "--json",
    ];
    let above = |extra: &[&str]| -> f64 {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        let v = json_of(&args);
        v.as_array()
            .unwrap()
            .iter()
            .find(|r| r["sensor"] == "J/FPS-5 Sado")
            .and_then(|r| r["above_horizon_s"].as_f64())
            .unwrap()
    };
    let traced = above(&[]);
    assert_eq!(traced, above(&["--refraction", "ray"]));
    let k43 = above(&["--refraction", "k"]);
    assert_eq!(k43, above(&["--k", "1.3333333333333333"]));
    let straight = above(&["--k", "1"]);
    assert!(
        k43 < traced && traced < straight,
        "{k43} {traced} {straight}"
    );
    let out = picture()
        .args([
            "detect",
            "--missile",
            "hwasong-15",
            "--from",
            "Sunan",
            "--to",
            "40,137",
            "--refraction",
            "ray",
            "--k",
            "1.2",
        ])
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("--k goes with --refraction k"), "{err}");
}
