//! Click-to-load embeds. The sanitized body's iframes are swapped for placeholders of the same size
//! before the body reaches the page (an iframe outside the document loads nothing), so a story
//! contacts no video or social site until the reader presses "Load video from …".

use broadsheet_core::embed::{aspect_ratio, facade};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, DocumentFragment, Element, HtmlElement};

const INDEX_ATTRIBUTE: &str = "data-embed";
/// Our placeholders, told apart by the `data-` attribute that the sanitizer never lets backend
/// HTML keep (a story may well use the class names).
const PLACEHOLDER: &str = "[data-embed]";

/// The iframes waiting behind their placeholders, by the placeholder's `data-embed` index.
#[derive(Clone, Copy)]
pub struct EmbedFacades(StoredValue<Vec<Element>, LocalStorage>);

impl EmbedFacades {
    /// Replaces each iframe of the sanitized, not yet shown `body` by its placeholder.
    pub fn install(self, body: &DocumentFragment, embed_hosts: &[String]) {
        let (Some(document), Ok(iframes)) = (body.owner_document(), body.query_selector_all("iframe")) else { return };
        for iframe in (0..iframes.length()).filter_map(|i| iframes.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()) {
            let Some(index) = self.0.try_with_value(Vec::len) else { return };
            let Some(placeholder) = placeholder(&document, &iframe, index, embed_hosts) else { continue };
            if iframe.replace_with_with_node_1(&placeholder).is_ok() {
                self.0.try_update_value(|held| held.push(iframe));
            }
        }
    }

    /// The first placeholder as a block to lead the story with: its `<figure>` (and caption) when
    /// it has one, taken out of `body`.
    pub fn take_lead(self, body: &DocumentFragment) -> Option<Element> {
        let first = body.query_selector(PLACEHOLDER).ok()??;
        let block = first.parent_element().filter(|p| p.local_name() == "figure").unwrap_or(first);
        block.remove();
        Some(block)
    }

    /// Click anywhere in the story: on a placeholder's button, the embed takes its place and the
    /// focus.
    pub fn on_click(self, event: &leptos::ev::MouseEvent) {
        let Some(button) = event.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|e| e.closest(".embed-load").ok().flatten())
        else {
            return;
        };
        let Some(placeholder) = button.closest(PLACEHOLDER).ok().flatten() else { return };
        let index = placeholder.get_attribute(INDEX_ATTRIBUTE).and_then(|i| i.parse::<usize>().ok());
        let Some(iframe) = index.and_then(|i| self.0.try_with_value(|held| held.get(i).cloned()).flatten()) else { return };
        if placeholder.replace_with_with_node_1(&iframe).is_ok() {
            if let Some(iframe) = iframe.dyn_ref::<HtmlElement>() {
                let _ = iframe.focus();
            }
        }
    }
}

impl Default for EmbedFacades {
    fn default() -> Self {
        EmbedFacades(StoredValue::new_local(Vec::new()))
    }
}

/// `<div class="embed-facade"><p class="embed-title">…</p><button class="embed-load">Load video
/// from …</button></div>`; the iframe gets the address the button names.
fn placeholder(document: &Document, iframe: &Element, index: usize, embed_hosts: &[String]) -> Option<Element> {
    let src = iframe.get_attribute("src")?;
    let facade = facade(&src, embed_hosts);
    let _ = iframe.set_attribute("src", &facade.src);
    let box_ = document.create_element("div").ok()?.dyn_into::<HtmlElement>().ok()?;
    box_.set_class_name("embed-facade");
    let _ = box_.set_attribute(INDEX_ATTRIBUTE, &index.to_string());
    // Both keep the embed's own proportions, so loading it moves nothing. Set through the CSSOM:
    // the Content-Security-Policy refuses `style` attributes.
    if let Some(ratio) = aspect_ratio(iframe.get_attribute("width").as_deref(), iframe.get_attribute("height").as_deref()) {
        let _ = box_.style().set_property("aspect-ratio", &ratio);
        if let Some(iframe) = iframe.dyn_ref::<HtmlElement>() {
            let _ = iframe.style().set_property("aspect-ratio", &ratio);
        }
    }
    let title = document.create_element("p").ok()?;
    title.set_class_name("embed-title");
    title.set_text_content(Some(iframe.get_attribute("title").as_deref().filter(|t| !t.trim().is_empty()).unwrap_or("Embedded content")));
    let button = document.create_element("button").ok()?;
    button.set_class_name("embed-load");
    let _ = button.set_attribute("type", "button");
    button.set_text_content(Some(&facade.label));
    box_.append_with_node_2(&title, &button).ok()?;
    Some(box_.into())
}
