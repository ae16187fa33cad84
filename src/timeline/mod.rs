//! Time: the clock bar (play, pause, speed, scrubber).

pub mod clock;
