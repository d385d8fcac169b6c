//! The Ghost Content API (<https://ghost.org/docs/content-api/>): the URLs to ask and how to read
//! the answers. Read-only, authenticated by the site's public Content API key in `?key=`.
//!
//! Mapping onto the model:
//! - `title` → title; `custom_excerpt` (else Ghost's generated `excerpt`, shortened) → excerpt. Both
//!   are plain text in Ghost; whitespace is collapsed.
//! - `html` → body (untrusted; `null` reads as empty); `published_at` → published (required);
//!   `updated_at` → modified.
//! - `authors` → byline. `primary_tag` (when public) is the primary category, else the first public
//!   tag; the other public tags are tags. Internal tags (`visibility: "internal"`, or a name that
//!   starts with `#`) are never shown.
//! - `feature_image` (+ `feature_image_alt`, `feature_image_caption` stripped to text) → hero, with
//!   a reserved box of [`HERO_WIDTH`]×[`HERO_HEIGHT`] because Ghost gives no size.
//! - `featured` → featured; `reading_time` → reading minutes (computed from `html` when absent).
//! - Comments are always closed with no count: Ghost has no public comments API.
//! - Format is [`Format::Video`] when a tag (public or internal) has the slug `video` or
//!   `hash-video` (Ghost's slug for `#video`), or when the body opens with an embed or video card
//!   (`<figure class="kg-card kg-embed-card">` / `kg-video-card`); otherwise standard.
//!
//! Ghost answers errors as `{"errors":[{"message","type",…}]}`; every decoder reads such a body
//! as the matching [`LoadError`] (`NotFoundError` → [`LoadError::NotFound`]).

use crate::error::LoadError;
use crate::model::{
    Article, ArticleBody, Author, AuthorRef, CommentInfo, Format, Image, ListHeading, Page, Side, SitePage, Teaser, Term,
    UntrustedHtml,
};
use crate::reading_time::reading_minutes;
use crate::routes::{encode, ListKey};
use crate::search::SearchEntry;
use crate::text::html_to_text;
use crate::time::Timestamp;
use serde_json::Value;
use super::wire::{
    checked, checked_date, checked_list, checked_record, checked_text, object, parse_object, record, present,
    required_date, required_list, required_text, safe_image_src, small_number, web_url, within,
};
use crate::text::{collapse_whitespace, shorten, text_to_html};

/// The box reserved for a feature image, whose real size Ghost does not say (16:9).
pub const HERO_WIDTH: u32 = 1200;
pub const HERO_HEIGHT: u32 = 675;
/// The most posts one request asks for, so that one answer stays small.
pub const MAX_PER_PAGE: u32 = 100;
/// Ghost's generated excerpts run to 500 characters; lists show less.
const EXCERPT_CHARS: usize = 240;

const POST_PARAMS: &str = "include=tags,authors&formats=html";

/// Builds Content API URLs under the site's URL (`base`, ending with `/`) with its Content API key.
///
/// Slugs go into paths percent-encoded, but `.` and `..` would still be read as dot segments:
/// callers check slugs with [`crate::routes::is_valid_slug`] first, as for every adapter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GhostUrls<'a> {
    pub base: &'a str,
    pub key: &'a str,
}

impl GhostUrls<'_> {
    /// `{base}ghost/api/content/{path}?key={key}`.
    fn endpoint(&self, path: &str) -> String {
        format!("{}ghost/api/content/{path}?key={}", self.base, encode(self.key))
    }

    /// Posts in `order` of publication: `desc` (newest first) or `asc`.
    fn posts(&self, filter: Option<String>, page: u32, per_page: u32, order: &str) -> String {
        let mut url = format!(
            "{}&{POST_PARAMS}&limit={}&page={}&order=published_at%20{order}",
            self.endpoint("posts/"),
            per_page.clamp(1, MAX_PER_PAGE),
            page.max(1)
        );
        if let Some(filter) = filter {
            url.push_str("&filter=");
            url.push_str(&encode(&filter));
        }
        url
    }

    /// A page of a list, newest first. Categories are Ghost tags, as are tags.
    pub fn list(&self, list: &ListKey, page: u32, per_page: u32) -> String {
        let filter = match list {
            ListKey::Latest => None,
            ListKey::Category(slug) | ListKey::Tag(slug) => Some(nql_equals("tag", slug)),
            ListKey::Author(slug) => Some(nql_equals("author", slug)),
        };
        self.posts(filter, page, per_page, "desc")
    }

    /// The one story published just before or just after `published`, in Ghost's documented date
    /// form (`'2026-11-02 14:05:00'`, UTC).
    pub fn neighbour(&self, published: Timestamp, side: Side) -> String {
        let (compare, order) = match side {
            Side::Older => ('<', "desc"),
            Side::Newer => ('>', "asc"),
        };
        let date = published.to_string().replace('T', " ").replace('Z', "");
        self.posts(Some(format!("published_at:{compare}'{date}'")), 1, 1, order)
    }

    pub fn article(&self, slug: &str) -> String {
        format!("{}&{POST_PARAMS}", self.endpoint(&format!("posts/slug/{}/", encode(slug))))
    }

    pub fn tag(&self, slug: &str) -> String {
        self.endpoint(&format!("tags/slug/{}/", encode(slug)))
    }

    pub fn author(&self, slug: &str) -> String {
        self.endpoint(&format!("authors/slug/{}/", encode(slug)))
    }

    /// Posts whose title contains `query` (Ghost's `~`, case-insensitive), newest first. A blank
    /// query asks for nothing (`id:null`), so the answer is an empty page rather than an error.
    pub fn search(&self, query: &str, page: u32, per_page: u32) -> String {
        self.posts(Some(nql_filter("title:~", query.trim())), page, per_page, "desc")
    }

    /// A standalone page (Ghost "pages").
    pub fn page(&self, slug: &str) -> String {
        format!("{}&formats=html", self.endpoint(&format!("pages/slug/{}/", encode(slug))))
    }
}

/// `{property}:'{value}'`, matching a slug exactly.
fn nql_equals(property: &str, value: &str) -> String {
    nql_filter(&format!("{property}:"), value)
}

/// `{prefix}'{value}'` as an NQL string, or `id:null` (which no post matches) when nothing but
/// white space is left of the value: NQL has no empty string.
fn nql_filter(prefix: &str, value: &str) -> String {
    let inner = nql_inner(value);
    if inner.trim().is_empty() {
        "id:null".to_string()
    } else {
        format!("{prefix}'{inner}'")
    }
}

/// Quotes text as an NQL string (`'…'`). NQL's grammar allows `\'` and `\"` inside, and nothing
/// else escaped, so quotes get a backslash, backslashes are dropped (a trailing one would
/// otherwise swallow the closing quote) and control characters become spaces. Quoting, rather than
/// a bare literal, keeps values such as `null`, `2024`, `-x` or `a,b` from meaning something else.
pub fn nql_string(text: &str) -> String {
    format!("'{}'", nql_inner(text))
}

fn nql_inner(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => {}
            '\'' | '"' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Ghost's JSON, read by walking it (see `wire.rs`). Every field is checked: a required one missing
// or `null`, or any field of another type, makes the answer malformed, naming the field.

/// A tag as Ghost gives it, borrowed from the answer.
#[derive(Clone, Copy)]
struct Tag<'a> {
    slug: &'a str,
    name: &'a str,
    visibility: Option<&'a str>,
    description: Option<&'a str>,
}

impl Tag<'_> {
    fn is_public(&self) -> bool {
        self.visibility.is_none_or(|v| v == "public") && !self.name.starts_with('#')
    }

    fn term(&self) -> Term {
        Term { slug: self.slug.to_string(), name: self.name.trim().to_string() }
    }
}

fn tag(value: &Value) -> Result<Tag<'_>, LoadError> {
    record(value, |tag| {
        Ok(Tag {
            slug: required_text(tag, "slug")?,
            name: required_text(tag, "name")?,
            visibility: checked_text(tag, "visibility")?,
            description: checked_text(tag, "description")?,
        })
    })
}

/// A post's author: slug and name, both required.
fn post_author(value: &Value) -> Result<AuthorRef, LoadError> {
    record(value, |author| {
        Ok(AuthorRef { slug: required_text(author, "slug")?.to_string(), name: collapse_whitespace(required_text(author, "name")?) })
    })
}

// ---------------------------------------------------------------------------------------------
// Decoding

/// Ghost's error type of the first error in an `errors` list, if it names one.
fn error_type(errors: &Value) -> Option<&str> {
    errors[0]["type"].as_str()
}

/// Maps an unsuccessful answer onto the app's errors, by Ghost's error type when the body is a
/// Ghost error (`{"errors":[{"type":"NotFoundError",…}]}`), else by the HTTP status.
pub fn decode_error(status: u16, body: &str) -> LoadError {
    let answer = serde_json::from_str::<Value>(body).unwrap_or_default();
    match error_type(&answer["errors"]) {
        Some("NotFoundError") => LoadError::NotFound,
        Some("UnauthorizedError" | "NoPermissionError") => LoadError::Forbidden,
        _ => LoadError::from_status(status).unwrap_or(LoadError::Status(status)),
    }
}

/// The error a successful answer carries instead of content, if any.
fn error_of(errors: &[Value]) -> Option<LoadError> {
    let first = errors.first()?;
    let kind = first["type"].as_str();
    Some(match kind {
        Some("NotFoundError") => LoadError::NotFound,
        Some("UnauthorizedError" | "NoPermissionError") => LoadError::Forbidden,
        Some("TooManyRequestsError") => LoadError::Status(429),
        Some("BadRequestError" | "ValidationError" | "IncorrectUsageError") => LoadError::Status(400),
        Some("InternalServerError") => LoadError::Status(500),
        other => {
            let what = first["message"].as_str().or(other).unwrap_or("unknown error");
            LoadError::Malformed(format!("Ghost answered with an error: {}", shorten(&collapse_whitespace(what), 200)))
        }
    })
}

/// The top-level object of an answer, or the error it carries.
fn decode_body(body: &str) -> Result<Value, LoadError> {
    let answer = parse_object(body)?;
    if let Some(error) = checked(&answer, "errors", Value::as_array, "a list")?.and_then(|errors| error_of(errors)) {
        return Err(error);
    }
    Ok(answer)
}

/// The records under `key`, each read by `read`, so that an error names where it is.
fn records<'a, T>(answer: &'a Value, key: &str, read: impl Fn(&'a Value) -> Result<T, LoadError>) -> Result<Vec<T>, LoadError> {
    required_list(answer, key, |value| record(value, &read))
}

/// The first record under `key` of a read-by-slug answer; an empty list means it does not exist.
fn first_record<T>(body: &str, key: &str, read: impl FnOnce(&Value) -> Result<T, LoadError>) -> Result<T, LoadError> {
    let answer = decode_body(body)?;
    let first = present(&answer, key, Value::as_array, "a list")?.first().ok_or(LoadError::NotFound)?;
    record(first, read).map_err(|e| within(&format!("{key}[0]"), e))
}

/// `meta.pagination` as (page, pages, total); `limit` (which may be `"all"`), `next` and `prev`
/// follow from these.
fn pagination(meta: &Value) -> Result<(u32, u32, u32), LoadError> {
    let pagination = present(meta, "pagination", object, "an object")?;
    let number = |key| present(pagination, key, small_number, "a whole number");
    Ok((number("page")?, number("pages")?, number("total")?))
}

/// A browse answer (`{"posts":[…],"meta":{"pagination":{…}}}`) as a page of teasers.
pub fn decode_list(body: &str) -> Result<Page<Teaser>, LoadError> {
    let answer = decode_body(body)?;
    let items = records(&answer, "posts", |post| article_of(post).map(|article| article.teaser))?;
    let meta = present(&answer, "meta", object, "an object")?;
    let (page, pages, total) = pagination(meta).map_err(|e| within("meta", e))?;
    Ok(Page { page: page.max(1), total_pages: pages.max(1), total, items })
}

/// Search results (a browse answer) as search entries.
pub fn decode_search(body: &str) -> Result<Page<SearchEntry>, LoadError> {
    let page = decode_list(body)?;
    let items = page
        .items
        .into_iter()
        .map(|t| SearchEntry {
            category: t.primary_category().map(|c| c.name.clone()).unwrap_or_default(),
            slug: t.slug,
            title: t.title,
            excerpt: t.excerpt,
            published: t.published,
        })
        .collect();
    Ok(Page { page: page.page, total_pages: page.total_pages, total: page.total, items })
}

/// A read-by-slug answer (`{"posts":[post]}`); an empty list is [`LoadError::NotFound`].
/// The first story of an answer to [`GhostUrls::neighbour`], if there is one.
pub fn decode_neighbour(body: &str) -> Result<Option<Teaser>, LoadError> {
    Ok(decode_list(body)?.items.into_iter().next())
}

pub fn decode_article(body: &str) -> Result<Article, LoadError> {
    first_record(body, "posts", article_of)
}

/// `{"tags":[{name, description}]}` as a list heading.
pub fn decode_tag_heading(body: &str) -> Result<ListHeading, LoadError> {
    first_record(body, "tags", |value| {
        let tag = tag(value)?;
        Ok(ListHeading {
            title: collapse_whitespace(tag.name),
            description: tag.description.map(collapse_whitespace).unwrap_or_default(),
            author: None,
        })
    })
}

/// `{"authors":[{slug, name, bio, profile_image, website}]}` as a list heading with the profile.
/// Ghost's bio is plain text; it becomes escaped HTML paragraphs.
pub fn decode_author_heading(body: &str) -> Result<ListHeading, LoadError> {
    first_record(body, "authors", |profile| {
        let bio = checked_text(profile, "bio")?.unwrap_or_default();
        let name = collapse_whitespace(required_text(profile, "name")?);
        Ok(ListHeading {
            title: name.clone(),
            description: collapse_whitespace(bio),
            author: Some(Author {
                slug: required_text(profile, "slug")?.to_string(),
                name,
                role: None,
                bio: text_to_html(bio),
                avatar: checked_text(profile, "profile_image")?.and_then(safe_image_src),
                url: checked_text(profile, "website")?.and_then(web_url),
            }),
        })
    })
}

/// `{"pages":[page]}` as a standalone page; an empty list is [`LoadError::NotFound`].
pub fn decode_site_page(body: &str) -> Result<SitePage, LoadError> {
    first_record(body, "pages", |page| {
        Ok(SitePage {
            slug: required_text(page, "slug")?.to_string(),
            title: collapse_whitespace(required_text(page, "title")?),
            body: UntrustedHtml(checked_text(page, "html")?.unwrap_or_default().to_string()),
            modified: checked_date(page, "updated_at")?,
        })
    })
}

fn article_of(post: &Value) -> Result<Article, LoadError> {
    let id = required_text(post, "id")?;
    let slug = required_text(post, "slug")?;
    let title = required_text(post, "title")?;
    let published = required_date(post, "published_at")?;
    let html = checked_text(post, "html")?.unwrap_or_default();
    let tags = checked_list(post, "tags", tag)?;
    let primary_tag = checked_record(post, "primary_tag", tag)?;
    let is_video =
        tags.iter().chain(&primary_tag).any(|t| matches!(t.slug, "video" | "hash-video")) || leads_with_embed(html);
    let primary = primary_tag.filter(Tag::is_public).or_else(|| tags.iter().find(|t| t.is_public()).copied());
    let categories: Vec<Term> = primary.iter().map(Tag::term).collect();
    let mut terms: Vec<Term> = Vec::new();
    for tag in tags.iter().filter(|t| t.is_public()) {
        if !categories.iter().chain(&terms).any(|t| t.slug == tag.slug) {
            terms.push(tag.term());
        }
    }
    let non_blank = |key| Ok::<_, LoadError>(checked_text(post, key)?.map(collapse_whitespace).filter(|e| !e.is_empty()));
    let excerpt = match non_blank("custom_excerpt")? {
        Some(custom) => custom,
        None => match non_blank("excerpt")? {
            Some(generated) => shorten(&generated, EXCERPT_CHARS),
            None => shorten(&html_to_text(html), EXCERPT_CHARS),
        },
    };
    let alt = checked_text(post, "feature_image_alt")?;
    let caption = checked_text(post, "feature_image_caption")?;
    let hero = checked_text(post, "feature_image")?.and_then(safe_image_src).map(|src| Image {
        src,
        width: HERO_WIDTH,
        height: HERO_HEIGHT,
        alt: alt.map(collapse_whitespace).unwrap_or_default(),
        caption: caption.map(html_to_text).filter(|c| !c.is_empty()),
        credit: None,
        srcset: Vec::new(),
    });
    let reading_time = checked(post, "reading_time", small_number, "a whole number")?;
    let teaser = Teaser {
        id: id.to_string(),
        slug: slug.to_string(),
        title: collapse_whitespace(title),
        dek: None,
        excerpt,
        published,
        modified: checked_date(post, "updated_at")?,
        authors: checked_list(post, "authors", post_author)?,
        categories,
        tags: terms,
        hero,
        comments: CommentInfo { open: false, count: 0 },
        format: if is_video { Format::Video } else { Format::Standard },
        featured: checked(post, "featured", Value::as_bool, "true or false")?.unwrap_or(false),
        reading_minutes: reading_time.map_or_else(|| reading_minutes(html), |minutes| minutes.max(1)),
    };
    Ok(Article { teaser, body: ArticleBody::Html(UntrustedHtml(html.to_string())), source: None })
}

/// Whether the body opens with a Ghost embed or video card.
fn leads_with_embed(html: &str) -> bool {
    let html = html.trim_start();
    if !html.get(..7).is_some_and(|open| open.eq_ignore_ascii_case("<figure")) {
        return false;
    }
    let tag = html.split('>').next().unwrap_or_default();
    tag.contains("kg-embed-card") || tag.contains("kg-video-card")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::wire::*;
    use super::*;
    use crate::sources::test_support::{malformed, mutations, with_key, Rng};
    use crate::text::*;

    const URLS: GhostUrls = GhostUrls { base: "https://courier.example/", key: "c0ffee" };
    const PAGE_1: &str = include_str!("../../tests/fixtures/ghost/posts-page-1.json");
    const PAGE_2: &str = include_str!("../../tests/fixtures/ghost/posts-page-2.json");
    const POST: &str = include_str!("../../tests/fixtures/ghost/post.json");
    const TAG: &str = include_str!("../../tests/fixtures/ghost/tag.json");
    const AUTHOR: &str = include_str!("../../tests/fixtures/ghost/author.json");
    const PAGE: &str = include_str!("../../tests/fixtures/ghost/page.json");
    const ERROR_404: &str = include_str!("../../tests/fixtures/ghost/error-404.json");
    const ERROR_401: &str = include_str!("../../tests/fixtures/ghost/error-401.json");

    /// The single-post fixture with one key of its post replaced (or removed, with `None`).
    fn post_with(key: &str, value: Option<Value>) -> String {
        with_key(POST, "/posts/0", key, value)
    }

    fn list_slugs(page: &Page<Teaser>) -> Vec<&str> {
        page.items.iter().map(|t| t.slug.as_str()).collect()
    }

    #[test]
    fn asks_for_the_neighbour_on_either_side_of_a_date() {
        let published = Timestamp::parse("2026-11-02T14:05:00Z").unwrap();
        assert!(URLS
            .neighbour(published, Side::Older)
            .ends_with("&limit=1&page=1&order=published_at%20desc&filter=published_at%3A%3C%272026-11-02%2014%3A05%3A00%27"));
        assert!(URLS
            .neighbour(published, Side::Newer)
            .ends_with("&limit=1&page=1&order=published_at%20asc&filter=published_at%3A%3E%272026-11-02%2014%3A05%3A00%27"));
        assert_eq!(decode_neighbour(PAGE_1).map(|t| t.map(|t| t.slug)), Ok(list_slugs(&decode_list(PAGE_1).unwrap()).first().map(|s| s.to_string())));
        assert_eq!(decode_neighbour(r#"{"posts":[],"meta":{"pagination":{"page":1,"limit":1,"pages":1,"total":0}}}"#), Ok(None));
    }

    #[test]
    fn builds_content_api_urls() {
        let base = "https://courier.example/ghost/api/content/";
        assert_eq!(
            URLS.list(&ListKey::Latest, 2, 10),
            format!(
                "{base}posts/?key=c0ffee&include=tags,authors&formats=html&limit=10&page=2&order=published_at%20desc"
            )
        );
        assert!(URLS
            .list(&ListKey::Tag("harbour".into()), 1, 10)
            .ends_with("&page=1&order=published_at%20desc&filter=tag%3A%27harbour%27"));
        assert!(URLS.list(&ListKey::Category("council".into()), 1, 10).ends_with("&filter=tag%3A%27council%27"));
        assert!(URLS
            .list(&ListKey::Author("marisol-quenby".into()), 1, 10)
            .ends_with("&filter=author%3A%27marisol-quenby%27"));
        assert_eq!(URLS.article("a-b"), format!("{base}posts/slug/a-b/?key=c0ffee&include=tags,authors&formats=html"));
        assert_eq!(URLS.tag("état"), format!("{base}tags/slug/%C3%A9tat/?key=c0ffee"));
        assert_eq!(URLS.author("jo"), format!("{base}authors/slug/jo/?key=c0ffee"));
        assert_eq!(URLS.page("about"), format!("{base}pages/slug/about/?key=c0ffee&formats=html"));
        let search = URLS.search(" sea wall ", 3, 10);
        assert!(
            search.starts_with(&format!("{base}posts/?key=c0ffee&include=tags,authors&formats=html&limit=10&page=3"))
        );
        assert!(search.ends_with("&filter=title%3A~%27sea%20wall%27"), "{search}");
    }

    #[test]
    fn keys_pages_and_limits_are_kept_in_range_and_encoded() {
        let urls = GhostUrls { base: "/", key: "a&b=c" };
        let url = urls.list(&ListKey::Latest, 0, 0);
        assert!(url.starts_with("/ghost/api/content/posts/?key=a%26b%3Dc&"), "{url}");
        assert!(url.contains("&limit=1&page=1&"), "{url}");
        assert!(urls.list(&ListKey::Latest, 1, 5000).contains("&limit=100&"));
    }

    #[test]
    fn quotes_nql_strings() {
        assert_eq!(nql_string("Harbourmaster's \"log\""), r#"'Harbourmaster\'s \"log\"'"#);
        assert_eq!(nql_string("a\\'b\\"), r"'a\'b'");
        assert_eq!(nql_string("x\ny"), "'x y'");
        // A slug that would otherwise read as null, a number, a negation or an OR.
        assert_eq!(nql_equals("tag", "null"), "tag:'null'");
        assert_eq!(nql_equals("tag", "-2024,x"), "tag:'-2024,x'");
        // Nothing left to look for asks for nothing.
        for blank in ["", "   ", "\\\\", "\\ \\", "\n"] {
            assert!(URLS.search(blank, 1, 10).ends_with("&filter=id%3Anull"), "{blank:?}");
        }
        assert!(URLS.list(&ListKey::Tag(String::new()), 1, 10).ends_with("&filter=id%3Anull"));
        assert!(URLS.search("O'Neill", 1, 10).ends_with("&filter=title%3A~%27O%5C%27Neill%27"));
    }

    #[test]
    fn decodes_a_page_of_posts_with_pagination() {
        let page = decode_list(PAGE_1).expect("page 1");
        assert_eq!((page.page, page.total_pages, page.total, page.items.len()), (1, 2, 12, 10));
        assert_eq!(page.next_page(), Some(2));
        assert_eq!(page.previous_page(), None);
        assert_eq!(
            list_slugs(&page)[..3],
            ["council-approves-new-seawall", "ferry-timetable-changes-for-spring", "lantern-parade-in-ninety-seconds"]
        );
        let page = decode_list(PAGE_2).expect("page 2");
        assert_eq!(
            (page.page, page.total_pages, page.total, page.next_page(), page.previous_page()),
            (2, 2, 12, None, Some(1))
        );
        assert_eq!(list_slugs(&page), ["fish-market-reopens-as-cooperative", "choir-festival-draws-record-crowd"]);
    }

    #[test]
    fn maps_every_field_of_a_post() {
        let article = decode_article(POST).expect("post");
        let t = &article.teaser;
        assert_eq!(t.id, "66a1f0c2e4b0a1d2c3e4f701");
        assert_eq!(t.slug, "council-approves-new-seawall");
        assert_eq!(t.title, "Council approves new seawall after two-year debate");
        assert_eq!(
            t.excerpt,
            "Work on the 600-metre wall starts in May and should be finished before the autumn storms."
        );
        assert_eq!(t.published, Timestamp::parse("2026-03-14T09:30:00Z").unwrap());
        assert_eq!(t.modified, Timestamp::parse("2026-03-14T12:05:00Z"));
        assert!(t.updated().is_some());
        let authors: Vec<(&str, &str)> = t.authors.iter().map(|a| (a.slug.as_str(), a.name.as_str())).collect();
        assert_eq!(authors, [("marisol-quenby", "Marisol Quenby"), ("tobias-renwick", "Tobias Renwick")]);
        assert_eq!(t.categories, [Term { slug: "council".into(), name: "Council".into() }]);
        // The primary tag is not repeated and the internal #homepage tag is not shown.
        assert_eq!(t.tags, [Term { slug: "harbour".into(), name: "Harbour".into() }]);
        let hero = t.hero.as_ref().expect("hero");
        assert_eq!(hero.src, "https://courier.example/images/seawall.svg");
        assert_eq!((hero.width, hero.height), (HERO_WIDTH, HERO_HEIGHT));
        assert_eq!(hero.alt, "Concrete blocks stacked on the quay");
        assert_eq!(hero.caption.as_deref(), Some("Blocks waiting on the north quay. Photo: Courier staff & friends"));
        assert_eq!((hero.credit.as_deref(), hero.srcset.len()), (None, 0));
        assert!(t.featured);
        assert_eq!(t.reading_minutes, 3);
        assert_eq!(t.comments, CommentInfo { open: false, count: 0 });
        assert_eq!(t.format, Format::Standard);
        assert_eq!(t.dek, None);
        assert!(article.body.html().starts_with("<p>Wrenhaven Town Council voted"));
        assert_eq!(article.source, None);
    }

    #[test]
    fn categories_fall_back_to_the_first_public_tag() {
        let page = decode_list(PAGE_1).unwrap();
        let ferry = &page.items[1];
        assert_eq!(ferry.categories, [Term { slug: "harbour".into(), name: "Harbour".into() }]);
        assert!(ferry.tags.is_empty());
        let letters = page.items.iter().find(|t| t.slug == "letters-the-bandstand-should-stay").unwrap();
        assert!(letters.categories.is_empty() && letters.tags.is_empty());
        // An internal primary tag is not a category.
        let internal = serde_json::json!({"slug":"hash-x","name":"#x","visibility":"internal"});
        let article = decode_article(&post_with("primary_tag", Some(internal))).unwrap();
        assert_eq!(article.teaser.categories[0].slug, "council");
        // A tag without visibility whose name starts with # is internal too.
        let tags = serde_json::json!([{"slug":"hash-y","name":"#y"}, {"slug":"ok","name":"OK","visibility":null}]);
        let body = post_with("tags", Some(tags));
        let mut value: Value = serde_json::from_str(&body).unwrap();
        value["posts"][0]["primary_tag"] = Value::Null;
        let article = decode_article(&value.to_string()).unwrap();
        assert_eq!(article.teaser.categories, [Term { slug: "ok".into(), name: "OK".into() }]);
        assert!(article.teaser.tags.is_empty());
    }

    #[test]
    fn excerpts_prefer_the_custom_one_and_shorten_generated_ones() {
        let page = decode_list(PAGE_1).unwrap();
        let find = |slug: &str| page.items.iter().find(|t| t.slug == slug).unwrap();
        // An empty custom excerpt falls back to the generated one.
        assert!(find("rovers-draw-with-saltcombe")
            .excerpt
            .starts_with("Wrenhaven Rovers and Saltcombe Athletic shared"));
        let long = &find("library-extends-sunday-hours").excerpt;
        assert!(long.ends_with('…') && long.chars().count() <= EXCERPT_CHARS + 1, "{long}");
        let article = decode_article(&post_with("custom_excerpt", None)).unwrap();
        assert!(article.teaser.excerpt.starts_with("Wrenhaven Town Council voted nine to four"));
        let mut value: Value = serde_json::from_str(&post_with("custom_excerpt", None)).unwrap();
        value["posts"][0]["excerpt"] = Value::Null;
        let article = decode_article(&value.to_string()).unwrap();
        assert!(article.teaser.excerpt.starts_with("Wrenhaven Town Council voted"), "derived from html");
    }

    #[test]
    fn reading_time_is_computed_when_absent() {
        let page = decode_list(PAGE_1).unwrap();
        let library = page.items.iter().find(|t| t.slug == "library-extends-sunday-hours").unwrap();
        assert_eq!(library.reading_minutes, 3, "about 600 words");
        assert_eq!(decode_article(&post_with("reading_time", Some(0.into()))).unwrap().teaser.reading_minutes, 1);
        assert_eq!(decode_article(&post_with("reading_time", None)).unwrap().teaser.reading_minutes, 1);
    }

    #[test]
    fn video_format_from_a_tag_or_a_leading_embed() {
        let page = decode_list(PAGE_1).unwrap();
        let format = |slug: &str| page.items.iter().find(|t| t.slug == slug).unwrap().format;
        assert_eq!(format("lantern-parade-in-ninety-seconds"), Format::Video, "leading embed card");
        assert_eq!(format("behind-the-scenes-at-the-boatyard"), Format::Video, "video tag");
        assert_eq!(format("storm-warning-for-the-weekend"), Format::Standard);
        let internal = serde_json::json!([{"slug":"hash-video","name":"#video","visibility":"internal"}]);
        assert_eq!(decode_article(&post_with("tags", Some(internal))).unwrap().teaser.format, Format::Video);
        assert!(leads_with_embed("\n <FIGURE class=\"kg-card kg-video-card\"><video></video></figure>"));
        assert!(!leads_with_embed(
            "<figure class=\"kg-card kg-image-card\"><img></figure><figure class=\"kg-embed-card\">"
        ));
        assert!(!leads_with_embed("<p>x</p>") && !leads_with_embed("<fig") && !leads_with_embed("é"));
    }

    #[test]
    fn hero_is_absent_or_safe() {
        let page = decode_list(PAGE_1).unwrap();
        assert!(page.items[1].hero.is_none(), "feature_image null");
        let rovers = page.items.iter().find(|t| t.slug == "rovers-draw-with-saltcombe").unwrap();
        assert_eq!(rovers.hero.as_ref().map(|h| h.alt.as_str()), Some(""));
        assert!(decode_article(&post_with("feature_image", Some("javascript:alert(1)".into())))
            .unwrap()
            .teaser
            .hero
            .is_none());
        assert!(decode_article(&post_with("feature_image_caption", None))
            .unwrap()
            .teaser
            .hero
            .unwrap()
            .caption
            .is_none());
        let article = decode_article(&post_with("feature_image_caption", Some("<p> </p>".into()))).unwrap();
        assert!(article.teaser.hero.unwrap().caption.is_none());
    }

    #[test]
    fn optional_fields_tolerate_absence_and_null() {
        for key in [
            "custom_excerpt",
            "excerpt",
            "html",
            "updated_at",
            "feature_image",
            "feature_image_alt",
            "feature_image_caption",
            "featured",
            "reading_time",
            "tags",
            "authors",
            "primary_tag",
        ] {
            for value in [None, Some(Value::Null)] {
                let body = post_with(key, value.clone());
                assert!(decode_article(&body).is_ok(), "{key} = {value:?}");
            }
        }
        let article = decode_article(&post_with("html", Some(Value::Null))).unwrap();
        assert_eq!(article.body.html(), "");
        let bare = r#"{"posts":[{"id":"1","slug":"s","title":"T","published_at":"2026-01-01T00:00:00.000+00:00"}]}"#;
        let article = decode_article(bare).unwrap();
        assert!(article.teaser.authors.is_empty() && article.teaser.categories.is_empty() && !article.teaser.featured);
        assert_eq!(article.teaser.reading_minutes, 1);
    }

    #[test]
    fn missing_required_fields_are_named() {
        for key in ["id", "slug", "title", "published_at"] {
            let message = malformed(decode_article(&post_with(key, None)));
            assert!(message.contains(&format!("missing field `{key}`")) && message.contains("posts[0]"), "{message}");
        }
        assert!(malformed(decode_list(r#"{"meta":{"pagination":{"page":1,"pages":1,"total":0}}}"#))
            .contains("missing field `posts`"));
        assert!(malformed(decode_list(r#"{"posts":[]}"#)).contains("missing field `meta`"));
        assert!(malformed(decode_list(r#"{"posts":[],"meta":{}}"#)).contains("missing field `pagination`"));
        assert!(malformed(decode_list(r#"{"posts":[],"meta":{"pagination":{"page":1,"total":0}}}"#))
            .contains("missing field `pages`"));
        let message =
            malformed(decode_list(&PAGE_2.replacen("\"slug\": \"choir-festival", "\"slog\": \"choir-festival", 1)));
        assert!(message.contains("`posts[1]`") && message.contains("missing field `slug`"), "{message}");
        assert!(malformed(decode_tag_heading(r#"{"tags":[{"slug":"x"}]}"#)).contains("missing field `name`"));
        assert!(malformed(decode_author_heading(r#"{"authors":[{"name":"x"}]}"#)).contains("missing field `slug`"));
        assert!(malformed(decode_site_page(r#"{"pages":[{"slug":"x","html":""}]}"#)).contains("missing field `title`"));
        assert!(malformed(decode_site_page(r#"{}"#)).contains("missing field `pages`"));
    }

    #[test]
    fn wrong_types_are_malformed() {
        for (key, value) in [
            ("title", serde_json::json!(7)),
            ("published_at", serde_json::json!("yesterday")),
            ("published_at", Value::Null),
            ("tags", serde_json::json!("news")),
            ("authors", serde_json::json!([{"slug": 1, "name": "x"}])),
            ("reading_time", serde_json::json!(-1)),
            ("featured", serde_json::json!("yes")),
            ("updated_at", serde_json::json!(12)),
        ] {
            malformed(decode_article(&post_with(key, Some(value))));
        }
        for bad in ["", "null", "[]", "{", "\"posts\"", r#"{"posts":{}}"#, r#"{"posts":[1]}"#, r#"{"errors":"x"}"#] {
            malformed(decode_article(bad));
            malformed(decode_list(bad));
        }
        let message = malformed(decode_list(r#"{"posts":[],"meta":{"pagination":{"page":"1","pages":1,"total":0}}}"#));
        assert!(message.starts_with("`meta`"), "{message}");
    }

    #[test]
    fn empty_reads_and_error_bodies() {
        assert_eq!(decode_article(r#"{"posts":[]}"#), Err(LoadError::NotFound));
        assert_eq!(decode_tag_heading(r#"{"tags":[]}"#), Err(LoadError::NotFound));
        assert_eq!(decode_author_heading(r#"{"authors":[]}"#), Err(LoadError::NotFound));
        assert_eq!(decode_site_page(r#"{"pages":[]}"#), Err(LoadError::NotFound));
        assert_eq!(decode_article(ERROR_404), Err(LoadError::NotFound));
        assert_eq!(decode_list(ERROR_404), Err(LoadError::NotFound));
        assert_eq!(decode_site_page(ERROR_404), Err(LoadError::NotFound));
        assert_eq!(decode_article(ERROR_401), Err(LoadError::Forbidden));
        // The errors of successful answers by type; an unknown type says what Ghost said.
        assert_eq!(decode_list(r#"{"errors":[{"type":"TooManyRequestsError"}]}"#), Err(LoadError::Status(429)));
        assert_eq!(
            decode_list(r#"{"errors":[{"type":"ValidationError","message":"bad"}]}"#),
            Err(LoadError::Status(400))
        );
        let odd = decode_article(r#"{"errors":[{"type":"MysteryError","message":"The   moon\nis down"}]}"#);
        assert_eq!(odd, Err(LoadError::Malformed("Ghost answered with an error: The moon is down".into())));
        // Unsuccessful answers: by Ghost's error type, else by status.
        assert_eq!(decode_error(404, ERROR_404), LoadError::NotFound);
        assert_eq!(decode_error(401, ERROR_401), LoadError::Forbidden);
        assert_eq!(decode_error(400, ERROR_404), LoadError::NotFound);
        assert_eq!(decode_error(503, "<html>Bad gateway</html>"), LoadError::Status(503));
        assert_eq!(decode_error(404, r#"{"errors":[]}"#), LoadError::NotFound);
        assert_eq!(decode_error(429, r#"{"errors":[{"type":"TooManyRequestsError"}]}"#), LoadError::Status(429));
        // An empty error list on a good answer is no error.
        let body = format!(r#"{{"errors":[],{}"#, POST.trim_start().trim_start_matches('{'));
        assert!(decode_article(&body).is_ok());
    }

    #[test]
    fn decodes_headings_and_pages() {
        let heading = decode_tag_heading(TAG).unwrap();
        assert_eq!(heading.title, "Harbour");
        assert_eq!(heading.description, "Boats, tides, ferries and the people who work the quay.");
        assert!(heading.author.is_none());
        let no_description = decode_tag_heading(r#"{"tags":[{"slug":"x","name":"X","description":null}]}"#).unwrap();
        assert_eq!(no_description.description, "");

        let heading = decode_author_heading(AUTHOR).unwrap();
        assert_eq!(heading.title, "Marisol Quenby");
        let author = heading.author.unwrap();
        assert_eq!(
            (author.slug.as_str(), author.name.as_str(), author.role.as_deref()),
            ("marisol-quenby", "Marisol Quenby", None)
        );
        assert_eq!(
            author.bio.0,
            "<p>Covers the harbour, the town council &amp; anything that floats. Tips: &lt;quenby@courier.example&gt;.</p>"
        );
        assert_eq!(author.avatar.as_deref(), Some("https://courier.example/images/avatar-quenby.svg"));
        assert_eq!(author.url.as_deref(), Some("https://quenby.example/"));
        let bare = decode_author_heading(
            r#"{"authors":[{"slug":"a","name":"A","bio":null,"profile_image":null,"website":"javascript:x"}]}"#,
        )
        .unwrap()
        .author
        .unwrap();
        assert_eq!((bare.bio.0.as_str(), bare.avatar, bare.url), ("", None, None));

        let page = decode_site_page(PAGE).unwrap();
        assert_eq!((page.slug.as_str(), page.title.as_str()), ("about", "About the Courier"));
        assert!(page.body.0.starts_with("<p>The <em>Wrenhaven Courier</em>"));
        assert_eq!(page.modified, Timestamp::parse("2026-01-15T10:00:00Z"));
    }

    #[test]
    fn decodes_search_results() {
        let results = decode_search(PAGE_2).unwrap();
        assert_eq!((results.page, results.total_pages, results.total), (2, 2, 12));
        assert_eq!(results.items[0].slug, "fish-market-reopens-as-cooperative");
        assert_eq!(results.items[0].category, "Harbour");
    }

    #[test]
    fn text_helpers() {
        assert_eq!(escape_html(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assert_eq!(text_to_html("one\ntwo\r\n\r\n\n three  <4> ").0, "<p>one<br>two</p><p>three &lt;4&gt;</p>");
        assert_eq!(text_to_html(" \n ").0, "");
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("one two three four", 10), "one two…");
        assert_eq!(shorten("ééééééééééééé", 5), "ééééé…");
        assert_eq!(web_url(" https://a.example/x "), Some("https://a.example/x".into()));
        for bad in ["javascript:alert(1)", "/relative", "https://", "https://a b", "ftp://x", "HTTPS:", ""] {
            assert_eq!(web_url(bad), None, "{bad}");
        }
        assert_eq!(safe_image_src("/images/x.svg"), Some("/images/x.svg".into()));
        for bad in ["javascript:x", "data:image/svg+xml,<svg>", "mailto:a@b", "  "] {
            assert_eq!(safe_image_src(bad), None, "{bad}");
        }
    }

    // Property-style: no input makes a decoder panic.
    #[test]
    fn no_input_makes_a_decoder_panic() {
        let fixtures = [PAGE_1, PAGE_2, POST, TAG, AUTHOR, PAGE, ERROR_404];
        let mut tried = 0;
        for (n, fixture) in fixtures.iter().enumerate() {
            // Fewer rounds for the large list page: debug-build parsing is slow.
            let (rounds, cuts) = if fixture.len() > 20_000 { (150, 80) } else { (700, 250) };
            let step = (fixture.len() / cuts).max(3);
            for body in mutations(fixture, 0x9E37_79B9_7F4A_7C15 ^ n as u64, rounds, step) {
                let _ = decode_list(&body);
                let _ = decode_search(&body);
                let _ = decode_article(&body);
                let _ = decode_tag_heading(&body);
                let _ = decode_author_heading(&body);
                let _ = decode_site_page(&body);
                let _ = decode_error(404, &body);
                tried += 1;
            }
        }
        assert!(tried > 5000, "{tried}");
        // The URL builders and text helpers take anything too.
        let mut rng = Rng(7);
        for _ in 0..2000 {
            let text: String = (0..rng.below(12)).filter_map(|_| char::from_u32(rng.below(0x3000) as u32)).collect();
            let _ = URLS.search(&text, rng.next() as u32, rng.next() as u32);
            let _ = URLS.list(&ListKey::Author(text.clone()), 0, u32::MAX);
            let _ = (shorten(&text, rng.below(8)), text_to_html(&text), collapse_whitespace(&text));
            let _ = (leads_with_embed(&text), web_url(&text), safe_image_src(&text));
        }
    }
}
