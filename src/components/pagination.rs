//! Numbered pages: « Previous 1 … 4 5 6 … 12 Next ».

use leptos::prelude::*;

/// Page numbers to show around `current`, with `None` for a gap.
fn visible_pages(current: u32, total: u32) -> Vec<Option<u32>> {
    let mut pages = Vec::new();
    for n in 1..=total {
        if n == 1 || n == total || n.abs_diff(current) <= 1 {
            pages.push(Some(n));
        } else if pages.last().is_some_and(Option::is_some) {
            pages.push(None);
        }
    }
    pages
}

#[component]
pub fn Pagination(current: u32, total: u32, path: Callback<u32, String>) -> impl IntoView {
    (total > 1).then(|| {
        view! {
            <nav class="pagination" aria-label="Pages">
                {(current > 1).then(|| view! { <a href=crate::site_base::href(&path.run(current - 1)) rel="prev">"« Previous"</a> })}
                {visible_pages(current, total).into_iter().map(|page| match page {
                    Some(n) if n == current => view! { <span class="current" aria-current="page">{n}</span> }.into_any(),
                    Some(n) => view! { <a href=crate::site_base::href(&path.run(n))>{n}</a> }.into_any(),
                    None => view! { <span class="gap">"…"</span> }.into_any(),
                }).collect_view()}
                {(current < total).then(|| view! { <a href=crate::site_base::href(&path.run(current + 1)) rel="next">"Next »"</a> })}
            </nav>
        }
    })
}
