//! The scenario: several launches with their times, the sensors and the pictures; presets from public
//! reports, the file format, share links, and where the page keeps it.

pub mod browser;
pub mod keep;
pub mod link;
pub mod model;
pub mod presets;
pub mod sync;
