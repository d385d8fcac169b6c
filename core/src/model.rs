//! The article model every page renders, whatever the backend. Adapters map their JSON onto these
//! types; our own static schema is their serde form. The browser reads that form with
//! `sources::static_json`'s walking readers (also for the stored reading list), not with the derived
//! `Deserialize`, which only native code and tests use: calling it from the app would bring its
//! code back into the wasm (see docs/size-plan.md).

use crate::routes::SiteBase;
use crate::time::Timestamp;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// HTML from a backend. It reaches the page only through the app's sanitizer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(transparent)]
pub struct UntrustedHtml(pub String);

/// A story as lists show it: everything but the body.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Teaser {
    pub id: String,
    pub slug: String,
    /// Plain text, entities already decoded.
    pub title: String,
    /// Standfirst under the headline, plain text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dek: Option<String>,
    /// Plain text.
    #[serde(default)]
    pub excerpt: String,
    pub published: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<Timestamp>,
    pub authors: Vec<AuthorRef>,
    /// The first one is the primary category (label, breadcrumbs).
    pub categories: Vec<Term>,
    #[serde(default)]
    pub tags: Vec<Term>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hero: Option<Image>,
    #[serde(default)]
    pub comments: CommentInfo,
    #[serde(default)]
    pub format: Format,
    #[serde(default)]
    pub featured: bool,
    /// Derived from the body by [`crate::reading_time`]; lists carry it precomputed.
    #[serde(default)]
    pub reading_minutes: u32,
}

impl Teaser {
    pub fn primary_category(&self) -> Option<&Term> {
        self.categories.first()
    }

    /// The "Last updated" instant, only when the story changed after publication.
    pub fn updated(&self) -> Option<Timestamp> {
        self.modified.filter(|m| *m > self.published)
    }
}

/// A whole story.
/// The stories published just before and just after one: "Previous" and "Next".
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Neighbours {
    #[serde(default)]
    pub older: Option<Teaser>,
    #[serde(default)]
    pub newer: Option<Teaser>,
}

/// One side of a story in time, for asking a backend for that neighbour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Older,
    Newer,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    pub teaser: Teaser,
    pub body: ArticleBody,
    pub source: Option<SourceLink>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ArticleBody {
    Html(UntrustedHtml),
    /// The backend withholds the story behind a password (WordPress).
    PasswordProtected,
}

impl ArticleBody {
    /// The story's HTML; empty when it is withheld.
    pub fn html(&self) -> &str {
        match self {
            ArticleBody::Html(html) => &html.0,
            ArticleBody::PasswordProtected => "",
        }
    }
}

/// A category or a tag as a story names it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct Term {
    pub slug: String,
    pub name: String,
}

/// An author as a byline names them.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct AuthorRef {
    pub slug: String,
    pub name: String,
}

/// An author's profile, for the author page.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct Author {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub role: Option<String>,
    /// Untrusted: WordPress allows HTML here.
    #[serde(default)]
    pub bio: UntrustedHtml,
    #[serde(default)]
    pub avatar: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct Category {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct Image {
    pub src: String,
    pub width: u32,
    pub height: u32,
    #[serde(default)]
    pub alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub srcset: Vec<ImageSource>,
}

impl Image {
    /// The `srcset` attribute value on a site served at `base`, or `None` when there are no
    /// alternative sizes.
    pub fn srcset_attr(&self, base: &SiteBase) -> Option<String> {
        if self.srcset.is_empty() {
            return None;
        }
        let parts: Vec<String> = self.srcset.iter().map(|s| format!("{} {}w", base.href(&s.src), s.width)).collect();
        Some(parts.join(", "))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct ImageSource {
    pub src: String,
    pub width: u32,
}

/// The original source of a story ("Read the full article here").
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct SourceLink {
    pub url: String,
    pub label: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct CommentInfo {
    pub open: bool,
    /// Approved comments. WordPress embeds at most ten with a post, so there it is a lower bound:
    /// enough to know whether to load them.
    pub count: u32,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Video,
    Gallery,
    Opinion,
    /// Also what an unknown format reads as.
    #[default]
    #[serde(other)]
    Standard,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct Comment {
    pub id: String,
    #[serde(default)]
    pub parent: Option<String>,
    pub author: CommentAuthor,
    pub date: Timestamp,
    pub html: UntrustedHtml,
    #[serde(default)]
    pub status: CommentStatus,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct CommentAuthor {
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub avatar: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CommentStatus {
    #[default]
    Approved,
    /// Held for moderation: shown only to the reader who wrote it.
    Hold,
}

/// A standalone page such as "Privacy Policy" or "Contact".
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct SitePage {
    pub slug: String,
    /// Plain text.
    pub title: String,
    pub body: UntrustedHtml,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<Timestamp>,
}

/// What a list page says about itself above its stories.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListHeading {
    pub title: String,
    /// Plain text; may be empty.
    pub description: String,
    /// The profile, on an author's page.
    pub author: Option<Author>,
}

/// One page of a list, with what it takes to page through the rest.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Page<T> {
    pub page: u32,
    pub total_pages: u32,
    pub total: u32,
    pub items: Vec<T>,
}

impl<T> Page<T> {
    pub fn next_page(&self) -> Option<u32> {
        (self.page < self.total_pages).then_some(self.page + 1)
    }

    pub fn previous_page(&self) -> Option<u32> {
        (self.page > 1).then(|| self.page - 1)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Timestamp::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not an RFC 3339 date")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srcset_puts_site_paths_under_the_base() {
        let source = |src: &str, width| ImageSource { src: src.into(), width };
        let image = Image {
            src: "/content/a.svg".into(), width: 600, height: 400, alt: String::new(), caption: None, credit: None,
            srcset: vec![source("/content/a-300.jpg", 300), source("https://cdn.example/a-600.jpg", 600)],
        };
        let news = SiteBase::parse("/news/").expect("valid");
        assert_eq!(image.srcset_attr(&news).as_deref(), Some("/news/content/a-300.jpg 300w, https://cdn.example/a-600.jpg 600w"));
        assert_eq!(image.srcset_attr(&SiteBase::default()).as_deref(), Some("/content/a-300.jpg 300w, https://cdn.example/a-600.jpg 600w"));
        assert_eq!(Image { srcset: Vec::new(), ..image }.srcset_attr(&news), None);
    }
}
