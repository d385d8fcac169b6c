//! Lists that grow in place: "Load more" appends the next page, advertisements sit between
//! stories, and what was added is put in words for screen readers.

use crate::model::Teaser;

/// Appends the stories of a newly loaded page that are not shown yet (a story published in the
/// meantime shifts every page by one) and returns how many were added.
pub fn append_new(shown: &mut Vec<Teaser>, page: Vec<Teaser>) -> usize {
    let before = shown.len();
    for teaser in page {
        if !shown.iter().any(|t| t.slug == teaser.slug) {
            shown.push(teaser);
        }
    }
    shown.len() - before
}

/// What the live region says after "Load more".
pub fn added_message(added: usize, at_end: bool) -> String {
    let added = match added {
        0 => "No new stories were added.".to_string(),
        1 => "1 more story loaded.".to_string(),
        n => format!("{n} more stories loaded."),
    };
    if at_end { format!("{added} You've reached the end.") } else { added }
}

/// One place in a list: the n-th story, or the n-th advertisement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Entry {
    Story(usize),
    Ad(usize),
}

/// `stories` stories with an advertisement after every `every` of them, never after the last one
/// (so that loading more pushes no ad down under the button). `every == 0` means no ads.
pub fn interleave(stories: usize, every: usize) -> Vec<Entry> {
    let mut entries = Vec::with_capacity(stories + stories / every.max(1));
    for i in 0..stories {
        entries.push(Entry::Story(i));
        if every > 0 && (i + 1) % every == 0 && i + 1 < stories {
            entries.push(Entry::Ad((i + 1) / every - 1));
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    fn teaser(slug: &str) -> Teaser {
        serde_json::from_value(serde_json::json!({
            "id": slug, "slug": slug, "title": slug, "published": "2026-01-01T00:00:00Z", "authors": [], "categories": []
        }))
        .expect("a teaser")
    }

    #[test]
    fn appending_skips_stories_already_shown() {
        let mut shown = vec![teaser("a"), teaser("b")];
        assert_eq!(append_new(&mut shown, vec![teaser("b"), teaser("c"), teaser("d")]), 2);
        let slugs: Vec<&str> = shown.iter().map(|t| t.slug.as_str()).collect();
        assert_eq!(slugs, ["a", "b", "c", "d"]);
        assert_eq!(append_new(&mut shown, Vec::new()), 0);
    }

    #[test]
    fn messages_count_what_was_added() {
        assert_eq!(added_message(10, false), "10 more stories loaded.");
        assert_eq!(added_message(1, false), "1 more story loaded.");
        assert_eq!(added_message(3, true), "3 more stories loaded. You've reached the end.");
        assert_eq!(added_message(0, false), "No new stories were added.");
    }

    #[test]
    fn ads_go_between_stories() {
        use Entry::*;
        assert_eq!(interleave(5, 2), [Story(0), Story(1), Ad(0), Story(2), Story(3), Ad(1), Story(4)]);
        assert_eq!(interleave(4, 2), [Story(0), Story(1), Ad(0), Story(2), Story(3)]);
        assert_eq!(interleave(3, 0), [Story(0), Story(1), Story(2)]);
        assert_eq!(interleave(0, 3), []);
        // Loading more keeps every earlier entry where it was.
        assert!(interleave(6, 3).starts_with(&interleave(3, 3)));
    }
}
