//! Shown instead of the site when `config.json` is missing or wrong: the publisher sees what to fix.

use crate::api::ConfigProblem;
use leptos::prelude::*;

#[component]
pub fn ConfigError(problem: ConfigProblem) -> impl IntoView {
    crate::first_view::hand_over();
    view! {
        <main class="config-error" role="alert">
            <h1>"This site is not set up correctly"</h1>
            <p class="summary">{problem.summary}</p>
            <pre class="detail">{problem.detail}</pre>
            <p>"If you run this site, fix config.json (see the configuration reference in the README) and reload."</p>
            <p><a href="" class="button">"Reload"</a></p>
        </main>
    }
}
