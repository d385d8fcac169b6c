//! The 404 page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text="Page not found"/>
        <section class="not-found">
            <h1 id="not-found-heading">"Page not found"</h1>
            <p>"The page you asked for is not here. It may have moved, or the link may be mistyped."</p>
            // Named by the page, to tell it from the header's search.
            <Form action="/search" attr:role="search" attr:aria-labelledby="not-found-heading" attr:class="search-form wide">
                <label for="not-found-search">"Search the site"</label>
                <input id="not-found-search" type="search" name="q"/>
                <button type="submit">"Search"</button>
            </Form>
            <p><a href="/" class="button">"Go to the homepage"</a> " " <a href="/latest" class="button secondary">"Latest news"</a></p>
        </section>
    }
}
