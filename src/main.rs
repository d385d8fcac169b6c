//! Broadsheet in the browser: components and browser glue. Pure logic lives in `broadsheet-core`.

mod api;
mod app;
mod browser;
mod components;
mod pages;
mod panic_screen;
mod sanitize;

fn main() {
    panic_screen::install();
    leptos::mount::mount_to_body(app::App);
}
