//! Places labelled on the map. Coordinates are city centres (degrees, WGS84), from public gazetteers.

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    pub name: &'static str,
    pub lat_deg: f64,
    pub lon_deg: f64,
    pub capital: bool,
}

pub const PLACES: &[Place] = &[
    Place {
        name: "Seoul",
        lat_deg: 37.5665,
        lon_deg: 126.9780,
        capital: true,
    },
    Place {
        name: "Pyongyang",
        lat_deg: 39.0392,
        lon_deg: 125.7625,
        capital: true,
    },
    Place {
        name: "Tokyo",
        lat_deg: 35.6762,
        lon_deg: 139.6503,
        capital: true,
    },
    Place {
        name: "Beijing",
        lat_deg: 39.9042,
        lon_deg: 116.4074,
        capital: true,
    },
    Place {
        name: "Busan",
        lat_deg: 35.1796,
        lon_deg: 129.0756,
        capital: false,
    },
    Place {
        name: "Sapporo",
        lat_deg: 43.0618,
        lon_deg: 141.3545,
        capital: false,
    },
    Place {
        name: "Vladivostok",
        lat_deg: 43.1155,
        lon_deg: 131.8855,
        capital: false,
    },
];
