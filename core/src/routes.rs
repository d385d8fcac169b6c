//! The app's URLs, a public contract: readers share these links. Building them lives here so that
//! every link in the app is spelled one way.

use crate::case::lower_case;
use std::fmt::Write;

/// Where the site is served on its host: the domain root, or a sub-path such as `/news/` chosen
/// at build time (`scripts/build.sh --base /news/`, which Trunk writes into the page's `<base href>`).
/// Route paths (`/article/x`) and the site paths in config.json and content (`/content/a.svg`) are
/// relative to it; [`SiteBase::href`] turns them into addresses on the host.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteBase {
    /// `""` at the root, `"/news"` under a sub-path: no trailing slash.
    prefix: String,
}

impl SiteBase {
    /// From a `<base href>` or `--base` value: `/`, `/news/`, `news`, `https://host/news/`. `None`
    /// for a path with dot segments or characters that would need escaping, since the value ends
    /// up in host configuration files as well as in URLs.
    pub fn parse(value: &str) -> Option<SiteBase> {
        let path = match value.split_once("://") {
            Some((_, rest)) => rest.find('/').map_or("", |at| &rest[at..]),
            None => value,
        };
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let mut prefix = String::new();
        for segment in path.split('/').filter(|s| !s.is_empty()) {
            let plain = segment.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~'));
            if !plain || segment == "." || segment == ".." {
                return None;
            }
            prefix.push('/');
            prefix.push_str(segment);
        }
        Some(SiteBase { prefix })
    }

    /// `""` at the root, `"/news"` under a sub-path: what the router strips from addresses.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The site's folder on the host: `/` or `/news/`.
    pub fn directory(&self) -> String {
        format!("{}/", self.prefix)
    }

    /// The slug of the story an in-app link's `href` opens, for fetching it ahead of the click.
    /// Only slugs that need no percent-decoding: others are simply not fetched early.
    pub fn article_slug<'a>(&self, href: &'a str) -> Option<&'a str> {
        let slug = href.strip_prefix(self.prefix.as_str())?.strip_prefix("/article/")?;
        let plain = slug.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~'));
        (plain && is_valid_slug(slug)).then_some(slug)
    }

    /// A site path (one `/` first) as an address on the host; anything else (`https://…`,
    /// `//host/…`, `#id`, `mailto:…`, relative) is not on the site's own paths and stays as it is.
    pub fn href(&self, path: &str) -> String {
        if path.starts_with('/') && !path.starts_with("//") && !path.starts_with("/\\") {
            format!("{}{path}", self.prefix)
        } else {
            path.to_string()
        }
    }
}

/// The first segment of every app route besides `/` (the router in src/app.rs): hosts answer
/// these with the app, and any other missing path with a 404.
pub const ROUTE_ROOTS: [&str; 8] = ["latest", "article", "category", "tag", "author", "search", "saved", "page"];

/// A list of stories that has its own page.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ListKey {
    Latest,
    Category(String),
    Tag(String),
    Author(String),
}

impl ListKey {
    /// The list's address, `?page=N` only past the first page.
    pub fn path(&self, page: u32) -> String {
        let base = match self {
            ListKey::Latest => "/latest".to_string(),
            ListKey::Category(slug) => format!("/category/{}", encode(slug)),
            ListKey::Tag(slug) => format!("/tag/{}", encode(slug)),
            ListKey::Author(slug) => format!("/author/{}", encode(slug)),
        };
        with_page(base, page)
    }
}

pub fn article_path(slug: &str) -> String {
    format!("/article/{}", encode(slug))
}

/// The search results page; its query is `?q=`.
pub const SEARCH_PATH: &str = "/search";

pub fn search_path(query: &str, page: u32) -> String {
    with_page(format!("{SEARCH_PATH}?q={}", encode(query.trim())), page).replacen("?page=", "&page=", 1)
}

fn with_page(base: String, page: u32) -> String {
    if page > 1 { format!("{base}?page={page}") } else { base }
}

/// The page number from a `?page=` value: anything that is not a whole number from 1 up is page 1.
pub fn page_number(value: Option<&str>) -> u32 {
    value.and_then(|v| v.trim().parse::<u32>().ok()).filter(|&n| n >= 1).unwrap_or(1)
}

/// Whether a slug from a URL can name content: no path separators or dot segments, so it can never
/// reach another file or endpoint when put into a backend URL. `%` is allowed: WordPress keeps the
/// slugs of non-Latin titles percent-encoded, and every URL builder here encodes `%` as `%25`, so
/// `%2F` in a slug stays text and never becomes a separator.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 200
        && slug != "."
        && slug != ".."
        && !slug.chars().any(|c| matches!(c, '/' | '\\' | '?' | '#') || c.is_whitespace() || c.is_control())
}

/// A URL name made from text: its letters and digits (any script; [`lower_case`]d) joined by single
/// hyphens, apostrophes dropped (`Mayor's` → `mayors`), at most `max_bytes` long and never ending
/// in a hyphen. Empty when the text has no letters or digits; otherwise a valid slug
/// ([`is_valid_slug`]) for any `max_bytes` up to 200.
pub fn slug_from(text: &str, max_bytes: usize) -> String {
    let mut slug = String::new();
    let mut gap = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            let letter = lower_case(c);
            let dash = gap && !slug.is_empty();
            if slug.len() + usize::from(dash) + letter.len_utf8() > max_bytes {
                break;
            }
            if dash {
                slug.push('-');
            }
            slug.push(letter);
            gap = false;
        } else if !matches!(c, '\'' | '’' | '‘' | '`') {
            gap = true;
        }
    }
    slug
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_from_text_are_lower_case_words_joined_by_hyphens() {
        assert_eq!(slug_from("How the standoff started", 60), "how-the-standoff-started");
        assert_eq!(slug_from("  What's next?  ", 60), "whats-next");
        assert_eq!(slug_from("Governor’s race: 2026 — the results", 60), "governors-race-2026-the-results");
        assert_eq!(slug_from("Mayor's plan: “Build it” — now!", 60), "mayors-plan-build-it-now");
        assert_eq!(slug_from("  Économie LOCALE & Ölpreis ", 60), "économie-locale-ölpreis");
        assert_eq!(slug_from("日本語 ニュース", 60), "日本語-ニュース");
        assert_eq!(slug_from("<script>\"x\"</script>", 60), "script-x-script");
        assert_eq!(slug_from("../etc/passwd", 60), "etc-passwd");
        assert_eq!(slug_from("%2F?#", 60), "2f");
        assert_eq!(slug_from("!!!", 60), "");
    }

    #[test]
    fn slugs_from_text_stop_at_their_length_without_a_trailing_hyphen() {
        assert_eq!(slug_from(&"a".repeat(500), 100), "a".repeat(100));
        assert_eq!(slug_from("abc def", 4), "abc");
        assert_eq!(slug_from("abc def", 5), "abc-d");
        assert_eq!(slug_from("éé", 3), "é");
        for max_bytes in 0..=200 {
            let slug = slug_from(&"Wörd, ünd 日本 ".repeat(30), max_bytes);
            assert!(slug.len() <= max_bytes && !slug.ends_with('-'), "{slug}");
            assert!(slug.is_empty() || is_valid_slug(&slug), "{slug}");
        }
    }

    #[test]
    fn builds_list_paths_with_page_only_past_the_first() {
        assert_eq!(ListKey::Latest.path(1), "/latest");
        assert_eq!(ListKey::Latest.path(3), "/latest?page=3");
        assert_eq!(ListKey::Category("politics".into()).path(2), "/category/politics?page=2");
        assert_eq!(ListKey::Tag("état civil".into()).path(1), "/tag/%C3%A9tat%20civil");
        assert_eq!(ListKey::Author("jo-ann".into()).path(1), "/author/jo-ann");
    }

    #[test]
    fn finds_the_story_a_link_opens() {
        let news = SiteBase::parse("/news/").unwrap();
        assert_eq!(news.article_slug("/news/article/budget-deal"), Some("budget-deal"));
        assert_eq!(SiteBase::default().article_slug("/article/budget-deal"), Some("budget-deal"));
        for other in ["/article/budget-deal", "/news/article/", "/news/article/a/b", "/news/article/a?x=1", "/news/article/a%20b", "/news/article/..", "/news/category/x", "https://x/news/article/a"] {
            assert_eq!(news.article_slug(other), None, "{other}");
        }
    }

    #[test]
    fn builds_article_and_search_paths() {
        assert_eq!(article_path("a-b"), "/article/a-b");
        assert_eq!(search_path(" tax & spend ", 1), "/search?q=tax%20%26%20spend");
        assert_eq!(search_path("border", 2), "/search?q=border&page=2");
    }

    #[test]
    fn page_numbers_fall_back_to_one() {
        assert_eq!(page_number(Some("4")), 4);
        for bad in [None, Some(""), Some("0"), Some("-2"), Some("two"), Some("99999999999")] {
            assert_eq!(page_number(bad), 1, "{bad:?}");
        }
    }

    #[test]
    fn slugs_cannot_escape_their_folder() {
        assert!(is_valid_slug("mexico-declines-offer"));
        assert!(is_valid_slug("über-alles"));
        assert!(is_valid_slug("%d8%a7%d9%84%d8%b9%d8%b1%d8%a8%d9%8a%d8%a9"));
        for bad in ["", ".", "..", "../config", "a/b", "a\\b", "a?b", "a#b", "a b", &"x".repeat(201)] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
        // A percent sign stays text in every address built from a slug.
        assert_eq!(article_path("a%2Fb"), "/article/a%252Fb");
    }

    #[test]
    fn site_base_from_base_href_values() {
        for root in ["/", "", "https://news.example/", "https://news.example", "/?x#y"] {
            assert_eq!(SiteBase::parse(root), Some(SiteBase::default()), "{root}");
        }
        for news in ["/news/", "/news", "news/", "https://example.com/news/", "//news//"] {
            assert_eq!(SiteBase::parse(news).map(|b| b.directory()).as_deref(), Some("/news/"), "{news}");
        }
        assert_eq!(SiteBase::parse("/a/b.c/").map(|b| b.prefix().to_string()).as_deref(), Some("/a/b.c"));
        for bad in ["/../etc/", "/./", "/news paper/", "/n\"ews/", "/x;y/", "/caf\u{e9}/", "/%2e%2e/"] {
            assert_eq!(SiteBase::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn site_paths_become_addresses_with_and_without_a_base() {
        let root = SiteBase::default();
        let news = SiteBase::parse("/news/").expect("valid");
        assert_eq!(root.href("/"), "/");
        assert_eq!(news.href("/"), "/news/");
        assert_eq!(root.href(&article_path("a-b")), "/article/a-b");
        assert_eq!(news.href(&article_path("a-b")), "/news/article/a-b");
        assert_eq!(news.href(&search_path("tax", 2)), "/news/search?q=tax&page=2");
        assert_eq!(news.href(&ListKey::Category("politics".into()).path(2)), "/news/category/politics?page=2");
        assert_eq!(news.href("/content/images/a.svg"), "/news/content/images/a.svg");
        assert_eq!(news.href("/config.json"), "/news/config.json");
        for elsewhere in ["https://x.example/a", "//cdn.example/a.jpg", "/\\evil.example", "#comments", "mailto:a@b.example", "a.svg", ""] {
            assert_eq!(news.href(elsewhere), elsewhere, "{elsewhere}");
        }
        assert_eq!((root.directory(), news.directory()), ("/".to_string(), "/news/".to_string()));
    }
}
