//! What a static host needs besides the files: HTTP headers (a strict Content-Security-Policy,
//! caching) and the SPA fallback, derived from the built `index.html` and `config.json`.

pub mod first_view;
pub mod hosts;
pub mod pages;
mod sha256;

use crate::config::{Config, Source};
use crate::base64::encode as base64;
use crate::routes::SiteBase;
use sha256::sha256;

/// The contents of every inline `<script>` (one without `src`) in an HTML page: the loader that
/// starts the binary for the configured backend, and the theme script.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let Some(open_end) = rest[start..].find('>').map(|i| start + i + 1) else { break };
        let open_tag = &rest[start..open_end];
        let Some(close) = rest[open_end..].find("</script>").map(|i| open_end + i) else { break };
        if !open_tag.contains(" src=") {
            scripts.push(&rest[open_end..close]);
        }
        rest = &rest[close + "</script>".len()..];
    }
    scripts
}

/// `scheme://host[:port]` of an absolute http(s) URL.
pub fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next().filter(|h| !h.is_empty())?;
    Some(format!("{}://{}", scheme.to_ascii_lowercase(), host.to_ascii_lowercase()))
}

/// The policy the app runs under: scripts only from this site (and the hashed inline scripts),
/// data only from the configured backend, frames only from the embed hosts, workers (the offline
/// copy's service worker) only from this site, no plugins, `<base>` only on this site (it carries
/// the sub-path), framing only by the configured ancestors.
pub fn content_security_policy(config: &Config, inline_scripts: &[&str]) -> String {
    let mut backends: Vec<String> = Vec::new();
    let mut add = |url: &str| {
        if let Some(origin) = origin(url) {
            if !backends.contains(&origin) {
                backends.push(origin);
            }
        }
    };
    add(config.source.url());
    if let Source::Static { comments_url, sign_in_url, .. } = &config.source {
        comments_url.iter().chain(sign_in_url).for_each(|endpoint| add(endpoint));
    }
    let backends = backends.iter().map(|o| format!(" {o}")).collect::<String>();
    let hashes: String = inline_scripts.iter().map(|s| format!(" 'sha256-{}'", base64(&sha256(s.as_bytes())))).collect();
    let frames: String = config.security.embed_hosts.iter().map(|h| format!(" https://{h}")).collect();
    let ancestors = config.security.frame_ancestors.join(" ");
    [
        "default-src 'self'".to_string(),
        format!("script-src 'self' 'wasm-unsafe-eval'{hashes}"),
        "style-src 'self'".to_string(),
        format!("img-src 'self' https:{backends}"),
        format!("connect-src 'self'{backends}"),
        format!("frame-src{}", if frames.is_empty() { " 'none'".to_string() } else { frames }),
        "font-src 'self'".to_string(),
        "worker-src 'self'".to_string(),
        "object-src 'none'".to_string(),
        "base-uri 'self'".to_string(),
        "form-action 'self'".to_string(),
        format!("frame-ancestors {ancestors}"),
    ]
    .join("; ")
}

/// Sent with every answer besides the policy.
const SECURITY_HEADERS: [(&str, &str); 3] = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
];

/// Where the built page is served: Trunk writes `--public-url` into its `<base href>`. A page
/// without one is served at the root.
pub fn site_base(index_html: &str) -> Result<SiteBase, String> {
    let Some(start) = index_html.find("<base ") else { return Ok(SiteBase::default()) };
    let tag = &index_html[start..index_html[start..].find('>').map_or(index_html.len(), |end| start + end)];
    let href = tag.split_once("href=\"").and_then(|(_, rest)| rest.split_once('"')).map(|(href, _)| href);
    href.and_then(SiteBase::parse).ok_or_else(|| format!("index.html: {tag}> does not name a usable path"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = r#"<head><script type="module">import init from '/a.js';
await init();</script><script src="/x.js"></script><link rel="stylesheet" href="/m.css"></head>"#;

    fn config(source: &str) -> Config {
        Config::parse(&format!(r#"{{"site":{{"name":"A"}},"source":{source}}}"#)).expect("valid")
    }

    #[test]
    fn finds_only_inline_scripts() {
        assert_eq!(inline_scripts(INDEX), ["import init from '/a.js';\nawait init();"]);
        assert!(inline_scripts("<p>no scripts</p><script>unclosed").is_empty());
    }

    #[test]
    fn origins_of_absolute_urls() {
        assert_eq!(origin("https://WP.example:8443/wp-json/"), Some("https://wp.example:8443".into()));
        assert_eq!(origin("/content/"), None);
        assert_eq!(origin("javascript://x"), None);
    }

    #[test]
    fn the_policy_allows_the_backend_and_the_loader_only() {
        let csp = content_security_policy(&config(r#"{"kind":"wordpress","url":"https://news.example/"}"#), &inline_scripts(INDEX));
        let hash = base64(&sha256(b"import init from '/a.js';\nawait init();"));
        assert!(csp.contains(&format!("script-src 'self' 'wasm-unsafe-eval' 'sha256-{hash}'")), "{csp}");
        assert!(csp.contains("connect-src 'self' https://news.example;"), "{csp}");
        assert!(csp.contains("object-src 'none'") && csp.contains("base-uri 'self'") && csp.contains("worker-src 'self'") && csp.contains("frame-ancestors 'self'"));
        assert!(csp.contains("frame-src https://www.youtube.com https://www.youtube-nocookie.com"), "{csp}");
        let local = content_security_policy(&config(r#"{"kind":"static","url":"/content/","comments_url":"https://c.example/post","sign_in_url":"https://id.example/token"}"#), &[]);
        assert!(local.contains("connect-src 'self' https://c.example https://id.example;"), "{local}");
    }

    #[test]
    fn the_site_base_comes_from_the_base_element() {
        assert_eq!(site_base(INDEX), Ok(SiteBase::default()));
        assert_eq!(site_base("<head><base href=\"/news/\"/><script>").map(|b| b.directory()), Ok("/news/".into()));
        assert_eq!(site_base("<base data-x href=\"https://a.example/b/\">").map(|b| b.directory()), Ok("/b/".into()));
        for bad in ["<base href=\"/../\">", "<base target=\"_self\">", "<base href=\"/a"] {
            assert!(site_base(bad).is_err(), "{bad}");
        }
    }
}
