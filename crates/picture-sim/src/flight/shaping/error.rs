//! Why a shape cannot be flown: each refusal carries the values it is about and says what is possible
//! instead. [`FlightError::Unreachable`](crate::flight::FlightError::Unreachable) names the missile and
//! prints "<missile> cannot <this>", so each message here reads "<what was asked>; <what is possible>".
//! Distances are printed in whole kilometres.

use crate::flight::Shape;
use std::fmt;
use thiserror::Error;

/// Which side of the minimum-energy path a lofted or depressed flight lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Branch {
    /// Steeper than the minimum-energy path.
    Lofted,
    /// Flatter than the minimum-energy path.
    Depressed,
}

impl Branch {
    /// The branch of a lofted or depressed shape; `None` for the others.
    pub fn of(shape: &Shape) -> Option<Branch> {
        match shape {
            Shape::Lofted { .. } => Some(Branch::Lofted),
            Shape::Depressed { .. } => Some(Branch::Depressed),
            _ => None,
        }
    }

    /// The branch on the other side of the minimum-energy path.
    pub fn other(self) -> Branch {
        match self {
            Branch::Lofted => Branch::Depressed,
            Branch::Depressed => Branch::Lofted,
        }
    }
}

impl fmt::Display for Branch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Branch::Lofted => "lofted",
            Branch::Depressed => "depressed",
        })
    }
}

/// A shape the missile cannot fly, with the values that show it.
///
/// # Units
/// Ranges and apogees in metres (printed in km).
#[derive(Debug, Error, Clone, PartialEq)]
pub enum Unreachable {
    /// The range is beyond the greatest range at full energy.
    #[error("reach {} km; its maximum range with this payload is about {} km", km(*.range_m), km(*.max_range_m))]
    Range { range_m: f64, max_range_m: f64 },
    /// The range is so short that even the least energy flies past it on the minimum-energy path.
    #[error(
        "fly as short as {} km on a minimum-energy path; use a lofted or depressed shape",
        km(*.range_m)
    )]
    MinEnergyTooShort { range_m: f64 },
    /// No full-burn flight on this branch lands at the range.
    #[error(
        "fly a full-burn {branch} path of {} km; try a longer range or the minimum-energy shape",
        km(*.range_m)
    )]
    FullBurn { branch: Branch, range_m: f64 },
    /// The pull-up needs a lifting re-entry vehicle.
    #[error("fly a pull-up manoeuvre; its re-entry vehicle has no lift (only hwasong-11 does)")]
    PullUpWithoutLift,
    /// The apogee is above the highest the missile reaches.
    #[error("reach an apogee of {} km; its highest apogee is about {} km", km(*.apogee_m), km(*.max_apogee_m))]
    Apogee { apogee_m: f64, max_apogee_m: f64 },
    /// No flight with the apogee lands at the range; the flights with that apogee landed between
    /// `min_range_m` (negative: behind the site, printed as 0) and `max_range_m`.
    #[error(
        "reach {} km with an apogee of {} km; at that apogee its range is about {} to {} km",
        km(*.range_m),
        km(*.apogee_m),
        km(.min_range_m.max(0.0)),
        km(*.max_range_m)
    )]
    RangeAtApogee {
        range_m: f64,
        apogee_m: f64,
        min_range_m: f64,
        max_range_m: f64,
    },
    /// No flight with the apogee was found at all.
    #[error(
        "reach {} km with an apogee of {} km; that apogee and range do not go together",
        km(*.range_m),
        km(*.apogee_m)
    )]
    RangeWithApogee { range_m: f64, apogee_m: f64 },
    /// The flight with this range and apogee lies on the other branch.
    #[error(
        "fly a {branch} path of {} km with an apogee of {} km; that apogee makes it a {} path",
        km(*.range_m),
        km(*.apogee_m),
        .branch.other()
    )]
    WrongBranch {
        branch: Branch,
        range_m: f64,
        apogee_m: f64,
    },
    /// The solved flight misses the range or the wanted apogee by more than the solvers accept.
    #[error(
        "fly a {} path of {} km{}; the nearest flight found went {} km with an apogee of {} km",
        shape_name(.shape),
        km(*.range_m),
        with_apogee(*.apogee_m),
        km(*.flown_range_m),
        km(*.flown_apogee_m)
    )]
    Missed {
        shape: Shape,
        range_m: f64,
        /// The apogee asked for, if the shape asks for one.
        apogee_m: Option<f64>,
        flown_range_m: f64,
        flown_apogee_m: f64,
    },
}

/// Metres as whole kilometres, for the messages.
fn km(m: f64) -> f64 {
    (m / 1000.0).round()
}

fn with_apogee(apogee_m: Option<f64>) -> String {
    apogee_m.map_or(String::new(), |a| {
        format!(" with an apogee of {} km", km(a))
    })
}

fn shape_name(shape: &Shape) -> &'static str {
    match shape {
        Shape::MinEnergy => "minimum-energy",
        Shape::Lofted { .. } => "lofted",
        Shape::Depressed { .. } => "depressed",
        Shape::AsReported { .. } => "reported",
        Shape::PullUp { .. } => "pull-up",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The messages the UI and the command line show, word for word.
    #[test]
    fn messages_read_as_before() {
        let cases: [(Unreachable, &str); 10] = [
            (
                Unreachable::Range {
                    range_m: 3_000_000.0,
                    max_range_m: 1_234_567.0,
                },
                "reach 3000 km; its maximum range with this payload is about 1235 km",
            ),
            (
                Unreachable::MinEnergyTooShort { range_m: 40_400.0 },
                "fly as short as 40 km on a minimum-energy path; use a lofted or depressed shape",
            ),
            (
                Unreachable::FullBurn {
                    branch: Branch::Depressed,
                    range_m: 500_000.0,
                },
                "fly a full-burn depressed path of 500 km; try a longer range or the minimum-energy shape",
            ),
            (
                Unreachable::PullUpWithoutLift,
                "fly a pull-up manoeuvre; its re-entry vehicle has no lift (only hwasong-11 does)",
            ),
            (
                Unreachable::Apogee {
                    apogee_m: 9e6,
                    max_apogee_m: 6.5e6,
                },
                "reach an apogee of 9000 km; its highest apogee is about 6500 km",
            ),
            (
                Unreachable::RangeAtApogee {
                    range_m: 720e3,
                    apogee_m: 50e3,
                    min_range_m: -12e3,
                    max_range_m: 655.6e3,
                },
                "reach 720 km with an apogee of 50 km; at that apogee its range is about 0 to 656 km",
            ),
            (
                Unreachable::RangeWithApogee {
                    range_m: 720e3,
                    apogee_m: 50e3,
                },
                "reach 720 km with an apogee of 50 km; that apogee and range do not go together",
            ),
            (
                Unreachable::WrongBranch {
                    branch: Branch::Lofted,
                    range_m: 2.5e6,
                    apogee_m: 3e5,
                },
                "fly a lofted path of 2500 km with an apogee of 300 km; that apogee makes it a depressed path",
            ),
            (
                Unreachable::Missed {
                    shape: Shape::AsReported { apogee_m: 6e6 },
                    range_m: 1e6,
                    apogee_m: Some(6e6),
                    flown_range_m: 1.2e6,
                    flown_apogee_m: 5.9e6,
                },
                "fly a reported path of 1000 km with an apogee of 6000 km; the nearest flight found went 1200 km with an apogee of 5900 km",
            ),
            (
                Unreachable::Missed {
                    shape: Shape::MinEnergy,
                    range_m: 1e6,
                    apogee_m: None,
                    flown_range_m: 1.2e6,
                    flown_apogee_m: 5.9e5,
                },
                "fly a minimum-energy path of 1000 km; the nearest flight found went 1200 km with an apogee of 590 km",
            ),
        ];
        for (reason, text) in cases {
            assert_eq!(reason.to_string(), text);
        }
    }
}
