//! Stories fetched ahead of the click: when the pointer rests on a link to a story, or the
//! keyboard focuses one, its answer is asked for, so that opening it paints in the next frame
//! from the HTTP cache (`api::http`), which also shares a request still in flight.

use crate::api::Backend;
use crate::browser::{clear_timeout, listen, set_timeout, window};
use leptos::task::spawn_local;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Event;

/// How long the pointer rests on a link before its story is fetched: passing over a list of links
/// asks for nothing.
const REST_MS: i32 = 65;

/// Listens on the whole document for the page's lifetime.
pub fn fetch_stories_on_intent(backend: Backend) {
    let Some(document) = window().and_then(|w| w.document()) else { return };
    let asked = Rc::new(RefCell::new(HashSet::<String>::new()));
    let fetch = Rc::new(move |slug: String| {
        if asked.borrow_mut().insert(slug.clone()) {
            let backend = backend.clone();
            // Only the cache is wanted: an error shows when the reader opens the story, if at all.
            spawn_local(async move {
                let _ = backend.article(&slug).await;
            });
        }
    });
    let pending = Rc::new(Cell::new(None::<i32>));
    let on_pointer_over = {
        let (fetch, pending) = (fetch.clone(), pending.clone());
        move |event: Event| {
            if let Some(slug) = story_slug(&event) {
                let fetch = fetch.clone();
                if let Some(timer) = pending.replace(set_timeout(move || fetch(slug), REST_MS)) {
                    clear_timeout(timer);
                }
            }
        }
    };
    let on_pointer_out = move |_: Event| {
        if let Some(timer) = pending.take() {
            clear_timeout(timer);
        }
    };
    let on_focus_in = move |event: Event| {
        if let Some(slug) = story_slug(&event) {
            fetch(slug);
        }
    };
    listen(&document, "pointerover", on_pointer_over);
    listen(&document, "pointerout", on_pointer_out);
    listen(&document, "focusin", on_focus_in);
}

/// The slug of the story that the event's link opens, if it is one.
fn story_slug(event: &Event) -> Option<String> {
    let link = event.target()?.dyn_into::<web_sys::Element>().ok()?.closest("a[href]").ok()??;
    let href = link.get_attribute("href")?;
    crate::site_base::with_base(|base| base.article_slug(&href).map(str::to_string))
}
