//! Broadsheet's own static schema (docs/static-schema.md): plain JSON files under one base URL.

use super::decode_json;
use crate::comment_form::{CommentRefusal, NewComment, PostedComment};
use crate::error::LoadError;
use crate::model::{Article, ArticleBody, Author, Category, Comment, CommentStatus, Page, SitePage, SourceLink, Teaser, Term, UntrustedHtml};
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

/// The JSON body POSTed to `source.comments_url` (docs/static-schema.md, "Posting comments").
pub fn new_comment_body(comment: &NewComment) -> String {
    serde_json::json!({
        "article": comment.story_slug,
        "article_id": comment.story_id,
        "parent": comment.parent,
        "author_name": comment.draft.name.trim(),
        "author_email": comment.draft.email.trim(),
        "author_url": comment.draft.website.trim(),
        "content": comment.draft.text,
    })
    .to_string()
}

#[derive(Deserialize)]
struct CommentAccepted {
    comment: Comment,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CommentRefused {
    error: String,
    message: String,
}

/// Maps the comment endpoint's answer: `{"comment": {...}}` with status 200/201, or
/// `{"error": "closed" | "login_required" | "duplicate" | "too_fast" | "invalid", "message": "..."}`.
pub fn decode_comment_post(status: u16, body: &str) -> Result<PostedComment, CommentRefusal> {
    if (200..300).contains(&status) {
        let accepted: CommentAccepted = serde_json::from_str(body).map_err(|e| CommentRefusal::Other(e.to_string()))?;
        return Ok(match accepted.comment.status {
            CommentStatus::Approved => PostedComment::Published(accepted.comment),
            CommentStatus::Hold => PostedComment::AwaitingModeration(accepted.comment),
        });
    }
    let refused: CommentRefused = serde_json::from_str(body).unwrap_or_default();
    Err(match refused.error.as_str() {
        "closed" => CommentRefusal::Closed,
        "login_required" => CommentRefusal::LoginRequired,
        "duplicate" => CommentRefusal::Duplicate,
        "too_fast" => CommentRefusal::TooFast,
        "invalid" => CommentRefusal::InvalidField(refused.message),
        _ if refused.message.is_empty() => CommentRefusal::Other(format!("error {status}")),
        _ => CommentRefusal::Other(refused.message),
    })
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
    fn comment_endpoint_answers_map_to_outcomes() {
        let comment = r#"{"comment":{"id":"c9","parent":"c1","author":{"name":"Ann"},"date":"2026-11-02T14:05:00Z","html":"<p>Hi</p>","status":"hold"}}"#;
        assert!(matches!(decode_comment_post(201, comment), Ok(PostedComment::AwaitingModeration(c)) if c.parent.as_deref() == Some("c1")));
        let published = comment.replace("hold", "approved");
        assert!(matches!(decode_comment_post(200, &published), Ok(PostedComment::Published(_))));
        assert_eq!(decode_comment_post(403, r#"{"error":"closed"}"#), Err(CommentRefusal::Closed));
        assert_eq!(decode_comment_post(429, r#"{"error":"too_fast","message":"Slow down"}"#), Err(CommentRefusal::TooFast));
        assert_eq!(decode_comment_post(400, r#"{"error":"invalid","message":"Email is not valid"}"#), Err(CommentRefusal::InvalidField("Email is not valid".into())));
        assert_eq!(decode_comment_post(502, "Bad gateway"), Err(CommentRefusal::Other("error 502".into())));
    }

    #[test]
    fn new_comment_body_names_the_article_and_parent() {
        let draft = crate::comment_form::Draft { text: "Hi".into(), name: "Ann ".into(), email: "a@b.co".into(), website: String::new() };
        let body = new_comment_body(&NewComment { story_id: "a1", story_slug: "s", parent: None, draft: &draft });
        let value: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!((value["article"].as_str(), value["parent"].is_null(), value["author_name"].as_str()), (Some("s"), true, Some("Ann")));
    }

    #[test]
    fn unknown_formats_read_as_standard() {
        let json = r#"{"page":1,"total_pages":1,"total":1,"items":[{"id":"a","slug":"s","title":"t",
            "published":"2026-01-01T00:00:00Z","authors":[],"categories":[],"format":"hologram"}]}"#;
        assert_eq!(decode_list(json).unwrap().items[0].format, crate::model::Format::Standard);
    }
}
