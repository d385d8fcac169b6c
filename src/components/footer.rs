//! Site footer: links, "Follow us" and copyright.

use broadsheet_core::config::Config;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Footer() -> impl IntoView {
    let config = expect_context::<Arc<Config>>();
    let footer = config.footer.clone();
    view! {
        <footer class="site-footer">
            {(!footer.social.is_empty()).then(|| view! {
                <div class="follow">
                    <h2>"Follow us"</h2>
                    <ul>{footer.social.clone().into_iter().map(|l| view! { <li><a href=crate::site_base::href(&l.href) rel="noopener">{l.label}</a></li> }.into_any()).collect_view()}</ul>
                </div>
            }.into_any())}
            <ul class="footer-links">
                {footer.links.into_iter().map(|l| view! { <li><a href=crate::site_base::href(&l.href)>{l.label}</a></li> }.into_any()).collect_view()}
            </ul>
            <p class="copyright">{config.site.copyright.clone()}</p>
        </footer>
    }
}
