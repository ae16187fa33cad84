//! The sorts the models and the app share. Each distinct `sort_by` closure is compiled into the browser build
//! as a sort of its own (kilobytes each, about 4 % of the page's code before they were shared), so every sort
//! goes through one of two: (coordinate, index) pairs in increasing order, or a stable sort of indices through
//! a comparator behind a reference.

use std::cmp::Ordering;

/// Sorts `(key, index)` pairs by key, then index: with indices pushed in increasing order, the order a stable
/// sort by key alone gives. Keys compare by `total_cmp`, so that a NaN cannot make the order depend on the sort.
pub(crate) fn by_key_then_index(pairs: &mut [(f64, usize)]) {
    pairs.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
}

/// The order (indices into the `len` items) that sorts them stably by `cmp`, which compares two items by
/// index. One sort, compiled once, whatever the items and the comparison.
pub fn stable_order(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|a, b| cmp(*a, *b));
    order
}

/// Sorts `items` stably by `cmp`: the same order as `items.sort_by(cmp)`, through [`stable_order`].
pub fn sort_stable_by<T>(items: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &mut |a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_stable_sort() {
        // Keys with ties, so that stability shows: (key, original position).
        let items: Vec<(i32, usize)> = [3, 1, 2, 1, 3, 0, 2, 1]
            .iter()
            .enumerate()
            .map(|(i, k)| (*k, i))
            .collect();
        let mut ours = items.clone();
        sort_stable_by(&mut ours, |a, b| a.0.cmp(&b.0));
        let mut std = items.clone();
        std.sort_by_key(|a| a.0);
        assert_eq!(ours, std);
        let mut empty: Vec<(i32, usize)> = Vec::new();
        sort_stable_by(&mut empty, |a, b| a.0.cmp(&b.0));
        assert!(empty.is_empty());
    }

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
