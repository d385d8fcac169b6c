//! List pages: a category, a tag, an author (with profile), and Latest News, `?page=N`, with
//! "Load more" appending the following pages in place.

use crate::api::{resource, Backend};
use crate::components::load_more::StoryFeed;
use crate::components::load_state::{page_content, Skeleton};
use crate::components::pagination::Pagination;
use crate::components::safe_html::SafeHtml;
use crate::components::teaser::HeadlineLevel;
use broadsheet_core::config::Config;
use broadsheet_core::error::LoadError;
use broadsheet_core::model::{ListHeading, Page, Teaser};
use broadsheet_core::routes::{ListKey, Route};
use broadsheet_core::structured_data::list_description;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Archive() -> impl IntoView {
    let backend = expect_context::<Backend>();
    let list = crate::router::route_param(|route| match route {
        Route::List(key, page) => Some((key.clone(), *page)),
        _ => None,
    });
    let key = Memo::new(move |_| list.read().0.clone());
    let content = resource(move || {
        let (backend, (key, page)) = (backend.clone(), list.get());
        async move {
            let heading = backend.heading(&key).await?;
            let stories = backend.list(&key, page).await?;
            Ok::<_, LoadError>((heading, stories))
        }
    });
    // The list these stories are from: untracked, so that a new list waits for its own stories.
    page_content(content, Skeleton::List(6), move |(heading, stories)| view! { <ArchiveView heading stories list=key.get_untracked()/> }.into_any())
}

#[component]
fn ArchiveView(heading: ListHeading, stories: Page<Teaser>, list: ListKey) -> impl IntoView {
    crate::first_view::hand_over();
    let title = if stories.page > 1 { format!("{} – page {}", heading.title, stories.page) } else { heading.title.clone() };
    let path = Callback::new({
        let list = list.clone();
        move |n: u32| list.path(n)
    });
    // Pagination follows the last page "Load more" brought in.
    let loaded = RwSignal::new(stories.page);
    let total_pages = stories.total_pages;
    let description = list_description(&expect_context::<Arc<Config>>().site.name, &heading);
    crate::head::title(&title);
    crate::head::description(&description);
    view! {
        <header class="archive-header">
            {heading.author.clone().map(|author| view! {
                <div class="author-profile">
                    {author.avatar.clone().map(|src| view! { <img class="avatar" src=crate::site_base::href(&src) alt="" width="96" height="96"/> }.into_any())}
                    <div>
                        <h1>{title.clone()}</h1>
                        {author.role.clone().map(|role| view! { <p class="role">{role}</p> }.into_any())}
                        <SafeHtml html=author.bio.clone() class="bio"/>
                    </div>
                </div>
            }.into_any())}
            {heading.author.is_none().then(|| view! {
                <h1>{title.clone()}</h1>
                {(!heading.description.is_empty()).then(|| view! { <p class="description">{heading.description.clone()}</p> }.into_any())}
            }.into_any())}
            <p class="count">{format!("{} {}", stories.total, if stories.total == 1 { "story" } else { "stories" })}</p>
        </header>
        {if stories.items.is_empty() {
            view! { <p class="empty">"There are no stories here yet."</p> }.into_any()
        } else {
            view! { <StoryFeed list stories=stories.items loaded total_pages class="teaser-list" level=HeadlineLevel::H2/> }.into_any()
        }}
        {move || view! { <Pagination current=loaded.get() total=total_pages path/> }.into_any()}
    }
}
