//! The article page, `/article/{slug}`.

use crate::api::{resource, Backend};
use crate::browser::{handler, DateStyle};
use crate::components::after_paint::AfterPaint;
use crate::components::article_head::ArticleHeadTags;
use crate::components::bookmark::SaveForLater;
use crate::components::comments::Comments;
use crate::components::date::DateTime;
use crate::components::embed_facade::EmbedFacades;
use crate::components::load_state::{page_content, Skeleton};
use crate::components::prev_next::PrevNext;
use crate::components::reading_progress::ReadingProgress;
use crate::components::safe_html::SafeHtml;
use crate::components::share::ShareBar;
use crate::components::teaser::{CategoryLabel, Loading, Picture, TeaserCard};
use crate::components::toc::{mark_headings, TableOfContents};
use crate::components::when_near::WhenNear;
use broadsheet_core::config::Config;
use broadsheet_core::error::LoadError;
use broadsheet_core::model::{Article, ArticleBody, Format, Teaser};
use broadsheet_core::routes::{article_path, ListKey, Route};
use broadsheet_core::share::SharedStory;
use broadsheet_core::toc::TocSection;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;
use web_sys::DocumentFragment;

const RELATED_COUNT: usize = 4;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let backend = expect_context::<Backend>();
    let slug = crate::router::route_param(|route| match route {
        Route::Article(slug) => Some(slug.clone()),
        _ => None,
    });
    let article = resource(move || {
        let (backend, slug) = (backend.clone(), slug.get());
        async move { backend.article(&slug).await }
    });
    page_content(article, Skeleton::Article, |article| view! { <ArticleView article/> }.into_any())
}

#[component]
fn ArticleView(article: Article) -> impl IntoView {
    // Behind a published page's first view, the story's text is built in a task after the rest
    // and the app takes over in a third, so that no one task builds and lays out the whole page.
    let text_shown = RwSignal::new(!crate::first_view::waiting());
    if !text_shown.get_untracked() {
        crate::first_view::after_frame(Box::new(move || {
            text_shown.try_set(true);
            crate::first_view::after_frame(Box::new(crate::first_view::hand_over));
        }));
    }
    let Article { teaser, body, source } = article;
    let category = teaser.primary_category().cloned();
    let tags = teaser.tags.clone();
    let shared = SharedStory { url: format!("{}{}", crate::site_base::site_url(), article_path(&teaser.slug)), title: teaser.title.clone(), excerpt: teaser.excerpt.clone() };
    let has_body = matches!(body, ArticleBody::Html(_));
    // A video story leads with its first embed; its picture stands in only when it has none.
    let leads_with_video = teaser.format == Format::Video && has_body;
    let show_picture = RwSignal::new(!leads_with_video);
    let video_lead = NodeRef::<html::Div>::new();
    let contents = RwSignal::new(None::<Vec<TocSection>>);
    let embeds = EmbedFacades::default();
    let embed_hosts = expect_context::<Arc<Config>>().security.embed_hosts.clone();
    let prepare_body = Callback::new(move |body: DocumentFragment| {
        contents.set(mark_headings(&body));
        embeds.install(&body, &embed_hosts);
        if leads_with_video {
            let led = video_lead.get_untracked().and_then(|slot| {
                let lead = embeds.take_lead(&body)?;
                slot.append_child(&lead).ok()
            });
            if led.is_none() {
                show_picture.set(true);
            }
        }
    });
    let text = NodeRef::<html::Div>::new();
    let hero = teaser.hero.clone();
    crate::head::title(&teaser.title);
    let head_teaser = teaser.clone();
    view! {
        <AfterPaint>
            <ArticleHeadTags teaser=head_teaser.clone()/>
        </AfterPaint>
        <article class="article" on:click=handler(move |event| embeds.on_click(&event))>
            <nav class="breadcrumbs" aria-label="Breadcrumb">
                <ol>
                    <li><a href=crate::site_base::href("/")>"Home"</a></li>
                    {category.clone().map(|c| view! { <li><a href=crate::site_base::href(&ListKey::Category(c.slug).path(1))>{c.name}</a></li> }.into_any())}
                    <li aria-current="page">{teaser.title.clone()}</li>
                </ol>
            </nav>
            <header class="article-header">
                <CategoryLabel teaser=teaser.clone()/>
                <h1>{teaser.title.clone()}</h1>
                {teaser.dek.clone().map(|dek| view! { <p class="dek">{dek}</p> }.into_any())}
                <div class="article-meta">
                    <p class="byline">
                        "By "
                        {teaser.authors.clone().into_iter().enumerate().map(|(i, author)| view! {
                            {(i > 0).then_some(", ")}
                            <a href=crate::site_base::href(&ListKey::Author(author.slug).path(1)) rel="author">{author.name}</a>
                        }.into_any()).collect_view()}
                    </p>
                    <p class="dates">
                        "Published " <DateTime at=teaser.published style=DateStyle::DayAndTime/>
                        {teaser.updated().map(|at| view! { <span class="updated">"Last updated: " <DateTime at style=DateStyle::DayAndTime/></span> }.into_any())}
                    </p>
                    <p class="reading-time">{teaser.reading_minutes} " min read"</p>
                </div>
                <div class="article-tools">
                    <SaveForLater teaser=teaser.clone()/>
                    <ShareBar story=shared.clone()/>
                </div>
            </header>
            {leads_with_video.then(|| view! { <div class="video-lead" node_ref=video_lead></div> }.into_any())}
            {move || show_picture.get().then(|| hero.clone()).flatten().map(|image| {
                let (caption, credit) = (image.caption.clone(), image.credit.clone());
                view! {
                    <figure class="hero">
                        <Picture image loading=Loading::Eager sizes="(min-width: 960px) 900px, 100vw"/>
                        {(caption.is_some() || credit.is_some()).then(|| view! {
                            <figcaption>
                                {caption.map(|c| view! { <span class="caption">{c}</span> }.into_any())}
                                {credit.map(|c| view! { <span class="credit">{c}</span> }.into_any())}
                            </figcaption>
                        }.into_any())}
                    </figure>
                }.into_any()
            })}
            <div class="article-text" node_ref=text>
                {move || contents.get().map(|sections| view! { <TableOfContents sections/> }.into_any())}
                {move || text_shown.get().then(|| match body.clone() {
                    ArticleBody::Html(html) => view! { <SafeHtml html class="article-body" prepare=prepare_body/> }.into_any(),
                    ArticleBody::PasswordProtected => view! {
                        <div class="article-body protected" role="note">
                            <p><strong>"This story is protected by a password."</strong></p>
                            <p>"The publisher has limited it to readers who have the password. It can be read on the publisher's own site."</p>
                        </div>
                    }.into_any(),
                })}
            </div>
            <AfterPaint>
                {source.clone().map(|source| view! {
                    <p class="source-link"><a href=source.url rel="noopener nofollow" target="_blank">{source.label}</a></p>
                }.into_any())}
                {(!tags.is_empty()).then(|| view! {
                    <p class="tags">
                        <span class="tags-label">"Related: "</span>
                        {tags.iter().map(|tag| view! { <a href=crate::site_base::href(&ListKey::Tag(tag.slug.clone()).path(1)) class="tag">{tag.name.clone()}</a> }.into_any()).collect_view()}
                    </p>
                }.into_any())}
                <ShareBar story=shared.clone() heading="Share This Article"/>
                <crate::components::ad_slot::InArticleAd/>
            </AfterPaint>
        </article>
        <AfterPaint>
            <ReadingProgress text/>
        </AfterPaint>
        <WhenNear>
            <PrevNext teaser=teaser.clone()/>
            <Related teaser=teaser.clone()/>
            <Comments teaser=teaser.clone()/>
        </WhenNear>
    }
}

/// "You Might Also Like": the newest other stories of the same category.
#[component]
fn Related(teaser: Teaser) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let Some(category) = teaser.primary_category().cloned() else { return ().into_any() };
    let slug = teaser.slug.clone();
    let related = resource(move || {
        let (backend, key, slug) = (backend.clone(), ListKey::Category(category.slug.clone()), slug.clone());
        async move {
            let page = backend.list(&key, 1).await?;
            Ok::<Vec<Teaser>, LoadError>(page.items.into_iter().filter(|t| t.slug != slug).take(RELATED_COUNT).collect())
        }
    });
    view! {
        {move || related.get().and_then(Result::ok).filter(|items| !items.is_empty()).map(|items| view! {
            <section class="related" aria-labelledby="related-heading">
                <h2 id="related-heading" class="section-heading">"You Might Also Like"</h2>
                <div class="teaser-grid">{items.into_iter().map(|teaser| view! { <TeaserCard teaser/> }.into_any()).collect_view()}</div>
            </section>
        }.into_any())}
    }
    .into_any()
}
