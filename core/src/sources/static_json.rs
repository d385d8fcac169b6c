//! Broadsheet's own static schema (docs/static-schema.md): plain JSON files under one base URL.

use super::decode_json;
use crate::error::LoadError;
use crate::model::{Article, ArticleBody, Author, Category, Comment, Page, SitePage, SourceLink, Teaser, Term, UntrustedHtml};
use crate::reading_time::reading_minutes;
use crate::routes::{encode, ListKey};
use crate::search::SearchIndex;
use serde::Deserialize;

/// Teasers per generated list page.
pub const PAGE_SIZE: usize = 10;

/// Builds the file URLs under the configured base URL (which ends with `/`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaticUrls<'a> {
    pub base: &'a str,
}

impl StaticUrls<'_> {
    pub fn list(&self, list: &ListKey, page: u32) -> String {
        format!("{}lists/{}/{page}.json", self.base, list_folder(list))
    }

    pub fn article(&self, slug: &str) -> String {
        format!("{}articles/{}.json", self.base, encode(slug))
    }

    pub fn site_page(&self, slug: &str) -> String {
        format!("{}pages/{}.json", self.base, encode(slug))
    }

    pub fn comments(&self, slug: &str) -> String {
        format!("{}comments/{}.json", self.base, encode(slug))
    }

    pub fn categories(&self) -> String {
        format!("{}categories.json", self.base)
    }

    pub fn authors(&self) -> String {
        format!("{}authors.json", self.base)
    }

    pub fn tags(&self) -> String {
        format!("{}tags.json", self.base)
    }

    pub fn search_index(&self) -> String {
        format!("{}search.json", self.base)
    }
}

/// The folder of a list under `lists/`, relative to the base URL.
pub fn list_folder(list: &ListKey) -> String {
    match list {
        ListKey::Latest => "latest".to_string(),
        ListKey::Category(slug) => format!("category/{}", encode(slug)),
        ListKey::Tag(slug) => format!("tag/{}", encode(slug)),
        ListKey::Author(slug) => format!("author/{}", encode(slug)),
    }
}

pub fn decode_list(body: &str) -> Result<Page<Teaser>, LoadError> {
    decode_json(body)
}

/// The keys an article file has beyond a teaser's.
#[derive(Deserialize)]
struct ArticleRest {
    body: UntrustedHtml,
    #[serde(default)]
    source: Option<SourceLink>,
}

/// Decodes an article file, deriving the reading time from its body. The file is read twice, as a
/// teaser and for the rest: cheaper in code size than serde's `flatten`, and articles are small.
pub fn decode_article(text: &str) -> Result<Article, LoadError> {
    let mut teaser: Teaser = decode_json(text)?;
    let ArticleRest { body, source } = decode_json(text)?;
    teaser.reading_minutes = reading_minutes(&body.0);
    Ok(Article { teaser, body: ArticleBody::Html(body), source })
}

pub fn decode_site_page(body: &str) -> Result<SitePage, LoadError> {
    decode_json(body)
}

#[derive(Deserialize)]
struct CommentsFile {
    comments: Vec<Comment>,
}

pub fn decode_comments(body: &str) -> Result<Vec<Comment>, LoadError> {
    decode_json::<CommentsFile>(body).map(|f| f.comments)
}

#[derive(Deserialize)]
struct CategoriesFile {
    categories: Vec<Category>,
}

pub fn decode_categories(body: &str) -> Result<Vec<Category>, LoadError> {
    decode_json::<CategoriesFile>(body).map(|f| f.categories)
}

#[derive(Deserialize)]
struct AuthorsFile {
    authors: Vec<Author>,
}

pub fn decode_authors(body: &str) -> Result<Vec<Author>, LoadError> {
    decode_json::<AuthorsFile>(body).map(|f| f.authors)
}

#[derive(Deserialize)]
struct TagsFile {
    tags: Vec<Term>,
}

/// Tags with the number of stories each (`tags.json`).
pub fn decode_tags(body: &str) -> Result<Vec<Term>, LoadError> {
    decode_json::<TagsFile>(body).map(|f| f.tags)
}

pub fn decode_search_index(body: &str) -> Result<SearchIndex, LoadError> {
    decode_json(body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Timestamp;

    const URLS: StaticUrls = StaticUrls { base: "/content/" };

    #[test]
    fn builds_file_urls() {
        assert_eq!(URLS.list(&ListKey::Latest, 1), "/content/lists/latest/1.json");
        assert_eq!(URLS.list(&ListKey::Tag("a b".into()), 2), "/content/lists/tag/a%20b/2.json");
        assert_eq!(URLS.article("x-y"), "/content/articles/x-y.json");
        assert_eq!(URLS.comments("x-y"), "/content/comments/x-y.json");
        assert_eq!(URLS.search_index(), "/content/search.json");
        assert_eq!(URLS.site_page("privacy"), "/content/pages/privacy.json");
    }

    #[test]
    fn decodes_an_article_and_derives_reading_time() {
        let body = "word ".repeat(500);
        let json = format!(
            r#"{{"id":"a1","slug":"s","title":"T","excerpt":"E","published":"2026-11-02T14:05:00Z",
            "authors":[{{"slug":"j","name":"J"}}],"categories":[{{"slug":"news","name":"News"}}],
            "comments":{{"open":true,"count":2}},"format":"video","body":"<p>{body}</p>"}}"#
        );
        let article = decode_article(&json).expect("valid article");
        assert_eq!(article.teaser.reading_minutes, 3);
        assert_eq!(article.teaser.published, Timestamp(1_793_628_300));
        assert_eq!(article.teaser.format, crate::model::Format::Video);
        assert!(article.teaser.tags.is_empty() && article.teaser.hero.is_none() && article.source.is_none());
    }

    #[test]
    fn a_missing_required_field_is_named() {
        let err = decode_article(r#"{"id":"a1","slug":"s","published":"2026-11-02T14:05:00Z","authors":[],"categories":[],"body":""}"#)
            .expect_err("title is required");
        assert!(matches!(&err, LoadError::Malformed(m) if m.contains("missing field `title`")), "{err:?}");
    }

    #[test]
    fn wrong_types_and_bad_dates_are_malformed_not_panics() {
        for bad in [
            "", "null", "[]", "{", r#"{"page":"one"}"#,
            r#"{"page":1,"total_pages":1,"total":1,"items":[{"id":"a","slug":"s","title":"t","published":"yesterday","authors":[],"categories":[]}]}"#,
        ] {
            assert!(matches!(decode_list(bad), Err(LoadError::Malformed(_))), "{bad}");
        }
    }

    #[test]
    fn unknown_formats_read_as_standard() {
        let json = r#"{"page":1,"total_pages":1,"total":1,"items":[{"id":"a","slug":"s","title":"t",
            "published":"2026-01-01T00:00:00Z","authors":[],"categories":[],"format":"hologram"}]}"#;
        assert_eq!(decode_list(json).unwrap().items[0].format, crate::model::Format::Standard);
    }
}
