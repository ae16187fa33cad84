//! Radar cross-section by phase of flight. The defaults are order-of-magnitude public estimates, not measured
//! values: a liquid- or solid-fuel booster seen from the side is several square metres; after burnout the
//! radar sees the re-entry vehicle with the last stage or post-boost vehicle near it; a conical re-entry vehicle
//! seen near nose-on is about 0.01 to 0.1 m^2 (figures of this order appear in open analyses such as Sessler et
//! al., *Countermeasures*, UCS/MIT 2000). The user can change all three.

use crate::truth::FlightPhase;
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq)]
pub enum RcsError {
    #[error("radar cross-section `{field}` = {value_m2} m^2 must be finite and positive")]
    NotPositive { field: &'static str, value_m2: f64 },
}

/// Radar cross-section of the target in each phase.
///
/// # Units
/// Square metres.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RcsSpec", into = "RcsSpec")]
pub struct RcsModel {
    spec: RcsSpec,
}

/// The serialized form of [`RcsModel`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RcsSpec {
    /// While a stage burns (and on the pad).
    pub booster_m2: f64,
    /// After burnout, above the atmosphere: the re-entry vehicle with its last stage or bus nearby.
    pub midcourse_m2: f64,
    /// The re-entry vehicle alone in the atmosphere.
    pub reentry_m2: f64,
}

impl RcsSpec {
    /// The public-estimate defaults: 10, 0.1 and 0.05 m^2.
    pub const DEFAULT: RcsSpec = RcsSpec {
        booster_m2: 10.0,
        midcourse_m2: 0.1,
        reentry_m2: 0.05,
    };
}

impl TryFrom<RcsSpec> for RcsModel {
    type Error = RcsError;
    fn try_from(spec: RcsSpec) -> Result<RcsModel, RcsError> {
        RcsModel::new(spec)
    }
}

impl From<RcsModel> for RcsSpec {
    fn from(m: RcsModel) -> RcsSpec {
        m.spec
    }
}

impl Default for RcsModel {
    fn default() -> Self {
        RcsModel {
            spec: RcsSpec::DEFAULT,
        }
    }
}

impl RcsModel {
    pub fn new(spec: RcsSpec) -> Result<RcsModel, RcsError> {
        for (field, value_m2) in [
            ("booster_m2", spec.booster_m2),
            ("midcourse_m2", spec.midcourse_m2),
            ("reentry_m2", spec.reentry_m2),
        ] {
            if !(value_m2.is_finite() && value_m2 > 0.0) {
                return Err(RcsError::NotPositive { field, value_m2 });
            }
        }
        Ok(RcsModel { spec })
    }

    pub fn spec(&self) -> &RcsSpec {
        &self.spec
    }

    /// The cross-section in a phase, m^2; `None` when there is nothing in the air (impacted).
    pub fn rcs_m2(&self, phase: FlightPhase) -> Option<f64> {
        match phase {
            FlightPhase::PreLaunch | FlightPhase::Boost { .. } => Some(self.spec.booster_m2),
            FlightPhase::Midcourse => Some(self.spec.midcourse_m2),
            FlightPhase::Reentry => Some(self.spec.reentry_m2),
            FlightPhase::Impacted => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_phase() {
        let m = RcsModel::default();
        assert_eq!(m.rcs_m2(FlightPhase::Boost { stage: 2 }), Some(10.0));
        assert_eq!(m.rcs_m2(FlightPhase::Midcourse), Some(0.1));
        assert_eq!(m.rcs_m2(FlightPhase::Reentry), Some(0.05));
        assert_eq!(m.rcs_m2(FlightPhase::Impacted), None);
        assert!(RcsModel::new(RcsSpec {
            reentry_m2: 0.0,
            ..RcsSpec::DEFAULT
        })
        .is_err());
    }
}
