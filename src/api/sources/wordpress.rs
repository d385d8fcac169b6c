//! The WordPress REST API: a slug lookup first where WordPress filters by id.

use crate::api::http::{get, Answer, Cache};
use broadsheet_core::error::LoadError;
use broadsheet_core::model::{Article, Comment, ListHeading, Neighbours, Page, SitePage, Teaser};
use broadsheet_core::time::Timestamp;
use broadsheet_core::routes::ListKey;
use broadsheet_core::search::SearchEntry;
use broadsheet_core::sources::wordpress::{self as adapter, Lookup, PostFilter, WpUrls};

/// A thread longer than this many pages of 100 is cut: the rest would not be read anyway.
const MAX_COMMENT_PAGES: u32 = 50;

/// A successful answer, or the error WordPress explained in its body.
async fn answer(url: &str) -> Result<Answer, LoadError> {
    let answer = get(url, Cache::Use).await?;
    if answer.is_success() { Ok(answer) } else { Err(adapter::decode_error(answer.status, &answer.body)) }
}

async fn lookup(urls: &WpUrls<'_>, lookup: Lookup, slug: &str) -> Result<(u64, ListHeading), LoadError> {
    answer(&urls.lookup(lookup, slug)).await?.decode(|body| adapter::decode_lookup(body, lookup))
}

pub async fn list(urls: &WpUrls<'_>, list: &ListKey, page: u32) -> Result<Page<Teaser>, LoadError> {
    let filter = match Lookup::for_list(list) {
        None => PostFilter::All,
        Some((kind, slug)) => kind.filter(lookup(urls, kind, slug).await?.0),
    };
    let posts = answer(&urls.posts(filter, page)).await?;
    posts.decode(|body| adapter::decode_posts(body, posts.totals, page, urls.base))
}

pub async fn heading(urls: &WpUrls<'_>, list: &ListKey) -> Result<ListHeading, LoadError> {
    match Lookup::for_list(list) {
        None => Ok(crate::api::backend::latest_heading()),
        Some((kind, slug)) => Ok(lookup(urls, kind, slug).await?.1),
    }
}

pub async fn article(urls: &WpUrls<'_>, slug: &str) -> Result<Article, LoadError> {
    Ok(answer(&urls.post_by_slug(slug)).await?.decode_kept(|body| adapter::decode_post_by_slug(body, urls.base))?.1)
}

/// The stories published just before and after `published`, asked for at once.
pub async fn neighbours(urls: &WpUrls<'_>, published: Timestamp) -> Result<Neighbours, LoadError> {
    super::either_side(|side| async move { answer(&urls.neighbour(published, side)).await?.decode(|body| adapter::decode_neighbour(body, urls.base)) }).await
}

/// Every page of a post's comments.
pub async fn comments(urls: &WpUrls<'_>, post_id: &str) -> Result<Vec<Comment>, LoadError> {
    let post_id: u64 = post_id.parse().map_err(|_| LoadError::Malformed(format!("post id `{post_id}` is not a number")))?;
    let first = answer(&urls.comments(post_id, 1)).await?;
    let mut comments = first.decode(adapter::decode_comments)?;
    let pages = first.totals.map_or(1, |t| t.total_pages).min(MAX_COMMENT_PAGES);
    for page in 2..=pages {
        comments.extend(answer(&urls.comments(post_id, page)).await?.decode(adapter::decode_comments)?);
    }
    Ok(comments)
}

pub async fn search(urls: &WpUrls<'_>, query: &str, page: u32) -> Result<Page<SearchEntry>, LoadError> {
    let posts = answer(&urls.search(query, page)).await?;
    let found = posts.decode(|body| adapter::decode_posts(body, posts.totals, page, urls.base))?;
    Ok(Page { page: found.page, total_pages: found.total_pages, total: found.total, items: found.items.iter().map(SearchEntry::from).collect() })
}

pub async fn site_page(urls: &WpUrls<'_>, slug: &str) -> Result<SitePage, LoadError> {
    answer(&urls.page_by_slug(slug)).await?.decode(adapter::decode_page)
}
