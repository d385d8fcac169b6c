//! Reading the configured backend natively: files on disk for a static schema under this site,
//! HTTP otherwise, decoded by the same core adapters the app uses.

use broadsheet_core::config::Source;
use broadsheet_core::model::{Article, Teaser};
use broadsheet_core::routes::ListKey;
use broadsheet_core::sources::ghost::{self, GhostUrls};
use broadsheet_core::sources::wordpress::{self, PostFilter, Totals, WpUrls};
use broadsheet_core::sources::{jsonfeed, static_json::{self, StaticUrls}};
use std::path::{Path, PathBuf};

/// More list pages than this is a runaway backend, not a news site.
const MAX_PAGES: u32 = 500;

pub struct Backend<'a> {
    source: &'a Source,
    dist: PathBuf,
    feed: std::cell::OnceCell<Vec<Article>>,
}

struct Answer {
    status: u16,
    body: String,
    totals: Option<Totals>,
}

impl<'a> Backend<'a> {
    pub fn new(source: &'a Source, dist: &Path) -> Backend<'a> {
        Backend { source, dist: dist.to_path_buf(), feed: std::cell::OnceCell::new() }
    }

    /// A URL of the configured backend: a path on this site is a file in `dist/`.
    fn get(&self, url: &str) -> Result<Answer, String> {
        if url.starts_with('/') {
            let path = self.dist.join(url.trim_start_matches('/').split('?').next().unwrap_or_default());
            return match std::fs::read_to_string(&path) {
                Ok(body) => Ok(Answer { status: 200, body, totals: None }),
                Err(_) => Ok(Answer { status: 404, body: String::new(), totals: None }),
            };
        }
        let mut response = match ureq::get(url).call() {
            Ok(response) => response,
            Err(ureq::Error::StatusCode(status)) => return Ok(Answer { status, body: String::new(), totals: None }),
            Err(error) => return Err(format!("{url}: {error}")),
        };
        let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
        let totals = Totals::from_headers(header("x-wp-total").as_deref(), header("x-wp-totalpages").as_deref());
        let body = response.body_mut().read_to_string().map_err(|e| format!("{url}: {e}"))?;
        Ok(Answer { status: 200, body, totals })
    }

    fn ok(&self, url: &str) -> Result<Answer, String> {
        let answer = self.get(url)?;
        if (200..300).contains(&answer.status) { Ok(answer) } else { Err(format!("{url}: HTTP {}", answer.status)) }
    }

    /// Every story, newest first, through the backend's own paging.
    pub fn all_teasers(&self) -> Result<Vec<Teaser>, String> {
        let mut all = Vec::new();
        for page in 1..=MAX_PAGES {
            let found = match self.source {
                Source::Static { url, .. } => static_json::decode_list(&self.ok(&StaticUrls { base: url }.list(&ListKey::Latest, page))?.body),
                Source::WordPress { url, pretty_permalinks } => {
                    let urls = WpUrls { base: url, pretty_permalinks: *pretty_permalinks };
                    let answer = self.ok(&urls.posts(PostFilter::All, page))?;
                    wordpress::decode_posts(&answer.body, answer.totals, page, url)
                }
                Source::Ghost { url, key } => ghost::decode_list(&self.ok(&GhostUrls { base: url, key }.list(&ListKey::Latest, page, 50))?.body),
                // A feed is read whole, not by pages.
                Source::JsonFeed { .. } => return Ok(jsonfeed::list(self.feed()?, &ListKey::Latest, 1, usize::MAX).items),
            }
            .map_err(|e| format!("page {page} of the stories: {e}"))?;
            let next = found.next_page();
            all.extend(found.items);
            if next.is_none() {
                break;
            }
        }
        Ok(all)
    }

    pub fn article(&self, slug: &str) -> Result<Article, String> {
        let result = match self.source {
            Source::Static { url, .. } => static_json::decode_article(&self.ok(&StaticUrls { base: url }.article(slug))?.body),
            Source::WordPress { url, pretty_permalinks } => {
                let urls = WpUrls { base: url, pretty_permalinks: *pretty_permalinks };
                wordpress::decode_post_by_slug(&self.ok(&urls.post_by_slug(slug))?.body, url).map(|(_, article)| article)
            }
            Source::Ghost { url, key } => ghost::decode_article(&self.ok(&GhostUrls { base: url, key }.article(slug))?.body),
            Source::JsonFeed { .. } => jsonfeed::article(self.feed()?, slug),
        };
        result.map_err(|e| format!("story {slug}: {e}"))
    }

    /// The whole JSON Feed, following `next_url` on the same origin only.
    fn feed(&self) -> Result<&Vec<Article>, String> {
        let Source::JsonFeed { url } = self.source else { return Err("not a JSON Feed".into()) };
        if let Some(items) = self.feed.get() {
            return Ok(items);
        }
        let mut items = Vec::new();
        let mut next = Some(url.clone());
        for _ in 0..MAX_PAGES {
            let Some(page_url) = next.take() else { break };
            let feed = jsonfeed::decode_feed(&self.ok(&page_url)?.body).map_err(|e| format!("{page_url}: {e}"))?;
            jsonfeed::append(&mut items, feed.items);
            next = feed.next_url.filter(|n| jsonfeed::next_url_allowed(url, n));
        }
        Ok(self.feed.get_or_init(|| items))
    }
}
