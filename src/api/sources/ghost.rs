//! The Ghost Content API: tags stand in for categories; no public comments.

use crate::api::http::{get, Answer, Cache};
use broadsheet_core::error::LoadError;
use broadsheet_core::model::{Article, ListHeading, Neighbours, Page, SitePage, Teaser};
use broadsheet_core::time::Timestamp;
use broadsheet_core::routes::ListKey;
use broadsheet_core::search::SearchEntry;
use broadsheet_core::sources::ghost::{self as adapter, GhostUrls};

const PER_PAGE: u32 = 10;

/// A successful answer, or the error Ghost explained in its body.
async fn answer(url: &str) -> Result<Answer, LoadError> {
    let answer = get(url, Cache::Use).await?;
    if answer.is_success() { Ok(answer) } else { Err(adapter::decode_error(answer.status, &answer.body)) }
}

pub async fn list(urls: &GhostUrls<'_>, list: &ListKey, page: u32) -> Result<Page<Teaser>, LoadError> {
    answer(&urls.list(list, page, PER_PAGE)).await?.decode(adapter::decode_list)
}

/// The stories published just before and after `published`, asked for at once.
pub async fn neighbours(urls: &GhostUrls<'_>, published: Timestamp) -> Result<Neighbours, LoadError> {
    super::either_side(|side| async move { answer(&urls.neighbour(published, side)).await?.decode(adapter::decode_neighbour) }).await
}

pub async fn heading(urls: &GhostUrls<'_>, list: &ListKey) -> Result<ListHeading, LoadError> {
    match list {
        ListKey::Latest => Ok(crate::api::backend::latest_heading()),
        ListKey::Category(slug) | ListKey::Tag(slug) => answer(&urls.tag(slug)).await?.decode(adapter::decode_tag_heading),
        ListKey::Author(slug) => answer(&urls.author(slug)).await?.decode(adapter::decode_author_heading),
    }
}

pub async fn article(urls: &GhostUrls<'_>, slug: &str) -> Result<Article, LoadError> {
    answer(&urls.article(slug)).await?.decode_kept(adapter::decode_article)
}

pub async fn search(urls: &GhostUrls<'_>, query: &str, page: u32) -> Result<Page<SearchEntry>, LoadError> {
    answer(&urls.search(query, page, PER_PAGE)).await?.decode(adapter::decode_search)
}

pub async fn site_page(urls: &GhostUrls<'_>, slug: &str) -> Result<SitePage, LoadError> {
    answer(&urls.page(slug)).await?.decode(adapter::decode_site_page)
}
