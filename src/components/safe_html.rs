//! Backend HTML on the page, always through the sanitizer.

use crate::sanitize::sanitize;
use broadsheet_core::model::UntrustedHtml;
use broadsheet_core::sanitize_policy::Policy;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;
use web_sys::DocumentFragment;

/// A `<div>` holding sanitized `html`. `prepare` sees the sanitized nodes before they reach the
/// page (the article gives headings ids and puts embeds behind placeholders there).
#[component]
pub fn SafeHtml(
    html: UntrustedHtml,
    #[prop(into, optional)] class: String,
    #[prop(optional)] prepare: Option<Callback<DocumentFragment>>,
) -> impl IntoView {
    let policy = policy();
    let container = NodeRef::<html::Div>::new();
    container.on_load(move |div| {
        if let Some(fragment) = sanitize(&html, &policy) {
            if let Some(prepare) = prepare {
                prepare.run(fragment.clone());
            }
            div.replace_children_with_node_1(&fragment);
        }
    });
    view! { <div class=class node_ref=container></div> }
}

/// The site's policy, made once at start (app.rs); outside the app, the default one.
pub fn policy() -> Arc<Policy> {
    use_context::<Arc<Policy>>().unwrap_or_else(|| Arc::new(crate::site_base::sanitize_policy()))
}
