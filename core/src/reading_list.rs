//! "Save for later": the stories a reader keeps in their browser, most recently saved first.

use crate::model::Teaser;
use crate::sources::static_json::teaser;
use serde::de::Error;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// The browser storage key of the reading list for a site.
pub fn reading_list_key(site: &str) -> String {
    format!("broadsheet:saved:{site}")
}

/// Stored as a plain list of teasers in the model's serde form, which is the static schema's.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct ReadingList {
    pub stories: Vec<Teaser>,
}

/// Read back with the static schema's teaser reader instead of a derived decoder, so that the
/// browser build carries none for `Teaser` (see `sources/wire.rs`).
impl<'de> Deserialize<'de> for ReadingList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let stored = Value::deserialize(deserializer)?;
        let stories = stored.as_array().ok_or_else(|| D::Error::custom("expected a list of stories"))?;
        let stories = stories.iter().map(teaser).collect::<Result<_, _>>().map_err(D::Error::custom)?;
        Ok(ReadingList { stories })
    }
}

impl ReadingList {
    pub fn contains(&self, slug: &str) -> bool {
        self.stories.iter().any(|t| t.slug == slug)
    }

    /// Puts `teaser` first; saving a story again refreshes it rather than listing it twice.
    pub fn save(&mut self, teaser: Teaser) {
        self.remove(&teaser.slug);
        self.stories.insert(0, teaser);
    }

    pub fn remove(&mut self, slug: &str) {
        self.stories.retain(|t| t.slug != slug);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn teaser(slug: &str) -> Teaser {
        serde_json::from_value(serde_json::json!({
            "id": slug, "slug": slug, "title": slug.to_uppercase(), "published": "2026-10-09T03:10:00Z",
            "authors": [], "categories": []
        }))
        .unwrap()
    }

    #[test]
    fn saves_newest_first_once_and_removes() {
        let mut list = ReadingList::default();
        list.save(teaser("a"));
        list.save(teaser("b"));
        list.save(teaser("a"));
        assert_eq!(list.stories.iter().map(|t| t.slug.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        assert!(list.contains("b"));
        list.remove("b");
        assert!(!list.contains("b"));
        assert_eq!(list.stories.len(), 1);
    }

    #[test]
    fn round_trips_through_storage_text() {
        let mut list = ReadingList::default();
        list.save(teaser("a"));
        let text = serde_json::to_string(&list).unwrap();
        assert!(text.starts_with('['), "stored as a plain list: {text}");
        assert_eq!(serde_json::from_str::<ReadingList>(&text).unwrap(), list);
        assert!(serde_json::from_str::<ReadingList>("{\"not\":\"a list\"}").is_err());
        assert_eq!(reading_list_key("/content/"), "broadsheet:saved:/content/");
    }
}
