//! `broadsheet-headers DIST_DIR`: writes the host files for a built site: `_headers` and
//! `_redirects` (Netlify, Cloudflare Pages) and `nginx-broadsheet.conf` (an nginx snippet), with a
//! Content-Security-Policy that allows the configured backend and the built loader script only.
//! Run it again after editing `dist/config.json` to point at another backend.

use broadsheet_core::config::Config;
use broadsheet_core::deploy::{content_security_policy, headers_file, inline_scripts, nginx_snippet, redirects_file};
use std::path::Path;
use std::process::ExitCode;
use std::fs;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dist] = args.as_slice() else {
        eprintln!("usage: broadsheet-headers DIST_DIR");
        return ExitCode::from(2);
    };
    match run(Path::new(dist)) {
        Ok(csp) => {
            println!("wrote _headers, _redirects and nginx-broadsheet.conf\nContent-Security-Policy: {csp}");
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("broadsheet-headers: {problem}");
            ExitCode::FAILURE
        }
    }
}

fn run(dist: &Path) -> Result<String, String> {
    let read = |name: &str| fs::read_to_string(dist.join(name)).map_err(|e| format!("{}: {e}", dist.join(name).display()));
    let index = read("index.html")?;
    let config = Config::parse(&read("config.json")?).map_err(|e| format!("config.json: {e}"))?;
    let csp = content_security_policy(&config, &inline_scripts(&index));
    let write = |name: &str, text: &str| fs::write(dist.join(name), text).map_err(|e| format!("{name}: {e}"));
    write("_headers", &headers_file(&csp))?;
    write("_redirects", redirects_file())?;
    write("nginx-broadsheet.conf", &nginx_snippet(&csp))?;
    Ok(csp)
}
