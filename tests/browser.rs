//! Component and browser-glue tests, run in headless Chromium by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

use broadsheet::browser::{format_date, DateStyle};
use broadsheet::components::pagination::Pagination;
use broadsheet::components::safe_html::SafeHtml;
use broadsheet::sanitize::sanitize;
use broadsheet_core::model::UntrustedHtml;
use broadsheet_core::sanitize_policy::Policy;
use broadsheet_core::time::Timestamp;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a browser document")
}

/// Sanitizes `html` into a detached `<div>` and returns it.
fn clean(html: &str) -> web_sys::Element {
    let fragment = sanitize(&UntrustedHtml(html.into()), &Policy::default()).expect("sanitizer runs");
    let div = document().create_element("div").unwrap();
    div.append_child(&fragment).unwrap();
    div
}

#[wasm_bindgen_test]
fn sanitizer_keeps_story_structure() {
    let div = clean(
        "<h1>Head</h1><p>One <a href=\"/article/x\">link</a> <em>and</em></p>\
         <figure><img src=\"/a.svg\" width=\"10\" height=\"5\" alt=\"A\"><figcaption>Cap</figcaption></figure>\
         <blockquote class=\"pullquote\"><p>Quote</p></blockquote><table><tr><td colspan=\"2\">x</td></tr></table>",
    );
    assert_eq!(
        div.inner_html(),
        "<h2>Head</h2><p>One <a href=\"/article/x\">link</a> <em>and</em></p>\
         <figure><img src=\"/a.svg\" width=\"10\" height=\"5\" alt=\"A\" loading=\"lazy\" decoding=\"async\"><figcaption>Cap</figcaption></figure>\
         <blockquote class=\"pullquote\"><p>Quote</p></blockquote><table><tbody><tr><td colspan=\"2\">x</td></tr></tbody></table>"
    );
}

#[wasm_bindgen_test]
fn sanitizer_removes_active_content() {
    let div = clean(
        "<script>window.bad=1</script><img src=x onerror=\"window.bad=1\"><a href=\"javascript:alert(1)\">x</a>\
         <svg><script>window.bad=1</script></svg><iframe src=\"https://evil.example/\"></iframe>\
         <style>*{}</style><form><input></form><p style=\"color:red\" onclick=\"x()\">kept</p><!-- c -->",
    );
    let html = div.inner_html();
    for banned in ["script", "onerror", "javascript", "svg", "iframe", "style", "form", "input", "onclick", "<!--"] {
        assert!(!html.contains(banned), "`{banned}` survived in {html}");
    }
    assert!(html.contains("<p>kept</p>"), "{html}");
    let window: wasm_bindgen::JsValue = web_sys::window().unwrap().into();
    assert!(js_sys::Reflect::get(&window, &"bad".into()).unwrap().is_undefined());
}

#[wasm_bindgen_test]
fn external_links_open_in_a_new_tab_without_opener() {
    let link = clean("<a href=\"https://example.com/\" target=\"_self\">x</a>").first_element_child().unwrap();
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer nofollow"));
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
}

#[wasm_bindgen_test]
fn the_panic_screen_offers_a_reload() {
    let container = document().create_element("div").unwrap();
    container.set_inner_html("<p>the app</p>");
    broadsheet::panic_screen::show(&container);
    let screen = container.query_selector("[role=alert]").unwrap().expect("an alert");
    assert_eq!(screen.query_selector("h1").unwrap().unwrap().text_content().as_deref(), Some("Something went wrong"));
    assert!(container.query_selector("a.button").unwrap().is_some(), "a reload link");
    assert!(!container.inner_html().contains("the app"));
}

#[wasm_bindgen_test]
fn dates_are_formatted_in_the_readers_locale() {
    let text = format_date(Timestamp(1_793_628_300), DateStyle::Day);
    assert!(text.contains("2026"), "{text}");
}

#[wasm_bindgen_test]
async fn safe_html_component_shows_sanitized_content() {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let _handle = leptos::mount::mount_to(host.clone().unchecked_into(), || {
        view! { <SafeHtml html=UntrustedHtml("<p onclick=\"x()\">Hello <b>there</b></p>".into()) class="body"/> }
    });
    leptos::task::tick().await;
    assert_eq!(host.inner_html(), "<div class=\"body\"><p>Hello <b>there</b></p></div>");
}

#[wasm_bindgen_test]
async fn safe_html_shows_a_body_again_as_the_sanitizer_made_it() {
    let html = "<h2>Kept</h2><p onclick=\"x()\">Once <b>more</b></p>";
    let show = |prepare: Option<Callback<web_sys::DocumentFragment>>| {
        let host = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&host).unwrap();
        let handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || match prepare {
            Some(prepare) => view! { <SafeHtml html=UntrustedHtml(html.into()) prepare/> }.into_any(),
            None => view! { <SafeHtml html=UntrustedHtml(html.into())/> }.into_any(),
        });
        (host, handle)
    };
    let mark_heading = Callback::new(|body: web_sys::DocumentFragment| {
        body.query_selector("h2").unwrap().unwrap().set_attribute("id", "kept").unwrap();
    });
    let (first, _first) = show(Some(mark_heading));
    leptos::task::tick().await;
    assert_eq!(first.inner_html(), "<div class=\"\"><h2 id=\"kept\">Kept</h2><p>Once <b>more</b></p></div>");
    // The second time the nodes are a copy of the kept ones: sanitized, and without the first page's changes.
    let (again, _again) = show(None);
    leptos::task::tick().await;
    assert_eq!(again.inner_html(), "<div class=\"\"><h2>Kept</h2><p>Once <b>more</b></p></div>");
}

#[wasm_bindgen_test]
async fn pagination_links_every_nearby_page() {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let _handle = leptos::mount::mount_to(host.clone().unchecked_into(), || {
        view! { <Pagination current=5 total=9 path=Callback::new(|n| format!("/latest?page={n}"))/> }
    });
    leptos::task::tick().await;
    let labels: Vec<String> = {
        let items = host.query_selector_all(".pagination > *").unwrap();
        (0..items.length()).map(|i| items.item(i).unwrap().text_content().unwrap_or_default()).collect()
    };
    assert_eq!(labels, ["« Previous", "1", "…", "4", "5", "6", "…", "9", "Next »"]);
    let current = host.query_selector("[aria-current=page]").unwrap().unwrap();
    assert_eq!(current.text_content().as_deref(), Some("5"));
}

/// Resolves once the frame after the next paint has begun, when the document's title is set.
async fn after_paint() {
    let (sender, receiver) = futures::channel::oneshot::channel();
    broadsheet::components::after_paint::after_paint(move || {
        let _ = sender.send(());
    });
    let _ = receiver.await;
}

fn head_contents(selector: &str) -> Vec<String> {
    let found = document().head().expect("a head").query_selector_all(selector).expect("a valid selector");
    (0..found.length()).filter_map(|i| found.item(i)?.dyn_into::<web_sys::Element>().ok()?.get_attribute("content")).collect()
}

#[wasm_bindgen_test]
async fn the_head_describes_the_newest_page_alive() {
    let site = Owner::new();
    let (old, new) = (site.child(), site.child());
    site.with(|| {
        let config = broadsheet_core::config::Config::parse(r#"{"site":{"name":"Daily"},"source":{"kind":"static","url":"/content/"}}"#);
        provide_context(std::sync::Arc::new(config.expect("a valid config")));
        broadsheet::head::title("Daily");
    });
    after_paint().await;
    assert_eq!(document().title(), "Daily");
    old.with(|| {
        broadsheet::head::title("Politics");
        broadsheet::head::description("What lawmakers did");
    });
    after_paint().await;
    assert_eq!(document().title(), "Politics – Daily");
    // The next page is built before the one it replaces goes; the title is set once, after the paint.
    new.with(|| {
        broadsheet::head::title("Budget deal");
        broadsheet::head::description("Lawmakers approved a plan");
    });
    old.cleanup();
    assert_eq!(document().title(), "Politics – Daily");
    after_paint().await;
    assert_eq!(document().title(), "Budget deal – Daily");
    assert_eq!(head_contents("meta[name=description]"), ["Lawmakers approved a plan"]);
    // While the following page loads, the site's name.
    new.cleanup();
    after_paint().await;
    assert_eq!(document().title(), "Daily");
    assert!(head_contents("meta[name=description]").is_empty());
    site.cleanup();
}
