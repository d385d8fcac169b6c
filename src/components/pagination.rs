//! Numbered pages: « Previous 1 … 4 5 6 … 12 Next ».

use broadsheet_core::pagination::visible_pages;
use leptos::prelude::*;

#[component]
pub fn Pagination(current: u32, total: u32, path: Callback<u32, String>) -> impl IntoView {
    (total > 1).then(|| {
        view! {
            <nav class="pagination" aria-label="Pages">
                {(current > 1).then(|| view! { <a href=crate::site_base::href(&path.run(current - 1)) rel="prev">"« Previous"</a> }.into_any())}
                {visible_pages(current, total).into_iter().map(|page| match page {
                    Some(n) if n == current => view! { <span class="current" aria-current="page">{n}</span> }.into_any(),
                    Some(n) => view! { <a href=crate::site_base::href(&path.run(n))>{n}</a> }.into_any(),
                    None => view! { <span class="gap">"…"</span> }.into_any(),
                }).collect_view()}
                {(current < total).then(|| view! { <a href=crate::site_base::href(&path.run(current + 1)) rel="next">"Next »"</a> }.into_any())}
            </nav>
        }.into_any()
    })
}
