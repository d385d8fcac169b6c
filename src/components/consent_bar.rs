//! The privacy notice: the first thing on every page, above the header and in the page's flow, until
//! the reader accepts it, then never again in this browser. Only there when `config.json` names the
//! two documents. Being in the flow, it covers nothing the reader may want to read or tap (a bar
//! held over the page hid the story's share links on a phone); a published page's first view
//! carries it in the same box (`core/src/deploy/first_view.rs`), so nothing moves when the app
//! takes over.

use crate::browser::{handler, load_stored, store};
use broadsheet_core::config::Config;
use broadsheet_core::preferences::CONSENT_KEY;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ConsentBar() -> impl IntoView {
    let config = expect_context::<Arc<Config>>();
    let consent = config.consent.clone();
    let accepted = RwSignal::new(load_stored::<bool>(CONSENT_KEY).unwrap_or(false));
    let accept = move |_| {
        store(CONSENT_KEY, &true);
        accepted.set(true);
        // The button is about to go: focus moves to the content rather than falling back to the
        // start of the document.
        crate::browser::focus_content(false);
    };
    view! {
        {move || consent.clone().filter(|_| !accepted.get()).map(|consent| view! {
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
