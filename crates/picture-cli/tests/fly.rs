//! The `picture fly` and `picture missiles` commands end to end.

use assert_cmd::Command;

fn picture() -> Command {
    Command::cargo_bin("picture").expect("the picture binary is built")
}

fn json_of(args: &[&str]) -> serde_json::Value {
    let out = picture().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

#[test]
fn as_reported_flight_prints_the_agreed_json_fields() {
    let v = json_of(&[
        "fly",
        "--missile",
        "hwasong-15",
        "--from",
        "39.282,125.869",
        "--azimuth",
        "73.9",
        "--range-km",
        "950",
        "--apogee-km",
        "4475",
        "--json",
    ]);
    for key in [
        "flight_time_s",
        "apogee_km",
        "range_km",
        "burnout_time_s",
        "burnout_speed_m_s",
        "max_speed_m_s",
        "impact_lat",
        "impact_lon",
    ] {
        assert!(v[key].is_number(), "missing {key}: {v}");
    }
    assert!((v["apogee_km"].as_f64().unwrap() - 4475.0).abs() < 1.0);
    assert!((v["range_km"].as_f64().unwrap() - 950.0).abs() < 1.0);
    // JMOD and KCNA: about 53 minutes.
    let t = v["flight_time_s"].as_f64().unwrap();
    assert!((t - 3180.0).abs() < 0.02 * 3180.0, "{t}");
}

#[test]
fn aim_point_and_site_name_work() {
    // Sunan to a point in the Sea of Japan, minimum energy.
    let v = json_of(&[
        "fly",
        "--missile",
        "hwasong-12",
        "--from",
        "sunan",
        "--to",
        "40.0,135.0",
        "--json",
    ]);
    assert!(
        (v["impact_lat"].as_f64().unwrap() - 40.0).abs() < 0.05,
        "{v}"
    );
    assert!(
        (v["impact_lon"].as_f64().unwrap() - 135.0).abs() < 0.05,
        "{v}"
    );
}

#[test]
fn text_output_and_shapes() {
    let out = picture()
        .args([
            "fly",
            "--missile",
            "hwasong-11",
            "--from",
            "39.4,127.5",
            "--azimuth",
            "60",
            "--range-km",
            "400",
        ])
        .args(["--shape", "pull-up"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("flight time") && text.contains("apogee"),
        "{text}"
    );
}

fn fails_with(args: &[&str], needle: &str) {
    let out = picture().args(args).output().unwrap();
    assert!(!out.status.success(), "should fail: {args:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(needle), "stderr lacks '{needle}': {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn bad_arguments_are_clear_errors() {
    fails_with(
        &[
            "fly",
            "--missile",
            "nodong",
            "--from",
            "sunan",
            "--to",
            "40,135",
        ],
        "unknown missile 'nodong'",
    );
    fails_with(
        &[
            "fly",
            "--missile",
            "hwasong-11",
            "--from",
            "39.4,127.5",
            "--azimuth",
            "60",
            "--range-km",
            "3000",
        ],
        "maximum range",
    );
    fails_with(
        &[
            "fly",
            "--missile",
            "hwasong-12",
            "--from",
            "nowhere",
            "--to",
            "40,135",
        ],
        "not LAT,LON",
    );
    fails_with(
        &[
            "fly",
            "--missile",
            "hwasong-12",
            "--from",
            "sunan",
            "--to",
            "95,135",
        ],
        "latitude",
    );
    fails_with(
        &["fly", "--missile", "hwasong-12", "--from", "sunan"],
        "give an aim",
    );
    fails_with(
        &[
            "fly",
            "--missile",
            "hwasong-12",
            "--from",
            "sunan",
            "--to",
            "40,135",
            "--apogee-km",
            "-3",
        ],
        "positive",
    );
    fails_with(
        &[
            "fly",
            "--missile",
            "hwasong-12",
            "--from",
            "sunan",
            "--azimuth",
            "90",
        ],
        "range-km",
    );
}

#[test]
fn missiles_lists_the_catalog() {
    let v = json_of(&["missiles", "--json"]);
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 8);
    assert!(ids.contains(&"hwasong-18") && ids.contains(&"kn-25"));
    let out = picture().arg("missiles").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Hwasong-17"));
}

/// The 2023-07-12 Hwasong-18 (KCNA: 6,648.4 km apogee, 1,001.2 km) cannot be flown with the catalog's 870 kg (the
/// payload at which the model reaches JMOD's 15,000 km): the command says what it flew instead, in its JSON and its
/// text, and checks it against the catalog's 650-1,000 kg.
#[test]
fn as_reported_flight_says_what_it_changed() {
    let args = [
        "fly",
        "--missile",
        "hwasong-18",
        "--from",
        "39.112,125.998",
        "--azimuth",
        "66",
        "--range-km",
        "1001.2",
        "--apogee-km",
        "6648.4",
    ];
    let mut with_json = args.to_vec();
    with_json.push("--json");
    let v = json_of(&with_json);
    let payload = &v["adjustments"]["payload"];
    let factor = payload["factor"].as_f64().expect("a payload factor");
    assert!((0.7..0.95).contains(&factor), "payload factor {factor}");
    assert_eq!(payload["catalog_kg"].as_f64(), Some(870.0));
    let flown = payload["flown_kg"].as_f64().expect("the flown payload");
    assert!((flown - 870.0 * factor).abs() < 1e-6, "{flown} kg");
    let low = payload["allowed"]["low"].as_f64().expect("the lower bound");
    assert!((low - 650.0 / 870.0).abs() < 1e-12, "{low}");
    assert!(
        v["adjustments"]["burn"].is_null(),
        "a lighter payload flies the full burn"
    );

    let out = picture().args(args).output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let expected = format!(
        "The model flew a {:.0} kg payload, {:.0} % of the catalog's 870 kg, inside the 650-1,000 kg its sources allow.",
        flown,
        factor * 100.0
    );
    assert!(text.contains(&expected), "{text}");
}

/// A report no flight inside the catalog's bounds can match (a Hwasong-19 to 9,000 km apogee over 1,000 km:
/// the 2024-10-31 flight's 7,687 km needed 708 kg of the allowed 700-1,300) is flown as near as the bounds allow,
/// with the lightest payload, and the command says by how much it misses, in its JSON and its text.
#[test]
fn a_report_beyond_the_catalogs_bounds_flies_the_nearest_and_says_so() {
    let args = [
        "fly",
        "--missile",
        "hwasong-19",
        "--from",
        "sunan",
        "--azimuth",
        "90",
        "--range-km",
        "1000",
        "--apogee-km",
        "9000",
    ];
    let mut with_json = args.to_vec();
    with_json.push("--json");
    let v = json_of(&with_json);
    let payload = &v["adjustments"]["payload"];
    assert_eq!(payload["flown_kg"].as_f64().map(f64::round), Some(700.0));
    let report = &v["adjustments"]["report"];
    assert_eq!(report["reported_apogee_m"].as_f64(), Some(9_000_000.0));
    let flown_m = report["flown_apogee_m"].as_f64().expect("the flown apogee");
    assert!((7_000e3..9_000e3).contains(&flown_m), "{flown_m} m");
    assert!((v["apogee_km"].as_f64().unwrap() * 1e3 - flown_m).abs() < 1.0);
    assert!((v["range_km"].as_f64().unwrap() - 1000.0).abs() < 1.0);

    let out = picture().args(args).output().expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for said in [
        "The report does not fit the catalog's missile",
        "reaches the reported 9,000 km apogee at this range",
        "lower than reported",
    ] {
        assert!(text.contains(said), "{said:?} not in {text}");
    }
}

/// A minimum-energy flight short of the maximum keeps the payload and cuts the burn, and says so.
#[test]
fn a_short_flight_reports_its_cut_burn_and_keeps_the_payload() {
    let v = json_of(&[
        "fly",
        "--missile",
        "hwasong-12",
        "--from",
        "sunan",
        "--azimuth",
        "90",
        "--range-km",
        "1500",
        "--json",
    ]);
    assert!(v["adjustments"]["payload"].is_null());
    let burn = &v["adjustments"]["burn"];
    let fraction = burn["fraction"].as_f64().expect("a burn fraction");
    assert!(fraction > 0.3 && fraction < 1.0, "burn fraction {fraction}");
    assert_eq!(burn["full_s"].as_f64(), Some(120.0));
}
