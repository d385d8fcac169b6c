//! A story's table of contents: ids for its section headings, derived from their text (never from
//! the backend's own ids), unique on the page, and the outline that links to them.

use crate::routes::slug_from;
use std::collections::HashSet;

/// Fewer headings than this make no useful table of contents.
pub const MIN_HEADINGS: usize = 3;
/// Longer slugs are cut: an id is for linking, not for reading.
const MAX_SLUG_BYTES: usize = 60;

/// A heading's rank in the outline: `h2` or `h3`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Section,
    Subsection,
}

/// A heading as the table of contents links to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TocLink {
    pub id: String,
    pub text: String,
}

/// A section and the subsections under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TocSection {
    pub link: TocLink,
    pub subsections: Vec<TocLink>,
}

/// Hands out `section-{slug}` ids, each once: a repeated heading gets `-2`, `-3`…
#[derive(Default)]
pub struct SectionIds {
    taken: HashSet<String>,
}

impl SectionIds {
    pub fn id_for(&mut self, heading: &str) -> String {
        let slug = slug_from(heading, MAX_SLUG_BYTES);
        let base = if slug.is_empty() { "section".to_string() } else { format!("section-{slug}") };
        let mut id = base.clone();
        let mut n = 2;
        while self.taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.taken.insert(id.clone());
        id
    }
}

/// The outline of `headings` in page order, or `None` when there are too few to be worth one.
/// A subsection before any section stands on its own.
pub fn table_of_contents(headings: Vec<(Level, TocLink)>) -> Option<Vec<TocSection>> {
    if headings.len() < MIN_HEADINGS {
        return None;
    }
    let mut sections: Vec<TocSection> = Vec::new();
    for (level, link) in headings {
        match (level, sections.last_mut()) {
            (Level::Subsection, Some(section)) => section.subsections.push(link),
            _ => sections.push(TocSection { link, subsections: Vec::new() }),
        }
    }
    Some(sections)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_never_empty() {
        let mut ids = SectionIds::default();
        assert_eq!(ids.id_for("Background"), "section-background");
        assert_eq!(ids.id_for("Background"), "section-background-2");
        assert_eq!(ids.id_for("background!"), "section-background-3");
        assert_eq!(ids.id_for("Background 2"), "section-background-2-2");
        assert_eq!(ids.id_for("★"), "section");
        assert_eq!(ids.id_for("—"), "section-2");
    }

    fn link(text: &str) -> TocLink {
        TocLink { id: format!("section-{}", slug_from(text, MAX_SLUG_BYTES)), text: text.into() }
    }

    #[test]
    fn outline_nests_subsections_under_their_section() {
        let toc = table_of_contents(vec![
            (Level::Subsection, link("Lede")),
            (Level::Section, link("One")),
            (Level::Subsection, link("One a")),
            (Level::Subsection, link("One b")),
            (Level::Section, link("Two")),
        ])
        .unwrap();
        let shape: Vec<(&str, Vec<&str>)> =
            toc.iter().map(|s| (s.link.text.as_str(), s.subsections.iter().map(|l| l.text.as_str()).collect())).collect();
        assert_eq!(shape, vec![("Lede", vec![]), ("One", vec!["One a", "One b"]), ("Two", vec![])]);
    }

    #[test]
    fn fewer_than_three_headings_make_no_outline() {
        assert_eq!(table_of_contents(vec![]), None);
        assert_eq!(table_of_contents(vec![(Level::Section, link("A")), (Level::Subsection, link("B"))]), None);
        assert!(table_of_contents(vec![(Level::Section, link("A")), (Level::Section, link("B")), (Level::Section, link("C"))]).is_some());
    }
}
