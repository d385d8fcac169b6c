//! Small wrappers over browser APIs used across components.

use broadsheet_core::time::Timestamp;
use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// How much of a date to show.
#[derive(Clone, Copy)]
pub enum DateStyle {
    /// "Nov 2, 2026".
    Day,
    /// "November 2, 2026 at 2:05 PM".
    DayAndTime,
}

thread_local! {
    /// One `Intl.DateTimeFormat` per style: making one costs more than formatting a date with it,
    /// and a long comment thread formats hundreds.
    static FORMATTERS: [Function; 2] = [formatter(DateStyle::Day), formatter(DateStyle::DayAndTime)];
}

fn formatter(style: DateStyle) -> Function {
    let options = Object::new();
    let set = |key: &str, value: &str| {
        let _ = Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
    };
    match style {
        DateStyle::Day => set("dateStyle", "medium"),
        DateStyle::DayAndTime => {
            set("dateStyle", "long");
            set("timeStyle", "short");
        }
    }
    Intl::DateTimeFormat::new(&Array::new(), &options).format()
}

/// Makes the date formats ahead of the first page that shows a date (milliseconds of the
/// browser's locale data), so that they are not part of that page's task.
pub fn prepare_date_formats() {
    FORMATTERS.with(|_| ());
}

/// A date in the reader's own locale and time zone.
pub fn format_date(at: Timestamp, style: DateStyle) -> String {
    FORMATTERS
        .with(|formatters| formatters[style as usize].call1(&JsValue::NULL, &Date::new(&JsValue::from_f64(at.as_millis()))).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| at.to_string())
}

pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Runs `f` after `millis`, once.
pub fn set_timeout(f: impl FnOnce() + 'static, millis: i32) -> Option<i32> {
    set_boxed_timeout(Box::new(f), millis)
}

/// One copy of the closure's glue for every timer, rather than one for each caller's closure.
pub fn set_boxed_timeout(f: Box<dyn FnOnce()>, millis: i32) -> Option<i32> {
    let closure = wasm_bindgen::closure::Closure::once_into_js(f);
    window()?.set_timeout_with_callback_and_timeout_and_arguments_0(closure.unchecked_ref(), millis).ok()
}

/// Runs `f` once, before the next frame is painted (`requestAnimationFrame`); like
/// [`set_boxed_timeout`], with one copy of the glue for every caller.
pub fn before_next_frame(f: Box<dyn FnOnce()>) {
    let closure = wasm_bindgen::closure::Closure::once_into_js(f);
    if let Some(window) = window() {
        let _ = window.request_animation_frame(closure.unchecked_ref());
    }
}

/// Listens for `kind` events on `target` (the document, the window) for the page's lifetime.
pub fn listen(target: &web_sys::EventTarget, kind: &str, handler: impl FnMut(web_sys::Event) + 'static) {
    let closure = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(handler);
    let _ = target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
    closure.forget();
}

pub fn clear_timeout(handle: i32) {
    if let Some(w) = window() {
        w.clear_timeout_with_handle(handle);
    }
}

/// The browser's `localStorage`, when the reader allows it.
fn local_storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// A value kept in the browser. Unreadable data (an older format, a hand edit) is removed with a
/// console warning rather than breaking the page.
pub fn load_stored<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    let storage = local_storage()?;
    let text = storage.get_item(key).ok().flatten()?;
    match serde_json::from_str(&text) {
        Ok(value) => Some(value),
        Err(error) => {
            web_sys::console::warn_1(&JsValue::from_str(&format!("Broadsheet: discarding unreadable stored `{key}`: {error}")));
            let _ = storage.remove_item(key);
            None
        }
    }
}

/// Stores a value; a full or disabled storage is not an error the reader can act on.
pub fn store<T: serde::Serialize>(key: &str, value: &T) {
    if let (Some(storage), Ok(text)) = (local_storage(), serde_json::to_string(value)) {
        let _ = storage.set_item(key, &text);
    }
}

pub fn forget_stored(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

/// An event handler boxed: every handler of one event then has one type, so the renderer's code
/// for an event attribute is compiled once per event instead of once per handler.
pub fn handler<E: 'static>(handle: impl FnMut(E) + 'static) -> Box<dyn FnMut(E)> {
    Box::new(handle)
}

/// Moves focus to the page's content (`<main id="content">`), bringing it into view with `scroll`.
pub fn focus_content(scroll: bool) {
    let main = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("content"));
    if let Some(main) = main.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(!scroll);
        let _ = main.focus_with_options(&options);
    }
}
