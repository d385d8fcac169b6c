//! Where the site is served (the domain root or a sub-path such as `/news/`), read once from the
//! `<base href>` that Trunk writes from `--public-url`. Every address the app puts on the page or
//! fetches goes through [`href`]; the router strips [`prefix`].

use broadsheet_core::routes::SiteBase;

thread_local! {
    static BASE: SiteBase = read();
}

fn read() -> SiteBase {
    let href = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("base[href]").ok().flatten())
        .and_then(|base| base.get_attribute("href"));
    href.as_deref().and_then(SiteBase::parse).unwrap_or_default()
}

/// Reads the base, then removes the `<base>` element. It is there only to carry the sub-path:
/// left in place it would resolve the page's `#id` links (contents, skip link, footnotes) against
/// the site's folder instead of the page, so the router would take them for the homepage.
pub fn init() {
    BASE.with(|_| ());
    if let Some(element) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("base").ok().flatten()) {
        element.remove();
    }
}

/// Reads the site's base.
pub fn with_base<T>(read: impl FnOnce(&SiteBase) -> T) -> T {
    BASE.with(read)
}

/// `""` at the root, `"/news"` under a sub-path.
pub fn prefix() -> String {
    BASE.with(|base| base.prefix().to_string())
}

/// A route or site path (`/article/x`, `/content/a.svg`, `/config.json`) as an address on the
/// host; other addresses unchanged.
pub fn href(path: &str) -> String {
    BASE.with(|base| base.href(path))
}

/// The site's own address with its sub-path, such as `https://example.com/news`.
pub fn site_url() -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{}", prefix())
}

/// An image's `srcset` on this site.
pub fn srcset(image: &broadsheet_core::model::Image) -> Option<String> {
    BASE.with(|base| image.srcset_attr(base))
}

/// The sanitizer's policy for backend HTML on this site.
pub fn sanitize_policy() -> broadsheet_core::sanitize_policy::Policy {
    BASE.with(|base| broadsheet_core::sanitize_policy::Policy { site_base: base.clone(), ..Default::default() })
}
