//! Backend HTML on the page, always through the sanitizer.

use crate::sanitize::sanitize;
use broadsheet_core::model::UntrustedHtml;
use broadsheet_core::sanitize_policy::Policy;
use leptos::prelude::*;
use std::sync::Arc;
use web_sys::{DocumentFragment, Element};

/// A `<div>` holding sanitized `html`. `prepare` sees the sanitized nodes before they reach the
/// page (the article gives headings ids and puts embeds behind placeholders there).
#[component]
pub fn SafeHtml(
    html: UntrustedHtml,
    #[prop(into, optional)] class: String,
    #[prop(optional)] prepare: Option<Callback<DocumentFragment>>,
) -> impl IntoView {
    // The site's policy, made once at start (app.rs); outside the app, the default one.
    let policy = use_context::<Arc<Policy>>().unwrap_or_else(|| Arc::new(crate::site_base::sanitize_policy()));
    // Filled as the `<div>` is built, not in an effect afterwards: a long comment thread would
    // otherwise schedule one task per comment.
    view! { <div class=class use:fill=(html, policy, prepare)></div> }
}

type Content = (UntrustedHtml, Arc<Policy>, Option<Callback<DocumentFragment>>);

fn fill(div: Element, (html, policy, prepare): Content) {
    // Built inside whatever view owns this one: what `prepare` reads must not subscribe that view.
    untrack(|| {
        if let Some(fragment) = sanitize(&html, &policy) {
            if let Some(prepare) = prepare {
                prepare.run(fragment.clone());
            }
            div.replace_children_with_node_1(&fragment);
        }
    });
}
