//! A story in a list: card with picture, headline only, or the lead story.

use crate::browser::DateStyle;
use crate::components::date::DateTime;
use broadsheet_core::model::{Image, Teaser};
use broadsheet_core::routes::{article_path, ListKey};
use leptos::prelude::*;

/// Whether a picture is loaded at once (the first screen) or when it nears the viewport.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Loading {
    Eager,
    Lazy,
}

#[component]
pub fn Picture(image: Image, loading: Loading, #[prop(into)] sizes: String) -> impl IntoView {
    let srcset = crate::site_base::srcset(&image);
    let (loading, priority) = match loading {
        Loading::Eager => ("eager", "high"),
        Loading::Lazy => ("lazy", "auto"),
    };
    view! {
        <img src=crate::site_base::href(&image.src) alt=image.alt width=image.width height=image.height srcset=srcset
            sizes=sizes loading=loading fetchpriority=priority decoding="async"/>
    }
}

/// The category label that links to its archive.
#[component]
pub fn CategoryLabel(teaser: Teaser) -> impl IntoView {
    teaser.primary_category().cloned().map(|category| {
        view! { <a href=crate::site_base::href(&ListKey::Category(category.slug).path(1)) class="category-label">{category.name}</a> }.into_any()
    })
}

/// "By Name · Nov 2, 2026 · 4 min read".
#[component]
pub fn TeaserMeta(teaser: Teaser) -> impl IntoView {
    let authors = teaser.authors.iter().map(|a| a.name.clone()).collect::<Vec<_>>().join(", ");
    view! {
        <p class="teaser-meta">
            {(!authors.is_empty()).then(|| view! { <span class="byline">"By " {authors}</span> }.into_any())}
            <DateTime at=teaser.published style=DateStyle::Day/>
            {(teaser.reading_minutes > 0).then(|| view! { <span>{teaser.reading_minutes} " min read"</span> }.into_any())}
        </p>
    }
}

/// Where a card's headline sits in the page outline: right under the page's `h1` (an archive,
/// the reading list) or under a section's `h2`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum HeadlineLevel {
    H2,
    H3,
}

/// A card: picture, label, headline, excerpt, meta.
#[component]
pub fn TeaserCard(
    teaser: Teaser,
    #[prop(default = Loading::Lazy)] loading: Loading,
    #[prop(default = HeadlineLevel::H3)] level: HeadlineLevel,
) -> impl IntoView {
    let href = crate::site_base::href(&article_path(&teaser.slug));
    let link = view! { <a href=href.clone()>{teaser.title.clone()}</a> };
    let headline = match level {
        HeadlineLevel::H2 => view! { <h2 class="teaser-title">{link}</h2> }.into_any(),
        HeadlineLevel::H3 => view! { <h3 class="teaser-title">{link}</h3> }.into_any(),
    };
    view! {
        <article class="teaser-card">
            {teaser.hero.clone().map(|image| view! {
                <a href=href class="teaser-image" tabindex="-1" aria-hidden="true">
                    <Picture image loading sizes="(min-width: 900px) 300px, 100vw"/>
                </a>
            }.into_any())}
            <div class="teaser-text">
                <CategoryLabel teaser=teaser.clone()/>
                {headline}
                <p class="teaser-excerpt">{teaser.excerpt.clone()}</p>
                <TeaserMeta teaser/>
            </div>
        </article>
    }
}

/// The lead story: large picture and headline.
#[component]
pub fn LeadStory(teaser: Teaser) -> impl IntoView {
    let href = crate::site_base::href(&article_path(&teaser.slug));
    let title = teaser.title.clone();
    let standfirst = teaser.dek.clone().unwrap_or_else(|| teaser.excerpt.clone());
    view! {
        <article class="lead-story">
            {teaser.hero.clone().map(|image| view! {
                <a href=href.clone() class="lead-image" tabindex="-1" aria-hidden="true">
                    <Picture image loading=Loading::Eager sizes="(min-width: 900px) 640px, 100vw"/>
                </a>
            }.into_any())}
            <div class="lead-text">
                <CategoryLabel teaser=teaser.clone()/>
                <h2 class="lead-title"><a href=href>{title}</a></h2>
                <p class="lead-excerpt">{standfirst}</p>
                <TeaserMeta teaser/>
            </div>
        </article>
    }
}

/// Headlines only, as in a "Top Stories" column.
#[component]
pub fn HeadlineList(teasers: Vec<Teaser>) -> impl IntoView {
    view! {
        <ol class="headline-list">
            {teasers.into_iter().map(|t| view! { <li><a href=crate::site_base::href(&article_path(&t.slug))>{t.title}</a></li> }.into_any()).collect_view()}
        </ol>
    }
}

