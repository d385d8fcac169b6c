//! Which page numbers a numbered pagination shows: « Previous 1 … 4 5 6 … 12 Next ».

/// Page numbers to show around `current` out of `total`, with `None` for a gap: the first and last
/// pages, and the current one with its neighbours. A gap of a single page shows that page instead,
/// since "…" would take as much room as the number.
pub fn visible_pages(current: u32, total: u32) -> Vec<Option<u32>> {
    let mut pages = Vec::new();
    let mut last_shown = 0;
    for n in 1..=total {
        let shown = n == 1 || n == total || n.abs_diff(current) <= 1;
        if !shown {
            continue;
        }
        match n - last_shown {
            1 => {}
            2 => pages.push(Some(n - 1)),
            _ => pages.push(None),
        }
        pages.push(Some(n));
        last_shown = n;
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(current: u32, total: u32) -> String {
        let pages = visible_pages(current, total);
        pages.iter().map(|page| page.map_or("…".to_string(), |n| n.to_string())).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn shows_the_ends_and_the_current_page_with_its_neighbours() {
        assert_eq!(shown(6, 12), "1 … 5 6 7 … 12");
        assert_eq!(shown(1, 12), "1 2 … 12");
        assert_eq!(shown(12, 12), "1 … 11 12");
    }

    #[test]
    fn a_gap_of_one_page_shows_the_page_and_short_lists_have_no_gap() {
        assert_eq!(shown(4, 7), "1 2 3 4 5 6 7");
        assert_eq!(shown(4, 8), "1 2 3 4 5 … 8");
        assert_eq!(shown(2, 4), "1 2 3 4");
        assert_eq!(shown(1, 1), "1");
        assert_eq!(shown(1, 0), "");
    }

    #[test]
    fn a_current_page_out_of_range_still_shows_the_ends() {
        assert_eq!(shown(40, 5), "1 … 5");
        assert_eq!(shown(0, 3), "1 2 3");
        assert_eq!(shown(0, 9), "1 … 9");
    }
}
