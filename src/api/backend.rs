//! The configured content source, as the pages ask for it: one set of questions, answered by
//! whichever backend `config.json` names.
//!
//! Each backend is a cargo feature (`backend-static`, `backend-wordpress`, `backend-ghost`,
//! `backend-jsonfeed`; all by default): scripts/build.sh builds one binary per backend, so that a
//! reader downloads only the adapter their site uses. [`is_included`] turns a backend the binary
//! lacks into a configuration problem; the methods' last arms answer for it all the same.

#[cfg(feature = "backend-ghost")]
use super::sources::ghost;
#[cfg(feature = "backend-jsonfeed")]
use super::sources::jsonfeed;
#[cfg(feature = "backend-static")]
use super::sources::static_files;
#[cfg(feature = "backend-wordpress")]
use super::sources::wordpress;
#[cfg(feature = "backend-ghost")]
use broadsheet_core::sources::ghost::GhostUrls;
#[cfg(feature = "backend-wordpress")]
use super::http::get_authorized;
#[cfg(any(feature = "backend-static", feature = "backend-wordpress"))]
use super::http::post_json;
#[cfg(feature = "backend-wordpress")]
use broadsheet_core::account::{account_url, attribute_comment, basic_authorization, decode_account, lost_password_url};
#[cfg(feature = "backend-static")]
use broadsheet_core::account::{decode_token, token_request};
use broadsheet_core::account::{SignInError, SignInMethod, SignedIn};
use broadsheet_core::comment_form::{CommentRefusal, NewComment, PostedComment};
use broadsheet_core::config::Source;
use broadsheet_core::error::LoadError;
use broadsheet_core::model::{Article, Comment, ListHeading, Neighbours, Page, SitePage, Teaser};
use broadsheet_core::routes::{is_valid_slug, ListKey};
use broadsheet_core::search::SearchEntry;

/// Whether this binary was built with the backend `source` names.
pub fn is_included(source: &Source) -> bool {
    match source {
        Source::Static { .. } => cfg!(feature = "backend-static"),
        Source::WordPress { .. } => cfg!(feature = "backend-wordpress"),
        Source::Ghost { .. } => cfg!(feature = "backend-ghost"),
        Source::JsonFeed { .. } => cfg!(feature = "backend-jsonfeed"),
    }
}

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

// The last arm of a match answers for the backends a binary lacks: unreachable only in a binary
// with all four.
#[allow(unreachable_patterns)]
impl Backend {
    pub fn new(source: Source) -> Backend {
        Backend { source }
    }

    pub async fn list(&self, list: &ListKey, page: u32) -> Result<Page<Teaser>, LoadError> {
        check_list(list)?;
        match &self.source {
            #[cfg(feature = "backend-static")]
            Source::Static { url, .. } => static_files::list(url, list, page).await,
            #[cfg(feature = "backend-wordpress")]
            Source::WordPress { url, pretty_permalinks } => wordpress::list(&wp(url, *pretty_permalinks), list, page).await,
            #[cfg(feature = "backend-ghost")]
            Source::Ghost { url, key } => ghost::list(&GhostUrls { base: url, key }, list, page).await,
            #[cfg(feature = "backend-jsonfeed")]
            Source::JsonFeed { url } => jsonfeed::list(url, list, page).await,
            _ => Err(LoadError::NotFound),
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
            #[cfg(feature = "backend-static")]
            Source::Static { url, .. } => static_files::heading(url, list).await,
            #[cfg(feature = "backend-wordpress")]
            Source::WordPress { url, pretty_permalinks } => wordpress::heading(&wp(url, *pretty_permalinks), list).await,
            #[cfg(feature = "backend-ghost")]
            Source::Ghost { url, key } => ghost::heading(&GhostUrls { base: url, key }, list).await,
            #[cfg(feature = "backend-jsonfeed")]
            Source::JsonFeed { url } => jsonfeed::heading(url, list).await,
            _ => Err(LoadError::NotFound),
        }
    }

    pub async fn article(&self, slug: &str) -> Result<Article, LoadError> {
        check_slug(slug)?;
        match &self.source {
            #[cfg(feature = "backend-static")]
            Source::Static { url, .. } => static_files::article(url, slug).await,
            #[cfg(feature = "backend-wordpress")]
            Source::WordPress { url, pretty_permalinks } => wordpress::article(&wp(url, *pretty_permalinks), slug).await,
            #[cfg(feature = "backend-ghost")]
            Source::Ghost { url, key } => ghost::article(&GhostUrls { base: url, key }, slug).await,
            #[cfg(feature = "backend-jsonfeed")]
            Source::JsonFeed { url } => jsonfeed::article(url, slug).await,
            _ => Err(LoadError::NotFound),
        }
    }

    /// The stories published just before and after this one, for "Previous" and "Next".
    pub async fn neighbours(&self, teaser: &Teaser) -> Result<Neighbours, LoadError> {
        match &self.source {
            #[cfg(feature = "backend-static")]
            Source::Static { url, .. } => static_files::neighbours(url, &teaser.slug).await,
            #[cfg(feature = "backend-wordpress")]
            Source::WordPress { url, pretty_permalinks } => wordpress::neighbours(&wp(url, *pretty_permalinks), teaser.published).await,
            #[cfg(feature = "backend-ghost")]
            Source::Ghost { url, key } => ghost::neighbours(&GhostUrls { base: url, key }, teaser.published).await,
            #[cfg(feature = "backend-jsonfeed")]
            Source::JsonFeed { url } => jsonfeed::neighbours(url, &teaser.slug).await,
            _ => Err(LoadError::NotFound),
        }
    }

    /// All of a story's comments, oldest first.
    #[cfg_attr(not(any(feature = "backend-static", feature = "backend-wordpress")), allow(unused_variables))]
    pub async fn comments(&self, teaser: &Teaser) -> Result<Vec<Comment>, LoadError> {
        match &self.source {
            #[cfg(feature = "backend-static")]
            Source::Static { url, .. } => static_files::comments(url, &teaser.slug).await,
            #[cfg(feature = "backend-wordpress")]
            Source::WordPress { url, pretty_permalinks } => wordpress::comments(&wp(url, *pretty_permalinks), &teaser.id).await,
            // Ghost and JSON Feed have no public comments.
            _ => Ok(Vec::new()),
        }
    }

    pub async fn search(&self, query: &str, page: u32) -> Result<Page<SearchEntry>, LoadError> {
        if query.trim().is_empty() {
            return Ok(Page { page: 1, total_pages: 1, total: 0, items: Vec::new() });
        }
        match &self.source {
            #[cfg(feature = "backend-static")]
            Source::Static { url, .. } => static_files::search(url, query, page).await,
            #[cfg(feature = "backend-wordpress")]
            Source::WordPress { url, pretty_permalinks } => wordpress::search(&wp(url, *pretty_permalinks), query, page).await,
            #[cfg(feature = "backend-ghost")]
            Source::Ghost { url, key } => ghost::search(&GhostUrls { base: url, key }, query, page).await,
            #[cfg(feature = "backend-jsonfeed")]
            Source::JsonFeed { url } => jsonfeed::search(url, query, page).await,
            _ => Err(LoadError::NotFound),
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
    // Ghost and JSON Feed take no comments: a binary with only those never reads the arguments.
    #[cfg_attr(not(any(feature = "backend-static", feature = "backend-wordpress")), allow(unused_variables))]
    pub async fn post_comment(&self, comment: &NewComment<'_>, signed_in: Option<&SignedIn>) -> Result<PostedComment, CommentRefusal> {
        match &self.source {
            #[cfg(feature = "backend-wordpress")]
            Source::WordPress { url, pretty_permalinks } => {
                let body = broadsheet_core::sources::wordpress::new_comment_body(comment);
                let body = match signed_in {
                    Some(reader) => attribute_comment(&body, &reader.account),
                    None => body,
                };
                let answer = self.post(&wp(url, *pretty_permalinks).new_comment(), &body, signed_in).await?;
                broadsheet_core::sources::wordpress::decode_comment_post(answer.status, &answer.body)
            }
            #[cfg(feature = "backend-static")]
            Source::Static { comments_url: Some(endpoint), .. } => {
                let answer = self.post(endpoint, &broadsheet_core::sources::static_json::new_comment_body(comment), signed_in).await?;
                broadsheet_core::sources::static_json::decode_comment_post(answer.status, &answer.body)
            }
            _ => Err(CommentRefusal::Closed),
        }
    }

    /// Sends a comment: never retried, the backend may have acted on it.
    #[cfg(any(feature = "backend-static", feature = "backend-wordpress"))]
    async fn post(&self, url: &str, body: &str, signed_in: Option<&SignedIn>) -> Result<super::http::Answer, CommentRefusal> {
        let authorization = signed_in.filter(|_| self.supports_sign_in()).map(|reader| reader.authorization.as_str());
        post_json(url, body, authorization).await.map_err(|error| match error {
            LoadError::Network | LoadError::Timeout => CommentRefusal::Network,
            other => CommentRefusal::Other(other.to_string()),
        })
    }

    /// How readers sign in here, if they can: WordPress, or a static site with a token endpoint.
    pub fn sign_in_method(&self) -> Option<SignInMethod> {
        match &self.source {
            #[cfg(feature = "backend-wordpress")]
            Source::WordPress { url, .. } => Some(SignInMethod::ApplicationPassword { lost_password_url: lost_password_url(url) }),
            #[cfg(feature = "backend-static")]
            Source::Static { sign_in_url: Some(url), .. } => Some(SignInMethod::Token { url: url.clone() }),
            _ => None,
        }
    }

    pub fn supports_sign_in(&self) -> bool {
        self.sign_in_method().is_some()
    }

    /// Checks a name and password with the site and answers who they belong to.
    // Only WordPress and the static schema sign readers in.
    #[cfg_attr(not(any(feature = "backend-static", feature = "backend-wordpress")), allow(unused_variables))]
    pub async fn sign_in(&self, login: &str, password: &str) -> Result<SignedIn, SignInError> {
        match &self.source {
            #[cfg(feature = "backend-wordpress")]
            Source::WordPress { url, pretty_permalinks } => {
                let authorization = basic_authorization(login, password)?;
                let answer = get_authorized(&account_url(wp(url, *pretty_permalinks)), &authorization).await.map_err(sign_in_unreachable)?;
                let account = decode_account(answer.status, &answer.body)?;
                Ok(SignedIn { account, authorization })
            }
            #[cfg(feature = "backend-static")]
            Source::Static { sign_in_url: Some(endpoint), .. } => {
                let answer = post_json(endpoint, &token_request(login, password)?, None).await.map_err(sign_in_unreachable)?;
                decode_token(answer.status, &answer.body)
            }
            _ => Err(SignInError::Unavailable),
        }
    }

    pub async fn site_page(&self, slug: &str) -> Result<SitePage, LoadError> {
        check_slug(slug)?;
        match &self.source {
            #[cfg(feature = "backend-static")]
            Source::Static { url, .. } => static_files::site_page(url, slug).await,
            #[cfg(feature = "backend-wordpress")]
            Source::WordPress { url, pretty_permalinks } => wordpress::site_page(&wp(url, *pretty_permalinks), slug).await,
            #[cfg(feature = "backend-ghost")]
            Source::Ghost { url, key } => ghost::site_page(&GhostUrls { base: url, key }, slug).await,
            // A feed has no standalone pages.
            #[cfg(feature = "backend-jsonfeed")]
            Source::JsonFeed { .. } => Err(LoadError::NotFound),
            _ => Err(LoadError::NotFound),
        }
    }
}

#[cfg(any(feature = "backend-static", feature = "backend-wordpress"))]
fn sign_in_unreachable(error: LoadError) -> SignInError {
    match error {
        LoadError::Network | LoadError::Timeout => SignInError::Network,
        other => SignInError::Other(other.to_string()),
    }
}

#[cfg(feature = "backend-wordpress")]
fn wp(url: &str, pretty_permalinks: bool) -> broadsheet_core::sources::wordpress::WpUrls<'_> {
    broadsheet_core::sources::wordpress::WpUrls { base: url, pretty_permalinks }
}
