//! The document head for the page on screen: its title, its description and a story's other tags
//! (`components/article_head.rs`). A page sets them when it is built and they are undone when its
//! reactive owner is cleaned up (the page leaves, or its content is replaced), so every in-app
//! navigation leaves the head describing the page on screen.

use crate::browser::window;
use crate::components::after_paint::after_paint;
use broadsheet_core::config::Config;
use broadsheet_core::structured_data::document_title;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::sync::Arc;

thread_local! {
    /// The titles of the views alive, oldest first: the site's own (shown while a page loads), then
    /// the page's. The newest is the document's: a page is built before the one it replaces goes.
    static TITLES: RefCell<Vec<(u32, String)>> = const { RefCell::new(Vec::new()) };
    static NEXT_TITLE: Cell<u32> = const { Cell::new(0) };
    /// Whether the newest title is already due to be shown after the next paint.
    static TITLE_DUE: Cell<bool> = const { Cell::new(false) };
}

/// Titles the document "{text} – {site name}" while the current owner lives, from the frame after
/// the next paint.
pub fn title(text: &str) {
    let site_name = use_context::<Arc<Config>>().map(|config| config.site.name.clone()).unwrap_or_default();
    let id = NEXT_TITLE.replace(NEXT_TITLE.get().wrapping_add(1));
    TITLES.with_borrow_mut(|titles| titles.push((id, document_title(text, &site_name))));
    show_title();
    on_cleanup(move || {
        TITLES.with_borrow_mut(|titles| titles.retain(|(other, _)| *other != id));
        show_title();
    });
}

/// Sets the document's title to the newest once the page is painted: setting it costs
/// milliseconds (the browser is told), and a navigation changes the newest twice (the new page's
/// comes, the old page's goes), so it is set once, outside the frame that shows the new page.
fn show_title() {
    if TITLE_DUE.replace(true) {
        return;
    }
    after_paint(|| {
        TITLE_DUE.set(false);
        let newest = TITLES.with_borrow(|titles| titles.last().map(|(_, title)| title.clone()));
        if let (Some(title), Some(document)) = (newest, window().and_then(|w| w.document())) {
            document.set_title(&title);
        }
    });
}

/// Describes the page in the head while the current owner lives.
pub fn description(content: &str) {
    add("meta", &[("name", "description"), ("content", content)], "");
}

/// Adds an element to the head while the current owner lives; `text` is set as its text.
pub fn add(tag: &str, attributes: &[(&str, &str)], text: &str) {
    // Dropped, and so removed, with the owner.
    StoredValue::new_local(HeadElement::add(tag, attributes, text));
}

/// An element of the head, removed when dropped.
struct HeadElement(web_sys::Element);

impl HeadElement {
    fn add(tag: &str, attributes: &[(&str, &str)], text: &str) -> Option<HeadElement> {
        let document = window()?.document()?;
        let element = document.create_element(tag).ok()?;
        for (name, value) in attributes {
            element.set_attribute(name, value).ok()?;
        }
        if !text.is_empty() {
            element.set_text_content(Some(text));
        }
        document.head()?.append_child(&element).ok()?;
        Some(HeadElement(element))
    }
}

impl Drop for HeadElement {
    fn drop(&mut self) {
        self.0.remove();
    }
}
