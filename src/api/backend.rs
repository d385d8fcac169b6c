//! The configured content source, as the pages ask for it: one set of questions, answered by
//! whichever backend `config.json` names.

use super::sources::{ghost, jsonfeed, static_files, wordpress};
use broadsheet_core::sources::ghost::GhostUrls;
use super::http::{get_authorized, post_json};
use broadsheet_core::account::{
    account_url, attribute_comment, basic_authorization, decode_account, decode_token, lost_password_url, token_request, SignInError, SignInMethod,
    SignedIn,
};
use broadsheet_core::comment_form::{CommentRefusal, NewComment, PostedComment};
use broadsheet_core::config::Source;
use broadsheet_core::error::LoadError;
use broadsheet_core::model::{Article, Comment, ListHeading, Neighbours, Page, SitePage, Teaser};
use broadsheet_core::routes::{is_valid_slug, ListKey};
use broadsheet_core::search::SearchEntry;

#[derive(Clone, Debug)]
pub struct Backend {
    source: Source,
}

/// The "Latest News" heading, the same on every backend.
pub fn latest_heading() -> ListHeading {
    ListHeading { title: "Latest News".into(), description: String::new(), author: None }
}

/// Slugs come from URLs: one that cannot name content is not found, before any request.
fn check_slug(slug: &str) -> Result<(), LoadError> {
    if is_valid_slug(slug) { Ok(()) } else { Err(LoadError::NotFound) }
}

fn check_list(list: &ListKey) -> Result<(), LoadError> {
    match list {
        ListKey::Latest => Ok(()),
        ListKey::Category(slug) | ListKey::Tag(slug) | ListKey::Author(slug) => check_slug(slug),
    }
}

impl Backend {
    pub fn new(source: Source) -> Backend {
        Backend { source }
    }

    pub async fn list(&self, list: &ListKey, page: u32) -> Result<Page<Teaser>, LoadError> {
        check_list(list)?;
        match &self.source {
            Source::Static { url, .. } => static_files::list(url, list, page).await,
            Source::WordPress { url, pretty_permalinks } => wordpress::list(&wp(url, *pretty_permalinks), list, page).await,
            Source::Ghost { url, key } => ghost::list(&GhostUrls { base: url, key }, list, page).await,
            Source::JsonFeed { url } => jsonfeed::list(url, list, page).await,
        }
    }

    /// The title and introduction of a list's page; a category, tag or author that does not exist
    /// is [`LoadError::NotFound`].
    pub async fn heading(&self, list: &ListKey) -> Result<ListHeading, LoadError> {
        check_list(list)?;
        if *list == ListKey::Latest {
            return Ok(latest_heading());
        }
        match &self.source {
            Source::Static { url, .. } => static_files::heading(url, list).await,
            Source::WordPress { url, pretty_permalinks } => wordpress::heading(&wp(url, *pretty_permalinks), list).await,
            Source::Ghost { url, key } => ghost::heading(&GhostUrls { base: url, key }, list).await,
            Source::JsonFeed { url } => jsonfeed::heading(url, list).await,
        }
    }

    pub async fn article(&self, slug: &str) -> Result<Article, LoadError> {
        check_slug(slug)?;
        match &self.source {
            Source::Static { url, .. } => static_files::article(url, slug).await,
            Source::WordPress { url, pretty_permalinks } => wordpress::article(&wp(url, *pretty_permalinks), slug).await,
            Source::Ghost { url, key } => ghost::article(&GhostUrls { base: url, key }, slug).await,
            Source::JsonFeed { url } => jsonfeed::article(url, slug).await,
        }
    }

    /// The stories published just before and after this one, for "Previous" and "Next".
    pub async fn neighbours(&self, teaser: &Teaser) -> Result<Neighbours, LoadError> {
        match &self.source {
            Source::Static { url, .. } => static_files::neighbours(url, &teaser.slug).await,
            Source::WordPress { url, pretty_permalinks } => wordpress::neighbours(&wp(url, *pretty_permalinks), teaser.published).await,
            Source::Ghost { url, key } => ghost::neighbours(&GhostUrls { base: url, key }, teaser.published).await,
            Source::JsonFeed { url } => jsonfeed::neighbours(url, &teaser.slug).await,
        }
    }

    /// All of a story's comments, oldest first.
    pub async fn comments(&self, teaser: &Teaser) -> Result<Vec<Comment>, LoadError> {
        match &self.source {
            Source::Static { url, .. } => static_files::comments(url, &teaser.slug).await,
            Source::WordPress { url, pretty_permalinks } => wordpress::comments(&wp(url, *pretty_permalinks), &teaser.id).await,
            // Neither has public comments.
            Source::Ghost { .. } | Source::JsonFeed { .. } => Ok(Vec::new()),
        }
    }

    pub async fn search(&self, query: &str, page: u32) -> Result<Page<SearchEntry>, LoadError> {
        if query.trim().is_empty() {
            return Ok(Page { page: 1, total_pages: 1, total: 0, items: Vec::new() });
        }
        match &self.source {
            Source::Static { url, .. } => static_files::search(url, query, page).await,
            Source::WordPress { url, pretty_permalinks } => wordpress::search(&wp(url, *pretty_permalinks), query, page).await,
            Source::Ghost { url, key } => ghost::search(&GhostUrls { base: url, key }, query, page).await,
            Source::JsonFeed { url } => jsonfeed::search(url, query, page).await,
        }
    }

    /// Whether readers can post comments here (the form is shown only then).
    pub fn accepts_comments(&self) -> bool {
        matches!(&self.source, Source::WordPress { .. } | Source::Static { comments_url: Some(_), .. })
    }

    /// The address that identifies this backend, for keys in browser storage.
    pub fn site_key(&self) -> &str {
        self.source.url()
    }

    /// Posts a comment, as the signed-in reader when there is one.
    pub async fn post_comment(&self, comment: &NewComment<'_>, signed_in: Option<&SignedIn>) -> Result<PostedComment, CommentRefusal> {
        let (url, body) = match &self.source {
            Source::WordPress { url, pretty_permalinks } => {
                let body = broadsheet_core::sources::wordpress::new_comment_body(comment);
                let body = match signed_in {
                    Some(reader) => attribute_comment(&body, &reader.account),
                    None => body,
                };
                (wp(url, *pretty_permalinks).new_comment(), body)
            }
            Source::Static { comments_url: Some(endpoint), .. } => {
                (endpoint.clone(), broadsheet_core::sources::static_json::new_comment_body(comment))
            }
            _ => return Err(CommentRefusal::Closed),
        };
        let authorization = signed_in.filter(|_| self.supports_sign_in()).map(|reader| reader.authorization.as_str());
        let answer = post_json(&url, &body, authorization).await.map_err(|error| match error {
            LoadError::Network | LoadError::Timeout => CommentRefusal::Network,
            other => CommentRefusal::Other(other.to_string()),
        })?;
        match &self.source {
            Source::WordPress { .. } => broadsheet_core::sources::wordpress::decode_comment_post(answer.status, &answer.body),
            _ => broadsheet_core::sources::static_json::decode_comment_post(answer.status, &answer.body),
        }
    }

    /// How readers sign in here, if they can: WordPress, or a static site with a token endpoint.
    pub fn sign_in_method(&self) -> Option<SignInMethod> {
        match &self.source {
            Source::WordPress { url, .. } => Some(SignInMethod::ApplicationPassword { lost_password_url: lost_password_url(url) }),
            Source::Static { sign_in_url: Some(url), .. } => Some(SignInMethod::Token { url: url.clone() }),
            _ => None,
        }
    }

    pub fn supports_sign_in(&self) -> bool {
        self.sign_in_method().is_some()
    }

    /// Checks a name and password with the site and answers who they belong to.
    pub async fn sign_in(&self, login: &str, password: &str) -> Result<SignedIn, SignInError> {
        let unreachable = |error| match error {
            LoadError::Network | LoadError::Timeout => SignInError::Network,
            other => SignInError::Other(other.to_string()),
        };
        match &self.source {
            Source::WordPress { url, pretty_permalinks } => {
                let authorization = basic_authorization(login, password)?;
                let answer = get_authorized(&account_url(wp(url, *pretty_permalinks)), &authorization).await.map_err(unreachable)?;
                let account = decode_account(answer.status, &answer.body)?;
                Ok(SignedIn { account, authorization })
            }
            Source::Static { sign_in_url: Some(endpoint), .. } => {
                let answer = post_json(endpoint, &token_request(login, password)?, None).await.map_err(unreachable)?;
                decode_token(answer.status, &answer.body)
            }
            _ => Err(SignInError::Unavailable),
        }
    }

    pub async fn site_page(&self, slug: &str) -> Result<SitePage, LoadError> {
        check_slug(slug)?;
        match &self.source {
            Source::Static { url, .. } => static_files::site_page(url, slug).await,
            Source::WordPress { url, pretty_permalinks } => wordpress::site_page(&wp(url, *pretty_permalinks), slug).await,
            Source::Ghost { url, key } => ghost::site_page(&GhostUrls { base: url, key }, slug).await,
            // A feed has no standalone pages.
            Source::JsonFeed { .. } => Err(LoadError::NotFound),
        }
    }
}

fn wp(url: &str, pretty_permalinks: bool) -> broadsheet_core::sources::wordpress::WpUrls<'_> {
    broadsheet_core::sources::wordpress::WpUrls { base: url, pretty_permalinks }
}
