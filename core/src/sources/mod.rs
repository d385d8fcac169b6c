//! Backend adapters: pure functions from a backend's URLs and JSON to the article model.

pub mod ghost;
pub mod jsonfeed;
pub mod static_json;
pub mod wordpress;
pub(crate) mod wire;

/// Helpers for the adapters' tests.
#[cfg(test)]
pub(crate) mod test_support;
