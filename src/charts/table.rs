//! The charts as tables, for a reader who cannot see them (WCAG 1.1.1): the same figures the charts draw, as
//! rows of text. Pure, tested natively; `crate::panels::chart_table` shows them.

use super::detection_timeline::{detection_spans, JOIN_INTERVALS};
use crate::present::detections::SensorRow;
use crate::present::flight::format_elapsed;

/// The detection timeline as rows: each sensor (in the chart's order), the spans it was detecting the missile
/// (joined as the chart's bars are) and its number of detections.
pub fn timeline_rows(rows: &[SensorRow]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| {
            let spans = detection_spans(&r.detection_times_s, JOIN_INTERVALS * r.update_interval_s);
            let seen = if spans.is_empty() {
                "none".to_string()
            } else {
                spans
                    .iter()
                    .map(|&(a, b)| format!("{} to {}", format_elapsed(a), format_elapsed(b)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            vec![r.name.clone(), seen, r.detections.to_string()]
        })
        .collect()
}

/// The track-error chart as rows: a row every `step_s` seconds (and one at the end), a column per picture
/// with its error (km) at the latest point not older than a step, "—" where it had none.
pub fn track_error_rows(
    series: &[(String, Vec<(f64, f64)>)],
    duration_s: f64,
    step_s: f64,
) -> Vec<Vec<String>> {
    let step_s = step_s.max(1.0);
    let n = (duration_s.max(0.0) / step_s).floor() as usize;
    (0..=n)
        .map(|i| i as f64 * step_s)
        .chain((duration_s > n as f64 * step_s).then_some(duration_s))
        .map(|t| {
            let mut row = vec![format_elapsed(t)];
            row.extend(series.iter().map(|(_, points)| {
                points
                    .iter()
                    .rev()
                    .find(|p| p.0 <= t + 1e-9)
                    .filter(|p| t - p.0 <= step_s)
                    .map_or_else(|| "—".to_string(), |p| format!("{:.1}", p.1))
            }));
            row
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use picture_sim::sensors::Nation;

    fn sensor(times: Vec<f64>) -> SensorRow {
        SensorRow {
            index: 0,
            launch: 0,
            name: "Green Pine".into(),
            nation: Nation::KR,
            first_detection_s: times.first().copied(),
            above_horizon_s: None,
            detections: times.len(),
            held_back_by: None,
            detection_points: vec![None; times.len()],
            detection_times_s: times,
            update_interval_s: 10.0,
        }
    }

    #[test]
    fn the_timeline_table_joins_detections_as_the_bars_do() {
        // 10 s updates: gaps up to 25 s join, a 60 s gap starts a new span.
        let rows = timeline_rows(&[sensor(vec![12.0, 22.0, 42.0, 102.0, 112.0]), sensor(vec![])]);
        assert_eq!(
            rows[0],
            ["Green Pine", "T+00:12 to T+00:42, T+01:42 to T+01:52", "5"]
        );
        assert_eq!(rows[1][1], "none");
    }

    #[test]
    fn the_track_error_table_has_a_row_a_minute_and_a_column_a_picture() {
        let series = vec![
            ("Japan alone".to_string(), vec![(70.0, 3.21), (130.0, 1.0)]),
            (
                "Japan with sharing".to_string(),
                vec![(20.0, 5.0), (50.0, 2.04)],
            ),
        ];
        let rows = track_error_rows(&series, 150.0, 60.0);
        assert_eq!(rows.len(), 4, "T+0, 1, 2 min and the end");
        assert_eq!(rows[0], ["T+00:00", "—", "—"]);
        assert_eq!(rows[1], ["T+01:00", "—", "2.0"]);
        assert_eq!(rows[2], ["T+02:00", "3.2", "—"]);
        assert_eq!(rows[3], ["T+02:30", "1.0", "—"]);
    }
}
