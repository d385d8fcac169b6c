//! Writing a comment: the reader's draft, its validation, and what a backend can answer.

use crate::model::Comment;
use serde::de::Error;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::fmt;

/// What the reader has typed. The text is kept in the browser as they type, per story and reply
/// target, and cleared only when the backend accepted the comment; name, email and website are
/// the reader's [`Identity`], kept for every comment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub text: String,
    pub name: String,
    pub email: String,
    pub website: String,
}

/// Who is commenting, remembered in the browser for the next comment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Identity {
    pub name: String,
    pub email: String,
    pub website: String,
}

/// Read back by walking a `Value` instead of with a derived decoder, which the browser build would
/// carry for this alone (see `sources/wire.rs`): an object whose fields, each optional, are text.
impl<'de> Deserialize<'de> for Identity {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let stored = Value::deserialize(deserializer)?;
        if !stored.is_object() {
            return Err(D::Error::custom("expected an object"));
        }
        let field = |key: &str| match stored.get(key) {
            None => Ok(String::new()),
            Some(value) => value.as_str().map(str::to_string).ok_or_else(|| D::Error::custom(format!("expected text in `{key}`"))),
        };
        Ok(Identity { name: field("name")?, email: field("email")?, website: field("website")? })
    }
}

impl Draft {
    pub fn new(text: String, identity: Identity) -> Draft {
        Draft { text, name: identity.name, email: identity.email, website: identity.website }
    }

    pub fn identity(&self) -> Identity {
        Identity { name: self.name.clone(), email: self.email.clone(), website: self.website.clone() }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Text,
    Name,
    Email,
    Website,
}

impl Field {
    /// The form control's id suffix and the name used in messages.
    pub fn id(self) -> &'static str {
        match self {
            Field::Text => "comment",
            Field::Name => "author",
            Field::Email => "email",
            Field::Website => "url",
        }
    }
}

/// A problem with one field, in words for the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: &'static str,
}

/// The longest comment accepted: WordPress's own limit is 65,525 characters.
pub const MAX_TEXT_CHARS: usize = 65_525;

impl Draft {
    pub fn is_empty(&self) -> bool {
        [&self.text, &self.name, &self.email, &self.website].iter().all(|s| s.trim().is_empty())
    }

    /// Every problem, in the order of the form's fields.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut error = |field, message| errors.push(FieldError { field, message });
        if self.text.trim().is_empty() {
            error(Field::Text, "Please write a comment.");
        } else if self.text.chars().count() > MAX_TEXT_CHARS {
            error(Field::Text, "This comment is too long.");
        }
        if self.name.trim().is_empty() {
            error(Field::Name, "Please enter your name.");
        }
        if self.email.trim().is_empty() {
            error(Field::Email, "Please enter your email address.");
        } else if !is_plausible_email(self.email.trim()) {
            error(Field::Email, "Please enter a valid email address, like name@example.com.");
        }
        let website = self.website.trim();
        let web_address = website.starts_with("http://") || website.starts_with("https://");
        if !website.is_empty() && (!web_address || website.contains(' ')) {
            error(Field::Website, "Please enter a web address starting with https://, or leave it empty.");
        }
        errors
    }
}

/// `local@domain.tld` with no spaces: the check a form can make; the backend makes the real one.
fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The browser storage key of a draft's text: one per story and reply target, so that a reply
/// being written is not mixed up with a top-level comment.
pub fn draft_key(site: &str, story_id: &str, reply_to: Option<&str>) -> String {
    format!("broadsheet:draft:{site}:{story_id}:{}", reply_to.unwrap_or("top"))
}

/// The browser storage key of the commenter's identity on a site.
pub fn identity_key(site: &str) -> String {
    format!("broadsheet:commenter:{site}")
}

/// A comment ready to send, whatever the backend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewComment<'a> {
    /// The backend's id of the story.
    pub story_id: &'a str,
    pub story_slug: &'a str,
    pub parent: Option<&'a str>,
    pub draft: &'a Draft,
}

/// How the backend answered a posted comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PostedComment {
    Published(Comment),
    /// Accepted, waiting for a moderator; shown only to the reader who wrote it.
    AwaitingModeration(Comment),
}

/// Why a comment was not accepted, in words for the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommentRefusal {
    LoginRequired,
    Closed,
    Duplicate,
    TooFast,
    /// A field the reader can correct, with the backend's explanation.
    InvalidField(String),
    /// It never arrived or no answer came: sending again is safe.
    Network,
    Other(String),
}

impl CommentRefusal {
    /// Whether the same comment can simply be sent again.
    pub fn can_retry(&self) -> bool {
        matches!(self, CommentRefusal::Network | CommentRefusal::TooFast)
    }
}

impl fmt::Display for CommentRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommentRefusal::LoginRequired => write!(f, "You need to sign in to comment on this site."),
            CommentRefusal::Closed => write!(f, "Comments are closed for this story."),
            CommentRefusal::Duplicate => write!(f, "You already posted this comment."),
            CommentRefusal::TooFast => write!(f, "You are posting comments too quickly. Wait a moment and send again."),
            CommentRefusal::InvalidField(message) => write!(f, "Please check the form: {message}"),
            CommentRefusal::Network => write!(f, "Your comment could not be sent: the site could not be reached. It is kept here; send it again when you are back online."),
            CommentRefusal::Other(message) => write!(f, "The comment could not be posted: {message}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_identity_survives_storage() {
        let identity = Identity { name: "Zoë".into(), email: "z@example.com".into(), website: String::new() };
        let stored = serde_json::to_string(&identity).unwrap();
        assert_eq!(serde_json::from_str::<Identity>(&stored).unwrap(), identity);
        let partial = serde_json::from_str::<Identity>(r#"{"name":"Ann","extra":1}"#).unwrap();
        assert_eq!(partial, Identity { name: "Ann".into(), ..Identity::default() });
        for unreadable in [r#""Ann""#, "[]", "null", r#"{"name":7}"#, r#"{"email":null}"#] {
            assert!(serde_json::from_str::<Identity>(unreadable).is_err(), "{unreadable}");
        }
    }

    fn draft(text: &str, name: &str, email: &str, website: &str) -> Draft {
        Draft { text: text.into(), name: name.into(), email: email.into(), website: website.into() }
    }

    #[test]
    fn required_fields_are_named_in_form_order() {
        let fields: Vec<Field> = Draft::default().validate().iter().map(|e| e.field).collect();
        assert_eq!(fields, [Field::Text, Field::Name, Field::Email]);
        assert!(draft("Hi", "Ann", "ann@example.com", "").validate().is_empty());
        assert!(draft("Hi", "Ann", "ann@example.com", "https://ann.example").validate().is_empty());
    }

    #[test]
    fn emails_and_websites_are_checked() {
        for bad in ["ann", "ann@", "@example.com", "ann@example", "ann@.com", "an n@example.com", "a@b@c.com"] {
            assert_eq!(draft("Hi", "Ann", bad, "").validate()[0].field, Field::Email, "{bad}");
        }
        for bad in ["javascript:alert(1)", "ann.example", "https://a b"] {
            assert_eq!(draft("Hi", "Ann", "a@b.co", bad).validate()[0].field, Field::Website, "{bad}");
        }
        assert_eq!(draft(&"x".repeat(MAX_TEXT_CHARS + 1), "A", "a@b.co", "").validate()[0].message, "This comment is too long.");
    }

    #[test]
    fn drafts_are_keyed_per_story_and_reply() {
        assert_eq!(draft_key("/content/", "a1", None), "broadsheet:draft:/content/:a1:top");
        assert_ne!(draft_key("/content/", "a1", Some("c3")), draft_key("/content/", "a1", None));
        assert!(Draft::default().is_empty() && !draft(" x", "", "", "").is_empty());
        assert_ne!(identity_key("/content/"), draft_key("/content/", "a1", None));
        let d = draft("t", "n", "e", "w");
        assert_eq!(Draft::new("t".into(), d.identity()), d);
    }

    #[test]
    fn only_network_and_throttle_refusals_invite_a_retry() {
        assert!(CommentRefusal::Network.can_retry() && CommentRefusal::TooFast.can_retry());
        assert!(!CommentRefusal::Closed.can_retry() && !CommentRefusal::Duplicate.can_retry());
    }
}
