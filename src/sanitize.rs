//! The one way backend HTML reaches the page. The browser's `DOMParser` parses it into an inert
//! document (nothing runs, nothing loads), and a walk copies only what the core's policy allows
//! into fresh nodes of the live document. No string of backend HTML is ever set as markup.

use broadsheet_core::model::UntrustedHtml;
use broadsheet_core::sanitize_policy::{element_rule, keeps_children, plain_paragraphs, required_attribute, ElementRule, Policy};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, DocumentFragment, DomParser, Element, HtmlElement, NamedNodeMap, Node, SupportedType};

const XHTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";
/// Deeper nesting is cut off: no story needs it and hostile markup uses it to exhaust the stack.
const MAX_DEPTH: u32 = 48;

// The parsed document is hostile: a `<form>` exposes its controls as named properties that shadow
// the DOM's own (`<form><input name=nextSibling>` makes `form.nextSibling` that input; a control
// outside the form joins it with `form=`, which turns the walk into an endless loop). So the walk
// reads the tree only through the prototypes' own getters, bound once (`final`), never through
// property lookups on the parsed nodes.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = Node)]
    type ParsedNode;
    #[wasm_bindgen(method, getter, final, js_name = firstChild)]
    fn first_child(this: &ParsedNode) -> Option<Node>;
    #[wasm_bindgen(method, getter, final, js_name = nextSibling)]
    fn next_sibling(this: &ParsedNode) -> Option<Node>;
    #[wasm_bindgen(method, getter, final, js_name = nodeType)]
    fn node_type(this: &ParsedNode) -> u16;
    #[wasm_bindgen(method, getter, final, js_name = textContent)]
    fn text_content(this: &ParsedNode) -> Option<String>;

    #[wasm_bindgen(js_name = Element)]
    type ParsedElement;
    #[wasm_bindgen(method, getter, final, js_name = namespaceURI)]
    fn namespace_uri(this: &ParsedElement) -> Option<String>;
    #[wasm_bindgen(method, getter, final, js_name = localName)]
    fn local_name(this: &ParsedElement) -> String;
    #[wasm_bindgen(method, getter, final, js_name = attributes)]
    fn attributes(this: &ParsedElement) -> NamedNodeMap;

    #[wasm_bindgen(js_name = Document)]
    type ParsedDocument;
    #[wasm_bindgen(method, getter, final, js_name = body)]
    fn body(this: &ParsedDocument) -> Option<HtmlElement>;
}

fn parsed(node: &Node) -> &ParsedNode {
    node.unchecked_ref()
}

/// Sanitized nodes, ready to insert; `None` only when the browser offers no DOM at all.
pub fn sanitize(html: &UntrustedHtml, policy: &Policy) -> Option<DocumentFragment> {
    let fragment = web_sys::window()?.document()?.create_document_fragment();
    sanitize_into(html, policy, &fragment)?;
    Some(fragment)
}

/// Sanitized nodes added at the end of `into` (an element not yet in the page, say), without a
/// fragment to create and insert for each of a long thread's comments.
pub fn sanitize_into(html: &UntrustedHtml, policy: &Policy, into: &Node) -> Option<()> {
    let target = into.owner_document()?;
    if let Some(paragraphs) = plain_paragraphs(&html.0) {
        for text in paragraphs {
            let p = target.create_element("p").ok()?;
            p.set_text_content(Some(text));
            into.append_child(&p).ok()?;
        }
        return Some(());
    }
    let parsed_document = DomParser::new().ok()?.parse_from_string(&html.0, SupportedType::TextHtml).ok()?;
    if let Some(body) = parsed_document.unchecked_ref::<ParsedDocument>().body() {
        copy_children(&body, into, &Copier { target: &target, policy }, 0);
    }
    Some(())
}

struct Copier<'a> {
    target: &'a Document,
    policy: &'a Policy,
}

fn copy_children(from: &Node, into: &Node, copier: &Copier, depth: u32) {
    if depth > MAX_DEPTH {
        return;
    }
    let mut child = parsed(from).first_child();
    while let Some(node) = child {
        match parsed(&node).node_type() {
            Node::TEXT_NODE => {
                let text = copier.target.create_text_node(&parsed(&node).text_content().unwrap_or_default());
                let _ = into.append_child(&text);
            }
            Node::ELEMENT_NODE => {
                if let Some(element) = node.dyn_ref::<Element>() {
                    copy_element(element, into, copier, depth);
                }
            }
            // Comments, processing instructions, CDATA: dropped.
            _ => {}
        }
        child = parsed(&node).next_sibling();
    }
}

fn copy_element(element: &Element, into: &Node, copier: &Copier, depth: u32) {
    let parsed_element = element.unchecked_ref::<ParsedElement>();
    // SVG and MathML content (namespace confusion vectors) is dropped whole.
    if parsed_element.namespace_uri().as_deref() != Some(XHTML_NAMESPACE) {
        return;
    }
    match element_rule(&parsed_element.local_name()) {
        ElementRule::Remove => {}
        ElementRule::Unwrap => copy_children(element, into, copier, depth + 1),
        ElementRule::Keep(tag) => {
            let attributes = parsed_element.attributes();
            let kept: Vec<(String, String)> = (0..attributes.length())
                .filter_map(|i| attributes.item(i))
                .filter_map(|attr| {
                    let name = attr.name().to_ascii_lowercase();
                    copier.policy.attribute(tag, &name, &attr.value()).map(|value| (name, value))
                })
                .collect();
            if required_attribute(tag).is_some_and(|required| !kept.iter().any(|(n, _)| n == required)) {
                return;
            }
            let Ok(copy) = copier.target.create_element(tag) else { return };
            for (name, value) in &kept {
                let _ = copy.set_attribute(name, value);
            }
            for (name, value) in copier.policy.forced_attributes(tag, &kept) {
                let _ = copy.set_attribute(name, value);
            }
            if keeps_children(tag) {
                copy_children(element, &copy, copier, depth + 1);
            }
            let _ = into.append_child(&copy);
        }
    }
}
