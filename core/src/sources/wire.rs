//! Helpers the adapters share for reading backend JSON and the addresses in it.
//!
//! An adapter may read an answer by walking its parsed [`Value`] instead of deriving
//! `Deserialize` for wire types: the browser build then carries no derived code, only the one
//! `Value` parser. Indexing a `Value` never panics (`value["key"]` of anything but an object with
//! that key is `null`), so optional fields read as `text(&post["title"]["rendered"])`.

use crate::error::LoadError;
use crate::sanitize_policy::safe_url;
use crate::time::Timestamp;
use serde_json::Value;

/// A list answer whose items are objects, such as WordPress's `[{post}, …]`.
pub(crate) fn parse_objects(body: &str) -> Result<Vec<Value>, LoadError> {
    match serde_json::from_str(body).map_err(|e| LoadError::Malformed(e.to_string()))? {
        Value::Array(items) => match items.iter().find(|item| !item.is_object()) {
            Some(other) => Err(LoadError::Malformed(format!("expected objects in the list, found {}", describe(other)))),
            None => Ok(items),
        },
        other => Err(LoadError::Malformed(format!("expected a list, found {}", describe(&other)))),
    }
}

/// An answer whose top level is an object, such as Ghost's `{"posts": […], "meta": {…}}`.
pub(crate) fn parse_object(body: &str) -> Result<Value, LoadError> {
    match serde_json::from_str(body).map_err(|e| LoadError::Malformed(e.to_string()))? {
        object @ Value::Object(_) => Ok(object),
        other => Err(LoadError::Malformed(format!("expected an object, found {}", describe(&other)))),
    }
}

/// The field `key` of `object` read by `read` (such as [`Value::as_u64`]), for a field the answer
/// is unusable without: missing or `null` is "missing field", another type names what was expected
/// (the WordPress adapter's words: "`id`: expected a whole number, found a string").
pub(crate) fn required<'a, T>(object: &'a Value, key: &str, read: fn(&'a Value) -> Option<T>, expected: &str) -> Result<T, LoadError> {
    match &object[key] {
        Value::Null => Err(LoadError::Malformed(format!("missing field `{key}`"))),
        value => read(value).ok_or_else(|| LoadError::Malformed(format!("`{key}`: expected {expected}, found {}", describe(value)))),
    }
}

// ---- Strict reading, for the adapters whose answers serde's derived decoders used to check
// (Ghost, JSON Feed, the static schema): a field of another type is malformed, in serde's words
// ("invalid type"), which the app's error page has always shown and the end-to-end tests look for.

/// An optional field read strictly: missing or `null` is `None`, another type is malformed
/// ("`page`: invalid type: a string, expected a whole number").
pub(crate) fn checked<'a, T>(object: &'a Value, key: &str, read: fn(&'a Value) -> Option<T>, expected: &str) -> Result<Option<T>, LoadError> {
    match &object[key] {
        Value::Null => Ok(None),
        value => expect(value, read, expected).map(Some).map_err(|e| within(key, e)),
    }
}

/// A required field read strictly: as [`checked`], and missing or `null` is "missing field `key`".
pub(crate) fn present<'a, T>(object: &'a Value, key: &str, read: fn(&'a Value) -> Option<T>, expected: &str) -> Result<T, LoadError> {
    checked(object, key, read, expected)?.ok_or_else(|| LoadError::Malformed(format!("missing field `{key}`")))
}

/// `value` read by `read`, or malformed saying what it is and what was expected instead.
pub(crate) fn expect<'a, T>(value: &'a Value, read: fn(&'a Value) -> Option<T>, expected: &str) -> Result<T, LoadError> {
    read(value).ok_or_else(|| LoadError::Malformed(format!("invalid type: {}, expected {expected}", describe(value))))
}

/// A required text field.
pub(crate) fn required_text<'a>(object: &'a Value, key: &str) -> Result<&'a str, LoadError> {
    present(object, key, Value::as_str, "text")
}

/// An optional text field, read strictly (see [`checked`]).
pub(crate) fn checked_text<'a>(object: &'a Value, key: &str) -> Result<Option<&'a str>, LoadError> {
    checked(object, key, Value::as_str, "text")
}

/// A required RFC 3339 date.
pub(crate) fn required_date(object: &Value, key: &str) -> Result<Timestamp, LoadError> {
    present(object, key, timestamp, "an RFC 3339 date")
}

/// An optional RFC 3339 date, read strictly (see [`checked`]).
pub(crate) fn checked_date(object: &Value, key: &str) -> Result<Option<Timestamp>, LoadError> {
    checked(object, key, timestamp, "an RFC 3339 date")
}

/// The list under `key`, each item read by `read`: missing or `null` is empty, another type or an
/// item that does not read is malformed, naming where (`` `tags[2]`: missing field `slug` ``).
pub(crate) fn checked_list<'a, T>(object: &'a Value, key: &str, read: impl Fn(&'a Value) -> Result<T, LoadError>) -> Result<Vec<T>, LoadError> {
    let values = checked(object, key, Value::as_array, "a list")?.map_or(&[][..], Vec::as_slice);
    each(key, values, read)
}

/// The object under `key` read by `read`, or `None` when it is missing or `null`; another type, or
/// an object that does not read, is malformed.
pub(crate) fn checked_record<'a, T>(object: &'a Value, key: &str, read: impl FnOnce(&'a Value) -> Result<T, LoadError>) -> Result<Option<T>, LoadError> {
    checked(object, key, self::object, "an object")?.map(|value| read(value).map_err(|e| within(key, e))).transpose()
}

/// The list under `key`, which must be there, each item read by `read`.
pub(crate) fn required_list<'a, T>(object: &'a Value, key: &str, read: impl Fn(&'a Value) -> Result<T, LoadError>) -> Result<Vec<T>, LoadError> {
    each(key, present(object, key, Value::as_array, "a list")?, read)
}

/// The object under `key`, which must be there, read by `read`.
pub(crate) fn required_record<'a, T>(object: &'a Value, key: &str, read: impl FnOnce(&'a Value) -> Result<T, LoadError>) -> Result<T, LoadError> {
    read(present(object, key, self::object, "an object")?).map_err(|e| within(key, e))
}

// ---- Lenient reading of optional parts, as the WordPress adapter does and the static schema now.

/// An optional list read leniently: missing, `null` or of another type reads as empty (as
/// WordPress's optional fields do), but each item there must read.
pub(crate) fn optional_list<'a, T>(object: &'a Value, key: &str, read: impl Fn(&'a Value) -> Result<T, LoadError>) -> Result<Vec<T>, LoadError> {
    each(key, items(&object[key]), read)
}

/// An optional object read leniently: missing, `null` or of another type reads as `None`, but an
/// object there must read (its own required fields stay required).
pub(crate) fn optional_record<'a, T>(object: &'a Value, key: &str, read: impl FnOnce(&'a Value) -> Result<T, LoadError>) -> Result<Option<T>, LoadError> {
    self::object(&object[key]).map(|value| read(value).map_err(|e| within(key, e))).transpose()
}

// ---- Pieces of both, and readers for single values.

/// Reads the items of the list under `key` with `read`, naming the item an error is in.
pub(crate) fn each<'a, T>(key: &str, values: &'a [Value], read: impl Fn(&'a Value) -> Result<T, LoadError>) -> Result<Vec<T>, LoadError> {
    values.iter().enumerate().map(|(i, value)| read(value).map_err(|e| within(&format!("{key}[{i}]"), e))).collect()
}

/// An object value itself, or `None`: a reader for [`required`], [`present`] and [`checked`].
pub(crate) fn object(value: &Value) -> Option<&Value> {
    value.is_object().then_some(value)
}

/// An error found inside the part at `path` of an answer, saying so (`` `posts[3]`: … ``).
pub(crate) fn within(path: &str, error: LoadError) -> LoadError {
    match error {
        LoadError::Malformed(problem) => LoadError::Malformed(format!("`{path}`: {problem}")),
        other => other,
    }
}

/// Reads with `read` a record that must be an object; anything else is malformed.
pub(crate) fn record<'a, T>(value: &'a Value, read: impl FnOnce(&'a Value) -> Result<T, LoadError>) -> Result<T, LoadError> {
    read(expect(value, object, "an object")?)
}

/// An RFC 3339 date, or `None` for anything else.
pub(crate) fn timestamp(value: &Value) -> Option<Timestamp> {
    value.as_str().and_then(Timestamp::parse)
}

/// A string value, or `""` for anything else.
pub(crate) fn text(value: &Value) -> &str {
    value.as_str().unwrap_or_default()
}

/// A list value's items, or none for anything else.
pub(crate) fn items(value: &Value) -> &[Value] {
    value.as_array().map_or(&[], Vec::as_slice)
}

/// A whole number that fits a `u32` (a size in pixels), or `None`.
pub(crate) fn small_number(value: &Value) -> Option<u32> {
    value.as_u64().and_then(|n| u32::try_from(n).ok())
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
