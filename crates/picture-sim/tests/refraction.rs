//! The ray trace through ITU-R P.453's exponential atmosphere (`sensors::ray`), checked against an independent
//! method and against the limits the physics fixes:
//! - the ray equation integrated step by step in the plane of the ray (Born and Wolf, 3.2.1:
//!   `d/ds (n dr/ds) = grad n`), by fourth-order Runge-Kutta with no use of Bouguer's law;
//! - near the ground, the constant-k model with the profile's own surface gradient (ITU-R P.834), and k = 4/3;
//! - high up, where the air no longer bends the ray: between the geometric horizon and one bent at every
//!   height as at the ground, nearer the geometric the higher the target.

use picture_sim::earth::MEAN_RADIUS_M;
use picture_sim::sensors::{EffectiveEarth, ExponentialAtmosphere};

const ATM: ExponentialAtmosphere = ExponentialAtmosphere::ITU_R_P453;

/// The central angle at which the ray that grazes the surface reaches `h_m`, by integrating the ray equation
/// from the grazing point with steps of `ds_m` (linear interpolation at the crossing).
fn grazing_angle_by_ode(h_m: f64, ds_m: f64) -> f64 {
    angle_by_ode(0.0, 0.0, h_m, ds_m)
}

/// The central angle at which the ray leaving height `hr_m` at elevation `el_rad` reaches `h_m` on its way up.
fn angle_by_ode(hr_m: f64, el_rad: f64, h_m: f64, ds_m: f64) -> f64 {
    let dn_dh =
        |h: f64| -ATM.n0 * 1e-6 / ATM.scale_height_m * (-h.max(0.0) / ATM.scale_height_m).exp();
    // State: position (x, y) from the Earth's centre, and the unit tangent (tx, ty).
    let deriv = |s: [f64; 4]| -> [f64; 4] {
        let r = s[0].hypot(s[1]);
        let n = ATM.index(r - MEAN_RADIUS_M);
        let g = dn_dh(r - MEAN_RADIUS_M);
        let (gx, gy) = (g * s[0] / r, g * s[1] / r);
        let along = gx * s[2] + gy * s[3];
        // The tangent turns towards the gradient's part across the ray: dt/ds = (grad n - (grad n . t) t) / n.
        [s[2], s[3], (gx - along * s[2]) / n, (gy - along * s[3]) / n]
    };
    let mut s = [0.0, MEAN_RADIUS_M + hr_m, el_rad.cos(), el_rad.sin()];
    let mut rising = el_rad >= 0.0;
    loop {
        let k1 = deriv(s);
        let add = |a: [f64; 4], k: [f64; 4], f: f64| {
            [
                a[0] + f * k[0],
                a[1] + f * k[1],
                a[2] + f * k[2],
                a[3] + f * k[3],
            ]
        };
        let k2 = deriv(add(s, k1, 0.5 * ds_m));
        let k3 = deriv(add(s, k2, 0.5 * ds_m));
        let k4 = deriv(add(s, k3, ds_m));
        let next: [f64; 4] = std::array::from_fn(|i| {
            s[i] + ds_m / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i])
        });
        let (h0, h1) = (
            s[0].hypot(s[1]) - MEAN_RADIUS_M,
            next[0].hypot(next[1]) - MEAN_RADIUS_M,
        );
        rising |= h1 > h0;
        if rising && h0 < h_m && h1 >= h_m {
            let f = (h_m - h0) / (h1 - h0);
            let (x, y) = (s[0] + f * (next[0] - s[0]), s[1] + f * (next[1] - s[1]));
            return x.atan2(y);
        }
        s = next;
    }
}

#[test]
fn the_quadrature_agrees_with_the_ray_equation_integrated_step_by_step() {
    for (h_m, ds_m) in [(1e3, 2.0), (1e4, 10.0), (1e5, 50.0), (1e6, 200.0)] {
        let ode = grazing_angle_by_ode(h_m, ds_m);
        let quad = ATM.grazing_angle_rad(h_m);
        let diff_m = (ode - quad).abs() * MEAN_RADIUS_M;
        eprintln!(
            "grazing ray to {:.0} km: {:.3} km (quadrature), {:.3} km (ray equation)",
            h_m / 1e3,
            quad * MEAN_RADIUS_M / 1e3,
            ode * MEAN_RADIUS_M / 1e3
        );
        // Metres on ranges of 100-3,600 km: the step's interpolation, not the quadrature.
        assert!(diff_m < 20.0, "{h_m} m: {diff_m} m apart");
    }
}

#[test]
fn near_the_ground_it_is_the_constant_k_model_and_high_up_it_is_nearly_straight() {
    let k43 = EffectiveEarth::standard();
    let geometric = EffectiveEarth::geometric();
    let surface = EffectiveEarth::new(ATM.surface_k()).unwrap();
    let ray = |h: f64| ATM.horizon_ground_range_m(0.0, h).unwrap();
    // The profile's surface gradient is -42.9 N/km: k = 1.376, near the standard 4/3 (ITU-R P.834).
    assert!(
        (ATM.surface_k() - 1.376).abs() < 0.001,
        "{}",
        ATM.surface_k()
    );
    // A target 100 m up: the ray sees the bottom of the profile only.
    let low = 100.0;
    let rel = (ray(low) - surface.horizon(0.0, low).unwrap().ground_range_m).abs() / ray(low);
    assert!(rel < 0.002, "{rel}");
    let mut table = String::from("target km | ray km | k=4/3 km | 4/3 - ray km | k=1 km\n");
    let mut last_excess = f64::INFINITY;
    for h_km in [1.0, 10.0, 30.0, 100.0, 300.0, 1000.0] {
        let h = h_km * 1e3;
        let (r, k, g) = (
            ray(h),
            k43.horizon(0.0, h).unwrap().ground_range_m,
            geometric.horizon(0.0, h).unwrap().ground_range_m,
        );
        table += &format!(
            "{h_km:>9} | {:>6.0} | {:>8.0} | {:>12.0} | {:>6.0}\n",
            r / 1e3,
            k / 1e3,
            (k - r) / 1e3,
            g / 1e3
        );
        // Always between the straight ray and one bent all the way up as at the ground.
        let bent = surface.horizon(0.0, h).unwrap().ground_range_m;
        assert!(g < r && r < bent, "{h_km} km: {g} < {r} < {bent}");
        // The air's share of the range shrinks as the target climbs out of it.
        let excess = (r - g) / g;
        assert!(excess < last_excess, "{h_km} km");
        last_excess = excess;
    }
    eprintln!("{table}");
    // Within 3 % of 4/3 for a target 1 km up, where 4/3 is meant to hold.
    let at_1km = (ray(1e3) - k43.horizon(0.0, 1e3).unwrap().ground_range_m).abs() / ray(1e3);
    assert!(at_1km < 0.03, "{at_1km}");
    // 4/3 overstates: by about 100 km for a target at 100 km, about 500 km at 1,000 km.
    let over = |h: f64| (k43.horizon(0.0, h).unwrap().ground_range_m - ray(h)) / 1e3;
    assert!((60.0..140.0).contains(&over(1e5)), "{}", over(1e5));
    assert!((350.0..650.0).contains(&over(1e6)), "{}", over(1e6));
}

#[test]
fn bad_heights_are_named() {
    let e = ATM.horizon_ground_range_m(-1.0, 1e3).unwrap_err();
    assert!(e.to_string().contains("radar height"), "{e}");
    let e = ATM.horizon_ground_range_m(0.0, f64::NAN).unwrap_err();
    assert!(e.to_string().contains("target altitude"), "{e}");
    // A radar and a target both high up: the chord is shorter than the arc through the higher of them, and
    // longer than the difference of heights.
    let chord = ATM.horizon_chord_m(1e4, 1e5).unwrap();
    let angle = ATM.horizon_ground_range_m(1e4, 1e5).unwrap() / MEAN_RADIUS_M;
    assert!(
        chord < (MEAN_RADIUS_M + 1e5) * angle && chord > 9e4,
        "{chord} m"
    );
}

#[test]
fn a_ray_launched_upwards_reaches_each_height_where_the_ray_equation_says() {
    // The quadrature from a radar at any elevation against the step-by-step integration.
    for (hr, el_deg, ht, ds) in [
        (30.0, 0.0, 100e3, 50.0),
        (30.0, 1.0, 300e3, 100.0),
        (700.0, 5.0, 1e6, 200.0),
        (0.0, 20.0, 150e3, 50.0),
        (100.0, -0.2, 50e3, 20.0),
    ] {
        let el = f64::to_radians(el_deg);
        let quad = ATM.ray_angle_rad(hr, el, ht).unwrap();
        let ode = angle_by_ode(hr, el, ht, ds);
        let diff_m = (ode - quad).abs() * MEAN_RADIUS_M;
        eprintln!(
            "ray from {hr} m at {el_deg} deg to {:.0} km: {:.3} km (quadrature), {:.3} km (ray equation)",
            ht / 1e3,
            quad * MEAN_RADIUS_M / 1e3,
            ode * MEAN_RADIUS_M / 1e3
        );
        assert!(diff_m < 20.0, "{hr} {el_deg} {ht}: {diff_m} m apart");
    }
}

#[test]
fn the_reach_tables_agree_with_the_traced_rays() {
    let mut worst = (0.0f64, 0.0, 0.0, 0.0);
    for hr in [0.0, 30.0, 700.0, 3_000.0] {
        for el_deg in [-0.5, 0.0, 0.5, 2.0, 10.0, 45.0] {
            let el = f64::to_radians(el_deg);
            let reach = ATM.reach(hr, el);
            // From 5 km above the radar: below that the reach grows as the square root of the height above
            // the radar, which the table's linear steps follow less closely (0.1 % at 700 m above it).
            for i in 0..300 {
                let ht = 10f64.powf(3.7 + i as f64 * 0.0118);
                if ht < hr + 5e3 {
                    continue;
                }
                let (Some(exact), table) = (ATM.ray_angle_rad(hr, el, ht), reach.angle_rad(ht))
                else {
                    continue;
                };
                if !table.is_finite() {
                    continue;
                }
                // The table's steps are 3 % in height: metres near the radar, a ten-thousandth of the
                // distance far out.
                let err_m = (exact - table).abs() * MEAN_RADIUS_M;
                assert!(
                    err_m < 50.0 + 1e-4 * exact * MEAN_RADIUS_M,
                    "radar {hr} m, {el_deg} deg, target {ht} m: {err_m} m"
                );
                if err_m > worst.0 {
                    worst = (err_m, hr, el_deg, ht);
                }
            }
        }
    }
    eprintln!(
        "worst reach difference, table against quadrature: {:.1} m (radar {} m, {} deg, target {:.1} km)",
        worst.0,
        worst.1,
        worst.2,
        worst.3 / 1e3
    );
}

#[test]
fn the_traced_earths_elevation_is_the_traced_rays() {
    let traced = EffectiveEarth::traced();
    for (hr, ht, f) in [(30.0, 100e3, 0.5), (700.0, 1e6, 0.9), (0.0, 30e3, 0.99)] {
        let angle = f * traced.ground_range_m_of_horizon(hr, ht) / MEAN_RADIUS_M;
        let el = traced.sight(hr, ht, angle).elevation_rad();
        // The ray launched at that elevation gets to the target.
        let back = ATM.ray_angle_rad(hr, el, ht).unwrap();
        assert!((back - angle).abs() * MEAN_RADIUS_M < 1.0, "{hr} {ht} {f}");
    }
}
#[test]
fn the_equivalent_k_table_gives_the_traced_horizon() {
    let traced = EffectiveEarth::traced();
    let mut worst_m = 0.0f64;
    for i in 0..400 {
        let h = 10f64.powf(0.5 + i as f64 * 0.0175);
        let exact = ATM.grazing_angle_rad(h) * MEAN_RADIUS_M;
        let table = traced.ground_range_m_of_horizon(0.0, h);
        worst_m = worst_m.max((exact - table).abs());
        // Metres at most, on horizons of 10 to 20,000 km: a millionth.
        assert!(
            (exact - table).abs() < 1e-5 * exact,
            "{h} m: {exact} {table}"
        );
    }
    eprintln!("worst horizon difference, table against quadrature: {worst_m:.2} m");
}

#[test]
fn the_traced_grazing_ray_touches_the_ground_at_the_horizon_and_meets_each_height_at_its_horizon_range(
) {
    let e = EffectiveEarth::traced();
    for hr in [0.0, 30.0, 680.0] {
        let el = e.grazing_elevation_rad(hr);
        let to_ground = e.horizon(hr, 0.0).unwrap().ground_range_m;
        let h0 = e.ray_height_m(hr, el, to_ground).unwrap();
        assert!(h0.abs() < 2.0, "radar {hr} m: {h0} m at the tangent point");
        for ht in [1e3, 100e3, 900e3] {
            let s = e.horizon(hr, ht).unwrap().ground_range_m;
            let h = e.ray_height_m(hr, el, s).unwrap();
            // The drawn ray is a polyline: within a few parts in a thousand of the height.
            assert!(
                (h - ht).abs() < 5.0 + 3e-3 * ht,
                "radar {hr} m, target {ht} m: {h} m"
            );
        }
        // The polyline is the same ray.
        let line = e.ray_polyline_m(hr, el, 2_000e3, 10);
        let &(s_end, h_end) = line.last().unwrap();
        assert!((s_end - 2_000e3).abs() < 1.0);
        let h = e.ray_height_m(hr, el, s_end).unwrap();
        assert!((h - h_end).abs() < 5.0 + 3e-3 * h_end, "{h} {h_end}");
    }
    // A ray 20 degrees up, 100 km along it: within metres of the straight line's reach, bent down a little.
    let (s, h) = e.ray_point_m(0.0, 20f64.to_radians(), 100e3);
    let (s_k1, h_k1) = EffectiveEarth::geometric().ray_point_m(0.0, 20f64.to_radians(), 100e3);
    assert!(
        (s - s_k1).abs() < 200.0 && h < h_k1 && h_k1 - h < 200.0,
        "{s} {h} / {s_k1} {h_k1}"
    );
}

#[test]
fn the_elevation_limits_of_the_traced_earth_are_the_traced_rays() {
    // Whether a target is at or above a radar's lowest search elevation, from the reach table the detection
    // loop uses, against the apparent elevation found by tracing rays to the target (bisection). They may
    // differ only within a hundredth of a degree of the limit.
    let mut checked = 0;
    for (hr, min_el_deg) in [(30.0, 0.0), (680.0, 0.5), (10.0, 2.0), (100.0, -0.3)] {
        let min_el = f64::to_radians(min_el_deg);
        let Some(reach) = ExponentialAtmosphere::reach_itu(hr, min_el) else {
            assert!(min_el <= ATM.grazing_elevation_rad(hr));
            continue;
        };
        for ht in [3e3, 20e3, 80e3, 150e3, 400e3, 1.2e6] {
            let horizon = ATM.grazing_angle_rad(hr) + ATM.grazing_angle_rad(ht);
            for i in 1..60 {
                let angle = horizon * i as f64 / 60.0;
                let Some(el) = ATM.apparent_elevation_rad(hr, ht, angle) else {
                    continue;
                };
                checked += 1;
                if (el - min_el).abs() < 0.01f64.to_radians() {
                    continue;
                }
                assert_eq!(
                    reach.at_or_above(ht, angle),
                    el >= min_el,
                    "radar {hr} m, limit {min_el_deg} deg, target {ht} m at {angle} rad: elevation {} deg",
                    el.to_degrees()
                );
            }
        }
    }
    assert!(checked > 500, "{checked}");
}
