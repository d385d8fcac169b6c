//! Broadsheet's own static schema: every answer is one file.

use crate::api::http::{get, Answer, Cache};
use broadsheet_core::error::LoadError;
use broadsheet_core::model::{Article, Comment, ListHeading, Neighbours, Page, SitePage, Teaser};
use broadsheet_core::routes::ListKey;
use broadsheet_core::search::SearchEntry;
use broadsheet_core::sources::static_json::{self as adapter, StaticUrls};

/// Search results per page.
const SEARCH_PAGE_SIZE: usize = 10;

/// A file of the schema. A host with an SPA fallback answers a missing file with the app's
/// `index.html` and status 200; that means the file does not exist.
async fn file(url: &str) -> Result<Answer, LoadError> {
    let answer = get(url, Cache::Use).await?.success()?;
    if answer.is_html { Err(LoadError::NotFound) } else { Ok(answer) }
}

pub async fn list(base: &str, list: &ListKey, page: u32) -> Result<Page<Teaser>, LoadError> {
    file(&StaticUrls { base }.list(list, page)).await?.decode(adapter::decode_list)
}

pub async fn heading(base: &str, list: &ListKey) -> Result<ListHeading, LoadError> {
    let urls = StaticUrls { base };
    match list {
        ListKey::Latest => Ok(crate::api::backend::latest_heading()),
        ListKey::Category(slug) => {
            let categories = file(&urls.categories()).await?.decode(adapter::decode_categories)?;
            let category = categories.into_iter().find(|c| &c.slug == slug).ok_or(LoadError::NotFound)?;
            Ok(ListHeading { title: category.name, description: category.description, author: None })
        }
        ListKey::Tag(slug) => {
            let tags = file(&urls.tags()).await?.decode(adapter::decode_tags)?;
            let tag = tags.into_iter().find(|t| &t.slug == slug).ok_or(LoadError::NotFound)?;
            Ok(ListHeading { title: tag.name, description: String::new(), author: None })
        }
        ListKey::Author(slug) => {
            let authors = file(&urls.authors()).await?.decode(adapter::decode_authors)?;
            let author = authors.into_iter().find(|a| &a.slug == slug).ok_or(LoadError::NotFound)?;
            Ok(ListHeading { title: author.name.clone(), description: String::new(), author: Some(author) })
        }
    }
}

pub async fn article(base: &str, slug: &str) -> Result<Article, LoadError> {
    file(&StaticUrls { base }.article(slug)).await?.decode_kept(adapter::decode_article)
}

/// A file that may be missing, which means nothing to show: `T::default()`.
async fn optional_file<T: Default>(url: &str, decode: fn(&str) -> Result<T, LoadError>) -> Result<T, LoadError> {
    match file(url).await {
        Ok(answer) => answer.decode(decode),
        Err(LoadError::NotFound) => Ok(T::default()),
        Err(other) => Err(other),
    }
}

/// A story without a comments file has none.
pub async fn comments(base: &str, slug: &str) -> Result<Vec<Comment>, LoadError> {
    optional_file(&StaticUrls { base }.comments(slug), adapter::decode_comments).await
}

/// Content indexed before the indexer wrote neighbours has none.
pub async fn neighbours(base: &str, slug: &str) -> Result<Neighbours, LoadError> {
    optional_file(&StaticUrls { base }.neighbours(slug), adapter::decode_neighbours).await
}

pub async fn search(base: &str, query: &str, page: u32) -> Result<Page<SearchEntry>, LoadError> {
    let index = file(&StaticUrls { base }.search_index()).await?.decode(adapter::decode_search_index)?;
    Ok(index.search(query, page, SEARCH_PAGE_SIZE))
}

pub async fn site_page(base: &str, slug: &str) -> Result<SitePage, LoadError> {
    file(&StaticUrls { base }.site_page(slug)).await?.decode(adapter::decode_site_page)
}
