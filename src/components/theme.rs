//! The reader's display settings in the header: colour theme (auto, light, dark) and text size
//! ("Aa"). Both are remembered in the browser and set as attributes on `<html>`, where the early
//! script in `index.html` already put them before the first paint.

use crate::browser::{handler, load_stored, store};
use broadsheet_core::preferences::{TextSize, Theme, TEXT_SIZE_KEY, THEME_KEY};
use leptos::prelude::*;

fn set_root_attribute(name: &str, value: Option<&str>) {
    let Some(root) = document().document_element() else { return };
    let _ = match value {
        Some(value) => root.set_attribute(name, value),
        None => root.remove_attribute(name),
    };
}

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let theme = RwSignal::new(load_stored::<String>(THEME_KEY).and_then(|name| Theme::from_stored(&name)).unwrap_or_default());
    let change = move |_| {
        let next = theme.get_untracked().next();
        theme.set(next);
        store(THEME_KEY, &next.stored_name());
        set_root_attribute("data-theme", next.attribute());
    };
    view! {
        <button type="button" class="tool theme-toggle" on:click=handler(change) title="Change the colour theme"
            aria-label=move || format!("Colour theme: {}", theme.get().label())>
            <span class="tool-icon" aria-hidden="true">"◐"</span>
            <span class="tool-text">{move || theme.get().label()}</span>
        </button>
    }
}

#[component]
pub fn TextSizeToggle() -> impl IntoView {
    let size = RwSignal::new(load_stored::<String>(TEXT_SIZE_KEY).and_then(|name| TextSize::from_stored(&name)).unwrap_or_default());
    let change = move |_| {
        let next = size.get_untracked().next();
        size.set(next);
        store(TEXT_SIZE_KEY, &next.stored_name());
        set_root_attribute("data-text-size", next.attribute());
    };
    view! {
        <button type="button" class="tool text-size-toggle" on:click=handler(change) title="Change the text size">
            "Aa"<span class="visually-hidden">{move || format!(" Text size: {}", size.get().label())}</span>
        </button>
    }
}
