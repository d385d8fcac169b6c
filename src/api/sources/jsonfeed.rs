//! A JSON Feed: one document (and its `next_url` pages) holds every story, so lists, archives
//! and search are worked out in the browser from the whole feed.

use crate::api::http::{get, Cache};
use crate::browser::window;
use broadsheet_core::error::LoadError;
use broadsheet_core::model::{Article, ListHeading, Neighbours, Page, Teaser};
use broadsheet_core::routes::ListKey;
use broadsheet_core::search::SearchEntry;
use broadsheet_core::sources::jsonfeed as adapter;
use std::cell::RefCell;
use std::rc::Rc;

const PER_PAGE: usize = 10;
/// Feed pages followed at most: a feed that never ends must not keep the reader waiting.
const MAX_PAGES: usize = 10;

thread_local! {
    /// The assembled feed of this session, by feed address.
    static FEED: RefCell<Option<(String, Rc<Vec<Article>>)>> = const { RefCell::new(None) };
}

/// The feed's address made absolute: a path in config.json is on this site.
fn absolute(url: &str) -> String {
    match window().and_then(|w| w.location().origin().ok()) {
        Some(origin) if url.starts_with('/') => format!("{origin}{}", crate::site_base::href(url)),
        _ => url.to_string(),
    }
}

async fn items(feed_url: &str) -> Result<Rc<Vec<Article>>, LoadError> {
    let feed_url = absolute(feed_url);
    if let Some(items) = FEED.with(|f| f.borrow().as_ref().filter(|(url, _)| *url == feed_url).map(|(_, items)| items.clone())) {
        return Ok(items);
    }
    let mut items = Vec::new();
    let mut next = Some(feed_url.clone());
    for _ in 0..MAX_PAGES {
        let Some(url) = next.take() else { break };
        let feed = get(&url, Cache::Use).await?.success()?.decode(adapter::decode_feed)?;
        adapter::append(&mut items, feed.items);
        // Only the configured origin is ever contacted.
        next = feed.next_url.filter(|n| adapter::next_url_allowed(&feed_url, n));
    }
    let items = Rc::new(items);
    FEED.with(|f| *f.borrow_mut() = Some((feed_url, items.clone())));
    Ok(items)
}

pub async fn list(feed_url: &str, list: &ListKey, page: u32) -> Result<Page<Teaser>, LoadError> {
    let items = items(feed_url).await?;
    let found = adapter::list(&items, list, page, PER_PAGE);
    // A page past the end does not exist; an empty feed is one empty page.
    if found.items.is_empty() && page > 1 { Err(LoadError::NotFound) } else { Ok(found) }
}

pub async fn heading(feed_url: &str, list: &ListKey) -> Result<ListHeading, LoadError> {
    adapter::heading(&items(feed_url).await?, list)
}

pub async fn article(feed_url: &str, slug: &str) -> Result<Article, LoadError> {
    adapter::article(&items(feed_url).await?, slug)
}

pub async fn neighbours(feed_url: &str, slug: &str) -> Result<Neighbours, LoadError> {
    Ok(adapter::neighbours(&items(feed_url).await?, slug))
}

pub async fn search(feed_url: &str, query: &str, page: u32) -> Result<Page<SearchEntry>, LoadError> {
    Ok(adapter::search_index(&items(feed_url).await?).search(query, page, PER_PAGE))
}
