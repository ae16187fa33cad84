//! Line of sight over a refracting atmosphere, by the effective-Earth-radius model: rays are straight over a
//! sphere of radius `k R`, with heights and ground distances kept. `k = 4/3` is the standard atmosphere
//! (ITU-R P.834; FS-1037C "effective Earth radius"), `k = 1` the geometric horizon. `R` is the mean Earth radius
//! (6371 km, [`MEAN_RADIUS_M`]) as in `data/reference/radar.md`.
//!
//! The model bends rays by the same amount at every height, while the real atmosphere bends them only in its
//! lowest tens of kilometres: using `k = 4/3` all the way up to a missile at 100 km or more is a convention of the
//! simple model, not physics. The user chooses `k`.
//!
//! Geometry: a radar at height `h_r` and a target at height `h_t`, a ground distance `s` apart, subtend the angle
//! `theta = s / (k R)` at the centre of the effective sphere; `a = kR + h_r`, `b = kR + h_t`.

use crate::earth::MEAN_RADIUS_M;
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq)]
pub enum HorizonError {
    #[error("effective-Earth factor k = {k} must be finite and in [{min}, {max}]", min = EffectiveEarth::K_MIN, max = EffectiveEarth::K_MAX)]
    K { k: f64 },
    #[error("Earth radius {radius_m} m must be finite and positive")]
    Radius { radius_m: f64 },
    #[error("{what} = {value_m} m must be finite and at least 0 m")]
    Height { what: &'static str, value_m: f64 },
}

/// The effective Earth: a sphere of radius `k * radius_m`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "EffectiveEarthSpec", into = "EffectiveEarthSpec")]
pub struct EffectiveEarth {
    k: f64,
    radius_m: f64,
    effective_radius_m: f64,
}

/// The serialized form of [`EffectiveEarth`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EffectiveEarthSpec {
    pub k: f64,
    #[serde(default = "mean_radius")]
    pub radius_m: f64,
}

fn mean_radius() -> f64 {
    MEAN_RADIUS_M
}

impl TryFrom<EffectiveEarthSpec> for EffectiveEarth {
    type Error = HorizonError;
    fn try_from(spec: EffectiveEarthSpec) -> Result<Self, HorizonError> {
        EffectiveEarth::with_radius(spec.k, spec.radius_m)
    }
}

impl From<EffectiveEarth> for EffectiveEarthSpec {
    fn from(e: EffectiveEarth) -> Self {
        EffectiveEarthSpec {
            k: e.k,
            radius_m: e.radius_m,
        }
    }
}

/// Where a radar's line of sight to a target at a given height meets the horizon.
///
/// # Units
/// Metres. `slant_range_m` is the straight line from radar to target (`d(h_r) + d(h_t)`), `ground_range_m` the
/// distance along the Earth's surface between the points under them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Horizon {
    pub slant_range_m: f64,
    pub ground_range_m: f64,
}

/// The line of sight from a radar to a target in the effective-Earth geometry.
///
/// # Units
/// `margin_rad`: the central angle (radians) by which the target is inside the horizon (negative: masked by
/// the Earth). `rise_m` and `run_m`: the line of sight's components (metres, in the effective geometry) along the
/// radar's local vertical and horizontal, so that the apparent elevation is `atan2(rise_m, run_m)` (see
/// [`Sight::elevation_rad`]); the detection loop compares them with the elevation limits without the arctangent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sight {
    pub margin_rad: f64,
    pub rise_m: f64,
    pub run_m: f64,
}

impl Sight {
    /// The apparent elevation above the radar's local horizontal, radians (negative below it).
    pub fn elevation_rad(&self) -> f64 {
        self.rise_m.atan2(self.run_m)
    }

    /// Whether the Earth leaves the line of sight clear (the target is on or above the horizon).
    pub fn clear(&self) -> bool {
        self.margin_rad >= 0.0
    }
}

impl Default for EffectiveEarth {
    fn default() -> Self {
        EffectiveEarth::standard()
    }
}

impl EffectiveEarth {
    /// Smallest accepted `k` (strong sub-refraction).
    pub const K_MIN: f64 = 0.1;
    /// Largest accepted `k` (near-ducting: the Earth looks almost flat).
    pub const K_MAX: f64 = 1000.0;

    /// `k` times the mean Earth radius. `k` in [0.1, 1000].
    pub fn new(k: f64) -> Result<EffectiveEarth, HorizonError> {
        EffectiveEarth::with_radius(k, MEAN_RADIUS_M)
    }

    /// `k` times a given Earth radius in metres.
    pub fn with_radius(k: f64, radius_m: f64) -> Result<EffectiveEarth, HorizonError> {
        if !(k.is_finite() && (Self::K_MIN..=Self::K_MAX).contains(&k)) {
            return Err(HorizonError::K { k });
        }
        if !(radius_m.is_finite() && radius_m > 0.0) {
            return Err(HorizonError::Radius { radius_m });
        }
        Ok(EffectiveEarth {
            k,
            radius_m,
            effective_radius_m: k * radius_m,
        })
    }

    /// The standard atmosphere, `k = 4/3`.
    pub fn standard() -> EffectiveEarth {
        EffectiveEarth {
            k: 4.0 / 3.0,
            radius_m: MEAN_RADIUS_M,
            effective_radius_m: 4.0 / 3.0 * MEAN_RADIUS_M,
        }
    }

    /// No refraction, `k = 1`.
    pub fn geometric() -> EffectiveEarth {
        EffectiveEarth {
            k: 1.0,
            radius_m: MEAN_RADIUS_M,
            effective_radius_m: MEAN_RADIUS_M,
        }
    }

    pub fn k(&self) -> f64 {
        self.k
    }

    /// The true Earth radius of the model, metres.
    pub fn radius_m(&self) -> f64 {
        self.radius_m
    }

    /// `k R`, metres.
    pub fn effective_radius_m(&self) -> f64 {
        self.effective_radius_m
    }

    /// The tangent length from height `h_m` to the effective sphere: `sqrt(2 kR h + h^2)`, metres. Negative
    /// heights count as 0.
    pub fn tangent_range_m(&self, h_m: f64) -> f64 {
        let h = h_m.max(0.0);
        (2.0 * self.effective_radius_m * h + h * h).sqrt()
    }

    /// The central angle (radians, on the effective sphere) from a point at height `h_m` to its horizon.
    pub fn horizon_angle_rad(&self, h_m: f64) -> f64 {
        (self.effective_radius_m / (self.effective_radius_m + h_m.max(0.0))).acos()
    }

    /// The farthest a radar at `radar_h_m` sees a target at `target_h_m`.
    ///
    /// # Units
    /// Heights in metres above the surface; both must be finite and non-negative.
    pub fn horizon(&self, radar_h_m: f64, target_h_m: f64) -> Result<Horizon, HorizonError> {
        check_height("radar height", radar_h_m)?;
        check_height("target altitude", target_h_m)?;
        let angle = self.horizon_angle_rad(radar_h_m) + self.horizon_angle_rad(target_h_m);
        Ok(Horizon {
            slant_range_m: self.tangent_range_m(radar_h_m) + self.tangent_range_m(target_h_m),
            ground_range_m: self.effective_radius_m * angle,
        })
    }

    /// The horizon ground range (metres) for heights that may be negative (counted as 0).
    pub fn ground_range_m_of_horizon(&self, radar_h_m: f64, target_h_m: f64) -> f64 {
        self.effective_radius_m
            * (self.horizon_angle_rad(radar_h_m) + self.horizon_angle_rad(target_h_m))
    }

    /// The effective-sphere central angle for a true ground distance, radians.
    pub fn central_angle_rad(&self, ground_range_m: f64) -> f64 {
        ground_range_m / self.effective_radius_m
    }

    /// The line of sight from a radar at `radar_h_m` to a target at `target_h_m` a true central angle
    /// `true_angle_rad` away (the angle at the Earth's centre; ground distance over `R`).
    ///
    /// # Units
    /// Heights in metres, angles in radians.
    pub fn sight(&self, radar_h_m: f64, target_h_m: f64, true_angle_rad: f64) -> Sight {
        let radar_horizon_rad = self.horizon_angle_rad(radar_h_m);
        let target_horizon_rad = self.horizon_angle_rad(target_h_m);
        self.sight_with_horizons(
            radar_h_m,
            target_h_m,
            true_angle_rad,
            radar_horizon_rad,
            target_horizon_rad,
        )
    }

    /// [`EffectiveEarth::sight`] with the horizon angles of both heights
    /// ([`EffectiveEarth::horizon_angle_rad`]) already known, as the detection loop caches them.
    pub fn sight_with_horizons(
        &self,
        radar_h_m: f64,
        target_h_m: f64,
        true_angle_rad: f64,
        radar_horizon_rad: f64,
        target_horizon_rad: f64,
    ) -> Sight {
        let theta = true_angle_rad / self.k;
        let a = self.effective_radius_m + radar_h_m;
        let b = self.effective_radius_m + target_h_m;
        let (s, c) = theta.sin_cos();
        Sight {
            margin_rad: radar_horizon_rad + target_horizon_rad - theta,
            rise_m: b * c - a,
            run_m: b * s,
        }
    }

    /// The ground distance at which a target at `target_h_m` is seen from `radar_h_m` at apparent elevation
    /// `elevation_rad`. `None` if no point at that height is seen at that elevation (the target height is below
    /// the radar and the elevation too high).
    ///
    /// # Units
    /// Heights and the result in metres, the elevation in radians.
    pub fn ground_range_at_elevation_m(
        &self,
        radar_h_m: f64,
        target_h_m: f64,
        elevation_rad: f64,
    ) -> Option<f64> {
        let a = self.effective_radius_m + radar_h_m;
        let b = self.effective_radius_m + target_h_m;
        let c = a * elevation_rad.cos() / b;
        if !(-1.0..=1.0).contains(&c) {
            return None;
        }
        let theta = c.acos() - elevation_rad;
        (theta >= 0.0).then_some(theta * self.effective_radius_m)
    }

    /// The ground distance at which a target at `target_h_m` is `slant_range_m` from a radar at `radar_h_m`.
    /// `None` if the slant range is shorter than the height difference.
    ///
    /// # Units
    /// Metres.
    pub fn ground_range_at_slant_m(
        &self,
        radar_h_m: f64,
        target_h_m: f64,
        slant_range_m: f64,
    ) -> Option<f64> {
        let a = self.effective_radius_m + radar_h_m;
        let b = self.effective_radius_m + target_h_m;
        let c = (a * a + b * b - slant_range_m * slant_range_m) / (2.0 * a * b);
        if c > 1.0 {
            return None;
        }
        Some(c.max(-1.0).acos() * self.effective_radius_m)
    }
}

/// Straight rays of the effective Earth drawn over the true one: a ray leaving a radar at radius
/// `a = kR + h_r` with elevation `el` is the line at distance `p = a cos(el)` from the effective sphere's
/// centre; at the central angle `phi = s / (kR)` (ground distance `s`) it is `p / cos(phi + el)` from the
/// centre. Heights and ground distances are kept, so a ray drawn at those heights over the true Earth bends
/// down with it less when `k > 1`: refraction made visible.
impl EffectiveEarth {
    /// The elevation of the ray that grazes the horizon from `radar_h_m` (the dip of the horizon), negative.
    ///
    /// # Units
    /// Metres; radians above the radar's local horizontal.
    pub fn grazing_elevation_rad(&self, radar_h_m: f64) -> f64 {
        -self.horizon_angle_rad(radar_h_m)
    }

    /// The height of a ray from a radar at `radar_h_m` with elevation `elevation_rad` above the surface at
    /// ground distance `ground_m`; `None` once the ray has turned away from the Earth (it never gets there).
    ///
    /// # Units
    /// Metres and radians; elevation above the radar's local horizontal.
    pub fn ray_height_m(&self, radar_h_m: f64, elevation_rad: f64, ground_m: f64) -> Option<f64> {
        let kr = self.effective_radius_m;
        let phi = ground_m / kr;
        let c = (phi + elevation_rad).cos();
        if phi + elevation_rad >= std::f64::consts::FRAC_PI_2 || c <= 0.0 {
            return None;
        }
        Some((kr + radar_h_m) * elevation_rad.cos() / c - kr)
    }

    /// The point `slant_m` along a ray from a radar at `radar_h_m` with elevation `elevation_rad`, as
    /// (ground distance, height above the surface).
    ///
    /// # Units
    /// Metres and radians; elevation above the radar's local horizontal.
    pub fn ray_point_m(&self, radar_h_m: f64, elevation_rad: f64, slant_m: f64) -> (f64, f64) {
        let kr = self.effective_radius_m;
        let a = kr + radar_h_m;
        let x = slant_m * elevation_rad.cos();
        let z = a + slant_m * elevation_rad.sin();
        (kr * x.atan2(z), x.hypot(z) - kr)
    }
}

fn check_height(what: &'static str, value_m: f64) -> Result<(), HorizonError> {
    if value_m.is_finite() && value_m >= 0.0 {
        Ok(())
    } else {
        Err(HorizonError::Height { what, value_m })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_at_the_horizon_has_zero_margin() {
        let e = EffectiveEarth::standard();
        let h = e.horizon(30.0, 50_000.0).unwrap();
        let sight = e.sight(30.0, 50_000.0, h.ground_range_m / e.radius_m());
        assert!(sight.margin_rad.abs() < 1e-12);
        // At the horizon the apparent elevation is the dip of the radar's horizon.
        let dip = -e.horizon_angle_rad(30.0);
        assert!((sight.elevation_rad() - dip).abs() < 1e-9);
    }

    #[test]
    fn overhead_is_ninety_degrees() {
        let e = EffectiveEarth::standard();
        let s = e.sight(10.0, 100_000.0, 0.0);
        assert!((s.elevation_rad() - std::f64::consts::FRAC_PI_2).abs() < 1e-12);
    }

    #[test]
    fn elevation_and_slant_inversions_agree_with_sight() {
        let e = EffectiveEarth::new(1.2).unwrap();
        let (hr, ht) = (100.0, 80_000.0);
        let s_m = 600_000.0;
        let sight = e.sight(hr, ht, s_m / e.radius_m());
        let back = e
            .ground_range_at_elevation_m(hr, ht, sight.elevation_rad())
            .unwrap();
        assert!((back - s_m).abs() < 1e-3, "{back}");
        let a = e.effective_radius_m() + hr;
        let b = e.effective_radius_m() + ht;
        let th = s_m / e.effective_radius_m();
        let slant = (a * a + b * b - 2.0 * a * b * th.cos()).sqrt();
        let back = e.ground_range_at_slant_m(hr, ht, slant).unwrap();
        assert!((back - s_m).abs() < 1e-3, "{back}");
    }

    #[test]
    fn a_level_ray_over_the_geometric_earth_rises_by_the_sagitta() {
        // From the ground at k = 1, 100 km out the level ray is R (1/cos(100/6371) - 1) = 784.89 m up
        // (s^2 / 2R = 784.81 m); at the radar it is at the radar's height.
        let e = EffectiveEarth::geometric();
        let h = e.ray_height_m(0.0, 0.0, 100_000.0).unwrap();
        assert!((h - 784.887).abs() < 0.001, "{h}");
        assert!((e.ray_height_m(30.0, 0.2, 0.0).unwrap() - 30.0).abs() < 1e-9);
        // Along the ray: 100 km of level slant from the ground reaches sqrt(R^2 + s^2) - R = 784.76 m up,
        // R atan(s / R) = 99.9918 km out.
        let (s, h) = e.ray_point_m(0.0, 0.0, 100_000.0);
        assert!(
            (h - 784.758).abs() < 0.001 && (s - 99_991.789).abs() < 0.001,
            "{s} {h}"
        );
    }

    #[test]
    fn the_grazing_ray_touches_the_ground_at_the_horizon_and_meets_each_height_at_its_horizon_range(
    ) {
        for k in [1.0, 4.0 / 3.0, 2.5] {
            let e = EffectiveEarth::new(k).unwrap();
            for hr in [0.0, 30.0, 680.0, 3000.0] {
                let el = e.grazing_elevation_rad(hr);
                let to_ground = e.horizon(hr, 0.0).unwrap().ground_range_m;
                let h0 = e.ray_height_m(hr, el, to_ground).unwrap();
                assert!(h0.abs() < 1e-6, "k {k} hr {hr}: {h0}");
                for ht in [1_000.0, 100_000.0, 900_000.0] {
                    let s = e.horizon(hr, ht).unwrap().ground_range_m;
                    let h = e.ray_height_m(hr, el, s).unwrap();
                    assert!((h - ht).abs() < 1e-3, "k {k} hr {hr} ht {ht}: {h}");
                    // The line of sight agrees: just beyond is masked, just inside clear.
                    assert!(e.sight(hr, ht, (s - 10.0) / e.radius_m()).clear());
                    assert!(!e.sight(hr, ht, (s + 10.0) / e.radius_m()).clear());
                }
            }
        }
    }

    #[test]
    fn ray_points_agree_with_the_inversions() {
        let e = EffectiveEarth::new(4.0 / 3.0).unwrap();
        let (hr, el) = (150.0, 3f64.to_radians());
        let (s, h) = e.ray_point_m(hr, el, 800_000.0);
        let back = e.ground_range_at_elevation_m(hr, h, el).unwrap();
        assert!((back - s).abs() < 1e-3, "{back} {s}");
        let back = e.ground_range_at_slant_m(hr, h, 800_000.0).unwrap();
        assert!((back - s).abs() < 1e-3, "{back} {s}");
        assert!((e.ray_height_m(hr, el, s).unwrap() - h).abs() < 1e-3);
    }

    #[test]
    fn refraction_lowers_the_horizon_ray_far_out() {
        // At 800 km from a 30 m radar the grazing ray is lower with k = 4/3 than k = 1: more is seen.
        let ray = |k: f64| {
            let e = EffectiveEarth::new(k).unwrap();
            e.ray_height_m(30.0, e.grazing_elevation_rad(30.0), 800_000.0)
                .unwrap()
        };
        assert!(ray(4.0 / 3.0) < ray(1.0));
        let e = EffectiveEarth::standard();
        assert!(e.ray_height_m(30.0, 1.4, 3.0e6).is_none(), "turned away");
    }

    #[test]
    fn rejects_bad_values() {
        assert!(EffectiveEarth::new(0.0).is_err());
        assert!(EffectiveEarth::new(f64::NAN).is_err());
        assert!(EffectiveEarth::standard().horizon(-1.0, 10.0).is_err());
        assert!(serde_json::from_str::<EffectiveEarth>(r#"{"k": -2}"#).is_err());
        let e: EffectiveEarth = serde_json::from_str(r#"{"k": 1.5}"#).unwrap();
        assert_eq!(e.radius_m(), MEAN_RADIUS_M);
    }
}
