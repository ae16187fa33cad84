//! Chart geometry, pure and natively tested: the side view of a flight, the altitude colour scale.

pub mod altitude_colour;
pub mod side_view;
