//! Coordinate types that carry their frame: [`Ecef`] positions, [`Geodetic`] positions, and the local
//! [`Enu`] and [`Aer`] frames at a site ([`LocalFrame`]).

use super::ellipsoid::Ellipsoid;
use nalgebra::{Matrix3, Point3, Vector3};
use serde::{Deserialize, Serialize};

/// A position in the Earth-centred Earth-fixed frame, metres.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Ecef(pub Point3<f64>);

/// A geodetic position on an ellipsoid.
///
/// # Units
/// Latitude and longitude in radians (north and east positive), height above the ellipsoid in metres.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Geodetic {
    pub lat_rad: f64,
    pub lon_rad: f64,
    pub h_m: f64,
}

impl Geodetic {
    /// From degrees and metres. `None` if the latitude is outside [-90, 90], a value is not finite, or the
    /// height is below -1000 km (inside the Earth: a sign error, not a place).
    pub fn from_deg(lat_deg: f64, lon_deg: f64, h_m: f64) -> Option<Geodetic> {
        let ok = lat_deg.is_finite()
            && lon_deg.is_finite()
            && h_m.is_finite()
            && (-90.0..=90.0).contains(&lat_deg)
            && h_m > -1.0e6;
        ok.then(|| Geodetic {
            lat_rad: lat_deg.to_radians(),
            lon_rad: wrap_lon_deg(lon_deg).to_radians(),
            h_m,
        })
    }

    pub fn lat_deg(&self) -> f64 {
        self.lat_rad.to_degrees()
    }

    /// Longitude in degrees, in [-180, 180).
    pub fn lon_deg(&self) -> f64 {
        wrap_lon_deg(self.lon_rad.to_degrees())
    }
}

/// Wraps a longitude to [-180, 180) degrees.
pub fn wrap_lon_deg(lon_deg: f64) -> f64 {
    (lon_deg + 180.0).rem_euclid(360.0) - 180.0
}

/// An offset in the local east-north-up frame at a site, metres.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Enu(pub Vector3<f64>);

/// Azimuth, elevation and range of a target seen from a site.
///
/// # Units
/// Azimuth in radians clockwise from north in [0, 2 pi); elevation in radians above the local horizontal plane
/// (the plane normal to the ellipsoid normal); slant range in metres.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Aer {
    pub az_rad: f64,
    pub el_rad: f64,
    pub range_m: f64,
}

impl Enu {
    pub fn to_aer(&self) -> Aer {
        let v = self.0;
        let horizontal_m = v.x.hypot(v.y);
        Aer {
            az_rad: v.x.atan2(v.y).rem_euclid(std::f64::consts::TAU),
            el_rad: v.z.atan2(horizontal_m),
            range_m: v.norm(),
        }
    }
}

impl Aer {
    pub fn to_enu(&self) -> Enu {
        let (se, ce) = self.el_rad.sin_cos();
        let (sa, ca) = self.az_rad.sin_cos();
        Enu(Vector3::new(
            self.range_m * ce * sa,
            self.range_m * ce * ca,
            self.range_m * se,
        ))
    }
}

/// The local east-north-up frame at a site: converts ECEF positions and vectors into it and back.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LocalFrame {
    pub site: Geodetic,
    pub origin: Ecef,
    /// Rows are the east, north and up unit vectors in ECEF.
    rot_ecef_to_enu: Matrix3<f64>,
}

impl LocalFrame {
    pub fn at(ellipsoid: &Ellipsoid, site: Geodetic) -> LocalFrame {
        let (sl, cl) = site.lat_rad.sin_cos();
        let (so, co) = site.lon_rad.sin_cos();
        #[rustfmt::skip]
        let rot = Matrix3::new(
            -so,       co,      0.0,
            -sl * co, -sl * so, cl,
             cl * co,  cl * so, sl,
        );
        LocalFrame {
            site,
            origin: ellipsoid.to_ecef(&site),
            rot_ecef_to_enu: rot,
        }
    }

    /// The unit vector of the local vertical (ellipsoid normal) in ECEF.
    pub fn up_ecef(&self) -> Vector3<f64> {
        self.rot_ecef_to_enu.row(2).transpose()
    }

    pub fn enu_of(&self, p: &Ecef) -> Enu {
        Enu(self.rot_ecef_to_enu * (p.0 - self.origin.0))
    }

    pub fn aer_of(&self, p: &Ecef) -> Aer {
        self.enu_of(p).to_aer()
    }

    pub fn ecef_of(&self, e: &Enu) -> Ecef {
        Ecef(self.origin.0 + self.rot_ecef_to_enu.transpose() * e.0)
    }

    /// Rotates an ECEF vector (a velocity, a line of sight) into this frame.
    pub fn vector_to_enu(&self, v_ecef: &Vector3<f64>) -> Vector3<f64> {
        self.rot_ecef_to_enu * v_ecef
    }

    /// Rotates a vector in this frame into ECEF.
    pub fn vector_to_ecef(&self, v_enu: &Vector3<f64>) -> Vector3<f64> {
        self.rot_ecef_to_enu.transpose() * v_enu
    }
}
