//! M-of-N track confirmation: a tentative track is confirmed once it has taken `m` plots (the initiating ones
//! count) within its first `n` opportunities (scans of its sensors that came near it), and is rejected as soon
//! as `m` can no longer be reached, that is after more than `n - m` missed opportunities.
//!
//! The M-of-N ("M/N") sliding-window confirmation logic is described in Blackman and Popoli, "Design and
//! Analysis of Modern Tracking Systems", Artech House, 1999 (track initiation and confirmation). Here the window
//! is the track's first `n` opportunities: a confirmed track is never judged again.

use super::track::{Track, TrackId, TrackStatus};
use crate::time::SimTime;

/// The M-of-N rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MOfN {
    /// Plots needed, the initiating ones included.
    pub m: u32,
    /// Opportunities within which they are needed.
    pub n: u32,
}

/// What the rule says of one tentative track.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// `m` plots taken.
    Confirm,
    /// More than `n - m` opportunities missed: `m` plots within `n` can no longer be had.
    Reject,
    /// Neither yet.
    Pending,
}

/// The tracks one pass of the rule confirmed and rejected (removed), in track order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Confirmations {
    pub confirmed: Vec<TrackId>,
    pub rejected: Vec<TrackId>,
}

impl MOfN {
    /// `Err((field, reason))` unless `1 <= m <= n`; the field is named as in the tracker's configuration.
    pub fn validate(&self) -> Result<(), (&'static str, &'static str)> {
        if self.m == 0 || self.m > self.n {
            return Err(("confirm_m", "must be in 1..=confirm_n"));
        }
        Ok(())
    }

    /// The verdict on a tentative track with `hits` plots taken out of `opportunities`.
    pub fn verdict(&self, hits: u32, opportunities: u32) -> Verdict {
        if hits >= self.m {
            Verdict::Confirm
        } else if opportunities.saturating_sub(hits) > self.n.saturating_sub(self.m) {
            Verdict::Reject
        } else {
            Verdict::Pending
        }
    }

    /// Judges every tentative track at fusion-centre time `arrival`: confirmed ones are marked so (confirmed at
    /// `arrival`), rejected ones are removed from `tracks`. Confirmed tracks are left alone.
    pub fn apply(&self, tracks: &mut Vec<Track>, arrival: SimTime) -> Confirmations {
        let mut out = Confirmations::default();
        for track in tracks.iter_mut() {
            if track.status != TrackStatus::Tentative {
                continue;
            }
            match self.verdict(track.hits, track.opportunities) {
                Verdict::Confirm => {
                    track.status = TrackStatus::Confirmed;
                    track.confirmed_at = Some(arrival);
                    out.confirmed.push(track.id);
                }
                Verdict::Reject => out.rejected.push(track.id),
                Verdict::Pending => {}
            }
        }
        tracks.retain(|t| !out.rejected.contains(&t.id));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_of_four() {
        let rule = MOfN { m: 3, n: 4 };
        assert_eq!(rule.verdict(2, 2), Verdict::Pending);
        assert_eq!(rule.verdict(2, 3), Verdict::Pending, "one miss is allowed");
        assert_eq!(rule.verdict(3, 4), Verdict::Confirm);
        assert_eq!(
            rule.verdict(2, 4),
            Verdict::Reject,
            "two misses: 3 of 4 is out of reach"
        );
        assert_eq!(rule.verdict(1, 3), Verdict::Reject);
    }

    #[test]
    fn m_must_be_within_n() {
        assert!(MOfN { m: 0, n: 4 }.validate().is_err());
        assert!(MOfN { m: 5, n: 4 }.validate().is_err());
        assert!(MOfN { m: 4, n: 4 }.validate().is_ok());
        // With m = n a single miss rejects.
        assert_eq!(MOfN { m: 2, n: 2 }.verdict(1, 2), Verdict::Reject);
    }
}
