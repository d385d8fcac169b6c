//! Building blocks shared by the pages.

pub mod comment_form;
pub mod comments;
pub mod date;
pub mod footer;
pub mod header;
pub mod load_state;
pub mod pagination;
pub mod safe_html;
pub mod teaser;
