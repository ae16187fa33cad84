//! `picture scenario example` and `picture run`.

use assert_cmd::Command;

fn picture() -> Command {
    Command::cargo_bin("picture").unwrap()
}

#[test]
fn example_runs_and_compares_pictures() {
    let out = picture().args(["scenario", "example"]).output().unwrap();
    assert!(out.status.success());
    let dir = std::env::temp_dir().join(format!("picture-run-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("example.json");
    std::fs::write(&path, &out.stdout).unwrap();
    let run = picture().arg("run").arg(&path).output().unwrap();
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        text.contains("Trilateral (Hawaii hub)") && text.contains("Japan: gain from sharing"),
        "{text}"
    );
    let json = picture()
        .arg("run")
        .arg(&path)
        .arg("--json")
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["pictures"].as_array().unwrap().len(), 8);
    // Each nation's gain from sharing, Japan's first (the default comparison).
    let gains = v["comparison"]["sharing_gain"].as_array().unwrap();
    assert_eq!(gains.len(), 3);
    assert_eq!(gains[0]["picture"], "Japan with sharing");
    assert_eq!(gains[0]["over"], "Japan alone");
    assert!(gains[0]["gain_s"][0].as_f64().unwrap() > 0.0, "{gains:?}");
}

#[test]
fn invalid_scenario_names_the_field() {
    let dir = std::env::temp_dir().join(format!("picture-run-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.json");
    std::fs::write(&path, r#"{"version": 1, "seed": 1, "launches": []}"#).unwrap();
    let out = picture().arg("run").arg(&path).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("launches: must list at least one launch"),
        "{err}"
    );
}
