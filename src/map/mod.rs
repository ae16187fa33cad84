//! The regional map: projection, viewport (pan and zoom maths), map data, graticule, scale bar, and the
//! component that draws them. Everything but `view` and `use_pan_zoom` is pure maths, tested natively.

pub mod flight_layer;
pub mod geodata;
pub mod graticule;
pub mod highlight;
pub mod legend;
pub mod now;
pub mod paths;
pub mod places;
pub mod projection;
pub mod scale_bar;
pub mod sensor_layer;
pub mod split;
pub mod track_layer;
pub mod use_pan_zoom;
pub mod view;
pub mod viewport;

pub use view::{MapContext, MapView};
