//! `picture pd` and `picture horizon` at the edges of their arguments: every answer finite and quick, every
//! refusal naming the flag, the value and what is allowed, and never a panic.

use assert_cmd::Command;
use serde_json::Value;
use std::time::{Duration, Instant};

fn picture() -> Command {
    Command::cargo_bin("picture").expect("the picture binary is built")
}

/// Runs a command that must succeed, returning its stdout and wall time.
fn ok(args: &[&str]) -> (String, Duration) {
    let t = Instant::now();
    let out = picture()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let elapsed = t.elapsed();
    println!(
        "picture {}: {:.1} ms",
        args.join(" "),
        elapsed.as_secs_f64() * 1e3
    );
    (String::from_utf8(out).expect("UTF-8"), elapsed)
}

/// Runs a command that must be refused with exit code 1 (not a panic's 101), returning its stderr.
fn refused(args: &[&str]) -> String {
    let out = picture()
        .args(args)
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    String::from_utf8(out).expect("UTF-8")
}

fn no_non_finite(text: &str) {
    let bad = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .any(|w| matches!(w, "NaN" | "nan" | "inf" | "Infinity" | "null"));
    assert!(!bad, "non-finite figure in:\n{text}");
}

/// Every number in a JSON object, which must all be numbers (serde writes NaN as null).
fn json_numbers(text: &str) -> Vec<f64> {
    let v: Value = serde_json::from_str(text).expect("valid JSON");
    v.as_object()
        .expect("an object")
        .iter()
        .filter(|(k, _)| k.as_str() != "model")
        .map(|(k, x)| {
            x.as_f64()
                .unwrap_or_else(|| panic!("{k} = {x} is not a number"))
        })
        .collect()
}

#[test]
fn nonfluctuating_at_300_db_is_certain_and_quick() {
    let args = [
        "pd",
        "--model",
        "nonfluctuating",
        "--snr-db",
        "300",
        "--pfa",
        "1e-6",
    ];
    let (text, elapsed) = ok(&args);
    assert!(text.contains("pd 1.000000"), "{text}");
    let mut json = args.to_vec();
    json.push("--json");
    let (out, _) = ok(&json);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["pd"].as_f64(), Some(1.0));
    // It never finished before; now it takes milliseconds, and a process start dominates.
    assert!(elapsed < Duration::from_secs(20), "{elapsed:?}");
}

#[test]
fn half_probability_with_a_thousand_pulses_is_quick_for_every_model() {
    for model in ["nonfluctuating", "swerling1", "albersheim"] {
        let (out, elapsed) = ok(&[
            "pd", "--pd", "0.5", "--pulses", "1000", "--pfa", "1e-6", "--model", model, "--json",
        ]);
        no_non_finite(&out);
        let v: Value = serde_json::from_str(&out).unwrap();
        let snr_db = v["snr_db"].as_f64().expect("a number");
        // Many pulses integrated need far less SNR per pulse than one: well below the 11 dB of one pulse.
        assert!((-20.0..0.0).contains(&snr_db), "{model}: {snr_db} dB");
        // 11.7 s before for nonfluctuating in release; milliseconds now.
        assert!(elapsed < Duration::from_secs(20), "{model}: {elapsed:?}");
    }
}

#[test]
fn extreme_but_valid_arguments_give_finite_figures() {
    for model in ["nonfluctuating", "swerling1", "albersheim"] {
        for snr_db in ["-1e300", "-300", "0", "300", "3000", "1e300"] {
            for pulses in ["1", "10000"] {
                let base = [
                    "pd", "--model", model, "--snr-db", snr_db, "--pfa", "1e-300", "--pulses",
                    pulses,
                ];
                let (text, _) = ok(&base);
                no_non_finite(&text);
                let mut json = base.to_vec();
                json.push("--json");
                let (out, _) = ok(&json);
                for x in json_numbers(&out) {
                    assert!(x.is_finite(), "{model} {snr_db} dB {pulses}: {out}");
                }
            }
        }
        for pd in ["1e-9", "0.5", "0.999999999"] {
            for pfa in ["1e-12", "0.1"] {
                let args = [
                    "pd", "--model", model, "--pd", pd, "--pfa", pfa, "--pulses", "10000", "--json",
                ];
                let out = picture().args(args).output().expect("runs");
                let text = String::from_utf8_lossy(&out.stdout).to_string()
                    + &String::from_utf8_lossy(&out.stderr);
                // Either an answer or a refusal naming the flag; never a panic or a NaN.
                assert!(matches!(out.status.code(), Some(0 | 1)), "{args:?}: {text}");
                if out.status.success() {
                    for x in json_numbers(&String::from_utf8_lossy(&out.stdout)) {
                        assert!(x.is_finite(), "{args:?}: {text}");
                    }
                } else {
                    assert!(
                        text.contains("--pd") || text.contains("no signal-to-noise"),
                        "{args:?}: {text}"
                    );
                }
            }
        }
    }
}

#[test]
fn pd_refusals_name_the_flag_the_value_and_the_range() {
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["--snr-db", "NaN", "--pfa", "1e-6"],
            &["--snr-db NaN", "finite"],
        ),
        (
            &["--snr-db", "inf", "--pfa", "1e-6"],
            &["--snr-db inf", "finite"],
        ),
        (&["--snr-db", "10", "--pfa", "0"], &["--pfa 0", "(0, 1)"]),
        (
            &["--snr-db", "10", "--pfa", "NaN"],
            &["--pfa NaN", "(0, 1)"],
        ),
        (&["--pd", "1", "--pfa", "1e-6"], &["--pd 1", "(0, 1)"]),
        (
            &["--pd", "1e-7", "--pfa", "1e-6"],
            &["--pd 1e-7", "(1e-6, 1)"],
        ),
        (
            &["--pd", "0.5", "--pfa", "1e-6", "--pulses", "0"],
            &["--pulses 0", "1..=10000"],
        ),
        (
            &["--pd", "0.5", "--pfa", "1e-6", "--pulses", "10001"],
            &["--pulses 10001", "1..=10000"],
        ),
    ];
    for (extra, needles) in cases {
        let mut args = vec!["pd", "--model", "nonfluctuating"];
        args.extend_from_slice(extra);
        let err = refused(&args);
        for needle in *needles {
            assert!(err.contains(needle), "{args:?}: {err}");
        }
    }
    // Albersheim's equation has no solution for a small Pd: refused, where it used to print NaN.
    let err = refused(&[
        "pd",
        "--model",
        "albersheim",
        "--pd",
        "0.01",
        "--pfa",
        "1e-3",
    ]);
    assert!(
        err.contains("--pd 0.01") && err.contains("Albersheim"),
        "{err}"
    );
}

#[test]
fn horizon_at_its_limits_is_finite_and_beyond_them_refused() {
    for (h, alt, k) in [
        ("0", "0", "1"),
        ("50000", "100000", "1000"),
        ("0", "100000", "0.1"),
    ] {
        let (out, _) = ok(&[
            "horizon",
            "--radar-height-m",
            h,
            "--target-alt-km",
            alt,
            "--k",
            k,
            "--json",
        ]);
        let v: Value = serde_json::from_str(&out).unwrap();
        for key in ["slant_range_km", "ground_range_km"] {
            let x = v[key].as_f64().unwrap_or_else(|| panic!("{key} in {out}"));
            assert!(x.is_finite() && x >= 0.0, "{key} = {x}");
        }
        let (text, _) = ok(&[
            "horizon",
            "--radar-height-m",
            h,
            "--target-alt-km",
            alt,
            "--k",
            k,
        ]);
        no_non_finite(&text);
    }
    let cases: &[([&str; 6], &str)] = &[
        (
            [
                "--radar-height-m",
                "1e300",
                "--target-alt-km",
                "10",
                "--k",
                "1",
            ],
            "--radar-height-m 1e300",
        ),
        (
            [
                "--radar-height-m",
                "-1",
                "--target-alt-km",
                "10",
                "--k",
                "1",
            ],
            "--radar-height-m -1",
        ),
        (
            [
                "--radar-height-m",
                "NaN",
                "--target-alt-km",
                "10",
                "--k",
                "1",
            ],
            "--radar-height-m NaN",
        ),
        (
            [
                "--radar-height-m",
                "10",
                "--target-alt-km",
                "1e300",
                "--k",
                "1",
            ],
            "--target-alt-km 1e300",
        ),
        (
            [
                "--radar-height-m",
                "10",
                "--target-alt-km",
                "inf",
                "--k",
                "1",
            ],
            "--target-alt-km inf",
        ),
        (
            [
                "--radar-height-m",
                "10",
                "--target-alt-km",
                "10",
                "--k",
                "1e9",
            ],
            "--k 1e9",
        ),
    ];
    for (extra, needle) in cases {
        let mut args = vec!["horizon"];
        args.extend_from_slice(extra);
        let err = refused(&args);
        assert!(
            err.contains(needle) && err.contains("must be finite and in ["),
            "{args:?}: {err}"
        );
    }
}
