//! A panic kills a WebAssembly app. If one ever happens, the reader gets a way out instead of a
//! frozen page, and the console gets the message.

use wasm_bindgen::JsValue;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("Broadsheet stopped: {info}")));
        if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
            show(&body);
        }
    }));
}

/// Replaces `container`'s content with the "something went wrong" screen.
pub fn show(container: &web_sys::Element) {
    // Static markup, no backend data: safe to set as HTML.
    container.set_inner_html(
        "<main class=\"panic-screen\" role=\"alert\"><h1>Something went wrong</h1>\
         <p>This page stopped working. Reloading it usually helps.</p>\
         <p><a href=\"\" class=\"button\">Reload</a></p></main>",
    );
}
