//! The 404 page.

use crate::components::search_form::{SearchForm, SearchName};
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    crate::first_view::hand_over();
    crate::head::title("Page not found");
    view! {
        <section class="not-found">
            <h1 id="not-found-heading">"Page not found"</h1>
            <p>"The page you asked for is not here. It may have moved, or the link may be mistyped."</p>
            // Named by the page, to tell it from the header's search.
            <SearchForm class="search-form wide" name=SearchName::HeadingId("not-found-heading")>
                <label for="not-found-search">"Search the site"</label>
                <input id="not-found-search" type="search" name="q"/>
                <button type="submit">"Search"</button>
            </SearchForm>
            <p><a href=crate::site_base::href("/") class="button">"Go to the homepage"</a> " " <a href=crate::site_base::href("/latest") class="button secondary">"Latest news"</a></p>
        </section>
    }
}
