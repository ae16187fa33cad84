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

use super::ray::ExponentialAtmosphere;
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
    #[error("refraction: give either \"ray\" (the traced atmosphere) or a k, not both")]
    KWithRay,
    #[error("refraction: missing; give \"ray\" (the traced atmosphere) or a k")]
    MissingK,
    #[error("the traced atmosphere is over the mean Earth (radius_m {radius_m} is not 6371000)")]
    TracedRadius { radius_m: f64 },
}

/// The refracting Earth: either a sphere of radius `k * radius_m` with straight rays (constant k), or the
/// ITU-R P.453 atmosphere traced ([`super::ray`]), where each target height sees the Earth through its own
/// equivalent k ([`ExponentialAtmosphere::equivalent_k_itu`]): exact for the horizon, and for the apparent
/// elevation an approximation within [`TRACED_ELEVATION_TOLERANCE_RAD`] of the traced ray.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "EffectiveEarthSpec", into = "EffectiveEarthSpec")]
pub struct EffectiveEarth {
    k: f64,
    radius_m: f64,
    effective_radius_m: f64,
    traced: bool,
}

/// How far the traced model's apparent elevation may be from the ray traced between the same two points:
/// 0.02 degrees (tested in `tests/refraction.rs`), a tenth of a typical search beam's elevation accuracy.
pub const TRACED_ELEVATION_TOLERANCE_RAD: f64 = 0.02 * std::f64::consts::PI / 180.0;

/// The serialized form of [`EffectiveEarth`]: `{"refraction": "ray"}` for the traced atmosphere, `{"k": 1.5}`
/// for a constant k (what files wrote before the traced atmosphere, which they still mean).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EffectiveEarthSpec {
    // Written even when `None`: the worker's wire format (postcard) is not self-describing.
    #[serde(default)]
    pub refraction: Option<RefractionKind>,
    #[serde(default)]
    pub k: Option<f64>,
    #[serde(default = "mean_radius")]
    pub radius_m: f64,
}

/// The refraction model's name in files and on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RefractionKind {
    /// Rays traced through the ITU-R P.453 exponential atmosphere.
    Ray,
    /// A constant effective-Earth factor k.
    K,
}

/// A refraction model as a value: what the page's view, links, files and the command line carry. In JSON
/// `"ray"` or a number, the constant k; in the worker's binary messages an enum.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Refraction {
    /// The ITU-R P.453 atmosphere, traced: the default.
    #[default]
    Ray,
    /// A constant effective-Earth factor, for teaching: 1 (straight rays), 4/3 (the low-altitude rule) or any
    /// k in [`EffectiveEarth::K_MIN`], [`EffectiveEarth::K_MAX`].
    K(f64),
}

impl Refraction {
    /// The Earth this model sees; an error names a k out of range.
    pub fn earth(self) -> Result<EffectiveEarth, HorizonError> {
        match self {
            Refraction::Ray => Ok(EffectiveEarth::traced()),
            Refraction::K(k) => EffectiveEarth::new(k),
        }
    }
}

/// [`Refraction`] in formats that are not self-describing.
#[derive(Serialize, Deserialize)]
enum RefractionWire {
    Ray,
    K(f64),
}

impl Serialize for Refraction {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match (s.is_human_readable(), *self) {
            (true, Refraction::Ray) => s.serialize_str("ray"),
            (true, Refraction::K(k)) => s.serialize_f64(k),
            (false, Refraction::Ray) => RefractionWire::Ray.serialize(s),
            (false, Refraction::K(k)) => RefractionWire::K(k).serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Refraction {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        // A visitor of its own, not an untagged enum: serde's buffering of untagged content weighs
        // kilobytes in the page.
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Refraction;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("\"ray\" or a number k")
            }
            fn visit_str<E: Error>(self, name: &str) -> Result<Refraction, E> {
                if name == "ray" {
                    Ok(Refraction::Ray)
                } else {
                    Err(E::custom(format!(
                        "refraction \"{name}\": expected \"ray\" or a number k"
                    )))
                }
            }
            fn visit_f64<E: Error>(self, k: f64) -> Result<Refraction, E> {
                Ok(Refraction::K(k))
            }
            fn visit_u64<E: Error>(self, k: u64) -> Result<Refraction, E> {
                Ok(Refraction::K(k as f64))
            }
            fn visit_i64<E: Error>(self, k: i64) -> Result<Refraction, E> {
                Ok(Refraction::K(k as f64))
            }
        }
        let refraction = if d.is_human_readable() {
            d.deserialize_any(Text)?
        } else {
            match RefractionWire::deserialize(d)? {
                RefractionWire::Ray => Refraction::Ray,
                RefractionWire::K(k) => Refraction::K(k),
            }
        };
        refraction
            .earth()
            .map_err(|e| D::Error::custom(format!("refraction: {e}")))?;
        Ok(refraction)
    }
}

fn mean_radius() -> f64 {
    MEAN_RADIUS_M
}

impl TryFrom<EffectiveEarthSpec> for EffectiveEarth {
    type Error = HorizonError;
    fn try_from(spec: EffectiveEarthSpec) -> Result<Self, HorizonError> {
        match (spec.refraction, spec.k) {
            (Some(RefractionKind::Ray), None) => {
                if spec.radius_m != MEAN_RADIUS_M {
                    return Err(HorizonError::TracedRadius {
                        radius_m: spec.radius_m,
                    });
                }
                Ok(EffectiveEarth::traced())
            }
            (Some(RefractionKind::Ray), Some(_)) => Err(HorizonError::KWithRay),
            (Some(RefractionKind::K) | None, Some(k)) => {
                EffectiveEarth::with_radius(k, spec.radius_m)
            }
            (Some(RefractionKind::K), None) => Err(HorizonError::MissingK),
            (None, None) => Err(HorizonError::MissingK),
        }
    }
}

impl From<EffectiveEarth> for EffectiveEarthSpec {
    fn from(e: EffectiveEarth) -> Self {
        if e.traced {
            EffectiveEarthSpec {
                refraction: Some(RefractionKind::Ray),
                k: None,
                radius_m: e.radius_m,
            }
        } else {
            EffectiveEarthSpec {
                refraction: None,
                k: Some(e.k),
                radius_m: e.radius_m,
            }
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
    /// The traced atmosphere.
    fn default() -> Self {
        EffectiveEarth::traced()
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
            traced: false,
        })
    }

    /// The ITU-R P.453 exponential atmosphere, traced ([`ExponentialAtmosphere::ITU_R_P453`]). [`Self::k`]
    /// and [`Self::effective_radius_m`] give its surface layer's (k about 1.38).
    pub fn traced() -> EffectiveEarth {
        let k = ExponentialAtmosphere::ITU_R_P453.surface_k();
        EffectiveEarth {
            k,
            radius_m: MEAN_RADIUS_M,
            effective_radius_m: k * MEAN_RADIUS_M,
            traced: true,
        }
    }

    /// Whether rays are traced through the atmosphere (else k is constant).
    pub fn is_traced(&self) -> bool {
        self.traced
    }

    /// The model as a value.
    pub fn refraction(&self) -> Refraction {
        if self.traced {
            Refraction::Ray
        } else {
            Refraction::K(self.k)
        }
    }

    /// The k of the sphere over which a target at `target_h_m` is seen: constant, or the traced
    /// atmosphere's equivalent k for that height.
    pub fn k_at(&self, target_h_m: f64) -> f64 {
        if self.traced {
            ExponentialAtmosphere::equivalent_k_itu(target_h_m)
        } else {
            self.k
        }
    }

    /// The standard atmosphere, `k = 4/3`.
    pub fn standard() -> EffectiveEarth {
        EffectiveEarth {
            k: 4.0 / 3.0,
            radius_m: MEAN_RADIUS_M,
            effective_radius_m: 4.0 / 3.0 * MEAN_RADIUS_M,
            traced: false,
        }
    }

    /// No refraction, `k = 1`.
    pub fn geometric() -> EffectiveEarth {
        EffectiveEarth {
            k: 1.0,
            radius_m: MEAN_RADIUS_M,
            effective_radius_m: MEAN_RADIUS_M,
            traced: false,
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

    /// The straight-line distance from height `h_m` to the point where the grazing ray touches the surface:
    /// `sqrt(2 kR h + h^2)` on the effective sphere; for the traced atmosphere, the chord over the true sphere.
    /// Metres; negative heights count as 0.
    pub fn tangent_range_m(&self, h_m: f64) -> f64 {
        let h = h_m.max(0.0);
        if self.traced {
            let (r, top) = (self.radius_m, self.radius_m + h);
            let angle = self.horizon_true_angle_rad(h);
            (r * r + top * top - 2.0 * r * top * angle.cos())
                .max(0.0)
                .sqrt()
        } else {
            (2.0 * self.effective_radius_m * h + h * h).sqrt()
        }
    }

    /// The central angle (radians, on the effective sphere of constant k) from a point at height `h_m` to its
    /// horizon.
    pub fn horizon_angle_rad(&self, h_m: f64) -> f64 {
        (self.effective_radius_m / (self.effective_radius_m + h_m.max(0.0))).acos()
    }

    /// The central angle at the true Earth's centre (radians) from a point at height `h_m` to where the ray
    /// that grazes the surface touches it: `k` times the effective sphere's angle, or the traced ray's.
    pub fn horizon_true_angle_rad(&self, h_m: f64) -> f64 {
        let h = h_m.max(0.0);
        let k = self.k_at(h);
        let kr = k * self.radius_m;
        k * (kr / (kr + h)).acos()
    }

    /// The farthest a radar at `radar_h_m` sees a target at `target_h_m`.
    ///
    /// # Units
    /// Heights in metres above the surface; both must be finite and non-negative.
    pub fn horizon(&self, radar_h_m: f64, target_h_m: f64) -> Result<Horizon, HorizonError> {
        check_height("radar height", radar_h_m)?;
        check_height("target altitude", target_h_m)?;
        Ok(Horizon {
            slant_range_m: self.tangent_range_m(radar_h_m) + self.tangent_range_m(target_h_m),
            ground_range_m: self.ground_range_m_of_horizon(radar_h_m, target_h_m),
        })
    }

    /// The horizon ground range (metres) for heights that may be negative (counted as 0).
    pub fn ground_range_m_of_horizon(&self, radar_h_m: f64, target_h_m: f64) -> f64 {
        self.radius_m
            * (self.horizon_true_angle_rad(radar_h_m) + self.horizon_true_angle_rad(target_h_m))
    }

    /// By how much (radians of central angle at the Earth's centre) a target at `target_h_m`, `true_angle_rad`
    /// from a radar at `radar_h_m`, is inside the horizon; negative when the Earth masks it. Exact for the
    /// traced atmosphere too.
    pub fn margin_rad(&self, radar_h_m: f64, target_h_m: f64, true_angle_rad: f64) -> f64 {
        self.horizon_true_angle_rad(radar_h_m) + self.horizon_true_angle_rad(target_h_m)
            - true_angle_rad
    }

    /// The line of sight from a radar at `radar_h_m` to a target at `target_h_m` a true central angle
    /// `true_angle_rad` away (the angle at the Earth's centre; ground distance over `R`). For the traced
    /// atmosphere the apparent elevation is the traced ray's (a bisection: for single looks, not loops).
    ///
    /// # Units
    /// Heights in metres, angles in radians.
    pub fn sight(&self, radar_h_m: f64, target_h_m: f64, true_angle_rad: f64) -> Sight {
        let sight = self.sight_with_horizons(
            radar_h_m,
            target_h_m,
            true_angle_rad,
            self.horizon_true_angle_rad(radar_h_m),
            self.horizon_true_angle_rad(target_h_m),
        );
        if !self.traced {
            return sight;
        }
        match ExponentialAtmosphere::ITU_R_P453.apparent_elevation_rad(
            radar_h_m,
            target_h_m,
            true_angle_rad,
        ) {
            Some(el) => {
                let d = sight.rise_m.hypot(sight.run_m);
                Sight {
                    rise_m: d * el.sin(),
                    run_m: d * el.cos(),
                    ..sight
                }
            }
            None => sight,
        }
    }

    /// [`EffectiveEarth::sight`] with the true horizon angles of both heights
    /// ([`EffectiveEarth::horizon_true_angle_rad`]) already known, as the detection loop caches them. For the
    /// traced atmosphere the rise and run are the straight line's: the detection loop tests its elevation
    /// limits by [`ExponentialAtmosphere::reach_itu`] instead.
    pub fn sight_with_horizons(
        &self,
        radar_h_m: f64,
        target_h_m: f64,
        true_angle_rad: f64,
        radar_horizon_true_rad: f64,
        target_horizon_true_rad: f64,
    ) -> Sight {
        let k = if self.traced { 1.0 } else { self.k };
        let kr = k * self.radius_m;
        let theta = true_angle_rad / k;
        let a = kr + radar_h_m;
        let b = kr + target_h_m;
        let (s, c) = theta.sin_cos();
        Sight {
            margin_rad: radar_horizon_true_rad + target_horizon_true_rad - true_angle_rad,
            rise_m: b * c - a,
            run_m: b * s,
        }
    }

    /// The ground distance at which a target at `target_h_m` is seen from `radar_h_m` at apparent elevation
    /// `elevation_rad` (for the traced atmosphere, where the traced ray gets to that height). `None` if no point at that height is seen at that elevation (the target height is below
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
        if self.traced {
            return ExponentialAtmosphere::ITU_R_P453
                .ray_angle_rad(radar_h_m, elevation_rad, target_h_m)
                .map(|angle| angle * self.radius_m);
        }
        let kr = self.k * self.radius_m;
        let a = kr + radar_h_m;
        let b = kr + target_h_m;
        let c = a * elevation_rad.cos() / b;
        if !(-1.0..=1.0).contains(&c) {
            return None;
        }
        let theta = c.acos() - elevation_rad;
        (theta >= 0.0).then_some(theta * kr)
    }

    /// The ground distance at which a target at `target_h_m` is `slant_range_m` from a radar at `radar_h_m`
    /// (in the effective geometry; the straight line over the true Earth for the traced atmosphere).
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
        // The traced ray is longer than the straight line by metres at most: measure the straight line.
        let kr = if self.traced { 1.0 } else { self.k } * self.radius_m;
        let a = kr + radar_h_m;
        let b = kr + target_h_m;
        let c = (a * a + b * b - slant_range_m * slant_range_m) / (2.0 * a * b);
        if c > 1.0 {
            return None;
        }
        Some(c.max(-1.0).acos() * kr)
    }
}

/// Straight rays of the effective Earth drawn over the true one: a ray leaving a radar at radius
/// `a = kR + h_r` with elevation `el` is the line at distance `p = a cos(el)` from the effective sphere's
/// centre; at the central angle `phi = s / (kR)` (ground distance `s`) it is `p / cos(phi + el)` from the
/// centre. Heights and ground distances are kept, so a ray drawn at those heights over the true Earth bends
/// down with it less when `k > 1`: refraction made visible. For the traced atmosphere these are the straight
/// rays of its surface layer's k; [`ExponentialAtmosphere::ray_angle_rad`] traces the ray itself.
impl EffectiveEarth {
    /// The elevation of the ray that grazes the horizon from `radar_h_m` (the dip of the horizon), negative.
    ///
    /// # Units
    /// Metres; radians above the radar's local horizontal.
    pub fn grazing_elevation_rad(&self, radar_h_m: f64) -> f64 {
        if self.traced {
            ExponentialAtmosphere::ITU_R_P453.grazing_elevation_rad(radar_h_m)
        } else {
            -self.horizon_angle_rad(radar_h_m)
        }
    }

    /// The height of a ray from a radar at `radar_h_m` with elevation `elevation_rad` above the surface at
    /// ground distance `ground_m`; `None` once the ray has turned away from the Earth (it never gets there).
    ///
    /// # Units
    /// Metres and radians; elevation above the radar's local horizontal.
    pub fn ray_height_m(&self, radar_h_m: f64, elevation_rad: f64, ground_m: f64) -> Option<f64> {
        if self.traced {
            let path = self.traced_path(radar_h_m, elevation_rad, TRACED_PATH_TOP_M, 400);
            return height_along(&path, ground_m / self.radius_m);
        }
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
        if self.traced {
            // A ray no longer than its slant rises no higher than that.
            let top_m = radar_h_m + slant_m.max(0.0) + 1_000.0;
            let path = self.traced_path(radar_h_m, elevation_rad, top_m, 200);
            return point_along(&path, self.radius_m, slant_m);
        }
        let kr = self.effective_radius_m;
        let a = kr + radar_h_m;
        let x = slant_m * elevation_rad.cos();
        let z = a + slant_m * elevation_rad.sin();
        (kr * x.atan2(z), x.hypot(z) - kr)
    }
}

/// How high the traced rays are followed: past any target the explorer draws.
const TRACED_PATH_TOP_M: f64 = 20_000_000.0;

impl EffectiveEarth {
    /// The traced ray from a radar as (central angle, height) points ([`ExponentialAtmosphere::ray_path`]).
    fn traced_path(
        &self,
        radar_h_m: f64,
        elevation_rad: f64,
        top_m: f64,
        steps: usize,
    ) -> Vec<(f64, f64)> {
        ExponentialAtmosphere::ITU_R_P453.ray_path_in(radar_h_m, elevation_rad, top_m, steps)
    }

    /// The points `slants_m` (ascending) along a ray from a radar at `radar_h_m` with elevation
    /// `elevation_rad`, as (ground distance, height) in metres: [`Self::ray_point_m`] for each, with one trace
    /// for the traced atmosphere.
    pub fn ray_points_m(
        &self,
        radar_h_m: f64,
        elevation_rad: f64,
        slants_m: &[f64],
    ) -> Vec<(f64, f64)> {
        if !self.traced {
            return slants_m
                .iter()
                .map(|&s| self.ray_point_m(radar_h_m, elevation_rad, s))
                .collect();
        }
        let top_m = radar_h_m + slants_m.last().copied().unwrap_or(0.0).max(0.0) + 1_000.0;
        let path = self.traced_path(radar_h_m, elevation_rad, top_m, 1_000);
        points_along(&path, self.radius_m, slants_m)
    }

    /// Points of a ray from a radar at `radar_h_m` with elevation `elevation_rad` out to `max_ground_m`, as
    /// (ground distance, height) in metres: `n` even steps of the straight ray over the effective sphere, or
    /// the traced ray's own points (one trace, not one per point).
    pub fn ray_polyline_m(
        &self,
        radar_h_m: f64,
        elevation_rad: f64,
        max_ground_m: f64,
        n: usize,
    ) -> Vec<(f64, f64)> {
        if self.traced {
            let path = self.traced_path(radar_h_m, elevation_rad, TRACED_PATH_TOP_M, 1_000);
            let mut out = Vec::with_capacity(path.len());
            for w in path.windows(2) {
                let (a, b) = (w[0], w[1]);
                out.push((a.0 * self.radius_m, a.1));
                if b.0 * self.radius_m >= max_ground_m {
                    if let Some(h) = height_along(&[a, b], max_ground_m / self.radius_m) {
                        out.push((max_ground_m, h));
                    }
                    return out;
                }
            }
            if let Some(&(a, h)) = path.last() {
                out.push((a * self.radius_m, h));
            }
            return out;
        }
        let n = n.max(1);
        (0..=n)
            .filter_map(|i| {
                let s = max_ground_m * i as f64 / n as f64;
                self.ray_height_m(radar_h_m, elevation_rad, s)
                    .map(|h| (s, h))
            })
            .collect()
    }
}

/// The height of a path of (central angle, height) points at central angle `angle_rad`, by linear
/// interpolation; `None` outside the path.
fn height_along(path: &[(f64, f64)], angle_rad: f64) -> Option<f64> {
    path.windows(2).find_map(|w| {
        let ((a0, h0), (a1, h1)) = (w[0], w[1]);
        (a0 <= angle_rad && angle_rad <= a1 && a1 > a0)
            .then(|| h0 + (h1 - h0) * (angle_rad - a0) / (a1 - a0))
            .or_else(|| (a0 == angle_rad).then_some(h0))
    })
}

/// The point `slant_m` along a path of (central angle, height) points over a sphere of `radius_m`, as
/// (ground distance, height): the path's length summed over its chords. Past the end, its last point.
fn point_along(path: &[(f64, f64)], radius_m: f64, slant_m: f64) -> (f64, f64) {
    points_along(path, radius_m, &[slant_m])[0]
}

/// [`point_along`] for ascending slants, in one walk along the path.
fn points_along(path: &[(f64, f64)], radius_m: f64, slants_m: &[f64]) -> Vec<(f64, f64)> {
    let xy = |(a, h): (f64, f64)| {
        let r = radius_m + h;
        (r * a.sin(), r * a.cos())
    };
    let last = path
        .last()
        .map(|&(a, h)| (a * radius_m, h))
        .unwrap_or((0.0, 0.0));
    let mut out = Vec::with_capacity(slants_m.len());
    let mut wanted = slants_m.iter().peekable();
    let mut walked = 0.0;
    for w in path.windows(2) {
        let (p, q) = (xy(w[0]), xy(w[1]));
        let step = (q.0 - p.0).hypot(q.1 - p.1);
        while let Some(&&s) = wanted.peek() {
            if walked + step < s || step <= 0.0 {
                break;
            }
            let f = ((s - walked) / step).max(0.0);
            let (a, h) = (
                w[0].0 + f * (w[1].0 - w[0].0),
                w[0].1 + f * (w[1].1 - w[0].1),
            );
            out.push((a * radius_m, h));
            wanted.next();
        }
        walked += step;
    }
    out.extend(wanted.map(|_| last));
    out
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
