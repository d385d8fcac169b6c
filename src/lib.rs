//! Broadsheet in the browser: components and browser glue. Pure logic lives in `broadsheet-core`.
//!
//! A view that is optional, repeated or returned from a reactive closure ends in `.into_any()`,
//! and a reactive view or value is a closure written inside `view!` (not one returned or passed
//! by name): tachys compiles its type-erased view code once per view type, so `Option<AnyView>`,
//! `Vec<AnyView>`, `AnyView` and the macro's shared closure type per output share one copy where
//! each `Option<View<HtmlElement<…>>>` or closure brought its own (≈ 7.7 KB brotli in all;
//! docs/size-plan.md).

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod first_view;
pub mod head;
pub mod intersection;
pub mod pages;
pub mod panic_screen;
pub mod prefetch;
pub mod router;
pub mod sanitize;
pub mod site_base;

/// Starts the app on the page, behind the first view a published page carries: in a task after
/// the one that instantiated the wasm, as each is long on a slow phone.
pub fn start() {
    panic_screen::install();
    site_base::init();
    first_view::hold();
    browser::set_timeout(|| leptos::mount::mount_to_body(app::App), 0);
}
