//! The Earth: WGS84 ellipsoid, geodetic and ECEF coordinates, local east-north-up frames at a site,
//! azimuth-elevation-range, gravity with J2, Earth rotation, geodesics on the ellipsoid, and vertical
//! cross-sections of the mean sphere ([`section`]).
//!
//! References: NIMA TR8350.2 (WGS84 constants, third edition, 2000); Karney, "Algorithms for geodesics",
//! J. Geodesy 87 (2013), through `geographiclib-rs`.
//!
//! Anything stored or shared is ECEF ([`Ecef`]) or geodetic ([`Geodetic`]); local frames ([`Enu`], [`Aer`]) stay
//! inside the functions that need them.

mod ellipsoid;
mod frames;
mod geodesic;
mod gravity;
pub mod section;

pub use ellipsoid::Ellipsoid;
pub use frames::{Aer, Ecef, Enu, Geodetic, LocalFrame};
pub use geodesic::{destination, inverse, GeodesicLine};
pub use gravity::{gravity_j2_m_s2, EARTH_ROTATION_RAD_S, GM_M3_S2, J2};

/// Mean Earth radius used by the simple horizon formulas (`data/reference/radar.md`).
pub const MEAN_RADIUS_M: f64 = 6_371_000.0;
