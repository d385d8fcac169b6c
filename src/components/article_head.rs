//! A story's document head besides its title (which the page sets at once): description,
//! canonical address, Open Graph, Twitter card and schema.org JSON-LD, kept while the story is on
//! screen (`head.rs`). Nothing a reader sees: the page builds them after its first paint.

use crate::head;
use broadsheet_core::config::Config;
use broadsheet_core::model::Teaser;
use broadsheet_core::structured_data::ArticleHead;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ArticleHeadTags(teaser: Teaser) -> impl IntoView {
    let config = expect_context::<Arc<Config>>();
    let tags = ArticleHead::new(&teaser, &crate::site_base::site_url(), &config.site.name);
    head::description(&tags.description);
    // The JSON-LD is our own serialized data, escaped so that no value can close the element.
    head::add("script", &[("type", "application/ld+json")], &tags.json_ld);
    head::add("link", &[("rel", "canonical"), ("href", &tags.canonical)], "");
    head::add("meta", &[("name", "twitter:card"), ("content", tags.twitter_card())], "");
    for (property, content) in tags.open_graph() {
        head::add("meta", &[("property", property), ("content", &content)], "");
    }
}
