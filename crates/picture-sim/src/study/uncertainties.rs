//! The bounds a study samples within, beyond the missiles' own (the catalog's
//! [`crate::flight::Vehicle::uncertainties`]): the radars' detection references, the target's radar
//! cross-section by flight phase, the notional ship stations and the link latencies. Each default names its
//! basis; a study file may override any of them, and a missile's bounds too.

use crate::flight::catalog;
use crate::flight::uncertain::{Factor, VehicleSpread};
use crate::limits;
use serde::{Deserialize, Serialize};

/// A missile's bounds in place of the catalog's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissileSpreads {
    /// Catalog id.
    pub missile: String,
    pub spreads: Vec<VehicleSpread>,
}

/// One radar's reference-SNR half-width in place of the common one.
///
/// # Units
/// dB.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SensorSnr {
    /// Catalog name.
    pub sensor: String,
    pub snr_db: f64,
}

/// A half-width in dB per flight phase.
///
/// # Units
/// dB.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseDb {
    pub booster_db: f64,
    pub midcourse_db: f64,
    pub reentry_db: f64,
}

/// Everything a study varies, with its bounds. Each is uniform between its bounds (see
/// [`crate::flight::uncertain`] for why uniform).
///
/// # Units
/// dB for the half-widths of `radar_snr_db` and `rcs_db`, metres for `ship_radius_m`, a factor on each
/// link's latency for `latency`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Uncertainties {
    /// Missiles whose bounds replace the catalog's (by id); the others keep the catalog's.
    #[serde(default)]
    pub missiles: Vec<MissileSpreads>,
    /// Every radar's SNR at its reference range is the catalog's +- this, each radar drawn on its own.
    pub radar_snr_db: f64,
    /// Radars whose half-width differs from `radar_snr_db` (a radar better or worse known than the rest).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sensors: Vec<SensorSnr>,
    /// The target's cross-section in each phase is the catalog's +- this (one draw per phase for all
    /// missiles: they are the same kind of object).
    pub rcs_db: PhaseDb,
    /// Each ship radar stands anywhere within this distance of its station (uniform over the disc).
    pub ship_radius_m: f64,
    /// Each link's latency is its configured value times a factor in these bounds, each link on its own.
    pub latency: Factor,
    /// Whether each sample draws its own detections and measurement noise (off: every sample uses the
    /// scenario's seed, so a study with every bound zero is the single run).
    pub noise: bool,
}

/// Basis of [`Uncertainties::default`], for the README and the sources panel.
pub const BASIS: &str = "Radar detection reference +-3 dB: the catalog turns range claims into references \
    assuming a target cross-section and a single-look Pd of 1/2 that the claims never state (a factor of 2 in \
    either is 3 dB). Cross-section +-3 dB in boost (a 10 m^2 body of a few metres) and +-6 dB after burnout \
    (re-entry vehicles of 0.01-0.1 m^2 in the open literature: Sessler et al., \"Countermeasures\", UCS/MIT \
    2000). Ship stations: anywhere within 50 km, the stations being notional. Latencies: half to one and a half \
    times the configured value (no latency is public).";

impl Default for Uncertainties {
    fn default() -> Self {
        Uncertainties {
            missiles: Vec::new(),
            radar_snr_db: 3.0,
            sensors: Vec::new(),
            rcs_db: PhaseDb {
                booster_db: 3.0,
                midcourse_db: 6.0,
                reentry_db: 6.0,
            },
            ship_radius_m: 50_000.0,
            latency: Factor::plus_minus(0.5),
            noise: true,
        }
    }
}

/// The most missile overrides and bounds per missile a study file may carry.
pub const MISSILE_OVERRIDES_MAX: usize = 16;
pub const SPREADS_PER_MISSILE_MAX: usize = 16;
/// The widest half-width in dB accepted (a factor of 10^4 in power).
pub const DB_MAX: f64 = 40.0;
/// The farthest a ship may be moved, metres.
pub const SHIP_RADIUS_MAX_M: f64 = 1_000_000.0;
/// The widest factor accepted on a catalog value or a latency.
pub const FACTOR_MAX: f64 = 10.0;

impl Uncertainties {
    /// No uncertainty at all: every bound zero, every missile at its catalog values, the scenario's noise.
    pub fn zero() -> Uncertainties {
        Uncertainties {
            missiles: catalog::all()
                .iter()
                .map(|v| MissileSpreads {
                    missile: v.id.to_string(),
                    spreads: v
                        .uncertainties
                        .iter()
                        .map(|s| VehicleSpread {
                            factor: Factor::plus_minus(0.0),
                            ..*s
                        })
                        .collect(),
                })
                .collect(),
            radar_snr_db: 0.0,
            sensors: Vec::new(),
            rcs_db: PhaseDb {
                booster_db: 0.0,
                midcourse_db: 0.0,
                reentry_db: 0.0,
            },
            ship_radius_m: 0.0,
            latency: Factor::plus_minus(0.0),
            noise: false,
        }
    }

    /// Every bound widened (`scale` > 1) or narrowed about the nominal value, the missiles' catalog bounds
    /// included (made explicit).
    pub fn scaled(&self, scale: f64) -> Uncertainties {
        let missiles = catalog::all()
            .iter()
            .map(|v| MissileSpreads {
                missile: v.id.to_string(),
                spreads: self
                    .spreads_of(v.id)
                    .iter()
                    .map(|s| VehicleSpread {
                        factor: s.factor.scaled(scale),
                        ..*s
                    })
                    .collect(),
            })
            .collect();
        Uncertainties {
            missiles,
            radar_snr_db: self.radar_snr_db * scale,
            sensors: self
                .sensors
                .iter()
                .map(|s| SensorSnr {
                    sensor: s.sensor.clone(),
                    snr_db: s.snr_db * scale,
                })
                .collect(),
            rcs_db: PhaseDb {
                booster_db: self.rcs_db.booster_db * scale,
                midcourse_db: self.rcs_db.midcourse_db * scale,
                reentry_db: self.rcs_db.reentry_db * scale,
            },
            ship_radius_m: self.ship_radius_m * scale,
            latency: self.latency.scaled(scale),
            noise: self.noise,
        }
    }

    /// A missile's bounds: the override's if there is one, else the catalog's.
    pub fn spreads_of(&self, missile: &str) -> Vec<VehicleSpread> {
        if let Some(o) = self
            .missiles
            .iter()
            .find(|m| m.missile.eq_ignore_ascii_case(missile))
        {
            return o.spreads.clone();
        }
        catalog::find(missile)
            .map(|v| v.uncertainties.to_vec())
            .unwrap_or_default()
    }

    /// A radar's reference-SNR half-width, dB.
    pub fn snr_db_of(&self, sensor: &str) -> f64 {
        self.sensors
            .iter()
            .find(|s| s.sensor == sensor)
            .map_or(self.radar_snr_db, |s| s.snr_db)
    }

    /// Parses and validates a study file's uncertainties.
    pub fn from_json(text: &str) -> Result<Uncertainties, String> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let u: Uncertainties = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            format!("{path}: {}", e.into_inner())
        })?;
        u.validate()?;
        Ok(u)
    }

    /// Refuses bounds that cannot be sampled, naming the field.
    pub fn validate(&self) -> Result<(), String> {
        if self.missiles.len() > MISSILE_OVERRIDES_MAX {
            return Err(format!(
                "missiles: {} overrides; at most {MISSILE_OVERRIDES_MAX} are allowed",
                self.missiles.len()
            ));
        }
        for (i, m) in self.missiles.iter().enumerate() {
            let Some(v) = catalog::find(&m.missile) else {
                return Err(format!(
                    "missiles[{i}].missile: unknown missile `{}`; known: {}",
                    m.missile
                        .chars()
                        .take(limits::NAME_MAX_BYTES)
                        .collect::<String>(),
                    catalog::ids().join(", ")
                ));
            };
            if m.spreads.len() > SPREADS_PER_MISSILE_MAX {
                return Err(format!(
                    "missiles[{i}].spreads: {} bounds; at most {SPREADS_PER_MISSILE_MAX} are allowed",
                    m.spreads.len()
                ));
            }
            for (j, s) in m.spreads.iter().enumerate() {
                if !(s.factor.is_valid() && s.factor.high <= FACTOR_MAX) {
                    return Err(format!(
                        "missiles[{i}].spreads[{j}].factor: {}..{} must be finite, positive, low <= high, at most {FACTOR_MAX}",
                        s.factor.low, s.factor.high
                    ));
                }
                if let Some(stage) = s.stage {
                    if stage as usize >= v.stages.len() {
                        return Err(format!(
                            "missiles[{i}].spreads[{j}].stage: {stage}, but {} has {} stages (0 is the first)",
                            v.id,
                            v.stages.len()
                        ));
                    }
                }
            }
        }
        if self.sensors.len() > limits::SENSORS_MAX {
            return Err(format!(
                "sensors: {} entries; at most {} are allowed",
                self.sensors.len(),
                limits::SENSORS_MAX
            ));
        }
        let radars: Vec<String> = crate::sensors::catalog()
            .map_err(|e| e.to_string())?
            .into_iter()
            .filter(|s| s.radar().is_some())
            .map(|s| s.name)
            .collect();
        for (i, s) in self.sensors.iter().enumerate() {
            if !radars.contains(&s.sensor) {
                return Err(format!(
                    "sensors[{i}].sensor: no radar named `{}` in the catalog",
                    s.sensor
                        .chars()
                        .take(limits::NAME_MAX_BYTES)
                        .collect::<String>()
                ));
            }
            if !(s.snr_db.is_finite() && (0.0..=DB_MAX).contains(&s.snr_db)) {
                return Err(format!(
                    "sensors[{i}].snr_db: {} dB must be in 0..={DB_MAX} dB",
                    s.snr_db
                ));
            }
        }
        for (field, db) in [
            ("radar_snr_db", self.radar_snr_db),
            ("rcs_db.booster_db", self.rcs_db.booster_db),
            ("rcs_db.midcourse_db", self.rcs_db.midcourse_db),
            ("rcs_db.reentry_db", self.rcs_db.reentry_db),
        ] {
            if !(db.is_finite() && (0.0..=DB_MAX).contains(&db)) {
                return Err(format!("{field}: {db} dB must be in 0..={DB_MAX} dB"));
            }
        }
        if !(self.ship_radius_m.is_finite()
            && (0.0..=SHIP_RADIUS_MAX_M).contains(&self.ship_radius_m))
        {
            return Err(format!(
                "ship_radius_m: {} m must be in 0..={SHIP_RADIUS_MAX_M} m",
                self.ship_radius_m
            ));
        }
        if !(self.latency.is_valid() && self.latency.high <= FACTOR_MAX) {
            return Err(format!(
                "latency: {}..{} must be finite, positive, low <= high, at most {FACTOR_MAX}",
                self.latency.low, self.latency.high
            ));
        }
        Ok(())
    }
}
