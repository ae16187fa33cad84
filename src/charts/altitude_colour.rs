//! The colour of a flight's altitude on the map: a perceptually ordered scale (after matplotlib's "plasma"),
//! logarithmic in altitude because the interesting change is from tens to thousands of kilometres.

/// Stops of the scale: (altitude km, RGB).
const STOPS: [(f64, [u8; 3]); 6] = [
    (1.0, [13, 8, 135]),
    (10.0, [106, 0, 168]),
    (100.0, [177, 42, 144]),
    (500.0, [225, 100, 98]),
    (2000.0, [252, 166, 54]),
    (6000.0, [240, 249, 33]),
];

/// The colour for an altitude in km, as "#rrggbb".
pub fn altitude_colour(alt_km: f64) -> String {
    let x = alt_km.max(STOPS[0].0).log10();
    let [r, g, b] = match STOPS.windows(2).find(|w| x <= w[1].0.log10()) {
        Some(w) => {
            let (a0, c0) = (w[0].0.log10(), w[0].1);
            let (a1, c1) = (w[1].0.log10(), w[1].1);
            let f = ((x - a0) / (a1 - a0)).clamp(0.0, 1.0);
            let mix = |i: usize| (c0[i] as f64 + f * (c1[i] as f64 - c0[i] as f64)).round() as u8;
            [mix(0), mix(1), mix(2)]
        }
        None => STOPS[STOPS.len() - 1].1,
    };
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The legend's altitudes, km.
pub const LEGEND_KM: [f64; 5] = [10.0, 100.0, 500.0, 2000.0, 6000.0];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_and_ends() {
        assert_eq!(altitude_colour(0.0), "#0d0887");
        assert_eq!(altitude_colour(100.0), "#b12a90");
        assert_eq!(altitude_colour(1e6), "#f0f921");
        assert_ne!(altitude_colour(50.0), altitude_colour(60.0));
    }
}
