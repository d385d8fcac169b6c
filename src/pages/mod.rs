//! One module per route.

pub mod archive;
pub mod article;
pub mod config_error;
pub mod home;
pub mod not_found;
pub mod saved;
pub mod search;
pub mod site_page;
