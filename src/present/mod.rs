//! The presenters: pure code (no web dependency, tested natively) between the core and the UI. Each turns the
//! core's results into what a panel or the map shows, or the user's input into a request to the core.
//!
//! Naming rule: a module is named for what it presents, with no `_view` suffix (the folder says it): singular
//! for one thing (`flight`: one launch's flight; `launch_form`: one launch's form; `sensor_details`:
//! one sensor's facts), plural for a set (`detections`: every sensor against every flight; `pictures`: every
//! picture's tracks and scores).

pub mod detections;
pub mod flight;
pub mod launch_form;
pub mod now_line;
pub mod picture_log;
pub mod pictures;
pub mod sensor_details;
pub mod tour;
