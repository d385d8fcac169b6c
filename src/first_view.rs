//! A published page carries its first view (`#prerendered`, written by broadsheet-publish): the
//! page's headline and text, painted before the app has loaded. The app renders hidden behind it
//! and takes its place once it shows the same page, so the reader never sees the story give way
//! to a placeholder.

use broadsheet_core::deploy::pages::ADDED_MARKS;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// On `<html>` while the app waits behind the first view (style/main.css hides the app).
const WAITING: &str = "app-waiting";

fn first_view() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id("prerendered")
}

/// Whether the app is still behind the first view (hidden, laid out in its place).
pub fn waiting() -> bool {
    first_view().is_some()
}

/// Runs `then` in a task of its own after the next frame: a page built behind the first view a
/// part at a time has each part laid out, unseen, in the frame between two tasks, rather than
/// all of it in one long task when it takes over.
pub fn after_frame(then: Box<dyn FnOnce()>) {
    crate::browser::before_next_frame(Box::new(move || {
        crate::browser::set_boxed_timeout(then, 0);
    }));
}

thread_local! {
    /// What waits for the app's first paint, in the order asked for (see `after_hand_over`).
    static AFTER_HAND_OVER: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// Runs `then` once the app has taken over from the first view, after the frame that paints it,
/// each in a task of its own.
pub fn after_hand_over(then: Box<dyn FnOnce()>) {
    AFTER_HAND_OVER.with_borrow_mut(|waiting| waiting.push(then));
}

/// At start: the app will render hidden while there is a first view.
pub fn hold() {
    if first_view().is_some() {
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.class_list().add_1(WAITING);
        }
    }
}

/// Shows the app in place of the first view; called by each page once it has its own content (or
/// an error to show). Does nothing after the first time. A reader who has scrolled keeps their
/// place: should the app's header differ in height from the first view's (a signed-in reader's
/// name, a wrapped menu), the page is scrolled by the difference before the next paint.
pub fn hand_over() {
    let Some(view) = first_view() else { return };
    let Some(window) = web_sys::window() else { return };
    let scrolled = window.scroll_y().unwrap_or_default() > 0.0;
    let content_top = |main: Option<web_sys::Element>| main.map(|main| main.get_bounding_client_rect().top());
    let before = if scrolled { content_top(view.query_selector("main").ok().flatten()) } else { None };
    let search = typed_search(&view);
    view.remove();
    remove_published_head(&window);
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.class_list().remove_1(WAITING);
    }
    if let Some(search) = search {
        search.carry_over();
    }
    for then in AFTER_HAND_OVER.take() {
        after_frame(then);
    }
    if let Some(before) = before {
        crate::browser::before_next_frame(Box::new(move || {
            let app_main = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("content"));
            if let (Some(after), Some(window)) = (content_top(app_main), web_sys::window()) {
                // At once: the stylesheet's smooth scrolling would show the page sliding.
                let options = web_sys::ScrollToOptions::new();
                options.set_top(after - before);
                options.set_behavior(web_sys::ScrollBehavior::Instant);
                window.scroll_by_with_scroll_to_options(&options);
            }
        }));
    }
}

/// The head tags broadsheet-publish added (between its `<!--published-->` marks): from here on the
/// app's pages keep the head, and two canonical addresses or descriptions would contradict.
fn remove_published_head(window: &web_sys::Window) {
    let Some(head) = window.document().and_then(|d| d.head()) else { return };
    let mut inside = false;
    let mut node = head.first_child();
    while let Some(current) = node {
        node = current.next_sibling();
        let mark = (current.node_type() == web_sys::Node::COMMENT_NODE).then(|| current.node_value().unwrap_or_default());
        match mark.as_deref() {
            Some(open) if open == ADDED_MARKS.0 => inside = true,
            Some(close) if close == ADDED_MARKS.1 => inside = false,
            _ if !inside => continue,
            _ => {}
        }
        let _ = head.remove_child(&current);
    }
}

/// What the reader was typing into the first view's search field.
struct TypedSearch {
    text: String,
    focused: bool,
}

fn typed_search(view: &web_sys::Element) -> Option<TypedSearch> {
    let input: web_sys::HtmlInputElement = view.query_selector("#first-view-search").ok().flatten()?.dyn_into().ok()?;
    let focused = input.owner_document().and_then(|d| d.active_element()).is_some_and(|active| active == **input);
    let text = input.value();
    (focused || !text.is_empty()).then_some(TypedSearch { text, focused })
}

impl TypedSearch {
    /// Into the app's search field, as if typed there (so its suggestions follow).
    fn carry_over(self) {
        let document = web_sys::window().and_then(|w| w.document());
        let Some(input) = document.and_then(|d| d.get_element_by_id("site-search")).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        input.set_value(&self.text);
        if let Ok(event) = web_sys::Event::new("input") {
            let _ = input.dispatch_event(&event);
        }
        if self.focused {
            let _ = input.focus();
        }
    }
}
