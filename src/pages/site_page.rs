//! A standalone page such as the privacy policy, `/page/{slug}`.

use crate::api::{resource, Backend};
use crate::browser::DateStyle;
use crate::components::date::DateTime;
use crate::components::load_state::{ListSkeleton, LoadFailed};
use crate::components::route_progress::page_pending;
use crate::components::safe_html::SafeHtml;
use leptos::prelude::*;
use broadsheet_core::routes::Route;

#[component]
pub fn SitePageView() -> impl IntoView {
    let backend = expect_context::<Backend>();
    let slug = crate::router::route_param(|route| match route {
        Route::SitePage(slug) => Some(slug.clone()),
        _ => None,
    });
    let page = resource(move || {
        let (backend, slug) = (backend.clone(), slug.get());
        async move { backend.site_page(&slug).await }
    });
    page_pending(page.loading());
    view! {
        {move || match page.get() {
            None => view! { <ListSkeleton rows=2/> }.into_any(),
            Some(Ok(page)) => {
                crate::head::title(&page.title);
                view! {
                    <article class="article site-page">
                        <h1>{page.title}</h1>
                        {page.modified.map(|at| view! { <p class="dates">"Last updated: " <DateTime at style=DateStyle::Day/></p> })}
                        <SafeHtml html=page.body class="article-body"/>
                    </article>
                }.into_any()
            }
            Some(Err(error)) => view! { <LoadFailed error retry=Callback::new(move |_| page.refetch())/> }.into_any(),
        }}
    }
}
