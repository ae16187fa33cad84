//! The model's version: what a share link records, so that a briefing made with one model and opened by a
//! build with another says its figures may differ, and what changed.
//!
//! The rule: any change that moves a figure of the golden scenario (`tests/model_version.rs`: the example
//! scenario's flights and every picture's warning times) bumps [`MODEL_VERSION`] and adds a line to
//! [`MODEL_CHANGES`]. The test fails until both are done, so the version cannot be forgotten. Changes that
//! move no figure (speed, the page, the command line) keep the version.

/// The version of the catalog, sensors and algorithms that produce the figures.
pub const MODEL_VERSION: u32 = 6;

/// What each version changed, oldest first: (version, what a reader of an older link should know).
pub const MODEL_CHANGES: &[(u32, &str)] = &[
    (
        1,
        "links record the model's version from this one on; earlier links were made with unversioned models \
         whose figures may differ by seconds",
    ),
    (
        2,
        "each nation has a picture alone and with sharing (the default comparison is Japan alone against \
         Japan with sharing); milestones count from the time after which they hold: a track must be kept \
         while the missile is seen, and a predicted impact must stay within its distance until impact; \
         each picture reports its SIAP measures",
    ),
    (
        3,
        "of several tracks near a missile, the picture's is the one of best quality (the smallest position \
         uncertainty, as Link 16's track quality decides), no longer the nearest: a duplicate track confirmed \
         late no longer takes the missile for a moment, so in the runs where one appears the pictures with \
         sharing reach the predicted-impact milestones up to minutes earlier than before",
    ),
    (
        4,
        "the catalog's ranges agree with public estimates: the KN-25 carries less propellant (about 406 km, \
         was 474), the Hwasong-14 and -15 engines a higher specific impulse (about 10,100 and 12,900 km, were \
         8,000 and 11,900), and the Hwasong-17, -18 and -19 a heavier payload (about 15,500, 15,300 and \
         15,600 km, were beyond 19,000 km); the KN-23 glides with its whole body (more drag, a higher \
         specific impulse: its peak speed meets the JCS's Mach 6.9) and its pull-up takes an apogee of 35 to \
         60 km; flights of these missiles, and the detections and warning times that follow them, change by \
         seconds",
    ),
    (
        5,
        "the radars' horizon, the fans and the elevation limits follow rays traced through the ITU-R P.453 \
         reference atmosphere by default, no longer a constant k = 4/3 (which bends rays as the lowest \
         kilometre does all the way up): a missile 100 km up rises over a radar's horizon about 100 km \
         nearer, so Japanese radars see launches seconds later (the default scenario: Japan alone's track 4 s \
         later); k = 4/3 and k = 1 stay a choice",
    ),
    (
        6,
        "a minimum-energy flight is the one at the top of the range over the pitch: at ranges far short of a \
         missile's greatest the solver used to stop on a flatter path that needs more energy, so these \
         flights now climb higher and fly longer (a Hwasong-15 over 1,000 km: apogee 234 km, was 165; 554 s, \
         was 484; a Hwasong-14 over 5,000 km: 839 km, was 699); the solver works over the whole globe (no \
         false maximum near the antipode, aims up to 18,000 km), and the greatest range a refusal quotes can \
         be flown",
    ),
];

/// What changed after `version` up to this build's model, oldest first.
pub fn changes_since(version: u32) -> Vec<&'static str> {
    MODEL_CHANGES
        .iter()
        .filter(|(v, _)| *v > version && *v <= MODEL_VERSION)
        .map(|(_, what)| *what)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_says_what_it_changed() {
        let versions: Vec<u32> = MODEL_CHANGES.iter().map(|(v, _)| *v).collect();
        assert_eq!(versions, (1..=MODEL_VERSION).collect::<Vec<_>>());
        assert_eq!(changes_since(0).len(), MODEL_VERSION as usize);
        assert!(changes_since(MODEL_VERSION).is_empty());
    }
}
