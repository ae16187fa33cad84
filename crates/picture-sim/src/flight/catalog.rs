//! The missile catalog: public-estimate parameters of North Korean ballistic missiles.
//!
//! No official figures exist. The numbers below are rounded engineering estimates consistent with the open
//! literature: CSIS Missile Threat (dimensions, launch masses, ranges), Elleman and IISS (engines, staging),
//! Markus Schiller (Schmucker Technologie) and 38 North (Paektusan engine and Hwasong-12/-14/-15 analyses),
//! and David Wright's Union of Concerned Scientists analyses (ranges, payloads, burn times from video).
//! Where the literature gives a range of values, a value inside it was chosen so that the model flies the
//! reported tests (`data/reference/launches.csv`) within their reported figures, and so that each missile's
//! minimum-energy range with its catalog payload lies inside its public band
//! (`data/reference/missile_ranges.csv`, tested by `tests/missile_ranges.rs`). Model 4 re-fitted five missiles
//! to those bands; each one's notes say what changed and why.
//!
//! How uncertain each figure is, is data ([`Vehicle::uncertainties`]): unless a missile's sources say more,
//! every mass is +-15 %, every burn time +-20 %, every specific impulse +-5 % (the literature's spread between
//! estimates of the same missile), the propellant fraction +-3 % (liquid and solid stages of these sizes hold
//! 85-93 % propellant: Sutton and Biblarz, "Rocket Propulsion Elements", 9th ed., tables 10-3 and 12-3).

use super::uncertain::{Factor, Source, VehicleParameter as P, VehicleSpread};
use super::vehicle::{Payload, Stage, Stages, Vehicle};

const fn stage(
    mass_kg: f64,
    propellant_kg: f64,
    isp_s: f64,
    burn_time_s: f64,
    diameter_m: f64,
) -> Stage {
    Stage {
        mass_kg,
        propellant_kg,
        isp_s,
        burn_time_s,
        diameter_m,
    }
}

const fn rv(mass_kg: f64, ballistic_coefficient_kg_m2: f64) -> Payload {
    Payload {
        mass_kg,
        ballistic_coefficient_kg_m2,
        lift_to_drag: 0.0,
    }
}

const fn spread(parameter: P, factor: Factor, source: &'static str) -> VehicleSpread {
    VehicleSpread {
        parameter,
        stage: None,
        factor,
        source: Source(source),
    }
}

const fn on_stage(stage: u8, parameter: P, factor: Factor, source: &'static str) -> VehicleSpread {
    VehicleSpread {
        parameter,
        stage: Some(stage),
        factor,
        source: Source(source),
    }
}

const RULE: &str = "the catalog's rule (module notes)";
/// Why the newest missiles' payloads reach far below the catalog's: the catalog's payload is the one at which
/// the public range is quoted, while the one lofted test of each may have carried a lighter one.
const TEST_PAYLOAD: &str = "payload unknown: the catalog's puts the range at JMOD's 'over 15,000 km, depending \
    on the warhead's weight'; the lofted test may have flown a lighter one (as analysts judged of the Hwasong-14 \
    and -15 tests: Wright, UCS 2017; Elleman, 38 North 2017), down to what that test needs in this model";
const ISP: VehicleSpread = spread(P::Isp, Factor::plus_minus(0.05), RULE);
const PROPELLANT: VehicleSpread = spread(P::Propellant, Factor::plus_minus(0.03), RULE);
const BURN: VehicleSpread = spread(P::BurnTime, Factor::plus_minus(0.20), RULE);

static CATALOG: [Vehicle; 8] = [
    Vehicle {
        id: "hwasong-11",
        name: "Hwasong-11 (KN-23)",
        stages: Stages::new(&[stage(2_915.0, 2_530.0, 265.0, 30.0, 0.95)]),
        payload: Payload { mass_kg: 500.0, ballistic_coefficient_kg_m2: 4_000.0, lift_to_drag: 2.5 },
        source: "CSIS Missile Threat: 7.5 m, 0.95 m, 3,415 kg, 500 kg payload, 450-690 km; single-stage solid \
                 with a depressed flight (apogee about 50 km) and a pull-up manoeuvre (JCS, 2019; Elleman, 38 \
                 North 2019); 2019-07-25: about 600 km at 50 km apogee (JCS, revised from 430 km). The \
                 lift-to-drag ratio of the glide is chosen so that the 50-km pull-up flight reaches that 600 km \
                 and at most about 630 km (CSIS: 690 km). Model 4, for the peak speed: the whole body glides \
                 (no separating warhead), about 885 kg on 0.95 m, so a ballistic coefficient of about 4,000 \
                 kg/m2 (Cd about 0.3), not 6,000, and a mean specific impulse of 265 s, not 258; the \
                 2019-08-06 flight (JCS: about 450 km at 37 km apogee, Mach 6.9 or more) then peaks at about \
                 2,280 m/s, against Mach 6.9 x 340 m/s = 2,346 m/s (it was 2,097 m/s, 11 % below).",
        uncertainties: &[
            spread(P::StageMass, Factor::plus_minus(0.15), "launch mass +-15 % (CSIS gives 3,415 kg; no second source)"),
            spread(P::PayloadMass, Factor::plus_minus(0.15), "payload +-15 % (CSIS: 500 kg)"),
            spread(P::BurnTime, Factor::plus_minus(0.30), "a guess: no burn time is public"),
            spread(P::LiftToDrag, Factor::plus_minus(0.30), "a guess: 2.5 is typical of a slender body at Mach 2-5"),
            ISP, PROPELLANT,
        ],
    },
    Vehicle {
        id: "kn-25",
        name: "KN-25 (600 mm super-large MRL)",
        stages: Stages::new(&[stage(2_200.0, 1_650.0, 250.0, 30.0, 0.60)]),
        payload: rv(300.0, 3_000.0),
        source: "CSIS Missile Threat: 8.2 m, 0.6 m, about 380 km; guided solid rocket (38 North, 2019-2020). \
                 Launch mass estimated from the dimensions. Model 4: propellant 1,700 -> 1,650 kg, so that the \
                 minimum-energy range is about 406 km, inside the public 360-420 km (it was 474 km).",
        uncertainties: &[
            spread(P::StageMass, Factor::plus_minus(0.25), "no published launch mass: estimated from the dimensions"),
            spread(P::PayloadMass, Factor::plus_minus(0.15), RULE),
            BURN, ISP, PROPELLANT,
        ],
    },
    Vehicle {
        id: "hwasong-12",
        name: "Hwasong-12 (KN-17)",
        stages: Stages::new(&[stage(23_350.0, 21_800.0, 290.0, 120.0, 1.65)]),
        payload: rv(650.0, 5_000.0),
        source: "Single-stage liquid with the Paektusan (RD-250-type) engine: 17.4 m, 1.65 m, about 24 t \
                 (CSIS; Schiller, 38 North 2017); 4,500 km with about 650 kg (Wright, UCS 2017; 2022 test).",
        uncertainties: &[
            spread(P::StageMass, Factor::plus_minus(0.15), RULE),
            spread(P::PayloadMass, Factor::span(650.0, 500.0, 750.0), "payload 500-750 kg (Wright, UCS 2017)"),
            BURN, ISP, PROPELLANT,
        ],
    },
    Vehicle {
        id: "hwasong-14",
        name: "Hwasong-14 (KN-20)",
        stages: Stages::new(&[stage(25_000.0, 23_000.0, 295.0, 175.0, 1.70), stage(3_300.0, 2_900.0, 315.0, 240.0, 1.25)]),
        payload: rv(500.0, 5_000.0),
        source: "Two-stage liquid; first stage the Hwasong-12 engine, small second stage (Elleman, 38 North \
                 2017; Schiller); about 10,000 km with 500 kg (Wright, UCS 2017). Model 4: mean specific \
                 impulses 285 -> 295 s and 300 -> 315 s (an RD-250-class engine averages about 295 s between \
                 sea level and vacuum; a vacuum upper stage on storable propellants about 310-320 s, Sutton \
                 and Biblarz table 5-5), so that the minimum-energy range is about 10,100 km (it was 8,000 \
                 km, below Wright's figure) and the 2017-07-28 test flies with 97 % of the payload, not 70 %.",
        uncertainties: &[
            on_stage(0, P::StageMass, Factor::plus_minus(0.15), RULE),
            on_stage(1, P::StageMass, Factor::plus_minus(0.30), "the small second stage is barely seen in the \
                test videos (Elleman, 38 North 2017)"),
            on_stage(0, P::BurnTime, Factor::plus_minus(0.20), RULE),
            on_stage(1, P::BurnTime, Factor::plus_minus(0.30), "second-stage burn time from video (Schiller)"),
            spread(P::PayloadMass, Factor::span(500.0, 300.0, 700.0), "payload 300-700 kg (Wright, UCS 2017)"),
            ISP, PROPELLANT,
        ],
    },
    Vehicle {
        id: "hwasong-15",
        name: "Hwasong-15 (KN-22)",
        stages: Stages::new(&[stage(55_000.0, 51_000.0, 290.0, 120.0, 2.40), stage(9_000.0, 8_000.0, 313.0, 200.0, 2.40)]),
        payload: rv(1_000.0, 6_000.0),
        source: "Two-stage liquid, twin-chamber first stage: 21 m, 2.4 m, about 65 t (CSIS; Elleman, IISS \
                 2017); about 13,000 km with a light payload (Wright, UCS 2017). Model 4: mean specific \
                 impulses 285 -> 290 s and 310 -> 313 s, so that the minimum-energy range is about 12,900 km \
                 (it was 11,900 km, below the public 12,000-14,000 km).",
        uncertainties: &[
            spread(P::StageMass, Factor::plus_minus(0.15), RULE),
            spread(P::PayloadMass, Factor::span(1_000.0, 600.0, 1_000.0), "payload 600-1,000 kg (Wright, UCS \
                2017: about 13,000 km with a light payload)"),
            BURN, ISP, PROPELLANT,
        ],
    },
    Vehicle {
        id: "hwasong-17",
        name: "Hwasong-17",
        stages: Stages::new(&[stage(85_000.0, 78_000.0, 285.0, 130.0, 2.60), stage(15_000.0, 13_800.0, 315.0, 200.0, 2.60)]),
        payload: rv(1_750.0, 7_000.0),
        source: "Two-stage liquid, four-chamber first stage: about 25 m, 2.5-2.9 m, 80-110 t (CSIS; IISS \
                 2022; 38 North); over 15,000 km. Model 4: payload 1,500 -> 1,750 kg, so that the \
                 minimum-energy range is about 15,500 km (JMOD 2022-11-18: over 15,000 km depending on the \
                 warhead's weight). At 1,500 kg the model reached orbital speed and its range wrapped near the \
                 antipode (19,900 km).",
        uncertainties: &[
            spread(P::StageMass, Factor::plus_minus(0.20), "80-110 t launch mass (CSIS; IISS 2022)"),
            spread(P::PayloadMass, Factor::span(1_750.0, 1_000.0, 2_000.0), "payload unknown: 1-2 t, possibly \
                several warheads (IISS 2022)"),
            BURN, ISP, PROPELLANT,
        ],
    },
    Vehicle {
        id: "hwasong-18",
        name: "Hwasong-18",
        stages: Stages::new(&[
            stage(36_000.0, 32_000.0, 265.0, 75.0, 2.00),
            stage(14_000.0, 12_500.0, 285.0, 65.0, 1.80),
            stage(4_000.0, 3_500.0, 290.0, 55.0, 1.50),
        ]),
        payload: rv(870.0, 6_000.0),
        source: "Three-stage solid, road-mobile: about 25 m, 2 m, 55 t (CSIS; IISS 2023; 38 North); over \
                 15,000 km. Model 4: payload 800 -> 870 kg, so that the minimum-energy range is about 15,300 \
                 km (JMOD 2023: over 15,000 km depending on the warhead's weight); at 800 kg the range wrapped \
                 near the antipode.",
        uncertainties: &[
            spread(P::StageMass, Factor::plus_minus(0.20), "stage masses +-20 % (CSIS; IISS 2023)"),
            spread(P::PayloadMass, Factor::span(870.0, 650.0, 1_000.0), TEST_PAYLOAD),
            spread(P::BurnTime, Factor::plus_minus(0.20), "burn times from the launch video (38 North)"),
            ISP, PROPELLANT,
        ],
    },
    Vehicle {
        id: "hwasong-19",
        name: "Hwasong-19",
        stages: Stages::new(&[
            stage(45_000.0, 40_000.0, 270.0, 80.0, 2.20),
            stage(17_000.0, 15_200.0, 285.0, 70.0, 2.00),
            stage(5_000.0, 4_400.0, 290.0, 60.0, 1.60),
        ]),
        payload: rv(1_100.0, 6_000.0),
        source: "Three-stage solid, larger than Hwasong-18 (28 m, 2.2-2.4 m; 38 North, IISS 2024); tested once, \
                 2024-10-31: 7,687.5 km apogee, 1,001.2 km, 5,156 s (KCNA). Model 4: payload 1,000 -> 1,100 \
                 kg, so that the minimum-energy range is about 15,600 km (JMOD 2024-10-31: beyond 15,000 km \
                 possible); at 1,000 kg the range wrapped near the antipode.",
        uncertainties: &[
            spread(P::StageMass, Factor::plus_minus(0.25), "extrapolated from the Hwasong-18 (38 North, IISS 2024)"),
            spread(P::PayloadMass, Factor::span(1_100.0, 700.0, 1_300.0), TEST_PAYLOAD),
            BURN, ISP, PROPELLANT,
        ],
    },
];

/// Every missile in the catalog.
pub fn all() -> &'static [Vehicle] {
    &CATALOG
}

/// The missile with this id (e.g. `hwasong-15`), if any.
pub fn find(id: &str) -> Option<&'static Vehicle> {
    CATALOG.iter().find(|v| v.id.eq_ignore_ascii_case(id))
}

/// The catalog ids, for error messages.
pub fn ids() -> Vec<&'static str> {
    CATALOG.iter().map(|v| v.id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bound_is_usable_and_sourced() {
        use crate::flight::uncertain::{factor_count, perturbed, PROPELLANT_FRACTION_MAX};
        for v in all() {
            assert!(!v.uncertainties.is_empty(), "{}", v.id);
            for u in v.uncertainties {
                assert!(
                    u.factor.is_valid() && !u.source.0.is_empty(),
                    "{}: {u}",
                    v.id
                );
                assert!(
                    u.stage.is_none_or(|s| (s as usize) < v.stages.len()),
                    "{}: {u}",
                    v.id
                );
            }
            // At every corner the stages stay physical: propellant below the cap, positive masses.
            for corner in [0.0, 1.0] {
                let factors: Vec<f64> = v
                    .uncertainties
                    .iter()
                    .flat_map(|u| {
                        let n = factor_count(v, std::slice::from_ref(u));
                        std::iter::repeat_n(u.factor.at(corner), n)
                    })
                    .collect();
                let p = perturbed(v, v.uncertainties, &factors);
                for s in p.stages.iter() {
                    assert!(
                        s.propellant_kg <= s.mass_kg * PROPELLANT_FRACTION_MAX + 1e-9,
                        "{}",
                        v.id
                    );
                    assert!(s.mass_kg > 0.0 && s.burn_time_s > 0.0, "{}", v.id);
                }
            }
        }
    }

    #[test]
    fn ids_are_the_agreed_ones_and_stages_are_sane() {
        assert_eq!(
            ids(),
            [
                "hwasong-11",
                "kn-25",
                "hwasong-12",
                "hwasong-14",
                "hwasong-15",
                "hwasong-17",
                "hwasong-18",
                "hwasong-19"
            ]
        );
        for v in all() {
            assert!(!v.stages.is_empty(), "{}", v.id);
            for s in v.stages.iter() {
                assert!(
                    s.propellant_kg < s.mass_kg && s.burn_time_s > 0.0 && s.isp_s > 150.0,
                    "{}",
                    v.id
                );
            }
            // Thrust must lift the whole stack off the pad.
            let tw = v.stages[0].thrust_n() / (v.launch_mass_kg() * super::super::vehicle::G0_M_S2);
            assert!(tw > 1.2, "{}: thrust/weight {tw}", v.id);
            assert!(find(v.id).is_some());
        }
        assert!(find("nodong").is_none());
    }
}
