//! A thin bar at the top of the window that fills as the reader moves through the story's text.

use crate::browser::window;
use leptos::html;
use leptos::prelude::*;

/// Progress through `text`: 0 while its top is below the window's top, 1 once its end is in view.
#[component]
pub fn ReadingProgress(text: NodeRef<html::Div>) -> impl IntoView {
    let bar = NodeRef::<html::Div>::new();
    let update = move || {
        let (Some(Some(text)), Some(Some(bar))) = (text.try_get_untracked(), bar.try_get_untracked()) else { return };
        let viewport = window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(0.0);
        let rect = text.get_bounding_client_rect();
        let scale = scale_x(fraction_read(rect.top(), rect.height(), viewport));
        // Through the CSSOM: the Content-Security-Policy refuses `style` attributes.
        let _ = web_sys::HtmlElement::style(&bar).set_property("transform", &scale);
    };
    let on_scroll = window_event_listener(leptos::ev::scroll, move |_| update());
    let on_resize = window_event_listener(leptos::ev::resize, move |_| update());
    on_cleanup(move || {
        on_scroll.remove();
        on_resize.remove();
    });
    bar.on_load(move |_| update());
    // Decorative, hence `aria-hidden`: the browser already tells assistive technology where the
    // reader is, and a progressbar that changes on every scroll would only add noise.
    view! {
        <div class="reading-progress" aria-hidden="true"><div class="reading-progress-bar" node_ref=bar></div></div>
    }
}

fn fraction_read(top: f64, height: f64, viewport: f64) -> f64 {
    // No height: not laid out yet (a transition builds the story before showing it).
    if height <= 0.0 {
        return 0.0;
    }
    let scrollable = height - viewport;
    if scrollable <= 0.0 {
        return if top <= 0.0 { 1.0 } else { 0.0 };
    }
    (-top / scrollable).clamp(0.0, 1.0)
}

/// `scaleX(0.0425)`, written with integers: float formatting would add kilobytes to the app.
fn scale_x(fraction: f64) -> String {
    let per_ten_thousand = (fraction * 10_000.0).round() as u32;
    format!("scaleX({}.{:04})", per_ten_thousand / 10_000, per_ten_thousand % 10_000)
}
