//! The radar-horizon explorer, the pure part: the rays of the effective-Earth model drawn over the
//! true Earth, the cross-section's layout, a flight seen from one radar (its distance and height profile, the
//! moment it rises into view), the Blake chart and the horizon chart (and both as tables), the formula with the numbers put in, and
//! the guided walk-through as data. Every horizon number comes from `picture_sim::sensors::EffectiveEarth`, so
//! the explorer shows what `picture horizon` prints. No web dependency: tested natively.

pub mod charts;
pub mod formula;
pub mod profile;
pub mod rays;
pub mod section;
pub mod steps;
pub mod tables;
