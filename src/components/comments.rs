//! A story's discussion: the threaded list, replies in place, and the comments posted from here.

use crate::api::{resource, Backend};
use crate::browser::{format_date, handler, DateStyle};
use crate::components::comment_form::CommentForm;
use crate::components::safe_html::policy;
use crate::sanitize::sanitize_into;
use broadsheet_core::comment_form::PostedComment;
use broadsheet_core::comments::{arrange, initials, rows, thread, Arrangement, Shown, Order, Row, RowKey, ThreadedComment};
use broadsheet_core::config::Config;
use broadsheet_core::model::{Comment, CommentStatus, Teaser};
use broadsheet_core::sanitize_policy::{safe_url, Policy};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};

/// Comments shown at first: enough to read on, and quick to build even on a slow phone while the
/// reader is still in the story.
const FIRST: usize = 100;
/// Comments added by "Show more comments": each is cheap to build and the browser lays out only
/// those near the view, so one click shows a long thread's rest instead of ten clicks.
const MORE: usize = 1000;
/// Lines per block of the list. The browser skips a block far from the view whole, so it tracks
/// and lays out a few dozen blocks after "Show more" rather than a thousand lines.
const BLOCK: usize = 25;

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
                    let _ = button.unchecked_into::<HtmlElement>().focus();
                }
            })
        });
        view! { <CommentForm story=teaser.clone() parent on_posted on_cancel/> }.into_any()
    };
    let form = StoredValue::new_local(form);
    let show_more = move |_| {
        // The first new comment takes the focus (and so is read out), as the button may go.
        let first_new = threaded.with(|all| posted.with(|own| Shown { first: shown.get_untracked(), posted_here: own }.hidden(all).1.map(|t| t.comment.id.clone())));
        shown.update(|n| *n += MORE);
        if let Some(id) = first_new {
            crate::browser::before_next_frame(Box::new(move || {
                if let Some(comment) = comment_element(&id) {
                    let _ = comment.set_attribute("tabindex", "-1");
                    let _ = comment.focus();
                }
            }));
        }
    };
    let list = NodeRef::<leptos::html::Ol>::new();
    let mut lines = Lines { can_reply: can_post, policy: policy(), owner: Owner::current(), ..Lines::default() };
    Effect::new(move |_| {
        let Some(list) = list.get() else { return };
        threaded.with(|all| {
            posted.with(|own| reply_to.with(|to| {
                let rows = rows(all, Shown { first: shown.get(), posted_here: own }, to.as_deref());
                lines.show(&list, &rows, |parent| form.with_value(|f| f(Some(parent))));
            }));
        });
    });
    view! {
        <section class="comments" id="comments" aria-labelledby="comments-heading">
            <h2 id="comments-heading">{move || match threaded.with(Vec::len) {
                0 => "Comments".to_string(),
                1 => "1 Comment".to_string(),
                n => format!("{n} Comments"),
            }}</h2>
            {move || loaded.get().and_then(Result::err).map(|error| view! {
                <p class="load-failed" role="alert">{error.to_string()} " "
                    <button type="button" class="button secondary" on:click=handler(move |_| loaded.refetch())>"Try again"</button>
                </p>
            }.into_any())}
            {move || (threaded.with(Vec::len) > 1).then(|| view! {
                <div class="comment-order" role="group" aria-label="Order of comments">
                    <button type="button" aria-pressed=move || (order.get() == Order::OldestFirst).to_string()
                        on:click=handler(move |_| order.set(Order::OldestFirst))>"Oldest first"</button>
                    <button type="button" aria-pressed=move || (order.get() == Order::NewestFirst).to_string()
                        on:click=handler(move |_| order.set(Order::NewestFirst))>"Newest first"</button>
                </div>
            }.into_any())}
            <p class="comment-notice" role="status">{move || notice.get()}</p>
            // Its lines are kept by `Lines`, in blocks; the role says its items are in those.
            // One handler for all the Reply buttons and one for all the pictures, rather than one
            // per comment.
            <ol class="comment-list" role="list" node_ref=list on:click=handler(move |event| if let Some(id) = reply_clicked(&event) { reply_to.set(Some(id)) })
                on:error:capture=handler(drop_broken_picture)></ol>
            {move || {
                let hidden = threaded.with(|all| posted.with(|own| Shown { first: shown.get(), posted_here: own }.hidden(all).0));
                (hidden > 0).then(|| view! {
                    <p class="more"><button type="button" class="button secondary" on:click=handler(show_more)>
                        {format!("Show more comments ({hidden} more)")}
                    </button></p>
                }.into_any())
            }}
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

/// The comment list's lines, kept by hand rather than by a keyed `<For>` (which brings a keyed
/// diff and `indexmap` into the binary): a comment's `<li>` is built once, with plain DOM calls,
/// and only moved after that; the reply form is a Leptos view of its own, mounted in its `<li>`.
/// Lines appended together go in blocks of `BLOCK` (the rest into the list itself); a line moved
/// goes where the line it is placed before is.
#[derive(Default)]
struct Lines {
    /// What the list shows, in order.
    keys: Vec<RowKey>,
    elements: HashMap<RowKey, Element>,
    reply_form: Option<ReplyForm>,
    can_reply: bool,
    policy: Arc<Policy>,
    /// The thread's, so that the reply form outlives the runs of the effect that mounts it.
    owner: Option<Owner>,
}

impl Lines {
    fn show(&mut self, list: &Element, wanted: &[Row], reply_form: impl Fn(String) -> AnyView) {
        let wanted_keys: Vec<RowKey> = wanted.iter().map(Row::key).collect();
        let Arrangement { placements, removed } = arrange(&self.keys, &wanted_keys);
        for &i in &removed {
            if let Some(element) = self.elements.remove(&self.keys[i]) {
                element.remove();
            }
            if matches!(self.keys[i], RowKey::ReplyForm(_)) {
                if let Some(form) = self.reply_form.take() {
                    form.owner.cleanup();
                }
            }
        }
        let Some(document) = list.owner_document() else { return };
        // Lines placed before the same one go in together: "Show more" appends once.
        for group in placements.chunk_by(|a, b| a.before == b.before) {
            let before = group[0].before.and_then(|i| self.elements.get(&self.keys[i])).cloned();
            let fragment = document.create_document_fragment();
            // Into the block of the line they go before; at the end, in new blocks.
            let mut block: Node = fragment.clone().into();
            for (n, placement) in group.iter().enumerate() {
                if before.is_none() && n % BLOCK == 0 {
                    // A few lines left over (a comment just posted) go into the list itself.
                    let full = group.len() - n >= BLOCK;
                    block = full.then(|| new_block(&fragment)).flatten().unwrap_or_else(|| fragment.clone().into());
                }
                let key = &wanted_keys[placement.row];
                let element = match self.elements.get(key) {
                    Some(element) => Some(element.clone()),
                    None => self.build(&wanted[placement.row], &reply_form),
                };
                if let Some(element) = element {
                    let _ = block.append_child(&element);
                    self.elements.insert(key.clone(), element);
                }
            }
            let _ = match before.and_then(|before| Some((before.parent_node()?, before))) {
                Some((block, before)) => block.insert_before(&fragment, Some(&before)),
                None => list.append_child(&fragment),
            };
        }
        self.keys = wanted_keys;
    }

    fn build(&mut self, row: &Row, reply_form: &impl Fn(String) -> AnyView) -> Option<Element> {
        match row {
            Row::Comment(item) => comment_line(item, self.can_reply, &self.policy),
            Row::ReplyForm { parent } => {
                let li = web_sys::window()?.document()?.create_element("li").ok()?;
                li.set_class_name("reply");
                // A child of the thread's owner, not of the effect running this (which disposes
                // of its children each run), and built untracked: the effect must not depend on
                // the form's signals.
                let owner = match &self.owner {
                    Some(thread) => thread.with(Owner::new),
                    None => Owner::new(),
                };
                let view = untrack(|| {
                    owner.with(|| {
                        let mut view = reply_form(parent.to_string()).build();
                        view.mount(&li, None);
                        view
                    })
                });
                self.reply_form = Some(ReplyForm { owner, _view: view });
                Some(li)
            }
        }
    }
}

/// A new block of the list at the end of `parent`.
fn new_block(parent: &Node) -> Option<Node> {
    let block = add(parent, "div", "comment-block", "")?;
    // Not a list level of its own for assistive technologies: its lines are the list's items.
    block.set_attribute("role", "none").ok()?;
    Some(block.into())
}

/// The open reply form: its reactive owner (signals, effects) and its view's state.
struct ReplyForm {
    owner: Owner,
    _view: AnyViewState,
}

thread_local! {
    /// `<li class="comment">` with `<div class="comment-head">` (initials, author, time) and
    /// `<div class="comment-body">`; then the Reply button.
    static SKELETONS: Option<[Node; 2]> = skeletons();
}

fn skeletons() -> Option<[Node; 2]> {
    let document = web_sys::window()?.document()?;
    let li = document.create_element("li").ok()?;
    let head = add(&li, "div", "comment-head", "")?;
    add(&head, "span", "avatar-initials", "")?.set_attribute("aria-hidden", "true").ok()?;
    add(&head, "strong", "comment-author", "")?;
    add(&head, "time", "", "")?;
    add(&li, "div", "comment-body", "")?;
    let button = document.create_element("button").ok()?;
    set_attributes(&button, &[("type", "button"), ("class", "reply-button")]);
    button.set_text_content(Some("Reply"));
    Some([li.into(), button.into()])
}

fn copy_of(skeleton: usize) -> Option<Element> {
    // The skeletons are elements.
    SKELETONS.with(|s| Some(s.as_ref()?[skeleton].clone_node_with_deep(true).ok()?.unchecked_into()))
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

/// A comment's `<li>`. A comment never changes once shown, so it is made of plain DOM calls, as
/// few as possible: no signals, handlers or type-erased views for Leptos to build per element,
/// and the parts every comment has are cloned from one skeleton. A long thread was slow to show
/// before.
fn comment_line(item: &ThreadedComment, can_reply: bool, policy: &Policy) -> Option<Element> {
    let ThreadedComment { comment: Comment { id, author, date, html, status, .. }, depth } = item;
    let held = *status == CommentStatus::Hold;
    let li = copy_of(0)?;
    li.set_class_name(&format!("comment depth-{depth}"));
    li.set_id(&format!("comment-{id}"));
    let head = li.first_element_child()?;
    let initials_span = head.first_element_child()?;
    initials_span.set_text_content(Some(&initials(&author.name)));
    // The initials are always there: a picture that fails to load is removed
    // (`drop_broken_picture`), and the stylesheet shows them once no picture precedes them.
    if let Some(src) = &author.avatar {
        let img = li.owner_document()?.create_element("img").ok()?;
        img.set_class_name("avatar-image");
        set_attributes(&img, &[("src", &crate::site_base::href(src)), ("alt", ""), ("width", "32"), ("height", "32"), ("loading", "lazy")]);
        head.insert_before(&img, Some(&initials_span)).ok()?;
    }
    let name = initials_span.next_element_sibling()?;
    match author.url.as_deref().and_then(safe_url) {
        Some(url) => set_attributes(&add(&name, "a", "", &author.name)?, &[("href", &url), ("rel", "nofollow ugc noopener"), ("target", "_blank")]),
        None => name.set_text_content(Some(&author.name)),
    }
    let time = name.next_element_sibling()?;
    time.set_text_content(Some(&format_date(*date, DateStyle::DayAndTime)));
    time.set_attribute("datetime", &date.to_string()).ok()?;
    if held {
        add(&head, "span", "moderation", "Awaiting moderation")?;
    }
    sanitize_into(html, policy, head.next_element_sibling()?.as_ref())?;
    if can_reply && !held {
        let button = copy_of(1)?;
        set_attributes(&button, &[("value", id), ("aria-label", &format!("Reply to {}", author.name))]);
        li.append_child(&button).ok()?;
    }
    Some(li)
}

/// Removes a commenter's picture that failed to load, so that the initials after it show.
fn drop_broken_picture(event: leptos::ev::ErrorEvent) {
    if let Some(picture) = event.target().and_then(|t| t.dyn_into::<Element>().ok()).filter(|e| e.matches(".avatar-image").unwrap_or(false)) {
        picture.remove();
    }
}

fn comment_element(id: &str) -> Option<HtmlElement> {
    let document = web_sys::window()?.document()?;
    document.get_element_by_id(&format!("comment-{id}"))?.dyn_into().ok()
}

/// The comment whose Reply button the click was on. Comment bodies cannot hold buttons: the
/// sanitizer removes them.
fn reply_clicked(event: &leptos::ev::MouseEvent) -> Option<String> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    target.closest(".reply-button").ok()??.get_attribute("value")
}
