//! Site header: skip link, privacy notice, loading bar, display settings and sign-in, name or logo,
//! search with suggestions, main menu, and the header advertisement.

use crate::api::{resource, Backend};
use crate::browser::handler;
use crate::components::ad_slot::HeaderAd;
use crate::components::consent_bar::ConsentBar;
use crate::components::route_progress::{provide_page_loads, RouteProgress};
use crate::components::search_suggestions::SearchBox;
use crate::components::sign_in::{provide_session, SignIn};
use crate::components::theme::{TextSizeToggle, ThemeToggle};
use broadsheet_core::config::Config;
use broadsheet_core::front_page::fallback_menu;
use broadsheet_core::routes::ListKey;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

/// What the header shares with the pages: the signed-in reader and the loads in progress.
pub fn provide_header_state() {
    provide_session();
    provide_page_loads();
}

#[component]
pub fn Header() -> impl IntoView {
    let config = expect_context::<Arc<Config>>();
    let site = config.site.clone();
    let (menu_open, set_menu_open) = signal(false);
    let toggle = NodeRef::<html::Button>::new();
    // Without a menu in config.json, the busiest categories of the newest stories.
    let newest = config.menu.is_empty().then(|| {
        let backend = expect_context::<Backend>();
        resource(move || {
            let backend = backend.clone();
            async move { backend.list(&ListKey::Latest, 1).await }
        })
    });
    let location = crate::router::use_location();
    let links = move || match newest {
        None => config.menu.clone(),
        Some(newest) => newest.get().and_then(Result::ok).map(|page| fallback_menu(&page.items)).unwrap_or_default(),
    };
    let close_on_escape = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" && menu_open.get_untracked() {
            set_menu_open.set(false);
            if let Some(toggle) = toggle.get_untracked() {
                let _ = toggle.focus();
            }
        }
    };
    // Focus goes to the content, not only the view, and the address stays as it is.
    let skip_to_content = |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        crate::browser::focus_content(true);
    };
    view! {
        <a class="skip-link" href="#content" on:click=handler(skip_to_content)>"Skip to content"</a>
        <ConsentBar/>
        <RouteProgress/>
        <header class="site-header">
            <div class="top-bar">
                <ThemeToggle/>
                <TextSizeToggle/>
                <SignIn/>
            </div>
            <div class="masthead">
                <a href=crate::site_base::href("/") class="site-name">
                    {match site.logo.clone() {
                        Some(logo) => view! { <img src=crate::site_base::href(&logo) alt=site.name.clone() height="40"/> }.into_any(),
                        None => view! { <span>{site.name.clone()}</span> }.into_any(),
                    }}
                </a>
                {(!site.tagline.is_empty()).then(|| view! { <p class="tagline">{site.tagline.clone()}</p> }.into_any())}
                <SearchBox/>
            </div>
            <nav class="main-menu" aria-label="Main" on:keydown=handler(close_on_escape)>
                <button type="button" class="menu-toggle" node_ref=toggle aria-expanded=move || menu_open.get().to_string()
                    aria-controls="menu-items" on:click=handler(move |_| set_menu_open.update(|open| *open = !*open))>
                    "Menu"
                </button>
                <ul id="menu-items" class:open=menu_open>
                    {move || links().into_iter().map(|link| {
                        let href = crate::site_base::href(&link.href);
                        view! {
                            <li><a href=href.clone() aria-current=move || location.is_at(&href).then_some("page")
                                on:click=handler(move |_| set_menu_open.set(false))>{link.label}</a></li>
                        }.into_any()
                    }).collect_view()}
                </ul>
            </nav>
            <HeaderAd/>
        </header>
    }
}
