//! A study's samples as a file: what was studied (the scenario, the uncertainties, the settings) and the
//! samples of one slice. Slices of one study run anywhere (shards of an array job) and [`merge`] back into
//! the whole, refusing slices of different studies, overlaps and gaps.

use super::summary::{summarise, Summary};
use super::{SampleResult, StudyError, StudySettings, Uncertainties};
use crate::scenario::Scenario;
use serde::{Deserialize, Serialize};

/// The version of the record format.
pub const RECORD_VERSION: u32 = 1;

/// The samples `first..first + samples.len()` of a study.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StudyRecord {
    pub version: u32,
    pub scenario: Scenario,
    pub uncertainties: Uncertainties,
    pub settings: StudySettings,
    /// The names of the sampled quantities (each sample's `inputs`).
    pub quantities: Vec<String>,
    pub first: usize,
    pub samples: Vec<SampleResult>,
}

/// Slice `k` (1-based) of `n` of `runs` samples: `start..end`. Slices tile `0..runs` with sizes differing
/// by at most one.
pub fn shard(k: usize, n: usize, runs: usize) -> Result<std::ops::Range<usize>, String> {
    if n == 0 || k == 0 || k > n {
        return Err(format!("shard: {k}/{n} must have 1 <= K <= N"));
    }
    if n > runs {
        return Err(format!(
            "shard: {n} slices of {runs} samples; at most one slice per sample"
        ));
    }
    Ok((k - 1) * runs / n..k * runs / n)
}

impl StudyRecord {
    /// The distributions of this record's samples.
    pub fn summary(&self) -> Summary {
        let pictures: Vec<String> = self
            .scenario
            .pictures
            .iter()
            .map(|p| p.name.clone())
            .collect();
        let missiles: Vec<String> = self
            .scenario
            .launches
            .iter()
            .map(|l| l.missile.clone())
            .collect();
        summarise(&pictures, &missiles, &self.samples)
    }

    /// A fingerprint of every sample's figures and inputs (not their timings): two runs of one study on one
    /// platform agree if and only if their fingerprints do (up to FNV-1a's collisions). Across platforms whose
    /// `sin` or `exp` round differently (glibc and the browser's libm) the figures agree to a millisecond, not
    /// to the bit, and the fingerprints differ.
    pub fn figures_digest(&self) -> u64 {
        let mut h = Fnv(0xcbf2_9ce4_8422_2325);
        for s in &self.samples {
            h.u64(s.index as u64);
            h.u64(s.detection_seed);
            s.inputs.iter().for_each(|x| h.f64(*x));
            match &s.figures {
                None => h.u64(u64::MAX),
                Some(f) => {
                    for fl in &f.flights {
                        for x in [
                            fl.flight_time_s,
                            fl.range_m,
                            fl.apogee_m,
                            fl.impact_lat_deg,
                            fl.impact_lon_deg,
                        ] {
                            h.f64(x);
                        }
                    }
                    for w in f
                        .warning_left_s
                        .iter()
                        .chain(f.gains.iter().map(|g| &g.gain_s))
                    {
                        w.iter().for_each(|x| h.f64(x.unwrap_or(f64::NAN)));
                    }
                }
            }
        }
        h.0
    }

    /// Whether it holds every sample of its study.
    pub fn is_whole(&self) -> bool {
        self.first == 0 && self.samples.len() == self.settings.runs
    }

    /// Checks a record read from a file: the version, its study, and samples numbered in order.
    pub fn validate(&self) -> Result<(), String> {
        if self.version != RECORD_VERSION {
            return Err(format!(
                "version: this program reads study records of version {RECORD_VERSION}, the file is version {}",
                self.version
            ));
        }
        self.scenario
            .validate()
            .map_err(|e| format!("scenario: {e}"))?;
        self.uncertainties
            .validate()
            .map_err(|e| format!("uncertainties.{e}"))?;
        self.settings
            .validate()
            .map_err(|e| format!("settings.{e}"))?;
        for (i, s) in self.samples.iter().enumerate() {
            if s.index != self.first + i {
                return Err(format!(
                    "samples[{i}].index: {} where {} was expected",
                    s.index,
                    self.first + i
                ));
            }
            if s.inputs.len() != self.quantities.len() {
                return Err(format!(
                    "samples[{i}].inputs: {} values for {} quantities",
                    s.inputs.len(),
                    self.quantities.len()
                ));
            }
        }
        if self.first + self.samples.len() > self.settings.runs {
            return Err(format!(
                "samples: {}..{} lies beyond the study's {} samples",
                self.first,
                self.first + self.samples.len(),
                self.settings.runs
            ));
        }
        Ok(())
    }
}

/// Merges slices of one study into the whole study.
pub fn merge(mut parts: Vec<StudyRecord>) -> Result<StudyRecord, StudyError> {
    let bad = |m: String| StudyError::Settings(m);
    if parts.is_empty() {
        return Err(bad("merge: no study records given".into()));
    }
    for (i, p) in parts.iter().enumerate() {
        p.validate()
            .map_err(|e| bad(format!("record {}: {e}", i + 1)))?;
    }
    let head = &parts[0];
    for (i, p) in parts.iter().enumerate().skip(1) {
        if p.scenario != head.scenario
            || p.uncertainties != head.uncertainties
            || p.settings != head.settings
            || p.quantities != head.quantities
        {
            return Err(bad(format!(
                "record {}: a slice of another study (its scenario, uncertainties or settings differ from record 1's)",
                i + 1
            )));
        }
    }
    parts.sort_by_key(|p| p.first);
    let mut next = 0;
    for p in &parts {
        if p.first != next {
            return Err(bad(if p.first < next {
                format!("merge: samples from {} are given twice", p.first)
            } else {
                format!("merge: samples {next}..{} are missing", p.first)
            }));
        }
        next += p.samples.len();
    }
    let runs = parts[0].settings.runs;
    if next != runs {
        return Err(bad(format!("merge: samples {next}..{runs} are missing")));
    }
    let mut parts = parts.into_iter();
    let mut whole = parts.next().expect("checked non-empty");
    for p in parts {
        whole.samples.extend(p.samples);
    }
    Ok(whole)
}

/// FNV-1a, 64 bits (Fowler, Noll and Vo), over the bytes of each value.
struct Fnv(u64);

impl Fnv {
    fn u64(&mut self, v: u64) {
        for b in v.to_le_bytes() {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn f64(&mut self, v: f64) {
        self.u64(v.to_bits());
    }
}
