//! What the catalog does not know: each missile parameter's bounds, as data the uncertainty study
//! (`crate::study`) samples within, with the source of each bound.
//!
//! A bound is a factor on the catalog value, and a parameter is taken as uniformly distributed between its
//! factors: the sources state a span ("+-15 %", "500-750 kg"), not a shape, and the uniform distribution
//! assumes nothing more than the span.

use super::vehicle::{Payload, Stage, Vehicle};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Factors on a catalog value: the value lies between `low` and `high` times it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    pub low: f64,
    pub high: f64,
}

impl Factor {
    /// `1 - half` to `1 + half` (`half` a fraction: 0.15 for +-15 %).
    pub const fn plus_minus(half: f64) -> Factor {
        Factor {
            low: 1.0 - half,
            high: 1.0 + half,
        }
    }

    /// The factors that make a catalog value `nominal` span `low..high`.
    pub const fn span(nominal: f64, low: f64, high: f64) -> Factor {
        Factor {
            low: low / nominal,
            high: high / nominal,
        }
    }

    /// The factor at `u` in [0, 1] (0 the low bound, 1 the high one).
    pub fn at(&self, u: f64) -> f64 {
        self.low + (self.high - self.low) * u
    }

    /// The bounds widened (`scale` > 1) or narrowed about 1 (the catalog value).
    pub fn scaled(&self, scale: f64) -> Factor {
        Factor {
            low: 1.0 - (1.0 - self.low) * scale,
            high: 1.0 + (self.high - 1.0) * scale,
        }
    }

    /// Whether the bounds are usable: finite, positive, `low <= 1 <= high` is not required (a source may put
    /// the catalog value at an end) but `low <= high` is.
    pub fn is_valid(&self) -> bool {
        self.low.is_finite() && self.high.is_finite() && self.low > 0.0 && self.low <= self.high
    }
}

/// The parameter a bound applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VehicleParameter {
    /// A stage's size: its mass and its propellant together (the propellant fraction kept).
    StageMass,
    /// A stage's propellant at its mass (the propellant fraction).
    Propellant,
    /// A stage's specific impulse.
    Isp,
    /// A stage's burn time (the propellant kept, so the thrust changes inversely).
    BurnTime,
    /// The payload's mass (its ballistic coefficient scales with it: the same shape, heavier).
    PayloadMass,
    /// The payload's lift-to-drag ratio in the glide.
    LiftToDrag,
}

impl VehicleParameter {
    /// Whether the parameter belongs to a stage (each stage draws its own).
    pub fn per_stage(self) -> bool {
        matches!(
            self,
            VehicleParameter::StageMass
                | VehicleParameter::Propellant
                | VehicleParameter::Isp
                | VehicleParameter::BurnTime
        )
    }

    pub fn label(self) -> &'static str {
        match self {
            VehicleParameter::StageMass => "stage mass",
            VehicleParameter::Propellant => "propellant fraction",
            VehicleParameter::Isp => "specific impulse",
            VehicleParameter::BurnTime => "burn time",
            VehicleParameter::PayloadMass => "payload mass",
            VehicleParameter::LiftToDrag => "lift-to-drag ratio",
        }
    }
}

/// One bound of a missile's parameter: on every stage (`stage` absent, each stage drawn on its own) or on one
/// (0 the first).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VehicleSpread {
    pub parameter: VehicleParameter,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<u8>,
    pub factor: Factor,
    /// Where the bound comes from.
    #[serde(default)]
    pub source: Source,
}

/// Where a catalog bound comes from. A file's own text is read and not kept (the catalog's text is static), so
/// that a record written with the catalog's sources reads back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(transparent)]
pub struct Source(pub &'static str);

impl<'de> Deserialize<'de> for Source {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Source, D::Error> {
        serde::de::IgnoredAny::deserialize(d).map(|_| Source(""))
    }
}

/// The highest propellant fraction a perturbed stage may reach: a stage is never all propellant.
pub const PROPELLANT_FRACTION_MAX: f64 = 0.98;

impl fmt::Display for VehicleSpread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (lo, hi) = (
            (self.factor.low - 1.0) * 100.0,
            (self.factor.high - 1.0) * 100.0,
        );
        match self.stage {
            Some(s) => write!(f, "stage {} {}", s + 1, self.parameter.label())?,
            None => write!(f, "{}", self.parameter.label())?,
        }
        if (lo + hi).abs() < 0.05 {
            write!(f, " +-{:.0} %", hi)
        } else {
            write!(f, " {lo:+.0} % to {hi:+.0} %")
        }
    }
}

/// A readable list of a missile's bounds (the sources panel, `picture missiles`).
pub fn describe(spreads: &[VehicleSpread]) -> String {
    spreads
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The stages and payload of a vehicle with each bound's factor applied. `factors[i]` is the factor of
/// `spreads[i]` for its stage-wide bounds, one per stage in order: [`factor_count`] gives the count.
pub fn perturbed(vehicle: &Vehicle, spreads: &[VehicleSpread], factors: &[f64]) -> Vehicle {
    let mut out = *vehicle;
    let mut next = factors.iter().copied();
    for spread in spreads {
        let n = out.stages.len();
        let targets: Vec<usize> = match (spread.parameter.per_stage(), spread.stage) {
            (false, _) => vec![usize::MAX],
            (true, Some(s)) => vec![s as usize],
            (true, None) => (0..n).collect(),
        };
        for target in targets {
            let f = next.next().unwrap_or(1.0);
            match spread.parameter {
                VehicleParameter::PayloadMass => scale_payload(&mut out.payload, f),
                VehicleParameter::LiftToDrag => out.payload.lift_to_drag *= f,
                _ => {
                    if let Some(stage) = out.stages.as_mut_slice().get_mut(target) {
                        scale_stage(stage, spread.parameter, f);
                    }
                }
            }
        }
    }
    out
}

/// How many factors [`perturbed`] reads for these bounds on this vehicle.
pub fn factor_count(vehicle: &Vehicle, spreads: &[VehicleSpread]) -> usize {
    spreads
        .iter()
        .map(|s| match (s.parameter.per_stage(), s.stage) {
            (true, None) => vehicle.stages.len(),
            _ => 1,
        })
        .sum()
}

fn scale_payload(payload: &mut Payload, f: f64) {
    payload.mass_kg *= f;
    payload.ballistic_coefficient_kg_m2 *= f;
}

fn scale_stage(stage: &mut Stage, parameter: VehicleParameter, f: f64) {
    match parameter {
        VehicleParameter::StageMass => {
            stage.mass_kg *= f;
            stage.propellant_kg *= f;
        }
        VehicleParameter::Propellant => {
            stage.propellant_kg =
                (stage.propellant_kg * f).min(stage.mass_kg * PROPELLANT_FRACTION_MAX);
        }
        VehicleParameter::Isp => stage.isp_s *= f,
        VehicleParameter::BurnTime => stage.burn_time_s *= f,
        VehicleParameter::PayloadMass | VehicleParameter::LiftToDrag => {}
    }
}
