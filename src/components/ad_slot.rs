//! Advertisements from `config.json`: labelled, marked as sponsored links, and in a box of their
//! own shape from the start so that nothing on the page moves when the picture arrives.

use broadsheet_core::config::{AdSlot as Slot, Config, Placement};
use leptos::prelude::*;
use std::sync::Arc;

/// The configured slots for one kind of placement.
pub fn slots(is: impl Fn(Placement) -> bool) -> Vec<Slot> {
    let config = expect_context::<Arc<Config>>();
    config.ads.iter().filter(|slot| is(slot.placement)).cloned().collect()
}

#[component]
pub fn AdSlot(ad: Slot) -> impl IntoView {
    let placement = match ad.placement {
        Placement::Header => "header",
        Placement::InList { .. } => "in-list",
        Placement::InArticle => "in-article",
        Placement::Sidebar => "sidebar",
    };
    view! {
        // A named group, not a landmark: a page has several, and landmarks must differ by name.
        <div class=format!("ad ad-{placement}") role="group" aria-label="Advertisement">
            <p class="ad-label" aria-hidden="true">"- Advertisement -"</p>
            // The picture's size attributes shape the box before it loads (style/chrome.css).
            <a class="ad-box" href=crate::site_base::href(&ad.href) rel="sponsored noopener">
                <img src=crate::site_base::href(&ad.image) alt=ad.label width=ad.width height=ad.height loading="lazy" decoding="async"/>
            </a>
        </div>
    }
}

/// The header's advertisement, on every page.
#[component]
pub fn HeaderAd() -> impl IntoView {
    slots(|p| p == Placement::Header).into_iter().next().map(|ad| view! { <AdSlot ad/> }.into_any())
}

/// The homepage sidebar's advertisements.
#[component]
pub fn SidebarAds() -> impl IntoView {
    slots(|p| p == Placement::Sidebar).into_iter().map(|ad| view! { <AdSlot ad/> }.into_any()).collect_view()
}

/// An advertisement for the article page to place after the story's text.
#[component]
pub fn InArticleAd() -> impl IntoView {
    slots(|p| p == Placement::InArticle).into_iter().next().map(|ad| view! { <AdSlot ad/> }.into_any())
}
