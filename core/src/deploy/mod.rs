//! What a static host needs besides the files: HTTP headers (a strict Content-Security-Policy,
//! caching) and the SPA fallback, derived from the built `index.html` and `config.json`.

pub mod pages;
mod sha256;

use crate::config::{Config, Source};
use crate::base64::encode as base64;
use sha256::sha256;

/// The contents of every inline `<script>` (one without `src`) in an HTML page: Trunk's loader.
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

/// The policy the app runs under: scripts only from this site (and the hashed inline loader),
/// data only from the configured backend, frames only from the embed hosts, no plugins, no
/// `<base>`, framing only by the configured ancestors.
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
        "object-src 'none'".to_string(),
        "base-uri 'none'".to_string(),
        "form-action 'self'".to_string(),
        format!("frame-ancestors {ancestors}"),
    ]
    .join("; ")
}

const SECURITY_HEADERS: [(&str, &str); 3] = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
];

/// Netlify's and Cloudflare Pages' `_headers`: the policy everywhere; hashed build outputs cached
/// for a year; the page, `config.json` and the content revalidated so an edit shows at once.
pub fn headers_file(csp: &str) -> String {
    let mut out = format!("/*\n  Content-Security-Policy: {csp}\n");
    for (name, value) in SECURITY_HEADERS {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    for path in ["/*.wasm", "/*.js", "/*.css"] {
        out.push_str(&format!("{path}\n  Cache-Control: public, max-age=31536000, immutable\n"));
    }
    for path in ["/index.html", "/config.json", "/content/*"] {
        out.push_str(&format!("{path}\n  Cache-Control: no-cache\n"));
    }
    out
}

/// Netlify's and Cloudflare Pages' `_redirects`: every app route answers with the app.
pub fn redirects_file() -> &'static str {
    "/*    /index.html   200\n"
}

/// The same rules for an nginx `server` block serving `dist/`.
pub fn nginx_snippet(csp: &str) -> String {
    let mut headers = format!("    add_header Content-Security-Policy \"{csp}\" always;\n");
    for (name, value) in SECURITY_HEADERS {
        headers.push_str(&format!("    add_header {name} \"{value}\" always;\n"));
    }
    format!(
        "# Broadsheet: include inside the server block whose root is dist/.\n\
         location ~* \\.(wasm|js|css)$ {{\n{headers}    add_header Cache-Control \"public, max-age=31536000, immutable\";\n    try_files $uri =404;\n}}\n\
         location ~ ^/(config\\.json|content/) {{\n{headers}    add_header Cache-Control \"no-cache\";\n    try_files $uri =404;\n}}\n\
         location / {{\n{headers}    add_header Cache-Control \"no-cache\";\n    try_files $uri /index.html;\n}}\n"
    )
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
        assert!(csp.contains("object-src 'none'") && csp.contains("base-uri 'none'") && csp.contains("frame-ancestors 'self'"));
        assert!(csp.contains("frame-src https://www.youtube.com https://www.youtube-nocookie.com"), "{csp}");
        let local = content_security_policy(&config(r#"{"kind":"static","url":"/content/","comments_url":"https://c.example/post","sign_in_url":"https://id.example/token"}"#), &[]);
        assert!(local.contains("connect-src 'self' https://c.example https://id.example;"), "{local}");
    }

    #[test]
    fn host_files_carry_the_policy_and_cache_rules() {
        let headers = headers_file("default-src 'self'");
        assert!(headers.starts_with("/*\n  Content-Security-Policy: default-src 'self'\n"));
        assert!(headers.contains("/*.wasm\n  Cache-Control: public, max-age=31536000, immutable"));
        assert!(headers.contains("/config.json\n  Cache-Control: no-cache"));
        assert!(nginx_snippet("x").contains("try_files $uri /index.html;"));
    }
}
