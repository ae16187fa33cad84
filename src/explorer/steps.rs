//! The guided walk-through as data: each step names a launch (from Sunan toward the Sea of Japan), a radar, a
//! refraction and the radar whose first sight of the missile sets the clock; [`resolve`] turns a step and the
//! flown launch into the view it sets (radar, height, refraction, target altitude, distance, clock, and the
//! fact it shows).

use super::formula::refraction_text;
use super::profile::{find_radar, rise, seen_at};
use crate::present::flight::FlightView;
use crate::present::launch_form::LaunchForm;
use picture_sim::sensors::{Refraction, Sensor};

pub const KOREA: &str = "Green Pine (Chungcheong N)";
pub const JAPAN: &str = "J/FPS-5 Sado";

/// One step of the walk-through.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub id: &'static str,
    pub title: &'static str,
    pub text: &'static str,
    /// The radar the views are drawn for.
    pub radar: &'static str,
    pub refraction: Refraction,
    /// The fact compares the radar's first sight under the traced atmosphere, k = 4/3 and k = 1.
    pub compare_refraction: bool,
    /// The clock is set to the moment this radar first has the missile above its horizon.
    pub clock_from: &'static str,
}

/// The launch every step uses: the 2017-08-29 Hwasong-12 from Sunan over Hokkaido, as reported.
pub fn launch() -> LaunchForm {
    LaunchForm::default()
}

pub fn steps() -> Vec<Step> {
    vec![
        Step {
            id: "korea",
            title: "1. South Korea sees it within seconds",
            text: "The Green Pine radar in South Korea stands about 300 km from Sunan. So close, the Earth's curve \
                   hides only the lowest few kilometres: the missile rises into view within seconds of lift-off.",
            radar: KOREA,
            refraction: Refraction::Ray,
            compare_refraction: false,
            clock_from: KOREA,
        },
        Step {
            id: "japan",
            title: "2. Japan waits for the climb",
            text: "The J/FPS-5 radar on Sado island is about 1100 km away. There the Earth's bulge stands tens of \
                   kilometres high between radar and launch: the missile must climb above it first.",
            radar: JAPAN,
            refraction: Refraction::Ray,
            compare_refraction: false,
            clock_from: JAPAN,
        },
        Step {
            id: "refraction",
            title: "3. What refraction changes",
            text: "The air bends radar rays slightly round the Earth, but only where it is dense: in the lowest tens \
                   of kilometres. Traced through the atmosphere, as the map does, the rays bend low down and run \
                   straight above. The textbook rule k = 4/3 (a larger Earth with straight rays) bends them as the \
                   air near the ground does all the way up, so it puts a missile 100 km up over the horizon about \
                   100 km too far out and sees it too early. Shown here: straight rays (k = 1), with no bending.",
            radar: JAPAN,
            refraction: Refraction::K(1.0),
            compare_refraction: true,
            clock_from: JAPAN,
        },
        Step {
            id: "shared",
            title: "4. What the shared picture gains",
            text: "At the moment Green Pine first has the missile, it is still below Sado's horizon. Shared, the \
                   Korean track reaches Japan's picture from that moment: the fans on the map show who covers the \
                   missile's altitude now.",
            radar: JAPAN,
            refraction: Refraction::Ray,
            compare_refraction: false,
            clock_from: KOREA,
        },
    ]
}

/// What a step sets.
///
/// # Units
/// Metres for the radar height, km, seconds after launch.
#[derive(Debug, Clone, PartialEq)]
pub struct StepView {
    pub radar: String,
    pub radar_h_m: f64,
    pub refraction: Refraction,
    pub target_alt_km: f64,
    pub distance_km: f64,
    pub time_s: f64,
    pub fact: String,
}

/// The view a step sets for the flown launch, or why it cannot be set.
pub fn resolve(step: &Step, flight: &FlightView, sensors: &[Sensor]) -> Result<StepView, String> {
    let earth = step
        .refraction
        .earth()
        .map_err(|e| format!("Refraction: {e}"))?;
    let shown = find_radar(sensors, step.radar)?;
    let shown_radar = shown.radar().ok_or("Radar: no radar")?;
    let clock = find_radar(sensors, step.clock_from)?;
    let clock_radar = clock.radar().ok_or("Radar: no radar")?;
    let never = |name: &str| format!("{name} never has this launch above its horizon");
    let clock_rise = rise(flight, clock_radar, &earth).ok_or_else(|| never(step.clock_from))?;
    let at = seen_at(flight, shown_radar, clock_rise.t_s);
    let fact = if step.compare_refraction {
        let rise_under = |r: Refraction, how: &str| {
            let earth = r.earth().map_err(|e| format!("Refraction: {e}"))?;
            rise(flight, clock_radar, &earth)
                .map(|p| format!("at T+{:.0} s, {:.0} km up, {how}", p.t_s, p.alt_km))
                .ok_or_else(|| never(step.clock_from))
        };
        format!(
            "{} first sees the missile {}; {}; {}",
            step.radar,
            rise_under(Refraction::Ray, "through the traced atmosphere")?,
            rise_under(Refraction::K(4.0 / 3.0), "with k = 4/3 (too early)")?,
            rise_under(Refraction::K(1.0), "with straight rays (k = 1)")?
        )
    } else if step.clock_from == step.radar {
        format!(
            "{} ({}): rises into view at T+{:.0} s, altitude {:.0} km",
            step.radar,
            refraction_text(step.refraction),
            clock_rise.t_s,
            clock_rise.alt_km
        )
    } else {
        let later = rise(flight, shown_radar, &earth).ok_or_else(|| never(step.radar))?;
        // The gain from the rounded times, so that the sentence's arithmetic holds.
        let (first_s, later_s) = (clock_rise.t_s.round(), later.t_s.round());
        format!(
            "{} has it above its horizon at T+{first_s:.0} s, {} only at T+{later_s:.0} s: shared, Japan's \
             picture can see it {:.0} s sooner. (The pictures' table gains less: a track needs several \
             detections, and the shared ones arrive with the hub's delay.)",
            step.clock_from,
            step.radar,
            later_s - first_s
        )
    };
    Ok(StepView {
        radar: step.radar.to_string(),
        radar_h_m: shown_radar.antenna_height_m(),
        refraction: step.refraction,
        target_alt_km: at.alt_km,
        distance_km: at.ground_km,
        time_s: clock_rise.t_s,
        fact,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use picture_sim::sensors::catalog;

    /// The whole seconds of every "T+" in a fact, in order.
    fn seconds_in(fact: &str) -> Vec<i64> {
        fact.match_indices("T+")
            .map(|(i, _)| fact[i + 2..].split(' ').next().unwrap().parse().unwrap())
            .collect()
    }

    #[test]
    fn the_steps_tell_the_story() {
        let flight = FlightView::fly(&launch()).unwrap();
        let sensors = catalog().unwrap();
        let v: Vec<StepView> = steps()
            .iter()
            .map(|s| resolve(s, &flight, &sensors).unwrap())
            .collect();
        assert_eq!(v.len(), 4);
        let (korea, japan, straight, shared) = (&v[0], &v[1], &v[2], &v[3]);
        assert!(
            korea.time_s < 60.0 && korea.target_alt_km < 15.0,
            "{korea:?}"
        );
        assert!(japan.time_s > korea.time_s + 30.0 && japan.target_alt_km > 20.0);
        assert!(straight.time_s > japan.time_s && straight.target_alt_km > japan.target_alt_km);
        // The refraction step compares the three models: traced, then the too-early 4/3, then straight rays.
        let times = seconds_in(&straight.fact);
        assert_eq!(times.len(), 3, "{}", straight.fact);
        assert!(
            times[1] < times[0] && times[0] < times[2],
            "{}",
            straight.fact
        );
        assert!(
            straight.fact.contains("straight rays (k = 1)"),
            "{}",
            straight.fact
        );
        assert_eq!(shared.time_s, korea.time_s);
        assert_eq!(shared.radar, JAPAN);
        // The sentence's arithmetic holds: the gain is the difference of the times it gives.
        let times = seconds_in(&shared.fact);
        let gain = format!("see it {} s sooner", times[1] - times[0]);
        assert!(shared.fact.contains(&gain), "{}", shared.fact);
        assert!(shared.fact.contains("table gains less"), "{}", shared.fact);
        // At that moment the missile is below Sado's horizon, as the step says.
        let earth = picture_sim::sensors::EffectiveEarth::traced();
        let sight = earth.sight(
            shared.radar_h_m,
            shared.target_alt_km * 1000.0,
            shared.distance_km * 1000.0 / earth.radius_m(),
        );
        assert!(!sight.clear());
        assert!(japan
            .fact
            .starts_with("J/FPS-5 Sado (traced atmosphere): rises into view at T+"));
    }

    #[test]
    fn an_unknown_radar_is_named() {
        let flight = FlightView::fly(&launch()).unwrap();
        let sensors = catalog().unwrap();
        let bad = Step {
            radar: "Nowhere",
            ..steps()[0].clone()
        };
        assert!(resolve(&bad, &flight, &sensors)
            .unwrap_err()
            .contains("'Nowhere'"));
    }
}
