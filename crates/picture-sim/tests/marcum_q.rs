//! The generalized Marcum Q function against independent references, and bounded in time everywhere.
//!
//! Reference: `data/reference/marcum_q_scipy.csv`, written by `scripts/reference/marcum_q.py` from SciPy's
//! `ncx2.sf` (Boost), with a 30-digit mpmath quadrature where SciPy fails (non-centrality 2e12 near the mean).

mod common;

use picture_sim::sensors::pd::marcum_q;
use picture_sim::sensors::{probability_of_detection, required_snr_db, DetectionModel};
use std::time::{Duration, Instant};

/// Absolute tolerance everywhere, and relative where the value is small: the references carry about 1e-14.
const ABS_TOL: f64 = 1e-9;
const REL_TOL: f64 = 1e-8;

#[test]
fn marcum_q_matches_the_reference_table() {
    let rows = common::csv_rows("marcum_q_scipy.csv");
    assert!(rows.len() >= 300, "only {} rows", rows.len());
    let mut worst_abs = (0.0_f64, String::new());
    let mut worst_rel = (0.0_f64, String::new());
    let mut failures = Vec::new();
    let start = Instant::now();
    for row in &rows {
        let order: u32 = row[0].parse().expect("order");
        let a: f64 = row[1].parse().expect("a");
        let b: f64 = row[2].parse().expect("b");
        let expected: f64 = row[3].parse().expect("q");
        let got = marcum_q(order, a, b).expect("arguments in range");
        let abs = (got - expected).abs();
        let rel = if expected > 0.0 { abs / expected } else { abs };
        let label = format!(
            "Q_{order}({a}, {b}) = {got:e}, reference {expected:e} ({})",
            row[4]
        );
        if abs > worst_abs.0 {
            worst_abs = (abs, label.clone());
        }
        if expected < 1e-3 && rel > worst_rel.0 {
            worst_rel = (rel, label.clone());
        }
        // Below 1e-300 both are at the edge of the subnormals; there the absolute test alone is meaningful.
        let rel_ok = !(1e-300..1e-3).contains(&expected) || rel <= REL_TOL;
        if abs > ABS_TOL || !rel_ok {
            failures.push(label);
        }
    }
    println!(
        "{} rows in {:.1} ms; largest absolute error {:.2e}: {}; largest relative error below 1e-3 {:.2e}: {}",
        rows.len(),
        start.elapsed().as_secs_f64() * 1e3,
        worst_abs.0,
        worst_abs.1,
        worst_rel.0,
        worst_rel.1
    );
    assert!(
        failures.is_empty(),
        "{} rows off:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn marcum_q_is_bounded_in_time_and_never_nan_on_an_extreme_grid() {
    let orders = [1, 2, 7, 64, 1000, 4096, 10_000];
    let amplitudes = [
        0.0,
        1e-150,
        1e-8,
        0.5,
        3.0,
        30.0,
        300.0,
        3e3,
        3e4,
        1.4e6,
        1e8,
        1e12,
        1e154,
        1e300,
        f64::MAX,
    ];
    let mut slowest = (Duration::ZERO, String::new());
    let mut calls = 0;
    for &order in &orders {
        for &a in &amplitudes {
            // Thresholds from the fixed list and around the mean amplitude sqrt(a^2 + 2 M), where the work is.
            let centre = (a * a + 2.0 * f64::from(order)).sqrt();
            let mut thresholds: Vec<f64> = amplitudes.to_vec();
            for d in [-40.0, -5.0, -1.0, 0.0, 1.0, 5.0, 40.0] {
                let b = centre + d;
                if b.is_finite() && b >= 0.0 {
                    thresholds.push(b);
                }
            }
            for &b in &thresholds {
                let t = Instant::now();
                let q = marcum_q(order, a, b).expect("arguments in range");
                let elapsed = t.elapsed();
                calls += 1;
                assert!((0.0..=1.0).contains(&q), "Q_{order}({a:e}, {b:e}) = {q}");
                if elapsed > slowest.0 {
                    slowest = (elapsed, format!("Q_{order}({a:e}, {b:e})"));
                }
            }
        }
    }
    println!(
        "{calls} calls; slowest {:.3} ms: {}",
        slowest.0.as_secs_f64() * 1e3,
        slowest.1
    );
    // Generous for a debug build on a shared machine: the slowest call took 16 ms in debug when written.
    assert!(
        slowest.0 < Duration::from_millis(250),
        "slowest {}",
        slowest.1
    );
}

#[test]
fn marcum_q_refuses_arguments_that_have_no_value() {
    for (order, a, b, needle) in [
        (0, 1.0, 1.0, "order = 0"),
        (10_001, 1.0, 1.0, "order = 10001"),
        (1, f64::NAN, 1.0, "a = NaN"),
        (1, -1.0, 1.0, "a = -1"),
        (1, 1.0, f64::INFINITY, "b = inf"),
    ] {
        let err = marcum_q(order, a, b).expect_err("refused").to_string();
        assert!(err.contains(needle), "{err}");
    }
}

#[test]
fn detection_at_extreme_snr_and_many_pulses_is_quick_and_finite() {
    let t = Instant::now();
    let pd = probability_of_detection(DetectionModel::NonFluctuating, 300.0, 1e-6, 1).unwrap();
    assert_eq!(pd, 1.0);
    let pd =
        probability_of_detection(DetectionModel::NonFluctuating, 3000.0, 1e-6, 10_000).unwrap();
    assert_eq!(pd, 1.0);
    let at_huge = t.elapsed();
    let t = Instant::now();
    let mut worst = Duration::ZERO;
    for pulses in [1, 10, 100, 1000, 10_000] {
        for model in [DetectionModel::NonFluctuating, DetectionModel::Swerling1] {
            for pd in [0.1, 0.5, 0.9, 0.999_999] {
                let one = Instant::now();
                let snr_db = required_snr_db(model, pd, 1e-6, pulses).unwrap();
                worst = worst.max(one.elapsed());
                assert!(snr_db.is_finite());
                let back = probability_of_detection(model, snr_db, 1e-6, pulses).unwrap();
                assert!(
                    (back - pd).abs() < 1e-6,
                    "{model:?} {pulses} pulses: pd {pd} -> {snr_db} dB -> {back}"
                );
            }
        }
    }
    println!(
        "SNR 300 and 3000 dB: {:.3} ms; 40 inversions: {:.1} ms, slowest {:.1} ms",
        at_huge.as_secs_f64() * 1e3,
        t.elapsed().as_secs_f64() * 1e3,
        worst.as_secs_f64() * 1e3
    );
    assert!(
        worst < Duration::from_secs(5),
        "slowest inversion {worst:?}"
    );
}
