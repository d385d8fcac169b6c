//! Backend adapters: pure functions from a backend's URLs and JSON to the article model.

pub mod ghost;
pub mod jsonfeed;
pub mod static_json;
pub mod wordpress;
pub(crate) mod wire;

use crate::error::LoadError;

/// Decodes JSON, reporting a schema mismatch (such as a missing field, by name) as
/// [`LoadError::Malformed`].
pub(crate) fn decode_json<'a, T: serde::Deserialize<'a>>(body: &'a str) -> Result<T, LoadError> {
    serde_json::from_str(body).map_err(|e| LoadError::Malformed(e.to_string()))
}

/// Helpers for the adapters' tests.
#[cfg(test)]
pub(crate) mod test_support;
