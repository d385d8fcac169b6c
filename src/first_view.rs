//! A published page carries its first view (`#prerendered`, written by broadsheet-publish): the
//! page's headline and text, painted before the app has loaded. The app renders hidden behind it
//! and takes its place once it shows the same page, so the reader never sees the story give way
//! to a placeholder.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// On `<html>` while the app waits behind the first view (style/main.css hides the app).
const WAITING: &str = "app-waiting";

fn first_view() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id("prerendered")
}

/// At start: the app will render hidden while there is a first view.
pub fn hold() {
    if first_view().is_some() {
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.class_list().add_1(WAITING);
        }
    }
}

/// Shows the app in place of the first view; called by each page once it has its own content (or
/// an error to show). Does nothing after the first time.
pub fn hand_over() {
    let Some(view) = first_view() else { return };
    view.remove();
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.class_list().remove_1(WAITING);
    }
}

/// Hands over when the reader follows a link before the page was ready: the new page is the app's.
#[component]
pub fn HandOverOnNavigation() -> impl IntoView {
    let location = use_location();
    Effect::new(move |first: Option<String>| {
        let path = location.pathname.get();
        if first.as_ref().is_some_and(|first| *first != path) {
            hand_over();
        }
        first.unwrap_or(path)
    });
}
