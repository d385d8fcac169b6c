//! `<time>` elements in the reader's locale.

use crate::browser::{format_date, DateStyle};
use broadsheet_core::time::Timestamp;
use leptos::prelude::*;

#[component]
pub fn DateTime(at: Timestamp, style: DateStyle) -> impl IntoView {
    view! { <time datetime=at.to_string()>{format_date(at, style)}</time> }
}
