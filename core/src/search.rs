//! Search over the static schema's compact index, run in the browser.

use crate::case::fold_case;
use crate::model::{Page, Teaser};
use crate::order::sort_by_rank;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct SearchIndex {
    /// Newest first.
    pub entries: Vec<SearchEntry>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct SearchEntry {
    pub slug: String,
    pub title: String,
    pub excerpt: String,
    pub published: Timestamp,
    /// The primary category's name.
    pub category: String,
}

impl From<&Teaser> for SearchEntry {
    /// A result from a backend that searches itself.
    fn from(teaser: &Teaser) -> SearchEntry {
        SearchEntry {
            slug: teaser.slug.clone(),
            title: teaser.title.clone(),
            excerpt: teaser.excerpt.clone(),
            published: teaser.published,
            category: teaser.primary_category().map(|c| c.name.clone()).unwrap_or_default(),
        }
    }
}

/// Case-folded words of a text, for matching.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(fold_case)
}

impl SearchIndex {
    /// Entries containing every word of `query` as a word prefix, best first: title matches before
    /// excerpt-only matches, then newest first. An empty query matches nothing.
    pub fn search(&self, query: &str, page: u32, per_page: usize) -> Page<SearchEntry> {
        let terms: Vec<String> = words(query).collect();
        let mut hits: Vec<(bool, &SearchEntry)> = if terms.is_empty() {
            Vec::new()
        } else {
            self.entries
                .iter()
                .filter_map(|entry| {
                    let title: Vec<String> = words(&entry.title).collect();
                    let rest: Vec<String> = words(&entry.excerpt).chain(words(&entry.category)).collect();
                    let in_title = |t: &String| title.iter().any(|w| w.starts_with(t.as_str()));
                    let in_rest = |t: &String| rest.iter().any(|w| w.starts_with(t.as_str()));
                    terms.iter().all(|t| in_title(t) || in_rest(t)).then(|| (terms.iter().all(in_title), entry))
                })
                .collect()
        };
        // Stable sort keeps the index's newest-first order within each group.
        sort_by_rank(&mut hits, |(all_in_title, _)| i64::from(!all_in_title));
        paginate(hits.into_iter().map(|(_, e)| e.clone()).collect(), page, per_page)
    }
}

/// Cuts one page out of a complete list; a page past the end is empty but keeps the totals.
pub fn paginate<T>(all: Vec<T>, page: u32, per_page: usize) -> Page<T> {
    let per_page = per_page.max(1);
    let total = all.len();
    let total_pages = total.div_ceil(per_page).max(1);
    let start = (page.max(1) as usize - 1).saturating_mul(per_page);
    let items = all.into_iter().skip(start).take(per_page).collect();
    Page { page: page.max(1), total_pages: total_pages as u32, total: total as u32, items }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(slug: &str, title: &str, excerpt: &str) -> SearchEntry {
        SearchEntry { slug: slug.into(), title: title.into(), excerpt: excerpt.into(), published: Timestamp(0), category: "News".into() }
    }

    fn index() -> SearchIndex {
        SearchIndex {
            entries: vec![
                entry("a", "Council passes budget", "The county budget vote"),
                entry("b", "Border talks resume", "Officials discuss the budget for border patrols"),
                entry("c", "Hunting season opens", "Deer tags on sale"),
            ],
        }
    }

    fn slugs(page: &Page<SearchEntry>) -> Vec<&str> {
        page.items.iter().map(|e| e.slug.as_str()).collect()
    }

    #[test]
    fn matches_word_prefixes_case_insensitively_with_title_hits_first() {
        assert_eq!(slugs(&index().search("BUDG", 1, 10)), ["a", "b"]);
        assert_eq!(slugs(&index().search("border budget", 1, 10)), ["b"]);
        assert_eq!(slugs(&index().search("news deer", 1, 10)), ["c"]);
        assert!(index().search("   ", 1, 10).items.is_empty());
        assert!(index().search("zebra", 1, 10).items.is_empty());
    }

    #[test]
    fn matches_across_case_in_latin_greek_and_cyrillic() {
        let index = SearchIndex {
            entries: vec![
                entry("senor", "El señor alcalde", ""),
                entry("ete", "ÉTÉ INDIEN", ""),
                entry("athina", "Νέα γέφυρα στην Αθήνα", ""),
                entry("moskva", "Погода в Москве", ""),
            ],
        };
        for (query, slug) in [("SEÑOR", "senor"), ("été", "ete"), ("ΑΘΉΝΑ", "athina"), ("МОСКВ", "moskva")] {
            assert_eq!(slugs(&index.search(query, 1, 10)), [slug], "{query}");
        }
    }

    #[test]
    fn paginates_with_totals() {
        let page = paginate((1..=25).collect::<Vec<_>>(), 3, 10);
        assert_eq!((page.total, page.total_pages, page.next_page()), (25, 3, None));
        assert_eq!(page.items, [21, 22, 23, 24, 25]);
        let empty = paginate(Vec::<u8>::new(), 1, 10);
        assert_eq!((empty.total_pages, empty.next_page(), empty.previous_page()), (1, None, None));
        assert!(paginate(vec![1], 9, 10).items.is_empty());
    }
}
