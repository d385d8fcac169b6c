//! "Save for later": keeps a story's teaser in this browser's reading list (the `/saved` page).

use crate::api::Backend;
use crate::browser::{forget_stored, handler, load_stored, store};
use broadsheet_core::model::Teaser;
use broadsheet_core::reading_list::{reading_list_key, ReadingList};
use leptos::prelude::*;

/// The reading list as stored; unreadable data was already dropped with a console warning.
pub fn load_reading_list(key: &str) -> ReadingList {
    load_stored::<ReadingList>(key).unwrap_or_default()
}

pub fn store_reading_list(key: &str, list: &ReadingList) {
    if list.stories.is_empty() {
        forget_stored(key);
    } else {
        store(key, list);
    }
}

/// A toggle: its name stays "Save for later" and `aria-pressed` says whether the story is saved.
#[component]
pub fn SaveForLater(teaser: Teaser) -> impl IntoView {
    let key = reading_list_key(expect_context::<Backend>().site_key());
    let saved = RwSignal::new(load_reading_list(&key).contains(&teaser.slug));
    let toggle = move |_| {
        // Read afresh: another tab may have changed the list since this page loaded.
        let mut list = load_reading_list(&key);
        if list.contains(&teaser.slug) {
            list.remove(&teaser.slug);
        } else {
            list.save(teaser.clone());
        }
        saved.set(list.contains(&teaser.slug));
        store_reading_list(&key, &list);
    };
    view! {
        <p class="bookmark">
            <button type="button" class="bookmark-toggle" aria-pressed=move || saved.get().to_string() on:click=handler(toggle)>
                "Save for later"
            </button>
            <a href=crate::site_base::href("/saved") class="bookmark-list">"Saved stories"</a>
        </p>
    }
}
