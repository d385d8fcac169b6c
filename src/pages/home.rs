//! The homepage: lead story, top stories, Latest News (with "Load more") beside Trending and the
//! sidebar advertisements, then a section per configured category.

use crate::api::{resource, Backend};
use crate::components::ad_slot::{slots, SidebarAds};
use crate::components::load_more::StoryFeed;
use crate::components::load_state::{page_content, ListSkeleton, Skeleton};
use crate::components::teaser::{CategoryLabel, HeadlineLevel, HeadlineList, LeadStory, TeaserCard};
use broadsheet_core::config::{Config, Placement, Trending};
use broadsheet_core::error::LoadError;
use broadsheet_core::front_page::{most_commented, picks_in_order, TRENDING_SIZE};
use broadsheet_core::join::side_by_side;
use broadsheet_core::model::{Page, Teaser};
use broadsheet_core::routes::{article_path, ListKey};
use broadsheet_core::structured_data::home_description;
use leptos::prelude::*;
use std::sync::Arc;

/// Stories per category section.
const SECTION_SIZE: usize = 4;
const TOP_STORIES: usize = 8;

#[component]
pub fn Home() -> impl IntoView {
    let config = expect_context::<Arc<Config>>();
    let backend = expect_context::<Backend>();
    let latest = resource({
        let backend = backend.clone();
        move || {
            let backend = backend.clone();
            async move { backend.list(&ListKey::Latest, 1).await }
        }
    });
    let title = config.site.name.clone();
    crate::head::title(&title);
    crate::head::description(&home_description(&config.site));
    view! {
        <h1 class="visually-hidden">{title}</h1>
        {page_content(latest, Skeleton::List(6), |page| view! { <FrontPage page/> }.into_any())}
        {config.home.sections.iter().map(|slug| view! { <CategorySection slug=slug.clone()/> }.into_any()).collect_view()}
    }
}

/// The top of the front page from the newest stories.
#[component]
fn FrontPage(page: Page<Teaser>) -> impl IntoView {
    crate::first_view::hand_over();
    let Page { items: mut rest, total_pages, .. } = page;
    if rest.is_empty() {
        return view! { <p class="empty">"No stories have been published yet."</p> }.into_any();
    }
    let newest = rest.clone();
    // The lead is the newest featured story, else the newest story.
    let lead = rest.remove(rest.iter().position(|t| t.featured).unwrap_or(0));
    let top: Vec<Teaser> = rest.iter().take(TOP_STORIES).cloned().collect();
    let has_sidebar = expect_context::<Arc<Config>>().home.trending != Trending::Picks(Vec::new())
        || !slots(|p| p == Placement::Sidebar).is_empty();
    view! {
        <div class="front-page">
            <LeadStory teaser=lead/>
            <section class="top-stories" aria-labelledby="top-stories-heading">
                <h2 id="top-stories-heading" class="section-heading">"Top Stories"</h2>
                <HeadlineList teasers=top/>
            </section>
        </div>
        <div class="home-columns" class:with-sidebar=has_sidebar>
            <section class="latest-news" aria-labelledby="latest-heading">
                <h2 id="latest-heading" class="section-heading"><a href=crate::site_base::href("/latest")>"Latest News"</a></h2>
                <StoryFeed list=ListKey::Latest stories=rest loaded=RwSignal::new(1) total_pages class="teaser-grid" level=HeadlineLevel::H3/>
            </section>
            {has_sidebar.then(|| view! {
                <div class="home-sidebar">
                    <TrendingBlock newest/>
                    <SidebarAds/>
                </div>
            }.into_any())}
        </div>
    }
    .into_any()
}

/// "Trending" (the most commented of the newest stories) or "Recommended" (the editor's picks),
/// as `home.trending` says.
#[component]
fn TrendingBlock(newest: Vec<Teaser>) -> impl IntoView {
    match expect_context::<Arc<Config>>().home.trending.clone() {
        Trending::MostCommented => {
            let stories = most_commented(&newest, TRENDING_SIZE);
            (!stories.is_empty()).then(|| view! { <StoryRanking heading="Trending" stories/> }.into_any()).into_any()
        }
        Trending::Picks(slugs) => {
            let backend = expect_context::<Backend>();
            let picks = resource(move || {
                let (backend, slugs) = (backend.clone(), slugs.clone());
                async move {
                    // A pick that is gone or cannot load is left out; the block stands with the rest.
                    let loads = slugs.iter().map(|slug| backend.article(slug));
                    let found = side_by_side(loads).await.into_iter().filter_map(Result::ok).map(|a| a.teaser).collect();
                    picks_in_order(&slugs, found)
                }
            });
            view! {
                {move || picks.get().filter(|stories| !stories.is_empty()).map(|stories| view! { <StoryRanking heading="Recommended" stories/> }.into_any())}
            }
            .into_any()
        }
    }
}

#[component]
fn StoryRanking(heading: &'static str, stories: Vec<Teaser>) -> impl IntoView {
    view! {
        <section class="trending" aria-labelledby="trending-heading">
            <h2 id="trending-heading" class="section-heading">{heading}</h2>
            <ol class="trending-list">
                {stories.into_iter().map(|teaser| {
                    let comments = teaser.comments.count;
                    view! {
                        <li>
                            <CategoryLabel teaser=teaser.clone()/>
                            <a class="trending-title" href=crate::site_base::href(&article_path(&teaser.slug))>{teaser.title}</a>
                            {(comments > 0).then(|| view! {
                                <span class="trending-meta">{format!("{comments} {}", if comments == 1 { "comment" } else { "comments" })}</span>
                            }.into_any())}
                        </li>
                    }.into_any()
                }).collect_view()}
            </ol>
        </section>
    }
}

/// A category's newest stories, or nothing when it has none or cannot load (the rest of the
/// homepage stands on its own).
#[component]
fn CategorySection(slug: String) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let href = crate::site_base::href(&ListKey::Category(slug.clone()).path(1));
    let section = resource(move || {
        let (backend, slug) = (backend.clone(), slug.clone());
        async move {
            let page = backend.list(&ListKey::Category(slug.clone()), 1).await?;
            let heading = backend.heading(&ListKey::Category(slug)).await?;
            Ok::<_, LoadError>((heading.title, page.items))
        }
    });
    view! {
        {move || match section.get() {
            None => Some(view! { <ListSkeleton rows=1/> }.into_any()),
            Some(loaded) => loaded.ok().filter(|(_, items)| !items.is_empty()).map(|(name, items)| view! {
                <section class="category-section">
                    <h2 class="section-heading"><a href=href.clone()>{name}</a></h2>
                    <div class="teaser-grid">
                        {items.into_iter().take(SECTION_SIZE).map(|teaser| view! { <TeaserCard teaser/> }.into_any()).collect_view()}
                    </div>
                </section>
            }.into_any()),
        }}
    }
}
