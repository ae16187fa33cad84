//! What the shaping solvers remember, at three reaches:
//! - [`ShapingMemory`], owned by the caller and passed to each solve: the searches that depend on nothing but
//!   the missile, the Earth model, the site, the flight plane and the flights' error control (the greatest
//!   range at full energy, the greatest apogee). Editing a launch's range or apogee solves again in the same
//!   plane and finds them here instead of searching again;
//! - [`SolveMemo`], for one solve: the same searches and the Newton Jacobian, kept across the azimuth passes
//!   and the polish (the flight plane turns by a fraction of a degree between passes, which moves them by far
//!   less than they are needed to);
//! - [`RecentFlights`], for one pass: the last few trial flights, some of which the solvers fly twice.
//!
//! The same inputs give the same search result, so a solve comes out bit for bit the same whatever the
//! memory held before it.

use super::range_apogee::Jacobian;
use super::trial::Outcome;
use super::{PitchApogee, PitchEnergy, PitchRange};
use crate::earth::Geodetic;
use crate::flight::dynamics::EarthModel;
use crate::flight::integrator::Tolerance;
use crate::flight::simulate::Program;
use crate::flight::vehicle::Vehicle;
use crate::flight::FlightError;
use std::cell::{Cell, RefCell};

/// Searches remembered of each kind, at most (the oldest is forgotten first).
const SEARCHES_KEPT: usize = 16;

/// Trial flights a pass keeps.
const RECENT_FLIGHTS: usize = 6;

/// The searches remembered across solves, for the caller to keep between solves (see
/// [`crate::flight::fly_with`]): a `&mut` borrow for each solve, no interior mutability, no global state.
/// A fresh memory (what [`crate::flight::fly`] uses) makes every solve search afresh; a solve comes out the
/// same either way, only faster with a memory that has seen the same missile, site and flight plane.
#[derive(Debug, Clone, Default)]
pub struct ShapingMemory {
    full_max_range: Kept<PlaneKey, PitchRange>,
    max_apogee: Kept<ApogeeKey, PitchApogee>,
}

impl ShapingMemory {
    /// An empty memory.
    pub fn new() -> ShapingMemory {
        ShapingMemory::default()
    }

    /// How many search results it holds.
    pub fn len(&self) -> usize {
        self.full_max_range.entries.len() + self.max_apogee.entries.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Everything a remembered search's result depends on but what is searched: the missile, the Earth model,
/// the site, the flight plane (with the rest of the base program) and the trial flights' error control.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct PlaneKey {
    pub vehicle: Vehicle,
    pub earth: EarthModel,
    pub site: Geodetic,
    pub base: Program,
    pub tol: Tolerance,
}

/// The greatest apogee is searched at an energy.
#[derive(Debug, Clone, Copy, PartialEq)]
struct ApogeeKey {
    plane: PlaneKey,
    energy: f64,
}

/// Search results by key, newest last, at most [`SEARCHES_KEPT`].
#[derive(Debug, Clone)]
struct Kept<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for Kept<K, V> {
    fn default() -> Self {
        Kept {
            entries: Vec::new(),
        }
    }
}

impl<K: PartialEq, V: Copy> Kept<K, V> {
    fn find(&self, key: &K) -> Option<V> {
        self.entries.iter().find(|(k, _)| k == key).map(|e| e.1)
    }

    fn keep(&mut self, key: K, value: V) {
        if self.entries.len() >= SEARCHES_KEPT {
            self.entries.remove(0);
        }
        self.entries.push((key, value));
    }
}

/// What one solve learns once and reuses across its azimuth passes and the polish, over the caller's
/// [`ShapingMemory`] (borrowed through a `RefCell`: the solvers work through shared references).
#[derive(Debug)]
pub(super) struct SolveMemo<'m> {
    memory: RefCell<&'m mut ShapingMemory>,
    full_max_range: Cell<Option<PitchRange>>,
    top: Cell<Option<PitchApogee>>,
    jacobian: Cell<Option<Jacobian>>,
}

impl<'m> SolveMemo<'m> {
    pub fn new(memory: &'m mut ShapingMemory) -> SolveMemo<'m> {
        SolveMemo {
            memory: RefCell::new(memory),
            full_max_range: Cell::new(None),
            top: Cell::new(None),
            jacobian: Cell::new(None),
        }
    }

    /// The greatest range at full energy: this solve's, else the memory's for this plane, else searched by
    /// `search` (and remembered).
    pub fn full_max_range(
        &self,
        plane: PlaneKey,
        search: impl FnOnce() -> Result<PitchRange, FlightError>,
    ) -> Result<PitchRange, FlightError> {
        if let Some(m) = self.full_max_range.get() {
            return Ok(m);
        }
        let remembered = self.memory.borrow().full_max_range.find(&plane);
        let m = match remembered {
            Some(m) => m,
            None => {
                let m = search()?;
                self.memory.borrow_mut().full_max_range.keep(plane, m);
                m
            }
        };
        self.full_max_range.set(Some(m));
        Ok(m)
    }

    /// The greatest apogee at `energy` (one energy per solve): this solve's, else the memory's for this plane
    /// and energy, else searched by `search` (and remembered).
    pub fn max_apogee(
        &self,
        plane: PlaneKey,
        energy: f64,
        search: impl FnOnce() -> Result<PitchApogee, FlightError>,
    ) -> Result<PitchApogee, FlightError> {
        if let Some(m) = self.top.get() {
            return Ok(m);
        }
        let key = ApogeeKey { plane, energy };
        let remembered = self.memory.borrow().max_apogee.find(&key);
        let m = match remembered {
            Some(m) => m,
            None => {
                let m = search()?;
                self.memory.borrow_mut().max_apogee.keep(key, m);
                m
            }
        };
        self.top.set(Some(m));
        Ok(m)
    }

    /// The Jacobian near the answer: this solve's, else computed by `compute` (and kept for the solve).
    pub fn jacobian(
        &self,
        compute: impl FnOnce() -> Result<Jacobian, FlightError>,
    ) -> Result<Jacobian, FlightError> {
        if let Some(j) = self.jacobian.get() {
            return Ok(j);
        }
        let j = compute()?;
        self.jacobian.set(Some(j));
        Ok(j)
    }
}

/// The last few trial flights of a pass, newest first: the solvers fly some trials twice (the answer, which
/// the caller flies again to see where it landed; the best pitch found, from which the energy solve starts).
#[derive(Debug, Default)]
pub(super) struct RecentFlights {
    flights: Cell<[Option<(PitchEnergy, Outcome)>; RECENT_FLIGHTS]>,
}

impl RecentFlights {
    pub fn find(&self, at: PitchEnergy) -> Option<Outcome> {
        self.flights
            .get()
            .iter()
            .flatten()
            .find(|(a, _)| *a == at)
            .map(|(_, o)| *o)
    }

    pub fn keep(&self, at: PitchEnergy, outcome: Outcome) {
        let mut recent = self.flights.get();
        recent.rotate_right(1);
        recent[0] = Some((at, outcome));
        self.flights.set(recent);
    }
}
