//! What a solve changed to fly its shape. The solvers reach a range, an apogee or both by the program's energy
//! ([`Program::energy`]): below 1 the thrust is cut early, which is how a missile is flown short; above 1 the
//! payload is lightened, which changes the missile. An "as reported" flight that cannot reach a reported
//! apogee and range with the catalog's payload does the second silently unless it is said, so a flight's
//! figures carry this account, and a lighter payload is checked against the bounds the catalog's sources
//! state ([`Vehicle::uncertainties`]).

use super::uncertain::{Factor, VehicleParameter};
use super::{catalog, Flight, Program, Vehicle};
use serde::Serialize;

/// Below this relative change a factor is the catalog's own value (the solvers' energy is not exactly 1 when
/// they land on it).
const UNCHANGED: f64 = 1e-6;

/// The payload the flight carried, when it is not the catalog's.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PayloadChange {
    pub flown_kg: f64,
    pub catalog_kg: f64,
    /// `flown_kg / catalog_kg`.
    pub factor: f64,
    /// The payload's bounds in the catalog, as factors on its value (none when the catalog states none).
    pub allowed: Option<Factor>,
}

impl PayloadChange {
    /// Whether the flown payload lies inside the catalog's stated bounds.
    pub fn within_catalog(&self) -> bool {
        self.allowed
            .is_some_and(|b| self.factor >= b.low - UNCHANGED && self.factor <= b.high + UNCHANGED)
    }

    /// How far outside the bounds the flown payload lies, as a fraction of the catalog value (0 inside).
    pub fn outside_by(&self) -> f64 {
        match self.allowed {
            Some(b) if self.factor < b.low => b.low - self.factor,
            Some(b) if self.factor > b.high => self.factor - b.high,
            Some(_) => 0.0,
            None => (self.factor - 1.0).abs(),
        }
    }

    /// One sentence for a reader: what was flown, against what, and whether the sources allow it.
    pub fn sentence(&self) -> String {
        let flown = format!(
            "The model flew a {} kg payload, {:.0} % of the catalog's {} kg",
            grouped(self.flown_kg),
            self.factor * 100.0,
            grouped(self.catalog_kg)
        );
        match self.allowed {
            None => format!("{flown}; the catalog states no bounds for it."),
            Some(b) => {
                let span = format!(
                    "{}-{} kg",
                    grouped(b.low * self.catalog_kg),
                    grouped(b.high * self.catalog_kg)
                );
                if self.within_catalog() {
                    format!("{flown}, inside the {span} its sources allow.")
                } else {
                    format!(
                        "{flown}: outside the {span} its sources allow, by {:.0} % of the catalog value, so the \
                         reported flight does not fit the catalog's missile.",
                        self.outside_by() * 100.0
                    )
                }
            }
        }
    }
}

/// The thrust cut before the stages' full burn (energy management, or a liquid engine's shut-down).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BurnCut {
    pub flown_s: f64,
    pub full_s: f64,
    /// `flown_s / full_s`.
    pub fraction: f64,
}

impl BurnCut {
    pub fn sentence(&self) -> String {
        format!(
            "The thrust was cut after {:.0} s, {:.0} % of the full {:.0} s burn.",
            self.flown_s,
            self.fraction * 100.0,
            self.full_s
        )
    }
}

/// An "as reported" flight that no flight inside the catalog's bounds can match: the apogee reported and the
/// nearest one flown instead (at the reported range, with the lightest payload the sources allow).
///
/// # Units
/// Metres.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ReportMiss {
    pub reported_apogee_m: f64,
    pub flown_apogee_m: f64,
}

impl ReportMiss {
    /// The flown apogee less the reported one, m (negative: lower than reported).
    pub fn apogee_error_m(&self) -> f64 {
        self.flown_apogee_m - self.reported_apogee_m
    }

    pub fn sentence(&self) -> String {
        let error_m = self.apogee_error_m();
        format!(
            "The report does not fit the catalog's missile: no flight inside the bounds its sources state \
             reaches the reported {} km apogee at this range. The nearest, flown here, reaches {} km, {} km \
             ({:.0} %) {} than reported.",
            grouped(self.reported_apogee_m / 1e3),
            grouped(self.flown_apogee_m / 1e3),
            grouped(error_m.abs() / 1e3),
            100.0 * error_m.abs() / self.reported_apogee_m,
            if error_m < 0.0 { "lower" } else { "higher" }
        )
    }
}

/// What a flight's program changed from the catalog's missile flown at full burn.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Adjustments {
    pub payload: Option<PayloadChange>,
    pub burn: Option<BurnCut>,
    /// Pitch above the horizontal at burnout, degrees (the shape's own choice, given for completeness).
    pub pitch_final_deg: f64,
    /// The report this "as reported" flight could not match inside the catalog's bounds.
    pub report: Option<ReportMiss>,
}

impl Adjustments {
    /// The account of `program` flown by `vehicle`.
    pub fn of(vehicle: &Vehicle, program: &Program) -> Adjustments {
        let (burn_fraction, payload_factor) = program.burn_fraction_and_payload_factor();
        let payload = ((payload_factor - 1.0).abs() > UNCHANGED).then(|| PayloadChange {
            flown_kg: vehicle.payload.mass_kg * payload_factor,
            catalog_kg: vehicle.payload.mass_kg,
            factor: payload_factor,
            allowed: vehicle
                .uncertainties
                .iter()
                .find(|s| s.parameter == VehicleParameter::PayloadMass)
                .map(|s| s.factor),
        });
        let full_s = vehicle.total_burn_time_s();
        let burn = (burn_fraction < 1.0 - UNCHANGED).then_some(BurnCut {
            flown_s: full_s * burn_fraction,
            full_s,
            fraction: burn_fraction,
        });
        Adjustments {
            payload,
            burn,
            pitch_final_deg: program.pitch_final_rad.to_degrees(),
            report: None,
        }
    }

    /// Whether the flight changed the missile beyond what its sources allow, or its report cannot be met.
    pub fn contradicts_catalog(&self) -> bool {
        self.payload.is_some_and(|p| !p.within_catalog()) || self.report.is_some()
    }

    /// The account in sentences, for a reader: the burn, the payload, the report.
    pub fn sentences(&self) -> Vec<String> {
        [
            self.burn.map(|b| b.sentence()),
            self.payload.map(|p| p.sentence()),
            self.report.map(|r| r.sentence()),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

impl Flight {
    /// What this flight's solve changed, for a catalog missile (none for a missile the catalog does not hold).
    pub fn adjustments(&self) -> Option<Adjustments> {
        catalog::find(&self.summary.missile).map(|v| Adjustments {
            report: self.report_miss,
            ..Adjustments::of(v, &self.program)
        })
    }
}

/// A whole number with thousands separated by commas, as the catalog's sources write masses.
fn grouped(x: f64) -> String {
    let digits = format!("{:.0}", x.abs());
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if x.round() < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program(energy: f64) -> Program {
        Program {
            azimuth_rad: 0.0,
            pitch_final_rad: 30f64.to_radians(),
            rise_s: 5.0,
            energy,
            pull_up: false,
        }
    }

    #[test]
    fn grouping_writes_thousands_like_the_sources() {
        assert_eq!(grouped(700.4), "700");
        assert_eq!(grouped(1_000.0), "1,000");
        assert_eq!(grouped(13_250.0), "13,250");
        assert_eq!(grouped(1_234_567.0), "1,234,567");
    }

    #[test]
    fn full_energy_changes_nothing() {
        let v = catalog::find("hwasong-15").unwrap();
        let a = Adjustments::of(v, &program(1.0));
        assert_eq!(a.payload, None);
        assert_eq!(a.burn, None);
        assert!(!a.contradicts_catalog());
        assert!((a.pitch_final_deg - 30.0).abs() < 1e-9);
    }

    #[test]
    fn a_short_burn_is_reported_in_seconds_of_the_full_burn() {
        let v = catalog::find("hwasong-15").unwrap();
        let a = Adjustments::of(v, &program(0.5));
        let burn = a.burn.unwrap();
        assert!((burn.full_s - v.total_burn_time_s()).abs() < 1e-9);
        assert!((burn.flown_s - 0.5 * v.total_burn_time_s()).abs() < 1e-9);
        assert!(burn.sentence().contains("50 % of the full"));
        assert_eq!(a.payload, None);
    }

    #[test]
    fn a_lightened_payload_is_checked_against_the_catalogs_bounds() {
        // Hwasong-15: 1,000 kg, the sources allow 600-1,000 kg.
        let v = catalog::find("hwasong-15").unwrap();
        assert!((v.payload.mass_kg - 1_000.0).abs() < 1e-9);
        let inside = Adjustments::of(v, &program(1.3)).payload.unwrap();
        assert!((inside.flown_kg - 700.0).abs() < 1e-9);
        assert!(inside.within_catalog());
        assert_eq!(inside.outside_by(), 0.0);
        assert_eq!(
            inside.sentence(),
            "The model flew a 700 kg payload, 70 % of the catalog's 1,000 kg, inside the 600-1,000 kg its \
             sources allow."
        );
        let outside = Adjustments::of(v, &program(1.5)).payload.unwrap();
        assert!(!outside.within_catalog());
        assert!((outside.outside_by() - 0.1).abs() < 1e-9);
        assert!(outside.sentence().contains("outside the 600-1,000 kg"));
        assert!(outside.sentence().contains("by 10 %"));
        assert!(Adjustments::of(v, &program(1.5)).contradicts_catalog());
    }
}
