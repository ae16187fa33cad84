//! The launch editor's form: what the user chose, validated into a flight model request. Pure (no web
//! dependency), tested natively. Messages name the field and the reason.

use picture_sim::flight::shaping::PULL_UP_APOGEE_M;
use picture_sim::flight::{
    catalog, Aim, LaunchRequest, Shape, PULL_UP_APOGEE_MAX_M, PULL_UP_APOGEE_MIN_M,
};
use picture_sim::{sites, SimTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ShapeChoice {
    MinEnergy,
    Lofted,
    Depressed,
    AsReported,
    PullUp,
}

impl ShapeChoice {
    pub const ALL: [ShapeChoice; 5] = [
        ShapeChoice::MinEnergy,
        ShapeChoice::Lofted,
        ShapeChoice::Depressed,
        ShapeChoice::AsReported,
        ShapeChoice::PullUp,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ShapeChoice::MinEnergy => "min-energy",
            ShapeChoice::Lofted => "lofted",
            ShapeChoice::Depressed => "depressed",
            ShapeChoice::AsReported => "as-reported",
            ShapeChoice::PullUp => "pull-up",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ShapeChoice::MinEnergy => "Minimum energy",
            ShapeChoice::Lofted => "Lofted to an apogee",
            ShapeChoice::Depressed => "Depressed to an apogee",
            ShapeChoice::AsReported => "As reported (apogee and range)",
            ShapeChoice::PullUp => "Depressed with pull-up (KN-23)",
        }
    }

    pub fn from_id(id: &str) -> Option<ShapeChoice> {
        ShapeChoice::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Whether the shape takes the apogee field.
    pub fn uses_apogee(self) -> bool {
        !matches!(self, ShapeChoice::MinEnergy)
    }

    /// The apogee a form keeps when the shape changes to this one, km: a pull-up takes only 35 to 60 km, so
    /// an apogee outside that (a lofted one, say) becomes the KN-23's usual 50 km.
    pub fn apogee_for(self, apogee_km: f64) -> f64 {
        let pull_up_km = PULL_UP_APOGEE_MIN_M / 1e3..=PULL_UP_APOGEE_MAX_M / 1e3;
        if self == ShapeChoice::PullUp && !pull_up_km.contains(&apogee_km) {
            PULL_UP_APOGEE_M / 1e3
        } else {
            apogee_km
        }
    }
}

/// # Units
/// Degrees, kilometres.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum AimForm {
    Point { lat_deg: f64, lon_deg: f64 },
    AzimuthRange { azimuth_deg: f64, range_km: f64 },
}

/// The launch editor's state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LaunchForm {
    /// Name of a site in `picture_sim::sites`.
    pub site: String,
    /// Catalog id of the missile.
    pub missile: String,
    pub shape: ShapeChoice,
    pub apogee_km: f64,
    pub aim: AimForm,
}

impl Default for LaunchForm {
    /// The 2017-08-29 Hwasong-12 from Sunan over Hokkaido, as JMOD reported it: about 550 km apogee and
    /// 2700 km range, on an azimuth of about 75 degrees.
    fn default() -> Self {
        LaunchForm {
            site: "Sunan (Pyongyang International Airport)".into(),
            missile: "hwasong-12".into(),
            shape: ShapeChoice::AsReported,
            apogee_km: 550.0,
            aim: AimForm::AzimuthRange {
                azimuth_deg: 75.4,
                range_km: 2700.0,
            },
        }
    }
}

impl LaunchForm {
    /// The flight model's request, or a message naming the field that is wrong and why.
    pub fn to_request(&self) -> Result<LaunchRequest, String> {
        let site = sites::find(&self.site)
            .ok_or_else(|| format!("Launch site: '{}' is not in the catalog", self.site))?;
        if catalog::find(&self.missile).is_none() {
            return Err(format!("Missile: '{}' is not in the catalog", self.missile));
        }
        let aim = match self.aim {
            AimForm::Point { lat_deg, lon_deg } => {
                if !(lat_deg.is_finite() && (-90.0..=90.0).contains(&lat_deg)) {
                    return Err(format!(
                        "Aim latitude: {lat_deg} is not between -90 and 90 degrees"
                    ));
                }
                if !lon_deg.is_finite() {
                    return Err("Aim longitude: not a number".into());
                }
                Aim::Point { lat_deg, lon_deg }
            }
            AimForm::AzimuthRange {
                azimuth_deg,
                range_km,
            } => {
                if !azimuth_deg.is_finite() {
                    return Err("Azimuth: not a number".into());
                }
                if !(range_km.is_finite() && range_km > 0.0) {
                    return Err(format!(
                        "Range: {range_km} km must be a positive number of kilometres"
                    ));
                }
                let longest_km = picture_sim::limits::AIM_RANGE_MAX_M / 1000.0;
                if range_km > longest_km {
                    return Err(format!(
                        "Range: {range_km} km is beyond the longest aim, {longest_km:.0} km (nearer the antipode every direction meets)"
                    ));
                }
                Aim::AzimuthRange {
                    azimuth_deg: azimuth_deg.rem_euclid(360.0),
                    range_m: range_km * 1000.0,
                }
            }
        };
        let apogee_m = if self.shape.uses_apogee() {
            if !(self.apogee_km.is_finite() && self.apogee_km > 0.0 && self.apogee_km < 20_000.0) {
                return Err(format!(
                    "Apogee: {} km must be between 0 and 20000 km",
                    self.apogee_km
                ));
            }
            let apogee_m = self.apogee_km * 1000.0;
            if self.shape == ShapeChoice::PullUp
                && !(PULL_UP_APOGEE_MIN_M..=PULL_UP_APOGEE_MAX_M).contains(&apogee_m)
            {
                return Err(format!(
                    "Apogee: {} km: a pull-up flies between {} and {} km (the KN-23's reported flights)",
                    self.apogee_km,
                    PULL_UP_APOGEE_MIN_M / 1e3,
                    PULL_UP_APOGEE_MAX_M / 1e3
                ));
            }
            apogee_m
        } else {
            0.0
        };
        let shape = match self.shape {
            ShapeChoice::MinEnergy => Shape::MinEnergy,
            ShapeChoice::Lofted => Shape::Lofted {
                apogee_m: Some(apogee_m),
            },
            ShapeChoice::Depressed => Shape::Depressed {
                apogee_m: Some(apogee_m),
            },
            ShapeChoice::AsReported => Shape::AsReported { apogee_m },
            ShapeChoice::PullUp => Shape::PullUp {
                apogee_m: Some(apogee_m),
            },
        };
        Ok(LaunchRequest {
            missile: self.missile.clone(),
            site: site.geodetic(),
            aim,
            shape,
            launch_time: SimTime::ZERO,
        })
    }
}

/// Parses a number typed in a form field, naming the field when it is not one.
pub fn parse_field(field: &str, text: &str) -> Result<f64, String> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| format!("{field}: '{}' is not a number", text.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_a_valid_request() {
        let r = LaunchForm::default().to_request().unwrap();
        assert_eq!(r.missile, "hwasong-12");
        assert!(matches!(r.shape, Shape::AsReported { apogee_m } if apogee_m == 550_000.0));
    }

    #[test]
    fn bad_fields_are_named() {
        let f = LaunchForm {
            missile: "scud-z".into(),
            ..LaunchForm::default()
        };
        assert!(f.to_request().unwrap_err().starts_with("Missile:"));
        let f = LaunchForm {
            site: "Atlantis".into(),
            ..LaunchForm::default()
        };
        assert!(f.to_request().unwrap_err().starts_with("Launch site:"));
        let f = LaunchForm {
            aim: AimForm::AzimuthRange {
                azimuth_deg: 90.0,
                range_km: -5.0,
            },
            ..LaunchForm::default()
        };
        assert!(f.to_request().unwrap_err().starts_with("Range:"));
        let f = LaunchForm {
            apogee_km: f64::NAN,
            ..LaunchForm::default()
        };
        assert!(f.to_request().unwrap_err().starts_with("Apogee:"));
        let f = LaunchForm {
            aim: AimForm::Point {
                lat_deg: 95.0,
                lon_deg: 130.0,
            },
            ..LaunchForm::default()
        };
        assert!(f.to_request().unwrap_err().starts_with("Aim latitude:"));
        // The apogee is not asked of shapes that do not use it.
        let f = LaunchForm {
            shape: ShapeChoice::MinEnergy,
            apogee_km: f64::NAN,
            ..LaunchForm::default()
        };
        assert!(f.to_request().is_ok());
    }

    #[test]
    fn parse_field_names_the_field() {
        assert_eq!(parse_field("Range", " 1200 "), Ok(1200.0));
        assert_eq!(
            parse_field("Range", "12x"),
            Err("Range: '12x' is not a number".into())
        );
        assert!(parse_field("Range", "inf").is_err());
    }

    #[test]
    fn a_pull_up_takes_an_apogee_of_35_to_60_km() {
        let pull_up = |apogee_km: f64| LaunchForm {
            missile: "hwasong-11".into(),
            shape: ShapeChoice::PullUp,
            apogee_km,
            ..LaunchForm::default()
        };
        let r = pull_up(37.0).to_request().unwrap();
        assert_eq!(
            r.shape,
            Shape::PullUp {
                apogee_m: Some(37_000.0)
            }
        );
        for bad in [30.0, 60.5, 550.0, f64::NAN] {
            let e = pull_up(bad).to_request().unwrap_err();
            assert!(e.starts_with("Apogee:"), "{bad}: {e}");
        }
        assert_eq!(
            pull_up(550.0).to_request().unwrap_err(),
            "Apogee: 550 km: a pull-up flies between 35 and 60 km (the KN-23's reported flights)"
        );
        // Switching to the pull-up keeps an apogee it can fly, and makes any other the usual 50 km; other
        // shapes keep theirs.
        assert_eq!(ShapeChoice::PullUp.apogee_for(40.0), 40.0);
        assert_eq!(ShapeChoice::PullUp.apogee_for(550.0), 50.0);
        assert_eq!(ShapeChoice::Lofted.apogee_for(40.0), 40.0);
    }

    #[test]
    fn shape_ids_round_trip() {
        for s in ShapeChoice::ALL {
            assert_eq!(ShapeChoice::from_id(s.id()), Some(s));
        }
    }
}
