//! Search results, `/search?q=…&page=N`.

use crate::api::{resource, Backend};
use crate::browser::DateStyle;
use crate::components::date::DateTime;
use crate::components::load_state::{page_content, Skeleton};
use crate::components::pagination::Pagination;
use crate::components::search_form::{SearchForm, SearchName};
use broadsheet_core::routes::{article_path, search_path, Route};
use leptos::prelude::*;

#[component]
pub fn Search() -> impl IntoView {
    let backend = expect_context::<Backend>();
    let search = crate::router::route_param(|route| match route {
        Route::Search(query, page) => Some((query.clone(), *page)),
        _ => None,
    });
    let query = Memo::new(move |_| search.read().0.clone());
    let results = resource(move || {
        let (backend, (query, page)) = (backend.clone(), search.get());
        async move { backend.search(&query, page).await }
    });
    view! {
        // Retitled with each query: the closure's cleanup takes the previous title away.
        {move || crate::head::title(&if query.get().is_empty() { "Search".to_string() } else { format!("Search: {}", query.get()) })}
        <h1 id="search-heading">"Search"</h1>
        // Named by the page, to tell it from the header's search.
        <SearchForm class="search-form wide" name=SearchName::HeadingId("search-heading")>
            <label for="search-page-input" class="visually-hidden">"Search for"</label>
            <input id="search-page-input" type="search" name="q" prop:value=move || query.get()/>
            <button type="submit">"Search"</button>
        </SearchForm>
        {page_content(results, Skeleton::List(3), move |found| {
            // The query these results answer: untracked, so that a new query waits for its own.
            let query = query.get_untracked();
            match found {
                _ if query.is_empty() => view! { <p class="hint">"Type a word or two to search every story."</p> }.into_any(),
                found if found.total == 0 => view! {
                    <p class="empty" role="status">"No stories match “" {query} "”. Try fewer or different words."</p>
                }.into_any(),
                found => {
                    let q = query.clone();
                    let path = Callback::new(move |n| search_path(&q, n));
                    view! {
                        <p class="count" role="status">{format!("{} {} for “{}”", found.total, if found.total == 1 { "result" } else { "results" }, query)}</p>
                        <ol class="search-results">
                            {found.items.into_iter().map(|entry| view! {
                                <li>
                                    <span class="category-label">{entry.category}</span>
                                    <h2><a href=crate::site_base::href(&article_path(&entry.slug))>{entry.title}</a></h2>
                                    <p>{entry.excerpt}</p>
                                    <DateTime at=entry.published style=DateStyle::Day/>
                                </li>
                            }.into_any()).collect_view()}
                        </ol>
                        <Pagination current=found.page total=found.total_pages path/>
                    }.into_any()
                }
            }
        })}
    }
}
