//! Time: the clock bar (play, pause, speed, the scrubber with its markers, keyboard), the clock in UTC, JST
//! and KST, and the markers' placement.

pub mod clock;
pub mod markers;
pub mod zones;
