//! The app's router: the address as a signal, the site's links followed without loading the page
//! again, back and forward, and [`Location::navigate`] for the search forms. Which page an address
//! names is the core's business ([`SiteBase::route`](broadsheet_core::routes::SiteBase::route)).

use crate::browser::{listen, window};
use crate::components::after_paint::after_paint;
use broadsheet_core::routes::{decode, Address, Route};
use leptos::prelude::*;
use std::cell::RefCell;
use std::mem::discriminant;
use wasm_bindgen::{JsCast, JsValue};

/// The address's path on the host (`/news/article/x`) and its query string (`?page=2`, or empty).
#[derive(Clone, PartialEq, Eq)]
struct PathAndQuery {
    path: String,
    query: String,
}

fn current() -> PathAndQuery {
    let location = window().map(|w| w.location());
    let read = |part: fn(&web_sys::Location) -> Result<String, JsValue>| location.as_ref().and_then(|l| part(l).ok()).unwrap_or_default();
    PathAndQuery { path: read(web_sys::Location::pathname), query: read(web_sys::Location::search) }
}

/// The address and the page it names; components reach it with [`use_location`].
#[derive(Clone, Copy)]
pub struct Location {
    address: RwSignal<PathAndQuery>,
    route: Memo<Route>,
}

thread_local! {
    /// The address shown but not yet in the history (see [`Location::go`]).
    static UNRECORDED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Starts routing, for the page's lifetime: followed links and back/forward change the address.
pub fn provide_location() {
    let address = RwSignal::new(current());
    let route = Memo::new(move |_| address.with(|a| crate::site_base::with_base(|base| base.route(&a.path, &a.query))));
    let location = Location { address, route };
    provide_context(location);
    if let Some(window) = window() {
        // On the window: the page's own handlers have had the click first (the skip link's, say).
        listen(&window, "click", move |event| location.follow_link(event));
        listen(&window, "popstate", move |_| location.read_address());
    }
}

pub fn use_location() -> Location {
    expect_context()
}

impl Location {
    /// Tracks the address: path and query.
    pub fn track(self) {
        self.address.track();
    }

    /// The address's path on the host, tracked.
    pub fn path(self) -> String {
        self.address.with(|a| a.path.clone())
    }

    /// Whether the page's path on the host is `path` (an address from `site_base::href`), tracked.
    pub fn is_at(self, path: &str) -> bool {
        self.address.with(|a| a.path == path)
    }

    /// Opens a route path (`/search?q=tax`) in the app, as a followed link would.
    pub fn navigate(self, path: &str) {
        self.go(crate::site_base::href(path));
    }

    fn read_address(self) {
        // Back or forward before the last followed link was recorded: it is not recorded at all.
        UNRECORDED.take();
        self.show(current());
    }

    fn show(self, address: PathAndQuery) {
        let (same, same_path) = self.address.with_untracked(|a| (*a == address, a.path == address.path));
        if !same {
            self.address.set(address);
        }
        // The reader went on before the page was ready: the new page is the app's.
        if !same_path {
            crate::first_view::hand_over();
        }
    }

    /// Opens the clicked link's page in the app when it is one of the site's; any other link, and
    /// a click that asks for a new tab or window (a modifier key, another button), stays the
    /// browser's.
    fn follow_link(self, event: web_sys::Event) {
        let Ok(click) = event.dyn_into::<web_sys::MouseEvent>() else { return };
        if click.default_prevented() || click.button() != 0 || click.ctrl_key() || click.meta_key() || click.shift_key() || click.alt_key() {
            return;
        }
        let link = click.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest("a[href]").ok().flatten());
        let Some(link) = link.and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok()) else { return };
        let Some(location) = window().map(|w| w.location()) else { return };
        if !link.target().is_empty() || link.has_attribute("download") || link.rel().split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("external")) {
            return;
        }
        let (to_path, to_query, to_hash) = (link.pathname(), link.search(), link.hash());
        let (origin, path, query) = (location.origin().unwrap_or_default(), location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
        let to = Address { origin: &link.origin(), path: &to_path, query: &to_query, hash: &to_hash };
        let here = Address { origin: &origin, path: &path, query: &query, hash: "" };
        if crate::site_base::with_base(|base| base.opens_in_app(&to, &here)) {
            click.prevent_default();
            self.go(format!("{to_path}{to_query}{to_hash}"));
        }
    }

    /// Shows the page of `url` (a path on this origin, with its query and `#id`, as `Location`
    /// spells them) and scrolls to the `#id`, or to the top; the history has it once the page is
    /// painted. The same address again only scrolls.
    fn go(self, url: String) {
        let here = UNRECORDED.with_borrow(Clone::clone).unwrap_or_else(|| {
            let Some(location) = window().map(|w| w.location()) else { return String::new() };
            [location.pathname(), location.search(), location.hash()].into_iter().map(Result::unwrap_or_default).collect()
        });
        let hash_at = url.find('#').unwrap_or(url.len());
        let hash = url[hash_at..].to_string();
        if url != here {
            let (path, query) = url[..hash_at].split_at(url[..hash_at].find('?').unwrap_or(hash_at));
            self.show(PathAndQuery { path: path.to_string(), query: query.to_string() });
            // Telling the browser of a new history entry takes milliseconds: not before the paint.
            UNRECORDED.set(Some(url.clone()));
            after_paint(move || record(url));
        }
        // Once the new page is built, before it paints.
        crate::browser::before_next_frame(Box::new(move || scroll_to_hash_or_top(&hash)));
    }
}

/// Adds `url`, shown by [`Location::go`], to the history, unless the reader went on meanwhile:
/// back or forward, or another link (a page shown for a frame is not worth a history entry).
fn record(url: String) {
    if UNRECORDED.with_borrow(|unrecorded| unrecorded.as_ref() != Some(&url)) {
        return;
    }
    UNRECORDED.take();
    let Some(window) = window() else { return };
    if window.history().and_then(|history| history.push_state_with_url(&JsValue::NULL, "", Some(&url))).is_err() {
        let _ = window.location().set_href(&url);
    }
}

fn scroll_to_hash_or_top(hash: &str) {
    let Some(window) = window() else { return };
    let target = hash.strip_prefix('#').filter(|id| !id.is_empty()).and_then(|id| window.document()?.get_element_by_id(&decode(id)));
    match target {
        Some(element) => element.scroll_into_view(),
        None => window.scroll_to_with_x_and_y(0.0, 0.0),
    }
}

/// The page the address names, built by `page`. It is built anew only for another kind of page
/// or list: from story to story, or from page to page of a list, the page stays and its
/// [`route_param`]s change.
pub fn routed_page(page: fn(&Route) -> AnyView) -> impl IntoView {
    let route = use_location().route;
    let kind = Memo::new(move |_| {
        route.with(|route| (discriminant(route), if let Route::List(list, _) = route { Some(discriminant(list)) } else { None }))
    });
    view! {
        {move || {
            // Read, not only tracked: a memo nobody has read has no sources to change.
            kind.with(|_| ());
            route.with_untracked(page)
        }}
    }
}

/// What a page reads from the address, `pick`ed from its route. Once the address names another
/// page (this one is about to go), it keeps its last value, so the page loads nothing for an
/// address that is not its own.
pub fn route_param<T>(pick: impl Fn(&Route) -> Option<T> + Send + Sync + 'static) -> Memo<T>
where
    T: Clone + Default + PartialEq + Send + Sync + 'static,
{
    let route = use_location().route;
    Memo::new(move |last: Option<&T>| route.with(&pick).or_else(|| last.cloned()).unwrap_or_default())
}
