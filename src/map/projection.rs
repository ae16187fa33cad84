//! The map projection: Lambert conformal conic on the WGS84 ellipsoid (Snyder, "Map Projections: A Working
//! Manual", USGS PP 1395, 1987, pp. 104-110), with standard parallels 27 N and 45 N (about a sixth of the 22-50 N theatre in from each edge) and origin 38 N
//! 133 E. Conformal, so radar fans and range rings keep their shape; the scale error over 22-50 N stays under 2%.
//!
//! Pure maths, no web dependency: tested natively.

/// A map position in projected kilometres: `x_km` east, `y_km` north of the projection origin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapPoint {
    pub x_km: f64,
    pub y_km: f64,
}

/// Lambert conformal conic with two standard parallels on an ellipsoid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LambertConformal {
    a_km: f64,
    e: f64,
    n: f64,
    f: f64,
    rho0_km: f64,
    lon0_rad: f64,
}

impl LambertConformal {
    /// The theatre projection: standard parallels 27 N and 45 N, origin 38 N 133 E, on WGS84.
    pub fn theatre() -> LambertConformal {
        LambertConformal::new(27.0, 45.0, 38.0, 133.0)
    }

    /// # Units
    /// All arguments in degrees. The standard parallels must differ and lie in one hemisphere.
    pub fn new(lat1_deg: f64, lat2_deg: f64, lat0_deg: f64, lon0_deg: f64) -> LambertConformal {
        Self::on_ellipsoid(
            6378.137,
            1.0 / 298.257_223_563,
            lat1_deg,
            lat2_deg,
            lat0_deg,
            lon0_deg,
        )
    }

    /// As [`LambertConformal::new`] on another ellipsoid (`a_km` equatorial radius, km).
    pub fn on_ellipsoid(
        a_km: f64,
        flattening: f64,
        lat1_deg: f64,
        lat2_deg: f64,
        lat0_deg: f64,
        lon0_deg: f64,
    ) -> LambertConformal {
        let e = (flattening * (2.0 - flattening)).sqrt();
        let (p1, p2, p0) = (
            lat1_deg.to_radians(),
            lat2_deg.to_radians(),
            lat0_deg.to_radians(),
        );
        let m1 = m(e, p1);
        let m2 = m(e, p2);
        let (t1, t2, t0) = (t(e, p1), t(e, p2), t(e, p0));
        let n = (m1.ln() - m2.ln()) / (t1.ln() - t2.ln());
        let f = m1 / (n * t1.powf(n));
        LambertConformal {
            a_km,
            e,
            n,
            f,
            rho0_km: a_km * f * t0.powf(n),
            lon0_rad: lon0_deg.to_radians(),
        }
    }

    /// Geodetic latitude and longitude (degrees) to the map.
    pub fn forward(&self, lat_deg: f64, lon_deg: f64) -> MapPoint {
        // Just short of the poles, where t() reaches 0 or infinity: the map never shows them.
        let limit = std::f64::consts::FRAC_PI_2 - 1e-6;
        let phi = lat_deg.to_radians().clamp(-limit, limit);
        // exp(n ln t) rather than powf: the browser's powf is several times dearer, and the map projects every
        // coastline vertex at load.
        let rho = self.a_km * self.f * (self.n * t(self.e, phi).ln()).exp();
        let dlon = wrap_pi(lon_deg.to_radians() - self.lon0_rad);
        let theta = self.n * dlon;
        MapPoint {
            x_km: rho * theta.sin(),
            y_km: self.rho0_km - rho * theta.cos(),
        }
    }

    /// The map back to latitude and longitude (degrees), longitude in [-180, 180).
    pub fn inverse(&self, p: MapPoint) -> (f64, f64) {
        let dy = self.rho0_km - p.y_km;
        let rho = self.n.signum() * p.x_km.hypot(dy);
        let theta = if self.n > 0.0 {
            p.x_km.atan2(dy)
        } else {
            (-p.x_km).atan2(-dy)
        };
        let t = (rho / (self.a_km * self.f)).powf(1.0 / self.n);
        let mut phi = std::f64::consts::FRAC_PI_2 - 2.0 * t.atan();
        for _ in 0..15 {
            let es = self.e * phi.sin();
            let next = std::f64::consts::FRAC_PI_2
                - 2.0 * (t * ((1.0 - es) / (1.0 + es)).powf(self.e / 2.0)).atan();
            let done = (next - phi).abs() < 1e-14;
            phi = next;
            if done {
                break;
            }
        }
        let lon = (theta / self.n + self.lon0_rad).to_degrees();
        (phi.to_degrees(), (lon + 180.0).rem_euclid(360.0) - 180.0)
    }

    /// The scale factor at a latitude: map distance over true distance (1 on the standard parallels).
    pub fn scale_factor(&self, lat_deg: f64) -> f64 {
        let phi = lat_deg.to_radians();
        let rho = self.a_km * self.f * t(self.e, phi).powf(self.n);
        rho * self.n / (self.a_km * m(self.e, phi))
    }
}

fn m(e: f64, phi: f64) -> f64 {
    let s = e * phi.sin();
    phi.cos() / (1.0 - s * s).sqrt()
}

fn t(e: f64, phi: f64) -> f64 {
    let s = e * phi.sin();
    (std::f64::consts::FRAC_PI_4 - phi / 2.0).tan() / (e / 2.0 * ((1.0 - s) / (1.0 + s)).ln()).exp()
}

fn wrap_pi(x: f64) -> f64 {
    (x + std::f64::consts::PI).rem_euclid(std::f64::consts::TAU) - std::f64::consts::PI
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snyder_worked_example() {
        // Snyder (1987) p. 296-297, ellipsoidal LCC on Clarke 1866: phi1 33, phi2 45, origin 23 N 96 W, point
        // 35 N 75 W gives x = 1,894,410.9 m, y = 1,564,649.5 m.
        let clarke_f = 1.0 - 6356.5838 / 6378.2064;
        let p = LambertConformal::on_ellipsoid(6378.2064, clarke_f, 33.0, 45.0, 23.0, -96.0);
        let q = p.forward(35.0, -75.0);
        assert!((q.x_km - 1894.4109).abs() < 0.001, "{}", q.x_km);
        assert!((q.y_km - 1564.6495).abs() < 0.001, "{}", q.y_km);
    }

    #[test]
    fn origin_maps_to_zero_and_standard_parallels_are_true_scale() {
        let p = LambertConformal::theatre();
        let o = p.forward(38.0, 133.0);
        assert!(o.x_km.abs() < 1e-9 && o.y_km.abs() < 1e-9);
        assert!((p.scale_factor(27.0) - 1.0).abs() < 1e-12);
        assert!((p.scale_factor(45.0) - 1.0).abs() < 1e-12);
        for lat in 22..=50 {
            assert!(
                (p.scale_factor(lat as f64) - 1.0).abs() < 0.02,
                "scale error at {lat} N"
            );
        }
    }

    #[test]
    fn distance_seoul_tokyo_within_scale_error() {
        // Geodesic Seoul-Tokyo is 1152 km; on the map it is that times the scale factor along the way (about
        // 0.988 at 36-37 N), to within the factor's variation along the line and the 2 km of the reference.
        let p = LambertConformal::theatre();
        let a = p.forward(37.5665, 126.978);
        let b = p.forward(35.6762, 139.6503);
        let d = (a.x_km - b.x_km).hypot(a.y_km - b.y_km);
        let k = p.scale_factor(36.6);
        assert!((d / (1152.0 * k) - 1.0).abs() < 0.003, "{d}");
    }

    #[test]
    fn round_trip_over_the_theatre_and_beyond() {
        let p = LambertConformal::theatre();
        for lat in (10..=60).map(|v| v as f64 + 0.37) {
            for lon in (95..=180).step_by(5).map(|v| v as f64 + 0.21) {
                let (la, lo) = p.inverse(p.forward(lat, lon));
                let dlon = (lo - lon + 540.0).rem_euclid(360.0) - 180.0;
                assert!(
                    (la - lat).abs() < 1e-9 && dlon.abs() < 1e-9,
                    "{lat} {lon} -> {la} {lo}"
                );
            }
        }
    }
}
