//! The sanitizer against a corpus of known XSS vectors (tests/fixtures/xss-vectors.txt), in a real
//! browser: every vector is sanitized, put into the live page, poked with events, and then checked
//! twice: dynamically (no hooked sink such as `alert` or `fetch` was reached, nothing loaded from
//! `xss.invalid`) and structurally (nothing outside the policy survived). Golden tests below check
//! that ordinary WordPress content keeps its structure exactly.
#![cfg(target_arch = "wasm32")]

use broadsheet::sanitize::sanitize;
use broadsheet_core::model::UntrustedHtml;
use broadsheet_core::sanitize_policy::{element_rule, ElementRule, Policy, DEFAULT_EMBED_HOSTS};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, Node};

wasm_bindgen_test_configure!(run_in_browser);

const CORPUS: &str = include_str!("fixtures/xss-vectors.txt");
const MIN_VECTORS: usize = 300;
/// How long each batch of vectors gets for timers, loads and queued navigations to fire.
const SETTLE_MS: u32 = 20;
/// Vectors in the page at once (see the corpus test).
const BATCH: usize = 16;

#[wasm_bindgen(inline_js = r#"
const EVENTS = [
  'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'mouseover', 'mouseenter',
  'mousemove', 'mouseout', 'mouseleave', 'pointerover', 'pointerenter', 'pointerdown', 'pointerup',
  'focus', 'focusin', 'blur', 'focusout', 'keydown', 'keyup', 'keypress', 'input', 'beforeinput',
  'change', 'select', 'selectionchange', 'submit', 'reset', 'invalid', 'search', 'toggle',
  'beforetoggle', 'load', 'error', 'abort', 'loadstart', 'canplay', 'play', 'animationstart',
  'animationend', 'animationiteration', 'transitionrun', 'transitionstart', 'transitionend', 'scroll',
  'scrollend', 'wheel', 'copy', 'cut', 'paste', 'beforecopy', 'drag', 'dragstart', 'drop', 'begin',
  'beginEvent', 'end', 'start', 'finish', 'bounce', 'pageshow', 'hashchange', 'popstate', 'message',
  'resize', 'readystatechange', 'close', 'cancel', 'fullscreenchange',
];

function makeEvent(type) {
  if (type.startsWith('animation')) return new AnimationEvent(type, { bubbles: true, animationName: 'x' });
  if (type.startsWith('transition')) return new TransitionEvent(type, { bubbles: true, propertyName: 'color' });
  if (type.startsWith('pointer')) return new PointerEvent(type, { bubbles: true, cancelable: true });
  if (/^(click|dblclick|auxclick|contextmenu|mouse)/.test(type)) {
    return new MouseEvent(type, { bubbles: true, cancelable: true, view: window });
  }
  if (type === 'focus' || type === 'blur') return new FocusEvent(type);
  if (type === 'focusin' || type === 'focusout') return new FocusEvent(type, { bubbles: true });
  if (type.startsWith('key')) return new KeyboardEvent(type, { bubbles: true, cancelable: true, key: 'x' });
  if (type === 'wheel') return new WheelEvent(type, { bubbles: true, deltaY: 10 });
  return new Event(type, { bubbles: false, cancelable: true });
}

function hrefOf(el) {
  let h = el.href;
  if (h && typeof h === 'object') h = h.animVal || h.baseVal;
  if (typeof h !== 'string') h = el.getAttribute('href') || el.getAttribute('xlink:href') || '';
  return h;
}

export function url_protocol(url) {
  try { return new URL(url, document.baseURI).protocol; } catch (e) { return ''; }
}

export function url_hostname(url) {
  try { return new URL(url, document.baseURI).hostname; } catch (e) { return ''; }
}

/// Hooks every sink a vector's payload may reach; each hit counts in window.__xssHits.
export function install_hooks() {
  if (window.__xssInstalled) return;
  window.__xssInstalled = true;
  window.__xssHits = 0;
  window.__xssLog = [];
  window.__xssResources = [];
  const hit = (kind, args) => {
    window.__xssHits += 1;
    const shown = Array.from(args || []).map(a => { try { return String(a); } catch (e) { return '?'; } });
    window.__xssLog.push(kind + '(' + shown.join(', ').slice(0, 120) + ')');
  };
  window.alert = function () { hit('alert', arguments); };
  window.confirm = function () { hit('confirm', arguments); return false; };
  window.prompt = function () { hit('prompt', arguments); return null; };
  window.xss = function () { hit('xss', arguments); };
  window.fetch = function () {
    hit('fetch', arguments);
    return Promise.reject(new TypeError('fetch blocked by the XSS corpus test'));
  };
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function () { hit('XMLHttpRequest.open', arguments); return open.apply(this, arguments); };
  const RealImage = window.Image;
  const HookedImage = function Image() { hit('new Image', arguments); return Reflect.construct(RealImage, arguments); };
  HookedImage.prototype = RealImage.prototype;
  window.Image = HookedImage;
  let pwned;
  Object.defineProperty(window, 'pwned', {
    configurable: true,
    get() { return pwned; },
    set(v) { hit('window.pwned =', [v]); pwned = v; },
  });
  window.__xssResetPwned = () => { pwned = undefined; };

  // Anything fetched from xss.invalid: resource timing (observer and buffer) and real load/error events.
  const note = (url, how) => {
    if (typeof url === 'string' && url.includes('xss.invalid')) window.__xssResources.push(how + ' ' + url);
  };
  performance.setResourceTimingBufferSize(100000);
  try {
    new PerformanceObserver(list => list.getEntries().forEach(e => note(e.name, 'resource timing')))
      .observe({ type: 'resource', buffered: true });
  } catch (e) {}
  for (const type of ['load', 'error']) {
    window.addEventListener(type, e => {
      const t = e.target;
      if (!e.isTrusted || !t || t === window || !t.getAttribute) return;
      note(t.currentSrc || t.src || hrefOf(t) || t.getAttribute('data') || '', type + ' event');
    }, true);
  }

  // Keep the test page where it is: ordinary navigations from poked links and forms are cancelled,
  // but javascript: URLs are let through, so that one surviving the sanitizer runs and is caught.
  window.addEventListener('click', e => {
    const link = e.target && e.target.closest && e.target.closest('a, area');
    if (link && url_protocol(hrefOf(link)) !== 'javascript:') e.preventDefault();
  }, true);
  window.addEventListener('submit', e => {
    const form = e.target;
    const action = (e.submitter && e.submitter.getAttribute('formaction')) || (form.getAttribute && form.getAttribute('action')) || '';
    if (url_protocol(action) !== 'javascript:') e.preventDefault();
  }, true);
}

/// Hook hits, resource loads and the pwned flag since the last call, then forgets them.
export function take_hits() {
  const found = window.__xssLog.concat(window.__xssResources);
  if (window.pwned !== undefined) found.push('window.pwned is set');
  window.__xssHits = 0;
  window.__xssLog = [];
  window.__xssResources = [];
  window.__xssResetPwned();
  return found.join('; ');
}

export function hit_count() { return window.__xssHits; }

export function pwned_is_undefined() { return window.pwned === undefined; }

/// Every resource timing entry so far that touched xss.invalid.
export function xss_invalid_entries() {
  return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('xss.invalid')).join('; ');
}

export function clear_resource_timings() { performance.clearResourceTimings(); }

/// Fires every event that some vector's handler listens for at the root and all its descendants.
export function poke(root) {
  const elements = [root, ...root.querySelectorAll('*')];
  for (const el of elements) {
    for (const type of EVENTS) {
      try { el.dispatchEvent(makeEvent(type)); } catch (e) {}
    }
    try { if (typeof el.focus === 'function') el.focus(); } catch (e) {}
  }
  try { if (document.activeElement && document.activeElement.blur) document.activeElement.blur(); } catch (e) {}
}

export function set_inner_html_unsafely(el, html) { el.innerHTML = html; }

export function sleep(ms) { return new Promise(resolve => setTimeout(resolve, ms)); }
"#)]
extern "C" {
    fn install_hooks();
    fn take_hits() -> String;
    fn hit_count() -> u32;
    fn pwned_is_undefined() -> bool;
    fn xss_invalid_entries() -> String;
    fn clear_resource_timings();
    fn poke(root: &Element);
    fn set_inner_html_unsafely(el: &Element, html: &str);
    fn sleep(ms: u32) -> js_sys::Promise;
    fn url_protocol(url: &str) -> String;
    fn url_hostname(url: &str) -> String;
}

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a browser document")
}

/// A fresh `<div>` attached to the live body, so that anything left in it would really run.
fn live_container() -> Element {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

/// Leptos's executor is set up by mounting; `tick` needs it.
fn init_executor() {
    let host = document().create_element("div").unwrap();
    let handle = leptos::mount::mount_to(host.unchecked_into(), || ());
    drop(handle);
}

async fn settle(ms: u32) {
    leptos::task::tick().await;
    let _ = JsFuture::from(sleep(ms)).await;
}

/// One vector of the corpus, with the section it is listed under.
struct Vector {
    line: usize,
    section: String,
    html: String,
}

/// Reads the corpus: `#` comments, `# == Section ==` headers, blank lines, and the escapes the
/// file's header documents (`\n \r \t \0 \xHH \\`; any other backslash is literal).
fn corpus() -> Vec<Vector> {
    let mut section = String::from("(none)");
    let mut vectors = Vec::new();
    for (i, line) in CORPUS.lines().enumerate() {
        if let Some(name) = line.strip_prefix("# == ").and_then(|l| l.strip_suffix(" ==")) {
            section = name.to_string();
        } else if !line.starts_with('#') && !line.trim().is_empty() {
            vectors.push(Vector { line: i + 1, section: section.clone(), html: unescape(line) });
        }
    }
    vectors
}

fn unescape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(pos) = rest.find('\\') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        let hex = after.strip_prefix('x').and_then(|h| h.get(..2)).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        let (decoded, used) = match after.chars().next() {
            Some('n') => ('\n', 1),
            Some('r') => ('\r', 1),
            Some('t') => ('\t', 1),
            Some('0') => ('\0', 1),
            Some('\\') => ('\\', 1),
            Some('x') if hex.is_some() => (char::from(u8::from_str_radix(hex.unwrap(), 16).unwrap()), 3),
            _ => ('\\', 0),
        };
        out.push(decoded);
        rest = &after[used..];
    }
    out.push_str(rest);
    out
}

const XHTML: &str = "http://www.w3.org/1999/xhtml";

/// Elements that must never come out of the sanitizer, whatever the policy's kept list says.
const NEVER_KEPT: &[&str] = &[
    "script",
    "style",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "form",
    "input",
    "button",
    "select",
    "option",
    "textarea",
    "base",
    "meta",
    "link",
    "template",
    "noscript",
    "noembed",
    "noframes",
    "frame",
    "frameset",
    "portal",
    "fencedframe",
    "xmp",
    "plaintext",
    "listing",
    "title",
    "head",
    "body",
    "html",
    "audio",
    "video",
    "source",
    "track",
    "picture",
    "canvas",
    "map",
    "area",
    "param",
    "dialog",
    "details",
    "summary",
    "marquee",
    "image",
    "isindex",
    "keygen",
    "slot",
    "xml",
    "layer",
    "ilayer",
    "bgsound",
    "command",
    "menuitem",
    "use",
    "foreignobject",
    "animate",
    "set",
    "handler",
    "annotation-xml",
    "mglyph",
    "malignmark",
    "h1",
];

/// Every attribute name the policy may emit (kept from the source or forced).
const ALLOWED_ATTRIBUTES: &[&str] = &[
    "title",
    "lang",
    "dir",
    "class",
    "href",
    "rel",
    "target",
    "src",
    "srcset",
    "alt",
    "sizes",
    "width",
    "height",
    "loading",
    "decoding",
    "cite",
    "colspan",
    "rowspan",
    "span",
    "scope",
    "start",
    "reversed",
    "type",
    "datetime",
    "allowfullscreen",
    "sandbox",
    "referrerpolicy",
];

/// Attributes holding URLs (or URL lists) somewhere in HTML, SVG or legacy markup.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "srcset",
    "cite",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "background",
    "data",
    "codebase",
    "dynsrc",
    "lowsrc",
    "longdesc",
    "ping",
    "manifest",
    "icon",
    "archive",
    "classid",
    "usemap",
    "profile",
    "imagesrcset",
];

const DANGEROUS_SCHEMES: &[&str] = &["javascript:", "vbscript:", "data:"];

/// The scheme-relevant form of a URL: whitespace, control and invisible characters removed, lowercased.
fn squeezed(url: &str) -> String {
    url.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control() && !matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}'))
        .collect::<String>()
        .to_lowercase()
}

fn dangerous_scheme(url: &str) -> Option<&'static str> {
    let squeezed = squeezed(url);
    DANGEROUS_SCHEMES.iter().copied().find(|scheme| squeezed.starts_with(scheme))
}

/// Everything that should not be in `container` after sanitizing, one reason per problem.
fn structural_problems(container: &Element) -> Vec<String> {
    let mut problems = Vec::new();
    let mut child = container.first_child();
    while let Some(node) = child {
        check_node(&node, &mut problems);
        child = node.next_sibling();
    }
    problems
}

fn check_node(node: &Node, problems: &mut Vec<String>) {
    match node.node_type() {
        Node::TEXT_NODE => return,
        Node::ELEMENT_NODE => {}
        other => {
            problems.push(format!("a node of type {other} ({}) survived", node.node_name()));
            return;
        }
    }
    let element: &Element = node.unchecked_ref();
    check_element(element, problems);
    let mut child = node.first_child();
    while let Some(next) = child {
        check_node(&next, problems);
        child = next.next_sibling();
    }
}

fn check_element(el: &Element, problems: &mut Vec<String>) {
    let name = el.local_name();
    let tag = format!("<{name}>");
    if el.namespace_uri().as_deref() != Some(XHTML) {
        problems.push(format!("{tag} in namespace {:?}", el.namespace_uri()));
    }
    if NEVER_KEPT.contains(&name.as_str()) {
        problems.push(format!("{tag} survived"));
    } else if !matches!(element_rule(&name), ElementRule::Keep(kept) if kept == name) {
        problems.push(format!("{tag} is not on the policy's kept list"));
    }

    let attributes = el.attributes();
    for attr in (0..attributes.length()).filter_map(|i| attributes.item(i)) {
        let (attr_name, value) = (attr.name().to_ascii_lowercase(), attr.value());
        let shown = format!("{tag} {attr_name}={value:?}");
        if attr_name.starts_with("on") {
            problems.push(format!("event handler {shown}"));
        } else if attr_name == "style" {
            problems.push(format!("style attribute {shown}"));
        } else if attr_name == "id" || attr_name == "name" {
            problems.push(format!("clobbering attribute {shown}"));
        } else if !ALLOWED_ATTRIBUTES.contains(&attr_name.as_str()) {
            problems.push(format!("attribute outside the policy {shown}"));
        }
        if URL_ATTRIBUTES.contains(&attr_name.as_str()) {
            let urls: Vec<&str> = if attr_name.ends_with("srcset") {
                value.split(|c: char| c == ',' || c.is_ascii_whitespace()).filter(|u| !u.is_empty()).collect()
            } else {
                vec![value.as_str()]
            };
            for url in urls {
                if let Some(scheme) = dangerous_scheme(url) {
                    problems.push(format!("{scheme} URL in {shown}"));
                } else {
                    // The browser's own reading of the URL, resolved against the page (a srcset
                    // descriptor such as `300w` reads as a harmless relative URL).
                    let protocol = url_protocol(url);
                    let allowed: &[&str] = match attr_name.as_str() {
                        "href" => &["http:", "https:", "mailto:", "tel:"],
                        _ => &["http:", "https:"],
                    };
                    if !allowed.contains(&protocol.as_str()) {
                        problems.push(format!("the browser reads {shown} as a {protocol:?} URL"));
                    }
                }
            }
        }
    }

    if name == "a" && el.get_attribute("target").is_some_and(|t| t.eq_ignore_ascii_case("_blank")) {
        let rel = el.get_attribute("rel").unwrap_or_default().to_ascii_lowercase();
        if !rel.split_ascii_whitespace().any(|r| r == "noopener") {
            problems.push(format!("<a target=_blank> without rel=noopener (rel={rel:?})"));
        }
    }
    if name == "a" {
        // What a click would really do, as the live element reports it.
        let protocol =
            js_sys::Reflect::get(el, &"protocol".into()).ok().and_then(|p| p.as_string()).unwrap_or_default();
        if el.has_attribute("href") && !["http:", "https:", "mailto:", "tel:"].contains(&protocol.as_str()) {
            problems.push(format!("<a> whose link protocol is {protocol:?}"));
        }
    }
    if name == "iframe" {
        let src = el.get_attribute("src").unwrap_or_default();
        let host = url_hostname(&src);
        if url_protocol(&src) != "https:" || !DEFAULT_EMBED_HOSTS.iter().any(|h| h.eq_ignore_ascii_case(&host)) {
            problems.push(format!("<iframe> from a host that is not an embed host: {src:?}"));
        }
        match el.get_attribute("sandbox") {
            None => problems.push("<iframe> without sandbox".into()),
            Some(sandbox) => {
                for token in sandbox.split_ascii_whitespace() {
                    if token.starts_with("allow-top-navigation")
                        || token == "allow-popups-to-escape-sandbox"
                        || token == "allow-modals"
                    {
                        problems.push(format!("<iframe> sandbox grants {token}"));
                    }
                }
            }
        }
    }
    if name == "img" && !el.has_attribute("src") {
        problems.push("<img> without src".into());
    }
}

/// Shows a vector on one line, control characters escaped.
fn shown(html: &str) -> String {
    let escaped: String = html
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{FEFF}') {
                c.escape_debug().collect()
            } else {
                c.to_string()
            }
        })
        .collect();
    if escaped.chars().count() > 160 {
        format!("{}…", escaped.chars().take(160).collect::<String>())
    } else {
        escaped
    }
}

/// Sanitizes vector `v` into a fresh container in `host` (in the live page) and pokes it.
fn sanitized_into_page(host: &Element, v: &Vector) -> Element {
    let container = document().create_element("div").unwrap();
    host.append_child(&container).unwrap();
    let fragment = sanitize(&UntrustedHtml(v.html.clone()), &Policy::default()).expect("the sanitizer runs");
    container.append_child(&fragment).unwrap();
    poke(&container);
    container
}

/// The harness can see an attack succeed: unsanitized markup trips the hooks.
async fn hooks_catch_unsanitized_markup() {
    let canary = live_container();
    set_inner_html_unsafely(
        &canary,
        "<img src=x onerror=\"alert('canary')\"><img src=x onerror=\"window.pwned=1\">\
         <a href=\"javascript:xss('canary')\">x</a><div onmouseover=\"fetch('http://xss.invalid/canary-fetch')\">x</div>\
         <div onanimationstart=\"new Image()\">x</div><img src=\"http://xss.invalid/canary.png\">",
    );
    poke(&canary);
    // Loads fail fast here (nothing resolves), but allow up to 3 s before judging the harness.
    for _ in 0..150 {
        settle(20).await;
        let seen: String = js_sys::Reflect::get(&js_sys::global(), &"__xssLog".into())
            .map(|log| js_sys::Array::from(&log).join("; ").into())
            .unwrap_or_default();
        let resources = js_sys::Reflect::get(&js_sys::global(), &"__xssResources".into())
            .map(|r| js_sys::Array::from(&r).length())
            .unwrap_or(0);
        if ["alert(", "xss(", "fetch(", "new Image(", "window.pwned ="].iter().all(|k| seen.contains(k))
            && resources > 0
        {
            break;
        }
    }
    let all = take_hits();
    canary.remove();
    for expected in [
        "alert(canary)",
        "xss(canary)",
        "fetch(http://xss.invalid/canary-fetch)",
        "new Image(",
        "window.pwned =",
        "xss.invalid/canary.png",
    ] {
        assert!(all.contains(expected), "the harness did not see `{expected}` fire unsanitized; it saw: {all}");
    }
    clear_resource_timings();
    assert_eq!(hit_count(), 0);
}

#[wasm_bindgen_test]
async fn corpus_vectors_do_not_survive_the_sanitizer() {
    init_executor();
    install_hooks();
    hooks_catch_unsanitized_markup().await;

    let vectors = corpus();
    assert!(
        vectors.len() >= MIN_VECTORS,
        "only {} vectors in the corpus, expected at least {MIN_VECTORS}",
        vectors.len()
    );
    let mut seen = std::collections::HashMap::new();
    for v in &vectors {
        if let Some(first) = seen.insert(v.html.as_str(), v.line) {
            panic!("line {} repeats the vector of line {first}: {}", v.line, shown(&v.html));
        }
    }

    let host = live_container();
    let mut failures = Vec::new();
    // The runner gives each test 20 s, so vectors settle in batches: each batch is put in the page
    // and poked together, then waits once. Structural checks are per vector anyway; a hook that
    // fires during a batch is traced to its vector by re-running that batch one vector at a time.
    for batch in vectors.chunks(BATCH) {
        let containers: Vec<Element> = batch.iter().map(|v| sanitized_into_page(&host, v)).collect();
        settle(SETTLE_MS).await;
        let batch_hits = take_hits();
        let mut traced = false;
        for (v, container) in batch.iter().zip(&containers) {
            let mut reasons = structural_problems(container);
            if !batch_hits.is_empty() {
                let alone = sanitized_into_page(&host, v);
                settle(SETTLE_MS).await;
                let hits = take_hits();
                alone.remove();
                if !hits.is_empty() {
                    traced = true;
                    reasons.push(format!("hooks fired: {hits}"));
                }
            }
            if !reasons.is_empty() {
                failures.push(format!(
                    "line {} [{}] {}\n      -> {}\n      output: {}",
                    v.line,
                    v.section,
                    shown(&v.html),
                    reasons.join("\n      -> "),
                    shown(&container.inner_html())
                ));
            }
        }
        if !batch_hits.is_empty() && !traced {
            let lines: Vec<String> = batch.iter().map(|v| v.line.to_string()).collect();
            failures.push(format!(
                "hooks fired while lines {} were in the page, but not for any of them alone: {batch_hits}",
                lines.join(", ")
            ));
        }
    }

    // Late arrivals: anything that fired after its vector's turn, and the whole resource timing buffer.
    settle(200).await;
    let late = take_hits();
    if !late.is_empty() {
        failures.push(format!("hooks fired after the corpus ran (some vector's delayed payload): {late}"));
    }
    let entries = xss_invalid_entries();
    if !entries.is_empty() {
        failures.push(format!("resources were fetched from xss.invalid: {entries}"));
    }
    if !pwned_is_undefined() {
        failures.push("window.pwned is set".into());
    }
    host.remove();

    assert!(
        failures.is_empty(),
        "{} problems with the {} vectors of the corpus:\n  {}",
        failures.len(),
        vectors.len(),
        failures.join("\n  ")
    );
}

#[wasm_bindgen_test]
fn corpus_parses_its_escapes() {
    assert_eq!(unescape(r"a\nb\tc\rd\0e\x41\\x41\u0061\q\\"), "a\nb\tc\rd\0eA\\x41\\u0061\\q\\");
    assert_eq!(unescape(r"\x4"), "\\x4");
    let vectors = corpus();
    assert!(vectors.iter().any(|v| v.html.contains("java\tscript")));
    assert!(vectors.iter().any(|v| v.html.contains('\0')));
    assert!(vectors.iter().all(|v| !v.section.is_empty() && v.section != "(none)"));
}

/// Sanitizes `html` into a container attached to the live page and returns its markup.
fn sanitized_live(html: &str) -> String {
    let container = live_container();
    let fragment = sanitize(&UntrustedHtml(html.into()), &Policy::default()).expect("sanitizer runs");
    container.append_child(&fragment).unwrap();
    let problems = structural_problems(&container);
    let out = container.inner_html();
    container.remove();
    assert!(problems.is_empty(), "benign content tripped the structural checks: {problems:?}\n{out}");
    out
}

#[wasm_bindgen_test]
fn golden_wordpress_paragraphs_headings_and_inline_markup() {
    let html = concat!(
        "<h2 class=\"wp-block-heading\" id=\"background\">Background</h2>\n",
        "<p>The council <a href=\"https://example.com/report.pdf\">published its report</a> on ",
        "<time datetime=\"2026-01-12\">12 January</time>; see <a href=\"/article/earlier-story\">our earlier story</a>.</p>\n",
        "<h3 class=\"wp-block-heading\">What it says</h3>\n",
        "<p>It is <em>cautious</em>, <strong>costly</strong> and <s>late</s> <mark class=\"has-inline-color\">overdue</mark>; ",
        "run <code>make report</code> or write to <a href=\"mailto:desk@example.com\">the desk</a>.</p>\n",
        "<h4>Footnotes</h4>\n",
        "<pre class=\"wp-block-code\"><code>if (a &lt; b &amp;&amp; c) {\n  go();\n}</code></pre>\n",
        "<p>H<sub>2</sub>O and E=mc<sup>2</sup><br>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.</p>",
    );
    assert_eq!(
        sanitized_live(html),
        concat!(
            "<h2 class=\"wp-block-heading\">Background</h2>\n",
            "<p>The council <a href=\"https://example.com/report.pdf\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">published its report</a> on ",
            "<time datetime=\"2026-01-12\">12 January</time>; see <a href=\"/article/earlier-story\">our earlier story</a>.</p>\n",
            "<h3 class=\"wp-block-heading\">What it says</h3>\n",
            "<p>It is <em>cautious</em>, <strong>costly</strong> and <s>late</s> <mark class=\"has-inline-color\">overdue</mark>; ",
            "run <code>make report</code> or write to <a href=\"mailto:desk@example.com\">the desk</a>.</p>\n",
            "<h4>Footnotes</h4>\n",
            "<pre class=\"wp-block-code\"><code>if (a &lt; b &amp;&amp; c) {\n  go();\n}</code></pre>\n",
            "<p>H<sub>2</sub>O and E=mc<sup>2</sup><br>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.</p>",
        )
    );
}

#[wasm_bindgen_test]
fn golden_wordpress_image_figure_keeps_its_sources() {
    let html = concat!(
        "<figure class=\"wp-block-image size-large\"><img decoding=\"async\" width=\"1024\" height=\"683\" ",
        "src=\"https://news.example/wp-content/uploads/2026/01/harbour-1024x683.jpg\" alt=\"The harbour at dawn\" ",
        "class=\"wp-image-42\" srcset=\"https://news.example/wp-content/uploads/2026/01/harbour-1024x683.jpg 1024w, ",
        "https://news.example/wp-content/uploads/2026/01/harbour-300x200.jpg 300w\" ",
        "sizes=\"(max-width: 1024px) 100vw, 1024px\" style=\"aspect-ratio:3/2\">",
        "<figcaption class=\"wp-element-caption\">The harbour at dawn. <cite>Photo: A. Reporter</cite></figcaption></figure>",
    );
    assert_eq!(
        sanitized_live(html),
        concat!(
            "<figure class=\"wp-block-image size-large\"><img width=\"1024\" height=\"683\" ",
            "src=\"https://news.example/wp-content/uploads/2026/01/harbour-1024x683.jpg\" alt=\"The harbour at dawn\" ",
            "class=\"wp-image-42\" srcset=\"https://news.example/wp-content/uploads/2026/01/harbour-1024x683.jpg 1024w, ",
            "https://news.example/wp-content/uploads/2026/01/harbour-300x200.jpg 300w\" ",
            "sizes=\"(max-width: 1024px) 100vw, 1024px\" loading=\"lazy\" decoding=\"async\">",
            "<figcaption class=\"wp-element-caption\">The harbour at dawn. <cite>Photo: A. Reporter</cite></figcaption></figure>",
        )
    );
}

#[wasm_bindgen_test]
fn golden_wordpress_quotes_and_lists() {
    let html = concat!(
        "<blockquote class=\"wp-block-quote\" cite=\"https://example.com/speech\"><p>We will build it.</p>",
        "<cite>The mayor</cite></blockquote>\n",
        "<ul class=\"wp-block-list\"><li>First <a href=\"#note-1\">point</a></li><li>Second<ul><li>Nested</li></ul></li></ul>\n",
        "<ol start=\"3\" reversed=\"\" type=\"i\"><li>Three</li><li>Two</li></ol>\n",
        "<p>She said <q cite=\"/article/interview\">no</q>, <del cite=\"/corrections\">twice</del><ins>once</ins>.</p>",
    );
    assert_eq!(
        sanitized_live(html),
        concat!(
            "<blockquote class=\"wp-block-quote\" cite=\"https://example.com/speech\"><p>We will build it.</p>",
            "<cite>The mayor</cite></blockquote>\n",
            "<ul class=\"wp-block-list\"><li>First <a href=\"#note-1\">point</a></li><li>Second<ul><li>Nested</li></ul></li></ul>\n",
            "<ol start=\"3\" reversed=\"\" type=\"i\"><li>Three</li><li>Two</li></ol>\n",
            "<p>She said <q cite=\"/article/interview\">no</q>, <del cite=\"/corrections\">twice</del><ins>once</ins>.</p>",
        )
    );
}

#[wasm_bindgen_test]
fn golden_wordpress_table() {
    let html = concat!(
        "<figure class=\"wp-block-table is-style-stripes\"><table class=\"has-fixed-layout\">",
        "<caption>Results by ward</caption><colgroup><col span=\"2\" width=\"120\"></colgroup>",
        "<thead><tr><th scope=\"col\">Ward</th><th scope=\"col\">Turnout</th><th scope=\"col\">Winner</th></tr></thead>",
        "<tbody><tr><th scope=\"row\">North</th><td>41%</td><td rowspan=\"2\">Green</td></tr>",
        "<tr><th scope=\"row\">South</th><td>38%</td></tr><tr><td colspan=\"3\">Recount pending</td></tr></tbody>",
        "<tfoot><tr><td colspan=\"3\">Source: council</td></tr></tfoot></table>",
        "<figcaption class=\"wp-element-caption\">Turnout, 2026</figcaption></figure>",
    );
    assert_eq!(
        sanitized_live(html),
        concat!(
            "<figure class=\"wp-block-table is-style-stripes\"><table class=\"has-fixed-layout\">",
            "<caption>Results by ward</caption><colgroup><col span=\"2\" width=\"120\"></colgroup>",
            "<thead><tr><th scope=\"col\">Ward</th><th scope=\"col\">Turnout</th><th scope=\"col\">Winner</th></tr></thead>",
            "<tbody><tr><th scope=\"row\">North</th><td>41%</td><td rowspan=\"2\">Green</td></tr>",
            "<tr><th scope=\"row\">South</th><td>38%</td></tr><tr><td colspan=\"3\">Recount pending</td></tr></tbody>",
            "<tfoot><tr><td colspan=\"3\">Source: council</td></tr></tfoot></table>",
            "<figcaption class=\"wp-element-caption\">Turnout, 2026</figcaption></figure>",
        )
    );
}

#[wasm_bindgen_test]
fn golden_youtube_embed_is_sandboxed() {
    let html = concat!(
        "<figure class=\"wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio\">",
        "<div class=\"wp-block-embed__wrapper\">\n",
        "<iframe loading=\"eager\" title=\"Council meeting\" width=\"500\" height=\"281\" ",
        "src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?feature=oembed\" frameborder=\"0\" ",
        "allow=\"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share\" ",
        "referrerpolicy=\"no-referrer\" allowfullscreen></iframe>\n",
        "</div><figcaption class=\"wp-element-caption\">The full meeting</figcaption></figure>",
    );
    assert_eq!(
        sanitized_live(html),
        concat!(
            "<figure class=\"wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio\">",
            "<div class=\"wp-block-embed__wrapper\">\n",
            "<iframe title=\"Council meeting\" width=\"500\" height=\"281\" ",
            "src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?feature=oembed\" allowfullscreen=\"\" ",
            "sandbox=\"allow-scripts allow-same-origin allow-presentation allow-popups\" loading=\"lazy\" ",
            "referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>\n",
            "</div><figcaption class=\"wp-element-caption\">The full meeting</figcaption></figure>",
        )
    );
}

#[wasm_bindgen_test]
fn golden_wordpress_wrappers_unwrap_and_h1_becomes_h2() {
    let html = concat!(
        "<div class=\"wp-block-group\"><section class=\"entry\"><h1>Inside headline</h1>",
        "<p class=\"has-text-align-center has-large-font-size\"><span class=\"dropcap\">O</span>nce <font color=\"red\">upon</font> a time.</p>",
        "<hr class=\"wp-block-separator\"></section></div>",
    );
    assert_eq!(
        sanitized_live(html),
        concat!(
            "<div class=\"wp-block-group\"><h2>Inside headline</h2>",
            "<p class=\"has-text-align-center has-large-font-size\"><span class=\"dropcap\">O</span>nce upon a time.</p>",
            "<hr class=\"wp-block-separator\"></div>",
        )
    );
}

/// A parsed `<form>` exposes its controls as named properties that shadow the DOM's own, so a walk
/// reading `form.nextSibling` or `form.nodeType` can be steered by the markup it is cleaning.
#[wasm_bindgen_test]
fn clobbered_forms_cannot_steer_the_walk() {
    for (html, expected) in [
        // Once skipped "b" and walked the removed form's content as if it were the form's sibling.
        ("<p>a</p><form><input name=nextSibling><p>inside</p></form><p>b</p>", "<p>a</p><p>b</p>"),
        // Once looped forever (the tab hung): the control outside the form is the form's "nextSibling".
        ("<p>a</p><input form=f name=nextSibling><form id=f></form><p>b</p>", "<p>a</p><p>b</p>"),
        // Once threw (debug builds) or misread the tag (release builds).
        ("<p>a</p><form><input name=nodeType></form><p>b</p>", "<p>a</p><p>b</p>"),
        ("<p>a</p><form><input name=localName><p>inside</p></form><p>b</p>", "<p>a</p><p>b</p>"),
        ("<p>a</p><form><input name=namespaceURI></form><p>b</p>", "<p>a</p><p>b</p>"),
        ("<p>a</p><form><input name=firstChild><input name=textContent></form><p>b</p>", "<p>a</p><p>b</p>"),
        ("<form name=body><p>inside</p></form><p>b</p>", "<p>b</p>"),
        ("<img name=body src=x><p>b</p>", "<img src=\"x\" loading=\"lazy\" decoding=\"async\"><p>b</p>"),
    ] {
        assert_eq!(sanitized_live(html), expected, "{html}");
    }
}
