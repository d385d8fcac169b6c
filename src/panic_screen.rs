//! A panic kills a WebAssembly app. If one ever happens, the reader gets a way out instead of a
//! frozen page, and the console gets the message.

use wasm_bindgen::JsValue;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("Broadsheet stopped: {info}")));
        if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
            crate::first_view::hand_over();
            show(&body);
        }
    }));
}

/// Replaces `container`'s content with the "something went wrong" screen, built node by node:
/// the app may be in any state, so nothing here goes through the framework.
pub fn show(container: &web_sys::Element) {
    let Some(document) = container.owner_document() else { return };
    let element = |tag: &str, attributes: &[(&str, &str)], text: &str| {
        let element = document.create_element(tag).ok()?;
        for (name, value) in attributes {
            element.set_attribute(name, value).ok()?;
        }
        element.set_text_content(Some(text));
        Some(element)
    };
    let build = || -> Option<web_sys::Element> {
        let screen = element("main", &[("class", "panic-screen"), ("role", "alert")], "")?;
        let heading = element("h1", &[], "Something went wrong")?;
        let advice = element("p", &[], "This page stopped working. Reloading it usually helps.")?;
        let reload = element("p", &[], "")?;
        let link = element("a", &[("href", ""), ("class", "button")], "Reload")?;
        reload.append_child(&link).ok()?;
        for part in [&heading, &advice, &reload] {
            screen.append_child(part).ok()?;
        }
        Some(screen)
    };
    if let Some(screen) = build() {
        container.replace_children_with_node_1(&screen);
    }
}
