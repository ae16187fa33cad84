//! Rays traced through a spherically stratified atmosphere: the ITU-R P.453 exponential reference atmosphere,
//! `N(h) = N0 exp(-h / h0)` with `N0 = 315` and `h0 = 7.35 km` (ITU-R P.453-14, section 2, equation 8: the
//! mean refractivity profile; `n = 1 + N 1e-6`), over a sphere of the mean Earth radius.
//!
//! The constant-k model ([`super::EffectiveEarth`]) bends rays by the same curvature at every height, which
//! is right for the first kilometre or two (where the refractivity gradient is about -40 N per km, k = 4/3:
//! ITU-R P.834) and wrong above, where the air thins and rays go straight. Traced, a ray bends only where the
//! air is: a radar sees a target at 100 km about 100 km less far than k = 4/3 says.
//!
//! The ray obeys Bouguer's law, the spherical form of Snell's law: `n(r) r cos(e) = c` along it, `e` its
//! elevation (Born and Wolf, "Principles of Optics", 3.2.1; Bean and Dutton, "Radio Meteorology", 1966, ch.
//! 3). Its central angle from its lowest point, radius `r_t` (where `n r = c`), to radius `r` is
//! `phi(r) = integral from r_t to r of c / (x sqrt(n(x)^2 x^2 - c^2)) dx`. The integrand has an inverse
//! square-root end at `r_t`, removed by `x = r_t + u^2`; Gauss-Legendre panels integrate the rest. Above
//! [`AIR_TOP_M`] the air is vacuum to 1e-14 and the integral is closed-form: `acos(c / r)`.

use super::horizon::HorizonError;
use crate::earth::MEAN_RADIUS_M;

/// Above this height the refractivity is below 315 exp(-20), 6e-7 N-units: rays are straight.
pub const AIR_TOP_M: f64 = 147_000.0;

/// An exponential refractivity profile over a sphere.
///
/// # Units
/// `n0` in N-units (parts per million of `n - 1`), heights and radius in metres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExponentialAtmosphere {
    pub n0: f64,
    pub scale_height_m: f64,
    pub radius_m: f64,
}

/// Gauss-Legendre nodes and weights on [-1, 1], eight points.
const GL8: [(f64, f64); 8] = [
    (-0.960_289_856_497_536_3, 0.101_228_536_290_376_26),
    (-0.796_666_477_413_626_7, 0.222_381_034_453_374_47),
    (-0.525_532_409_916_329, 0.313_706_645_877_887_3),
    (-0.183_434_642_495_649_8, 0.362_683_783_378_362),
    (0.183_434_642_495_649_8, 0.362_683_783_378_362),
    (0.525_532_409_916_329, 0.313_706_645_877_887_3),
    (0.796_666_477_413_626_7, 0.222_381_034_453_374_47),
    (0.960_289_856_497_536_3, 0.101_228_536_290_376_26),
];
/// Panels of the integral in `u` (the square root of the height above the ray's lowest point).
const PANELS: usize = 48;

impl ExponentialAtmosphere {
    /// ITU-R P.453's reference atmosphere over the mean Earth.
    pub const ITU_R_P453: ExponentialAtmosphere = ExponentialAtmosphere {
        n0: 315.0,
        scale_height_m: 7_350.0,
        radius_m: MEAN_RADIUS_M,
    };

    /// The refractive index at height `h_m`.
    pub fn index(&self, h_m: f64) -> f64 {
        1.0 + 1e-6 * self.n0 * (-h_m.max(0.0) / self.scale_height_m).exp()
    }

    /// The effective-Earth factor of the profile's lowest layer: `1 / (1 + R dn/dh)` at the surface (ITU-R
    /// P.834, equation 2), about 1.38 for the reference atmosphere's -42.9 N per km.
    pub fn surface_k(&self) -> f64 {
        1.0 / (1.0 - self.radius_m * 1e-6 * self.n0 / self.scale_height_m)
    }

    /// `n(r) r`, the quantity Bouguer's law keeps, at radius `r_m`.
    fn nr(&self, r_m: f64) -> f64 {
        self.index(r_m - self.radius_m) * r_m
    }

    /// The central angle (radians) a ray sweeps from its lowest point, at radius `r_t_m` where `n r = c`,
    /// up to radius `r_m`.
    fn angle_from_lowest(&self, c: f64, r_t_m: f64, r_m: f64) -> f64 {
        if r_m <= r_t_m {
            return 0.0;
        }
        let top_m = self.radius_m + AIR_TOP_M;
        let r_air = r_m.min(top_m);
        let mut angle = 0.0;
        if r_air > r_t_m {
            let u_max = (r_air - r_t_m).sqrt();
            let f = |u: f64| {
                let x = r_t_m + u * u;
                let nx = self.nr(x);
                // (n x)^2 - c^2 = (n x - c)(n x + c): no cancellation of the two large squares.
                2.0 * u * c / (x * ((nx - c) * (nx + c)).sqrt())
            };
            let width = u_max / PANELS as f64;
            for p in 0..PANELS {
                let mid = (p as f64 + 0.5) * width;
                angle += GL8
                    .iter()
                    .map(|&(t, w)| w * f(mid + 0.5 * width * t))
                    .sum::<f64>()
                    * 0.5
                    * width;
            }
        }
        if r_m > top_m {
            // Vacuum: a straight line, whose central angle from its closest approach `c` is acos(c / r).
            angle += (c / r_m).clamp(-1.0, 1.0).acos() - (c / top_m).clamp(-1.0, 1.0).acos();
        }
        angle
    }

    /// The central angle (radians) from the point where the ray that grazes the surface touches it, up to
    /// height `h_m`: half of a radar horizon.
    pub fn grazing_angle_rad(&self, h_m: f64) -> f64 {
        let c = self.nr(self.radius_m);
        self.angle_from_lowest(c, self.radius_m, self.radius_m + h_m.max(0.0))
    }

    /// The farthest a radar at `radar_h_m` sees a target at `target_h_m` over the refracting atmosphere: the
    /// ray that grazes the surface between them.
    ///
    /// # Units
    /// Heights in metres above the surface, finite and non-negative; the range in metres along the surface.
    pub fn horizon_ground_range_m(
        &self,
        radar_h_m: f64,
        target_h_m: f64,
    ) -> Result<f64, HorizonError> {
        for (what, value_m) in [("radar height", radar_h_m), ("target altitude", target_h_m)] {
            if !(value_m.is_finite() && value_m >= 0.0) {
                return Err(HorizonError::Height { what, value_m });
            }
        }
        Ok(
            self.radius_m
                * (self.grazing_angle_rad(radar_h_m) + self.grazing_angle_rad(target_h_m)),
        )
    }

    /// The straight-line distance between a radar and a target at the horizon, metres: the chord between
    /// the two points (a radar's range is the ray's length, longer by metres at most).
    pub fn horizon_chord_m(&self, radar_h_m: f64, target_h_m: f64) -> Result<f64, HorizonError> {
        let angle = self.horizon_ground_range_m(radar_h_m, target_h_m)? / self.radius_m;
        let (a, b) = (self.radius_m + radar_h_m, self.radius_m + target_h_m);
        Ok((a * a + b * b - 2.0 * a * b * angle.cos()).max(0.0).sqrt())
    }
}
