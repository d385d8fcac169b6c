//! A story's discussion: the threaded list, replies in place, and the comments posted from here.

use crate::api::Backend;
use crate::browser::DateStyle;
use crate::components::comment_form::CommentForm;
use crate::components::date::DateTime;
use crate::components::safe_html::SafeHtml;
use broadsheet_core::comment_form::PostedComment;
use broadsheet_core::comments::{initials, thread, Order, ThreadedComment};
use broadsheet_core::model::{Comment, CommentStatus, Teaser};
use broadsheet_core::config::Config;
use leptos::prelude::*;
use std::sync::Arc;

/// Comments rendered at first and added by each "Show more comments".
const BATCH: usize = 100;

#[component]
pub fn Comments(teaser: Teaser) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let settings = expect_context::<Arc<Config>>().comments;
    let order = RwSignal::new(settings.order);
    let open = teaser.comments.open;
    let site_accepts = backend.accepts_comments();
    let can_post = open && site_accepts;
    // No request when the story says it has no comments.
    let has_comments = teaser.comments.count > 0;
    let story = teaser.clone();
    let loaded = LocalResource::new(move || {
        let (backend, story) = (backend.clone(), story.clone());
        async move { if has_comments { backend.comments(&story).await } else { Ok(Vec::new()) } }
    });
    // Comments this reader posted here: shown at once, held ones marked as awaiting moderation.
    let posted = RwSignal::new(Vec::<Comment>::new());
    let reply_to = RwSignal::new(None::<String>);
    let shown = RwSignal::new(BATCH);
    let notice = RwSignal::new(None::<&'static str>);
    let on_posted = Callback::new(move |result: PostedComment| {
        let (comment, message) = match result {
            PostedComment::Published(c) => (c, "Your comment has been published."),
            PostedComment::AwaitingModeration(c) => (c, "Your comment is awaiting moderation."),
        };
        posted.update(|list| list.push(comment));
        reply_to.set(None);
        notice.set(Some(message));
    });
    let threaded = Memo::new(move |_| {
        let mut all = loaded.get().and_then(Result::ok).unwrap_or_default();
        all.extend(posted.get());
        thread(all, settings.max_depth, order.get())
    });
    let form = move |parent: Option<String>| {
        let on_cancel = parent.is_some().then(|| Callback::new(move |_| reply_to.set(None)));
        view! { <CommentForm story=teaser.clone() parent on_posted on_cancel/> }
    };
    let form = StoredValue::new_local(form);
    view! {
        <section class="comments" id="comments" aria-labelledby="comments-heading">
            <h2 id="comments-heading">{move || match threaded.with(Vec::len) {
                0 => "Comments".to_string(),
                1 => "1 Comment".to_string(),
                n => format!("{n} Comments"),
            }}</h2>
            {move || loaded.get().and_then(Result::err).map(|error| view! {
                <p class="load-failed" role="alert">{error.to_string()} " "
                    <button type="button" class="button secondary" on:click=move |_| loaded.refetch()>"Try again"</button>
                </p>
            })}
            {move || (threaded.with(Vec::len) > 1).then(|| view! {
                <div class="comment-order" role="group" aria-label="Order of comments">
                    <button type="button" aria-pressed=move || (order.get() == Order::OldestFirst).to_string()
                        on:click=move |_| order.set(Order::OldestFirst)>"Oldest first"</button>
                    <button type="button" aria-pressed=move || (order.get() == Order::NewestFirst).to_string()
                        on:click=move |_| order.set(Order::NewestFirst)>"Newest first"</button>
                </div>
            })}
            <p class="comment-notice" role="status">{move || notice.get()}</p>
            <ol class="comment-list">
                <For each=move || threaded.get().into_iter().take(shown.get()) key=|t| t.comment.id.clone() let:item>
                    <CommentItem item=item.clone() can_reply=can_post reply_to/>
                    {
                        let id = item.comment.id.clone();
                        move || (reply_to.get().as_deref() == Some(id.as_str())).then(|| form.with_value(|f| f(Some(id.clone()))))
                    }
                </For>
            </ol>
            {move || (threaded.with(Vec::len) > shown.get()).then(|| view! {
                <p class="more"><button type="button" class="button secondary" on:click=move |_| shown.update(|n| *n += BATCH)>
                    {move || format!("Show more comments ({} more)", threaded.with(Vec::len) - shown.get())}
                </button></p>
            })}
            {match (site_accepts, open) {
                (true, true) => view! {
                    {move || reply_to.get().is_none().then(|| form.with_value(|f| f(None)))}
                }.into_any(),
                (true, false) => view! { <p class="comments-closed">"Comments are closed for this story."</p> }.into_any(),
                (false, _) => view! { <p class="comments-closed">"Comments are not available on this site."</p> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn CommentItem(item: ThreadedComment, can_reply: bool, reply_to: RwSignal<Option<String>>) -> impl IntoView {
    let ThreadedComment { comment, depth } = item;
    let initials = initials(&comment.author.name);
    // A picture that fails to load gives way to the initials.
    let avatar_failed = RwSignal::new(comment.author.avatar.is_none());
    let avatar = comment.author.avatar.clone().unwrap_or_default();
    let name = match comment.author.url.clone() {
        Some(url) => view! { <a href=url rel="nofollow ugc noopener" target="_blank">{comment.author.name.clone()}</a> }.into_any(),
        None => view! { <span>{comment.author.name.clone()}</span> }.into_any(),
    };
    let id = comment.id.clone();
    let held = comment.status == CommentStatus::Hold;
    view! {
        <li class=format!("comment depth-{depth}") id=format!("comment-{}", comment.id)>
            <div class="comment-head">
                {move || if avatar_failed.get() {
                    view! { <span class="avatar-initials" aria-hidden="true">{initials.clone()}</span> }.into_any()
                } else {
                    view! { <img class="avatar-image" src=crate::site_base::href(&avatar) alt="" width="32" height="32" loading="lazy"
                        on:error=move |_| avatar_failed.set(true)/> }.into_any()
                }}
                <strong class="comment-author">{name}</strong>
                <DateTime at=comment.date style=DateStyle::DayAndTime/>
                {held.then(|| view! { <span class="moderation">"Awaiting moderation"</span> })}
            </div>
            <SafeHtml html=comment.html class="comment-body"/>
            {(can_reply && !held).then(|| view! {
                <button type="button" class="reply-button" aria-label=format!("Reply to {}", comment.author.name)
                    on:click=move |_| reply_to.set(Some(id.clone()))>"Reply"</button>
            })}
        </li>
    }
}
