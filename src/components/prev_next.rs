//! Previous and next story: the neighbours of this one in the Latest list, with their pictures.

use crate::api::Backend;
use crate::components::teaser::{Loading, Picture};
use broadsheet_core::model::{Image, Teaser};
use broadsheet_core::routes::{article_path, ListKey};
use leptos::prelude::*;

/// The older ("previous") and newer ("next") neighbours of `slug` in the Latest list's first page,
/// one request that the home page has usually made already. A story further back has none shown.
#[component]
pub fn PrevNext(slug: String) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let neighbours = LocalResource::new(move || {
        let (backend, slug) = (backend.clone(), slug.clone());
        async move {
            let latest = backend.list(&ListKey::Latest, 1).await.ok()?;
            let at = latest.items.iter().position(|t| t.slug == slug)?;
            let newer = at.checked_sub(1).and_then(|i| latest.items.get(i)).cloned();
            let older = latest.items.get(at + 1).cloned();
            (newer.is_some() || older.is_some()).then_some((older, newer))
        }
    });
    // Nothing to wait for: the links appear when the list arrives, or never.
    move || {
        neighbours.get().flatten().map(|(older, newer)| {
            view! {
                <nav class="prev-next" aria-label="Previous and next stories">
                    {older.map(|teaser| view! { <Neighbour teaser label="Previous story" rel="prev"/> })}
                    {newer.map(|teaser| view! { <Neighbour teaser label="Next story" rel="next"/> })}
                </nav>
            }
        })
    }
}

#[component]
fn Neighbour(teaser: Teaser, label: &'static str, rel: &'static str) -> impl IntoView {
    view! {
        <a class=format!("neighbour {rel}") href=crate::site_base::href(&article_path(&teaser.slug)) rel=rel>
            // The title says it all: the thumbnail is decorative.
            {teaser.hero.map(|image| view! { <Picture image=Image { alt: String::new(), ..image } loading=Loading::Lazy sizes="8rem"/> })}
            <span class="neighbour-label">{label}</span>
            <span class="neighbour-title">{teaser.title}</span>
        </a>
    }
}
