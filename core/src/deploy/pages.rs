//! Crawler-visible pages: for each story and archive, a copy of the app's `index.html` whose head
//! carries the page's title, description, canonical address, Open Graph and Twitter cards and
//! JSON-LD, and whose body carries the page's first view (`first_view.rs`): readers see the
//! story before the app has started, which then takes over from it.

use super::first_view::Chrome;
use crate::config::Site;
use crate::model::{Article, ListHeading, Teaser};
use crate::routes::{article_path, ListKey, SiteBase};
use crate::structured_data::{absolute_url, document_title, home_description, list_description, script_safe_json, ArticleHead};
use crate::text::escape_html;
use serde_json::json;

/// What every page says about the site.
#[derive(Clone, Debug)]
pub struct SiteInfo<'a> {
    pub name: &'a str,
    /// The site's public address with its sub-path if any (`https://news.example`,
    /// `https://example.com/news`), without a trailing slash.
    pub url: &'a str,
}

/// The site's public address from `--site-url` and the build's base: a URL without a path gets
/// the base; one with a path must name the base the app was built for, or its links would not work.
pub fn site_url(given: &str, base: &SiteBase) -> Result<String, String> {
    let given = given.trim_end_matches('/');
    let Some((scheme, rest)) = given.split_once("://").filter(|(s, _)| matches!(*s, "https" | "http")) else {
        return Err(format!("--site-url must start with https:// or http://, got {given}"));
    };
    let (host, path) = rest.find('/').map_or((rest, ""), |at| rest.split_at(at));
    if host.is_empty() || host.contains(['?', '#', '"', '<', '>', ' ']) {
        return Err(format!("--site-url needs a host name, got {given}"));
    }
    match SiteBase::parse(path) {
        Some(ref named) if *named == *base || named.prefix().is_empty() => Ok(format!("{scheme}://{host}{}", base.prefix())),
        _ => Err(format!(
            "--site-url {given} is at {path}/, but this build is served at {}: build with scripts/build.sh --base {path}/ or give the site's address without a path",
            base.directory()
        )),
    }
}

/// The comments around what [`fill`] adds, so that [`template_of`] can take it out again, and
/// the app the head tags (src/first_view.rs).
pub const ADDED_MARKS: (&str, &str) = ("published", "/published");
const ADDED: (&str, &str) = ("<!--published-->", "<!--/published-->");

/// Replaces the template's `<title>` and adds `head` before `</head>` and `body` after `<body>`.
fn fill(template: &str, title: &str, head: &str, body: &str) -> String {
    let mut page = match (template.find("<title>"), template.find("</title>")) {
        (Some(start), Some(end)) if start < end => {
            format!("{}<title>{}</title>{}", &template[..start], escape_html(title), &template[end + "</title>".len()..])
        }
        _ => template.to_string(),
    };
    if let Some(at) = page.find("</head>") {
        page.insert_str(at, &format!("{}{head}{}", ADDED.0, ADDED.1));
    }
    if let Some(at) = page.find("<body>").map(|i| i + "<body>".len()) {
        page.insert_str(at, &format!("{}{body}{}", ADDED.0, ADDED.1));
    }
    page
}

/// The app's page as the build wrote it, from a page this module filled: the homepage is the
/// build's `index.html` itself, so a second run of broadsheet-publish reads it filled.
pub fn template_of(page: &str) -> String {
    let mut template = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(start) = rest.find(ADDED.0) {
        template.push_str(&rest[..start]);
        match rest[start..].find(ADDED.1) {
            Some(end) => rest = &rest[start + end + ADDED.1.len()..],
            None => {
                rest = &rest[start..];
                break;
            }
        }
    }
    template.push_str(rest);
    template
}

/// The head of a page that lists stories (the homepage, an archive): description, canonical
/// address and the share cards of a website, not of an article.
fn website_tags(site: &SiteInfo, title: &str, description: &str, path: &str) -> String {
    let canonical = format!("{}{path}", site.url);
    let mut tags = meta("name", "description", description);
    tags += &format!("<link rel=\"canonical\" href=\"{}\">\n", escape_html(&canonical));
    tags += &meta("property", "og:type", "website");
    tags += &meta("property", "og:site_name", site.name);
    tags += &meta("property", "og:title", title);
    tags += &meta("property", "og:description", description);
    tags += &meta("property", "og:url", &canonical);
    tags + &meta("name", "twitter:card", "summary")
}

fn meta(property_or_name: &str, key: &str, value: &str) -> String {
    format!("<meta {property_or_name}=\"{key}\" content=\"{}\">\n", escape_html(value))
}

fn breadcrumbs(site: &SiteInfo, crumbs: &[(String, String)]) -> String {
    let items: Vec<_> = crumbs
        .iter()
        .enumerate()
        .map(|(i, (name, path))| json!({ "@type": "ListItem", "position": i + 1, "name": name, "item": format!("{}{path}", site.url) }))
        .collect();
    script_safe_json(&json!({ "@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items }))
}

pub fn article_page(template: &str, article: &Article, site: &SiteInfo, chrome: &Chrome) -> String {
    let teaser = &article.teaser;
    let head = ArticleHead::new(teaser, site.url, site.name);
    let title = document_title(&head.title, site.name);
    let mut tags = String::new();
    tags += &meta("name", "description", &head.description);
    tags += &format!("<link rel=\"canonical\" href=\"{}\">\n", escape_html(&head.canonical));
    tags += &meta("property", "og:type", "article");
    tags += &meta("property", "og:site_name", site.name);
    tags += &meta("property", "og:title", &head.title);
    tags += &meta("property", "og:description", &head.description);
    tags += &meta("property", "og:url", &head.canonical);
    tags += &meta("property", "article:published_time", &head.published);
    tags += &meta("property", "article:modified_time", &head.modified);
    if let Some(section) = &head.section {
        tags += &meta("property", "article:section", section);
    }
    for tag in &head.tags {
        tags += &meta("property", "article:tag", tag);
    }
    tags += &meta("name", "twitter:title", &head.title);
    tags += &meta("name", "twitter:description", &head.description);
    match &head.image {
        Some(image) => {
            tags += &meta("property", "og:image", &image.url);
            tags += &meta("property", "og:image:width", &image.width.to_string());
            tags += &meta("property", "og:image:height", &image.height.to_string());
            tags += &meta("property", "og:image:alt", &image.alt);
            tags += &meta("name", "twitter:card", "summary_large_image");
            tags += &meta("name", "twitter:image", &image.url);
        }
        None => tags += &meta("name", "twitter:card", "summary"),
    }
    tags += &format!("<script type=\"application/ld+json\">{}</script>\n", head.json_ld);
    let mut crumbs = vec![("Home".to_string(), "/".to_string())];
    if let Some(category) = teaser.primary_category() {
        crumbs.push((category.name.clone(), ListKey::Category(category.slug.clone()).path(1)));
    }
    crumbs.push((teaser.title.clone(), article_path(&teaser.slug)));
    tags += &format!("<script type=\"application/ld+json\">{}</script>\n", breadcrumbs(site, &crumbs));
    let body = chrome.page(&article_path(&teaser.slug), &chrome.article(teaser, article.body.html()));
    fill(template, &title, &tags, &body)
}

pub fn archive_page(template: &str, list: &ListKey, heading: &ListHeading, stories: &[Teaser], site: &SiteInfo, chrome: &Chrome) -> String {
    let mut tags = website_tags(site, &heading.title, &list_description(site.name, heading), &list.path(1));
    let crumbs = [("Home".to_string(), "/".to_string()), (heading.title.clone(), list.path(1))];
    tags += &format!("<script type=\"application/ld+json\">{}</script>\n", breadcrumbs(site, &crumbs));
    let body = chrome.page(&list.path(1), &chrome.archive(&heading.title, &heading.description, stories));
    fill(template, &document_title(&heading.title, site.name), &tags, &body)
}

/// The homepage (the build's `index.html` itself): the site's description and the newest stories.
pub fn home_page(template: &str, config: &Site, newest: &[Teaser], site: &SiteInfo, chrome: &Chrome) -> String {
    let tags = website_tags(site, site.name, &home_description(config), "/");
    let body = chrome.page("/", &chrome.front_page(site.name, newest));
    fill(template, site.name, &tags, &body)
}

/// `sitemap.xml`: every page with its last change.
pub fn sitemap(site: &SiteInfo, pages: &[(String, String)]) -> String {
    let urls: String = pages
        .iter()
        .map(|(path, lastmod)| format!("<url><loc>{}{}</loc><lastmod>{lastmod}</lastmod></url>\n", site.url, escape_html(path)))
        .collect();
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{urls}</urlset>\n")
}

/// `news-sitemap.xml`: the stories of the last two days, as Google News asks.
pub fn news_sitemap(site: &SiteInfo, stories: &[&Teaser], language: &str) -> String {
    let urls: String = stories
        .iter()
        .map(|t| {
            format!(
                "<url><loc>{}{}</loc><news:news><news:publication><news:name>{}</news:name><news:language>{language}</news:language></news:publication><news:publication_date>{}</news:publication_date><news:title>{}</news:title></news:news></url>\n",
                site.url,
                escape_html(&article_path(&t.slug)),
                escape_html(site.name),
                t.published,
                escape_html(&t.title)
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n{urls}</urlset>\n"
    )
}

/// RFC 822 dates for RSS, from a Unix time.
fn rfc822(at: crate::time::Timestamp) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let text = at.to_string(); // 2026-11-02T14:05:00Z
    let (date, time) = text.split_once('T').unwrap_or((&text, "00:00:00Z"));
    let mut parts = date.split('-');
    let (year, month, day) = (parts.next().unwrap_or("1970"), parts.next().unwrap_or("01"), parts.next().unwrap_or("01"));
    let month = month.parse::<usize>().ok().and_then(|m| MONTHS.get(m.wrapping_sub(1))).unwrap_or(&"Jan");
    let weekday = DAYS[at.0.div_euclid(86_400).rem_euclid(7) as usize];
    format!("{weekday}, {day} {month} {year} {} +0000", time.trim_end_matches('Z'))
}

/// `rss.xml`: RSS 2.0 of the newest stories.
pub fn rss(site: &SiteInfo, description: &str, stories: &[Teaser]) -> String {
    let items: String = stories
        .iter()
        .map(|t| {
            let link = format!("{}{}", site.url, article_path(&t.slug));
            let categories: String = t.categories.iter().map(|c| format!("<category>{}</category>", escape_html(&c.name))).collect();
            format!(
                "<item><title>{}</title><link>{}</link><guid isPermaLink=\"true\">{}</guid><pubDate>{}</pubDate><description>{}</description>{categories}</item>\n",
                escape_html(&t.title),
                escape_html(&link),
                escape_html(&link),
                rfc822(t.published),
                escape_html(&t.excerpt)
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>{}</title><link>{}/</link><description>{}</description>\n{items}</channel></rss>\n",
        escape_html(site.name),
        site.url,
        escape_html(description)
    )
}

/// `feed.json`: JSON Feed 1.1 of the newest stories.
pub fn json_feed(site: &SiteInfo, description: &str, stories: &[Teaser]) -> String {
    let items: Vec<_> = stories
        .iter()
        .map(|t| {
            let url = format!("{}{}", site.url, article_path(&t.slug));
            let mut item = json!({
                "id": url, "url": url, "title": t.title, "summary": t.excerpt, "content_text": t.excerpt,
                "date_published": t.published.to_string(),
                "authors": t.authors.iter().map(|a| json!({ "name": a.name })).collect::<Vec<_>>(),
                "tags": t.categories.iter().chain(&t.tags).map(|c| c.name.clone()).collect::<Vec<_>>(),
            });
            if let Some(modified) = t.updated() {
                item["date_modified"] = json!(modified.to_string());
            }
            if let Some(image) = t.hero.as_ref().and_then(|h| absolute_url(site.url, &h.src)) {
                item["image"] = json!(image);
            }
            item
        })
        .collect();
    let feed = json!({
        "version": "https://jsonfeed.org/version/1.1", "title": site.name, "description": description,
        "home_page_url": format!("{}/", site.url), "feed_url": format!("{}/feed.json", site.url), "items": items,
    });
    serde_json::to_string_pretty(&feed).unwrap_or_default() + "\n"
}

pub fn robots(site: &SiteInfo) -> String {
    format!("User-agent: *\nAllow: /\nSitemap: {0}/sitemap.xml\nSitemap: {0}/news-sitemap.xml\n", site.url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleBody, AuthorRef, CommentInfo, Format, Term, UntrustedHtml};
    use crate::time::Timestamp;

    const TEMPLATE: &str = "<!doctype html><html><head><title>Broadsheet</title><script type=\"module\">boot()</script></head><body><noscript>x</noscript></body></html>";
    const SITE: SiteInfo = SiteInfo { name: "Daily & Co", url: "https://news.example" };

    fn chrome(base: &SiteBase) -> Chrome<'_> {
        Chrome { name: SITE.name, tagline: "", logo: None, menu: &[], header_ad: None, consent: None, base }
    }

    fn story(title: &str) -> Article {
        Article {
            teaser: Teaser {
                id: "1".into(),
                slug: "a-story".into(),
                title: title.into(),
                dek: None,
                excerpt: "An excerpt with <tags> & \"quotes\"".into(),
                published: Timestamp(1_793_628_300),
                modified: None,
                authors: vec![AuthorRef { slug: "ann".into(), name: "Ann".into() }],
                categories: vec![Term { slug: "politics".into(), name: "Politics".into() }],
                tags: vec![Term { slug: "tax".into(), name: "Tax".into() }],
                hero: None,
                comments: CommentInfo::default(),
                format: Format::Standard,
                featured: false,
                reading_minutes: 1,
            },
            body: ArticleBody::Html(UntrustedHtml("<p>First <b>para</b>.</p><script>alert(1)</script><p>Second &amp; last</p>".into())),
            source: None,
        }
    }

    #[test]
    fn an_article_page_has_its_head_and_text_and_still_boots() {
        let page = article_page(TEMPLATE, &story("Budget </script><script>alert(1)</script> deal"), &SITE, &chrome(&SiteBase::default()));
        assert!(page.contains("<title>Budget &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; deal – Daily &amp; Co</title>"), "{page}");
        assert_eq!(page.matches("<title>").count(), 1);
        assert!(page.contains("<link rel=\"canonical\" href=\"https://news.example/article/a-story\">"));
        assert!(page.contains("<meta property=\"og:description\" content=\"An excerpt with &lt;tags&gt; &amp; &quot;quotes&quot;\">"));
        assert!(page.contains("<meta property=\"article:section\" content=\"Politics\">"));
        assert!(page.contains("\"@type\":\"BreadcrumbList\""));
        assert!(page.contains("<p>First para.</p><p>Second &amp; last</p>"), "{page}");
        assert!(!page.contains("alert(1)</script>") && page.contains("<script type=\"module\">boot()</script>"));
        // Every JSON-LD block parses.
        for block in page.split("<script type=\"application/ld+json\">").skip(1) {
            let json = block.split("</script>").next().unwrap_or_default();
            assert!(serde_json::from_str::<serde_json::Value>(json).is_ok(), "{json}");
        }
    }

    #[test]
    fn archive_pages_list_their_stories() {
        let heading = ListHeading { title: "Politics".into(), description: String::new(), author: None };
        let page = archive_page(TEMPLATE, &ListKey::Category("politics".into()), &heading, &[story("One").teaser], &SITE, &chrome(&SiteBase::default()));
        assert!(page.contains("<link rel=\"canonical\" href=\"https://news.example/category/politics\">"));
        assert!(page.contains("<div id=\"prerendered\" data-path=\"/category/politics\">"), "{page}");
        assert!(page.contains("<h1>Politics</h1>") && page.contains("<h2 class=\"teaser-title\"><a href=\"/article/a-story\">One</a></h2>"), "{page}");
    }

    #[test]
    fn the_homepage_is_the_template_filled_and_a_rerun_starts_from_the_template_again() {
        let site = Site { name: "Daily & Co".into(), tagline: "All the news".into(), logo: None, copyright: String::new() };
        let newest = [story("Older").teaser, Teaser { slug: "lead".into(), title: "The lead".into(), featured: true, ..story("x").teaser }];
        let page = home_page(TEMPLATE, &site, &newest, &SITE, &chrome(&SiteBase::default()));
        assert!(page.contains("<title>Daily &amp; Co</title>") && page.contains("content=\"Daily &amp; Co – All the news\""), "{page}");
        assert!(page.contains("<div id=\"prerendered\" data-path=\"\">"), "{page}");
        // The featured story leads; the others are the top stories.
        assert!(page.contains("<h2 class=\"lead-title\"><a href=\"/article/lead\">The lead</a></h2>"), "{page}");
        assert!(page.contains("<ol class=\"headline-list\"><li><a href=\"/article/a-story\">Older</a></li></ol>"), "{page}");
        let template = template_of(&page);
        assert_eq!(template, TEMPLATE.replace("<title>Broadsheet</title>", "<title>Daily &amp; Co</title>"));
        assert_eq!(home_page(&template, &site, &newest, &SITE, &chrome(&SiteBase::default())), page);
        assert_eq!(template_of(TEMPLATE), TEMPLATE);
    }

    #[test]
    fn the_marks_are_the_comments_fill_writes() {
        assert_eq!(ADDED, (format!("<!--{}-->", ADDED_MARKS.0).as_str(), format!("<!--{}-->", ADDED_MARKS.1).as_str()));
    }

    #[test]
    fn the_site_url_carries_the_build_base() {
        let news = SiteBase::parse("/news/").expect("valid");
        assert_eq!(site_url("https://news.example/", &SiteBase::default()).as_deref(), Ok("https://news.example"));
        assert_eq!(site_url("https://example.com", &news).as_deref(), Ok("https://example.com/news"));
        assert_eq!(site_url("https://example.com/news/", &news).as_deref(), Ok("https://example.com/news"));
        assert!(site_url("https://example.com/blog", &news).is_err_and(|e| e.contains("--base /blog/")));
        assert!(site_url("https://example.com/news", &SiteBase::default()).is_err());
        for bad in ["example.com", "ftp://example.com", "https://", "https://a\"b.example"] {
            assert!(site_url(bad, &news).is_err(), "{bad}");
        }
    }

    #[test]
    fn pages_under_a_sub_path_point_there() {
        let site = SiteInfo { name: "Daily", url: "https://example.com/news" };
        let news = SiteBase::parse("/news/").expect("valid");
        let page = article_page(TEMPLATE, &story("One"), &site, &chrome(&news));
        assert!(page.contains("<div id=\"prerendered\" data-path=\"/news/article/a-story\">"), "{page}");
        assert!(page.contains("<a href=\"/news/category/politics\" class=\"category-label\">Politics</a>"), "{page}");
        assert!(page.contains("<link rel=\"canonical\" href=\"https://example.com/news/article/a-story\">"), "{page}");
        assert!(page.contains("\"item\":\"https://example.com/news/category/politics\""), "{page}");
        let map = sitemap(&site, &[("/".into(), "2026-11-02T14:05:00Z".into())]);
        assert!(map.contains("<loc>https://example.com/news/</loc>"), "{map}");
        let feed: serde_json::Value = serde_json::from_str(&json_feed(&site, "News", &[story("One").teaser])).unwrap();
        assert_eq!(feed["home_page_url"], "https://example.com/news/");
        assert_eq!(feed["feed_url"], "https://example.com/news/feed.json");
    }

    #[test]
    fn feeds_and_sitemaps_are_well_formed() {
        let stories = [story("One & two").teaser];
        let rss = rss(&SITE, "News", &stories);
        assert!(rss.contains("<title>One &amp; two</title>") && rss.contains("<pubDate>Mon, 02 Nov 2026 14:05:00 +0000</pubDate>"), "{rss}");
        let feed: serde_json::Value = serde_json::from_str(&json_feed(&SITE, "News", &stories)).unwrap();
        assert_eq!(feed["items"][0]["url"], "https://news.example/article/a-story");
        let map = sitemap(&SITE, &[("/article/a-story".into(), "2026-11-02T14:05:00Z".into())]);
        assert!(map.contains("<loc>https://news.example/article/a-story</loc><lastmod>2026-11-02T14:05:00Z</lastmod>"));
        assert!(news_sitemap(&SITE, &[&stories[0]], "en").contains("<news:title>One &amp; two</news:title>"));
        assert!(robots(&SITE).contains("Sitemap: https://news.example/sitemap.xml"));
    }
}
