//! What backend HTML may keep: the allowlist that the app's DOM sanitizer applies node by node.
//! The browser parses (inertly, with `DOMParser`); this decides, so it is testable natively.

use crate::routes::SiteBase;

/// What to do with an element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElementRule {
    /// Keep it (under this name) with its allowed attributes and cleaned children.
    Keep(&'static str),
    /// Drop the tag but keep its cleaned children (unknown or presentational wrappers).
    Unwrap,
    /// Drop it and everything inside: active content, forms, foreign markup, document metadata.
    Remove,
}

const KEPT: &[&str] = &[
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "div", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "iframe", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "time", "tr", "u", "ul",
];

const REMOVED: &[&str] = &[
    "script", "style", "template", "noscript", "noembed", "noframes", "svg", "math", "object", "embed", "applet",
    "form", "input", "button", "select", "option", "optgroup", "textarea", "datalist", "output", "frame", "frameset",
    "base", "meta", "link", "title", "head", "portal", "xmp", "plaintext", "listing", "dialog",
    "slot", "audio", "video", "source", "track", "canvas", "map", "area", "param",
];

/// The rule for a tag name as the DOM reports it (any case).
pub fn element_rule(tag: &str) -> ElementRule {
    let tag = tag.to_ascii_lowercase();
    // A story's own headline is the page's only h1.
    if tag == "h1" {
        return ElementRule::Keep("h2");
    }
    if let Some(kept) = KEPT.iter().find(|k| **k == tag) {
        return ElementRule::Keep(kept);
    }
    if REMOVED.contains(&tag.as_str()) || tag.contains(':') {
        ElementRule::Remove
    } else {
        ElementRule::Unwrap
    }
}

/// Hosts whose iframes count as embeds when the publisher configures none.
pub const DEFAULT_EMBED_HOSTS: &[&str] =
    &["www.youtube.com", "www.youtube-nocookie.com", "player.vimeo.com", "platform.twitter.com", "www.facebook.com"];

/// Settings of the policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    /// Hosts from which an `https` iframe may be kept (`security.embed_hosts` in config.json).
    pub embed_hosts: Vec<String>,
    /// Where the site is served: the content's site paths (`/article/x`, `/content/a.svg`) are
    /// rewritten under it.
    pub site_base: SiteBase,
}

impl Default for Policy {
    fn default() -> Self {
        Policy { embed_hosts: DEFAULT_EMBED_HOSTS.iter().map(|h| h.to_string()).collect(), site_base: SiteBase::default() }
    }
}

impl Policy {
    /// The value to keep for attribute `name` on kept element `tag`, or `None` to drop it.
    pub fn attribute(&self, tag: &str, name: &str, value: &str) -> Option<String> {
        let name = name.to_ascii_lowercase();
        let plain = || Some(value.to_string());
        match (tag, name.as_str()) {
            (_, "title" | "lang" | "dir") => plain(),
            (_, "class") => Some(clean_classes(value)).filter(|c| !c.is_empty()),
            ("a", "href") | ("blockquote" | "q" | "del" | "ins", "cite") | ("img", "src") => {
                safe_url(value).map(|url| self.site_base.href(&url))
            }
            ("img", "srcset") => safe_srcset(value, &self.site_base),
            ("img", "alt" | "sizes") => plain(),
            ("img" | "iframe" | "col" | "td" | "th", "width" | "height") => numeric(value),
            ("td" | "th", "colspan" | "rowspan") | ("col" | "colgroup", "span") => numeric(value),
            ("th", "scope") => matches!(value, "row" | "col" | "rowgroup" | "colgroup").then(plain).flatten(),
            ("ol", "start") => numeric(value),
            ("ol", "reversed") => Some(String::new()),
            ("ol" | "ul", "type") => matches!(value, "1" | "a" | "A" | "i" | "I" | "disc" | "circle" | "square").then(plain).flatten(),
            ("time", "datetime") => plain(),
            ("iframe", "src") => self.embed_src(value),
            ("iframe", "allowfullscreen") => Some(String::new()),
            _ => None,
        }
    }

    /// Attributes the sanitizer adds to kept elements whatever the source said, after the kept ones.
    pub fn forced_attributes(&self, tag: &str, kept: &[(String, String)]) -> Vec<(&'static str, &'static str)> {
        match tag {
            "a" if kept.iter().any(|(n, v)| n == "href" && is_external(v)) => {
                vec![("rel", "noopener noreferrer nofollow"), ("target", "_blank")]
            }
            "img" => vec![("loading", "lazy"), ("decoding", "async")],
            "iframe" => vec![
                ("sandbox", "allow-scripts allow-same-origin allow-presentation allow-popups"),
                ("loading", "lazy"),
                ("referrerpolicy", "strict-origin-when-cross-origin"),
            ],
            _ => Vec::new(),
        }
    }

    /// An iframe address, kept only as `https` from an embed host.
    fn embed_src(&self, value: &str) -> Option<String> {
        let url = safe_url(value)?;
        let rest = url.strip_prefix("https://")?;
        let host = rest.split(['/', '?', '#']).next()?;
        self.embed_hosts.iter().any(|h| h.eq_ignore_ascii_case(host)).then_some(url)
    }
}

/// Whether an element kept by the policy needs a required attribute it lost (an iframe without a
/// permitted source is dropped entirely rather than left empty).
pub fn required_attribute(tag: &str) -> Option<&'static str> {
    match tag {
        "iframe" | "img" => Some("src"),
        _ => None,
    }
}

/// The texts of `html` when it is only `<p>` elements holding plain text, as most comments are:
/// the sanitizer can then make the paragraphs itself instead of having the browser parse a whole
/// document per comment. Anything the HTML parser would read differently from the characters
/// written (a tag, an entity, a carriage return, a NUL) means `None`: the full path handles it.
/// Whitespace between paragraphs is dropped; it shows nothing between blocks.
pub fn plain_paragraphs(html: &str) -> Option<Vec<&str>> {
    let mut paragraphs = Vec::new();
    let mut rest = html.trim_start_matches(is_html_space);
    while !rest.is_empty() {
        let (text, after) = rest.strip_prefix("<p>")?.split_once("</p>")?;
        if text.contains(['<', '&', '\r', '\0']) {
            return None;
        }
        paragraphs.push(text);
        rest = after.trim_start_matches(is_html_space);
    }
    Some(paragraphs)
}

/// HTML's whitespace (not Rust's, which has more).
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0c')
}

fn numeric(value: &str) -> Option<String> {
    let v = value.trim();
    (!v.is_empty() && v.len() <= 5 && v.bytes().all(|b| b.is_ascii_digit())).then(|| v.to_string())
}

fn clean_classes(value: &str) -> String {
    value
        .split_ascii_whitespace()
        .filter(|c| c.len() <= 64 && c.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a kept link leaves the site, as the browser resolves it: browsers read `\\` as `/`,
/// so `\\\\host`, `/\\host` and `https:host` all name another host.
fn is_external(url: &str) -> bool {
    let lower = url.replace('\\', "/").to_ascii_lowercase();
    lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("//")
}

/// Whether a kept element keeps its content: an iframe's "content" is fallback text that no
/// browser shows, so it goes.
pub fn keeps_children(tag: &str) -> bool {
    tag != "iframe"
}

/// A URL as the browser will read it, kept only when its scheme is `http`, `https`, `mailto` or
/// `tel`, or when it is relative. Tabs and newlines are removed first, as URL parsers do, so that
/// `java\tscript:` cannot pass as relative.
pub fn safe_url(value: &str) -> Option<String> {
    let url: String = value
        .trim_matches(|c: char| c.is_ascii_whitespace() || c.is_control())
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if url.chars().any(|c| c.is_control()) {
        return None;
    }
    let scheme_end = url.find(':');
    let path_start = url.find(['/', '?', '#']);
    match (scheme_end, path_start) {
        (Some(colon), Some(path)) if colon > path => Some(url),
        (Some(colon), _) => {
            let scheme = url[..colon].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel").then_some(url)
        }
        (None, _) => Some(url),
    }
}

/// A `srcset` whose every candidate URL is safe (site paths put under `site_base`); otherwise
/// dropped whole.
fn safe_srcset(value: &str, site_base: &SiteBase) -> Option<String> {
    let candidates: Option<Vec<String>> = value
        .split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|candidate| {
            let mut parts = candidate.split_ascii_whitespace();
            let url = site_base.href(&safe_url(parts.next()?)?);
            match parts.next() {
                Some(d) if is_density_or_width(d) => Some(format!("{url} {d}")),
                None => Some(url),
                Some(_) => None,
            }
        })
        .collect();
    candidates.filter(|c| !c.is_empty()).map(|c| c.join(", "))
}

/// A srcset descriptor such as `600w` or `1.5x`.
fn is_density_or_width(descriptor: &str) -> bool {
    let Some(number) = descriptor.strip_suffix(['w', 'x']) else { return false };
    let mut parts = number.split('.');
    let digits = |s: &str| !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit());
    parts.next().is_some_and(digits) && parts.next().is_none_or(digits) && parts.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_are_kept_unwrapped_or_removed() {
        assert_eq!(element_rule("P"), ElementRule::Keep("p"));
        assert_eq!(element_rule("h1"), ElementRule::Keep("h2"));
        assert_eq!(element_rule("font"), ElementRule::Unwrap);
        assert_eq!(element_rule("my-widget"), ElementRule::Unwrap);
        for tag in ["script", "SCRIPT", "style", "svg", "math", "template", "noscript", "form", "object", "embed", "base", "meta", "xlink:a"] {
            assert_eq!(element_rule(tag), ElementRule::Remove, "{tag}");
        }
    }

    #[test]
    fn plain_paragraphs_are_read_without_a_parser() {
        assert_eq!(plain_paragraphs("<p>One.</p>\n<p>Two > one.</p> "), Some(vec!["One.", "Two > one."]));
        assert_eq!(plain_paragraphs(""), Some(vec![]));
        assert_eq!(plain_paragraphs("<p></p>"), Some(vec![""]));
        for parsed in ["plain words", "<p>a <em>b</em></p>", "<p>a &amp; b</p>", "<p>a\r\nb</p>", "<p>a\0</p>",
            "<p class=x>a</p>", "<P>a</P>", "<p>a", "<p>a</p>b", "<p>a</p><script>x</script>", "\u{a0}<p>a</p>"]
        {
            assert_eq!(plain_paragraphs(parsed), None, "{parsed:?}");
        }
    }

    #[test]
    fn urls_keep_only_safe_schemes() {
        for good in ["https://a.example/x", "http://a", "/article/x", "x.html", "#top", "?q=1", "mailto:a@b.c", "tel:+1555", "/a:b", "HTTPS://A"] {
            assert!(safe_url(good).is_some(), "{good}");
        }
        for bad in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x", "java\tscript:x", "java\nscript:x",
            "\u{1}javascript:x", "data:text/html,x", "vbscript:x", "file:///etc/passwd", "jav\u{0}ascript:x"]
        {
            assert_eq!(safe_url(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn attributes_follow_the_allowlist() {
        let p = Policy::default();
        assert_eq!(p.attribute("a", "href", "/article/x"), Some("/article/x".into()));
        assert_eq!(p.attribute("a", "href", "javascript:alert(1)"), None);
        assert_eq!(p.attribute("a", "onclick", "x()"), None);
        assert_eq!(p.attribute("img", "onerror", "x()"), None);
        assert_eq!(p.attribute("p", "style", "background:url(javascript:x)"), None);
        assert_eq!(p.attribute("p", "id", "main"), None);
        assert_eq!(p.attribute("td", "colspan", "2"), Some("2".into()));
        assert_eq!(p.attribute("td", "colspan", "2;x"), None);
        assert_eq!(p.attribute("p", "class", "wp-block-quote has-\"x large"), Some("wp-block-quote large".into()));
        assert_eq!(p.attribute("img", "srcset", "/a.jpg 300w, /b.jpg 600w"), Some("/a.jpg 300w, /b.jpg 600w".into()));
        assert_eq!(p.attribute("img", "srcset", "/a.jpg 300w, javascript:x 600w"), None);
        assert_eq!(p.attribute("img", "srcset", "/a.jpg 1.5x, /b.jpg 2x"), Some("/a.jpg 1.5x, /b.jpg 2x".into()));
        for bad in ["/a.jpg 1e3w", "/a.jpg w", "/a.jpg 1.2.3x", "/a.jpg 300px"] {
            assert_eq!(p.attribute("img", "srcset", bad), None, "{bad}");
        }
    }

    #[test]
    fn site_paths_in_content_go_under_the_site_base() {
        let p = Policy { site_base: SiteBase::parse("/news/").expect("valid"), ..Policy::default() };
        assert_eq!(p.attribute("a", "href", "/article/x"), Some("/news/article/x".into()));
        assert_eq!(p.attribute("img", "src", " /content/a.svg"), Some("/news/content/a.svg".into()));
        assert_eq!(p.attribute("img", "srcset", "/a.jpg 300w, https://cdn.example/b.jpg 600w"), Some("/news/a.jpg 300w, https://cdn.example/b.jpg 600w".into()));
        for elsewhere in ["#notes", "https://example.com/x", "//cdn.example/x", "other-page"] {
            assert_eq!(p.attribute("a", "href", elsewhere), Some(elsewhere.into()), "{elsewhere}");
        }
    }

    #[test]
    fn iframes_only_from_embed_hosts_over_https() {
        let p = Policy::default();
        assert!(p.attribute("iframe", "src", "https://www.youtube-nocookie.com/embed/abc").is_some());
        assert!(p.attribute("iframe", "src", "http://www.youtube.com/embed/abc").is_none());
        assert!(p.attribute("iframe", "src", "https://www.youtube.com.evil.example/embed").is_none());
        assert!(p.attribute("iframe", "src", "https://evil.example/?www.youtube.com").is_none());
        assert!(p.forced_attributes("iframe", &[]).iter().any(|(n, _)| *n == "sandbox"));
    }

    #[test]
    fn external_links_open_safely() {
        let p = Policy::default();
        let external = [("href".to_string(), "https://example.com".to_string())];
        assert!(p.forced_attributes("a", &external).contains(&("rel", "noopener noreferrer nofollow")));
        let internal = [("href".to_string(), "/article/x".to_string())];
        assert!(p.forced_attributes("a", &internal).is_empty());
        for sneaky in ["\\\\evil.example/", "/\\evil.example", "https:evil.example", "HTTP:evil.example"] {
            let link = [("href".to_string(), sneaky.to_string())];
            assert!(!p.forced_attributes("a", &link).is_empty(), "{sneaky}");
        }
    }
}
