//! What a sensor is: a named ground radar, ship radar or space-based infrared sensor of one nation, with the
//! provenance of its parameters.

use super::infrared::{Infrared, InfraredError};
use super::radar::{Radar, RadarError};
use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq)]
pub enum SensorError {
    #[error("sensor name must not be empty")]
    EmptyName,
    #[error("sensor `{name}`: {source}")]
    Radar { name: String, source: RadarError },
    #[error("sensor `{name}`: {source}")]
    Infrared { name: String, source: InfraredError },
    #[error("sensor `{name}` is a {kind} and cannot be moved (only ship radars can)")]
    NotMovable { name: String, kind: &'static str },
}

/// The nation that operates a sensor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Nation {
    JP,
    KR,
    US,
}

impl fmt::Display for Nation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Nation::JP => "JP",
            Nation::KR => "KR",
            Nation::US => "US",
        })
    }
}

/// The kind of sensor, with its parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SensorKind {
    /// A radar at a fixed site.
    GroundRadar(Radar),
    /// A radar on a ship, on a station the user can move.
    ShipRadar(Radar),
    /// Space-based infrared early warning.
    SpaceInfrared(Infrared),
}

impl SensorKind {
    pub fn label(&self) -> &'static str {
        match self {
            SensorKind::GroundRadar(_) => "ground radar",
            SensorKind::ShipRadar(_) => "ship radar",
            SensorKind::SpaceInfrared(_) => "space infrared",
        }
    }
}

/// Where a sensor's figures come from. All are public estimates; some sites are notional (the real site is not
/// public, so a plausible one is used).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The performance figures are estimates fitted to public claims, not official values.
    pub estimate: bool,
    /// The site is notional.
    pub notional_site: bool,
    /// Where the claims come from.
    pub source: String,
}

/// A sensor in a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sensor {
    pub name: String,
    pub nation: Nation,
    pub kind: SensorKind,
    pub provenance: Provenance,
}

impl Sensor {
    pub fn new(
        name: impl Into<String>,
        nation: Nation,
        kind: SensorKind,
        provenance: Provenance,
    ) -> Result<Sensor, SensorError> {
        let name = name.into();
        if name.trim().is_empty() {
            return Err(SensorError::EmptyName);
        }
        Ok(Sensor {
            name,
            nation,
            kind,
            provenance,
        })
    }

    /// The radar, if this is a ground or ship radar.
    pub fn radar(&self) -> Option<&Radar> {
        match &self.kind {
            SensorKind::GroundRadar(r) | SensorKind::ShipRadar(r) => Some(r),
            SensorKind::SpaceInfrared(_) => None,
        }
    }

    /// Time between looks, ms.
    pub fn update_interval_ms(&self) -> i64 {
        match &self.kind {
            SensorKind::GroundRadar(r) | SensorKind::ShipRadar(r) => r.update_interval_ms(),
            SensorKind::SpaceInfrared(i) => i.update_interval_ms(),
        }
    }

    /// Moves a ship radar to a new station (degrees). Other kinds cannot move.
    pub fn move_to(&mut self, lat_deg: f64, lon_deg: f64) -> Result<(), SensorError> {
        match &mut self.kind {
            SensorKind::ShipRadar(r) => {
                *r = r
                    .moved_to(lat_deg, lon_deg)
                    .map_err(|source| SensorError::Radar {
                        name: self.name.clone(),
                        source,
                    })?;
                Ok(())
            }
            other => Err(SensorError::NotMovable {
                name: self.name.clone(),
                kind: other.label(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sensors::radar::tests::spec;

    fn provenance() -> Provenance {
        Provenance {
            estimate: true,
            notional_site: true,
            source: "test".into(),
        }
    }

    #[test]
    fn only_ships_move() {
        let radar = Radar::new(spec()).unwrap();
        let mut ship = Sensor::new(
            "ship",
            Nation::KR,
            SensorKind::ShipRadar(radar.clone()),
            provenance(),
        )
        .unwrap();
        ship.move_to(37.0, 131.0).unwrap();
        assert!((ship.radar().unwrap().site().lon_deg() - 131.0).abs() < 1e-9);
        assert!(ship.move_to(95.0, 131.0).is_err());
        let mut ground = Sensor::new(
            "ground",
            Nation::KR,
            SensorKind::GroundRadar(radar),
            provenance(),
        )
        .unwrap();
        assert!(matches!(
            ground.move_to(37.0, 131.0),
            Err(SensorError::NotMovable { .. })
        ));
        assert!(Sensor::new(" ", Nation::JP, ground.kind.clone(), provenance()).is_err());
    }

    #[test]
    fn json_round_trip() {
        let radar = Radar::new(spec()).unwrap();
        let s = Sensor::new(
            "r",
            Nation::US,
            SensorKind::GroundRadar(radar),
            provenance(),
        )
        .unwrap();
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains("ground_radar"), "{json}");
        let back: Sensor = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
    }
}
