//! The story's table of contents: ids for the sanitized body's headings, in-page links to them,
//! and the section being read highlighted as the reader scrolls.

use crate::browser::{handler, window};
use broadsheet_core::text::collapse_whitespace;
use broadsheet_core::toc::{table_of_contents, Level, SectionIds, TocLink, TocSection};
use leptos::html;
use leptos::prelude::*;
use crate::intersection::CrossingWatch;
use wasm_bindgen::JsCast;
use web_sys::{DocumentFragment, Element, HtmlElement};

/// A heading counts as being read once its top passes this share of the window's height…
const READING_LINE: f64 = 0.3;
/// …which is where the observed band ends (a literal: float formatting would add kilobytes).
const READING_BAND: &str = "0px 0px -70% 0px";

/// Gives every `h2` and `h3` of the sanitized `body` an id from its text and makes it focusable
/// (the table's links move focus there); returns the outline when it is worth showing.
pub fn mark_headings(body: &DocumentFragment) -> Option<Vec<TocSection>> {
    let headings = body.query_selector_all("h2, h3").ok()?;
    let mut ids = SectionIds::default();
    let mut found = Vec::new();
    for heading in (0..headings.length()).filter_map(|i| headings.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()) {
        let text = collapse_whitespace(&heading.text_content().unwrap_or_default());
        let id = ids.id_for(&text);
        let _ = heading.set_attribute("id", &id);
        let _ = heading.set_attribute("tabindex", "-1");
        let level = if heading.local_name() == "h3" { Level::Subsection } else { Level::Section };
        found.push((level, TocLink { id, text }));
    }
    table_of_contents(found)
}

#[component]
pub fn TableOfContents(sections: Vec<TocSection>) -> impl IntoView {
    let current = RwSignal::new(None::<String>);
    let ids: Vec<String> = sections
        .iter()
        .flat_map(|s| std::iter::once(s.link.id.clone()).chain(s.subsections.iter().map(|l| l.id.clone())))
        .collect();
    let watcher = StoredValue::new_local(None::<CrossingWatch>);
    let nav = NodeRef::<html::Nav>::new();
    // The story may still be off the page here (a transition builds it before showing it), so
    // its headings are found beside the table rather than by id in the document.
    nav.on_load(move |nav| {
        let Some(text) = nav.parent_element() else { return };
        // Stored (and so stopped) with the table; nothing to keep if the table is already gone.
        let _ = watcher.try_set_value(watch_sections(&text, ids, current));
    });
    let entry = move |link: TocLink| {
        let id = link.id.clone();
        let is_current = move || (current.get().as_deref() == Some(id.as_str())).then_some("location");
        let id = link.id.clone();
        // The browser follows the `#id` and scrolls; focus goes to the heading so that the
        // keyboard and screen readers continue from there.
        let focus_heading = move |_| {
            if let Some(heading) = element_by_id(&id).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                let _ = heading.focus();
            }
        };
        view! { <a href=format!("#{}", link.id) aria-current=is_current on:click=handler(focus_heading)>{link.text}</a> }
    };
    view! {
        <nav class="toc" aria-label="Contents" node_ref=nav>
            <p class="toc-title" aria-hidden="true">"Contents"</p>
            <ol>
                {sections.into_iter().map(|section| view! {
                    <li>
                        {entry(section.link)}
                        {(!section.subsections.is_empty()).then(|| view! {
                            <ol>{section.subsections.into_iter().map(|link| view! { <li>{entry(link)}</li> }.into_any()).collect_view()}</ol>
                        }.into_any())}
                    </li>
                }.into_any()).collect_view()}
            </ol>
        </nav>
    }
}

fn element_by_id(id: &str) -> Option<Element> {
    window()?.document()?.get_element_by_id(id)
}

/// Watches the headings cross the reading line; whichever crossed, the current section is the
/// last one above the line.
fn watch_sections(text: &Element, ids: Vec<String>, current: RwSignal<Option<String>>) -> Option<CrossingWatch> {
    let found = text.query_selector_all("h2[id], h3[id]").ok()?;
    let headings: Vec<Element> = (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .filter(|h| ids.contains(&h.id()))
        .collect();
    let ids: Vec<String> = headings.iter().map(Element::id).collect();
    let watched = headings.clone();
    CrossingWatch::start(&headings, READING_BAND, move || {
        let line = window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(0.0) * READING_LINE;
        let above = watched.iter().rposition(|h| h.get_bounding_client_rect().top() <= line);
        current.try_set(above.and_then(|i| ids.get(i).cloned()));
    })
}
