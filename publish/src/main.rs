//! `broadsheet-publish DIST --site-url https://news.example`: reads `DIST/config.json`'s backend
//! and writes into `DIST` a page per story (`article/{slug}/index.html`) and per archive, and fills
//! the homepage (`index.html`), each with the page's head for crawlers and share cards and its
//! first view for readers, plus `sitemap.xml`, `news-sitemap.xml`, `rss.xml`, `feed.json` and
//! `robots.txt`. Rerunning rewrites only what changed.

mod source;

use broadsheet_core::config::{Config, Placement};
use broadsheet_core::deploy::first_view::Chrome;
use broadsheet_core::deploy::pages::{archive_page, article_page, home_page, json_feed, news_sitemap, robots, rss, site_url, sitemap, template_of, SiteInfo};
use broadsheet_core::deploy::site_base;
use broadsheet_core::front_page::fallback_menu;
use broadsheet_core::model::{ListHeading, Teaser};
use broadsheet_core::routes::{article_path, ListKey};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::{fs, io};

/// Stories on the first page of an archive and of the homepage.
const PAGE_SIZE: usize = 10;
/// Stories in the feeds.
const FEED_SIZE: usize = 30;
/// A story is "news" for two days (Google News sitemaps).
const NEWS_SECONDS: i64 = 2 * 86_400;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dist, given_url) = match args.as_slice() {
        [dist, flag, url] if flag == "--site-url" => (PathBuf::from(dist), url.clone()),
        _ => {
            eprintln!("usage: broadsheet-publish DIST_DIR --site-url https://your.site");
            return ExitCode::from(2);
        }
    };
    match run(&dist, &given_url) {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("broadsheet-publish: {problem}");
            ExitCode::FAILURE
        }
    }
}

fn run(dist: &Path, given_url: &str) -> Result<String, String> {
    let read = |name: &str| fs::read_to_string(dist.join(name)).map_err(|e| format!("{}: {e}", dist.join(name).display()));
    let template = template_of(&read("index.html")?);
    let config = Config::parse(&read("config.json")?).map_err(|e| format!("config.json: {e}"))?;
    // The build's sub-path, if any, is part of every address the pages give.
    let base = site_base(&template)?;
    let url = site_url(given_url, &base)?;
    let site = SiteInfo { name: &config.site.name, url: &url };
    let backend = source::Backend::new(&config.source, dist);

    let teasers = backend.all_teasers()?;
    let newest = &teasers[..teasers.len().min(PAGE_SIZE)];
    let menu = if config.menu.is_empty() { fallback_menu(newest) } else { config.menu.clone() };
    let header_ad = config.ads.iter().find(|ad| ad.placement == Placement::Header);
    let chrome = Chrome { name: &config.site.name, tagline: &config.site.tagline, logo: config.site.logo.as_deref(), menu: &menu, header_ad, consent: config.consent.as_ref(), base: &base };
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    files.insert("index.html".into(), home_page(&template, &config.site, newest, &site, &chrome));
    let mut pages: Vec<(String, String)> = vec![("/".into(), teasers.first().map(|t| t.published.to_string()).unwrap_or_default())];
    for teaser in &teasers {
        let article = backend.article(&teaser.slug)?;
        let path = article_path(&teaser.slug);
        files.insert(format!("{}/index.html", path.trim_start_matches('/')), article_page(&template, &article, &site, &chrome));
        pages.push((path, teaser.updated().unwrap_or(teaser.published).to_string()));
    }
    let mut archives: BTreeMap<String, (ListKey, ListHeading, Vec<&Teaser>)> = BTreeMap::new();
    for teaser in &teasers {
        let terms = teaser.categories.iter().map(|c| (ListKey::Category(c.slug.clone()), &c.name));
        let terms = terms.chain(teaser.tags.iter().map(|t| (ListKey::Tag(t.slug.clone()), &t.name)));
        let terms = terms.chain(teaser.authors.iter().map(|a| (ListKey::Author(a.slug.clone()), &a.name)));
        for (key, name) in terms.chain([(ListKey::Latest, &"Latest News".to_string())]) {
            let heading = ListHeading { title: name.clone(), description: String::new(), author: None };
            archives.entry(key.path(1)).or_insert_with(|| (key, heading, Vec::new())).2.push(teaser);
        }
    }
    for (path, (key, heading, stories)) in &archives {
        let first_page: Vec<Teaser> = stories.iter().take(PAGE_SIZE).map(|t| (*t).clone()).collect();
        files.insert(format!("{}/index.html", path.trim_start_matches('/')), archive_page(&template, key, heading, &first_page, &site, &chrome));
        pages.push((path.clone(), stories.first().map(|t| t.published.to_string()).unwrap_or_default()));
    }
    let newest: Vec<Teaser> = teasers.iter().take(FEED_SIZE).cloned().collect();
    let cutoff = teasers.first().map_or(0, |t| t.published.0 - NEWS_SECONDS);
    let news: Vec<&Teaser> = teasers.iter().filter(|t| t.published.0 >= cutoff).collect();
    let description = if config.site.tagline.is_empty() { config.site.name.clone() } else { config.site.tagline.clone() };
    files.insert("sitemap.xml".into(), sitemap(&site, &pages));
    files.insert("news-sitemap.xml".into(), news_sitemap(&site, &news, "en"));
    files.insert("rss.xml".into(), rss(&site, &description, &newest));
    files.insert("feed.json".into(), json_feed(&site, &description, &newest));
    files.insert("robots.txt".into(), robots(&site));

    let mut written = 0;
    for (path, content) in &files {
        let target = dist.join(path);
        if fs::read_to_string(&target).ok().as_deref() == Some(content.as_str()) {
            continue;
        }
        let write = || -> io::Result<()> {
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&target, content)
        };
        write().map_err(|e| format!("{}: {e}", target.display()))?;
        written += 1;
    }
    Ok(format!("{} stories, {} archives; wrote {written} of {} files", teasers.len(), archives.len(), files.len()))
}
