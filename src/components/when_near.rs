//! What comes after a story (previous/next, related stories, comments) is built, and so fetched,
//! only when the reader nears it: the story's own request goes first and alone.

use crate::intersection::CrossingWatch;
use leptos::html;
use leptos::prelude::*;

/// How far below the viewport "near" begins: one screen ahead, so it is there when scrolled to.
const AHEAD: &str = "0px 0px 100% 0px";

/// Shows `children` once this place is within a screen below the viewport, or above it, and
/// keeps them. Where the browser cannot watch, they show at once.
#[component]
pub fn WhenNear(children: ChildrenFn) -> impl IntoView {
    let near = RwSignal::new(false);
    let place = NodeRef::<html::Div>::new();
    let watch = StoredValue::new_local(None::<CrossingWatch>);
    place.on_load(move |place| {
        let element: web_sys::Element = place.clone().into();
        let ahead = move || {
            let bottom = crate::browser::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(0.0) * 2.0;
            if element.get_bounding_client_rect().top() <= bottom {
                near.try_set(true);
            }
        };
        let started = CrossingWatch::start(&[place.into()], AHEAD, ahead);
        if started.is_none() {
            near.set(true);
        }
        let _ = watch.try_set_value(started);
    });
    // Once near, the watch has done its work.
    Effect::new(move || {
        if near.get() {
            watch.try_set_value(None);
        }
    });
    view! { <div class="when-near" node_ref=place>{move || near.get().then(|| children())}</div> }
}
