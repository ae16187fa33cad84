//! Charts: plotters charts as SVG (`plot`, pure, and `plot_view`, its component), and the geometry of the side
//! view and the altitude colour scale (pure, natively tested).

pub mod altitude_colour;
pub mod plot;
pub mod plot_view;
pub mod side_view;
