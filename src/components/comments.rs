//! A story's discussion: the threaded list, replies in place, and the comments posted from here.

use crate::api::{resource, Backend};
use crate::browser::{format_date, DateStyle};
use crate::components::comment_form::CommentForm;
use crate::components::safe_html::policy;
use crate::sanitize::sanitize;
use broadsheet_core::comment_form::PostedComment;
use broadsheet_core::comments::{initials, rows, thread, Order, Row, ThreadedComment};
use broadsheet_core::config::Config;
use broadsheet_core::model::{Comment, CommentStatus, Teaser};
use broadsheet_core::sanitize_policy::Policy;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// Comments shown at first: enough to read on, and quick to build even on a slow phone while the
/// reader is still in the story.
const FIRST: usize = 100;
/// Comments added by "Show more comments": each is cheap to build and the browser lays out only
/// those near the view, so one click shows a long thread's rest instead of ten clicks.
const MORE: usize = 1000;

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
    let loaded = resource(move || {
        let (backend, story) = (backend.clone(), story.clone());
        async move { if has_comments { backend.comments(&story).await } else { Ok(Vec::new()) } }
    });
    // Comments this reader posted here: shown at once, held ones marked as awaiting moderation.
    let posted = RwSignal::new(Vec::<Comment>::new());
    let reply_to = RwSignal::new(None::<String>);
    let shown = RwSignal::new(FIRST);
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
    let policy = policy();
    let show_more = move |_| {
        // The first new comment takes the focus (and so is read out), as the button may go.
        let first_new = threaded.with(|all| all.get(shown.get_untracked()).map(|t| t.comment.id.clone()));
        shown.update(|n| *n += MORE);
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
            // One handler for all the Reply buttons, rather than one per comment.
            <ol class="comment-list" on:click=move |event| if let Some(id) = reply_clicked(&event) { reply_to.set(Some(id)) }>
                <For each=move || threaded.with(|all| reply_to.with(|to| rows(all, shown.get(), to.as_deref()))) key=Row::key let:row>
                    {match row {
                        Row::Comment(item) => comment_item(item, can_post, policy.clone()).into_any(),
                        Row::ReplyForm { parent } => view! { <li class="reply">{form.with_value(|f| f(Some(parent)))}</li> }.into_any(),
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

/// A comment's `<li>`, filled by hand as it is built (see `fill_comment`).
fn comment_item(item: ThreadedComment, can_reply: bool, policy: Arc<Policy>) -> impl IntoView {
    view! { <li use:fill_comment=(item, can_reply, policy)></li> }
}

type CommentContent = (ThreadedComment, bool, Arc<Policy>);

/// A comment never changes once shown, so it is made of plain DOM calls, as few as possible: no
/// signals, handlers or type-erased views for Leptos to build per element, and the parts every
/// comment has are cloned from one skeleton. A long thread was slow to show before.
fn fill_comment(li: Element, (item, can_reply, policy): CommentContent) {
    let _ = try_fill_comment(&li, item, can_reply, &policy);
}

thread_local! {
    /// Removes a picture that failed to load, so that the initials after it show: one function
    /// for all of them.
    static DROP_BROKEN: Closure<dyn Fn(web_sys::Event)> = Closure::new(|event: web_sys::Event| {
        if let Some(image) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) {
            image.remove();
        }
    });
    /// `<div class="comment-head">` (initials, author, time) and `<div class="comment-body">`;
    /// then the Reply button.
    static SKELETONS: Option<[Node; 2]> = skeletons();
}

fn skeletons() -> Option<[Node; 2]> {
    let document = web_sys::window()?.document()?;
    let fragment = document.create_document_fragment();
    let head = add(&fragment, "div", "comment-head", "")?;
    add(&head, "span", "avatar-initials", "")?.set_attribute("aria-hidden", "true").ok()?;
    add(&head, "strong", "comment-author", "")?;
    add(&head, "time", "", "")?;
    add(&fragment, "div", "comment-body", "")?;
    let button = document.create_element("button").ok()?;
    set_attributes(&button, &[("type", "button"), ("class", "reply-button")]);
    button.set_text_content(Some("Reply"));
    Some([fragment.into(), button.into()])
}

fn copy_of(skeleton: usize) -> Option<Node> {
    SKELETONS.with(|s| s.as_ref()?[skeleton].clone_node_with_deep(true).ok())
}

/// A new `tag` element at the end of `parent`, with its class and text when not empty.
fn add(parent: &Node, tag: &str, class: &str, text: &str) -> Option<Element> {
    let element = parent.owner_document()?.create_element(tag).ok()?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    if !text.is_empty() {
        element.set_text_content(Some(text));
    }
    parent.append_child(&element).ok()?;
    Some(element)
}

fn set_attributes(element: &Element, attributes: &[(&str, &str)]) {
    for (name, value) in attributes {
        let _ = element.set_attribute(name, value);
    }
}

fn try_fill_comment(li: &Element, item: ThreadedComment, can_reply: bool, policy: &Policy) -> Option<()> {
    let ThreadedComment { comment: Comment { id, author, date, html, status, .. }, depth } = item;
    let held = status == CommentStatus::Hold;
    li.set_class_name(&format!("comment depth-{depth}"));
    li.set_id(&format!("comment-{id}"));
    li.append_child(&copy_of(0)?).ok()?;
    let head = li.first_element_child()?;
    let initials_span = head.first_element_child()?;
    initials_span.set_text_content(Some(&initials(&author.name)));
    // The initials are always there: a picture that fails to load is removed (DROP_BROKEN), and
    // the stylesheet shows them once no picture precedes them.
    if let Some(src) = author.avatar {
        let img = li.owner_document()?.create_element("img").ok()?;
        DROP_BROKEN.with(|drop| img.unchecked_ref::<web_sys::HtmlElement>().set_onerror(Some(drop.as_ref().unchecked_ref())));
        img.set_class_name("avatar-image");
        set_attributes(&img, &[("src", &crate::site_base::href(&src)), ("alt", ""), ("width", "32"), ("height", "32"), ("loading", "lazy")]);
        head.insert_before(&img, Some(&initials_span)).ok()?;
    }
    let name = initials_span.next_element_sibling()?;
    match &author.url {
        Some(url) => set_attributes(&add(&name, "a", "", &author.name)?, &[("href", url), ("rel", "nofollow ugc noopener"), ("target", "_blank")]),
        None => name.set_text_content(Some(&author.name)),
    }
    let time = name.next_element_sibling()?;
    time.set_text_content(Some(&format_date(date, DateStyle::DayAndTime)));
    time.set_attribute("datetime", &date.to_string()).ok()?;
    if held {
        add(&head, "span", "moderation", "Awaiting moderation")?;
    }
    let body = sanitize(&html, policy)?;
    head.next_element_sibling()?.append_child(&body).ok()?;
    if can_reply && !held {
        let button = li.append_child(&copy_of(1)?).ok()?.unchecked_into::<Element>();
        set_attributes(&button, &[("value", &id), ("aria-label", &format!("Reply to {}", author.name))]);
    }
    Some(())
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
