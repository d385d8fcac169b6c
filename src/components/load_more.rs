//! A list of stories that grows in place: "Load more" appends the next page, a live region says
//! how many stories came, and focus moves to the first of them. In-list advertisements sit
//! between the stories.

use crate::api::Backend;
use crate::components::ad_slot::{slots, AdSlot};
use crate::components::teaser::{HeadlineLevel, TeaserCard};
use broadsheet_core::config::Placement;
use broadsheet_core::error::LoadError;
use broadsheet_core::feed::{added_message, append_new, interleave, Entry};
use broadsheet_core::model::Teaser;
use broadsheet_core::routes::ListKey;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

#[derive(Clone, PartialEq)]
enum More {
    Idle,
    Loading,
    Failed(LoadError),
}

/// A story or an advertisement, keyed so that appending keeps what is on screen in place.
#[derive(Clone)]
enum Item {
    Story(Box<Teaser>),
    Ad(usize),
}

impl Item {
    fn key(&self) -> String {
        match self {
            Item::Story(teaser) => format!("story-{}", teaser.slug),
            Item::Ad(n) => format!("ad-{n}"),
        }
    }
}

#[component]
pub fn StoryFeed(
    list: ListKey,
    /// The stories shown at first, from page `loaded` of the list.
    stories: Vec<Teaser>,
    /// The last page shown; the caller's pagination follows it.
    loaded: RwSignal<u32>,
    total_pages: u32,
    /// `teaser-grid` or `teaser-list`.
    class: &'static str,
    /// The level of the stories' headlines, below the heading of the list.
    level: HeadlineLevel,
) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let ads = StoredValue::new(slots(|p| matches!(p, Placement::InList { .. })));
    let every = ads.with_value(|ads| match ads.first().map(|ad| ad.placement) {
        Some(Placement::InList { every }) => every,
        _ => 0,
    });
    let shown = RwSignal::new(stories);
    let total_pages = RwSignal::new(total_pages);
    let state = RwSignal::new(More::Idle);
    let announcement = RwSignal::new(String::new());
    let container = NodeRef::<html::Div>::new();
    // A memo, so that the button stays the same element (and keeps focus) while pages load.
    let has_more = Memo::new(move |_| loaded.get() < total_pages.get());

    let items = move || {
        shown.with(|stories| {
            interleave(stories.len(), every)
                .into_iter()
                .map(|entry| match entry {
                    Entry::Story(i) => Item::Story(Box::new(stories[i].clone())),
                    Entry::Ad(n) => Item::Ad(n),
                })
                .collect::<Vec<_>>()
        })
    };
    let load_more = move |_| {
        if state.get_untracked() == More::Loading {
            return;
        }
        state.set(More::Loading);
        let (backend, list, next) = (backend.clone(), list.clone(), loaded.get_untracked() + 1);
        spawn_local(async move {
            match backend.list(&list, next).await {
                Ok(page) => {
                    let before = shown.with_untracked(Vec::len);
                    let mut added = 0;
                    shown.update(|stories| added = append_new(stories, page.items));
                    total_pages.set(page.total_pages);
                    loaded.set(next);
                    state.set(More::Idle);
                    announcement.set(added_message(added, next >= page.total_pages));
                    // The button may be gone: focus goes to the first new story, else to the last one.
                    let target = if added > 0 { before } else { before.saturating_sub(1) };
                    request_animation_frame(move || focus_story(container, target));
                }
                Err(error) => state.set(More::Failed(error)),
            }
        });
    };

    view! {
        <div class=class node_ref=container aria-busy=move || (state.get() == More::Loading).then_some("true")>
            <For each=items key=Item::key children=move |item| match item {
                Item::Story(teaser) => view! { <TeaserCard teaser=*teaser level/> }.into_any(),
                Item::Ad(n) => ads.with_value(|ads| ads.get(n % ads.len().max(1)).cloned()).map(|ad| view! { <AdSlot ad/> }).into_any(),
            }/>
        </div>
        <p class="visually-hidden" role="status">{move || announcement.get()}</p>
        {move || if has_more.get() {
            view! {
                <div class="load-more">
                    {move || match state.get() {
                        More::Failed(error) => Some(view! { <p class="form-error" role="alert">"More stories could not be loaded. " {error.to_string()}</p> }),
                        _ => None,
                    }}
                    <button type="button" class="button secondary" on:click=load_more.clone()
                        aria-disabled=move || (state.get() == More::Loading).then_some("true")>
                        {move || match state.get() {
                            More::Loading => "Loading…",
                            More::Failed(_) => "Try again",
                            More::Idle => "Load more",
                        }}
                    </button>
                </div>
            }.into_any()
        } else {
            shown.with_untracked(|s| !s.is_empty()).then(|| view! { <p class="end-of-list">"You've reached the end"</p> }).into_any()
        }}
    }
}

/// Focuses the headline link of the `index`-th story in the list.
fn focus_story(container: NodeRef<html::Div>, index: usize) {
    let Some(container) = container.get_untracked() else { return };
    let link = container.query_selector_all(".teaser-title a").ok().and_then(|links| links.item(index as u32));
    if let Some(link) = link.and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = link.focus();
    }
}
