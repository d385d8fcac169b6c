//! The app shell: reads `config.json`, then serves every route inside the site chrome.

use crate::api::{load_config, resource, set_timeout_seconds, Backend};
use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::pages::archive::{Archive, ListKind};
use crate::pages::article::ArticlePage;
use crate::pages::config_error::ConfigError;
use crate::pages::home::Home;
use crate::pages::not_found::NotFound;
use crate::pages::search::Search;
use crate::pages::site_page::SitePageView;
use broadsheet_core::config::Config;
use broadsheet_core::sanitize_policy::Policy;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use std::sync::Arc;

#[component]
pub fn App() -> impl IntoView {
    let config = resource(load_config);
    view! {
        <Suspense fallback=|| view! { <div class="booting" aria-busy="true"></div> }>
            {move || config.get().map(|result| match result {
                Ok(config) => view! { <Site config/> }.into_any(),
                Err(problem) => view! { <ConfigError problem/> }.into_any(),
            })}
        </Suspense>
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
    view! {
        <Router base=crate::site_base::prefix()>
            <crate::first_view::HandOverOnNavigation/>
            <Header/>
            <main id="content" class="page" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/latest") view=|| view! { <Archive kind=ListKind::Latest/> }/>
                    <Route path=path!("/article/:slug") view=ArticlePage/>
                    <Route path=path!("/category/:slug") view=|| view! { <Archive kind=ListKind::Category/> }/>
                    <Route path=path!("/tag/:slug") view=|| view! { <Archive kind=ListKind::Tag/> }/>
                    <Route path=path!("/author/:slug") view=|| view! { <Archive kind=ListKind::Author/> }/>
                    <Route path=path!("/search") view=Search/>
                    <Route path=path!("/saved") view=crate::pages::saved::SavedPage/>
                    <Route path=path!("/page/:slug") view=SitePageView/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}
