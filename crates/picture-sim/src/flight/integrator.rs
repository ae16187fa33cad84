//! The Dormand-Prince 5(4) Runge-Kutta pair with adaptive step size (Dormand and Prince, J. Comp. Appl. Math.
//! 6 (1980); Hairer, Norsett and Wanner, "Solving ODEs I", II.5), first-same-as-last, with cubic Hermite
//! dense output between accepted steps. The state is a fixed-size 6-vector (position and velocity), so a
//! step allocates nothing.

use nalgebra::SVector;
use thiserror::Error;

/// Position (m) and velocity (m/s), stacked.
pub type State = SVector<f64, 6>;

/// One accepted point of a solution: the time, the state and its time derivative.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Node {
    pub t_s: f64,
    pub y: State,
    pub dy: State,
}

/// Error control.
///
/// # Units
/// `atol_pos_m` in m, `atol_vel_m_s` in m/s, step bounds in s; `rtol` dimensionless.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tolerance {
    pub rtol: f64,
    pub atol_pos_m: f64,
    pub atol_vel_m_s: f64,
    pub h_max_s: f64,
    pub max_steps: usize,
}

impl Tolerance {
    /// The error control of every flight flown: about 1 m in 10,000 km.
    pub const STANDARD: Tolerance = Tolerance {
        rtol: 1e-7,
        atol_pos_m: 0.1,
        atol_vel_m_s: 1e-4,
        h_max_s: 100.0,
        max_steps: 20_000,
    };
    /// The shaping solvers' search flights: 100 times looser, so about 2.5 times fewer steps (DOPRI5's step
    /// grows as the fifth root of the tolerance); range errors of tens of metres. A solver polishes its answer
    /// with [`Tolerance::STANDARD`] flights, so the solved flight is the one flown.
    pub const SEARCH: Tolerance = Tolerance {
        rtol: 1e-5,
        atol_pos_m: 10.0,
        atol_vel_m_s: 1e-2,
        h_max_s: 100.0,
        max_steps: 20_000,
    };
}

impl Default for Tolerance {
    fn default() -> Self {
        Tolerance::STANDARD
    }
}

#[derive(Debug, Error, Clone, PartialEq)]
pub enum IntegratorError {
    #[error("integration failed at t = {t_s:.3} s: {why}")]
    Failed { t_s: f64, why: &'static str },
}

// Butcher tableau of DOPRI5.
const C2: f64 = 1.0 / 5.0;
const C3: f64 = 3.0 / 10.0;
const C4: f64 = 4.0 / 5.0;
const C5: f64 = 8.0 / 9.0;
const A21: f64 = 1.0 / 5.0;
const A31: f64 = 3.0 / 40.0;
const A32: f64 = 9.0 / 40.0;
const A41: f64 = 44.0 / 45.0;
const A42: f64 = -56.0 / 15.0;
const A43: f64 = 32.0 / 9.0;
const A51: f64 = 19_372.0 / 6_561.0;
const A52: f64 = -25_360.0 / 2_187.0;
const A53: f64 = 64_448.0 / 6_561.0;
const A54: f64 = -212.0 / 729.0;
const A61: f64 = 9_017.0 / 3_168.0;
const A62: f64 = -355.0 / 33.0;
const A63: f64 = 46_732.0 / 5_247.0;
const A64: f64 = 49.0 / 176.0;
const A65: f64 = -5_103.0 / 18_656.0;
const A71: f64 = 35.0 / 384.0;
const A73: f64 = 500.0 / 1_113.0;
const A74: f64 = 125.0 / 192.0;
const A75: f64 = -2_187.0 / 6_784.0;
const A76: f64 = 11.0 / 84.0;
const E1: f64 = 71.0 / 57_600.0;
const E3: f64 = -71.0 / 16_695.0;
const E4: f64 = 71.0 / 1_920.0;
const E5: f64 = -17_253.0 / 339_200.0;
const E6: f64 = 22.0 / 525.0;
const E7: f64 = -1.0 / 40.0;

/// Integrates `dy/dt = f(t, y)` from `start` to `t_end_s` (exactly), calling `on_step(previous, accepted)`
/// after each accepted step; when it returns `true` the integration stops there. Returns the last node and
/// a suggested next step size.
pub fn integrate<F, C>(
    f: &mut F,
    start: Node,
    t_end_s: f64,
    h0_s: f64,
    tol: &Tolerance,
    on_step: &mut C,
) -> Result<(Node, f64), IntegratorError>
where
    F: FnMut(f64, &State) -> State,
    C: FnMut(&Node, &Node) -> bool,
{
    let mut cur = start;
    let mut h = h0_s.clamp(1e-6, tol.h_max_s);
    let mut steps = 0usize;
    while cur.t_s < t_end_s {
        steps += 1;
        if steps > tol.max_steps {
            return Err(IntegratorError::Failed {
                t_s: cur.t_s,
                why: "too many steps",
            });
        }
        let last = cur.t_s + h >= t_end_s - 1e-9;
        let h_try = if last { t_end_s - cur.t_s } else { h };
        let (t, y, k1) = (cur.t_s, cur.y, cur.dy);
        // Each stage's state, the new state and the error estimate are formed component by component in one
        // pass: as vector expressions they build a temporary per term, which the size-optimised browser build
        // does not fuse (this loop is the flight model's hot path).
        let k2 = f(t + C2 * h_try, &stage(&y, h_try, |i| A21 * k1[i]));
        let k3 = f(
            t + C3 * h_try,
            &stage(&y, h_try, |i| A31 * k1[i] + A32 * k2[i]),
        );
        let k4 = f(
            t + C4 * h_try,
            &stage(&y, h_try, |i| A41 * k1[i] + A42 * k2[i] + A43 * k3[i]),
        );
        let k5 = f(
            t + C5 * h_try,
            &stage(&y, h_try, |i| {
                A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]
            }),
        );
        let k6 = f(
            t + h_try,
            &stage(&y, h_try, |i| {
                A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]
            }),
        );
        let y_new = stage(&y, h_try, |i| {
            A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]
        });
        let t_new = if last { t_end_s } else { t + h_try };
        let k7 = f(t_new, &y_new);
        let mut sum = 0.0;
        for i in 0..6 {
            let err = h_try
                * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
            let atol = if i < 3 {
                tol.atol_pos_m
            } else {
                tol.atol_vel_m_s
            };
            let sc = atol + tol.rtol * y[i].abs().max(y_new[i].abs());
            sum += (err / sc) * (err / sc);
        }
        let err_norm = (sum / 6.0).sqrt();
        if !err_norm.is_finite() || !y_new.iter().all(|v| v.is_finite()) {
            h *= 0.25;
            if h < 1e-9 {
                return Err(IntegratorError::Failed {
                    t_s: t,
                    why: "non-finite state",
                });
            }
            continue;
        }
        let factor = if err_norm == 0.0 {
            5.0
        } else {
            // err_norm^-0.2, with exp and ln: cheaper than `powf` in the browser's maths library.
            (0.9 * (-0.2 * err_norm.ln()).exp()).clamp(0.2, 5.0)
        };
        if err_norm <= 1.0 {
            let next = Node {
                t_s: t_new,
                y: y_new,
                dy: k7,
            };
            // Keep the proposed step when the last one was shortened to land on t_end.
            h = (if last { h.max(h_try) } else { h_try } * factor).min(tol.h_max_s);
            let stop = on_step(&cur, &next);
            cur = next;
            if stop {
                break;
            }
        } else {
            h = h_try * factor.min(1.0);
            if h < 1e-9 {
                return Err(IntegratorError::Failed {
                    t_s: t,
                    why: "step size underflow",
                });
            }
        }
    }
    Ok((cur, h))
}

/// `y + h w`, where `w(i)` is component `i` of a weighted sum of stage derivatives.
#[inline(always)]
fn stage(y: &State, h: f64, w: impl Fn(usize) -> f64) -> State {
    State::from_fn(|i, _| y[i] + h * w(i))
}

/// Cubic Hermite interpolation between two nodes: the state and its derivative at `t_s` (which should lie
/// between them; outside, the cubic is extrapolated).
pub fn hermite(a: &Node, b: &Node, t_s: f64) -> (State, State) {
    let h = b.t_s - a.t_s;
    if h <= 0.0 {
        return (a.y, a.dy);
    }
    let s = (t_s - a.t_s) / h;
    let (s2, s3) = (s * s, s * s * s);
    let h00 = 2.0 * s3 - 3.0 * s2 + 1.0;
    let h10 = s3 - 2.0 * s2 + s;
    let h01 = -2.0 * s3 + 3.0 * s2;
    let h11 = s3 - s2;
    let y = h00 * a.y + (h10 * h) * a.dy + h01 * b.y + (h11 * h) * b.dy;
    let d00 = 6.0 * s2 - 6.0 * s;
    let d10 = 3.0 * s2 - 4.0 * s + 1.0;
    let d01 = -6.0 * s2 + 6.0 * s;
    let d11 = 3.0 * s2 - 2.0 * s;
    let dy = (d00 / h) * a.y + d10 * a.dy + (d01 / h) * b.y + d11 * b.dy;
    (y, dy)
}

/// Finds a root of `g` in [a, b] where `g(a)` and `g(b)` differ in sign (Illinois false position, at most
/// 100 iterations). `None` if they do not. An infinite value marks "beyond the root on this side" (an
/// infeasible trial): the step is then a bisection.
pub fn find_root<G: FnMut(f64) -> f64>(mut g: G, a: f64, b: f64, tol: f64) -> Option<f64> {
    let (ga, gb) = (g(a), g(b));
    find_root_from(g, (a, ga), (b, gb), tol)
}

/// [`find_root`] when `g` is already known at the ends of the bracket.
pub fn find_root_from<G: FnMut(f64) -> f64>(
    mut g: G,
    (mut a, mut ga): (f64, f64),
    (mut b, mut gb): (f64, f64),
    tol: f64,
) -> Option<f64> {
    if ga == 0.0 {
        return Some(a);
    }
    if gb == 0.0 {
        return Some(b);
    }
    if ga.is_nan() || gb.is_nan() || ga.signum() == gb.signum() {
        return None;
    }
    let mut side = 0i8;
    for _ in 0..100 {
        let c = (a * gb - b * ga) / (gb - ga);
        let c = if c.is_finite() && c > a.min(b) && c < a.max(b) {
            c
        } else {
            0.5 * (a + b)
        };
        let gc = g(c);
        if gc == 0.0 || (b - a).abs() < tol {
            return Some(c);
        }
        if gc.signum() == gb.signum() {
            b = c;
            gb = gc;
            if side == -1 {
                ga *= 0.5;
            }
            side = -1;
        } else {
            a = c;
            ga = gc;
            if side == 1 {
                gb *= 0.5;
            }
            side = 1;
        }
    }
    Some(0.5 * (a + b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn harmonic_oscillator_is_accurate_and_dense_output_interpolates() {
        // y'' = -y in each component: y = cos t.
        let mut f = |_t: f64, y: &State| State::new(y[3], y[4], y[5], -y[0], -y[1], -y[2]);
        let y0 = State::new(1.0, 1.0, 1.0, 0.0, 0.0, 0.0);
        let start = Node {
            t_s: 0.0,
            y: y0,
            dy: f(0.0, &y0),
        };
        let mut nodes = vec![start];
        let tol = Tolerance {
            rtol: 1e-10,
            atol_pos_m: 1e-12,
            atol_vel_m_s: 1e-12,
            h_max_s: 1.0,
            ..Tolerance::default()
        };
        let (end, _) = integrate(&mut f, start, 10.0, 0.1, &tol, &mut |_, n| {
            nodes.push(*n);
            false
        })
        .unwrap();
        assert!((end.t_s - 10.0).abs() < 1e-12);
        assert!((end.y[0] - 10f64.cos()).abs() < 1e-7, "{}", end.y[0]);
        let i = nodes.iter().position(|n| n.t_s > 5.0).unwrap();
        let (y, dy) = hermite(&nodes[i - 1], &nodes[i], 5.0);
        assert!((y[0] - 5f64.cos()).abs() < 1e-4 && (dy[0] + 5f64.sin()).abs() < 1e-3);
    }

    #[test]
    fn root_finder_finds_and_refuses() {
        let r = find_root(|x| x * x - 2.0, 0.0, 2.0, 1e-12).unwrap();
        assert!((r - 2f64.sqrt()).abs() < 1e-9);
        assert!(find_root(|x| x * x + 1.0, -1.0, 1.0, 1e-9).is_none());
    }
}
