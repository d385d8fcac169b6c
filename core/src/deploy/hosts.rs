//! The host kit: the files each kind of static host needs to serve a build, made from one
//! description of it (where it is served, its policy, which files are content-hashed) so that
//! Netlify, Cloudflare Pages, GitHub Pages, S3 + CloudFront and nginx all apply the same rules:
//! app routes answer with the app, other missing paths are real 404s, hashed files are cached for
//! a year, everything else is revalidated, and the policy is on every answer.

use super::SECURITY_HEADERS;
use crate::routes::{SiteBase, ROUTE_ROOTS};

/// Cache-Control of content-hashed build outputs: a new build has new names.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache-Control of everything else (the page, config.json, content, the service worker): a
/// publisher's edit or a new deploy shows on the next load.
pub const REVALIDATE: &str = "no-cache";

/// The host kit files `broadsheet-headers` writes beside the site; the S3 upload leaves them out
/// and nginx refuses to serve them.
pub const KIT_FILES: [&str; 7] = [
    "_headers", "_redirects", ".nojekyll", "nginx-broadsheet.conf", "cloudfront-function.js",
    "cloudfront-headers-policy.json", "deploy-s3.sh",
];

/// A built site as the hosts see it.
#[derive(Clone, Debug)]
pub struct Build {
    pub base: SiteBase,
    pub csp: String,
    /// Names of the content-hashed files at the top of `dist/`, sorted.
    pub hashed_files: Vec<String>,
}

/// Whether a file name is one of the build's content-hashed outputs (Trunk's, and scripts/build.sh's
/// per-backend binaries): `name-<hex hash>.ext`, the wasm as `name-<hash>_bg.wasm`.
pub fn is_hashed_file(name: &str) -> bool {
    let Some((stem, extension)) = name.rsplit_once('.') else { return false };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else { return false };
    matches!(extension, "wasm" | "js" | "css" | "svg" | "png" | "ico")
        && (8..=16).contains(&hash.len())
        && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The regular expression for app routes under the base, as nginx and CloudFront read it.
fn route_pattern(base: &SiteBase) -> String {
    format!("^{}/(?:{})(?:/|$)", base.prefix(), ROUTE_ROOTS.join("|"))
}

impl Build {
    /// Netlify's and Cloudflare Pages' `_headers`: the policy everywhere, hashed files for a year,
    /// the rest revalidated. Each path gets one Cache-Control (the hosts merge matching rules).
    pub fn headers_file(&self) -> String {
        let dir = self.base.directory();
        let mut out = format!("{dir}*\n  Content-Security-Policy: {}\n", self.csp);
        for (name, value) in SECURITY_HEADERS {
            out.push_str(&format!("  {name}: {value}\n"));
        }
        for file in &self.hashed_files {
            out.push_str(&format!("{dir}{file}\n  Cache-Control: {IMMUTABLE}\n"));
        }
        for path in ["", "index.html", "404.html", "config.json", "sw.js", "content/*"] {
            out.push_str(&format!("{dir}{path}\n  Cache-Control: {REVALIDATE}\n"));
        }
        out
    }

    /// Netlify's and Cloudflare Pages' `_redirects`: the app's routes answer with the app (a
    /// published crawler page, where there is one, is a real file and comes first); any other
    /// missing path gets the host's 404 answer, `404.html`, which is the app with status 404.
    pub fn redirects_file(&self) -> String {
        let dir = self.base.directory();
        let mut out = String::new();
        if !self.base.prefix().is_empty() {
            out.push_str(&format!("{}    {dir}    301\n", self.base.prefix()));
        }
        for root in ROUTE_ROOTS {
            out.push_str(&format!("{dir}{root}    {dir}index.html    200\n{dir}{root}/*    {dir}index.html    200\n"));
        }
        out
    }

    /// An nginx snippet for the `server` block whose `root` holds the site at the base (dist/
    /// itself at the root, dist/ copied or linked as `news/` for `/news/`).
    pub fn nginx_snippet(&self) -> String {
        let (prefix, dir) = (self.base.prefix(), self.base.directory());
        let headers = |cache: &str| {
            let mut lines = format!("        add_header Content-Security-Policy \"{}\" always;\n", self.csp);
            for (name, value) in SECURITY_HEADERS {
                lines.push_str(&format!("        add_header {name} \"{value}\" always;\n"));
            }
            lines + &format!("        add_header Cache-Control \"{cache}\" always;\n")
        };
        let redirect = if prefix.is_empty() { String::new() } else { format!("location = {prefix} {{\n    return 301 {dir};\n}}\n") };
        let kit = KIT_FILES.iter().map(|f| f.replace('.', "\\.")).collect::<Vec<_>>().join("|");
        format!(
            "# Broadsheet served at {dir}: include inside the `server` block whose `root` holds the site at {dir}.\n\
             # Written by broadsheet-headers from the build; write it again after editing config.json.\n\
             {redirect}\
             location ^~ {dir} {{\n\
             {outer}\
             \x20   index index.html;\n\
             \x20   # An unknown path is a real 404; its body is the app, which shows its \"not found\" page.\n\
             \x20   error_page 404 {dir}404.html;\n\
             \x20   try_files $uri $uri/ =404;\n\
             \x20   gzip on;\n\
             \x20   gzip_vary on;\n\
             \x20   gzip_types application/wasm application/javascript text/css application/json image/svg+xml application/xml application/rss+xml;\n\
             \x20   # With the ngx_brotli module (Debian: libnginx-mod-http-brotli-filter), also:\n\
             \x20   # brotli on; brotli_types application/wasm application/javascript text/css application/json image/svg+xml;\n\
             \x20   # Content-hashed build outputs (Trunk's name-<hash>.ext): a new build has new names.\n\
             \x20   location ~ \"^{prefix}/[^/]+-[0-9a-f]{{8,16}}(?:_bg)?\\.(?:wasm|js|css|svg|png|ico)$\" {{\n{immutable}        try_files $uri =404;\n    }}\n\
             \x20   # App routes answer with the app (status 200), or with their published crawler page.\n\
             \x20   location ~ {routes} {{\n{revalidate}        try_files $uri/index.html {dir}index.html;\n    }}\n\
             \x20   location ~ ^{prefix}/(?:{kit})$ {{\n        return 404;\n    }}\n\
             }}\n",
            outer = headers(REVALIDATE).replace("        ", "    "),
            immutable = headers(IMMUTABLE),
            revalidate = headers(REVALIDATE),
            routes = route_pattern(&self.base),
        )
    }

    /// A CloudFront Function (viewer request, cloudfront-js-2.0) for the SPA fallback: app routes
    /// are rewritten to the app; anything else goes to S3, whose 403/404 the distribution's
    /// custom error response answers with `404.html` and status 404.
    pub fn cloudfront_function(&self) -> String {
        let (prefix, dir) = (self.base.prefix(), self.base.directory());
        let redirect = if prefix.is_empty() {
            String::new()
        } else {
            format!(
                "  if (uri === '{prefix}') {{\n    return {{ statusCode: 301, statusDescription: 'Moved Permanently', headers: {{ location: {{ value: '{dir}' }} }} }};\n  }}\n"
            )
        };
        format!(
            "// Broadsheet served at {dir}: written by broadsheet-headers from the build.\n\
             var APP_ROUTE = /{routes}/;\n\
             function handler(event) {{\n\
             \x20 var request = event.request;\n\
             \x20 var uri = request.uri;\n\
             {redirect}\
             \x20 if (uri === '{dir}' || APP_ROUTE.test(uri)) {{\n\
             \x20   request.uri = '{dir}index.html';\n\
             \x20 }}\n\
             \x20 return request;\n\
             }}\n",
            routes = route_pattern(&self.base).replace('/', "\\/"),
        )
    }

    /// A CloudFront response headers policy (`aws cloudfront create-response-headers-policy
    /// --response-headers-policy-config file://cloudfront-headers-policy.json`): the policy and
    /// the security headers on every answer. Cache-Control comes from the objects (deploy-s3.sh).
    pub fn cloudfront_headers_policy(&self) -> String {
        let custom: Vec<serde_json::Value> = SECURITY_HEADERS
            .iter()
            .filter(|(name, _)| *name == "Permissions-Policy")
            .map(|(name, value)| serde_json::json!({ "Header": name, "Value": value, "Override": true }))
            .collect();
        let policy = serde_json::json!({
            "Name": format!("broadsheet{}", self.base.prefix().replace('/', "-")),
            "Comment": format!("Broadsheet at {}: Content-Security-Policy and security headers", self.base.directory()),
            "SecurityHeadersConfig": {
                "ContentSecurityPolicy": { "ContentSecurityPolicy": self.csp, "Override": true },
                "ContentTypeOptions": { "Override": true },
                "ReferrerPolicy": { "ReferrerPolicy": "strict-origin-when-cross-origin", "Override": true },
            },
            "CustomHeadersConfig": { "Quantity": custom.len(), "Items": custom },
        });
        serde_json::to_string_pretty(&policy).unwrap_or_default() + "\n"
    }

    /// A script that uploads the build to S3 under the base with each file class's Cache-Control:
    /// hashed files first, so that a new `index.html` never names a file not yet there.
    pub fn s3_upload_script(&self) -> String {
        let dir = self.base.directory();
        let mut out = format!(
            "#!/bin/sh\n\
             # Uploads this build to S3 at s3://BUCKET{dir}: content-hashed files cached for a year, the rest\n\
             # revalidated; the host kit files stay out. Written by broadsheet-headers from the build.\n\
             #   usage: sh deploy-s3.sh BUCKET        (needs the AWS CLI, signed in)\n\
             set -eu\n\
             bucket=${{1:?usage: sh deploy-s3.sh BUCKET}}\n\
             dist=$(cd \"$(dirname \"$0\")\" && pwd)\n\
             target=\"s3://$bucket{dir}\"\n"
        );
        for file in &self.hashed_files {
            let wasm = if file.ends_with(".wasm") { " --content-type application/wasm" } else { "" };
            // `${target}`: a file name goes on with letters, which `$target` would take as its own.
            out.push_str(&format!("aws s3 cp \"$dist/{file}\" \"${{target}}{file}\" --cache-control \"{IMMUTABLE}\"{wasm}\n"));
        }
        let excluded: String = self.hashed_files.iter().chain(KIT_FILES.iter().map(|f| f.to_string()).collect::<Vec<_>>().iter())
            .map(|f| format!(" --exclude \"{f}\""))
            .collect();
        out.push_str(&format!("aws s3 sync \"$dist\" \"$target\"{excluded} --cache-control \"{REVALIDATE}\"\n"));
        out
    }
}

/// `page` with the policy as a `<meta>`, for hosts that cannot send headers (GitHub Pages). A
/// `<meta>` policy cannot carry `frame-ancestors` (browsers ignore it there, with an error), so
/// that directive is left out; an earlier one is replaced, so writing it again is harmless.
pub fn with_csp_meta(page: &str, csp: &str) -> String {
    const START: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"";
    let policy: Vec<&str> = csp.split("; ").filter(|d| !d.starts_with("frame-ancestors")).collect();
    let tag = format!("{START}{}\">", policy.join("; ").replace('"', "&quot;"));
    if let Some(start) = page.find(START) {
        if let Some(end) = page[start..].find('>').map(|i| start + i + 1) {
            return format!("{}{tag}{}", &page[..start], &page[end..]);
        }
    }
    // Right after `<head>`, before any script, so that it covers them all.
    match page.find("<head>").map(|i| i + "<head>".len()) {
        Some(at) => format!("{}\n    {tag}{}", &page[..at], &page[at..]),
        None => page.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(base: &str) -> Build {
        Build {
            base: SiteBase::parse(base).expect("valid"),
            csp: "default-src 'self'; frame-ancestors 'self'".into(),
            hashed_files: vec!["app-0123456789abcdef.js".into(), "app-0123456789abcdef_bg.wasm".into(), "main-89abcdef.css".into()],
        }
    }

    #[test]
    fn hashed_files_are_the_builds_outputs() {
        let per_backend = ["broadsheet-wordpress-1c238654feb99327.js", "broadsheet-jsonfeed-1f43a9abbfec2597_bg.wasm"];
        for hashed in ["broadsheet-9b22d8ea6baeb30.js", "broadsheet-9b22d8ea6baeb30_bg.wasm", "favicon-257844e5f89b10e5.svg", "main-4913b9e1.css"].into_iter().chain(per_backend) {
            assert!(is_hashed_file(hashed), "{hashed}");
        }
        for plain in ["sw.js", "index.html", "config.json", "big-thread.js", "x-0123456789abcdef.json", "a-12345.js", "a-0123456789ABCDEF.js", "-"] {
            assert!(!is_hashed_file(plain), "{plain}");
        }
    }

    #[test]
    fn headers_give_each_file_class_one_cache_rule() {
        for (base, dir) in [("/", "/"), ("/news/", "/news/")] {
            let headers = build(base).headers_file();
            assert!(headers.starts_with(&format!("{dir}*\n  Content-Security-Policy: default-src 'self'; frame-ancestors 'self'\n")), "{headers}");
            assert!(headers.contains(&format!("{dir}app-0123456789abcdef_bg.wasm\n  Cache-Control: {IMMUTABLE}\n")));
            for revalidated in ["index.html", "config.json", "sw.js", "content/*"] {
                assert!(headers.contains(&format!("{dir}{revalidated}\n  Cache-Control: no-cache\n")), "{revalidated}");
            }
            assert_eq!(headers.matches("Cache-Control").count(), 3 + 6);
        }
    }

    #[test]
    fn redirects_send_app_routes_to_the_app_only() {
        let root = build("/").redirects_file();
        assert!(root.contains("/article/*    /index.html    200\n") && root.contains("/latest    /index.html    200\n"), "{root}");
        assert!(!root.lines().any(|line| line.starts_with("/* ")), "unknown paths stay 404: {root}");
        let news = build("/news/").redirects_file();
        assert!(news.starts_with("/news    /news/    301\n"), "{news}");
        assert!(news.contains("/news/search    /news/index.html    200\n") && news.contains("/news/page/*    /news/index.html    200\n"));
        assert_eq!(news.lines().count(), 1 + 2 * ROUTE_ROOTS.len());
    }

    #[test]
    fn the_nginx_snippet_follows_the_base() {
        let root = build("/").nginx_snippet();
        assert!(root.contains("location ^~ / {\n") && !root.contains("return 301"), "{root}");
        assert!(root.contains("location ~ ^/(?:latest|article|category|tag|author|search|saved|page)(?:/|$) {"), "{root}");
        let news = build("/news/").nginx_snippet();
        for expected in [
            "location = /news {\n    return 301 /news/;\n}\n",
            "location ^~ /news/ {\n",
            "    error_page 404 /news/404.html;\n    try_files $uri $uri/ =404;\n",
            // Quoted: nginx would read the quantifier's brace as a block.
            "location ~ \"^/news/[^/]+-[0-9a-f]{8,16}(?:_bg)?\\.(?:wasm|js|css|svg|png|ico)$\" {\n",
            "        add_header Cache-Control \"public, max-age=31536000, immutable\" always;\n        try_files $uri =404;\n",
            "location ~ ^/news/(?:latest|article|category|tag|author|search|saved|page)(?:/|$) {\n",
            "        try_files $uri/index.html /news/index.html;\n",
            "location ~ ^/news/(?:_headers|_redirects|\\.nojekyll|nginx-broadsheet\\.conf|cloudfront-function\\.js|cloudfront-headers-policy\\.json|deploy-s3\\.sh)$ {\n        return 404;",
            "    add_header Content-Security-Policy \"default-src 'self'; frame-ancestors 'self'\" always;\n",
            "    add_header Cache-Control \"no-cache\" always;\n",
            "    gzip on;\n",
        ] {
            assert!(news.contains(expected), "{expected}\n---\n{news}");
        }
        assert_eq!(news.matches('{').count(), news.matches('}').count(), "blocks close");
    }

    #[test]
    fn cloudfront_files_follow_the_base_and_policy() {
        let function = build("/news/").cloudfront_function();
        assert!(function.contains("var APP_ROUTE = /^\\/news\\/(?:latest|article|category|tag|author|search|saved|page)(?:\\/|$)/;"), "{function}");
        assert!(function.contains("if (uri === '/news') {") && function.contains("location: { value: '/news/' }"));
        assert!(function.contains("if (uri === '/news/' || APP_ROUTE.test(uri)) {\n    request.uri = '/news/index.html';"));
        assert!(!build("/").cloudfront_function().contains("301"));
        let policy: serde_json::Value = serde_json::from_str(&build("/news/").cloudfront_headers_policy()).expect("JSON");
        assert_eq!(policy["Name"], "broadsheet-news");
        assert_eq!(policy["SecurityHeadersConfig"]["ContentSecurityPolicy"]["ContentSecurityPolicy"], "default-src 'self'; frame-ancestors 'self'");
        assert_eq!(policy["CustomHeadersConfig"]["Items"][0]["Header"], "Permissions-Policy");
        assert_eq!(policy["CustomHeadersConfig"]["Quantity"], 1);
    }

    #[test]
    fn the_s3_upload_caches_by_file_class() {
        let script = build("/news/").s3_upload_script();
        assert!(script.starts_with("#!/bin/sh\n"));
        assert!(script.contains("target=\"s3://$bucket/news/\"\n"));
        assert!(script.contains(&format!("aws s3 cp \"$dist/app-0123456789abcdef_bg.wasm\" \"${{target}}app-0123456789abcdef_bg.wasm\" --cache-control \"{IMMUTABLE}\" --content-type application/wasm\n")), "{script}");
        let sync = script.lines().last().unwrap_or_default();
        assert!(sync.starts_with("aws s3 sync \"$dist\" \"$target\"") && sync.ends_with("--cache-control \"no-cache\""), "{sync}");
        for excluded in ["main-89abcdef.css", "deploy-s3.sh", "_headers", "nginx-broadsheet.conf"] {
            assert!(sync.contains(&format!("--exclude \"{excluded}\"")), "{excluded}");
        }
        let hashed_first = script.find("aws s3 cp").unwrap_or(usize::MAX) < script.find("aws s3 sync").unwrap_or(0);
        assert!(hashed_first);
    }

    /// Runs the script with `sh` and an `aws` that writes down what it was asked to do.
    #[test]
    fn the_s3_upload_script_runs_in_a_shell() {
        let dir = std::env::temp_dir().join(format!("broadsheet-s3-{}", std::process::id()));
        let bin = dir.join("bin");
        std::fs::create_dir_all(&bin).expect("temp dir");
        let aws = bin.join("aws");
        std::fs::write(&aws, "#!/bin/sh\necho \"$*\" >> \"$AWS_CALLS\"\n").expect("fake aws");
        std::fs::write(dir.join("deploy-s3.sh"), build("/news/").s3_upload_script()).expect("script");
        let calls = dir.join("calls");
        let status = std::process::Command::new("chmod").arg("+x").arg(&aws).status().expect("chmod");
        assert!(status.success());
        let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
        let run = std::process::Command::new("sh")
            .arg(dir.join("deploy-s3.sh"))
            .arg("my-bucket")
            .env("PATH", path)
            .env("AWS_CALLS", &calls)
            .output()
            .expect("sh runs");
        let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
        let recorded = std::fs::read_to_string(&calls).unwrap_or_default();
        let _ = std::fs::remove_dir_all(&dir);
        assert!(run.status.success(), "{stderr}");
        let calls: Vec<&str> = recorded.lines().collect();
        assert_eq!(calls.len(), 4, "{recorded}");
        let dist = dir.display();
        assert_eq!(calls[1], format!("s3 cp {dist}/app-0123456789abcdef_bg.wasm s3://my-bucket/news/app-0123456789abcdef_bg.wasm --cache-control {IMMUTABLE} --content-type application/wasm"));
        assert!(calls[3].starts_with(&format!("s3 sync {dist} s3://my-bucket/news/ --exclude app-0123456789abcdef.js")), "{}", calls[3]);
        let missing_bucket = std::process::Command::new("sh").arg("-c").arg(build("/").s3_upload_script()).output().expect("sh runs");
        assert!(!missing_bucket.status.success());
        assert!(String::from_utf8_lossy(&missing_bucket.stderr).contains("usage: sh deploy-s3.sh BUCKET"));
    }

    #[test]
    fn the_meta_policy_leaves_out_frame_ancestors_and_replaces_itself() {
        let page = "<html><head><script>x</script></head></html>";
        let once = with_csp_meta(page, "default-src 'self'; frame-ancestors 'self'");
        assert_eq!(once, "<html><head>\n    <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\"><script>x</script></head></html>");
        let again = with_csp_meta(&once, "default-src 'none'");
        assert_eq!(again.matches("Content-Security-Policy").count(), 1);
        assert!(again.contains("content=\"default-src 'none'\"><script>"), "{again}");
        assert_eq!(with_csp_meta("no head", "x"), "no head");
    }
}
