//! Signing in, where the backend has accounts (WordPress with an application password, or a static
//! site's token endpoint): the header's "Sign in" button and dialog, and the [`Session`] that the comment form writes as. The
//! session is kept in `sessionStorage` only, so it ends with the tab.

use crate::api::Backend;
use crate::browser::handler;
use broadsheet_core::account::{session_key, SignInError, SignInMethod, SignedIn};
use broadsheet_core::comment_form::Draft;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// The signed-in reader, if any, for the whole site.
#[derive(Clone, Copy)]
pub struct Session {
    reader: RwSignal<Option<SignedIn>>,
}

impl Session {
    /// The reader now, for a request about to be sent.
    pub fn current(self) -> Option<SignedIn> {
        self.reader.get_untracked()
    }

    /// Gives a comment form the account's name and email while the reader is signed in.
    pub fn prefill(self, draft: RwSignal<Draft>) {
        Effect::new(move || {
            if let Some(reader) = self.reader.get() {
                draft.update(|d| {
                    d.name = reader.account.name.clone();
                    if !reader.account.email.is_empty() {
                        d.email = reader.account.email.clone();
                    }
                });
            }
        });
    }
}

/// Provides the [`Session`], restored from this tab's storage.
pub fn provide_session() {
    let backend = expect_context::<Backend>();
    let restored = if backend.supports_sign_in() { read_session(&session_key(backend.site_key())) } else { None };
    provide_context(Session { reader: RwSignal::new(restored) });
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn read_session(key: &str) -> Option<SignedIn> {
    SignedIn::from_stored(&session_storage()?.get_item(key).ok().flatten()?)
}

fn write_session(key: &str, reader: Option<&SignedIn>) {
    let Some(storage) = session_storage() else { return };
    let _ = match reader {
        Some(reader) => storage.set_item(key, &reader.to_stored()),
        None => storage.remove_item(key),
    };
}

/// "Sign in" (or the signed-in name and "Sign out") for the header; nothing where the backend has
/// no accounts.
#[component]
pub fn SignIn() -> impl IntoView {
    let backend = expect_context::<Backend>();
    let Some(method) = backend.sign_in_method() else { return ().into_any() };
    let session = expect_context::<Session>();
    let key = StoredValue::new(session_key(backend.site_key()));
    // WordPress needs an application password, and has its own page for a lost one.
    let lost_password = match method {
        SignInMethod::ApplicationPassword { lost_password_url } => Some(lost_password_url),
        SignInMethod::Token { .. } => None,
    };
    let hint = lost_password.is_some().then(|| view! {
        <span id="sign-in-hint" class="field-hint">"Use an application password from your profile on the site."</span>
    }.into_any());
    let described_by = lost_password.is_some().then_some("sign-in-hint");
    let dialog = NodeRef::<html::Dialog>::new();
    let opener = NodeRef::<html::Button>::new();
    let sign_out_button = NodeRef::<html::Button>::new();
    let login = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<SignInError>);
    let busy = RwSignal::new(false);
    let status = RwSignal::new(String::new());

    let open = move |_| {
        error.set(None);
        if let Some(dialog) = dialog.get() {
            let _ = dialog.show_modal();
        }
    };
    // Escape, Cancel and success all end here: focus goes back to the button the reader is at.
    let on_close = move |_| {
        password.set(String::new());
        crate::browser::before_next_frame(Box::new(move || {
            let target = if session.reader.get_untracked().is_some() { sign_out_button.get_untracked() } else { opener.get_untracked() };
            if let Some(button) = target {
                let _ = button.focus();
            }
        }));
    };
    let close = move |_| {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let backend = backend.clone();
        spawn_local(async move {
            let result = backend.sign_in(&login.get_untracked(), &password.get_untracked()).await;
            busy.set(false);
            match result {
                Ok(reader) => {
                    write_session(&key.get_value(), Some(&reader));
                    status.set(format!("Signed in as {}.", reader.account.name));
                    session.reader.set(Some(reader));
                    if let Some(dialog) = dialog.get_untracked() {
                        dialog.close();
                    }
                }
                Err(problem) => error.set(Some(problem)),
            }
        });
    };
    let sign_out = move |_| {
        write_session(&key.get_value(), None);
        session.reader.set(None);
        status.set("Signed out.".into());
        crate::browser::before_next_frame(Box::new(move || {
            if let Some(button) = opener.get_untracked() {
                let _ = button.focus();
            }
        }));
    };
    let text_input = |signal: RwSignal<String>| {
        move |event: leptos::ev::Event| {
            if let Some(input) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                signal.set(input.value());
            }
        }
    };

    view! {
        <div class="account">
            {move || match session.reader.get() {
                Some(reader) => view! {
                    <span class="account-name">"Signed in as " <strong>{reader.account.name}</strong></span>
                    <button type="button" class="tool" node_ref=sign_out_button on:click=handler(sign_out)>"Sign out"</button>
                }.into_any(),
                None => view! {
                    <button type="button" class="tool" node_ref=opener aria-haspopup="dialog" on:click=handler(open)>"Sign in"</button>
                }.into_any(),
            }}
            <p class="visually-hidden" role="status">{move || status.get()}</p>
            <dialog node_ref=dialog class="sign-in-dialog" aria-labelledby="sign-in-title" aria-describedby="sign-in-lede"
                on:close=handler(on_close) on:keydown=handler(move |event| keep_focus_inside(&event, dialog))>
                <form on:submit=handler(submit) novalidate>
                    <h2 id="sign-in-title">"Welcome back!"</h2>
                    <p id="sign-in-lede" class="dialog-lede">"Sign in to your account"</p>
                    <p class="field">
                        <label for="sign-in-login">"Username or Email Address"</label>
                        <input id="sign-in-login" name="log" autocomplete="username" autocapitalize="off" spellcheck="false" required autofocus
                            prop:value=move || login.get() on:input=handler(text_input(login))/>
                    </p>
                    <p class="field">
                        <label for="sign-in-password">"Password"</label>
                        <input id="sign-in-password" name="pwd" type="password" autocomplete="current-password" required aria-describedby=described_by
                            prop:value=move || password.get() on:input=handler(text_input(password))/>
                        {hint}
                    </p>
                    {move || error.get().map(|problem| view! { <p class="form-error" role="alert">{problem.to_string()}</p> }.into_any())}
                    <p class="form-actions">
                        <button type="submit" class="button" aria-disabled=move || busy.get().then_some("true")>
                            {move || if busy.get() { "Signing in…" } else { "Sign in" }}
                        </button>
                        <button type="button" class="button secondary" on:click=handler(close)>"Cancel"</button>
                    </p>
                    {lost_password.map(|href| view! { <p class="lost-password"><a href=href rel="noopener">"Lost your password?"</a></p> }.into_any())}
                </form>
            </dialog>
        </div>
    }
    .into_any()
}

/// Tab and Shift+Tab cycle inside the dialog instead of leaving it for the browser's own controls.
fn keep_focus_inside(event: &leptos::ev::KeyboardEvent, dialog: NodeRef<html::Dialog>) {
    if event.key() != "Tab" {
        return;
    }
    let Some(dialog) = dialog.get_untracked() else { return };
    let Ok(list) = dialog.query_selector_all("a[href], button, input") else { return };
    let focusable: Vec<web_sys::HtmlElement> = (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect();
    let (Some(first), Some(last)) = (focusable.first(), focusable.last()) else { return };
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    let at = |element: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| a == element.unchecked_ref::<web_sys::Element>());
    let target = match (event.shift_key(), at(first), at(last)) {
        (true, true, _) => last,
        (false, _, true) => first,
        _ => return,
    };
    event.prevent_default();
    let _ = target.focus();
}
