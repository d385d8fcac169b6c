//! Broadsheet's core: everything that is not the browser. The article model, `config.json`, the
//! app's routes, the backend adapters, search and reading time, all unit-tested natively.

pub mod account;
pub mod base64;
pub mod case;
pub mod comment_form;
pub mod comments;
pub mod config;
pub mod embed;
pub mod deploy;
pub mod error;
pub mod feed;
pub mod front_page;
pub mod join;
pub mod model;
pub mod order;
pub mod pagination;
pub mod preferences;
pub mod reading_list;
pub mod reading_time;
pub mod routes;
pub mod sanitize_policy;
pub mod search;
pub mod share;
pub mod static_index;
pub mod sources;
pub mod structured_data;
pub mod suggest;
pub mod text;
pub mod time;
pub mod toc;
