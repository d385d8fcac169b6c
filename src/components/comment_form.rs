//! "Leave a Reply": the comment form. What the reader types is kept in the browser as they type
//! and survives reloads, navigation and failed posts; it is cleared only once the backend accepted
//! the comment.

use crate::api::Backend;
use crate::browser::{forget_stored, handler, load_stored, store};
use crate::components::sign_in::Session;
use broadsheet_core::comment_form::{draft_key, identity_key, CommentRefusal, Draft, Field, FieldError, Identity, NewComment, PostedComment};
use broadsheet_core::model::Teaser;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

#[derive(Clone, PartialEq)]
enum Sending {
    Idle,
    InProgress,
    Refused(CommentRefusal),
}

#[component]
pub fn CommentForm(
    story: Teaser,
    /// The comment being answered; `None` for a new thread.
    parent: Option<String>,
    on_posted: Callback<PostedComment>,
    /// Shown as "Cancel reply" when answering a comment.
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let key = draft_key(backend.site_key(), &story.id, parent.as_deref());
    let who_key = identity_key(backend.site_key());
    let stored_text = load_stored::<String>(&key).unwrap_or_default();
    let draft = RwSignal::new(Draft::new(stored_text, load_stored::<Identity>(&who_key).unwrap_or_default()));
    let session = use_context::<Session>();
    if let Some(session) = session {
        session.prefill(draft);
    }
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let sending = RwSignal::new(Sending::Idle);
    let form_id = format!("reply-{}", parent.as_deref().unwrap_or("top"));
    let field_id = {
        let form_id = form_id.clone();
        move |field: Field| format!("{form_id}-{}", field.id())
    };

    let submit = {
        let (key, field_id) = (key.clone(), field_id.clone());
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            // A second click while sending sends nothing.
            if sending.get_untracked() == Sending::InProgress {
                return;
            }
            let current = draft.get_untracked();
            let problems = current.validate();
            if let Some(first) = problems.first() {
                focus(&field_id(first.field));
                errors.set(problems);
                return;
            }
            errors.set(Vec::new());
            sending.set(Sending::InProgress);
            let (backend, story, parent, key) = (backend.clone(), story.clone(), parent.clone(), key.clone());
            spawn_local(async move {
                let comment = NewComment { story_id: &story.id, story_slug: &story.slug, parent: parent.as_deref(), draft: &current };
                let signed_in = session.and_then(Session::current);
                match backend.post_comment(&comment, signed_in.as_ref()).await {
                    Ok(posted) => {
                        forget_stored(&key);
                        draft.update(|d| d.text.clear());
                        sending.set(Sending::Idle);
                        on_posted.run(posted);
                    }
                    Err(refusal) => sending.set(Sending::Refused(refusal)),
                }
            });
        }
    };

    let input = move |field: Field| {
        let (key, who_key) = (key.clone(), who_key.clone());
        move |event: leptos::ev::Event| {
            let value = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().map(|i| i.value()).or_else(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().map(|t| t.value())).ok())
                .unwrap_or_default();
            draft.update(|d| *slot(d, field) = value);
            errors.update(|list| list.retain(|e| e.field != field));
            let current = draft.get_untracked();
            match field {
                Field::Text => store(&key, &current.text),
                _ => store(&who_key, &current.identity()),
            }
        }
    };
    let error_of = move |field: Field| move || errors.with(|list| list.iter().find(|e| e.field == field).map(|e| e.message));
    let value_of = move |field: Field| move || draft.with(|d| slot_ref(d, field).clone());

    let field_view = {
        let (field_id, input) = (field_id.clone(), input.clone());
        move |field: Field, label: &'static str, kind: &'static str, required: bool, autocomplete: &'static str| {
            let id = field_id(field);
            let error_id = format!("{id}-error");
            let invalid = move || error_of(field)().is_some();
            view! {
                <p class=format!("field field-{}", field.id())>
                    <label for=id.clone()>{label} {required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> }.into_any())}</label>
                    <input id=id type=kind name=field.id() required=required autocomplete=autocomplete
                        prop:value=move || value_of(field)() on:input=input(field)
                        aria-invalid=move || invalid().then_some("true") aria-describedby=error_id.clone()/>
                    <span class="field-error" id=error_id>{move || error_of(field)()}</span>
                </p>
            }
        }
    };
    let text_id = field_id(Field::Text);
    let text_error_id = format!("{text_id}-error");
    let heading_id = format!("{form_id}-heading");
    let labelled_by = heading_id.clone();
    let is_reply = on_cancel.is_some();

    view! {
        <form class="comment-form" novalidate on:submit=handler(submit) aria-labelledby=labelled_by>
            <h3 id=heading_id>{if is_reply { "Reply" } else { "Leave a Reply" }}</h3>
            {on_cancel.map(|cancel| view! {
                <button type="button" class="cancel-reply" on:click=handler(move |_| cancel.run(()))>"Cancel reply"</button>
            }.into_any())}
            <p class="form-note">"Your email address will not be published. Required fields are marked " <span aria-hidden="true">"*"</span><span class="visually-hidden">"as required"</span></p>
            <p class="field field-comment">
                <label for=text_id.clone()>"Comment" <span class="required" aria-hidden="true">" *"</span></label>
                <textarea id=text_id name="comment" rows="6" required prop:value=move || value_of(Field::Text)() on:input=input(Field::Text)
                    aria-invalid=move || error_of(Field::Text)().is_some().then_some("true") aria-describedby=text_error_id.clone()></textarea>
                <span class="field-error" id=text_error_id>{move || error_of(Field::Text)()}</span>
            </p>
            {field_view(Field::Name, "Name", "text", true, "name")}
            {field_view(Field::Email, "Email", "email", true, "email")}
            {field_view(Field::Website, "Website", "url", false, "url")}
            {move || match sending.get() {
                Sending::Refused(refusal) => Some(view! { <p class="form-error" role="alert">{refusal.to_string()}</p> }.into_any()),
                _ => None,
            }}
            <p class="form-actions">
                <button type="submit" class="button" aria-disabled=move || (sending.get() == Sending::InProgress).then_some("true")>
                    {move || match sending.get() {
                        Sending::InProgress => "Sending…",
                        Sending::Refused(refusal) if refusal.can_retry() => "Retry",
                        _ => "Post Comment",
                    }}
                </button>
            </p>
        </form>
    }
}

fn slot(draft: &mut Draft, field: Field) -> &mut String {
    match field {
        Field::Text => &mut draft.text,
        Field::Name => &mut draft.name,
        Field::Email => &mut draft.email,
        Field::Website => &mut draft.website,
    }
}

fn slot_ref(draft: &Draft, field: Field) -> &String {
    match field {
        Field::Text => &draft.text,
        Field::Name => &draft.name,
        Field::Email => &draft.email,
        Field::Website => &draft.website,
    }
}

fn focus(id: &str) {
    if let Some(element) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}
