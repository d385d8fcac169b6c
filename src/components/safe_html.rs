//! Backend HTML on the page, always through the sanitizer.

use crate::sanitize::sanitize;
use broadsheet_core::model::UntrustedHtml;
use broadsheet_core::sanitize_policy::Policy;
use leptos::html;
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::DocumentFragment;

/// How many sanitized bodies are kept: the stories a reader goes back and forth between.
const KEPT_BODIES: usize = 8;

thread_local! {
    /// The latest sanitized bodies, newest first, as the sanitizer made them (before `prepare`):
    /// going back to a story copies its nodes (one `cloneNode`) instead of parsing and walking
    /// its HTML again. The policy is the same for the whole app (made once at start).
    static KEPT: RefCell<Vec<(UntrustedHtml, DocumentFragment)>> = const { RefCell::new(Vec::new()) };
}

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
        if let Some(fragment) = sanitized(&html, &policy) {
            if let Some(prepare) = prepare {
                prepare.run(fragment.clone());
            }
            div.replace_children_with_node_1(&fragment);
        }
    });
    view! { <div class=class node_ref=container></div> }
}

/// `html` sanitized: a copy of the kept nodes when it was sanitized lately.
fn sanitized(html: &UntrustedHtml, policy: &Policy) -> Option<DocumentFragment> {
    let kept = KEPT.with_borrow(|kept| kept.iter().find(|(source, _)| source == html).map(|(_, nodes)| nodes.clone()));
    if let Some(nodes) = kept {
        return nodes.clone_node_with_deep(true).ok()?.dyn_into().ok();
    }
    let fragment = sanitize(html, policy)?;
    if let Some(copy) = fragment.clone_node_with_deep(true).ok().and_then(|copy| copy.dyn_into().ok()) {
        KEPT.with_borrow_mut(|kept| {
            kept.insert(0, (html.clone(), copy));
            kept.truncate(KEPT_BODIES);
        });
    }
    Some(fragment)
}

/// The site's policy, made once at start (app.rs); outside the app, the default one.
pub fn policy() -> Arc<Policy> {
    use_context::<Arc<Policy>>().unwrap_or_else(|| Arc::new(crate::site_base::sanitize_policy()))
}
