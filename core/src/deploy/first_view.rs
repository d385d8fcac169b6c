//! What a published page shows before the app has started: the masthead and the page's content in
//! the app's own markup and classes, so the headline and the lead picture paint with the HTML
//! (the app's wasm takes seconds on a slow phone) and the app's takeover changes little on screen.
//! Every value is the backend's text, escaped; a story's body is its paragraphs as text.

use crate::config::{AdSlot, Consent, Link};
use crate::model::{Image, Teaser};
use crate::routes::{article_path, ListKey, SiteBase};
use crate::text::{escape_html, html_to_text};
use crate::time::Timestamp;

/// Stories of the "Top Stories" column, as on the app's homepage.
const TOP_STORIES: usize = 8;

/// The site's header (masthead, search, menu, advertisement), and how to spell its addresses.
pub struct Chrome<'a> {
    pub name: &'a str,
    pub tagline: &'a str,
    pub logo: Option<&'a str>,
    pub menu: &'a [Link],
    pub header_ad: Option<&'a AdSlot>,
    /// The privacy notice's two documents, when the site shows the notice.
    pub consent: Option<&'a Consent>,
    pub base: &'a SiteBase,
}

impl Chrome<'_> {
    /// The whole first view for the page at `path` (a route path such as `/article/x`): the
    /// app's start script (`src/first_view.rs`) keeps it on screen until the app has this page,
    /// and the page's inline check drops it at once when the address is another page's (a host's
    /// fallback to `index.html`).
    pub fn page(&self, path: &str, main: &str) -> String {
        let path = self.base.href(path);
        format!(
            "\n<div id=\"prerendered\" data-path=\"{}\">{}{}<main class=\"page\">{main}</main></div>\n",
            escape_html(path.trim_end_matches('/')),
            self.consent_notice(),
            self.header()
        )
    }

    /// The app's privacy notice in the same box, above the header, so that the page does not move
    /// when the app's own takes its place. Its button waits for the app, as the header's tools do; a
    /// reader who has accepted never sees it (index.html's early script marks `<html>` before the
    /// stylesheet paints: style/chrome.css).
    fn consent_notice(&self) -> String {
        let Some(consent) = self.consent else { return String::new() };
        format!(
            "<section class=\"consent-bar\" aria-label=\"Privacy notice\"><p>By using this site, you agree to the {} and {}.</p><button type=\"button\" class=\"button\" disabled>Accept</button></section>",
            self.link(&consent.privacy, "Privacy Policy", ""),
            self.link(&consent.terms, "Terms of Use", "")
        )
    }

    /// The app's header in the same boxes, so that nothing moves when the app takes over: the
    /// reader's tools and the menu button hold their place until the app brings them; the search
    /// form is a real one (the app carries a query typed here over).
    fn header(&self) -> String {
        let name = match self.logo {
            Some(logo) => format!("<img src=\"{}\" alt=\"{}\" height=\"40\">", escape_html(&self.base.href(logo)), escape_html(self.name)),
            None => format!("<span>{}</span>", escape_html(self.name)),
        };
        let tagline = if self.tagline.is_empty() { String::new() } else { format!("<p class=\"tagline\">{}</p>", escape_html(self.tagline)) };
        let links: String = self.menu.iter().map(|link| format!("<li>{}</li>", self.link(&link.href, &link.label, ""))).collect();
        let ad = self.header_ad.map(|ad| {
            format!(
                "<div class=\"ad ad-header\" role=\"group\" aria-label=\"Advertisement\"><p class=\"ad-label\" aria-hidden=\"true\">- Advertisement -</p><a class=\"ad-box\" href=\"{}\" rel=\"sponsored noopener\"><img src=\"{}\" alt=\"{}\" width=\"{}\" height=\"{}\" loading=\"lazy\" decoding=\"async\"></a></div>",
                escape_html(&self.base.href(&ad.href)),
                escape_html(&self.base.href(&ad.image)),
                escape_html(&ad.label),
                ad.width,
                ad.height
            )
        });
        format!(
            "<header class=\"site-header\"><div class=\"top-bar\" aria-hidden=\"true\"><button type=\"button\" class=\"tool\" disabled>&nbsp;</button></div><div class=\"masthead\"><a href=\"{}\" class=\"site-name\">{name}</a>{tagline}<form action=\"{}\" method=\"get\" role=\"search\" class=\"search-form\" aria-label=\"Site search\"><label for=\"first-view-search\" class=\"visually-hidden\">Search</label><div class=\"search-box\"><input id=\"first-view-search\" type=\"search\" name=\"q\" placeholder=\"Search\" autocomplete=\"off\"></div><button type=\"submit\">Search</button></form></div><nav class=\"main-menu\" aria-label=\"Main\"><button type=\"button\" class=\"menu-toggle\" aria-hidden=\"true\" disabled>Menu</button><ul>{links}</ul></nav>{}</header>",
            escape_html(&self.base.href("/")),
            escape_html(&self.base.href(crate::routes::SEARCH_PATH)),
            ad.unwrap_or_default()
        )
    }

    fn link(&self, path: &str, text: &str, class: &str) -> String {
        let class = if class.is_empty() { String::new() } else { format!(" class=\"{class}\"") };
        format!("<a href=\"{}\"{class}>{}</a>", escape_html(&self.base.href(path)), escape_html(text))
    }

    fn picture(&self, image: &Image, sizes: &str, eager: bool) -> String {
        let srcset = image.srcset_attr(self.base).map(|s| format!(" srcset=\"{}\" sizes=\"{sizes}\"", escape_html(&s))).unwrap_or_default();
        let loading = if eager { "loading=\"eager\" fetchpriority=\"high\"" } else { "loading=\"lazy\"" };
        format!(
            "<img src=\"{}\" alt=\"{}\" width=\"{}\" height=\"{}\"{srcset} {loading} decoding=\"async\">",
            escape_html(&self.base.href(&image.src)),
            escape_html(&image.alt),
            image.width,
            image.height
        )
    }

    /// A picture linking to its story, out of the tab order and the accessibility tree: the
    /// headline beside it is the same link.
    fn picture_link(&self, path: &str, class: &str, picture: String) -> String {
        format!("<a href=\"{}\" class=\"{class}\" tabindex=\"-1\" aria-hidden=\"true\">{picture}</a>", escape_html(&self.base.href(path)))
    }

    fn category_label(&self, teaser: &Teaser) -> String {
        teaser.primary_category().map(|c| self.link(&ListKey::Category(c.slug.clone()).path(1), &c.name, "category-label")).unwrap_or_default()
    }

    fn teaser_meta(&self, teaser: &Teaser) -> String {
        let authors = teaser.authors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", ");
        let byline = if authors.is_empty() { String::new() } else { format!("<span class=\"byline\">By {}</span>", escape_html(&authors)) };
        let minutes = if teaser.reading_minutes > 0 { format!("<span>{} min read</span>", teaser.reading_minutes) } else { String::new() };
        format!("<p class=\"teaser-meta\">{byline}{}{minutes}</p>", time(teaser.published))
    }

    /// A story's header, hero and text, as the app's article page lays them out.
    pub fn article(&self, teaser: &Teaser, body_html: &str) -> String {
        let mut crumbs = format!("<li>{}</li>", self.link("/", "Home", ""));
        if let Some(category) = teaser.primary_category() {
            crumbs += &format!("<li>{}</li>", self.link(&ListKey::Category(category.slug.clone()).path(1), &category.name, ""));
        }
        crumbs += &format!("<li aria-current=\"page\">{}</li>", escape_html(&teaser.title));
        let dek = teaser.dek.as_deref().map(|d| format!("<p class=\"dek\">{}</p>", escape_html(d))).unwrap_or_default();
        let authors: Vec<String> = teaser.authors.iter().map(|a| self.link(&ListKey::Author(a.slug.clone()).path(1), &a.name, "")).collect();
        let updated = teaser.updated().map(|at| format!("<span class=\"updated\">Last updated: {}</span>", time(at))).unwrap_or_default();
        let hero = teaser.hero.as_ref().map(|image| {
            let notes: String = [("caption", &image.caption), ("credit", &image.credit)]
                .iter()
                .filter_map(|(class, text)| text.as_deref().map(|t| format!("<span class=\"{class}\">{}</span>", escape_html(t))))
                .collect();
            let caption = if notes.is_empty() { notes } else { format!("<figcaption>{notes}</figcaption>") };
            format!("<figure class=\"hero\">{}{caption}</figure>", self.picture(image, "(min-width: 960px) 900px, 100vw", true))
        });
        format!(
            "<article class=\"article\"><nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\"><ol>{crumbs}</ol></nav><header class=\"article-header\">{}<h1>{}</h1>{dek}<div class=\"article-meta\"><p class=\"byline\">By {}</p><p class=\"dates\">Published {}{updated}</p><p class=\"reading-time\">{} min read</p></div></header>{}<div class=\"article-text\"><div class=\"article-body\">{}</div></div></article>",
            self.category_label(teaser),
            escape_html(&teaser.title),
            authors.join(", "),
            time(teaser.published),
            teaser.reading_minutes,
            hero.unwrap_or_default(),
            paragraphs(body_html)
        )
    }

    /// The top of the homepage: the lead story and the top stories, from the newest stories.
    pub fn front_page(&self, site_name: &str, newest: &[Teaser]) -> String {
        let heading = format!("<h1 class=\"visually-hidden\">{}</h1>", escape_html(site_name));
        let Some(lead_at) = (!newest.is_empty()).then(|| newest.iter().position(|t| t.featured).unwrap_or(0)) else {
            return heading;
        };
        let lead = &newest[lead_at];
        let href = article_path(&lead.slug);
        let image = lead.hero.as_ref().map(|image| self.picture_link(&href, "lead-image", self.picture(image, "(min-width: 900px) 640px, 100vw", true)));
        let top: String = newest
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != lead_at)
            .take(TOP_STORIES)
            .map(|(_, t)| format!("<li>{}</li>", self.link(&article_path(&t.slug), &t.title, "")))
            .collect();
        format!(
            "{heading}<div class=\"front-page\"><article class=\"lead-story\">{}<div class=\"lead-text\">{}<h2 class=\"lead-title\">{}</h2><p class=\"lead-excerpt\">{}</p>{}</div></article><section class=\"top-stories\" aria-labelledby=\"top-stories-heading\"><h2 id=\"top-stories-heading\" class=\"section-heading\">Top Stories</h2><ol class=\"headline-list\">{top}</ol></section></div>",
            image.unwrap_or_default(),
            self.category_label(lead),
            self.link(&href, &lead.title, ""),
            escape_html(lead.dek.as_deref().unwrap_or(&lead.excerpt)),
            self.teaser_meta(lead)
        )
    }

    /// An archive's heading and its first stories as cards.
    pub fn archive(&self, title: &str, description: &str, stories: &[Teaser]) -> String {
        let description = if description.is_empty() { String::new() } else { format!("<p class=\"description\">{}</p>", escape_html(description)) };
        let cards: String = stories
            .iter()
            .map(|t| {
                let href = article_path(&t.slug);
                let image = t.hero.as_ref().map(|image| self.picture_link(&href, "teaser-image", self.picture(image, "(min-width: 900px) 300px, 100vw", false)));
                format!(
                    "<article class=\"teaser-card\">{}<div class=\"teaser-text\">{}<h2 class=\"teaser-title\">{}</h2><p class=\"teaser-excerpt\">{}</p>{}</div></article>",
                    image.unwrap_or_default(),
                    self.category_label(t),
                    self.link(&href, &t.title, ""),
                    escape_html(&t.excerpt),
                    self.teaser_meta(t)
                )
            })
            .collect();
        format!("<header class=\"archive-header\"><h1>{}</h1>{description}</header><div class=\"teaser-list\">{cards}</div>", escape_html(title))
    }
}

/// `<time>` with the day in words, in UTC; the app restates it in the reader's time zone.
fn time(at: Timestamp) -> String {
    const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let text = at.to_string();
    let (year, month, day) = (&text[0..4], &text[5..7], &text[8..10]);
    let month = month.parse::<usize>().ok().and_then(|m| MONTHS.get(m.wrapping_sub(1))).copied().unwrap_or_default();
    format!("<time datetime=\"{text}\">{month} {}, {year}</time>", day.trim_start_matches('0'))
}

/// The text of a story's HTML, paragraph by paragraph, as escaped `<p>`s: text only, so nothing
/// from the backend is ever markup here.
pub fn paragraphs(html: &str) -> String {
    html.split("</p>")
        .map(html_to_text)
        .filter(|text| !text.is_empty())
        .map(|text| format!("<p>{}</p>", escape_html(&text)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AuthorRef, CommentInfo, Format, Term};

    fn teaser() -> Teaser {
        Teaser {
            id: "1".into(),
            slug: "a-story".into(),
            title: "Tax <b>cut</b> & \"more\"".into(),
            dek: Some("A dek".into()),
            excerpt: "An excerpt".into(),
            published: Timestamp(1_793_628_300),
            modified: None,
            authors: vec![AuthorRef { slug: "ann".into(), name: "Ann <i>".into() }, AuthorRef { slug: "bo".into(), name: "Bo".into() }],
            categories: vec![Term { slug: "politics".into(), name: "Politics".into() }],
            tags: vec![],
            hero: Some(Image {
                src: "/content/a.jpg".into(),
                width: 1200,
                height: 675,
                alt: "A \"hall\"".into(),
                caption: Some("The hall".into()),
                credit: None,
                srcset: vec![crate::model::ImageSource { src: "/content/a-600.jpg".into(), width: 600 }],
            }),
            comments: CommentInfo::default(),
            format: Format::Standard,
            featured: false,
            reading_minutes: 4,
        }
    }

    #[test]
    fn a_story_shows_as_the_app_lays_it_out_with_everything_escaped() {
        let base = SiteBase::parse("/news/").expect("valid");
        let menu = [Link { label: "World & <Nation>".into(), href: "/category/world".into() }];
        let ad = AdSlot { placement: crate::config::Placement::Header, width: 728, height: 90, image: "/ads/a.svg".into(), href: "https://shop.example/?a=1&b=2".into(), label: "Shop <now>".into() };
        let consent = Consent { privacy: "/page/privacy".into(), terms: "https://t.example/terms?a&b".into() };
        let chrome = Chrome { name: "Daily", tagline: "News", logo: None, menu: &menu, header_ad: Some(&ad), consent: Some(&consent), base: &base };
        let page = chrome.page("/article/a-story", &chrome.article(&teaser(), "<p>One <script>x()</script></p><p>Two &amp; three</p>"));
        for expected in [
            "<div id=\"prerendered\" data-path=\"/news/article/a-story\"><section class=\"consent-bar\" aria-label=\"Privacy notice\"><p>By using this site, you agree to the <a href=\"/news/page/privacy\">Privacy Policy</a> and <a href=\"https://t.example/terms?a&amp;b\">Terms of Use</a>.</p><button type=\"button\" class=\"button\" disabled>Accept</button></section><header class=\"site-header\">",
            "<a href=\"/news/\" class=\"site-name\"><span>Daily</span></a><p class=\"tagline\">News</p><form",
            "<li><a href=\"/news/category/world\">World &amp; &lt;Nation&gt;</a></li>",
            "<form action=\"/news/search\" method=\"get\" role=\"search\"",
            "<a class=\"ad-box\" href=\"https://shop.example/?a=1&amp;b=2\" rel=\"sponsored noopener\"><img src=\"/news/ads/a.svg\" alt=\"Shop &lt;now&gt;\" width=\"728\" height=\"90\"",
            "<h1>Tax &lt;b&gt;cut&lt;/b&gt; &amp; &quot;more&quot;</h1><p class=\"dek\">A dek</p>",
            "<p class=\"byline\">By <a href=\"/news/author/ann\">Ann &lt;i&gt;</a>, <a href=\"/news/author/bo\">Bo</a></p>",
            "Published <time datetime=\"2026-11-02T14:05:00Z\">November 2, 2026</time>",
            "<p class=\"reading-time\">4 min read</p>",
            "<img src=\"/news/content/a.jpg\" alt=\"A &quot;hall&quot;\" width=\"1200\" height=\"675\" srcset=\"/news/content/a-600.jpg 600w\" sizes=\"(min-width: 960px) 900px, 100vw\" loading=\"eager\" fetchpriority=\"high\"",
            "<figcaption><span class=\"caption\">The hall</span></figcaption>",
            "<div class=\"article-body\"><p>One</p><p>Two &amp; three</p></div>",
        ] {
            assert!(page.contains(expected), "{expected}\n{page}");
        }
        assert!(!page.contains("<script") && !page.contains("<b>") && !page.contains("<i>"), "{page}");
    }

    #[test]
    fn archives_list_cards_with_lazy_pictures() {
        let base = SiteBase::default();
        let chrome = Chrome { name: "Daily", tagline: "", logo: Some("/logo.svg"), menu: &[], header_ad: None, consent: None, base: &base };
        let archive = chrome.archive("Politics", "Who governs", &[teaser()]);
        assert!(archive.starts_with("<header class=\"archive-header\"><h1>Politics</h1><p class=\"description\">Who governs</p></header>"), "{archive}");
        assert!(archive.contains("loading=\"lazy\"") && !archive.contains("fetchpriority"), "{archive}");
        assert!(archive.contains("<span class=\"byline\">By Ann &lt;i&gt;, Bo</span><time datetime=\"2026-11-02T14:05:00Z\">November 2, 2026</time><span>4 min read</span>"), "{archive}");
        assert!(chrome.header().contains("<img src=\"/logo.svg\" alt=\"Daily\" height=\"40\">"));
        assert_eq!(chrome.front_page("Daily", &[]), "<h1 class=\"visually-hidden\">Daily</h1>");
        assert!(chrome.page("/", "").contains("\"><header class=\"site-header\">"), "no notice without `consent`");
    }
}
