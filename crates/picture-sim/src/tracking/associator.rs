//! Data association: global nearest neighbour, the assignment of plots to tracks that minimises the summed
//! squared Mahalanobis distance, each track taking at most one plot and each plot going to at most one
//! track, a track being free to take none at the cost of the gate. Solved optimally by the Kuhn-Munkres
//! (Hungarian) algorithm (`pathfinding`), so that the missiles of a salvo keep their own tracks.

use super::hypothesiser::Hypothesis;
use pathfinding::kuhn_munkres::kuhn_munkres;
use pathfinding::matrix::Matrix;
use serde::{Deserialize, Serialize};

/// Costs are scaled to integers for the solver (which needs a total order): 1e-6 resolution.
const SCALE: f64 = 1.0e6;
/// The weight of a forbidden pairing: far below any sum of allowed ones, far from overflow.
const FORBIDDEN: i64 = -1_000_000_000_000_000;

/// Global nearest neighbour associator.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GlobalNearestNeighbour {
    /// Cost of leaving a track without a plot (set to the gate threshold).
    pub miss_cost: f64,
}

impl GlobalNearestNeighbour {
    /// For each of `n_tracks` tracks, the index of its plot, or `None`.
    pub fn associate(
        &self,
        n_tracks: usize,
        n_plots: usize,
        hypotheses: &[Hypothesis],
    ) -> Vec<Option<usize>> {
        let costs: Vec<(usize, usize, f64)> = hypotheses
            .iter()
            .map(|h| (h.track, h.plot, h.distance2))
            .collect();
        assign_min_cost(n_tracks, n_plots, &costs, self.miss_cost)
    }
}

/// Optimal assignment of rows to columns minimising the summed cost over the allowed `(row, col, cost)`
/// pairs, a row being free to stay unassigned at `miss_cost`. Non-finite costs are ignored.
pub fn assign_min_cost(
    n_rows: usize,
    n_cols: usize,
    costs: &[(usize, usize, f64)],
    miss_cost: f64,
) -> Vec<Option<usize>> {
    if n_rows == 0 {
        return Vec::new();
    }
    if n_cols == 0 || costs.is_empty() {
        return vec![None; n_rows];
    }
    let to_weight = |c: f64| -((c * SCALE).round().clamp(0.0, 1.0e12) as i64);
    // Columns: the plots, then one "miss" column per row.
    let mut w = Matrix::new(n_rows, n_cols + n_rows, FORBIDDEN);
    for r in 0..n_rows {
        w[(r, n_cols + r)] = to_weight(miss_cost);
    }
    for &(r, c, cost) in costs {
        if r < n_rows && c < n_cols && cost.is_finite() {
            w[(r, c)] = w[(r, c)].max(to_weight(cost));
        }
    }
    let (_, assignment) = kuhn_munkres(&w);
    assignment
        .into_iter()
        .enumerate()
        .map(|(r, c)| (c < n_cols && w[(r, c)] != FORBIDDEN).then_some(c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optimal_beats_greedy() {
        // Greedy would give row 0 column 0 (cost 1) and leave row 1 to miss; optimal crosses them.
        let costs = [(0, 0, 1.0), (0, 1, 2.0), (1, 0, 2.0)];
        assert_eq!(assign_min_cost(2, 2, &costs, 10.0), vec![Some(1), Some(0)]);
        assert_eq!(assign_min_cost(2, 0, &[], 10.0), vec![None, None]);
        assert_eq!(assign_min_cost(1, 1, &[(0, 0, 20.0)], 10.0), vec![None]);
    }
}
