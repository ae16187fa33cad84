//! The one sort the spatial indexes of the tracker, the track merging and the metrics share: (coordinate,
//! index) pairs in increasing order. Each distinct `sort_by` closure is compiled into the browser build as a
//! sort of its own (kilobytes each), so they all call this one.

/// Sorts `(key, index)` pairs by key, then index: with indices pushed in increasing order, the order a stable
/// sort by key alone gives. Keys compare by `total_cmp`, so that a NaN cannot make the order depend on the sort.
pub(crate) fn by_key_then_index(pairs: &mut [(f64, usize)]) {
    pairs.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_as_a_stable_sort_by_key() {
        let mut v: Vec<(f64, usize)> =
            vec![(2.0, 0), (1.0, 1), (2.0, 2), (-0.0, 3), (0.0, 4), (1.0, 5)];
        let mut stable = v.clone();
        stable.sort_by(|a, b| a.0.total_cmp(&b.0));
        by_key_then_index(&mut v);
        assert_eq!(v, stable);
    }
}
