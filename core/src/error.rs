//! Why content could not be shown, in words a reader understands.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The request never got an answer: offline, DNS, refused, or blocked by CORS.
    Network,
    /// No answer within the time limit.
    Timeout,
    /// The backend says the thing does not exist.
    NotFound,
    /// The backend refused access (401/403).
    Forbidden,
    /// Any other unsuccessful HTTP status.
    Status(u16),
    /// The answer was larger than the app accepts.
    TooLarge,
    /// The answer arrived but is not what the backend's schema promises.
    Malformed(String),
}

impl LoadError {
    /// Whether trying again may help (the retry button is offered only then).
    pub fn is_retryable(&self) -> bool {
        matches!(self, LoadError::Network | LoadError::Timeout | LoadError::Status(500..=599) | LoadError::Status(429))
    }

    /// Maps an HTTP status onto an error, `None` for success.
    pub fn from_status(status: u16) -> Option<LoadError> {
        match status {
            200..=299 => None,
            404 | 410 => Some(LoadError::NotFound),
            401 | 403 => Some(LoadError::Forbidden),
            other => Some(LoadError::Status(other)),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network => write!(f, "The news service could not be reached. Check your connection and try again."),
            LoadError::Timeout => write!(f, "The news service took too long to answer."),
            LoadError::NotFound => write!(f, "We could not find that page."),
            LoadError::Forbidden => write!(f, "The news service refused access to this content."),
            LoadError::Status(code @ 500..=599) => write!(f, "The news service had a problem (error {code})."),
            LoadError::Status(code) => write!(f, "The news service answered with error {code}."),
            LoadError::TooLarge => write!(f, "The news service sent more data than this page can handle."),
            LoadError::Malformed(detail) => write!(f, "The news service sent content this site cannot read ({detail})."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LoadError;

    #[test]
    fn statuses_map_to_errors_and_retry_advice() {
        assert_eq!(LoadError::from_status(200), None);
        assert_eq!(LoadError::from_status(404), Some(LoadError::NotFound));
        assert_eq!(LoadError::from_status(403), Some(LoadError::Forbidden));
        assert!(LoadError::from_status(503).is_some_and(|e| e.is_retryable()));
        assert!(!LoadError::NotFound.is_retryable());
        assert!(LoadError::Timeout.to_string().contains("too long"));
        assert!(LoadError::Malformed("missing field `title`".into()).to_string().contains("missing field `title`"));
    }
}
