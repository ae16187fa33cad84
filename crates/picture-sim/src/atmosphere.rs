//! The US Standard Atmosphere 1976 (NOAA-S/T 76-1562, NASA-TM-X-74335) up to 86 km geometric height, and an
//! exponential fit to its tabulated densities above (86 km to 1000 km), plus the drag-coefficient curves the
//! flight model uses.
//!
//! Below 86 km the model is the standard's layered one: temperature is linear in geopotential height in seven
//! layers, pressure follows the hydrostatic equation, density the ideal-gas law with the sea-level molar mass
//! (the standard's small molecular-weight correction between 80 and 86 km is ignored: under 0.04 %).
//! Above 86 km density is interpolated log-linearly between the standard's tabulated values (its table 1),
//! so each interval is an exponential with its own scale height; temperature is held at 186.87 K (only the
//! speed of sound uses it, and nothing flies at Mach-relevant densities up there).

/// Sea-level values and constants of USSA76.
const G0_M_S2: f64 = 9.806_65;
const R_STAR_J_KMOL_K: f64 = 8_314.32;
const M0_KG_KMOL: f64 = 28.964_4;
const R_EARTH_M: f64 = 6_356_766.0;
const GAMMA: f64 = 1.4;

/// Layer bases: geopotential height (m), temperature (K), lapse rate (K/m), pressure (Pa).
const LAYERS: [(f64, f64, f64, f64); 7] = [
    (0.0, 288.15, -0.0065, 101_325.0),
    (11_000.0, 216.65, 0.0, 22_632.06),
    (20_000.0, 216.65, 0.001, 5_474.889),
    (32_000.0, 228.65, 0.0028, 868.018_7),
    (47_000.0, 270.65, 0.0, 110.906_3),
    (51_000.0, 270.65, -0.0028, 66.938_87),
    (71_000.0, 214.65, -0.002, 3.956_420),
];

/// Top of the layered model: 86 km geometric (84.852 km geopotential).
pub const LAYERED_TOP_M: f64 = 86_000.0;

/// USSA76 table 1 densities above 86 km: (geometric height m, density kg/m^3).
const UPPER_DENSITY: [(f64, f64); 13] = [
    (86_000.0, 6.958e-6),
    (100_000.0, 5.604e-7),
    (110_000.0, 9.708e-8),
    (120_000.0, 2.222e-8),
    (150_000.0, 2.076e-9),
    (200_000.0, 2.541e-10),
    (300_000.0, 1.916e-11),
    (400_000.0, 2.803e-12),
    (500_000.0, 5.215e-13),
    (600_000.0, 1.137e-13),
    (700_000.0, 3.070e-14),
    (800_000.0, 1.136e-14),
    (1_000_000.0, 3.561e-15),
];

/// The state of the air at one height.
///
/// # Units
/// Temperature K, pressure Pa, density kg/m^3, speed of sound m/s.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Air {
    pub temperature_k: f64,
    pub pressure_pa: f64,
    pub density_kg_m3: f64,
    pub speed_of_sound_m_s: f64,
}

/// USSA76 at a geometric height above mean sea level, metres. Below 0 m the sea-level layer is extended
/// (down to -5 km); above 1000 km the last scale height is extended.
pub fn ussa76(h_m: f64) -> Air {
    let h_m = h_m.max(-5_000.0);
    if h_m <= LAYERED_TOP_M {
        layered(h_m)
    } else {
        let density_kg_m3 = upper_density_kg_m3(h_m);
        let temperature_k = 186.87;
        Air {
            temperature_k,
            pressure_pa: density_kg_m3 * R_STAR_J_KMOL_K / M0_KG_KMOL * temperature_k,
            density_kg_m3,
            speed_of_sound_m_s: speed_of_sound_m_s(temperature_k),
        }
    }
}

/// Density only, kg/m^3 (the hot path of the flight model).
pub fn density_kg_m3(h_m: f64) -> f64 {
    ussa76(h_m).density_kg_m3
}

fn speed_of_sound_m_s(temperature_k: f64) -> f64 {
    (GAMMA * R_STAR_J_KMOL_K / M0_KG_KMOL * temperature_k).sqrt()
}

fn layered(h_m: f64) -> Air {
    // Geopotential height (USSA76 eq. 18).
    let hp_m = R_EARTH_M * h_m / (R_EARTH_M + h_m);
    let i = LAYERS.iter().rposition(|l| hp_m >= l.0).unwrap_or(0);
    let (hb, tb, lapse, pb) = LAYERS[i];
    let dh = hp_m - hb;
    let temperature_k = tb + lapse * dh;
    let k = G0_M_S2 * M0_KG_KMOL / R_STAR_J_KMOL_K;
    // (tb / T)^(k / lapse), written with exp and ln: the flight model's hot path, and in the browser's
    // maths library `powf` costs several times their sum.
    let pressure_pa = if lapse == 0.0 {
        pb * (-k * dh / tb).exp()
    } else {
        pb * ((k / lapse) * (tb / temperature_k).ln()).exp()
    };
    let density_kg_m3 = pressure_pa * M0_KG_KMOL / (R_STAR_J_KMOL_K * temperature_k);
    Air {
        temperature_k: temperature_k * molecular_weight_ratio(h_m),
        pressure_pa,
        density_kg_m3,
        speed_of_sound_m_s: speed_of_sound_m_s(temperature_k),
    }
}

/// USSA76 table 8: M/M0 against geometric height, 80 to 86 km (1 below).
fn molecular_weight_ratio(h_m: f64) -> f64 {
    const RATIO: [(f64, f64); 13] = [
        (80_000.0, 1.000_000),
        (80_500.0, 0.999_996),
        (81_000.0, 0.999_989),
        (81_500.0, 0.999_971),
        (82_000.0, 0.999_941),
        (82_500.0, 0.999_909),
        (83_000.0, 0.999_870),
        (83_500.0, 0.999_829),
        (84_000.0, 0.999_786),
        (84_500.0, 0.999_741),
        (85_000.0, 0.999_694),
        (85_500.0, 0.999_641),
        (86_000.0, 0.999_579),
    ];
    table_lookup(&RATIO, h_m)
}

fn upper_density_kg_m3(h_m: f64) -> f64 {
    let n = UPPER_DENSITY.len();
    let i = UPPER_DENSITY
        .iter()
        .rposition(|p| h_m >= p.0)
        .unwrap_or(0)
        .min(n - 2);
    let (h0, d0) = UPPER_DENSITY[i];
    d0 * (-(h_m - h0) * upper_inverse_scale_heights_per_m()[i]).exp()
}

/// 1 / scale height of each interval of [`UPPER_DENSITY`], 1/m: worked out once, since most of a long
/// flight's density lookups fall up here.
fn upper_inverse_scale_heights_per_m() -> &'static [f64; UPPER_DENSITY.len() - 1] {
    static INVERSE: std::sync::OnceLock<[f64; UPPER_DENSITY.len() - 1]> =
        std::sync::OnceLock::new();
    INVERSE.get_or_init(|| {
        std::array::from_fn(|i| {
            let ((h0, d0), (h1, d1)) = (UPPER_DENSITY[i], UPPER_DENSITY[i + 1]);
            (d0 / d1).ln() / (h1 - h0)
        })
    })
}

/// Interpolates a table of (Mach, value) pairs linearly, holding the end values outside it.
fn table_lookup(table: &[(f64, f64)], mach: f64) -> f64 {
    let Some(first) = table.first() else {
        return 0.0;
    };
    if mach <= first.0 {
        return first.1;
    }
    for w in table.windows(2) {
        let ((m0, c0), (m1, c1)) = (w[0], w[1]);
        if mach <= m1 {
            return c0 + (c1 - c0) * (mach - m0) / (m1 - m0);
        }
    }
    table[table.len() - 1].1
}

/// Zero-lift drag coefficient of a slender boosting missile against Mach number (reference area: the body's
/// cross-section). A generic curve with the transonic rise, of the shape of the V-2 and Scud wind-tunnel data
/// (Sutton, "Rocket Propulsion Elements"; Fleeman, "Tactical Missile Design"): uncertain by about +-25 %.
pub fn missile_cd(mach: f64) -> f64 {
    const CD: [(f64, f64); 9] = [
        (0.0, 0.20),
        (0.8, 0.22),
        (1.0, 0.35),
        (1.2, 0.40),
        (1.5, 0.36),
        (2.0, 0.30),
        (3.0, 0.25),
        (5.0, 0.21),
        (10.0, 0.20),
    ];
    table_lookup(&CD, mach)
}

/// Drag coefficient of a conical re-entry vehicle relative to its hypersonic value (so a ballistic coefficient
/// quoted at hypersonic speed applies above Mach 6 and the transonic rise is kept). Generic shape (Regan and
/// Anandakrishnan, "Dynamics of Atmospheric Re-entry"): uncertain by about +-30 % below Mach 3.
pub fn reentry_cd_ratio(mach: f64) -> f64 {
    const RATIO: [(f64, f64); 7] = [
        (0.0, 0.8),
        (0.8, 0.9),
        (1.0, 1.5),
        (1.2, 1.6),
        (2.0, 1.3),
        (4.0, 1.05),
        (6.0, 1.0),
    ];
    table_lookup(&RATIO, mach)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// USSA76 table 1 values at geometric heights: (h m, T K, density kg/m^3).
    const TABLE: [(f64, f64, f64); 9] = [
        (0.0, 288.150, 1.2250),
        (5_000.0, 255.676, 0.73643),
        (11_000.0, 216.774, 0.36480),
        (20_000.0, 216.650, 0.088_910),
        (30_000.0, 226.509, 0.018_410),
        (50_000.0, 270.650, 1.0269e-3),
        (70_000.0, 219.585, 8.2829e-5),
        (80_000.0, 198.639, 1.8458e-5),
        (86_000.0, 186.87, 6.958e-6),
    ];

    #[test]
    fn matches_the_published_table() {
        for (h_m, t_k, rho) in TABLE {
            let air = ussa76(h_m);
            assert!(
                (air.temperature_k - t_k).abs() < 0.05,
                "T at {h_m} m: {} vs {t_k}",
                air.temperature_k
            );
            let rel = (air.density_kg_m3 - rho).abs() / rho;
            assert!(
                rel < 2e-3,
                "density at {h_m} m: {} vs {rho} ({rel})",
                air.density_kg_m3
            );
        }
        assert!((ussa76(0.0).speed_of_sound_m_s - 340.29).abs() < 0.05);
        assert!((ussa76(20_000.0).speed_of_sound_m_s - 295.07).abs() < 0.05);
    }

    #[test]
    fn upper_fit_passes_through_the_table_and_is_continuous() {
        for (h_m, rho) in UPPER_DENSITY {
            let rel = (density_kg_m3(h_m + 1e-6) - rho).abs() / rho;
            assert!(rel < 1e-6, "{h_m}: {rel}");
        }
        let below = density_kg_m3(LAYERED_TOP_M - 1.0);
        let above = density_kg_m3(LAYERED_TOP_M + 1.0);
        assert!((below - above).abs() / above < 2e-3, "{below} vs {above}");
        assert!(density_kg_m3(2_000_000.0) < 1e-15);
    }

    #[test]
    fn drag_curves_peak_transonic() {
        assert!(missile_cd(1.2) > missile_cd(0.5) && missile_cd(1.2) > missile_cd(5.0));
        assert_eq!(reentry_cd_ratio(20.0), 1.0);
    }
}
