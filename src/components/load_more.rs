//! A list of stories that grows in place: "Load more" appends the next page, a live region says
//! how many stories came, and focus moves to the first of them. In-list advertisements sit
//! between the stories.

use crate::api::Backend;
use crate::browser::handler;
use crate::components::ad_slot::{slots, AdSlot};
use crate::components::teaser::{HeadlineLevel, TeaserCard};
use broadsheet_core::config::{AdSlot as Slot, Placement};
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

/// The rows of `stories` after the first `from` of them: cards with the advertisements between.
fn rows(from: usize, stories: &[Teaser], every: usize, level: HeadlineLevel, ads: StoredValue<Vec<Slot>>) -> Vec<AnyView> {
    let entries = interleave(stories.len(), every).into_iter().skip(interleave(from, every).len());
    entries
        .map(|entry| match entry {
            Entry::Story(i) => view! { <TeaserCard teaser=stories[i].clone() level/> }.into_any(),
            Entry::Ad(n) => ads.with_value(|ads| ads.get(n % ads.len().max(1)).cloned()).map(|ad| view! { <AdSlot ad/> }.into_any()).into_any(),
        })
        .collect()
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
    let first = rows(0, &stories, every, level, ads);
    let shown = StoredValue::new(stories);
    // The rows "Load more" added, built once and appended to the list: the rows on screen are
    // never built again (and keep focus and scroll position).
    let appended = StoredValue::new_local(Vec::new());
    let owner = Owner::current();
    let total_pages = RwSignal::new(total_pages);
    let state = RwSignal::new(More::Idle);
    let announcement = RwSignal::new(String::new());
    let container = NodeRef::<html::Div>::new();
    // A memo, so that the button stays the same element (and keeps focus) while pages load.
    let has_more = Memo::new(move |_| loaded.get() < total_pages.get());

    let load_more = move |_| {
        if state.get_untracked() == More::Loading {
            return;
        }
        state.set(More::Loading);
        let (backend, list, next, owner) = (backend.clone(), list.clone(), loaded.get_untracked() + 1, owner.clone());
        spawn_local(async move {
            match backend.list(&list, next).await {
                Ok(page) => {
                    // The list may be gone by now (the reader went to another page).
                    let Some(before) = shown.try_with_value(Vec::len) else { return };
                    let added = shown.try_update_value(|stories| append_new(stories, page.items)).unwrap_or(0);
                    if let (Some(list), Some(owner)) = (container.get_untracked(), owner) {
                        let mut new_rows = owner.with(|| shown.with_value(|stories| rows(before, stories, every, level, ads)).build());
                        new_rows.mount(&list, None);
                        appended.update_value(|all| all.push(new_rows));
                    }
                    total_pages.set(page.total_pages);
                    loaded.set(next);
                    state.set(More::Idle);
                    announcement.set(added_message(added, next >= page.total_pages));
                    // The button may be gone: focus goes to the first new story, else to the last one.
                    let target = if added > 0 { before } else { before.saturating_sub(1) };
                    crate::browser::before_next_frame(Box::new(move || focus_story(container, target)));
                }
                Err(error) => state.set(More::Failed(error)),
            }
        });
    };

    view! {
        <div class=class node_ref=container aria-busy=move || (state.get() == More::Loading).then_some("true")>
            {first}
        </div>
        <p class="visually-hidden" role="status">{move || announcement.get()}</p>
        {move || if has_more.get() {
            view! {
                <div class="load-more">
                    {move || match state.get() {
                        More::Failed(error) => Some(view! { <p class="form-error" role="alert">"More stories could not be loaded. " {error.to_string()}</p> }.into_any()),
                        _ => None,
                    }}
                    <button type="button" class="button secondary" on:click=handler(load_more.clone())
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
            shown.with_value(|s| !s.is_empty()).then(|| view! { <p class="end-of-list">"You've reached the end"</p> }.into_any()).into_any()
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
