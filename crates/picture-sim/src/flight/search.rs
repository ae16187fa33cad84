//! One-dimensional searches for the shaping solvers, where every function value is a flown trajectory (tens
//! of microseconds), so the number of evaluations is what counts: Brent's maximisation (parabolic steps with
//! a golden-section fallback), a secant iteration that falls back to Illinois false position in the
//! bracket it has found, and an outward search for a bracket followed by Illinois false position. Errors of
//! the function (a failed integration) propagate at once.
//!
//! Reference: Brent, "Algorithms for Minimization without Derivatives" (1973), chapter 5; Press et al.,
//! "Numerical Recipes", 10.3.

use super::integrator::find_root_from;

/// The golden-section fraction 1 - 1/phi.
const CGOLD: f64 = 0.381_966_011_250_105;

/// The best point a maximisation evaluated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Maximum {
    pub x: f64,
    /// `f(x)`.
    pub value: f64,
}

/// The maximum of `f` on `[lo, hi]` to within `tol_x`, starting from the guess `x0`: the best point
/// evaluated. At most `max_evals` evaluations. `f` should be unimodal on the interval; if it is not, a local
/// maximum is returned.
pub fn maximize<F, E>(
    mut f: F,
    lo: f64,
    hi: f64,
    x0: f64,
    tol_x: f64,
    max_evals: usize,
) -> Result<Maximum, E>
where
    F: FnMut(f64) -> Result<f64, E>,
{
    // Brent minimises: work with -f.
    let (mut a, mut b) = (lo.min(hi), lo.max(hi));
    let mut x = x0.clamp(a, b);
    let mut fx = -f(x)?;
    let (mut w, mut v, mut fw, mut fv) = (x, x, fx, fx);
    let (mut d, mut e) = (0.0f64, 0.0f64);
    for _ in 1..max_evals {
        let xm = 0.5 * (a + b);
        let tol1 = tol_x;
        let tol2 = 2.0 * tol1;
        if (x - xm).abs() <= tol2 - 0.5 * (b - a) {
            break;
        }
        let mut golden = true;
        if e.abs() > tol1 {
            // A parabola through x, w, v.
            let r = (x - w) * (fx - fv);
            let mut q = (x - v) * (fx - fw);
            let mut p = (x - v) * q - (x - w) * r;
            q = 2.0 * (q - r);
            if q > 0.0 {
                p = -p;
            }
            q = q.abs();
            let e_old = e;
            e = d;
            if p.abs() < (0.5 * q * e_old).abs() && p > q * (a - x) && p < q * (b - x) {
                d = p / q;
                let u = x + d;
                if u - a < tol2 || b - u < tol2 {
                    d = tol1.copysign(xm - x);
                }
                golden = false;
            }
        }
        if golden {
            e = if x >= xm { a - x } else { b - x };
            d = CGOLD * e;
        }
        let u = if d.abs() >= tol1 {
            x + d
        } else {
            x + tol1.copysign(d)
        };
        let fu = -f(u)?;
        if fu <= fx {
            if u >= x {
                a = x;
            } else {
                b = x;
            }
            (v, fv) = (w, fw);
            (w, fw) = (x, fx);
            (x, fx) = (u, fu);
        } else {
            if u < x {
                a = u;
            } else {
                b = u;
            }
            if fu <= fw || w == x {
                (v, fv) = (w, fw);
                (w, fw) = (u, fu);
            } else if fu <= fv || v == x || v == w {
                (v, fv) = (u, fu);
            }
        }
    }
    Ok(Maximum { x, value: -fx })
}

/// A root of an increasing `g` on `[lo, hi]`: secant steps from `x0` and `x1` (fast from a good guess), and
/// if they leave the interval, stall or do not converge in `max_secant` steps, Illinois false position in
/// the narrowest bracket seen (or `[lo, hi]`). A value of `g` within `tol_g` of zero is a root. `Ok(None)` if
/// `g` does not change sign on `[lo, hi]`.
#[allow(clippy::too_many_arguments)]
pub fn increasing_root<G, E>(
    mut g: G,
    x0: f64,
    x1: f64,
    lo: f64,
    hi: f64,
    tol_x: f64,
    tol_g: f64,
    max_secant: usize,
) -> Result<Option<f64>, E>
where
    G: FnMut(f64) -> Result<f64, E>,
{
    // The narrowest bracket known: (x, g) with g < 0 below, g > 0 above.
    let mut below: Option<(f64, f64)> = None;
    let mut above: Option<(f64, f64)> = None;
    fn note(x: f64, gx: f64, below: &mut Option<(f64, f64)>, above: &mut Option<(f64, f64)>) {
        if gx < 0.0 {
            if below.is_none_or(|b| x > b.0) {
                *below = Some((x, gx));
            }
        } else if above.is_none_or(|a| x < a.0) {
            *above = Some((x, gx));
        }
    }
    let (mut xa, mut xb) = (x0.clamp(lo, hi), x1.clamp(lo, hi));
    let mut ga = g(xa)?;
    if ga.abs() < tol_g {
        return Ok(Some(xa));
    }
    note(xa, ga, &mut below, &mut above);
    if xb != xa {
        let mut gb = g(xb)?;
        note(xb, gb, &mut below, &mut above);
        for _ in 0..max_secant {
            if gb.abs() < tol_g {
                return Ok(Some(xb));
            }
            if below.is_some() && above.is_some() {
                let (l, u) = (below.map_or(lo, |b| b.0), above.map_or(hi, |a| a.0));
                if (u - l).abs() < tol_x {
                    return Ok(Some(if gb.abs() < ga.abs() { xb } else { xa }));
                }
            }
            let xc = xb - gb * (xb - xa) / (gb - ga);
            let inside = below.map_or(lo, |b| b.0) < xc && xc < above.map_or(hi, |a| a.0);
            if !(xc.is_finite() && inside && gb.is_finite() && ga.is_finite()) {
                break;
            }
            (xa, ga) = (xb, gb);
            xb = xc;
            gb = g(xb)?;
            note(xb, gb, &mut below, &mut above);
        }
    }
    // Fall back to a bracket.
    let lower = match below {
        Some(b) => b,
        None => {
            let gl = g(lo)?;
            if gl.abs() < tol_g {
                return Ok(Some(lo));
            }
            if gl > 0.0 {
                return Ok(None);
            }
            (lo, gl)
        }
    };
    let upper = match above {
        Some(a) => a,
        None => {
            let gh = g(hi)?;
            if gh.abs() < tol_g {
                return Ok(Some(hi));
            }
            if gh < 0.0 {
                return Ok(None);
            }
            (hi, gh)
        }
    };
    let mut err = None;
    let root = find_root_from(plain(g, tol_g, &mut err), lower, upper, tol_x);
    match err {
        Some(e) => Err(e),
        None => Ok(root),
    }
}

/// A root of a decreasing `g` on `[lo, hi]`: a bracket searched outward from `start` with steps `step`,
/// `2 step`, `4 step`... (in the direction `g`'s sign points), then Illinois false position in it. A value
/// of `g` within `tol_g` of zero is a root. `Ok(None)` if no sign change is found before a bound.
pub fn decreasing_root_outward<G, E>(
    g: G,
    start: f64,
    step: f64,
    lo: f64,
    hi: f64,
    tol_x: f64,
    tol_g: f64,
) -> Result<Option<f64>, E>
where
    G: FnMut(f64) -> Result<f64, E>,
{
    let mut err = None;
    let mut eval = plain(g, tol_g, &mut err);
    let mut a = start.clamp(lo, hi);
    let mut ga = eval(a);
    let mut step = step;
    let mut bracket = None;
    for _ in 0..20 {
        if ga == 0.0 {
            bracket = Some(((a, ga), (a, ga)));
            break;
        }
        // g decreasing: a positive value means the root lies at larger x.
        let b = if ga > 0.0 {
            (a + step).min(hi)
        } else {
            (a - step).max(lo)
        };
        let gb = eval(b);
        if gb == 0.0 || gb.signum() != ga.signum() {
            bracket = Some(((a, ga), (b, gb)));
            break;
        }
        if b == lo || b == hi {
            break;
        }
        (a, ga) = (b, gb);
        step *= 2.0;
    }
    let root = bracket.and_then(|(pa, pb)| {
        if pa.0 == pb.0 {
            Some(pa.0)
        } else {
            find_root_from(&mut eval, pa, pb, tol_x)
        }
    });
    drop(eval);
    match err {
        Some(e) => Err(e),
        None => Ok(root),
    }
}

/// `g` as [`find_root_from`] takes it, a plain value: within `tol_g` of zero is zero (a root), and an error
/// is kept in `err` and read as zero, which ends the search at once.
fn plain<'e, G, E>(mut g: G, tol_g: f64, err: &'e mut Option<E>) -> impl FnMut(f64) -> f64 + 'e
where
    G: FnMut(f64) -> Result<f64, E> + 'e,
{
    move |x| match g(x) {
        Ok(v) if v.abs() < tol_g => 0.0,
        Ok(v) => v,
        Err(e) => {
            *err = Some(e);
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maximize_finds_the_top_of_a_smooth_hump_in_few_evaluations() {
        let mut n = 0;
        let Maximum { x, value: fx } = maximize::<_, ()>(
            |x| {
                n += 1;
                Ok(-(x - 37.3f64).powi(2) + 0.01 * (x - 37.3f64).powi(3))
            },
            -20.0,
            86.0,
            35.0,
            0.01,
            40,
        )
        .unwrap();
        assert!((x - 37.3).abs() < 0.02 && fx.abs() < 1e-3, "{x} {fx}");
        assert!(n < 20, "{n} evaluations");
        // A flat-topped step (a failed boost counts as zero range) still converges inside.
        let Maximum { x, .. } = maximize::<_, ()>(
            |x| {
                Ok(if x < 0.0 {
                    0.0
                } else {
                    -(x - 10.0f64).powi(2) + 500.0
                })
            },
            -20.0,
            86.0,
            -15.0,
            0.01,
            60,
        )
        .unwrap();
        assert!((x - 10.0).abs() < 0.05, "{x}");
    }

    #[test]
    fn increasing_root_converges_from_a_guess_and_says_when_there_is_none() {
        let mut n = 0;
        let r = increasing_root::<_, ()>(
            |x| {
                n += 1;
                Ok(x.powi(3) + x - 10.0)
            },
            1.5,
            1.6,
            0.0,
            5.0,
            1e-12,
            1e-9,
            8,
        )
        .unwrap()
        .unwrap();
        assert!((r.powi(3) + r - 10.0).abs() < 1e-9, "{r}");
        assert!(n <= 8, "{n} evaluations");
        // A step function defeats the secant: the bracket still converges.
        let r = increasing_root::<_, ()>(
            |x| Ok(if x < 0.7 { -1.0 } else { 1.0 }),
            0.1,
            0.2,
            0.0,
            1.0,
            1e-9,
            1e-12,
            8,
        )
        .unwrap()
        .unwrap();
        assert!((r - 0.7).abs() < 1e-6, "{r}");
        let none =
            increasing_root::<_, ()>(|x| Ok(x + 5.0), 0.1, 0.2, 0.0, 1.0, 1e-9, 1e-9, 8).unwrap();
        assert_eq!(none, None);
    }

    #[test]
    fn decreasing_root_outward_brackets_from_afar_and_says_when_there_is_none() {
        let mut n = 0;
        let r = decreasing_root_outward::<_, ()>(
            |x| {
                n += 1;
                Ok(40.0 - x - 0.01 * x * x)
            },
            0.0,
            1.0,
            -20.0,
            150.0,
            1e-9,
            1e-9,
        )
        .unwrap()
        .unwrap();
        assert!((40.0 - r - 0.01 * r * r).abs() < 1e-6, "{r}");
        assert!(n < 40, "{n} evaluations");
        // Searching downward from above the root.
        let r =
            decreasing_root_outward::<_, ()>(|x| Ok(2.0 - x), 100.0, 4.0, -20.0, 150.0, 1e-9, 1e-9)
                .unwrap()
                .unwrap();
        assert!((r - 2.0).abs() < 1e-6, "{r}");
        let none =
            decreasing_root_outward::<_, ()>(|x| Ok(-1.0 - x * x), 0.0, 1.0, -5.0, 5.0, 1e-9, 1e-9)
                .unwrap();
        assert_eq!(none, None);
        // An error of the function is the answer.
        let e = decreasing_root_outward(
            |x| if x > 3.0 { Err("failed") } else { Ok(10.0 - x) },
            0.0,
            1.0,
            -5.0,
            50.0,
            1e-9,
            1e-9,
        );
        assert_eq!(e, Err("failed"));
    }
}
