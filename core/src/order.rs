//! The one sort of the app. Each `sort_by_key` on another element type compiles another copy of
//! the standard library's sort into the browser's wasm (≈ 3 KB each); here only `(key, index)`
//! pairs are ever sorted, so the sort is compiled once.

/// Sorts `items` by `rank`, smallest first. Stable: items of equal rank keep their order, so a
/// second key is a sort by it before this one.
pub fn sort_by_rank<T>(items: &mut Vec<T>, rank: impl Fn(&T) -> i64) {
    let order = ascending_order(items.iter().map(rank).collect());
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.into_iter().filter_map(|index| slots.get_mut(index).and_then(Option::take)));
}

/// A rank that sorts `key` largest first, for any `i64` (unlike negation, which overflows).
pub fn descending(key: i64) -> i64 {
    !key
}

/// A count as a rank; counts beyond `i64` (none in practice) rank last.
pub fn count_rank(count: usize) -> i64 {
    i64::try_from(count).unwrap_or(i64::MAX)
}

/// The indices of `ranks` from the smallest rank up, equal ranks in index order. Not generic, so
/// that the sort is compiled once; `(rank, index)` pairs are all distinct, so the unstable sort
/// gives the stable order.
fn ascending_order(ranks: Vec<i64>) -> Vec<usize> {
    let mut pairs: Vec<(i64, usize)> = ranks.into_iter().zip(0..).collect();
    pairs.sort_unstable();
    pairs.into_iter().map(|(_, index)| index).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_rank_keeping_the_order_of_equals() {
        let mut items = vec![("c", 3), ("a1", 1), ("b1", 2), ("a2", 1), ("b2", 2), ("a3", 1)];
        sort_by_rank(&mut items, |(_, rank)| *rank);
        assert_eq!(items.iter().map(|(name, _)| *name).collect::<Vec<_>>(), ["a1", "a2", "a3", "b1", "b2", "c"]);
    }

    #[test]
    fn descending_reverses_every_i64_including_the_extremes() {
        let mut items = vec![0, i64::MIN, 7, i64::MAX, -7, i64::MIN + 1, i64::MAX - 1];
        sort_by_rank(&mut items, |&n| descending(n));
        assert_eq!(items, [i64::MAX, i64::MAX - 1, 7, 0, -7, i64::MIN + 1, i64::MIN]);
    }

    #[test]
    fn a_second_key_is_an_earlier_sort() {
        // Most comments first, then newest first among equals.
        let mut stories = vec![("old-busy", 5, 10), ("new-quiet", 1, 30), ("new-busy", 5, 20), ("mid-quiet", 1, 25)];
        sort_by_rank(&mut stories, |&(_, _, published)| descending(published));
        sort_by_rank(&mut stories, |&(_, comments, _)| descending(comments));
        assert_eq!(stories.iter().map(|s| s.0).collect::<Vec<_>>(), ["new-busy", "old-busy", "new-quiet", "mid-quiet"]);
    }

    #[test]
    fn empty_and_single_lists_and_huge_counts() {
        let mut empty: Vec<u8> = Vec::new();
        sort_by_rank(&mut empty, |&n| i64::from(n));
        assert!(empty.is_empty());
        let mut one = vec!["only"];
        sort_by_rank(&mut one, |_| 0);
        assert_eq!(one, ["only"]);
        assert_eq!(count_rank(usize::MAX), i64::MAX);
        assert_eq!(count_rank(3), 3);
    }
}
