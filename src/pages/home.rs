//! The homepage: lead story, top stories, Latest News, a section per configured category.

use crate::api::Backend;
use crate::components::load_state::{ListSkeleton, LoadFailed};
use crate::components::teaser::{HeadlineList, LeadStory, TeaserCard, TeaserGrid};
use broadsheet_core::config::Config;
use broadsheet_core::error::LoadError;
use broadsheet_core::model::Teaser;
use broadsheet_core::routes::ListKey;
use leptos::prelude::*;
use leptos_meta::Title;
use std::sync::Arc;

/// Stories per category section.
const SECTION_SIZE: usize = 4;
const TOP_STORIES: usize = 8;

#[component]
pub fn Home() -> impl IntoView {
    let config = expect_context::<Arc<Config>>();
    let backend = expect_context::<Backend>();
    let latest = LocalResource::new({
        let backend = backend.clone();
        move || {
            let backend = backend.clone();
            async move { backend.list(&ListKey::Latest, 1).await }
        }
    });
    let title = config.site.name.clone();
    view! {
        <Title text=title.clone()/>
        <h1 class="visually-hidden">{title}</h1>
        <Suspense fallback=|| view! { <ListSkeleton rows=6/> }>
            {move || latest.get().map(|result| match result {
                Ok(page) => view! { <FrontPage stories=page.items/> }.into_any(),
                Err(error) => view! { <LoadFailed error retry=Callback::new(move |_| latest.refetch())/> }.into_any(),
            })}
        </Suspense>
        {config.home.sections.iter().map(|slug| view! { <CategorySection slug=slug.clone()/> }).collect_view()}
    }
}

/// The top of the front page from the newest stories.
#[component]
fn FrontPage(stories: Vec<Teaser>) -> impl IntoView {
    // The lead is the newest featured story, else the newest story.
    let lead_index = stories.iter().position(|t| t.featured).unwrap_or(0);
    let mut rest = stories;
    if rest.is_empty() {
        return view! { <p class="empty">"No stories have been published yet."</p> }.into_any();
    }
    let lead = rest.remove(lead_index);
    let top: Vec<Teaser> = rest.iter().take(TOP_STORIES).cloned().collect();
    view! {
        <div class="front-page">
            <LeadStory teaser=lead/>
            <section class="top-stories" aria-labelledby="top-stories-heading">
                <h2 id="top-stories-heading" class="section-heading">"Top Stories"</h2>
                <HeadlineList teasers=top/>
            </section>
        </div>
        <section class="latest-news" aria-labelledby="latest-heading">
            <h2 id="latest-heading" class="section-heading"><a href="/latest">"Latest News"</a></h2>
            <TeaserGrid teasers=rest/>
            <p class="more"><a href=ListKey::Latest.path(2) class="button secondary">"More news"</a></p>
        </section>
    }
    .into_any()
}

/// A category's newest stories, or nothing when it has none or cannot load (the rest of the
/// homepage stands on its own).
#[component]
fn CategorySection(slug: String) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let href = ListKey::Category(slug.clone()).path(1);
    let section = LocalResource::new(move || {
        let (backend, slug) = (backend.clone(), slug.clone());
        async move {
            let page = backend.list(&ListKey::Category(slug.clone()), 1).await?;
            let heading = backend.heading(&ListKey::Category(slug)).await?;
            Ok::<_, LoadError>((heading.title, page.items))
        }
    });
    view! {
        <Suspense fallback=|| view! { <ListSkeleton rows=1/> }>
            {move || section.get().and_then(Result::ok).filter(|(_, items)| !items.is_empty()).map(|(name, items)| view! {
                <section class="category-section">
                    <h2 class="section-heading"><a href=href.clone()>{name}</a></h2>
                    <div class="teaser-grid">
                        {items.into_iter().take(SECTION_SIZE).map(|teaser| view! { <TeaserCard teaser/> }).collect_view()}
                    </div>
                </section>
            })}
        </Suspense>
    }
}
