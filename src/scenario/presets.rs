//! Scenarios from public reports, each with a short note and its sources. Figures come from
//! `data/reference/launches.csv` (JMOD, JCS, KCNA via the CNS North Korea Missile Test Database) and the sites
//! from `launch_sites.csv`; where a report is not in that file the note gives its source.

use super::model::{AppScenario, ScenarioLaunch};
use crate::present::launch_form::{AimForm, LaunchForm, ShapeChoice};

/// One launch of a preset: (site, missile, shape, apogee km, azimuth deg, range km, launch time s).
type PresetLaunch = (&'static str, &'static str, ShapeChoice, f64, f64, f64, f64);

pub struct Preset {
    pub id: &'static str,
    pub title: &'static str,
    pub note: &'static str,
    pub sources: &'static [&'static str],
    /// The first launch's reported time, seconds since 1970-01-01T00:00Z (the clock's UTC, JST and KST).
    pub start_utc_s: i64,
    launches: &'static [PresetLaunch],
}

const CNS: &str = "CNS North Korea Missile Test Database (site coordinates, +-5 km)";

pub const PRESETS: &[Preset] = &[
    Preset {
        id: "2017-08-29-hwasong-12",
        title: "2017-08-29 Hwasong-12 over Hokkaido",
        note: "Launched from Sunan at 05:58 JST; flew over Cape Erimo and fell about 1180 km east of it \
               after about 14 minutes: about 550 km apogee and 2700 km range.",
        sources: &["Japan Ministry of Defense press release, 2017-08-29", CNS],
        // 05:58 JST 29 Aug 2017 (JMOD).
        start_utc_s: 1_503_953_880,
        launches: &[(
            "Sunan (Pyongyang International Airport)",
            "hwasong-12",
            ShapeChoice::AsReported,
            550.0,
            75.4,
            2700.0,
            0.0,
        )],
    },
    Preset {
        id: "2022-10-04-hwasong-12",
        title: "2022-10-04 Hwasong-12 over Tohoku",
        note: "Launched from Mupyong-ni; over Aomori at 07:28-07:29 JST, the first J-Alert since 2017: \
               about 1000 km apogee (JCS 970) and 4600 km range (JCS 4500) in about 22 minutes.",
        sources: &[
            "Japan Ministry of Defense press release, 2022-10-04",
            "ROK Joint Chiefs of Staff, 2022-10-04",
            CNS,
        ],
        // 07:22 JST 4 Oct 2022 (JMOD).
        start_utc_s: 1_664_835_720,
        launches: &[(
            "Mupyong-ni",
            "hwasong-12",
            ShapeChoice::AsReported,
            985.0,
            84.3,
            4550.0,
            0.0,
        )],
    },
    Preset {
        id: "2017-11-29-hwasong-15",
        title: "2017-11-29 Hwasong-15",
        note: "Lofted from Pyongsong to about 4475 km; fell about 250 km west of Aomori, in Japan's EEZ, \
               after about 53 minutes and 950 km.",
        sources: &[
            "Japan Ministry of Defense press release, 2017-11-29",
            "KCNA, 2017-11-29 (a North Korean claim)",
            CNS,
        ],
        // 03:18 JST 29 Nov 2017 (JMOD).
        start_utc_s: 1_511_893_080,
        launches: &[(
            "Pyongsong",
            "hwasong-15",
            ShapeChoice::AsReported,
            4475.0,
            73.9,
            950.0,
            0.0,
        )],
    },
    Preset {
        id: "2023-07-12-hwasong-18",
        title: "2023-07-12 Hwasong-18",
        note: "The solid-fuel ICBM lofted from near Samsok to 6648 km (KCNA; JMOD over 6000 km) for 1001 km \
               and 74 minutes (KCNA 4491 s), into the Sea of Japan.",
        sources: &[
            "Japan Ministry of Defense press release, 2023-07-12",
            "KCNA, 2023-07-13 (a North Korean claim)",
            CNS,
        ],
        // 09:59 JST 12 Jul 2023 (JMOD).
        start_utc_s: 1_689_123_540,
        launches: &[(
            "Samsok",
            "hwasong-18",
            ShapeChoice::AsReported,
            6648.4,
            66.0,
            1001.2,
            0.0,
        )],
    },
    Preset {
        id: "2019-07-25-kn-23-salvo",
        title: "2019-07-25 KN-23 salvo into the Sea of Japan",
        note: "Two KN-23 (Hwasong-11) from the Hodo peninsula near Wonsan at 05:34 and 05:57 KST, about \
               50 km apogee, into the Sea of Japan with a pull-up in the descent. The JCS first reported \
               about 430 km and later revised both flights to about 600 km; flown at the revised 600 km. The azimuths \
               are estimates (+-10 deg).",
        sources: &[
            "ROK Joint Chiefs of Staff, 2019-07-25 and 2019-07-26",
            "Japan Ministry of Defense press release, 2019-07-25",
            "M. Elleman, 38 North, 2019",
            CNS,
        ],
        // 05:34 KST 25 Jul 2019 (JCS).
        start_utc_s: 1_564_000_440,
        launches: &[
            (
                "Hodo peninsula",
                "hwasong-11",
                ShapeChoice::PullUp,
                50.0,
                60.0,
                600.0,
                0.0,
            ),
            (
                "Hodo peninsula",
                "hwasong-11",
                ShapeChoice::PullUp,
                50.0,
                65.0,
                600.0,
                1380.0,
            ),
        ],
    },
    Preset {
        id: "2021-10-19-slbm-sinpo",
        title: "2021-10-19 submarine launch off Sinpo",
        note: "A new small SLBM fired from the submarine 8.24 Yongung off Sinpo: about 60 km apogee and \
               590 km (JCS), an irregular low flight into the Sea of Japan (JMOD). The catalog has no \
               Pukguksong-class missile; public analysis judged this one a KN-23 derivative, so the nearest \
               catalog missile, the Hwasong-11 (KN-23), stands in. The model cannot hold a 60 km apogee over \
               590 km (that needs the lift of the real flight), so it flies the reported range on a \
               minimum-energy path, higher than reported. The azimuth is an estimate (+-15 deg).",
        sources: &[
            "ROK Joint Chiefs of Staff, 2021-10-19",
            "Japan Ministry of Defense press release, 2021-10-19",
            "KCNA, 2021-10-20 (a North Korean claim)",
            CNS,
        ],
        // 10:17 KST 19 Oct 2021 (JCS).
        start_utc_s: 1_634_606_220,
        launches: &[(
            "Sinpo",
            "hwasong-11",
            ShapeChoice::MinEnergy,
            60.0,
            100.0,
            590.0,
            0.0,
        )],
    },
];

impl Preset {
    /// The preset as a scenario: its launches, all sensors, the built-in pictures.
    pub fn scenario(&self) -> AppScenario {
        AppScenario {
            launches: self
                .launches
                .iter()
                .map(
                    |&(site, missile, shape, apogee_km, azimuth_deg, range_km, offset_s)| {
                        ScenarioLaunch {
                            form: LaunchForm {
                                site: site.into(),
                                missile: missile.into(),
                                shape,
                                apogee_km,
                                aim: AimForm::AzimuthRange {
                                    azimuth_deg,
                                    range_km,
                                },
                            },
                            offset_s,
                        }
                    },
                )
                .collect(),
            start_utc_s: self.start_utc_s,
            ..AppScenario::default()
        }
    }

    pub fn find(id: &str) -> Option<&'static Preset> {
        PRESETS.iter().find(|p| p.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::flight::FlightView;

    #[test]
    fn every_preset_starts_on_its_date_in_korea_and_japan() {
        use crate::timeline::zones::{wall_clock, KST};
        for p in PRESETS {
            let local = wall_clock(p.start_utc_s, 0.0, KST).unwrap();
            assert_eq!(&local[..10], &p.id[..10], "{}", p.id);
            assert_eq!(p.scenario().start_utc_s, p.start_utc_s);
        }
        let first = Preset::find("2017-08-29-hwasong-12").unwrap();
        assert_eq!(
            wall_clock(first.start_utc_s, 0.0, KST).unwrap(),
            "2017-08-29 05:58:00"
        );
    }

    #[test]
    fn every_preset_flies_as_reported() {
        for p in PRESETS {
            let s = p.scenario();
            assert!(!p.note.is_empty() && !p.sources.is_empty());
            s.to_file().unwrap_or_else(|e| panic!("{}: {e}", p.id));
            for (l, spec) in s.launches.iter().zip(p.launches) {
                let f = FlightView::fly(&l.form).unwrap_or_else(|e| panic!("{}: {e}", p.id));
                let range_km = f.flight.summary.range_m / 1000.0;
                assert!(
                    (range_km - spec.5).abs() < 0.05 * spec.5,
                    "{}: range {range_km} km, reported {}",
                    p.id,
                    spec.5
                );
                let apogee_km = f.flight.summary.apogee_m / 1000.0;
                eprintln!(
                    "{}: apogee {apogee_km:.0} km (reported {}), range {range_km:.0} km, {:.0} s",
                    p.id, spec.3, f.flight.summary.flight_time_s
                );
            }
        }
        assert!(Preset::find("2017-11-29-hwasong-15").is_some());
        assert!(PRESETS.iter().any(|p| p.launches.len() > 1));
    }
}
