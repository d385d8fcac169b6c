//! Previous and next story: the ones published just before and after this one, with pictures.

use crate::api::{resource, Backend};
use crate::components::teaser::{Loading, Picture};
use broadsheet_core::model::{Image, Teaser};
use broadsheet_core::routes::article_path;
use leptos::prelude::*;

/// The older ("previous") and newer ("next") neighbours of a story in time. Nothing shows when
/// the backend cannot tell: these links are a convenience, not the page.
#[component]
pub fn PrevNext(teaser: Teaser) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let neighbours = resource(move || {
        let (backend, teaser) = (backend.clone(), teaser.clone());
        async move {
            let found = backend.neighbours(&teaser).await.ok()?;
            (found.newer.is_some() || found.older.is_some()).then_some((found.older, found.newer))
        }
    });
    // Nothing to wait for: the links appear when the list arrives, or never.
    view! {
        {move || neighbours.get().flatten().map(|(older, newer)| view! {
            <nav class="prev-next" aria-label="Previous and next stories">
                {older.map(|teaser| view! { <Neighbour teaser label="Previous story" rel="prev"/> }.into_any())}
                {newer.map(|teaser| view! { <Neighbour teaser label="Next story" rel="next"/> }.into_any())}
            </nav>
        }.into_any())}
    }
}

#[component]
fn Neighbour(teaser: Teaser, label: &'static str, rel: &'static str) -> impl IntoView {
    view! {
        <a class=format!("neighbour {rel}") href=crate::site_base::href(&article_path(&teaser.slug)) rel=rel>
            // The title says it all: the thumbnail is decorative.
            {teaser.hero.map(|image| view! { <Picture image=Image { alt: String::new(), ..image } loading=Loading::Lazy sizes="8rem"/> }.into_any())}
            <span class="neighbour-label">{label}</span>
            <span class="neighbour-title">{teaser.title}</span>
        </a>
    }
}
