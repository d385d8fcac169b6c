//! What a page shows while its content loads or when it could not.

use crate::api::Load;
use crate::browser::handler;
use crate::components::route_progress::page_pending;
use broadsheet_core::error::LoadError;
use leptos::prelude::*;

/// The placeholder a page shows until its content first comes.
#[derive(Clone, Copy)]
pub enum Skeleton {
    Article,
    /// A list of this many rows.
    List(usize),
}

/// A page's own content (a story, a list, search results), the one place that shows its states:
/// the progress bar counts it while it loads, `skeleton` stands in until it first comes, a failed
/// load shows "This page could not be loaded" with "Try again", and an answer shows as `view`
/// makes it (the last one stays on screen while the next loads).
pub fn page_content<T: Clone + 'static>(
    load: Load<Result<T, LoadError>>,
    skeleton: Skeleton,
    view: impl Fn(T) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    page_pending(load.loading());
    shown_content(Box::new(move || load.get().map(|answer| answer.map(&view))), skeleton, load.retry())
}

/// [`page_content`]'s states, compiled once for every type of content.
fn shown_content(content: Box<dyn Fn() -> Option<Result<AnyView, LoadError>> + Send + Sync>, skeleton: Skeleton, retry: Callback<()>) -> AnyView {
    view! {
        {move || match content() {
            None => match skeleton {
                Skeleton::Article => view! { <ArticleSkeleton/> }.into_any(),
                Skeleton::List(rows) => view! { <ListSkeleton rows/> }.into_any(),
            },
            Some(Ok(content)) => content,
            Some(Err(error)) => view! { <LoadFailed error retry/> }.into_any(),
        }}
    }
    .into_any()
}

/// Grey placeholder blocks in the shape of a list, so nothing jumps when content arrives; to
/// assistive technology, a progress indicator named "Loading".
#[component]
pub fn ListSkeleton(#[prop(default = 4)] rows: usize) -> impl IntoView {
    view! {
        <div class="skeleton" role="progressbar" aria-busy="true" aria-label="Loading">
            {(0..rows).map(|_| view! { <div class="skeleton-row"><div class="skeleton-image"></div><div class="skeleton-lines"><span></span><span></span><span class="short"></span></div></div> }.into_any()).collect_view()}
        </div>
    }
}

/// Placeholder blocks in the shape of a story (label, headline, byline, picture, paragraphs),
/// so the page does not jump when the story arrives.
#[component]
fn ArticleSkeleton() -> impl IntoView {
    view! {
        <div class="skeleton article-skeleton" role="progressbar" aria-busy="true" aria-label="Loading">
            <div class="skeleton-lines"><span class="short"></span><span class="headline"></span><span class="headline short"></span><span class="short"></span></div>
            <div class="skeleton-image"></div>
            <div class="skeleton-lines"><span></span><span></span><span></span><span class="short"></span></div>
        </div>
    }
}

/// A failed load: a plain message, a retry button when retrying can help, and a way home.
#[component]
fn LoadFailed(error: LoadError, retry: Callback<()>) -> impl IntoView {
    crate::first_view::hand_over();
    if error == LoadError::NotFound {
        return view! { <crate::pages::not_found::NotFound/> }.into_any();
    }
    let retryable = error.is_retryable();
    view! {
        <section class="load-failed" role="alert">
            <h1>"This page could not be loaded"</h1>
            <p>{error.to_string()}</p>
            <p class="actions">
                {retryable.then(|| view! { <button type="button" class="button" on:click=handler(move |_| retry.run(()))>"Try again"</button> }.into_any())}
                <a href=crate::site_base::href("/") class="button secondary">"Go to the homepage"</a>
            </p>
        </section>
    }
    .into_any()
}
