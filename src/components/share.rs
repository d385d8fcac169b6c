//! Sharing a story: links to each network and email, print, copy the link, and the device's own
//! share sheet where the browser has one.

use crate::browser::{handler, set_timeout, window};
use broadsheet_core::share::{Network, SharedStory};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How long "Copied" stays on screen.
const COPIED_MS: i32 = 2_000;

/// The share buttons; `heading` gives the group a visible title ("Share This Article").
#[component]
pub fn ShareBar(story: SharedStory, #[prop(optional)] heading: Option<&'static str>) -> impl IntoView {
    let copied = RwSignal::new(false);
    // Each copy restarts the two seconds: only the latest one's timer clears the message.
    let copies = RwSignal::new(0u32);
    let url = story.url.clone();
    let on_copy = move |_| {
        let url = url.clone();
        spawn_local(async move {
            if !write_to_clipboard(&url).await {
                // No clipboard here (an insecure page, an old browser, a refusal): the browser's
                // own dialog shows the address selected, ready to copy.
                if let Some(window) = window() {
                    let _ = window.prompt_with_message_and_default("Copy the link to this article:", &url);
                }
                return;
            }
            // The page may have moved on while the browser wrote: then there is nothing to show.
            let Some(generation) = copies.try_update(|n| {
                *n = n.wrapping_add(1);
                *n
            }) else {
                return;
            };
            copied.set(true);
            set_timeout(
                move || {
                    if copies.try_get_untracked() == Some(generation) {
                        copied.try_set(false);
                    }
                },
                COPIED_MS,
            );
        });
    };
    let links = Network::ALL.into_iter().map(|network| {
        let href = network.share_url(&story);
        // A mail client opens from the link itself; the networks open in a new tab.
        let target = (network != Network::Email).then_some("_blank");
        view! {
            <li><a class="share-link" href=href target=target rel="noopener noreferrer"
                aria-label=network.accessible_name()>{network.label()}</a></li>
        }.into_any()
    }).collect_view();
    let native = has_native_share().then(|| {
        view! {
            <li><button type="button" class="share-link" on:click=handler(move |_| native_share(&story))>"Share with an app"</button></li>
        }.into_any()
    });
    view! {
        <div class="share" class:share-bottom=heading.is_some() role="group"
            aria-label=heading.is_none().then_some("Share this article")
            aria-labelledby=heading.map(|_| "share-heading")>
            {heading.map(|heading| view! { <h2 id="share-heading" class="section-heading">{heading}</h2> }.into_any())}
            <ul class="share-list">
                {links}
                <li><button type="button" class="share-link" aria-label="Print this article" on:click=handler(|_| print())>"Print"</button></li>
                <li><button type="button" class="share-link" on:click=handler(on_copy)>"Copy link"</button></li>
                {native}
            </ul>
            <p class="share-status" role="status">{move || copied.get().then_some("Copied")}</p>
        </div>
    }
}

/// `navigator.clipboard.writeText`; false when the browser has no clipboard here (an insecure
/// page, an old browser) or refuses.
async fn write_to_clipboard(text: &str) -> bool {
    let Some(navigator) = window().map(|w| w.navigator()) else { return false };
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")) else { return false };
    let Ok(clipboard) = clipboard.dyn_into::<web_sys::Clipboard>() else { return false };
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

fn has_native_share() -> bool {
    window().is_some_and(|w| js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("share")).unwrap_or(false))
}

fn native_share(story: &SharedStory) {
    let Some(navigator) = window().map(|w| w.navigator()) else { return };
    let data = web_sys::ShareData::new();
    data.set_title(&story.title);
    data.set_text(&story.excerpt);
    data.set_url(&story.url);
    let shared = JsFuture::from(navigator.share_with_data(&data));
    // A reader who closes the sheet rejects the promise: nothing to report.
    spawn_local(async move {
        let _ = shared.await;
    });
}

fn print() {
    if let Some(window) = window() {
        let _ = window.print();
    }
}
