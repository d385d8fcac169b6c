//! A standalone page such as the privacy policy, `/page/{slug}`.

use crate::api::{resource, Backend};
use crate::browser::DateStyle;
use crate::components::date::DateTime;
use crate::components::load_state::{page_content, Skeleton};
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
    page_content(page, Skeleton::List(2), |page| {
        crate::head::title(&page.title);
        view! {
            <article class="article site-page">
                <h1>{page.title}</h1>
                {page.modified.map(|at| view! { <p class="dates">"Last updated: " <DateTime at style=DateStyle::Day/></p> }.into_any())}
                <SafeHtml html=page.body class="article-body"/>
            </article>
        }
        .into_any()
    })
}
