//! `broadsheet-headers DIST_DIR [--csp-meta]`: writes the host kit for a built site, with a
//! Content-Security-Policy that allows the configured backend and the built inline scripts only,
//! for the path the build is served at (its `<base href>`): `_headers` and `_redirects` (Netlify,
//! Cloudflare Pages), `404.html` and `.nojekyll` (GitHub Pages; Netlify, Cloudflare and S3 answer
//! unknown paths with `404.html` too), `nginx-broadsheet.conf`, and for S3 + CloudFront
//! `deploy-s3.sh`, `cloudfront-function.js` and `cloudfront-headers-policy.json`. `--csp-meta`
//! also puts the policy into the pages as a `<meta>`, for hosts that send no headers.
//! Run it again after editing `dist/config.json` to point at another backend.

use broadsheet_core::config::Config;
use broadsheet_core::deploy::hosts::{is_hashed_file, with_csp_meta, Build};
use broadsheet_core::deploy::{content_security_policy, inline_scripts, site_base};
use std::fs;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dist, csp_meta) = match args.as_slice() {
        [dist] => (dist, false),
        [dist, flag] if flag == "--csp-meta" => (dist, true),
        _ => {
            eprintln!("usage: broadsheet-headers DIST_DIR [--csp-meta]");
            return ExitCode::from(2);
        }
    };
    match run(Path::new(dist), csp_meta) {
        Ok(build) => {
            println!("wrote the host kit for a site at {}\nContent-Security-Policy: {}", build.base.directory(), build.csp);
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("broadsheet-headers: {problem}");
            ExitCode::FAILURE
        }
    }
}

fn run(dist: &Path, csp_meta: bool) -> Result<Build, String> {
    let read = |name: &str| fs::read_to_string(dist.join(name)).map_err(|e| format!("{}: {e}", dist.join(name).display()));
    let write = |name: &str, text: &str| fs::write(dist.join(name), text).map_err(|e| format!("{name}: {e}"));
    let index = read("index.html")?;
    let config = Config::parse(&read("config.json")?).map_err(|e| format!("config.json: {e}"))?;
    let mut hashed_files: Vec<String> = fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| is_hashed_file(name))
        .collect();
    hashed_files.sort();
    let build = Build { base: site_base(&index)?, csp: content_security_policy(&config, &inline_scripts(&index)), hashed_files };
    // A page that already carries the policy gets the current one: the backend may have changed.
    let page = if csp_meta || index.contains("http-equiv=\"Content-Security-Policy\"") { with_csp_meta(&index, &build.csp) } else { index };
    write("index.html", &page)?;
    write("404.html", &page)?;
    write(".nojekyll", "")?;
    write("_headers", &build.headers_file())?;
    write("_redirects", &build.redirects_file())?;
    write("nginx-broadsheet.conf", &build.nginx_snippet())?;
    write("cloudfront-function.js", &build.cloudfront_function())?;
    write("cloudfront-headers-policy.json", &build.cloudfront_headers_policy())?;
    write("deploy-s3.sh", &build.s3_upload_script())?;
    Ok(build)
}
