//! The app shell: reads `config.json`, then shows the page the address names inside the site chrome.

use crate::api::{load_config, resource, set_timeout_seconds, Backend};
use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::pages::archive::Archive;
use crate::pages::article::ArticlePage;
use crate::pages::config_error::ConfigError;
use crate::pages::home::Home;
use crate::pages::not_found::NotFound;
use crate::pages::search::Search;
use crate::pages::site_page::SitePageView;
use crate::pages::saved::SavedPage;
use crate::router::routed_page;
use broadsheet_core::config::Config;
use broadsheet_core::routes::Route;
use broadsheet_core::sanitize_policy::Policy;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn App() -> impl IntoView {
    let config = resource(load_config);
    view! {
        {move || match config.get() {
            None => view! { <div class="booting" aria-busy="true"></div> }.into_any(),
            Some(Ok(config)) => view! { <Site config/> }.into_any(),
            Some(Err(problem)) => view! { <ConfigError problem/> }.into_any(),
        }}
    }
}

#[component]
fn Site(config: Arc<Config>) -> impl IntoView {
    set_timeout_seconds(config.timeout_seconds);
    let backend = Backend::new(config.source.clone());
    crate::prefetch::fetch_stories_on_intent(backend.clone());
    // In a task of its own, while the page's content is on its way.
    crate::browser::set_timeout(crate::browser::prepare_date_formats, 0);
    provide_context(backend);
    crate::components::header::provide_header_state();
    // Backend HTML keeps only the frames of the players the publisher allows (the CSP allows no others).
    provide_context(Arc::new(Policy { embed_hosts: config.security.embed_hosts.clone(), ..crate::site_base::sanitize_policy() }));
    let site_name = config.site.name.clone();
    provide_context(config);
    // The site's name is the title until a page names itself (while it loads, say).
    crate::head::title(&site_name);
    crate::router::provide_location();
    view! {
        <Header/>
        <main id="content" class="page" tabindex="-1">
            {routed_page(|route| match route {
                Route::Home => view! { <Home/> }.into_any(),
                Route::Article(_) => view! { <ArticlePage/> }.into_any(),
                Route::List(..) => view! { <Archive/> }.into_any(),
                Route::Search(..) => view! { <Search/> }.into_any(),
                Route::Saved => view! { <SavedPage/> }.into_any(),
                Route::SitePage(_) => view! { <SitePageView/> }.into_any(),
                Route::NotFound => view! { <NotFound/> }.into_any(),
            })}
        </main>
        <Footer/>
    }
}
