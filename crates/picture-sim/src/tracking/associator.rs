//! Data association: global nearest neighbour, the assignment of plots to tracks that minimises the summed
//! squared Mahalanobis distance, each track taking at most one plot and each plot going to at most one
//! track, a track being free to take none at the cost of the gate. Solved optimally by the Kuhn-Munkres
//! (Hungarian) algorithm (`pathfinding`), so that the missiles of a salvo keep their own tracks, one cluster
//! of the gating graph at a time ([`assign_min_cost_counted`]), so that its cost grows with the salvo, not
//! with the cube of it.

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
        self.associate_counted(n_tracks, n_plots, hypotheses, &mut 0)
    }

    /// As [`Self::associate`], adding to `cells` the weight cells of the assignment problems solved.
    pub fn associate_counted(
        &self,
        n_tracks: usize,
        n_plots: usize,
        hypotheses: &[Hypothesis],
        cells: &mut u64,
    ) -> Vec<Option<usize>> {
        let costs: Vec<(usize, usize, f64)> = hypotheses
            .iter()
            .map(|h| (h.track, h.plot, h.distance2))
            .collect();
        assign_min_cost_counted(n_tracks, n_plots, &costs, self.miss_cost, cells)
    }
}

/// Optimal assignment of rows to columns minimising the summed cost over the allowed `(row, col, cost)`
/// pairs, a row being free to stay unassigned at `miss_cost`. Non-finite costs are ignored.
///
/// Solved cluster by cluster: see [`assign_min_cost_counted`].
pub fn assign_min_cost(
    n_rows: usize,
    n_cols: usize,
    costs: &[(usize, usize, f64)],
    miss_cost: f64,
) -> Vec<Option<usize>> {
    assign_min_cost_counted(n_rows, n_cols, costs, miss_cost, &mut 0)
}

/// As [`assign_min_cost`], adding to `cells` the number of weight cells of the matrices solved (the work of
/// the solver, for tests that the cost of association grows as the size of the problem, not its square).
///
/// The allowed pairs are the edges of a bipartite graph between rows and columns; its connected components
/// (clusters) share no row and no column, so that the assignment of one cluster constrains no other, the total
/// cost is the sum of the clusters' costs, and the global optimum is made of each cluster's optimum. Each
/// cluster is solved by Kuhn-Munkres on its own rows and columns: a salvo of `n` well-separated missiles gives
/// `n` clusters of about one track and one plot, and work growing as `n` rather than the `n^3` of one dense
/// `n x 2n` problem. This is the clustering of gated tracks and observations into independent groups before
/// global nearest neighbour or JPDA association (Blackman and Popoli, "Design and Analysis of Modern Tracking
/// Systems", Artech House, 1999, chapter 6; Bar-Shalom, Willett and Tian, "Tracking and Data Fusion", YBS
/// Publishing, 2011, on gating and clustering). A pair dearer than `miss_cost` is dropped before clustering:
/// the row's own miss is always free to it and strictly cheaper, so no optimum uses it.
pub fn assign_min_cost_counted(
    n_rows: usize,
    n_cols: usize,
    costs: &[(usize, usize, f64)],
    miss_cost: f64,
    cells: &mut u64,
) -> Vec<Option<usize>> {
    let mut out = vec![None; n_rows];
    let edges: Vec<(usize, usize, i64)> = costs
        .iter()
        .filter(|&&(r, c, cost)| r < n_rows && c < n_cols && cost.is_finite() && cost <= miss_cost)
        .map(|&(r, c, cost)| (r, c, to_weight(cost)))
        .collect();
    if edges.is_empty() {
        return out;
    }
    // Union-find over the rows (0..n_rows) and the columns (n_rows..) that some edge touches.
    let mut parent: Vec<usize> = (0..n_rows + n_cols).collect();
    for &(r, c, _) in &edges {
        let (a, b) = (find(&mut parent, r), find(&mut parent, n_rows + c));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    // Each cluster's edges, in the order of their roots. A root is the smallest member of its set, so a row:
    // a list per row, not a map, which keeps the browser build smaller.
    let mut by_root: Vec<Vec<(usize, usize, i64)>> = vec![Vec::new(); n_rows];
    for &e in &edges {
        let root = find(&mut parent, e.0);
        by_root[root].push(e);
    }
    let miss = to_weight(miss_cost);
    for cluster in by_root.iter().filter(|c| !c.is_empty()) {
        let mut rows: Vec<usize> = cluster.iter().map(|e| e.0).collect();
        let mut cols: Vec<usize> = cluster.iter().map(|e| e.1).collect();
        rows.sort_unstable();
        rows.dedup();
        cols.sort_unstable();
        cols.dedup();
        let (nr, nc) = (rows.len(), cols.len());
        // Columns: the cluster's columns, then one "miss" column per row.
        let mut w = Matrix::new(nr, nc + nr, FORBIDDEN);
        *cells += (nr * (nc + nr)) as u64;
        for r in 0..nr {
            w[(r, nc + r)] = miss;
        }
        for &(r, c, weight) in cluster {
            // Both lists are sorted and hold every row and column of the cluster.
            let (lr, lc) = (
                rows.binary_search(&r).unwrap_or(0),
                cols.binary_search(&c).unwrap_or(0),
            );
            w[(lr, lc)] = w[(lr, lc)].max(weight);
        }
        let (_, assignment) = kuhn_munkres(&w);
        for (lr, lc) in assignment.into_iter().enumerate() {
            if lc < nc && w[(lr, lc)] != FORBIDDEN {
                out[rows[lr]] = Some(cols[lc]);
            }
        }
    }
    out
}

/// The solver's integer weight of a cost (it maximises, so the negated cost).
fn to_weight(cost: f64) -> i64 {
    -((cost * SCALE).round().clamp(0.0, 1.0e12) as i64)
}

/// The root of `x`'s set, halving the path on the way.
fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
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

    /// The assignment as one dense problem over every row and column (the solver before clustering).
    fn dense(
        n_rows: usize,
        n_cols: usize,
        costs: &[(usize, usize, f64)],
        miss_cost: f64,
    ) -> Vec<Option<usize>> {
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

    /// The summed cost of an assignment, in the solver's integer units (misses at `miss_cost`).
    fn total(a: &[Option<usize>], costs: &[(usize, usize, f64)], miss_cost: f64) -> i64 {
        a.iter()
            .enumerate()
            .map(|(r, c)| match c {
                None => to_weight(miss_cost),
                Some(c) => costs
                    .iter()
                    .filter(|e| e.0 == r && e.1 == *c)
                    .map(|e| to_weight(e.2))
                    .max()
                    .unwrap_or(i64::MIN / 4),
            })
            .sum()
    }

    /// Random gated problems: tracks and plots scattered on a line in groups, a pair allowed when the two
    /// are within the gate, cost the squared distance over the gate. `integer_costs` rounds the costs to
    /// a few values, so that many assignments tie.
    fn gated_problem(
        rng: &mut impl rand::Rng,
        integer_costs: bool,
    ) -> (usize, usize, Vec<(usize, usize, f64)>) {
        let n_rows = rng.random_range(0..40);
        let n_cols = rng.random_range(0..40);
        let groups = rng.random_range(1..8) as f64;
        let mut place = |_| rng.random_range(0.0..groups) * 10.0 + rng.random_range(0.0..3.0);
        let rows: Vec<f64> = (0..n_rows).map(&mut place).collect();
        let cols: Vec<f64> = (0..n_cols).map(&mut place).collect();
        let mut costs = Vec::new();
        for (r, x) in rows.iter().enumerate() {
            for (c, y) in cols.iter().enumerate() {
                let d2 = ((x - y) / 2.0).powi(2);
                if d2 <= 1.0 {
                    costs.push((
                        r,
                        c,
                        if integer_costs {
                            (d2 * 3.0).round() / 3.0
                        } else {
                            d2
                        },
                    ));
                }
            }
        }
        (n_rows, n_cols, costs)
    }

    #[test]
    fn cluster_by_cluster_is_the_dense_optimum() {
        use rand::SeedableRng;
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
        let mut clustered_cells = 0;
        let mut dense_cells = 0;
        for trial in 0..300 {
            let integer_costs = trial % 2 == 1;
            let (n_rows, n_cols, costs) = gated_problem(&mut rng, integer_costs);
            let miss = 0.8;
            let mut cells = 0;
            let a = assign_min_cost_counted(n_rows, n_cols, &costs, miss, &mut cells);
            let b = dense(n_rows, n_cols, &costs, miss);
            clustered_cells += cells;
            dense_cells += (n_rows * (n_cols + n_rows)) as u64;
            // Each column at most once.
            let mut seen = vec![false; n_cols];
            for c in a.iter().flatten() {
                assert!(!seen[*c], "trial {trial}: column {c} twice");
                seen[*c] = true;
            }
            assert_eq!(
                total(&a, &costs, miss),
                total(&b, &costs, miss),
                "trial {trial}"
            );
            // With continuous costs the optimum is unique (ties have probability zero): the same assignment.
            if !integer_costs {
                assert_eq!(a, b, "trial {trial}");
            }
        }
        // The problems are clustered: the solver saw a fraction of the dense cells.
        assert!(
            clustered_cells * 2 < dense_cells,
            "{clustered_cells} of {dense_cells}"
        );
    }
}
