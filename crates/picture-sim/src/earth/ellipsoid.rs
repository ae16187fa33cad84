//! Reference ellipsoids, and conversions between geodetic and Earth-centred Earth-fixed coordinates.

use super::frames::{Ecef, Geodetic};
use nalgebra::Point3;
use serde::{Deserialize, Serialize};

/// An oblate ellipsoid of revolution. A sphere is the ellipsoid with `flattening == 0`, so every model that
/// takes an `Ellipsoid` also runs on a sphere (for closed-form checks).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Ellipsoid {
    /// Equatorial radius, metres.
    pub a_m: f64,
    /// Flattening `(a - b) / a`, dimensionless.
    pub flattening: f64,
}

impl Ellipsoid {
    /// WGS84 (NIMA TR8350.2, table 3.1): a = 6378137 m, 1/f = 298.257223563.
    pub const WGS84: Ellipsoid = Ellipsoid {
        a_m: 6_378_137.0,
        flattening: 1.0 / 298.257_223_563,
    };

    /// A sphere of the given radius, metres. `None` unless the radius is finite and positive.
    pub fn sphere(radius_m: f64) -> Option<Ellipsoid> {
        (radius_m.is_finite() && radius_m > 0.0).then_some(Ellipsoid {
            a_m: radius_m,
            flattening: 0.0,
        })
    }

    /// Polar radius, metres.
    pub fn b_m(&self) -> f64 {
        self.a_m * (1.0 - self.flattening)
    }

    /// First eccentricity squared.
    pub fn e2(&self) -> f64 {
        self.flattening * (2.0 - self.flattening)
    }

    /// Prime-vertical radius of curvature at a geodetic latitude, metres.
    pub fn prime_vertical_radius_m(&self, lat_rad: f64) -> f64 {
        let s = lat_rad.sin();
        self.a_m / (1.0 - self.e2() * s * s).sqrt()
    }

    /// Meridional radius of curvature at a geodetic latitude, metres.
    pub fn meridian_radius_m(&self, lat_rad: f64) -> f64 {
        let s = lat_rad.sin();
        let w2 = 1.0 - self.e2() * s * s;
        self.a_m * (1.0 - self.e2()) / (w2 * w2.sqrt())
    }

    /// Geodetic to ECEF.
    pub fn to_ecef(&self, g: &Geodetic) -> Ecef {
        let n = self.prime_vertical_radius_m(g.lat_rad);
        let (sl, cl) = g.lat_rad.sin_cos();
        let (so, co) = g.lon_rad.sin_cos();
        Ecef(Point3::new(
            (n + g.h_m) * cl * co,
            (n + g.h_m) * cl * so,
            (n * (1.0 - self.e2()) + g.h_m) * sl,
        ))
    }

    /// ECEF to geodetic, by fixed-point iteration on latitude (converges to below 1e-12 rad in a few steps
    /// from the ground to beyond geostationary height; the height formula has no singularity at the poles).
    pub fn to_geodetic(&self, p: &Ecef) -> Geodetic {
        let (x, y, z) = (p.0.x, p.0.y, p.0.z);
        let (a, e2) = (self.a_m, self.e2());
        let rho = x.hypot(y);
        let lon_rad = if rho > 0.0 { y.atan2(x) } else { 0.0 };
        // Exact on the ground; each step gains two or three digits at missile heights. (Bowring's start saves
        // a step but costs as much as one.)
        let mut lat_rad = z.atan2(rho * (1.0 - e2));
        // The height at a latitude, and the prime-vertical radius there, from one sine and cosine.
        let height = |lat_rad: f64| {
            let (sl, cl) = lat_rad.sin_cos();
            let n = a / (1.0 - e2 * sl * sl).sqrt();
            (rho * cl + z * sl - a * a / n, n)
        };
        for _ in 0..12 {
            let (h, n) = height(lat_rad);
            let next = z.atan2(rho * (1.0 - e2 * n / (n + h)));
            let done = (next - lat_rad).abs() < 1e-15;
            lat_rad = next;
            if done {
                break;
            }
        }
        let (h_m, _) = height(lat_rad);
        Geodetic {
            lat_rad,
            lon_rad,
            h_m,
        }
    }
}
