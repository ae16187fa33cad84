//! The regional map: projection, viewport, drawing.
