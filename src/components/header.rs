//! Site header: name or logo, main menu, search.

use broadsheet_core::config::Config;
use leptos::prelude::*;
use leptos_router::components::{Form, A};
use std::sync::Arc;

#[component]
pub fn Header() -> impl IntoView {
    let config = expect_context::<Arc<Config>>();
    let site = config.site.clone();
    let (menu_open, set_menu_open) = signal(false);
    view! {
        <a class="skip-link" href="#content">"Skip to content"</a>
        <header class="site-header">
            <div class="masthead">
                <a href="/" class="site-name">
                    {match site.logo.clone() {
                        Some(logo) => view! { <img src=logo alt=site.name.clone() height="40"/> }.into_any(),
                        None => view! { <span>{site.name.clone()}</span> }.into_any(),
                    }}
                </a>
                {(!site.tagline.is_empty()).then(|| view! { <p class="tagline">{site.tagline.clone()}</p> })}
                <Form action="/search" attr:class="search-form" attr:role="search">
                    <label for="site-search" class="visually-hidden">"Search"</label>
                    <input id="site-search" type="search" name="q" placeholder="Search" autocomplete="off"/>
                    <button type="submit">"Search"</button>
                </Form>
            </div>
            <nav class="main-menu" aria-label="Main">
                <button type="button" class="menu-toggle" aria-expanded=move || menu_open.get().to_string()
                    aria-controls="menu-items" on:click=move |_| set_menu_open.update(|open| *open = !*open)>
                    "Menu"
                </button>
                <ul id="menu-items" class:open=menu_open>
                    {config.menu.clone().into_iter().map(|link| view! {
                        <li><A href=link.href exact=true on:click=move |_| set_menu_open.set(false)>{link.label}</A></li>
                    }).collect_view()}
                </ul>
            </nav>
        </header>
    }
}
