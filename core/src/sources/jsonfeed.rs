//! JSON Feed 1.1 (<https://www.jsonfeed.org/version/1.1/>), and 1.0's `author`: a read-only list
//! of items. The app loads the configured feed, follows `next_url` (same origin only, see
//! [`next_url_allowed`]) up to a limit, joins the pages with [`append`], and then answers every
//! page of the site from the items in memory with [`list`], [`heading`], [`article`] and
//! [`search_index`].
//!
//! Mapping onto the model:
//! - `id` (a number is read as text) → id; `title` → title, or, for an untitled item, the start
//!   of its `summary` or text.
//! - `content_html` → body; else `content_text`, escaped into `<p>` paragraphs (a single line
//!   break becomes `<br>`). An item needs one of the two.
//! - `summary` → excerpt, else the start of the body's text.
//! - `date_published` → published (`date_modified` when it is missing); `date_modified` →
//!   modified. An item with neither date is left out: the model needs one, and inventing one would
//!   mislead readers.
//! - `authors` (1.1), else `author` (1.0), else the feed's own `authors`/`author` → byline; an
//!   author's slug is their name slugified.
//! - `tags`: the first is the primary category (feeds have no categories), the rest are tags;
//!   slugs are the tags slugified.
//! - `image`, else `banner_image` → hero, in a [`HERO_WIDTH`]×[`HERO_HEIGHT`] box (feeds give no
//!   size).
//! - `external_url` (absolute `http(s)` only) → the "Read the full article here" source link.
//! - Comments closed, format standard, never featured.
//!
//! An item's slug is the last non-empty path segment of its `url` (percent-decoded, without a
//! file extension, `index` skipped), slugified; else its title slugified; else its id slugified.
//! Slugs are made unique with `-2`, `-3`… in feed order.

use super::wire::{
    checked_date, checked_list, checked_record, checked_text, expect, parse_object, record, present, required_text,
    safe_image_src, web_url, within,
};
use crate::text::{collapse_whitespace, shorten, text_to_html};
use crate::error::LoadError;
use crate::model::{
    Article, ArticleBody, Author, AuthorRef, CommentInfo, Format, Image, ListHeading, Neighbours, Page, SourceLink, Teaser,
    Term, UntrustedHtml,
};
use crate::order::{descending, sort_by_rank};
use crate::reading_time::reading_minutes;
use crate::routes::{decode, slug_from, ListKey};
use crate::search::{paginate, SearchEntry, SearchIndex};
use crate::text::html_to_text;
use serde_json::Value;
use std::collections::HashSet;

/// The box reserved for an item's image, whose real size the feed does not say (16:9).
pub const HERO_WIDTH: u32 = 1200;
pub const HERO_HEIGHT: u32 = 675;
/// The label of the link to an item's `external_url`.
pub const SOURCE_LABEL: &str = "Read the full article here";
/// The title of the list of all items.
pub const LATEST_TITLE: &str = "Latest News";
const EXCERPT_CHARS: usize = 240;
/// How much of an untitled item's text stands in for its title.
const TITLE_CHARS: usize = 80;
/// Slugs stop growing past this many bytes (routes accept 200).
const SLUG_BYTES: usize = 100;

/// One page of a feed.
#[derive(Clone, Debug, PartialEq)]
pub struct Feed {
    pub title: String,
    /// In feed order, with unique slugs and ids.
    pub items: Vec<Article>,
    /// As the feed gives it: check it with [`next_url_allowed`] before following it.
    pub next_url: Option<String>,
}

// JSON Feed's JSON, read by walking it (see `wire.rs`). Every field is checked: a required one
// missing or `null`, or any field of another type, makes the feed malformed, naming the field.

/// An item's `id` as text: the spec says a reader coerces a number to a string.
fn id_text(value: &Value) -> Option<String> {
    match value {
        Value::String(id) => Some(id.clone()),
        Value::Number(id) => Some(id.to_string()),
        _ => None,
    }
}

/// An author object's name, if it has one.
fn author_name(author: &Value) -> Result<Option<&str>, LoadError> {
    record(author, |author| checked_text(author, "name"))
}

/// The names in an object's `authors` (1.1), else its `author` (1.0); both are checked.
fn author_names(object: &Value) -> Result<Vec<&str>, LoadError> {
    let authors = checked_list(object, "authors", author_name)?;
    let author = checked_record(object, "author", author_name)?;
    let all = if authors.is_empty() { author.into_iter().collect() } else { authors };
    Ok(all.into_iter().flatten().collect())
}

/// Decodes one page of a feed. A missing or mistyped field, the feed's or an item's, is
/// [`LoadError::Malformed`] naming it (`` `items[3]`: missing field `id` ``).
pub fn decode_feed(body: &str) -> Result<Feed, LoadError> {
    let doc = parse_object(body)?;
    // Required by the spec; any version is read.
    required_text(&doc, "version")?;
    let title = required_text(&doc, "title")?;
    let next_url = checked_text(&doc, "next_url")?;
    let feed_authors = bylines(author_names(&doc)?);
    let mut items = Vec::new();
    for (i, value) in present(&doc, "items", Value::as_array, "a list")?.iter().enumerate() {
        let article = record(value, |item| article_of(item, &feed_authors)).map_err(|e| within(&format!("items[{i}]"), e))?;
        if let Some(article) = article {
            append(&mut items, vec![article]);
        }
    }
    let next_url = next_url.map(str::trim).filter(|u| !u.is_empty()).map(str::to_string);
    Ok(Feed { title: collapse_whitespace(title), items, next_url })
}

/// Adds the items of a further page: an item whose id is already there is skipped (a feed that
/// changed between two requests repeats items), and a slug already taken gets `-2`, `-3`…
pub fn append(items: &mut Vec<Article>, more: Vec<Article>) {
    let mut ids: HashSet<String> = items.iter().map(|a| a.teaser.id.clone()).collect();
    let mut slugs: HashSet<String> = items.iter().map(|a| a.teaser.slug.clone()).collect();
    for mut article in more {
        if !article.teaser.id.is_empty() && !ids.insert(article.teaser.id.clone()) {
            continue;
        }
        let slug = &article.teaser.slug;
        if slugs.contains(slug) {
            let free = (2u64..).map(|n| format!("{slug}-{n}")).find(|s| !slugs.contains(s)).unwrap_or_default();
            article.teaser.slug = free;
        }
        slugs.insert(article.teaser.slug.clone());
        items.push(article);
    }
}

/// The byline of an item: named authors, slugified, without repeats.
fn bylines(names: Vec<&str>) -> Vec<AuthorRef> {
    let mut refs: Vec<AuthorRef> = Vec::new();
    for name in names.into_iter().map(collapse_whitespace) {
        let slug = slug_from(&name, SLUG_BYTES);
        if !slug.is_empty() && !refs.iter().any(|r| r.slug == slug) {
            refs.push(AuthorRef { slug, name });
        }
    }
    refs
}

/// An item as an article, `Ok(None)` when it has no date, `Err` naming what is missing or mistyped.
fn article_of(item: &Value, feed_authors: &[AuthorRef]) -> Result<Option<Article>, LoadError> {
    let id = present(item, "id", id_text, "a string or a number")?;
    let content_html = checked_text(item, "content_html")?;
    let content_text = checked_text(item, "content_text")?;
    let html = match (content_html.filter(|h| !h.trim().is_empty()), content_text) {
        (Some(html), _) => html.to_string(),
        (None, Some(text)) => text_to_html(text).0,
        (None, None) if content_html.is_some() => String::new(),
        (None, None) => return Err(LoadError::Malformed("missing field `content_html` or `content_text`".into())),
    };
    let date_published = checked_date(item, "date_published")?;
    let date_modified = checked_date(item, "date_modified")?;
    let url = checked_text(item, "url")?;
    let external_url = checked_text(item, "external_url")?;
    let own_title = checked_text(item, "title")?.map(collapse_whitespace).filter(|t| !t.is_empty());
    let summary = checked_text(item, "summary")?.map(collapse_whitespace).filter(|s| !s.is_empty());
    let image = checked_text(item, "image")?;
    let banner_image = checked_text(item, "banner_image")?;
    let own_authors = bylines(author_names(item)?);
    let tag_names = checked_list(item, "tags", |tag| expect(tag, Value::as_str, "text"))?;
    let Some(published) = date_published.or(date_modified) else { return Ok(None) };
    let text = html_to_text(&html);
    let title = match (&own_title, &summary) {
        (Some(title), _) => title.clone(),
        (None, Some(summary)) => shorten(summary, TITLE_CHARS),
        (None, None) if !text.is_empty() => shorten(&text, TITLE_CHARS),
        (None, None) => "Untitled".to_string(),
    };
    let slug = url
        .and_then(url_slug)
        .or_else(|| own_title.as_deref().map(|title| slug_from(title, SLUG_BYTES)).filter(|s| !s.is_empty()))
        .or_else(|| Some(slug_from(&id, SLUG_BYTES)).filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "item".to_string());
    let authors = if own_authors.is_empty() { feed_authors.to_vec() } else { own_authors };
    let mut terms: Vec<Term> = Vec::new();
    for name in tag_names.into_iter().map(collapse_whitespace) {
        let slug = slug_from(&name, SLUG_BYTES);
        if !slug.is_empty() && !terms.iter().any(|t| t.slug == slug) {
            terms.push(Term { slug, name });
        }
    }
    let tags = if terms.is_empty() { Vec::new() } else { terms.split_off(1) };
    let hero = image.and_then(safe_image_src).or_else(|| banner_image.and_then(safe_image_src));
    let teaser = Teaser {
        id: id.trim().to_string(),
        slug,
        title,
        dek: None,
        excerpt: summary.unwrap_or_else(|| shorten(&text, EXCERPT_CHARS)),
        published,
        modified: date_modified,
        authors,
        categories: terms,
        tags,
        hero: hero.map(|src| Image {
            src,
            width: HERO_WIDTH,
            height: HERO_HEIGHT,
            alt: String::new(),
            caption: None,
            credit: None,
            srcset: Vec::new(),
        }),
        comments: CommentInfo { open: false, count: 0 },
        format: Format::Standard,
        featured: false,
        reading_minutes: reading_minutes(&html),
    };
    let source =
        external_url.and_then(web_url).map(|url| SourceLink { url, label: SOURCE_LABEL.to_string() });
    Ok(Some(Article { teaser, body: ArticleBody::Html(UntrustedHtml(html)), source }))
}

/// The slug a URL suggests: its last non-empty path segment, percent-decoded, without a short
/// file extension, slugified. `None` for a URL without one (`https://x.example/?p=4`) or `index`.
fn url_slug(url: &str) -> Option<String> {
    let url = url.split(['?', '#']).next().unwrap_or_default();
    let path = match url.find("://") {
        Some(at) => {
            let rest = url.get(at + 3..).unwrap_or_default();
            rest.find('/').and_then(|slash| rest.get(slash..)).unwrap_or_default()
        }
        None => url,
    };
    let segment = decode(path.rsplit('/').find(|s| !s.is_empty())?);
    let stem = match segment.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty()
                && (1..=5).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric())
                && ext.chars().any(|c| c.is_ascii_alphabetic()) =>
        {
            stem
        }
        _ => segment.as_str(),
    };
    if stem.eq_ignore_ascii_case("index") {
        return None;
    }
    Some(slug_from(stem, SLUG_BYTES)).filter(|s| !s.is_empty())
}

fn is_in(article: &Article, list: &ListKey) -> bool {
    let teaser = &article.teaser;
    match list {
        ListKey::Latest => true,
        ListKey::Category(slug) | ListKey::Tag(slug) => {
            teaser.categories.iter().chain(&teaser.tags).any(|t| &t.slug == slug)
        }
        ListKey::Author(slug) => teaser.authors.iter().any(|a| &a.slug == slug),
    }
}

/// A page of a list, newest first (items of the same instant keep feed order). Categories and
/// tags are both "items with this tag".
pub fn list(items: &[Article], list: &ListKey, page: u32, per_page: usize) -> Page<Teaser> {
    let page = paginate(newest_first(items, list), page, per_page);
    Page {
        page: page.page,
        total_pages: page.total_pages,
        total: page.total,
        items: page.items.into_iter().map(|a| a.teaser.clone()).collect(),
    }
}

/// The items of a list, newest first (items of the same instant keep feed order).
fn newest_first<'a>(items: &'a [Article], list: &ListKey) -> Vec<&'a Article> {
    let mut matching: Vec<&Article> = items.iter().filter(|a| is_in(a, list)).collect();
    sort_by_rank(&mut matching, |a| descending(a.teaser.published.0));
    matching
}

/// The stories before and after `slug` in the Latest list; none for a story not in the feed.
pub fn neighbours(items: &[Article], slug: &str) -> Neighbours {
    let latest = newest_first(items, &ListKey::Latest);
    let Some(at) = latest.iter().position(|a| a.teaser.slug == slug) else { return Neighbours::default() };
    let teaser = |index: Option<usize>| index.and_then(|i| latest.get(i)).map(|a| a.teaser.clone());
    Neighbours { older: teaser(Some(at + 1)), newer: teaser(at.checked_sub(1)) }
}

/// The heading of a list: the tag's or author's name as the items give it. A tag or author that
/// no item has is [`LoadError::NotFound`]; the list of everything always exists. Feeds say nothing
/// more about an author than a name, so the profile has no bio, avatar or link.
pub fn heading(items: &[Article], list: &ListKey) -> Result<ListHeading, LoadError> {
    let named = |title: String, author: Option<Author>| ListHeading { title, description: String::new(), author };
    match list {
        ListKey::Latest => Ok(named(LATEST_TITLE.to_string(), None)),
        ListKey::Category(slug) | ListKey::Tag(slug) => items
            .iter()
            .flat_map(|a| a.teaser.categories.iter().chain(&a.teaser.tags))
            .find(|t| &t.slug == slug)
            .map(|t| named(t.name.clone(), None))
            .ok_or(LoadError::NotFound),
        ListKey::Author(slug) => items
            .iter()
            .flat_map(|a| &a.teaser.authors)
            .find(|a| &a.slug == slug)
            .map(|a| {
                let profile = Author {
                    slug: a.slug.clone(),
                    name: a.name.clone(),
                    role: None,
                    bio: UntrustedHtml::default(),
                    avatar: None,
                    url: None,
                };
                named(a.name.clone(), Some(profile))
            })
            .ok_or(LoadError::NotFound),
    }
}

/// The item with this slug.
pub fn article(items: &[Article], slug: &str) -> Result<Article, LoadError> {
    items.iter().find(|a| a.teaser.slug == slug).cloned().ok_or(LoadError::NotFound)
}

/// Every item for [`SearchIndex::search`], newest first.
pub fn search_index(items: &[Article]) -> SearchIndex {
    let mut sorted: Vec<&Article> = items.iter().collect();
    sort_by_rank(&mut sorted, |a| descending(a.teaser.published.0));
    let entries = sorted
        .into_iter()
        .map(|a| SearchEntry {
            slug: a.teaser.slug.clone(),
            title: a.teaser.title.clone(),
            excerpt: a.teaser.excerpt.clone(),
            published: a.teaser.published,
            category: a.teaser.primary_category().map(|c| c.name.clone()).unwrap_or_default(),
        })
        .collect();
    SearchIndex { entries }
}

/// Whether the app may follow a feed's `next_url`: both addresses absolute `http(s)` with the same
/// origin (scheme, host and port, default ports and letter case aside). Anything unusual (user
/// info, backslashes, white space, a relative address) is refused, so only the configured origin
/// is ever contacted. A configured feed path (`/feed.json`) must be resolved against the page's
/// origin before it is passed here.
pub fn next_url_allowed(feed_url: &str, next_url: &str) -> bool {
    match (origin(feed_url), origin(next_url)) {
        (Some(feed), Some(next)) => feed == next,
        _ => false,
    }
}

/// Scheme, host and port of an absolute `http(s)` URL that every URL parser reads the same way.
fn origin(url: &str) -> Option<(String, String, u16)> {
    if url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\') {
        return None;
    }
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => 80,
        "https" => 443,
        _ => return None,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return None;
    }
    let (host, port) = if authority.starts_with('[') {
        let end = authority.find(']')?;
        let after = authority.get(end + 1..).unwrap_or_default();
        let port = if after.is_empty() { None } else { Some(after.strip_prefix(':')?) };
        (authority.get(..end + 1).unwrap_or_default(), port)
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    let port = match port {
        None | Some("") => default_port,
        Some(port) if port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit()) => port.parse().ok()?,
        Some(_) => return None,
    };
    (!host.is_empty()).then(|| (scheme, host.to_ascii_lowercase(), port))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routes::is_valid_slug;
    use crate::sources::test_support::{malformed, mutations, with_key, Rng};
    use crate::time::Timestamp;

    const FEED: &str = include_str!("../../tests/fixtures/jsonfeed/feed.json");
    const FEED_2: &str = include_str!("../../tests/fixtures/jsonfeed/feed-2.json");
    const FEED_1_0: &str = include_str!("../../tests/fixtures/jsonfeed/feed-1.0.json");
    const TEXT_ONLY: &str = include_str!("../../tests/fixtures/jsonfeed/text-only.json");

    fn all_items() -> Vec<Article> {
        let mut items = decode_feed(FEED).expect("page 1").items;
        append(&mut items, decode_feed(FEED_2).expect("page 2").items);
        items
    }

    fn find<'a>(items: &'a [Article], slug: &str) -> &'a Article {
        items.iter().find(|a| a.teaser.slug == slug).unwrap_or_else(|| panic!("no item {slug}"))
    }

    fn slugs(page: &Page<Teaser>) -> Vec<&str> {
        page.items.iter().map(|t| t.slug.as_str()).collect()
    }

    /// The first page's first item with one key replaced (or removed, with `None`).
    fn item_with(key: &str, value: Option<Value>) -> String {
        with_key(FEED, "/items/0", key, value)
    }

    fn first(body: &str) -> Article {
        decode_feed(body).expect("valid feed").items.remove(0)
    }

    #[test]
    fn decodes_a_page_with_next_url_and_slugs() {
        let feed = decode_feed(FEED).unwrap();
        assert_eq!(feed.title, "The Pellworth Valley Dispatch");
        assert_eq!(feed.next_url.as_deref(), Some("https://dispatch.example/feed-2.json"));
        let slugs: Vec<&str> = feed.items.iter().map(|a| a.teaser.slug.as_str()).collect();
        assert_eq!(
            slugs,
            [
                "otters-return-to-the-pell",      // url, extension dropped
                "footbridge-reopens",             // url with a trailing slash
                "market-day-moves-to-thursday",   // no url: the title
                "note-2026-03-11",                // no url, no title: the id
                "market-day-moves-to-thursday-2", // the same title again
                "heronry-count",
                "flood-defences-tested-at-hollin", // url without a path segment
                "weir-in-spate",
            ]
        );
        assert!(slugs.iter().all(|s| is_valid_slug(s)));
        let page_2 = decode_feed(FEED_2).unwrap();
        assert_eq!(page_2.next_url, None);
        assert_eq!(page_2.items.len(), 4);
    }

    #[test]
    fn maps_every_field_of_an_item() {
        let items = all_items();
        let otters = find(&items, "otters-return-to-the-pell");
        let t = &otters.teaser;
        assert_eq!(t.id, "https://dispatch.example/2026/03/otters-return-to-the-pell.html");
        assert_eq!(t.title, "Otters return to the River Pell");
        assert_eq!(
            t.excerpt,
            "A family of otters has been filmed below Hollin Weir for the first time in thirty years."
        );
        assert_eq!(t.published, Timestamp::parse("2026-03-15T07:00:00Z").unwrap());
        assert_eq!(t.modified, Timestamp::parse("2026-03-15T09:30:00Z"));
        assert_eq!(t.authors, [AuthorRef { slug: "odile-brennan".into(), name: "Odile Brennan".into() }]);
        assert_eq!(t.categories, [Term { slug: "rivers".into(), name: "Rivers".into() }]);
        assert_eq!(t.tags, [Term { slug: "wildlife".into(), name: "Wildlife".into() }]);
        let hero = t.hero.as_ref().unwrap();
        assert_eq!(hero.src, "https://dispatch.example/images/otter.svg");
        assert_eq!(
            (hero.width, hero.height, hero.alt.as_str(), hero.caption.as_deref()),
            (HERO_WIDTH, HERO_HEIGHT, "", None)
        );
        assert_eq!(
            (t.comments, t.format, t.featured, t.dek.as_deref()),
            (CommentInfo { open: false, count: 0 }, Format::Standard, false, None)
        );
        assert_eq!(t.reading_minutes, 1);
        assert!(otters.body.html().starts_with("<p>Volunteers from the Pell Rivers Trust"));
        assert_eq!(otters.source, None);

        let bridge = find(&items, "footbridge-reopens");
        assert_eq!(
            bridge.source,
            Some(SourceLink {
                url: "https://council.pellworth.example/notices/footbridge".into(),
                label: SOURCE_LABEL.into()
            })
        );
        // No authors of its own: the feed's.
        assert_eq!(bridge.teaser.authors, [AuthorRef { slug: "dispatch-desk".into(), name: "Dispatch Desk".into() }]);
        assert_eq!(bridge.teaser.categories, [Term { slug: "roads-bridges".into(), name: "Roads & Bridges".into() }]);
        assert!(bridge.teaser.tags.is_empty());
        assert_eq!(bridge.teaser.modified, None);

        let heron = find(&items, "heronry-count");
        assert_eq!(
            heron.teaser.hero.as_ref().unwrap().src,
            "https://dispatch.example/images/heronry.svg",
            "banner_image"
        );
        let names: Vec<&str> = heron.teaser.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Odile Brennan", "Kwame Lindqvist"]);
    }

    #[test]
    fn excerpts_and_titles_fall_back_to_the_text() {
        let items = all_items();
        let market = find(&items, "market-day-moves-to-thursday");
        assert!(
            market.teaser.excerpt.starts_with("From April the Pellworth market will be held on Thursdays"),
            "{}",
            market.teaser.excerpt
        );
        assert!(!market.teaser.excerpt.contains("tracking"), "script text is not text");
        assert_eq!(
            market.teaser.categories[0],
            Term { slug: "économie-locale".into(), name: "Économie locale".into() }
        );
        assert_eq!(market.teaser.tags, [Term { slug: "markets".into(), name: "Markets".into() }]);
        let note = find(&items, "note-2026-03-11");
        assert_eq!(note.teaser.title, "Hail on the valley road at 7am; gritters are out between Hollin and the Pell…");
        assert_eq!(
            note.body.html(),
            "<p>Hail on the valley road at 7am; gritters are out between Hollin and the Pell crossing.</p><p>Drive slowly &amp; give them room.</p>"
        );
        assert_eq!(note.teaser.excerpt, "Hail on the valley road at 7am; gritters are out between Hollin and the Pell crossing. Drive slowly & give them room.");
        let untitled = first(&item_with("title", None));
        assert_eq!(
            untitled.teaser.title, "A family of otters has been filmed below Hollin Weir for the first time in…",
            "from the summary"
        );
        assert_eq!(untitled.teaser.slug, "otters-return-to-the-pell", "the url still names it");
    }

    #[test]
    fn content_text_becomes_escaped_paragraphs() {
        let feed = decode_feed(TEXT_ONLY).unwrap();
        let item = &feed.items[0];
        assert_eq!(
            item.body.html(),
            "<p>Frost overnight; -3 °C at the weir.<br>Roads gritted before 6 &amp; 7am runs.</p>\
             <p>Afternoon: bright, &lt;10 °C&gt;, light &quot;westerly&quot; wind.</p><p>Tomorrow: rain from the west.</p>"
        );
        assert_eq!(item.teaser.slug, "wx-2026-03-16");
        assert!(item.teaser.authors.is_empty() && item.teaser.categories.is_empty());
        // With both, the HTML is the body.
        let both = first(&item_with("content_text", Some("plain".into())));
        assert!(both.body.html().starts_with("<p>Volunteers"));
        // A blank content_html gives way to content_text.
        let mut value: Value = serde_json::from_str(&item_with("content_html", Some(" ".into()))).unwrap();
        value["items"][0]["content_text"] = "Short & plain".into();
        assert_eq!(first(&value.to_string()).body.html(), "<p>Short &amp; plain</p>");
    }

    #[test]
    fn reads_json_feed_1_0_author_and_numeric_ids() {
        let feed = decode_feed(FEED_1_0).unwrap();
        assert_eq!(feed.title, "Hollin Parish Notes");
        let ids: Vec<&str> = feed.items.iter().map(|a| a.teaser.id.as_str()).collect();
        assert_eq!(ids, ["1003", "1002", "1001"]);
        let clerk = AuthorRef { slug: "hollin-parish-clerk".into(), name: "Hollin Parish Clerk".into() };
        assert_eq!(feed.items[0].teaser.authors, [clerk]);
        assert_eq!(
            feed.items[1].teaser.authors,
            [AuthorRef { slug: "rhiannon-vale".into(), name: "Rhiannon Vale".into() }]
        );
        assert_eq!(feed.items[2].teaser.authors, feed.items[0].teaser.authors);
        assert_eq!(
            feed.items[1].body.html(),
            "<p>A ginger cat with a green collar has been living in the bus shelter. Ask at the shop.</p>"
        );
        assert_eq!(feed.items[0].teaser.slug, "grass-cutting");
    }

    #[test]
    fn dates_fall_back_and_undated_items_are_left_out() {
        let items = all_items();
        let bus = find(&items, "bus-route-44");
        assert_eq!(
            (bus.teaser.published, bus.teaser.modified),
            (Timestamp::parse("2026-03-01T11:00:00Z").unwrap(), Timestamp::parse("2026-03-01T11:00:00Z"))
        );
        let mut value: Value = serde_json::from_str(&item_with("date_published", None)).unwrap();
        value["items"][0]["date_modified"] = Value::Null;
        let feed = decode_feed(&value.to_string()).unwrap();
        assert_eq!(feed.items.len(), 7);
        assert_eq!(feed.items[0].teaser.slug, "footbridge-reopens");
    }

    #[test]
    fn pages_join_without_repeats_and_slugs_stay_unique() {
        let items = all_items();
        assert_eq!(items.len(), 12);
        let mut again = items.clone();
        append(&mut again, decode_feed(FEED).unwrap().items);
        assert_eq!(again.len(), 12, "the same ids are not added twice");
        let mut renamed = decode_feed(FEED).unwrap().items;
        for (n, article) in renamed.iter_mut().enumerate() {
            article.teaser.id = format!("other-{n}");
        }
        append(&mut again, renamed);
        assert_eq!(again.len(), 20);
        assert_eq!(again[12].teaser.slug, "otters-return-to-the-pell-2");
        // A slug that already had a suffix gets another: unique, if not pretty.
        assert_eq!(again[16].teaser.slug, "market-day-moves-to-thursday-2-2");
        let unique: HashSet<&str> = again.iter().map(|a| a.teaser.slug.as_str()).collect();
        assert_eq!(unique.len(), 20);
    }

    #[test]
    fn neighbours_are_the_stories_either_side_in_latest() {
        let items = all_items();
        let slug = |t: Option<Teaser>| t.map(|t| t.slug);
        let middle = neighbours(&items, "footbridge-reopens");
        assert_eq!(slug(middle.newer).as_deref(), Some("otters-return-to-the-pell"));
        assert_eq!(slug(middle.older).as_deref(), Some("market-day-moves-to-thursday"));
        let newest = neighbours(&items, "otters-return-to-the-pell");
        assert_eq!((newest.newer, slug(newest.older).as_deref()), (None, Some("footbridge-reopens")));
        let oldest = list(&items, &ListKey::Latest, 3, 5).items.pop().expect("a last story");
        assert_eq!(neighbours(&items, &oldest.slug).older, None);
        assert_eq!(neighbours(&items, "not-in-the-feed"), Neighbours::default());
    }

    #[test]
    fn lists_paginate_newest_first_and_filter() {
        let items = all_items();
        let latest = list(&items, &ListKey::Latest, 1, 5);
        assert_eq!((latest.page, latest.total_pages, latest.total, latest.next_page()), (1, 3, 12, Some(2)));
        assert_eq!(
            slugs(&latest),
            [
                "otters-return-to-the-pell",
                "footbridge-reopens",
                "market-day-moves-to-thursday",
                "note-2026-03-11",
                "market-day-moves-to-thursday-2"
            ]
        );
        let last = list(&items, &ListKey::Latest, 3, 5);
        assert_eq!(slugs(&last), ["valley-choir", "winter-bird-count"]);
        // Page 2 of the feed had an item newer than its neighbours: it sorts into place.
        assert_eq!(slugs(&list(&items, &ListKey::Latest, 2, 5))[3..], ["bus-route-44", "brackenfold-garden"]);
        assert!(list(&items, &ListKey::Latest, 9, 5).items.is_empty());
        assert_eq!(
            slugs(&list(&items, &ListKey::Tag("wildlife".into()), 1, 10)),
            ["otters-return-to-the-pell", "heronry-count", "winter-bird-count"]
        );
        assert_eq!(
            slugs(&list(&items, &ListKey::Category("rivers".into()), 1, 10)),
            ["otters-return-to-the-pell", "flood-defences-tested-at-hollin", "weir-in-spate"]
        );
        let kwame = list(&items, &ListKey::Author("kwame-lindqvist".into()), 1, 10);
        assert_eq!(
            slugs(&kwame),
            ["market-day-moves-to-thursday", "market-day-moves-to-thursday-2", "heronry-count", "brackenfold-garden"]
        );
        assert_eq!(list(&items, &ListKey::Author("dispatch-desk".into()), 1, 10).total, 6);
        let none = list(&items, &ListKey::Tag("nothing".into()), 1, 10);
        assert_eq!((none.total, none.total_pages, none.items.len()), (0, 1, 0));
    }

    #[test]
    fn headings_and_articles_or_not_found() {
        let items = all_items();
        assert_eq!(heading(&items, &ListKey::Latest).unwrap().title, LATEST_TITLE);
        assert_eq!(heading(&[], &ListKey::Latest).unwrap().title, LATEST_TITLE);
        let tag = heading(&items, &ListKey::Tag("roads-bridges".into())).unwrap();
        assert_eq!((tag.title.as_str(), tag.description.as_str(), tag.author.is_none()), ("Roads & Bridges", "", true));
        assert_eq!(heading(&items, &ListKey::Category("markets".into())).unwrap().title, "Markets");
        let author = heading(&items, &ListKey::Author("odile-brennan".into())).unwrap();
        assert_eq!(author.title, "Odile Brennan");
        let profile = author.author.unwrap();
        assert_eq!(
            (profile.slug.as_str(), profile.avatar, profile.url, profile.bio.0.as_str()),
            ("odile-brennan", None, None, "")
        );
        for missing in [ListKey::Tag("none".into()), ListKey::Category("none".into()), ListKey::Author("none".into())] {
            assert_eq!(heading(&items, &missing), Err(LoadError::NotFound), "{missing:?}");
        }
        assert_eq!(article(&items, "weir-in-spate").unwrap().teaser.title, "Watch: Hollin Weir in spate");
        assert_eq!(article(&items, "nope"), Err(LoadError::NotFound));
        assert_eq!(article(&[], ""), Err(LoadError::NotFound));
    }

    #[test]
    fn search_index_lists_everything_newest_first() {
        let index = search_index(&all_items());
        assert_eq!(index.entries.len(), 12);
        assert_eq!(index.entries[0].slug, "otters-return-to-the-pell");
        assert_eq!(index.entries[0].category, "Rivers");
        assert_eq!(index.entries[11].slug, "winter-bird-count");
        assert!(index.entries.windows(2).all(|w| w[0].published >= w[1].published));
        let hits = index.search("siskins", 1, 10);
        assert_eq!(hits.items.iter().map(|e| e.slug.as_str()).collect::<Vec<_>>(), ["winter-bird-count"]);
    }

    #[test]
    fn unsafe_links_and_images_are_dropped() {
        assert_eq!(first(&item_with("external_url", Some("javascript:alert(1)".into()))).source, None);
        assert_eq!(first(&item_with("external_url", Some("/relative".into()))).source, None);
        let mut value: Value = serde_json::from_str(&item_with("image", Some("javascript:x".into()))).unwrap();
        value["items"][0]["banner_image"] = "https://dispatch.example/banner.svg".into();
        assert_eq!(first(&value.to_string()).teaser.hero.unwrap().src, "https://dispatch.example/banner.svg");
        assert_eq!(first(&item_with("image", Some("data:text/html,x".into()))).teaser.hero, None);
    }

    #[test]
    fn optional_fields_tolerate_absence_and_null() {
        for key in [
            "url",
            "external_url",
            "title",
            "content_text",
            "summary",
            "image",
            "banner_image",
            "date_modified",
            "authors",
            "author",
            "tags",
            "language",
            "attachments",
        ] {
            for value in [None, Some(Value::Null)] {
                assert!(decode_feed(&item_with(key, value.clone())).is_ok(), "{key} = {value:?}");
            }
        }
        let minimal = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","content_text":"x","date_published":"2026-01-01T00:00:00Z"}]}"#;
        let feed = decode_feed(minimal).unwrap();
        assert_eq!(
            (feed.items[0].teaser.slug.as_str(), feed.items[0].teaser.title.as_str(), feed.next_url),
            ("1", "x", None)
        );
        let nulls = r#"{"version":"1","title":"T","next_url":null,"authors":null,"author":null,"items":[]}"#;
        assert!(decode_feed(nulls).unwrap().items.is_empty());
        let untitled = r#"{"version":"1","title":"T","items":[{"id":"!!","content_html":"","date_published":"2026-01-01T00:00:00Z"}]}"#;
        let item = first(untitled);
        assert_eq!((item.teaser.title.as_str(), item.teaser.slug.as_str(), item.body.html()), ("Untitled", "item", ""));
        assert_eq!(decode_feed(&FEED.replace("https://dispatch.example/feed-2.json", " ")).unwrap().next_url, None);
    }

    #[test]
    fn missing_required_fields_are_named() {
        let mut feed: Value = serde_json::from_str(FEED).unwrap();
        for key in ["version", "title", "items"] {
            let mut without = feed.clone();
            without.as_object_mut().unwrap().remove(key);
            let message = malformed(decode_feed(&without.to_string()));
            assert!(message.contains(&format!("missing field `{key}`")), "{message}");
        }
        assert_eq!(malformed(decode_feed(&item_with("id", None))), "`items[0]`: missing field `id`");
        let no_content = item_with("content_html", None);
        assert_eq!(malformed(decode_feed(&no_content)), "`items[0]`: missing field `content_html` or `content_text`");
        feed["items"][3] = serde_json::json!({"id": "x", "date_published": "2026-01-01T00:00:00Z"});
        assert!(malformed(decode_feed(&feed.to_string())).starts_with("`items[3]`"));
    }

    #[test]
    fn wrong_types_are_malformed() {
        for (key, value) in [
            ("id", serde_json::json!(true)),
            ("id", Value::Null),
            ("title", serde_json::json!(7)),
            ("tags", serde_json::json!("Rivers")),
            ("tags", serde_json::json!([1, 2])),
            ("authors", serde_json::json!({"name": "x"})),
            ("author", serde_json::json!("x")),
            ("date_published", serde_json::json!("last Tuesday")),
            ("date_modified", serde_json::json!(20260101)),
            ("content_html", serde_json::json!(["<p>"])),
        ] {
            let message = malformed(decode_feed(&item_with(key, Some(value.clone()))));
            assert!(message.starts_with("`items[0]`"), "{key} = {value}: {message}");
        }
        for bad in [
            "",
            "null",
            "[]",
            "{",
            r#"{"version":1,"title":"T","items":[]}"#,
            r#"{"version":"1","title":"T","items":{}}"#,
            r#"{"version":"1","title":"T","items":[7]}"#,
            r#"{"version":"1","title":["T"],"items":[]}"#,
        ] {
            malformed(decode_feed(bad));
        }
    }

    #[test]
    fn url_slugs_are_made_from_the_last_path_segment() {
        assert_eq!(url_slug("https://x.example/a/b/Hello%20World.html?x=1#y"), Some("hello-world".into()));
        assert_eq!(url_slug("https://x.example/2026/03/index.php"), None);
        assert_eq!(url_slug("https://x.example"), None);
        assert_eq!(url_slug("https://x.example/v1.2"), Some("v1-2".into()));
        assert_eq!(url_slug("https://x.example/%E2%82%AC%zz"), Some("zz".into()));
        assert_eq!(url_slug("relative/path/item-9/"), Some("item-9".into()));
    }

    #[test]
    fn next_url_only_on_the_feed_origin() {
        let feed = "https://dispatch.example/feed.json";
        for ok in [
            "https://dispatch.example/feed-2.json",
            "HTTPS://Dispatch.Example:443/feed.json?page=2",
            "https://dispatch.example",
        ] {
            assert!(next_url_allowed(feed, ok), "{ok}");
        }
        for bad in [
            "http://dispatch.example/feed-2.json",
            "https://dispatch.example:8443/feed-2.json",
            "https://evil.example/feed-2.json",
            "https://dispatch.example.evil.example/",
            "https://dispatch.example@evil.example/",
            "https://evil.example\\@dispatch.example/",
            "https://evil.example#@dispatch.example/",
            "//dispatch.example/feed-2.json",
            "/feed-2.json",
            "feed-2.json",
            "javascript://dispatch.example/%0aalert(1)",
            "https:///dispatch.example/",
            "https://dispatch.example:99999/",
            "https://dispatch.example:44x/",
            "https://dispatch.ex ample/",
            "",
        ] {
            assert!(!next_url_allowed(feed, bad), "{bad}");
        }
        assert!(next_url_allowed("http://127.0.0.1:8081/feed.json/", "http://127.0.0.1:8081/feed-2.json"));
        assert!(!next_url_allowed("http://127.0.0.1:8081/feed.json", "http://127.0.0.1:8082/feed-2.json"));
        assert!(next_url_allowed("http://[::1]:8081/f", "http://[::1]:8081/g"));
        assert!(!next_url_allowed("http://[::1]/f", "http://[::1]x/g"));
        assert!(!next_url_allowed("/feed.json", "/feed-2.json"), "a relative feed URL must be resolved first");
    }

    #[test]
    fn no_input_makes_anything_panic() {
        let keys = [
            ListKey::Latest,
            ListKey::Tag("wildlife".into()),
            ListKey::Category("rivers".into()),
            ListKey::Author("odile-brennan".into()),
            ListKey::Tag(String::new()),
        ];
        let mut tried = 0;
        let mut decoded = Vec::new();
        for (n, fixture) in [FEED, FEED_2, FEED_1_0, TEXT_ONLY].iter().enumerate() {
            for body in mutations(fixture, 0xA076_1D64_78BD_642F ^ n as u64, 900, 3) {
                if let Ok(feed) = decode_feed(&body) {
                    let mut items = decoded.clone();
                    append(&mut items, feed.items);
                    for key in &keys {
                        let _ = list(&items, key, tried % 4, tried as usize % 7);
                        let _ = heading(&items, key);
                    }
                    let _ = (article(&items, "heronry-count"), search_index(&items).search("pell", 1, 10));
                    assert!(items.iter().all(|a| is_valid_slug(&a.teaser.slug)));
                    if let Some(next) = feed.next_url {
                        let _ = next_url_allowed("https://dispatch.example/feed.json", &next);
                    }
                    if decoded.len() < 40 {
                        decoded = items;
                    }
                }
                tried += 1;
            }
        }
        assert!(tried > 5000, "{tried}");
        let mut rng = Rng(99);
        let alphabet: Vec<char> = "aZ9:/@[]%.\\#?-é日 \t\u{0}'’".chars().collect();
        for _ in 0..5000 {
            let text: String = (0..rng.below(24)).map(|_| alphabet[rng.below(alphabet.len())]).collect();
            let slug = slug_from(&text, SLUG_BYTES);
            assert!(slug.is_empty() || is_valid_slug(&slug), "{text:?} → {slug:?}");
            let _ = (url_slug(&text), decode(&text));
            let _ = next_url_allowed(&format!("https://{text}"), &format!("https://{text}/2"));
            let _ = next_url_allowed(&text, &text);
        }
    }
}
