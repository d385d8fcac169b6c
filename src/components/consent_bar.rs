//! The privacy notice: shown at the bottom of the window until the reader accepts it, then never
//! again in this browser. Only there when `config.json` names the two documents.

use crate::browser::{handler, load_stored, store};
use broadsheet_core::config::Config;
use broadsheet_core::preferences::CONSENT_KEY;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

#[component]
pub fn ConsentBar() -> impl IntoView {
    let config = expect_context::<Arc<Config>>();
    let Some(consent) = config.consent.clone() else { return ().into_any() };
    let accepted = RwSignal::new(load_stored::<bool>(CONSENT_KEY).unwrap_or(false));
    let accept = move |_| {
        store(CONSENT_KEY, &true);
        accepted.set(true);
        // The button is about to go: focus moves to the content, where the reader is, rather than
        // falling back to the top of the document.
        if let Some(main) = document().get_element_by_id("content").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = main.focus_with_options(&options);
        }
    };
    view! {
        {move || (!accepted.get()).then(|| view! {
            <section class="consent-bar" aria-label="Privacy notice">
                <p>
                    "By using this site, you agree to the " <a href=crate::site_base::href(&consent.privacy)>"Privacy Policy"</a>
                    " and " <a href=crate::site_base::href(&consent.terms)>"Terms of Use"</a> "."
                </p>
                <button type="button" class="button" on:click=handler(accept)>"Accept"</button>
            </section>
        }.into_any())}
    }
    .into_any()
}
