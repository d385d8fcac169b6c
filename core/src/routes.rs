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

    /// An address's path on the host as a route path (`/news/article/x` → `/article/x`, `/news` →
    /// `/`); `None` outside the site's folder.
    pub fn route_path<'a>(&self, path: &'a str) -> Option<&'a str> {
        match path.strip_prefix(self.prefix.as_str())? {
            "" => Some("/"),
            rest => rest.starts_with('/').then_some(rest),
        }
    }

    /// The page an address on the host shows, from its path and query string (`?` optional).
    pub fn route(&self, path: &str, query: &str) -> Route {
        self.route_path(path).map_or(Route::NotFound, |path| Route::parse(path, query.strip_prefix('?').unwrap_or(query)))
    }

    /// Whether a link to `to` opens in the app from the page at `here` rather than being left to the
    /// browser: it leads to one of the app's pages on this site (not another origin, nor a file
    /// such as `/rss.xml` or one outside the site's folder) and not to a place on the page the
    /// reader is on (`#id`: the browser scrolls there and keeps the history).
    pub fn opens_in_app(&self, to: &Address, here: &Address) -> bool {
        to.origin == here.origin
            && self.route(to.path, "") != Route::NotFound
            && (to.hash.is_empty() || to.path != here.path || to.query != here.query)
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

/// An address as the browser splits it (`Location`, a link's `HTMLAnchorElement`): `query` and
/// `hash` with their `?` and `#`, or empty.
#[derive(Clone, Copy, Debug)]
pub struct Address<'a> {
    pub origin: &'a str,
    pub path: &'a str,
    pub query: &'a str,
    pub hash: &'a str,
}

/// The page an address shows, and what the address says about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Article(String),
    /// A list and the page of it.
    List(ListKey, u32),
    /// The words searched for and the page of results.
    Search(String, u32),
    Saved,
    SitePage(String),
    NotFound,
}

impl Route {
    /// The page for a route path (the site's folder already taken off, see [`SiteBase::route`])
    /// and its query string without the `?`. Slugs and query values are percent-decoded. One
    /// trailing slash is allowed: published pages are folders (`article/{slug}/index.html`).
    pub fn parse(path: &str, query: &str) -> Route {
        let Some(path) = path.strip_prefix('/') else { return Route::NotFound };
        let segments: Vec<&str> = path.strip_suffix('/').unwrap_or(path).split('/').collect();
        let page = || page_number(query_value(query, "page").as_deref());
        match segments.as_slice() {
            [""] => Route::Home,
            ["latest"] => Route::List(ListKey::Latest, page()),
            ["search"] => Route::Search(query_value(query, "q").unwrap_or_default().trim().to_string(), page()),
            ["saved"] => Route::Saved,
            [_, ""] => Route::NotFound,
            ["article", slug] => Route::Article(decode(slug)),
            ["category", slug] => Route::List(ListKey::Category(decode(slug)), page()),
            ["tag", slug] => Route::List(ListKey::Tag(decode(slug)), page()),
            ["author", slug] => Route::List(ListKey::Author(decode(slug)), page()),
            ["page", slug] => Route::SitePage(decode(slug)),
            _ => Route::NotFound,
        }
    }
}

/// The first value of `key` in a query string (`q=tax+cuts&page=2`), decoded as forms encode it.
pub fn query_value(query: &str, key: &str) -> Option<String> {
    let form_decode = |text: &str| decode(&text.replace('+', " "));
    query.split('&').find_map(|pair| {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        (form_decode(name) == key).then(|| form_decode(value))
    })
}

/// The first segment of every app route besides `/` (the router in src/app.rs): hosts answer
/// these with the app, and any other missing path with a 404.
pub const ROUTE_ROOTS: [&str; 8] = ["latest", "article", "category", "tag", "author", "search", "saved", "page"];

/// A list of stories that has its own page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum ListKey {
    #[default]
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

/// Percent-decodes text from a URL: a `%` without two hex digits after it stays as it is, and
/// bytes that are not UTF-8 become U+FFFD.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let hex = bytes.get(i + 1..i + 3).filter(|h| h.iter().all(u8::is_ascii_hexdigit));
        match (byte, hex.and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(decoded)) => {
                out.push(decoded);
                i += 3;
            }
            _ => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
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

    #[test]
    fn addresses_name_their_pages() {
        let list = |key: ListKey, page| Route::List(key, page);
        for (path, query, route) in [
            ("/", "", Route::Home),
            ("/latest", "", list(ListKey::Latest, 1)),
            ("/latest/", "page=3", list(ListKey::Latest, 3)),
            ("/article/budget-deal", "", Route::Article("budget-deal".into())),
            ("/article/budget-deal/", "utm=x", Route::Article("budget-deal".into())),
            ("/category/politics", "page=2", list(ListKey::Category("politics".into()), 2)),
            ("/tag/%C3%A9tat%20civil", "page=zero", list(ListKey::Tag("état civil".into()), 1)),
            ("/author/jo-ann", "", list(ListKey::Author("jo-ann".into()), 1)),
            ("/search", "q=tax+%26+spend&page=2", Route::Search("tax & spend".into(), 2)),
            ("/search", "", Route::Search(String::new(), 1)),
            ("/saved", "", Route::Saved),
            ("/page/privacy", "", Route::SitePage("privacy".into())),
        ] {
            assert_eq!(Route::parse(path, query), route, "{path}?{query}");
        }
        for unknown in ["", "latest", "/no/such/page", "/article", "/article/", "/article//", "/article/a/b", "/latest//", "/Latest", "/saved/x", "/page"] {
            assert_eq!(Route::parse(unknown, ""), Route::NotFound, "{unknown}");
        }
        // Every route root hosts answer with the app is one of its pages.
        for root in ROUTE_ROOTS {
            assert!([format!("/{root}"), format!("/{root}/x")].iter().any(|path| Route::parse(path, "") != Route::NotFound), "{root}");
        }
    }

    #[test]
    fn the_app_reads_back_the_addresses_it_builds() {
        for slug in ["a-b", "über", "a%2Fb", "100%", "a+b", "a b"] {
            assert_eq!(Route::parse(&article_path(slug), ""), Route::Article(slug.into()), "{slug}");
            let (path, query) = ListKey::Category(slug.into()).path(4).split_once('?').map(|(p, q)| (p.to_string(), q.to_string())).unwrap();
            assert_eq!(Route::parse(&path, &query), Route::List(ListKey::Category(slug.into()), 4), "{slug}");
        }
        for words in ["tax", "tax & spend", "50% off", "a+b=c", "é?#"] {
            let (path, query) = search_path(words, 2).split_once('?').map(|(p, q)| (p.to_string(), q.to_string())).unwrap();
            assert_eq!(Route::parse(&path, &query), Route::Search(words.into(), 2), "{words}");
        }
    }

    #[test]
    fn query_values_and_percent_decoding() {
        assert_eq!(query_value("q=a+b&page=2&q=c", "q").as_deref(), Some("a b"));
        assert_eq!(query_value("flag&page=2", "flag").as_deref(), Some(""));
        assert_eq!(query_value("pag%65=7", "page").as_deref(), Some("7"));
        assert_eq!(query_value("", "q"), None);
        assert_eq!(decode("%E6%97%A5%20%2b"), "日 +");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn the_site_base_bounds_the_apps_pages() {
        let news = SiteBase::parse("/news/").unwrap();
        assert_eq!(news.route_path("/news/article/a"), Some("/article/a"));
        assert_eq!(news.route_path("/news/"), Some("/"));
        assert_eq!(news.route_path("/news"), Some("/"));
        for outside in ["/", "/newsroom", "/article/a", "/content/news/"] {
            assert_eq!(news.route_path(outside), None, "{outside}");
        }
        assert_eq!(SiteBase::default().route_path("/article/a"), Some("/article/a"));
        assert_eq!(news.route("/news/category/x", "?page=2"), Route::List(ListKey::Category("x".into()), 2));
        assert_eq!(news.route("/news/search", "q=x"), Route::Search("x".into(), 1));
        assert_eq!(news.route("/elsewhere", ""), Route::NotFound);
    }

    #[test]
    fn links_open_in_the_app_only_for_the_sites_other_pages() {
        let news = SiteBase::parse("/news/").unwrap();
        let at = |origin, path, query, hash| Address { origin, path, query, hash };
        let here = at("https://x.example", "/news/article/a", "", "");
        assert!(news.opens_in_app(&at("https://x.example", "/news/article/b", "", ""), &here));
        assert!(news.opens_in_app(&at("https://x.example", "/news/", "", ""), &here));
        assert!(news.opens_in_app(&at("https://x.example", "/news/article/b", "", "#comments"), &here));
        assert!(news.opens_in_app(&at("https://x.example", "/news/article/a", "?page=2", "#top"), &here));
        // The same page again goes to its top, as a new page would.
        assert!(news.opens_in_app(&at("https://x.example", "/news/article/a", "", ""), &here));
        assert!(!news.opens_in_app(&at("https://x.example", "/news/article/a", "", "#comments"), &here), "a place on this page");
        assert!(!news.opens_in_app(&at("https://other.example", "/news/article/b", "", ""), &here), "another site");
        assert!(!news.opens_in_app(&at("http://x.example", "/news/article/b", "", ""), &here), "another origin");
        assert!(!news.opens_in_app(&at("https://x.example", "/other/", "", ""), &here), "outside the site's folder");
        assert!(!news.opens_in_app(&at("https://x.example", "/news/rss.xml", "", ""), &here), "a file");
    }
}
