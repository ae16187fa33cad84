//! Launch sites named in public reports (CNS North Korea Missile Test Database estimates, +-5 km), the same
//! data as `data/reference/launch_sites.csv`.

use crate::earth::Geodetic;
use serde::Serialize;

/// A named launch site.
///
/// # Units
/// Latitude and longitude in degrees (north and east positive).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LaunchSite {
    pub name: &'static str,
    pub lat_deg: f64,
    pub lon_deg: f64,
    pub notes: &'static str,
}

impl LaunchSite {
    /// The site on the ground (height 0 m).
    pub fn geodetic(&self) -> Geodetic {
        Geodetic {
            lat_rad: self.lat_deg.to_radians(),
            lon_rad: self.lon_deg.to_radians(),
            h_m: 0.0,
        }
    }
}

const fn site(name: &'static str, lat_deg: f64, lon_deg: f64, notes: &'static str) -> LaunchSite {
    LaunchSite {
        name,
        lat_deg,
        lon_deg,
        notes,
    }
}

static SITES: [LaunchSite; 13] = [
    site(
        "Sunan (Pyongyang International Airport)",
        39.200,
        125.673,
        "Hwasong-12/-15/-17 launches",
    ),
    site("Samsok", 39.112, 125.998, "Hwasong-18/-19 solid ICBMs"),
    site("Pyongsong", 39.282, 125.869, "Hwasong-15, 2017-11-29"),
    site(
        "Mupyong-ni",
        40.611,
        126.426,
        "Hwasong-14 2017-07-28; IRBM over Japan 2022-10-04",
    ),
    site("Panghyon", 39.872, 125.269, "Hwasong-14 2017-07-04"),
    site("Kusong", 40.066, 125.210, "Hwasong-12 2017-05-14"),
    site("Baegun", 40.030, 125.227, "KN-23 2019-05-09"),
    site("Hodo peninsula", 39.402, 127.537, "KN-23 2019-07-25"),
    site("Sondok airbase", 39.744, 127.473, "KN-25 2019-08-24"),
    site("Yonpo", 39.789, 127.540, "KN-25 2019-11-28"),
    site("Uiju", 40.026, 124.578, "rail-mobile KN-23 2022-01-14"),
    site(
        "Sohae (Tongchang-ri)",
        39.660,
        124.705,
        "satellite launch site",
    ),
    site(
        "Sinpo",
        40.030,
        128.190,
        "submarine-launched missiles (approximate)",
    ),
];

/// Every launch site.
pub fn all() -> &'static [LaunchSite] {
    &SITES
}

/// The site whose name starts with `name` (case-insensitive), e.g. `sunan` or `Sohae`.
pub fn find(name: &str) -> Option<&'static LaunchSite> {
    let want = name.trim().to_ascii_lowercase();
    SITES
        .iter()
        .find(|s| !want.is_empty() && s.name.to_ascii_lowercase().starts_with(&want))
}
