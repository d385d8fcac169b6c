//! The reading list, `/saved`: stories saved for later in this browser.

use crate::api::Backend;
use crate::browser::{handler, window};
use crate::components::bookmark::{load_reading_list, store_reading_list};
use crate::components::teaser::{HeadlineLevel, TeaserCard};
use broadsheet_core::reading_list::reading_list_key;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn SavedPage() -> impl IntoView {
    let key = reading_list_key(expect_context::<Backend>().site_key());
    let list = RwSignal::new(load_reading_list(&key));
    let notice = RwSignal::new(String::new());
    let remove = Callback::new(move |(slug, title): (String, String)| {
        let mut stored = load_reading_list(&key);
        stored.remove(&slug);
        list.update(|shown| shown.remove(&slug));
        store_reading_list(&key, &stored);
        notice.set(format!("Removed “{title}” from your saved stories."));
        // The button that had the focus is gone: the heading takes it, the notice says why.
        if let Some(heading) = window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("saved-heading")) {
            if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        }
    });
    crate::head::title("Saved stories");
    view! {
        <section class="saved-stories" aria-labelledby="saved-heading">
            <header class="archive-header">
                <h1 id="saved-heading" tabindex="-1">"Saved stories"</h1>
                <p>"Stories you chose to save for later. They are kept in this browser only."</p>
            </header>
            <p class="saved-notice" role="status">{move || notice.get()}</p>
            {move || {
                let stories = list.get().stories;
                if stories.is_empty() {
                    return view! {
                        <p class="empty">"You have no saved stories. Use “Save for later” on any story to keep it here."</p>
                    }.into_any();
                }
                view! {
                    <ul class="saved-list">
                        {stories.into_iter().map(|teaser| {
                            let (slug, title) = (teaser.slug.clone(), teaser.title.clone());
                            let label = format!("Remove “{title}” from saved stories");
                            view! {
                                <li class="saved-item">
                                    <TeaserCard teaser level=HeadlineLevel::H2/>
                                    <button type="button" class="button secondary" aria-label=label
                                        on:click=handler(move |_| remove.run((slug.clone(), title.clone())))>"Remove"</button>
                                </li>
                            }.into_any()
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
