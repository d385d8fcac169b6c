//! Getting content: HTTP in the browser, and the configured backend on top of it.

mod backend;
mod config_loader;
mod http;
mod load;
mod sources;

pub use backend::Backend;
pub use http::set_timeout_seconds;
pub use config_loader::{load_config, ConfigProblem};
pub use load::{resource, Load};
