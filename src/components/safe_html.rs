//! Backend HTML on the page, always through the sanitizer.

use crate::sanitize::sanitize;
use broadsheet_core::model::UntrustedHtml;
use broadsheet_core::sanitize_policy::Policy;
use leptos::html;
use leptos::prelude::*;

/// A `<div>` holding sanitized `html`.
#[component]
pub fn SafeHtml(html: UntrustedHtml, #[prop(into, optional)] class: String) -> impl IntoView {
    let container = NodeRef::<html::Div>::new();
    container.on_load(move |div| {
        if let Some(fragment) = sanitize(&html, &Policy::default()) {
            let _ = div.replace_children_with_node_1(&fragment);
        }
    });
    view! { <div class=class node_ref=container></div> }
}
