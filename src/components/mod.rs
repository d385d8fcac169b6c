//! Building blocks shared by the pages.

pub mod ad_slot;
pub mod after_paint;
pub mod article_head;
pub mod bookmark;
pub mod comment_form;
pub mod comments;
pub mod consent_bar;
pub mod date;
pub mod embed_facade;
pub mod footer;
pub mod header;
pub mod load_more;
pub mod load_state;
pub mod pagination;
pub mod prev_next;
pub mod reading_progress;
pub mod route_progress;
pub mod safe_html;
pub mod search_form;
pub mod search_suggestions;
pub mod share;
pub mod sign_in;
pub mod teaser;
pub mod theme;
pub mod toc;
pub mod when_near;
