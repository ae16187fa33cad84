//! `picture study` and `picture study merge`: a study cut into shards merges into the study run whole, the CSV
//! has a row per sample, and bad arguments name themselves.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn picture() -> Command {
    Command::cargo_bin("picture").unwrap()
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("picture-study-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn example(d: &Path) -> PathBuf {
    let out = picture().args(["scenario", "example"]).output().unwrap();
    let p = d.join("example.json");
    std::fs::write(&p, &out.stdout).unwrap();
    p
}

fn ok(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn without_cost(mut v: serde_json::Value) -> serde_json::Value {
    v.as_object_mut().unwrap().remove("cost");
    v
}

#[test]
fn shards_merge_into_the_whole_study() {
    let d = dir("shards");
    let scenario = example(&d);
    // Bounds of the user's own, a missile's included (with a source text, which is read and not kept).
    let bounds = d.join("bounds.json");
    std::fs::write(
        &bounds,
        r#"{"missiles": [{"missile": "hwasong-15", "spreads": [{"parameter": "isp", "factor": {"low": 0.9, "high": 1.1}, "source": "mine"}]}],
            "radar_snr_db": 2, "rcs_db": {"booster_db": 3, "midcourse_db": 6, "reentry_db": 6},
            "ship_radius_m": 10000, "latency": {"low": 0.8, "high": 1.2}, "noise": true}"#,
    )
    .unwrap();
    let csv = d.join("whole.csv");
    let whole = ok(picture()
        .arg("study")
        .arg(&scenario)
        .args(["--runs", "5", "--seed", "9", "--json", "--uncertainties"])
        .arg(&bounds)
        .arg("--csv")
        .arg(&csv));
    let whole: serde_json::Value = serde_json::from_str(&whole).unwrap();
    assert_eq!(whole["runs"], 5);
    assert_eq!(whole["pictures"].as_array().unwrap().len(), 8);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 6, "{text}");
    let header = text.lines().next().unwrap();
    assert!(
        header.contains("hwasong-15 stage 1 specific impulse factor"),
        "{header}"
    );
    assert!(
        !header.contains("stage mass"),
        "only the file's bounds vary: {header}"
    );

    let mut records = Vec::new();
    for k in 1..=2 {
        let r = d.join(format!("shard{k}.json"));
        ok(picture()
            .arg("study")
            .arg(&scenario)
            .args([
                "--runs",
                "5",
                "--seed",
                "9",
                "--shard",
                &format!("{k}/2"),
                "--uncertainties",
            ])
            .arg(&bounds)
            .arg("--record")
            .arg(&r));
        records.push(r);
    }
    let merged = ok(picture()
        .args(["study", "merge", "--json"])
        .args(records.iter().rev()));
    let merged: serde_json::Value = serde_json::from_str(&merged).unwrap();
    // The whole study through a record as well: both sides then read their samples from the same JSON text
    // (serde_json's float parser, without its float_roundtrip feature, which would cost the page 7 kB, may
    // land an ulp from the value written).
    let whole_record = d.join("whole.json");
    ok(picture()
        .arg("study")
        .arg(&scenario)
        .args(["--runs", "5", "--seed", "9", "--uncertainties"])
        .arg(&bounds)
        .arg("--record")
        .arg(&whole_record));
    let whole_read = ok(picture()
        .args(["study", "merge", "--json"])
        .arg(&whole_record));
    let whole_read: serde_json::Value = serde_json::from_str(&whole_read).unwrap();
    assert_eq!(whole_read["runs"], whole["runs"]);
    assert_eq!(without_cost(merged), without_cost(whole_read));

    // One slice alone is not the study.
    let out = picture()
        .args(["study", "merge"])
        .arg(&records[0])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing"));
}

#[test]
fn the_text_summary_says_what_it_shows() {
    let d = dir("text");
    let scenario = example(&d);
    let text = ok(picture().arg("study").arg(&scenario).args(["--runs", "3"]));
    for needle in [
        "3 samples",
        "median [5 %, 95 %]",
        "gain from sharing over Japan alone",
        "impact 95 % ellipse",
        "Cost per sample",
    ] {
        assert!(text.contains(needle), "{needle}: {text}");
    }
}

#[test]
fn bad_arguments_name_themselves() {
    let d = dir("bad");
    let scenario = example(&d);
    for (args, needle) in [
        (vec!["--runs", "0"], "runs"),
        (vec!["--runs", "4", "--shard", "5/4"], "shard"),
        (vec!["--runs", "4", "--shard", "x"], "--shard"),
    ] {
        let out = picture()
            .arg("study")
            .arg(&scenario)
            .args(&args)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{args:?}");
        let e = String::from_utf8_lossy(&out.stderr);
        assert!(e.contains(needle), "{args:?}: {e}");
    }
    let bounds = d.join("bounds.json");
    std::fs::write(&bounds, r#"{"radar_snr_db": "loud"}"#).unwrap();
    let out = picture()
        .arg("study")
        .arg(&scenario)
        .arg("--uncertainties")
        .arg(&bounds)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("radar_snr_db"));
    // The defaults print as a file that reads back.
    let defaults = ok(picture().args(["study", "--print-uncertainties"]));
    std::fs::write(&bounds, defaults).unwrap();
    ok(picture()
        .arg("study")
        .arg(&scenario)
        .args(["--runs", "1", "--uncertainties"])
        .arg(&bounds));
}
