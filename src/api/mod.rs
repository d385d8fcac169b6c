//! Getting content: HTTP in the browser, and the configured backend on top of it.

mod backend;
mod config_loader;
mod http;
mod sources;

pub use backend::Backend;
pub use http::set_timeout_seconds;
pub use config_loader::{load_config, ConfigProblem};
use leptos::prelude::LocalResource;

/// A content load for the pages: a [`LocalResource`] whose fetcher and future are boxed, so that
/// the framework's resource code is compiled once for each type of answer, not once for each
/// place that loads one.
pub fn resource<T: 'static>(fetch: impl Fn() -> LocalFuture<T> + 'static) -> LocalResource<T> {
    let fetch: Box<dyn Fn() -> LocalFuture<T>> = Box::new(fetch);
    LocalResource::new(fetch)
}

/// What [`resource`]'s fetcher returns: `Box::pin(async move { … })`.
pub type LocalFuture<T> = std::pin::Pin<Box<dyn std::future::Future<Output = T>>>;
