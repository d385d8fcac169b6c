//! A story's discussion: the threaded list, replies in place, and the comments posted from here.

use crate::api::Backend;
use crate::browser::DateStyle;
use crate::components::comment_form::CommentForm;
use crate::components::date::DateTime;
use crate::components::safe_html::SafeHtml;
use broadsheet_core::comment_form::PostedComment;
use broadsheet_core::comments::{initials, rows, thread, Order, Row, ThreadedComment};
use broadsheet_core::config::Config;
use broadsheet_core::model::{Comment, CommentStatus, Teaser};
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

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
        let on_cancel = parent.clone().map(|parent| {
            Callback::new(move |_| {
                reply_to.set(None);
                // The form goes away with the focus in it: back to the Reply that opened it.
                if let Some(button) = comment_element(&parent).and_then(|c| c.query_selector(".reply-button").ok().flatten()) {
                    let _ = button.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            })
        });
        view! { <CommentForm story=teaser.clone() parent on_posted on_cancel/> }
    };
    let form = StoredValue::new_local(form);
    let show_more = move |_| {
        // The first new comment takes the focus (and so is read out), as the button may go.
        let first_new = threaded.with(|all| all.get(shown.get_untracked()).map(|t| t.comment.id.clone()));
        shown.update(|n| *n += BATCH);
        if let Some(id) = first_new {
            request_animation_frame(move || {
                if let Some(comment) = comment_element(&id) {
                    let _ = comment.set_attribute("tabindex", "-1");
                    let _ = comment.focus();
                }
            });
        }
    };
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
            // One handler each for all the Reply buttons and avatars, rather than one per comment.
            <ol class="comment-list" on:click=move |event| if let Some(id) = reply_clicked(&event) { reply_to.set(Some(id)) }
                on:error:capture=|event| drop_broken_avatar(&event)>
                <For each=move || threaded.with(|all| reply_to.with(|to| rows(all, shown.get(), to.as_deref()))) key=Row::key let:row>
                    {match row {
                        Row::Comment(item) => Either::Left(view! { <CommentItem item can_reply=can_post/> }),
                        Row::ReplyForm { parent } => Either::Right(view! { <li class="reply">{form.with_value(|f| f(Some(parent)))}</li> }),
                    }}
                </For>
            </ol>
            {move || (threaded.with(Vec::len) > shown.get()).then(|| view! {
                <p class="more"><button type="button" class="button secondary" on:click=show_more>
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

/// Built once and never updated: static text and attributes only, no signals or handlers.
#[component]
fn CommentItem(item: ThreadedComment, can_reply: bool) -> impl IntoView {
    let ThreadedComment { comment: Comment { id, author, date, html, status, .. }, depth } = item;
    let held = status == CommentStatus::Hold;
    // The initials are always there: a picture that fails to load is removed (drop_broken_avatar),
    // and the stylesheet shows them once no picture precedes them.
    let picture = author.avatar.map(|src| view! {
        <img class="avatar-image" src=crate::site_base::href(&src) alt="" width="32" height="32" loading="lazy"/>
    });
    let reply = (can_reply && !held).then(|| view! {
        <button type="button" class="reply-button" value=id.clone() aria-label=format!("Reply to {}", author.name)>"Reply"</button>
    });
    let name = match author.url {
        Some(url) => Either::Left(view! { <a href=url rel="nofollow ugc noopener" target="_blank">{author.name.clone()}</a> }),
        None => Either::Right(view! { <span>{author.name.clone()}</span> }),
    };
    view! {
        <li class=format!("comment depth-{depth}") id=format!("comment-{id}")>
            <div class="comment-head">
                {picture}
                <span class="avatar-initials" aria-hidden="true">{initials(&author.name)}</span>
                <strong class="comment-author">{name}</strong>
                <DateTime at=date style=DateStyle::DayAndTime/>
                {held.then(|| view! { <span class="moderation">"Awaiting moderation"</span> })}
            </div>
            <SafeHtml html class="comment-body"/>
            {reply}
        </li>
    }
}

fn comment_element(id: &str) -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    document.get_element_by_id(&format!("comment-{id}"))?.dyn_into().ok()
}

/// The comment whose Reply button the click was on. Comment bodies cannot hold buttons: the
/// sanitizer removes them.
fn reply_clicked(event: &leptos::ev::MouseEvent) -> Option<String> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest(".reply-button").ok()??.get_attribute("value")
}

fn drop_broken_avatar(event: &leptos::ev::Event) {
    if let Some(image) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
        if image.matches(".comment-head > .avatar-image").unwrap_or(false) {
            image.remove();
        }
    }
}
