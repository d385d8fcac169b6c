//! A story's document head: title, description, canonical address, Open Graph, Twitter card and
//! schema.org JSON-LD. Mounted with the story and removed with it, so every in-app navigation
//! leaves the head describing the page on screen.

use crate::browser::window;
use broadsheet_core::config::Config;
use broadsheet_core::model::Teaser;
use broadsheet_core::structured_data::ArticleHead;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use std::sync::Arc;

#[component]
pub fn ArticleHeadTags(teaser: Teaser) -> impl IntoView {
    let config = expect_context::<Arc<Config>>();
    let head = ArticleHead::new(&teaser, &crate::site_base::site_url(), &config.site.name);
    // Dropped, and so removed, with the story's view.
    StoredValue::new_local(JsonLd::add(&head.json_ld));
    let (open_graph, card) = (head.open_graph(), head.twitter_card());
    view! {
        <Title text=head.title/>
        <Meta name="description" content=head.description/>
        <Link rel="canonical" href=head.canonical/>
        {open_graph.into_iter().map(|(property, content)| view! { <Meta property content/> }).collect_view()}
        <Meta name="twitter:card" content=card/>
    }
}

/// The JSON-LD `<script>` in the head. Made by hand: leptos_meta's `<Script>` puts a marker
/// comment inside the element, which would be read as part of the JSON once the page is
/// serialized. The text is our own serialized data, escaped so that no value can close the element.
struct JsonLd(web_sys::Element);

impl JsonLd {
    fn add(json: &str) -> Option<JsonLd> {
        let document = window()?.document()?;
        let script = document.create_element("script").ok()?;
        script.set_attribute("type", "application/ld+json").ok()?;
        script.set_text_content(Some(json));
        document.head()?.append_child(&script).ok()?;
        Some(JsonLd(script))
    }
}

impl Drop for JsonLd {
    fn drop(&mut self) {
        self.0.remove();
    }
}
