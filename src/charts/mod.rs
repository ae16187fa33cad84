//! Charts: plotters charts as SVG (`plot`, pure, and `plot_view`, its component), the charts that follow the
//! clock (`cursor` and one module per chart, pure, with `cursor_view` their component), and the geometry of
//! the side view and the altitude colour scale (pure, natively tested).

pub mod altitude_colour;
pub mod cursor;
pub mod cursor_view;
pub mod detection_timeline;
pub mod flight_chart;
pub mod plot;
pub mod plot_view;
pub mod side_view;
pub mod table;
pub mod track_error;
pub mod warning_chart;
