//! The thin bar at the top of the window while a page's content loads, and, after in-app
//! navigation, focus on the new page's main heading so that keyboard and screen-reader users
//! start reading there (as they would after a full page load).

use crate::router::use_location;
use js_sys::Date;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// How many pages (or parts of one) are waiting for content.
#[derive(Clone, Copy)]
pub struct PageLoads {
    pending: RwSignal<usize>,
}

pub fn provide_page_loads() {
    provide_context(PageLoads { pending: RwSignal::new(0) });
}

/// Shows the bar while `loading` (a page's content load) is true.
pub fn page_pending(loading: Signal<bool>) {
    let Some(loads) = use_context::<PageLoads>() else { return };
    let counted = Arc::new(AtomicBool::new(false));
    // A page left while it was loading stops counting.
    on_cleanup({
        let counted = Arc::clone(&counted);
        move || {
            if counted.swap(false, Ordering::Relaxed) {
                loads.pending.try_update(|n| *n = n.saturating_sub(1));
            }
        }
    });
    Effect::new(move |_| {
        let pending = loading.get();
        if counted.swap(pending, Ordering::Relaxed) != pending {
            loads.pending.update(|n| if pending { *n += 1 } else { *n = n.saturating_sub(1) });
        }
    });
}

/// How often and how long to look for the new page's heading.
const POLL: Duration = Duration::from_millis(50);
const GIVE_UP_MS: f64 = 10_000.0;
/// A heading that was already there counts as the new page's once loading has been over this long
/// (the router may have swapped pages before the navigation was seen).
const SAME_HEADING_AFTER_MS: f64 = 300.0;

#[component]
pub fn RouteProgress() -> impl IntoView {
    let loads = expect_context::<PageLoads>();
    let location = use_location();
    let navigation = StoredValue::new(0u32);
    Effect::new(move |seen: Option<()>| {
        location.track();
        // Not on the first load: the reader starts at the top of the document then.
        if seen.is_some() {
            navigation.update_value(|n| *n += 1);
            let watch = HeadingWatch { loads, navigation, this: navigation.get_value(), old: main_heading(), started: Date::now() };
            watch.poll(None);
        }
    });
    view! { <div class="route-progress" class:active=move || { loads.pending.get() > 0 } aria-hidden="true"></div> }
}

fn main_heading() -> Option<web_sys::HtmlElement> {
    document().query_selector("main h1").ok().flatten()?.dyn_into().ok()
}

/// Waits for the new page's `<h1>` and focuses it, and again if the page replaces it while focus
/// would otherwise fall back to the document.
struct HeadingWatch {
    loads: PageLoads,
    navigation: StoredValue<u32>,
    this: u32,
    /// The heading on screen when the navigation began.
    old: Option<web_sys::HtmlElement>,
    started: f64,
}

impl HeadingWatch {
    fn poll(self, focused: Option<web_sys::HtmlElement>) {
        set_timeout(
            move || {
                let elapsed = Date::now() - self.started;
                // A newer navigation took over, or the page never got a heading.
                if self.navigation.get_value() != self.this || elapsed > GIVE_UP_MS {
                    return;
                }
                let loaded = self.loads.pending.get_untracked() == 0;
                let focused = match main_heading() {
                    Some(heading)
                        if loaded
                            && focused.as_ref() != Some(&heading)
                            && (self.old.as_ref() != Some(&heading) || elapsed >= SAME_HEADING_AFTER_MS)
                            && may_take_focus(focused.is_none()) =>
                    {
                        let _ = heading.set_attribute("tabindex", "-1");
                        let _ = heading.focus();
                        Some(heading)
                    }
                    _ => focused,
                };
                self.poll(focused);
            },
            POLL,
        );
    }
}

/// First from the link that was followed; later only when focus fell back to the document. Never
/// from a field the reader is typing in or an open dialog.
fn may_take_focus(first: bool) -> bool {
    match document().active_element() {
        None => true,
        Some(active) if active.tag_name() == "BODY" => true,
        Some(active) => first && active.closest("input, textarea, select, dialog").ok().flatten().is_none(),
    }
}
