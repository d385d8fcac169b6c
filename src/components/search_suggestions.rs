//! The header's search box with live suggestions as the reader types (the ARIA combobox pattern):
//! arrow keys move through the stories found, Enter opens the highlighted one (or searches),
//! Escape closes the list.

use crate::api::Backend;
use crate::browser::handler;
use crate::components::search_form::{SearchForm, SearchName};
use broadsheet_core::routes::article_path;
use broadsheet_core::search::SearchEntry;
use broadsheet_core::suggest::{count_message, move_active, wants_suggestions, Move, MAX_SUGGESTIONS};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Quiet time after a keystroke before asking, so that typing a word asks once.
const DEBOUNCE: Duration = Duration::from_millis(250);
const LIST_ID: &str = "site-search-suggestions";

fn option_id(index: usize) -> String {
    format!("site-search-option-{index}")
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let backend = expect_context::<Backend>();
    let location = crate::router::use_location();
    let query = RwSignal::new(String::new());
    let found = RwSignal::new(Vec::<SearchEntry>::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let status = RwSignal::new(String::new());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    // Answers to an older query are dropped when they arrive late.
    let asked = StoredValue::new(0u32);

    let close = move || {
        open.set(false);
        active.set(None);
    };
    let ask = move |text: String| {
        if let Some(pending) = timer.get_value() {
            pending.clear();
        }
        asked.update_value(|n| *n += 1);
        if !wants_suggestions(&text) {
            close();
            found.set(Vec::new());
            return;
        }
        let this = asked.get_value();
        let backend = backend.clone();
        let handle = set_timeout_with_handle(
            move || {
                spawn_local(async move {
                    // A failure shows nothing here; the results page explains it if the reader searches.
                    let entries: Vec<SearchEntry> = match backend.search(&text, 1).await {
                        Ok(page) => page.items.into_iter().take(MAX_SUGGESTIONS).collect(),
                        Err(_) => Vec::new(),
                    };
                    if asked.get_value() != this {
                        return;
                    }
                    status.set(count_message(entries.len()));
                    active.set(None);
                    open.set(!entries.is_empty());
                    found.set(entries);
                });
            },
            DEBOUNCE,
        );
        timer.set_value(handle.ok());
    };
    let go = move |index: usize| {
        if let Some(entry) = found.with_untracked(|list| list.get(index).cloned()) {
            close();
            query.set(String::new());
            location.navigate(&article_path(&entry.slug));
        }
    };
    let on_input = move |event: leptos::ev::Event| {
        let text = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default();
        query.set(text.clone());
        ask(text);
    };
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let count = found.with_untracked(Vec::len);
        if let Some(step) = Move::from_key(&event.key()) {
            if count > 0 {
                event.prevent_default();
                open.set(true);
                active.set(move_active(active.get_untracked(), count, step));
            }
            return;
        }
        match event.key().as_str() {
            "Enter" => match active.get_untracked().filter(|_| open.get_untracked()) {
                Some(index) => {
                    event.prevent_default();
                    go(index);
                }
                // The form searches for the text.
                None => close(),
            },
            // Closes the list and keeps the text (the browser would clear a search box).
            "Escape" if open.get_untracked() => {
                event.prevent_default();
                close();
            }
            _ => {}
        }
    };

    view! {
        <SearchForm class="search-form" name=SearchName::Label("Site search")>
            <label for="site-search" class="visually-hidden">"Search"</label>
            <div class="search-box">
                <input id="site-search" type="search" name="q" placeholder="Search" autocomplete="off"
                    role="combobox" aria-autocomplete="list" aria-controls=LIST_ID
                    aria-expanded=move || open.get().to_string()
                    aria-activedescendant=move || active.get().filter(|_| open.get()).map(option_id)
                    prop:value=move || query.get() on:input=handler(on_input) on:keydown=handler(on_keydown) on:blur=handler(move |_| close())/>
                // mousedown would move focus out of the box and close the list before the click.
                <ul id=LIST_ID role="listbox" aria-label="Suggested stories" class="suggestions" hidden=move || !open.get()
                    on:mousedown=handler(|event: web_sys::MouseEvent| event.prevent_default())>
                    {move || found.get().into_iter().enumerate().map(|(index, entry)| {
                        view! {
                            <li id=option_id(index) role="option" aria-selected=move || (active.get() == Some(index)).to_string()
                                on:click=handler(move |_| go(index))>
                                <span class="suggestion-title">{entry.title}</span>
                                {(!entry.category.is_empty()).then(|| view! { <span class="suggestion-category">{entry.category}</span> }.into_any())}
                            </li>
                        }.into_any()
                    }).collect_view()}
                </ul>
            </div>
            <button type="submit">"Search"</button>
            <p class="visually-hidden" role="status">{move || status.get()}</p>
        </SearchForm>
    }
}
