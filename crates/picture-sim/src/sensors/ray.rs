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
use std::sync::{Mutex, OnceLock};

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

    /// The integrand of [`Self::angle_from_lowest`] in `u`, the square root of the radius above the lowest
    /// point `r_t_m`.
    fn integrand(&self, c: f64, r_t_m: f64, u: f64) -> f64 {
        let x = r_t_m + u * u;
        let nx = self.nr(x);
        // (n x)^2 - c^2 = (n x - c)(n x + c): no cancellation of the two large squares. Near the lowest
        // point n x - c is d(n r)/dr u^2, and d(n r)/dr is at least 1 - R N0 1e-6 / h0 = 0.727: the floor
        // keeps rounding in c (millimetres of radius) from making the gap vanish.
        let gap = (nx - c).max(0.7 * u * u);
        2.0 * u * c / (x * (gap * (nx + c)).sqrt())
    }

    /// The central angle a ray sweeps from radius `r0_m` to `r1_m` (both above its lowest point `r_t_m`), for a
    /// short step: one eight-point panel in the air, the straight line's closed form above it.
    fn step_angle(&self, c: f64, r_t_m: f64, r0_m: f64, r1_m: f64) -> f64 {
        let top_m = self.radius_m + AIR_TOP_M;
        let mut angle = 0.0;
        if r0_m < top_m {
            let (u0, u1) = ((r0_m - r_t_m).sqrt(), (r1_m.min(top_m) - r_t_m).sqrt());
            let (mid, half) = (0.5 * (u0 + u1), 0.5 * (u1 - u0));
            angle += half
                * GL8
                    .iter()
                    .map(|&(t, w)| w * self.integrand(c, r_t_m, mid + half * t))
                    .sum::<f64>();
        }
        if r1_m > top_m {
            angle +=
                (c / r1_m).clamp(-1.0, 1.0).acos() - (c / r0_m.max(top_m)).clamp(-1.0, 1.0).acos();
        }
        angle
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
            let f = |u: f64| self.integrand(c, r_t_m, u);
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

    /// Where a ray leaving `radar_h_m` at `elevation_rad` starts and what it keeps: the radar's radius, Bouguer's
    /// constant `n r cos e`, whether it rises, and the radius of its lowest point (the radar's for a rising ray;
    /// below the surface, a virtual one, for a steep ray).
    fn ray_start(&self, radar_h_m: f64, elevation_rad: f64) -> RayStart {
        let r_r = self.radius_m + radar_h_m.max(0.0);
        let c = self.nr(r_r) * elevation_rad.cos();
        let rising = elevation_rad >= 0.0;
        let lowest = if elevation_rad == 0.0 {
            r_r
        } else if rising {
            self.lowest_radius_m(c).min(r_r)
        } else {
            self.lowest_radius_m(c)
        };
        RayStart {
            r_r,
            c,
            rising,
            lowest,
        }
    }

    /// The radius of a ray's lowest point: where `n(r) r = c`. Newton's method: `n r` grows with `r` (its
    /// derivative `n + r dn/dr` is at least `1 - R N0 1e-6 / h0`, 0.73 here), so it converges in a few steps.
    fn lowest_radius_m(&self, c: f64) -> f64 {
        let mut r = c;
        for _ in 0..50 {
            let h = (r - self.radius_m).max(0.0);
            let dn = -1e-6 * self.n0 / self.scale_height_m * (-h / self.scale_height_m).exp();
            let step = (self.nr(r) - c) / (self.index(h) + r * dn);
            r -= step;
            if step.abs() < 1e-9 {
                break;
            }
        }
        r
    }

    /// The central angle (radians) from a radar at `radar_h_m` to where its ray leaving at apparent elevation
    /// `elevation_rad` reaches height `target_h_m` on its way up; `None` if the ray meets the ground first or
    /// never gets there (a downward ray to a height below the radar is taken on its rising branch, after its
    /// lowest point).
    ///
    /// # Units
    /// Heights in metres above the surface, the elevation in radians above the radar's local horizontal.
    pub fn ray_angle_rad(
        &self,
        radar_h_m: f64,
        elevation_rad: f64,
        target_h_m: f64,
    ) -> Option<f64> {
        let (r_r, r_t) = (self.radius_m + radar_h_m, self.radius_m + target_h_m);
        let c = self.nr(r_r) * elevation_rad.cos();
        if elevation_rad >= 0.0 {
            if r_t < r_r {
                return None;
            }
            let lowest = if elevation_rad == 0.0 {
                r_r
            } else {
                self.lowest_radius_m(c).min(r_r)
            };
            return Some(
                self.angle_from_lowest(c, lowest, r_t) - self.angle_from_lowest(c, lowest, r_r),
            );
        }
        let lowest = self.lowest_radius_m(c);
        if lowest < self.radius_m || r_t < lowest {
            return None;
        }
        Some(self.angle_from_lowest(c, lowest, r_r) + self.angle_from_lowest(c, lowest, r_t))
    }

    /// The apparent elevation (radians) at which a radar at `radar_h_m` sees a target at `target_h_m` a central
    /// angle `angle_rad` away: the elevation whose ray gets there, by bisection (the ray's angle to a height
    /// falls as its elevation rises). `None` when the target is below the horizon or below the radar.
    pub fn apparent_elevation_rad(
        &self,
        radar_h_m: f64,
        target_h_m: f64,
        angle_rad: f64,
    ) -> Option<f64> {
        let (mut lo, mut hi) = (
            self.grazing_elevation_rad(radar_h_m),
            std::f64::consts::FRAC_PI_2,
        );
        let reach = |e: f64| self.ray_angle_rad(radar_h_m, e, target_h_m);
        let widest = reach(lo)?;
        if widest.is_nan() || widest < angle_rad {
            return None;
        }
        for _ in 0..60 {
            let mid = 0.5 * (lo + hi);
            match reach(mid) {
                Some(a) if a > angle_rad => lo = mid,
                _ => hi = mid,
            }
        }
        Some(0.5 * (lo + hi))
    }

    /// The ray leaving a radar at `radar_h_m` at apparent elevation `elevation_rad`, as (central angle
    /// radians, height metres) points from the radar until it passes `max_h_m`: a downward ray first falls to
    /// its lowest point (and ends there if that is in the ground), then rises: 1,250 points at most, fine
    /// where the ray is nearly level (about 100 microseconds).
    pub fn ray_path(&self, radar_h_m: f64, elevation_rad: f64, max_h_m: f64) -> Vec<(f64, f64)> {
        self.ray_path_in(radar_h_m, elevation_rad, max_h_m, 1_000)
    }

    /// [`Self::ray_path`] in `steps` rising steps (and a quarter of that falling): fewer for a single point.
    pub fn ray_path_in(
        &self,
        radar_h_m: f64,
        elevation_rad: f64,
        max_h_m: f64,
        steps: usize,
    ) -> Vec<(f64, f64)> {
        let steps = steps.max(8);
        let RayStart {
            r_r,
            c,
            rising,
            lowest,
        } = self.ray_start(radar_h_m, elevation_rad);
        let r_max = (self.radius_m + max_h_m).max(r_r);
        let mut path = vec![(0.0, r_r - self.radius_m)];
        let mut to_radar = 0.0;
        if !rising {
            // Down to the lowest point, or to the ground: the angles from the lowest point up to the radar,
            // summed step by step, then walked from the radar down.
            let floor = lowest.max(self.radius_m);
            let (u_f, u_r) = ((floor - lowest).sqrt(), (r_r - lowest).sqrt());
            let falling = steps / 4;
            let mut up = Vec::with_capacity(falling + 1);
            let (mut r0, mut a0) = (floor, self.angle_from_lowest(c, lowest, floor));
            up.push((a0, floor));
            for i in 1..=falling {
                let u = u_f + (u_r - u_f) * i as f64 / falling as f64;
                let r = lowest + u * u;
                a0 += self.step_angle(c, lowest, r0, r);
                r0 = r;
                up.push((a0, r));
            }
            to_radar = a0;
            path.extend(
                up.iter()
                    .rev()
                    .skip(1)
                    .map(|&(a, r)| (to_radar - a, r - self.radius_m)),
            );
            if lowest < self.radius_m {
                return path;
            }
        }
        let u_start = if rising { (r_r - lowest).sqrt() } else { 0.0 };
        let u_end = (r_max - lowest).sqrt();
        let (mut r0, mut a0) = (lowest + u_start * u_start, 0.0);
        for i in 1..=steps {
            // Squared steps in u: heights grow as the fourth power of the step, a few per cent apart from
            // a kilometre up to the top, where the ray is straight.
            let f = i as f64 / steps as f64;
            let u = u_start + (u_end - u_start) * f * f;
            let r = lowest + u * u;
            a0 += self.step_angle(c, lowest, r0, r);
            r0 = r;
            let angle = if rising { a0 } else { to_radar + a0 };
            path.push((angle, r - self.radius_m));
        }
        path
    }

    /// The apparent elevation (radians) of the ray leaving a radar at `radar_h_m` that grazes the surface:
    /// Bouguer's law with `cos(e) = n(0) R / (n(h_r) (R + h_r))`.
    pub fn grazing_elevation_rad(&self, radar_h_m: f64) -> f64 {
        let r_r = self.radius_m + radar_h_m.max(0.0);
        -(self.nr(self.radius_m) / self.nr(r_r)).min(1.0).acos()
    }

    /// The constant-k Earth whose horizon for a target at `h_m`, seen from the ground, is the traced one:
    /// the `k` with `k R acos(k R / (k R + h)) = R phi(h)`, `phi` the grazing ray's central angle. It runs from
    /// the surface's k (about 1.38) near the ground towards 1 high up, where the rays no longer bend.
    /// By bisection; [`ExponentialAtmosphere::equivalent_k_itu`] interpolates a table of it.
    pub fn equivalent_k(&self, h_m: f64) -> f64 {
        let h = h_m.max(1e-3);
        self.k_for_horizon(h, self.grazing_angle_rad(h))
    }

    /// The `k` whose horizon from the ground at height `h_m` is the central angle `target`.
    fn k_for_horizon(&self, h: f64, target: f64) -> f64 {
        let angle = |k: f64| k * (k * self.radius_m / (k * self.radius_m + h)).acos();
        let (mut lo, mut hi) = (0.9, self.surface_k() + 0.1);
        for _ in 0..64 {
            let mid = 0.5 * (lo + hi);
            if angle(mid) < target {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        0.5 * (lo + hi)
    }

    /// [`ExponentialAtmosphere::equivalent_k`] of the ITU-R P.453 atmosphere, interpolated linearly in the
    /// logarithm of the height from a table of [`K_TABLE_NODES`] heights from 1 m to 100,000 km (built once,
    /// a millisecond): what the detection loop calls for every look.
    pub fn equivalent_k_itu(h_m: f64) -> f64 {
        let table = K_TABLE.get_or_init(|| {
            let atm = ExponentialAtmosphere::ITU_R_P453;
            // The grazing ray from the ground, traced once through every height of the table.
            let grazing = atm.reach(0.0, 0.0);
            (0..K_TABLE_NODES)
                .map(|i| {
                    let h = k_table_height_m(i as f64);
                    atm.k_for_horizon(h, grazing.angles_rad[i])
                })
                .collect()
        });
        interpolate(table, h_m)
    }
}

/// Where the ray leaving a radar at a fixed apparent elevation reaches each height: the central angle to it,
/// at the heights of the equivalent-k table. A target at a height is seen at or above that elevation when it
/// is no farther than the ray's reach at its height: the detection loop's elevation limits, without tracing.
#[derive(Debug, PartialEq)]
pub struct Reach {
    angles_rad: Vec<f64>,
}

impl Reach {
    /// Whether a target at `target_h_m`, a central angle `angle_rad` away, is seen at or above the ray's
    /// elevation. Heights the ray does not reach (below the radar, for a rising ray) are below it.
    pub fn at_or_above(&self, target_h_m: f64, angle_rad: f64) -> bool {
        let reach = interpolate(&self.angles_rad, target_h_m);
        reach.is_finite() && angle_rad <= reach
    }

    /// The ray's central angle to `target_h_m`, interpolated; NaN where it does not get there.
    pub fn angle_rad(&self, target_h_m: f64) -> f64 {
        interpolate(&self.angles_rad, target_h_m)
    }
}

impl ExponentialAtmosphere {
    /// The reach of the ray leaving `radar_h_m` at `elevation_rad`, at every height of the table: the first
    /// step by the full quadrature, the others one panel each (the steps are 3 % in height: 5,100 evaluations
    /// in all, about 100 microseconds).
    pub fn reach(&self, radar_h_m: f64, elevation_rad: f64) -> Reach {
        let RayStart {
            r_r,
            c,
            rising,
            lowest,
        } = self.ray_start(radar_h_m, elevation_rad);
        let to_radar = self.angle_from_lowest(c, lowest, r_r);
        let mut angles_rad = vec![f64::NAN; K_TABLE_NODES];
        if lowest < self.radius_m && !rising {
            return Reach { angles_rad };
        }
        let mut previous: Option<(f64, f64)> = None;
        for (i, slot) in angles_rad.iter_mut().enumerate() {
            let r = self.radius_m + k_table_height_m(i as f64);
            if r < lowest || (rising && r < r_r) {
                continue;
            }
            let from_lowest = match previous {
                None => self.angle_from_lowest(c, lowest, r),
                Some((r0, a0)) => a0 + self.step_angle(c, lowest, r0, r),
            };
            previous = Some((r, from_lowest));
            *slot = if rising {
                from_lowest - to_radar
            } else {
                from_lowest + to_radar
            };
        }
        Reach { angles_rad }
    }

    /// [`Self::reach`] in the ITU-R P.453 atmosphere, kept for each radar height and elevation asked (the
    /// sensors of a scenario have a handful); `None` when the elevation is at or below the ray that grazes
    /// the surface, so that every target above the horizon is above it too.
    pub fn reach_itu(radar_h_m: f64, elevation_rad: f64) -> Option<&'static Reach> {
        let atm = ExponentialAtmosphere::ITU_R_P453;
        if elevation_rad <= atm.grazing_elevation_rad(radar_h_m) {
            return None;
        }
        let key = (radar_h_m.to_bits(), elevation_rad.to_bits());
        let mut cache = REACHES
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // A list, not a map: a scenario's radars have a few dozen heights and limits between them.
        if let Some((_, reach)) = cache.iter().find(|(k, _)| *k == key) {
            return Some(reach);
        }
        let reach: &'static Reach = Box::leak(Box::new(atm.reach(radar_h_m, elevation_rad)));
        // Bounded: a study varies ship positions, not heights.
        if cache.len() < REACH_CACHE_MAX {
            cache.push((key, reach));
        }
        Some(reach)
    }
}

/// At most this many reaches are kept (about 5 kB each).
const REACH_CACHE_MAX: usize = 256;
type ReachCache = Mutex<Vec<((u64, u64), &'static Reach)>>;
static REACHES: ReachCache = Mutex::new(Vec::new());

/// Linear interpolation in the logarithm of the height over the table's nodes.
fn interpolate(table: &[f64], h_m: f64) -> f64 {
    let x = (h_m.max(K_TABLE_LOW_M).ln() - K_TABLE_LOW_M.ln())
        / (K_TABLE_HIGH_M.ln() - K_TABLE_LOW_M.ln())
        * (K_TABLE_NODES - 1) as f64;
    if x >= (K_TABLE_NODES - 1) as f64 {
        return table[K_TABLE_NODES - 1];
    }
    let i = x.floor() as usize;
    let f = x - i as f64;
    table[i] + f * (table[i + 1] - table[i])
}

/// A ray's start: see [`ExponentialAtmosphere::ray_start`].
struct RayStart {
    r_r: f64,
    c: f64,
    rising: bool,
    lowest: f64,
}

/// Heights of the equivalent-k table: logarithmically spaced from 1 m to 100,000 km.
pub const K_TABLE_NODES: usize = 641;
const K_TABLE_LOW_M: f64 = 1.0;
const K_TABLE_HIGH_M: f64 = 1e8;
static K_TABLE: OnceLock<Vec<f64>> = OnceLock::new();

fn k_table_height_m(node: f64) -> f64 {
    (K_TABLE_LOW_M.ln()
        + node / (K_TABLE_NODES - 1) as f64 * (K_TABLE_HIGH_M.ln() - K_TABLE_LOW_M.ln()))
    .exp()
}
