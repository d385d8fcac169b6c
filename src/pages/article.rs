//! The article page, `/article/{slug}`.

use crate::api::Backend;
use crate::browser::DateStyle;
use crate::components::date::DateTime;
use crate::components::load_state::{ListSkeleton, LoadFailed};
use crate::components::safe_html::SafeHtml;
use crate::components::teaser::{CategoryLabel, Loading, Picture, TeaserCard};
use broadsheet_core::comments::{thread, Order, ThreadedComment};
use broadsheet_core::error::LoadError;
use broadsheet_core::model::{Article, ArticleBody, Teaser};
use broadsheet_core::routes::ListKey;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

const RELATED_COUNT: usize = 4;
/// Replies deeper than this are shown at this level, under their ancestor.
const MAX_COMMENT_DEPTH: usize = 4;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let backend = expect_context::<Backend>();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let article = LocalResource::new(move || {
        let (backend, slug) = (backend.clone(), slug.get());
        async move { backend.article(&slug).await }
    });
    view! {
        <Transition fallback=|| view! { <ListSkeleton rows=3/> }>
            {move || article.get().map(|result| match result {
                Ok(article) => view! { <ArticleView article/> }.into_any(),
                Err(error) => view! { <LoadFailed error retry=Callback::new(move |_| article.refetch())/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn ArticleView(article: Article) -> impl IntoView {
    let Article { teaser, body, source } = article;
    let category = teaser.primary_category().cloned();
    let tags = teaser.tags.clone();
    view! {
        <Title text=teaser.title.clone()/>
        <Meta name="description" content=teaser.excerpt.clone()/>
        <article class="article">
            <nav class="breadcrumbs" aria-label="Breadcrumb">
                <ol>
                    <li><a href="/">"Home"</a></li>
                    {category.clone().map(|c| view! { <li><a href=ListKey::Category(c.slug).path(1)>{c.name}</a></li> })}
                    <li aria-current="page">{teaser.title.clone()}</li>
                </ol>
            </nav>
            <header class="article-header">
                <CategoryLabel teaser=teaser.clone()/>
                <h1>{teaser.title.clone()}</h1>
                {teaser.dek.clone().map(|dek| view! { <p class="dek">{dek}</p> })}
                <div class="article-meta">
                    <p class="byline">
                        "By "
                        {teaser.authors.clone().into_iter().enumerate().map(|(i, author)| view! {
                            {(i > 0).then_some(", ")}
                            <a href=ListKey::Author(author.slug).path(1) rel="author">{author.name}</a>
                        }).collect_view()}
                    </p>
                    <p class="dates">
                        "Published " <DateTime at=teaser.published style=DateStyle::DayAndTime/>
                        {teaser.updated().map(|at| view! { <span class="updated">"Last updated: " <DateTime at style=DateStyle::DayAndTime/></span> })}
                    </p>
                    <p class="reading-time">{teaser.reading_minutes} " min read"</p>
                </div>
            </header>
            {teaser.hero.clone().map(|image| {
                let (caption, credit) = (image.caption.clone(), image.credit.clone());
                view! {
                    <figure class="hero">
                        <Picture image loading=Loading::Eager sizes="(min-width: 960px) 900px, 100vw"/>
                        {(caption.is_some() || credit.is_some()).then(|| view! {
                            <figcaption>
                                {caption.map(|c| view! { <span class="caption">{c}</span> })}
                                {credit.map(|c| view! { <span class="credit">{c}</span> })}
                            </figcaption>
                        })}
                    </figure>
                }
            })}
            {match body {
                ArticleBody::Html(html) => view! { <SafeHtml html class="article-body"/> }.into_any(),
                ArticleBody::PasswordProtected => view! {
                    <div class="article-body protected" role="note">
                        <p><strong>"This story is protected by a password."</strong></p>
                        <p>"The publisher has limited it to readers who have the password. It can be read on the publisher's own site."</p>
                    </div>
                }.into_any(),
            }}
            {source.map(|source| view! {
                <p class="source-link"><a href=source.url rel="noopener nofollow" target="_blank">{source.label}</a></p>
            })}
            {(!tags.is_empty()).then(|| view! {
                <p class="tags">
                    <span class="tags-label">"Related: "</span>
                    {tags.into_iter().map(|tag| view! { <a href=ListKey::Tag(tag.slug).path(1) class="tag">{tag.name}</a> }).collect_view()}
                </p>
            })}
        </article>
        <Related teaser=teaser.clone()/>
        <Comments teaser/>
    }
}

/// "You Might Also Like": the newest other stories of the same category.
#[component]
fn Related(teaser: Teaser) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let Some(category) = teaser.primary_category().cloned() else { return ().into_any() };
    let slug = teaser.slug.clone();
    let related = LocalResource::new(move || {
        let (backend, key, slug) = (backend.clone(), ListKey::Category(category.slug.clone()), slug.clone());
        async move {
            let page = backend.list(&key, 1).await?;
            Ok::<Vec<Teaser>, LoadError>(page.items.into_iter().filter(|t| t.slug != slug).take(RELATED_COUNT).collect())
        }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || related.get().and_then(Result::ok).filter(|items| !items.is_empty()).map(|items| view! {
                <section class="related" aria-labelledby="related-heading">
                    <h2 id="related-heading" class="section-heading">"You Might Also Like"</h2>
                    <div class="teaser-grid">{items.into_iter().map(|teaser| view! { <TeaserCard teaser/> }).collect_view()}</div>
                </section>
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Comments(teaser: Teaser) -> impl IntoView {
    let open = teaser.comments.open;
    // Nothing to fetch: the story says it has no comments.
    if teaser.comments.count == 0 {
        return view! {
            <section class="comments" id="comments" aria-labelledby="comments-heading">
                <h2 id="comments-heading">"Comments"</h2>
                <p class="no-comments">{if open { "No comments yet." } else { "Comments are closed for this story." }}</p>
            </section>
        }
        .into_any();
    }
    let backend = expect_context::<Backend>();
    let story = teaser.clone();
    let comments = LocalResource::new(move || {
        let (backend, story) = (backend.clone(), story.clone());
        async move { backend.comments(&story).await.map(|list| thread(list, MAX_COMMENT_DEPTH, Order::OldestFirst)) }
    });
    view! {
        <section class="comments" id="comments" aria-labelledby="comments-heading">
            <Suspense fallback=|| view! { <h2 id="comments-heading">"Comments"</h2> }>
                {move || comments.get().map(|result| match result {
                    Ok(list) => view! {
                        <h2 id="comments-heading">{format!("{} {}", list.len(), if list.len() == 1 { "Comment" } else { "Comments" })}</h2>
                        <ol class="comment-list">
                            {list.into_iter().map(|c| view! { <CommentItem threaded=c/> }).collect_view()}
                        </ol>
                    }.into_any(),
                    Err(error) => view! {
                        <h2 id="comments-heading">"Comments"</h2>
                        <p class="load-failed" role="alert">{error.to_string()} " "
                            <button type="button" class="button secondary" on:click=move |_| comments.refetch()>"Try again"</button>
                        </p>
                    }.into_any(),
                })}
            </Suspense>
            {(!open).then(|| view! { <p class="comments-closed">"Comments are closed for this story."</p> })}
        </section>
    }
    .into_any()
}

#[component]
fn CommentItem(threaded: ThreadedComment) -> impl IntoView {
    let ThreadedComment { comment, depth } = threaded;
    let initials: String = comment.author.name.split_whitespace().filter_map(|w| w.chars().next()).take(2).collect();
    let name = match comment.author.url.clone() {
        Some(url) => view! { <a href=url rel="nofollow ugc noopener" target="_blank">{comment.author.name.clone()}</a> }.into_any(),
        None => view! { <span>{comment.author.name.clone()}</span> }.into_any(),
    };
    view! {
        <li class=format!("comment depth-{depth}") id=format!("comment-{}", comment.id)>
            <div class="comment-head">
                <span class="avatar-initials" aria-hidden="true">{initials.to_uppercase()}</span>
                <strong class="comment-author">{name}</strong>
                <DateTime at=comment.date style=DateStyle::DayAndTime/>
            </div>
            <SafeHtml html=comment.html class="comment-body"/>
        </li>
    }
}
