//! Vehicles as the flight model sees them: a stack of stages (each burning at a constant mass flow) carrying
//! a payload that flies on alone after the last burnout.

use super::uncertain::VehicleSpread;
use serde::{Serialize, Serializer};

/// Standard gravity, m/s^2 (the definition of specific impulse in seconds).
pub const G0_M_S2: f64 = 9.806_65;

/// One rocket stage.
///
/// # Units
/// Masses in kg (`mass_kg` includes the propellant), specific impulse in s (an average over the burn: the
/// model has no nozzle back-pressure term), burn time in s, diameter in m.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Stage {
    pub mass_kg: f64,
    pub propellant_kg: f64,
    pub isp_s: f64,
    pub burn_time_s: f64,
    pub diameter_m: f64,
}

impl Stage {
    /// Propellant mass flow, kg/s.
    pub fn mass_flow_kg_s(&self) -> f64 {
        self.propellant_kg / self.burn_time_s
    }

    /// Thrust, N.
    pub fn thrust_n(&self) -> f64 {
        self.isp_s * G0_M_S2 * self.mass_flow_kg_s()
    }

    /// Cross-section, m^2 (the drag reference area while this stage is the lowest one).
    pub fn area_m2(&self) -> f64 {
        std::f64::consts::FRAC_PI_4 * self.diameter_m * self.diameter_m
    }
}

/// What flies on after the last burnout: a re-entry vehicle (or a manoeuvring warhead section).
///
/// # Units
/// Mass in kg; ballistic coefficient `m / (Cd A)` in kg/m^2 at hypersonic speed; lift-to-drag ratio
/// dimensionless (0 for a purely ballistic re-entry vehicle).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Payload {
    pub mass_kg: f64,
    pub ballistic_coefficient_kg_m2: f64,
    pub lift_to_drag: f64,
}

/// The most stages a vehicle has (the catalog's three-stage solids).
pub const STAGES_MAX: usize = 3;

/// The stages of a vehicle, first up, held by value so that a vehicle with changed stages (a sample of the
/// uncertainty study) is a value like a catalog entry. Reads as a slice.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stages {
    count: usize,
    stages: [Stage; STAGES_MAX],
}

impl Stages {
    /// The stages given, first up. More than [`STAGES_MAX`] fails to compile in a constant (the catalog).
    pub const fn new(given: &[Stage]) -> Stages {
        assert!(!given.is_empty() && given.len() <= STAGES_MAX);
        let unused = Stage {
            mass_kg: 0.0,
            propellant_kg: 0.0,
            isp_s: 0.0,
            burn_time_s: 0.0,
            diameter_m: 0.0,
        };
        let mut stages = [unused; STAGES_MAX];
        let mut i = 0;
        while i < given.len() {
            stages[i] = given[i];
            i += 1;
        }
        Stages {
            count: given.len(),
            stages,
        }
    }

    /// The stages, mutable (for a perturbed copy).
    pub fn as_mut_slice(&mut self) -> &mut [Stage] {
        &mut self.stages[..self.count]
    }
}

impl std::ops::Deref for Stages {
    type Target = [Stage];
    fn deref(&self) -> &[Stage] {
        &self.stages[..self.count]
    }
}

impl Serialize for Stages {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// A missile type: its stages from the first up, its payload, where the numbers come from and how uncertain
/// each is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Vehicle {
    /// Catalog id, e.g. `hwasong-15`.
    pub id: &'static str,
    /// Display name, e.g. `Hwasong-15 (KN-22)`.
    pub name: &'static str,
    pub stages: Stages,
    pub payload: Payload,
    /// Where the numbers come from.
    pub source: &'static str,
    /// How uncertain they are: the bounds the uncertainty study samples within (`crate::study`).
    pub uncertainties: &'static [VehicleSpread],
}

impl Vehicle {
    /// Lift-off mass, kg.
    pub fn launch_mass_kg(&self) -> f64 {
        self.stages.iter().map(|s| s.mass_kg).sum::<f64>() + self.payload.mass_kg
    }

    /// Total burn time of all stages, s (staging is taken as instantaneous).
    pub fn total_burn_time_s(&self) -> f64 {
        self.stages.iter().map(|s| s.burn_time_s).sum()
    }

    /// Ideal (vacuum, no gravity) velocity change of the whole stack, m/s: a quick sanity figure.
    pub fn ideal_delta_v_m_s(&self) -> f64 {
        let mut above_kg = self.payload.mass_kg;
        let mut dv = 0.0;
        for s in self.stages.iter().rev() {
            let m0 = above_kg + s.mass_kg;
            dv += s.isp_s * G0_M_S2 * (m0 / (m0 - s.propellant_kg)).ln();
            above_kg = m0;
        }
        dv
    }
}
