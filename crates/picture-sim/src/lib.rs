//! Shared Picture's simulation core: the Earth, missile flight, sensors and detection, tracking and fusion,
//! and scenarios. It has no web dependency, so it runs natively (tests, benchmarks, the `picture` command line)
//! and in the browser alike.

pub mod atmosphere;
pub mod earth;
pub mod flight;
pub mod limits;
pub mod measurement;
pub mod model;
pub mod scenario;
pub mod sensors;
pub mod sites;
pub mod study;
pub mod time;
pub mod tracking;
pub mod truth;

pub use time::SimTime;
