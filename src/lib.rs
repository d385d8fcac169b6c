//! Broadsheet in the browser: components and browser glue. Pure logic lives in `broadsheet-core`.

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod intersection;
pub mod pages;
pub mod panic_screen;
pub mod prefetch;
pub mod sanitize;
pub mod site_base;

/// Starts the app on the page, in place of the text a published page carries for crawlers.
pub fn start() {
    panic_screen::install();
    site_base::init();
    if let Some(prerendered) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("prerendered")) {
        prerendered.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
