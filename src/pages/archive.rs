//! List pages: a category, a tag, an author (with profile), and Latest News, `?page=N`.

use crate::api::Backend;
use crate::components::load_state::{ListSkeleton, LoadFailed};
use crate::components::pagination::Pagination;
use crate::components::safe_html::SafeHtml;
use crate::components::teaser::TeaserCard;
use broadsheet_core::error::LoadError;
use broadsheet_core::model::{ListHeading, Page, Teaser};
use broadsheet_core::routes::{page_number, ListKey};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Which kind of list a route shows; the slug comes from the URL.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Latest,
    Category,
    Tag,
    Author,
}

#[component]
pub fn Archive(kind: ListKind) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let params = use_params_map();
    let query = use_query_map();
    let key = Memo::new(move |_| {
        let slug = params.read().get("slug").unwrap_or_default();
        match kind {
            ListKind::Latest => ListKey::Latest,
            ListKind::Category => ListKey::Category(slug),
            ListKind::Tag => ListKey::Tag(slug),
            ListKind::Author => ListKey::Author(slug),
        }
    });
    let page = Memo::new(move |_| page_number(query.read().get("page").as_deref()));
    let content = LocalResource::new(move || {
        let (backend, key, page) = (backend.clone(), key.get(), page.get());
        async move {
            let heading = backend.heading(&key).await?;
            let stories = backend.list(&key, page).await?;
            Ok::<_, LoadError>((heading, stories))
        }
    });
    view! {
        <Transition fallback=|| view! { <ListSkeleton rows=6/> }>
            {move || content.get().map(|result| match result {
                Ok((heading, stories)) => view! { <ArchiveView heading stories list=key.get()/> }.into_any(),
                Err(error) => view! { <LoadFailed error retry=Callback::new(move |_| content.refetch())/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn ArchiveView(heading: ListHeading, stories: Page<Teaser>, list: ListKey) -> impl IntoView {
    let title = if stories.page > 1 { format!("{} – page {}", heading.title, stories.page) } else { heading.title.clone() };
    let path = Callback::new(move |n: u32| list.path(n));
    let at_end = stories.next_page().is_none() && stories.total > 0;
    view! {
        <Title text=title.clone()/>
        <header class="archive-header">
            {heading.author.clone().map(|author| view! {
                <div class="author-profile">
                    {author.avatar.clone().map(|src| view! { <img class="avatar" src=src alt="" width="96" height="96"/> })}
                    <div>
                        <h1>{title.clone()}</h1>
                        {author.role.clone().map(|role| view! { <p class="role">{role}</p> })}
                        <SafeHtml html=author.bio.clone() class="bio"/>
                    </div>
                </div>
            })}
            {heading.author.is_none().then(|| view! {
                <h1>{title.clone()}</h1>
                {(!heading.description.is_empty()).then(|| view! { <p class="description">{heading.description.clone()}</p> })}
            })}
            <p class="count">{format!("{} {}", stories.total, if stories.total == 1 { "story" } else { "stories" })}</p>
        </header>
        {if stories.items.is_empty() {
            view! { <p class="empty">"There are no stories here yet."</p> }.into_any()
        } else {
            view! {
                <div class="teaser-list">
                    {stories.items.into_iter().map(|teaser| view! { <TeaserCard teaser/> }).collect_view()}
                </div>
            }.into_any()
        }}
        {at_end.then(|| view! { <p class="end-of-list">"You've reached the end"</p> })}
        <Pagination current=stories.page total=stories.total_pages path/>
    }
}
