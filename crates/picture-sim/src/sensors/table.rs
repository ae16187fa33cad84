//! A plain-text table of a detection run: per sensor and target, the first detection, the time above the
//! horizon and the number of detections (seconds after launch), and why the looks before the first detection
//! failed.

use super::run::{DetectionRun, MissSpan, SensorReport};
use crate::time::SimTime;
use std::fmt::Write;

/// Seconds after `launch`, or "-" for never.
fn secs(t: Option<SimTime>, launch: SimTime) -> String {
    t.map_or_else(
        || "-".to_string(),
        |t| format!("{:.1}", (t - launch).as_secs_f64()),
    )
}

/// "below horizon 0-84 s; Pd draw failed 86 s": the spans before the first detection, the last `max_spans`.
pub fn why_not_earlier(report: &SensorReport, launch: SimTime, max_spans: usize) -> String {
    let spans = &report.misses_before_first;
    let skip = spans.len().saturating_sub(max_spans);
    let s = |t: SimTime| format!("{:.0}", (t - launch).as_secs_f64());
    let text: Vec<String> = spans[skip..]
        .iter()
        .map(|span: &MissSpan| {
            if span.from == span.to {
                format!("{} {} s", span.reason, s(span.from))
            } else {
                format!("{} {}-{} s", span.reason, s(span.from), s(span.to))
            }
        })
        .collect();
    let prefix = if skip > 0 { "...; " } else { "" };
    if text.is_empty() {
        "-".to_string()
    } else {
        format!("{prefix}{}", text.join("; "))
    }
}

/// The table, one row per report.
///
/// # Units
/// Times printed in seconds after each target's launch (`launches[target]`, a [`SimTime`]).
pub fn detection_table(run: &DetectionRun, launches: &[SimTime]) -> String {
    let name_w = run
        .reports
        .iter()
        .map(|r| r.name.len())
        .max()
        .unwrap_or(6)
        .max(6);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<name_w$}  {:<6}  {:>6}  {:>9}  {:>9}  {:>10}  why not earlier",
        "sensor", "nation", "target", "first_s", "horizon_s", "detections"
    );
    for r in &run.reports {
        let launch = launches.get(r.target).copied().unwrap_or_default();
        let _ = writeln!(
            out,
            "{:<name_w$}  {:<6}  {:>6}  {:>9}  {:>9}  {:>10}  {}",
            r.name,
            r.nation.to_string(),
            r.target,
            secs(r.first_detection, launch),
            secs(r.above_horizon, launch),
            r.detections,
            why_not_earlier(r, launch, 3)
        );
    }
    out
}
