//! What search engines and social sites read about a page: a story's absolute addresses, Open
//! Graph values and the schema.org `NewsArticle` as JSON-LD, and the other pages' descriptions.

use crate::config::Site;
use crate::model::{ListHeading, Teaser};
use crate::text::{collapse_whitespace, shorten};
use crate::routes::{article_path, ListKey};
use serde::Serialize;

/// The head of a story's page, every address absolute.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleHead {
    pub site_name: String,
    pub canonical: String,
    pub title: String,
    pub description: String,
    pub image: Option<HeadImage>,
    /// RFC 3339.
    pub published: String,
    /// RFC 3339; the publication time when the story never changed.
    pub modified: String,
    pub section: Option<String>,
    pub tags: Vec<String>,
    /// The `NewsArticle` object, safe to place inside `<script type="application/ld+json">`.
    pub json_ld: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeadImage {
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

impl ArticleHead {
    /// `site_url` is the site's own address with its sub-path if any, such as `https://news.example`
    /// or `https://example.com/news` (the app's addresses and site paths live under it).
    pub fn new(teaser: &Teaser, site_url: &str, site_name: &str) -> ArticleHead {
        let origin = site_url.trim_end_matches('/');
        let canonical = format!("{origin}{}", article_path(&teaser.slug));
        let description = if teaser.excerpt.is_empty() { teaser.dek.clone().unwrap_or_default() } else { teaser.excerpt.clone() };
        let image = teaser.hero.as_ref().and_then(|hero| {
            Some(HeadImage { url: absolute_url(origin, &hero.src)?, width: hero.width, height: hero.height, alt: hero.alt.clone() })
        });
        let published = teaser.published.to_string();
        let modified = teaser.updated().map_or_else(|| published.clone(), |at| at.to_string());
        let author_urls: Vec<String> =
            teaser.authors.iter().map(|a| format!("{origin}{}", ListKey::Author(a.slug.clone()).path(1))).collect();
        let article = NewsArticle {
            context: "https://schema.org",
            kind: "NewsArticle",
            headline: &teaser.title,
            description: &description,
            image: image.as_ref().map(|i| [i.url.as_str()]),
            date_published: &published,
            date_modified: &modified,
            author: teaser.authors.iter().zip(&author_urls).map(|(a, url)| Thing { kind: "Person", name: &a.name, url }).collect(),
            publisher: Organization { kind: "Organization", name: site_name },
            main_entity_of_page: WebPage { kind: "WebPage", id: &canonical },
            article_section: teaser.primary_category().map(|c| c.name.as_str()),
        };
        ArticleHead {
            json_ld: script_safe_json(&article),
            site_name: site_name.to_string(),
            canonical,
            title: teaser.title.clone(),
            description,
            image,
            published,
            modified,
            section: teaser.primary_category().map(|c| c.name.clone()),
            tags: teaser.tags.iter().map(|t| t.name.clone()).collect(),
        }
    }
}

impl ArticleHead {
    /// The Open Graph `<meta property>` pairs, in the order a head lists them.
    pub fn open_graph(&self) -> Vec<(&'static str, String)> {
        let mut tags = vec![
            ("og:type", "article".to_string()),
            ("og:site_name", self.site_name.clone()),
            ("og:title", self.title.clone()),
            ("og:description", self.description.clone()),
            ("og:url", self.canonical.clone()),
        ];
        if let Some(image) = &self.image {
            tags.extend([
                ("og:image", image.url.clone()),
                ("og:image:width", image.width.to_string()),
                ("og:image:height", image.height.to_string()),
                ("og:image:alt", image.alt.clone()),
            ]);
        }
        tags.push(("article:published_time", self.published.clone()));
        tags.push(("article:modified_time", self.modified.clone()));
        tags.extend(self.section.iter().map(|section| ("article:section", section.clone())));
        tags.extend(self.tags.iter().map(|tag| ("article:tag", tag.clone())));
        tags
    }

    /// The Twitter card: the large picture when there is one.
    pub fn twitter_card(&self) -> &'static str {
        if self.image.is_some() { "summary_large_image" } else { "summary" }
    }
}

/// `href` made absolute against `origin` (a site URL: site paths live under its sub-path); `None` for anything that is not an `http(s)` address or
/// a path (an image under `data:` means nothing to a crawler).
pub fn absolute_url(origin: &str, href: &str) -> Option<String> {
    let href = href.trim();
    let lower = href.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        Some(href.to_string())
    } else if let Some(rest) = href.strip_prefix("//") {
        let scheme = origin.split_once("://").map_or("https", |(scheme, _)| scheme);
        Some(format!("{scheme}://{rest}"))
    } else if href.starts_with('/') {
        Some(format!("{origin}{href}"))
    } else if href.is_empty() || href.split(['/', '?', '#']).next().is_some_and(|first| first.contains(':')) {
        None
    } else {
        Some(format!("{origin}/{href}"))
    }
}

/// schema.org's `NewsArticle`, as much of it as search engines use.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NewsArticle<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    headline: &'a str,
    description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<[&'a str; 1]>,
    date_published: &'a str,
    date_modified: &'a str,
    author: Vec<Thing<'a>>,
    publisher: Organization<'a>,
    main_entity_of_page: WebPage<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    article_section: Option<&'a str>,
}

/// A `Person` with a page of their own.
#[derive(Serialize)]
struct Thing<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct Organization<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
struct WebPage<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "@id")]
    id: &'a str,
}

/// `value` as JSON text that cannot end the `<script>` element holding it: `<`, `>` and `&` are
/// written as `\u003c`, `\u003e`, `\u0026` (JSON outside strings has none of them), and the two
/// line separators that old JavaScript parsers choke on are escaped too. The value is unchanged.
pub fn script_safe_json<T: Serialize + ?Sized>(value: &T) -> String {
    // Plain structs and `Value`s always serialize.
    let text = serde_json::to_string(value).unwrap_or_default();
    let mut safe = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => safe.push_str("\\u003c"),
            '>' => safe.push_str("\\u003e"),
            '&' => safe.push_str("\\u0026"),
            '\u{2028}' => safe.push_str("\\u2028"),
            '\u{2029}' => safe.push_str("\\u2029"),
            other => safe.push(other),
        }
    }
    safe
}

/// A page's document title: "{title} – {site name}", or the site's name alone for the site itself
/// (the homepage, or a page that has not named itself yet).
pub fn document_title(title: &str, site_name: &str) -> String {
    if title.is_empty() || title == site_name { site_name.to_string() } else { format!("{title} – {site_name}") }
}

/// The homepage's description: the site's name and tagline.
pub fn home_description(site: &Site) -> String {
    let tagline = collapse_whitespace(&site.tagline);
    if tagline.is_empty() { site.name.clone() } else { format!("{} – {tagline}", site.name) }
}

/// A list page's description: its own introduction, else what it lists.
pub fn list_description(site_name: &str, heading: &ListHeading) -> String {
    let introduction = collapse_whitespace(&heading.description);
    if introduction.is_empty() {
        format!("{}: the latest stories from {site_name}.", heading.title)
    } else {
        shorten(&introduction, DESCRIPTION_LENGTH)
    }
}

/// Search engines show about this many characters of a description.
const DESCRIPTION_LENGTH: usize = 160;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AuthorRef, CommentInfo, Format, Image, Term};
    use crate::time::Timestamp;
    use serde_json::{json, Value};

    #[test]
    fn a_page_is_titled_with_the_site_name_after_its_own() {
        assert_eq!(document_title("Politics", "Broadsheet"), "Politics – Broadsheet");
        assert_eq!(document_title("Broadsheet", "Broadsheet"), "Broadsheet");
        assert_eq!(document_title("", "Broadsheet"), "Broadsheet");
    }

    #[test]
    fn home_and_list_pages_describe_themselves() {
        let site = Site { name: "Broadsheet".into(), tagline: " Independent  news ".into(), logo: None, copyright: String::new() };
        assert_eq!(home_description(&site), "Broadsheet – Independent news");
        assert_eq!(home_description(&Site { tagline: String::new(), ..site }), "Broadsheet");
        let mut heading = ListHeading { title: "Politics".into(), description: String::new(), author: None };
        assert_eq!(list_description("Broadsheet", &heading), "Politics: the latest stories from Broadsheet.");
        heading.description = format!("Statehouse {}", "and council ".repeat(30));
        let described = list_description("Broadsheet", &heading);
        assert!(described.starts_with("Statehouse and council") && described.chars().count() <= 161, "{described}");
    }

    fn teaser(title: &str) -> Teaser {
        Teaser {
            id: "a7".into(),
            slug: "budget-deal".into(),
            title: title.into(),
            dek: None,
            excerpt: "Lawmakers approved a plan.".into(),
            published: Timestamp::parse("2026-10-09T03:10:00Z").unwrap(),
            modified: Timestamp::parse("2026-10-09T16:45:00Z"),
            authors: vec![AuthorRef { slug: "helen-marsh".into(), name: "Helen Marsh".into() }],
            categories: vec![Term { slug: "politics".into(), name: "Politics".into() }],
            tags: vec![Term { slug: "budget".into(), name: "Budget".into() }],
            hero: Some(Image {
                src: "/content/images/capitol.svg".into(),
                width: 1200,
                height: 675,
                alt: "A capitol".into(),
                caption: None,
                credit: None,
                srcset: vec![],
            }),
            comments: CommentInfo::default(),
            format: Format::Standard,
            featured: false,
            reading_minutes: 3,
        }
    }

    #[test]
    fn head_values_are_absolute() {
        let head = ArticleHead::new(&teaser("Budget deal"), "https://news.example/", "Broadsheet");
        assert_eq!(head.canonical, "https://news.example/article/budget-deal");
        assert_eq!(head.image.as_ref().map(|i| (i.url.as_str(), i.width, i.height)), Some(("https://news.example/content/images/capitol.svg", 1200, 675)));
        assert_eq!(head.published, "2026-10-09T03:10:00Z");
        assert_eq!(head.modified, "2026-10-09T16:45:00Z");
        assert_eq!(head.section.as_deref(), Some("Politics"));
        assert_eq!(head.tags, vec!["Budget".to_string()]);
    }

    #[test]
    fn open_graph_describes_the_article() {
        let head = ArticleHead::new(&teaser("Budget deal"), "https://news.example", "Broadsheet");
        let tags = head.open_graph();
        let value = |name: &str| tags.iter().filter(|(n, _)| *n == name).map(|(_, v)| v.as_str()).collect::<Vec<_>>();
        assert_eq!(value("og:type"), ["article"]);
        assert_eq!(value("og:site_name"), ["Broadsheet"]);
        assert_eq!(value("og:title"), ["Budget deal"]);
        assert_eq!(value("og:url"), ["https://news.example/article/budget-deal"]);
        assert_eq!(value("og:image"), ["https://news.example/content/images/capitol.svg"]);
        assert_eq!((value("og:image:width"), value("og:image:height")), (vec!["1200"], vec!["675"]));
        assert_eq!(value("article:published_time"), ["2026-10-09T03:10:00Z"]);
        assert_eq!(value("article:modified_time"), ["2026-10-09T16:45:00Z"]);
        assert_eq!(value("article:section"), ["Politics"]);
        assert_eq!(value("article:tag"), ["Budget"]);
        assert_eq!(head.twitter_card(), "summary_large_image");
        let mut plain = teaser("Plain");
        plain.hero = None;
        let head = ArticleHead::new(&plain, "https://news.example", "Broadsheet");
        assert!(head.open_graph().iter().all(|(n, _)| !n.starts_with("og:image")));
        assert_eq!(head.twitter_card(), "summary");
    }

    #[test]
    fn json_ld_is_a_news_article() {
        let head = ArticleHead::new(&teaser("Budget deal"), "https://news.example", "Broadsheet");
        let value: Value = serde_json::from_str(&head.json_ld).unwrap();
        assert_eq!(value["@type"], "NewsArticle");
        assert_eq!(value["headline"], "Budget deal");
        assert_eq!(value["description"], "Lawmakers approved a plan.");
        assert_eq!(value["image"][0], "https://news.example/content/images/capitol.svg");
        assert_eq!(value["datePublished"], "2026-10-09T03:10:00Z");
        assert_eq!(value["dateModified"], "2026-10-09T16:45:00Z");
        assert_eq!(value["author"][0], json!({ "@type": "Person", "name": "Helen Marsh", "url": "https://news.example/author/helen-marsh" }));
        assert_eq!(value["publisher"]["name"], "Broadsheet");
        assert_eq!(value["mainEntityOfPage"]["@id"], "https://news.example/article/budget-deal");
    }

    #[test]
    fn an_unchanged_story_was_modified_when_published_and_may_lack_an_image() {
        let mut story = teaser("Plain");
        story.modified = None;
        story.hero = None;
        let head = ArticleHead::new(&story, "https://news.example", "Broadsheet");
        assert_eq!(head.modified, head.published);
        let value: Value = serde_json::from_str(&head.json_ld).unwrap();
        assert!(value.get("image").is_none());
    }

    #[test]
    fn a_hostile_title_cannot_close_the_script_element() {
        let title = "</script><script>alert(1)</script> <!-- & \u{2028}";
        let head = ArticleHead::new(&teaser(title), "https://news.example", "Broad</SCRIPT>sheet");
        let lower = head.json_ld.to_ascii_lowercase();
        assert!(!lower.contains("</script") && !lower.contains("<!--") && !head.json_ld.contains('<'), "{}", head.json_ld);
        assert!(head.json_ld.contains("\\u003c/script\\u003e"));
        let value: Value = serde_json::from_str(&head.json_ld).unwrap();
        assert_eq!(value["headline"], title, "the escaped text still means the same title");
        assert_eq!(value["publisher"]["name"], "Broad</SCRIPT>sheet");
    }

    #[test]
    fn addresses_resolve_against_the_origin() {
        let origin = "https://news.example";
        assert_eq!(absolute_url(origin, "/a.svg").as_deref(), Some("https://news.example/a.svg"));
        assert_eq!(absolute_url(origin, "a.svg").as_deref(), Some("https://news.example/a.svg"));
        assert_eq!(absolute_url(origin, "https://cdn.example/a.jpg").as_deref(), Some("https://cdn.example/a.jpg"));
        assert_eq!(absolute_url(origin, "//cdn.example/a.jpg").as_deref(), Some("https://cdn.example/a.jpg"));
        assert_eq!(absolute_url("http://127.0.0.1:8080", "//cdn.example/a.jpg").as_deref(), Some("http://cdn.example/a.jpg"));
        for bad in ["", "data:image/png;base64,AAAA", "javascript:alert(1)"] {
            assert_eq!(absolute_url(origin, bad), None, "{bad}");
        }
    }
}
