//! A story's document head: title, description, canonical address, Open Graph, Twitter card and
//! schema.org JSON-LD. Mounted with the story and removed with it, so every in-app navigation
//! leaves the head describing the page on screen.

use crate::browser::window;
use broadsheet_core::config::Config;
use broadsheet_core::model::Teaser;
use broadsheet_core::structured_data::ArticleHead;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use std::sync::Arc;

#[component]
pub fn ArticleHeadTags(teaser: Teaser) -> impl IntoView {
    let config = expect_context::<Arc<Config>>();
    let head = ArticleHead::new(&teaser, &crate::site_base::site_url(), &config.site.name);
    let mut tags = vec![
        HeadElement::add("script", &[("type", "application/ld+json")], &head.json_ld),
        HeadElement::add("link", &[("rel", "canonical"), ("href", &head.canonical)], ""),
        HeadElement::add("meta", &[("name", "twitter:card"), ("content", head.twitter_card())], ""),
    ];
    tags.extend(head.open_graph().into_iter().map(|(property, content)| HeadElement::add("meta", &[("property", property), ("content", &content)], "")));
    // Dropped, and so removed, with the story's view.
    StoredValue::new_local(tags);
    view! {
        <Title text=head.title/>
        <Meta name="description" content=head.description/>
    }
}

/// An element of the head that only a story has, made by hand: smaller and quicker than through
/// leptos_meta, whose `<Script>` would also put a marker comment inside the JSON-LD (read as part
/// of the JSON once the page is serialized). That text is our own serialized data, escaped so that
/// no value can close the element.
struct HeadElement(web_sys::Element);

impl HeadElement {
    fn add(tag: &str, attributes: &[(&str, &str)], text: &str) -> Option<HeadElement> {
        let document = window()?.document()?;
        let element = document.create_element(tag).ok()?;
        for (name, value) in attributes {
            element.set_attribute(name, value).ok()?;
        }
        if !text.is_empty() {
            element.set_text_content(Some(text));
        }
        document.head()?.append_child(&element).ok()?;
        Some(HeadElement(element))
    }
}

impl Drop for HeadElement {
    fn drop(&mut self) {
        self.0.remove();
    }
}
