//! The search form of the header, the search page and the 404 page.

use crate::browser::handler;
use broadsheet_core::routes::{search_path, SEARCH_PATH};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A `role="search"` form around `children`, which hold the query field, named `q` as in
/// [`search_path`]. Submitting opens the results in the app, without a page load; `action` and
/// `method` keep the markup a real GET search form.
/// What names a search landmark, so that several on one page can be told apart.
#[derive(Clone, Copy)]
pub enum SearchName {
    Label(&'static str),
    /// The id of the heading that names it.
    HeadingId(&'static str),
}

#[component]
pub fn SearchForm(class: &'static str, name: SearchName, children: Children) -> impl IntoView {
    let location = crate::router::use_location();
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let query = event
            .target()
            .and_then(|form| form.dyn_into::<web_sys::Element>().ok())
            .and_then(|form| form.query_selector("input[name=q]").ok().flatten())
            .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|input| input.value())
            .unwrap_or_default();
        location.navigate(&search_path(&query, 1));
    };
    view! {
        <form action=crate::site_base::href(SEARCH_PATH) method="get" role="search" class=class on:submit=handler(on_submit)
            aria-label=match name { SearchName::Label(label) => Some(label), SearchName::HeadingId(_) => None }
            aria-labelledby=match name { SearchName::HeadingId(id) => Some(id), SearchName::Label(_) => None }>
            {children()}
        </form>
    }
}
