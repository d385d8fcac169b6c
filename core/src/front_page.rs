//! What the homepage and the menu pick from the newest stories: the Trending block and, when
//! `config.json` names no menu, the busiest categories.

use crate::config::Link;
use crate::model::{Teaser, Term};
use crate::order::{count_rank, descending, sort_by_rank};
use crate::routes::ListKey;

/// Stories in the Trending block.
pub const TRENDING_SIZE: usize = 5;
/// Categories in a menu built from the stories.
pub const MENU_CATEGORIES: usize = 6;

/// The stories with the most comments, newest first among equals; stories without comments never
/// trend (a backend without comment counts shows no block).
pub fn most_commented(stories: &[Teaser], count: usize) -> Vec<Teaser> {
    let mut ranked: Vec<&Teaser> = stories.iter().filter(|t| t.comments.count > 0).collect();
    sort_by_rank(&mut ranked, |t| descending(t.published.0));
    sort_by_rank(&mut ranked, |t| descending(t.comments.count.into()));
    ranked.into_iter().take(count).cloned().collect()
}

/// An editor's picks in their order, from the stories that could be loaded.
pub fn picks_in_order(slugs: &[String], found: Vec<Teaser>) -> Vec<Teaser> {
    slugs.iter().filter_map(|slug| found.iter().find(|t| &t.slug == slug).cloned()).collect()
}

/// The categories that most of the stories are filed under (their primary category), most first,
/// ties in order of first appearance.
pub fn top_categories(stories: &[Teaser], count: usize) -> Vec<Term> {
    let mut tally: Vec<(Term, usize)> = Vec::new();
    for category in stories.iter().filter_map(Teaser::primary_category) {
        match tally.iter_mut().find(|(term, _)| term.slug == category.slug) {
            Some((_, n)) => *n += 1,
            None => tally.push((category.clone(), 1)),
        }
    }
    // A stable sort keeps first appearance among equals.
    sort_by_rank(&mut tally, |&(_, n)| descending(count_rank(n)));
    tally.into_iter().take(count).map(|(term, _)| term).collect()
}

/// The menu when `config.json` has none: Home, Latest News and the busiest categories.
pub fn fallback_menu(stories: &[Teaser]) -> Vec<Link> {
    let mut menu = vec![Link { label: "Home".into(), href: "/".into() }, Link { label: "Latest News".into(), href: ListKey::Latest.path(1) }];
    menu.extend(top_categories(stories, MENU_CATEGORIES).into_iter().map(|c| Link { href: ListKey::Category(c.slug).path(1), label: c.name }));
    menu
}

#[cfg(test)]
mod tests {
    use super::*;

    fn teaser(slug: &str, category: &str, comments: u32, day: u32) -> Teaser {
        serde_json::from_value(serde_json::json!({
            "id": slug, "slug": slug, "title": slug, "published": format!("2026-01-{day:02}T00:00:00Z"), "authors": [],
            "categories": [{"slug": category, "name": category.to_uppercase()}],
            "comments": {"open": true, "count": comments}
        }))
        .expect("a teaser")
    }

    #[test]
    fn most_commented_ranks_by_comments_then_date() {
        let stories = [teaser("a", "x", 3, 1), teaser("b", "x", 9, 2), teaser("c", "x", 3, 5), teaser("d", "x", 0, 9)];
        let slugs: Vec<String> = most_commented(&stories, 5).into_iter().map(|t| t.slug).collect();
        assert_eq!(slugs, ["b", "c", "a"]);
        assert_eq!(most_commented(&stories, 1).len(), 1);
        assert!(most_commented(&[teaser("z", "x", 0, 1)], 5).is_empty());
    }

    #[test]
    fn picks_keep_the_editors_order_and_skip_missing_stories() {
        let found = vec![teaser("b", "x", 0, 1), teaser("a", "x", 0, 1)];
        let slugs: Vec<String> = picks_in_order(&["a".into(), "gone".into(), "b".into()], found).into_iter().map(|t| t.slug).collect();
        assert_eq!(slugs, ["a", "b"]);
    }

    #[test]
    fn the_fallback_menu_lists_the_busiest_categories() {
        let stories = [teaser("1", "news", 0, 1), teaser("2", "sport", 0, 1), teaser("3", "sport", 0, 1), teaser("4", "arts", 0, 1), teaser("5", "news", 0, 1)];
        let names: Vec<String> = top_categories(&stories, 2).into_iter().map(|c| c.name).collect();
        assert_eq!(names, ["NEWS", "SPORT"]);
        let menu = fallback_menu(&stories);
        assert_eq!(menu[0], Link { label: "Home".into(), href: "/".into() });
        assert_eq!(menu[1].href, "/latest");
        assert_eq!(menu[2], Link { label: "NEWS".into(), href: "/category/news".into() });
        assert_eq!(menu.len(), 5);
    }
}
