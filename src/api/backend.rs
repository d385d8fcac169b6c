//! The configured content source, as the pages ask for it.

use super::http::{get, Answer, Cache};
use broadsheet_core::config::Source;
use broadsheet_core::error::LoadError;
use broadsheet_core::model::{Article, Category, Comment, ListHeading, Page, SitePage, Teaser};
use broadsheet_core::routes::{is_valid_slug, ListKey};
use broadsheet_core::search::SearchEntry;
use broadsheet_core::sources::static_json::{self as static_json, StaticUrls};

/// Search results per page.
const SEARCH_PAGE_SIZE: usize = 10;

#[derive(Clone, Debug)]
pub struct Backend {
    source: Source,
}

impl Backend {
    pub fn new(source: Source) -> Backend {
        Backend { source }
    }

    /// The base URL of the static schema, or an error naming the kind this build cannot read yet.
    fn static_urls(&self) -> Result<StaticUrls<'_>, LoadError> {
        match &self.source {
            Source::Static { url, .. } => Ok(StaticUrls { base: url }),
            Source::WordPress { .. } => Err(LoadError::Unsupported("WordPress")),
            Source::Ghost { .. } => Err(LoadError::Unsupported("Ghost")),
            Source::JsonFeed { .. } => Err(LoadError::Unsupported("JSON Feed")),
        }
    }

    pub async fn list(&self, list: &ListKey, page: u32) -> Result<Page<Teaser>, LoadError> {
        if let ListKey::Category(slug) | ListKey::Tag(slug) | ListKey::Author(slug) = list {
            if !is_valid_slug(slug) {
                return Err(LoadError::NotFound);
            }
        }
        let body = static_file(&self.static_urls()?.list(list, page)).await?;
        static_json::decode_list(&body)
    }

    pub async fn article(&self, slug: &str) -> Result<Article, LoadError> {
        if !is_valid_slug(slug) {
            return Err(LoadError::NotFound);
        }
        static_json::decode_article(&static_file(&self.static_urls()?.article(slug)).await?)
    }

    pub async fn site_page(&self, slug: &str) -> Result<SitePage, LoadError> {
        if !is_valid_slug(slug) {
            return Err(LoadError::NotFound);
        }
        static_json::decode_site_page(&static_file(&self.static_urls()?.site_page(slug)).await?)
    }

    /// Comments oldest first; an article without a comments file has none.
    pub async fn comments(&self, slug: &str) -> Result<Vec<Comment>, LoadError> {
        match static_file(&self.static_urls()?.comments(slug)).await {
            Ok(body) => static_json::decode_comments(&body),
            Err(LoadError::NotFound) => Ok(Vec::new()),
            Err(other) => Err(other),
        }
    }

    pub async fn categories(&self) -> Result<Vec<Category>, LoadError> {
        static_json::decode_categories(&static_file(&self.static_urls()?.categories()).await?)
    }

    /// The title and introduction of a list's page; a category, tag or author that does not exist
    /// is [`LoadError::NotFound`].
    pub async fn heading(&self, list: &ListKey) -> Result<ListHeading, LoadError> {
        let urls = self.static_urls()?;
        match list {
            ListKey::Latest => Ok(ListHeading { title: "Latest News".into(), description: String::new(), author: None }),
            ListKey::Category(slug) => {
                let categories = self.categories().await?;
                let category = categories.into_iter().find(|c| &c.slug == slug).ok_or(LoadError::NotFound)?;
                Ok(ListHeading { title: category.name, description: category.description, author: None })
            }
            ListKey::Tag(slug) => {
                let tags = static_json::decode_tags(&static_file(&urls.tags()).await?)?;
                let tag = tags.into_iter().find(|t| &t.slug == slug).ok_or(LoadError::NotFound)?;
                Ok(ListHeading { title: tag.name, description: String::new(), author: None })
            }
            ListKey::Author(slug) => {
                let authors = static_json::decode_authors(&static_file(&urls.authors()).await?)?;
                let author = authors.into_iter().find(|a| &a.slug == slug).ok_or(LoadError::NotFound)?;
                Ok(ListHeading { title: author.name.clone(), description: String::new(), author: Some(author) })
            }
        }
    }

    pub async fn search(&self, query: &str, page: u32) -> Result<Page<SearchEntry>, LoadError> {
        let index = static_json::decode_search_index(&static_file(&self.static_urls()?.search_index()).await?)?;
        Ok(index.search(query, page, SEARCH_PAGE_SIZE))
    }
}

/// A file of the static schema. A host with an SPA fallback answers a missing file with the app's
/// `index.html` and status 200; that means the file does not exist.
async fn static_file(url: &str) -> Result<std::rc::Rc<str>, LoadError> {
    match get(url, Cache::Use).await? {
        Answer { is_html: true, .. } => Err(LoadError::NotFound),
        Answer { body, .. } => Ok(body),
    }
}
