//! Broadsheet in the browser: components and browser glue. Pure logic lives in `broadsheet-core`.

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod pages;
pub mod panic_screen;
pub mod sanitize;

/// Starts the app on the page.
pub fn start() {
    panic_screen::install();
    leptos::mount::mount_to_body(app::App);
}
