//! The horizon formula with the explorer's numbers put in: the familiar approximation
//! `d = sqrt(2 k R h_r) + sqrt(2 k R h_t)` and the exact tangent lengths and ground range the core computes
//! (`EffectiveEarth::horizon`, which `picture horizon` prints); for the traced atmosphere, the traced ray's
//! angles and what the constant-k rules would say instead.

use picture_sim::sensors::{EffectiveEarth, Refraction};

/// The formula's numbers and its lines of text.
///
/// # Units
/// Kilometres.
#[derive(Debug, Clone, PartialEq)]
pub struct Formula {
    /// `sqrt(2 k R h_r) + sqrt(2 k R h_t)`; for the traced atmosphere, the ground range k = 4/3 says.
    pub approx_km: f64,
    /// The exact line of sight, `sqrt(2 k R h_r + h_r^2) + sqrt(2 k R h_t + h_t^2)` (`slant_range_km`).
    pub slant_range_km: f64,
    /// The distance along the surface (`ground_range_km`).
    pub ground_range_km: f64,
    pub lines: Vec<String>,
}

/// "4/3" for the standard atmosphere, else the number to 3 decimals.
pub fn k_text(k: f64) -> String {
    if (k - 4.0 / 3.0).abs() < 1e-9 {
        "4/3".to_string()
    } else {
        format!("{}", (k * 1000.0).round() / 1000.0)
    }
}

/// The refraction in words: "traced atmosphere" or "with k = 4/3".
pub fn refraction_text(r: Refraction) -> String {
    match r {
        Refraction::Ray => "traced atmosphere".to_string(),
        Refraction::K(k) => format!("with k = {}", k_text(k)),
    }
}

/// The formula for a radar at `radar_h_m` and a target at `target_alt_km`, or a message naming the bad input.
pub fn formula(
    earth: &EffectiveEarth,
    radar_h_m: f64,
    target_alt_km: f64,
) -> Result<Formula, String> {
    let target_h_m = target_alt_km * 1000.0;
    let h = earth
        .horizon(radar_h_m, target_h_m)
        .map_err(|e| format!("Horizon: {e}"))?;
    if earth.is_traced() {
        return traced(earth, radar_h_m, target_alt_km, h);
    }
    let kr_km = earth.effective_radius_m() / 1000.0;
    let r_km = earth.radius_m() / 1000.0;
    let (hr_km, ht_km) = (radar_h_m / 1000.0, target_alt_km);
    // The textbook approximation drops h^2 beside 2kRh; shown to compare with the exact form below.
    let (ar, at) = ((2.0 * kr_km * hr_km).sqrt(), (2.0 * kr_km * ht_km).sqrt());
    let (er, et) = (
        earth.tangent_range_m(radar_h_m) / 1000.0,
        earth.tangent_range_m(target_h_m) / 1000.0,
    );
    let (gr, gt) = (
        earth.horizon_angle_rad(radar_h_m),
        earth.horizon_angle_rad(target_h_m),
    );
    let k = k_text(earth.k());
    let slant_range_km = h.slant_range_m / 1000.0;
    let ground_range_km = h.ground_range_m / 1000.0;
    let lines = vec![
        format!("k = {k}, R = {r_km:.0} km, kR = {kr_km:.0} km, h_r = {hr_km:.3} km, h_t = {ht_km:.1} km"),
        format!(
            "d ≈ √(2kR·h_r) + √(2kR·h_t) = √(2 × {kr_km:.0} × {hr_km:.3}) + √(2 × {kr_km:.0} × {ht_km:.1}) = {ar:.1} + {at:.1} = {:.1} km",
            ar + at
        ),
        format!(
            "exact: d = √(2kR·h_r + h_r²) + √(2kR·h_t + h_t²) = {er:.1} + {et:.1} = {slant_range_km:.1} km (line of sight)"
        ),
        format!(
            "ground: s = kR·(acos(kR/(kR+h_r)) + acos(kR/(kR+h_t))) = {kr_km:.0} × ({gr:.4} + {gt:.4}) = {ground_range_km:.1} km"
        ),
    ];
    Ok(Formula {
        approx_km: ar + at,
        slant_range_km,
        ground_range_km,
        lines,
    })
}

/// The traced atmosphere's horizon in numbers: the grazing ray's angles from its tangent point up to each
/// height, and the constant-k rules beside it (4/3 too far for high targets: it bends rays all the way up).
fn traced(
    earth: &EffectiveEarth,
    radar_h_m: f64,
    target_alt_km: f64,
    h: picture_sim::sensors::Horizon,
) -> Result<Formula, String> {
    let target_h_m = target_alt_km * 1000.0;
    let r_km = earth.radius_m() / 1000.0;
    let (gr, gt) = (
        earth.horizon_true_angle_rad(radar_h_m),
        earth.horizon_true_angle_rad(target_h_m),
    );
    let ground_range_km = h.ground_range_m / 1000.0;
    let slant_range_km = h.slant_range_m / 1000.0;
    let by_k = |k: f64| -> Result<f64, String> {
        let e = EffectiveEarth::new(k).map_err(|e| format!("Horizon: {e}"))?;
        Ok(e.ground_range_m_of_horizon(radar_h_m, target_h_m) / 1000.0)
    };
    let (k43, k1) = (by_k(4.0 / 3.0)?, by_k(1.0)?);
    let lines = vec![
        format!(
            "rays traced through ITU-R P.453's atmosphere, N(h) = 315 exp(−h / 7.35 km); R = {r_km:.0} km, h_r = {:.3} km, h_t = {target_alt_km:.1} km",
            radar_h_m / 1000.0
        ),
        format!(
            "ground: s = R·(φ(h_r) + φ(h_t)) = {r_km:.0} × ({gr:.4} + {gt:.4}) = {ground_range_km:.1} km, φ the angle the grazing ray turns through up to each height (Bouguer: n·r·cos e stays constant)"
        ),
        format!("line of sight: {slant_range_km:.1} km"),
        format!(
            "k = 4/3 says {k43:.1} km ({:+.1} km: it bends the ray as the air near the ground does, all the way up); straight rays (k = 1) {k1:.1} km",
            k43 - ground_range_km
        ),
    ];
    Ok(Formula {
        approx_km: k43,
        slant_range_km,
        ground_range_km,
        lines,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_core_and_the_reference_value() {
        // data/reference/radar.md: a 10 m radar and a 100 km target, k = 4/3: 1320.3 km.
        let e = EffectiveEarth::standard();
        let f = formula(&e, 10.0, 100.0).unwrap();
        let h = e.horizon(10.0, 100_000.0).unwrap();
        assert_eq!(f.slant_range_km, h.slant_range_m / 1000.0);
        assert_eq!(f.ground_range_km, h.ground_range_m / 1000.0);
        assert!((f.slant_range_km - 1320.3).abs() < 0.05, "{f:?}");
        // The approximation is a little short of the exact line of sight.
        assert!(f.approx_km < f.slant_range_km && f.slant_range_km - f.approx_km < 10.0);
        assert!(f.lines[0].starts_with("k = 4/3"));
        assert!(f.lines[2].contains(&format!("{:.1} km", f.slant_range_km)));
    }

    #[test]
    fn bad_heights_are_named() {
        let e = EffectiveEarth::standard();
        let err = formula(&e, 30.0, -1.0).unwrap_err();
        assert!(err.contains("target altitude"), "{err}");
        assert_eq!(k_text(1.0), "1");
        assert_eq!(k_text(1.25), "1.25");
    }
}
