//! Helpers the adapters share for reading backend JSON and the addresses in it.

use crate::sanitize_policy::safe_url;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// Reads `null` as the type's default (an empty list, `false`), for fields that may be absent.
pub(crate) fn nullable<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Option::unwrap_or_default)
}

/// How a JSON value is named in error messages.
pub(crate) fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// An absolute `http(s)` URL, trimmed, or `None`: for links a reader follows.
pub(crate) fn web_url(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let absolute = lower.starts_with("https://") || lower.starts_with("http://");
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    (absolute && clean && url.len() > "https://".len()).then(|| url.to_string())
}

/// An image address the app may load: `http(s)` or relative, never another scheme.
pub(crate) fn safe_image_src(url: &str) -> Option<String> {
    let url = safe_url(url)?;
    let lower = url.to_ascii_lowercase();
    let other_scheme = lower.starts_with("mailto:") || lower.starts_with("tel:");
    (!url.is_empty() && !other_scheme && !url.chars().any(char::is_whitespace)).then_some(url)
}
