//! GET requests with a time limit, a size limit, cancellation, retries, an in-memory cache, and
//! one request for identical ones in flight.

use crate::browser::{clear_timeout, set_timeout, window};
use broadsheet_core::error::LoadError;
#[cfg(feature = "backend-wordpress")]
use broadsheet_core::sources::wordpress::Totals;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
#[cfg(any(feature = "backend-static", feature = "backend-wordpress", feature = "backend-ghost"))]
use std::any::Any;
#[cfg(any(feature = "backend-static", feature = "backend-wordpress", feature = "backend-ghost"))]
use std::cell::OnceCell;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};

/// Set once from config.json (`source.timeout_seconds`).
static TIMEOUT_MS: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(15_000);

pub fn set_timeout_seconds(seconds: u32) {
    TIMEOUT_MS.store(seconds.saturating_mul(1000).min(120_000) as i32, std::sync::atomic::Ordering::Relaxed);
}
/// Larger answers are refused: no news page needs more, and decoding more would freeze the tab.
const MAX_BYTES: usize = 8 * 1024 * 1024;
/// Waits before the retries of a GET that failed on the network or with a 5xx.
const RETRY_DELAYS_MS: [i32; 2] = [400, 1500];

/// Whether a cached answer may be used.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Cache {
    Use,
    Bypass,
}

/// Any answer the server gave.
#[derive(Clone)]
pub struct Answer {
    url: Rc<str>,
    pub status: u16,
    pub body: Rc<str>,
    /// Whether the server labelled it HTML: SPA hosts answer missing files with `index.html`.
    pub is_html: bool,
    /// WordPress's `X-WP-Total` and `X-WP-TotalPages`.
    #[cfg(feature = "backend-wordpress")]
    pub totals: Option<Totals>,
    /// What [`Answer::decode_kept`] made of the body, shared by the answer's copies (the cache's too).
    #[cfg(any(feature = "backend-static", feature = "backend-wordpress", feature = "backend-ghost"))]
    decoded: Rc<OnceCell<Box<dyn Any>>>,
}

impl Answer {
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// `decode` applied to the body. An answer that does not decode is dropped from the cache, so
    /// that trying again asks the server again instead of failing on the same bytes.
    pub fn decode<T>(&self, decode: impl FnOnce(&str) -> Result<T, LoadError>) -> Result<T, LoadError> {
        let decoded = decode(&self.body);
        if decoded.is_err() {
            CACHE.with(|c| c.borrow_mut().remove(&*self.url));
        }
        decoded
    }

    /// [`Answer::decode`] done once per answer: the value is kept with the (cached) answer, so that
    /// opening a story again copies it instead of parsing its JSON again.
    #[cfg(any(feature = "backend-static", feature = "backend-wordpress", feature = "backend-ghost"))]
    pub fn decode_kept<T: Clone + 'static>(&self, decode: impl FnOnce(&str) -> Result<T, LoadError>) -> Result<T, LoadError> {
        if let Some(kept) = self.decoded.get().and_then(|kept| kept.downcast_ref::<T>()) {
            return Ok(kept.clone());
        }
        let decoded = self.decode(decode)?;
        let _ = self.decoded.set(Box::new(decoded.clone()));
        Ok(decoded)
    }

    /// The answer if it is a success, else the error its status means.
    pub fn success(self) -> Result<Answer, LoadError> {
        match LoadError::from_status(self.status) {
            None => Ok(self),
            Some(error) => Err(error),
        }
    }
}

type InFlight = Shared<LocalBoxFuture<'static, Result<Answer, LoadError>>>;

thread_local! {
    static CACHE: RefCell<HashMap<String, Answer>> = RefCell::new(HashMap::new());
    static IN_FLIGHT: RefCell<HashMap<String, InFlight>> = RefCell::new(HashMap::new());
}

/// GETs `url`. Successful answers are cached for the session; errors are not. Boxed, so that
/// the many callers share one copy of this state machine instead of each inlining it.
pub fn get(url: &str, cache: Cache) -> LocalBoxFuture<'static, Result<Answer, LoadError>> {
    get_unboxed(url.to_string(), cache).boxed_local()
}

async fn get_unboxed(url: String, cache: Cache) -> Result<Answer, LoadError> {
    let url = url.as_str();
    if cache == Cache::Use {
        if let Some(hit) = CACHE.with(|c| c.borrow().get(url).cloned()) {
            return Ok(hit);
        }
    }
    let shared = IN_FLIGHT.with(|map| {
        map.borrow_mut().entry(url.to_string()).or_insert_with(|| get_with_retries(url.to_string()).boxed_local().shared()).clone()
    });
    let result = shared.await;
    IN_FLIGHT.with(|map| map.borrow_mut().remove(url));
    if let Ok(answer) = &result {
        if answer.is_success() && !answer.is_html {
            CACHE.with(|c| c.borrow_mut().insert(url.to_string(), answer.clone()));
        }
    }
    result
}

async fn get_with_retries(url: String) -> Result<Answer, LoadError> {
    let mut attempt = 0;
    loop {
        let result = fetch(&url, "GET", None, None).await;
        let retryable = match &result {
            Ok(answer) => answer.status >= 500,
            Err(error) => *error == LoadError::Network,
        };
        match RETRY_DELAYS_MS.get(attempt) {
            Some(&delay) if retryable => {
                sleep(delay).await;
                attempt += 1;
            }
            _ => return result,
        }
    }
}

/// POSTs a JSON body once: never retried, the backend may have acted on it. `authorization` acts
/// as a signed-in reader.
#[cfg(any(feature = "backend-static", feature = "backend-wordpress"))]
pub async fn post_json(url: &str, body: &str, authorization: Option<&str>) -> Result<Answer, LoadError> {
    fetch(url, "POST", Some(body), authorization).await
}

/// GETs what only a signed-in reader may see: once, never cached or shared, unlike [`get`].
#[cfg(feature = "backend-wordpress")]
pub async fn get_authorized(url: &str, authorization: &str) -> Result<Answer, LoadError> {
    fetch(url, "GET", None, Some(authorization)).await
}

/// Aborts the request when dropped before it finished: when the reader navigates away, the
/// resource drops the future and the download stops.
struct AbortOnDrop(Option<AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = self.0.take() {
            controller.abort();
        }
    }
}

async fn fetch(url: &str, method: &str, json_body: Option<&str>, authorization: Option<&str>) -> Result<Answer, LoadError> {
    let controller = AbortController::new().map_err(|_| LoadError::Network)?;
    let signal = controller.signal();
    let mut guard = AbortOnDrop(Some(controller.clone()));
    let timer = set_timeout(move || controller.abort(), TIMEOUT_MS.load(std::sync::atomic::Ordering::Relaxed));
    let result = send(url, method, json_body, authorization, &signal).await;
    if let Some(timer) = timer {
        clear_timeout(timer);
    }
    guard.0 = None;
    result.map_err(|e| if signal.aborted() { LoadError::Timeout } else { e })
}

async fn send(
    url: &str,
    method: &str,
    json_body: Option<&str>,
    authorization: Option<&str>,
    signal: &web_sys::AbortSignal,
) -> Result<Answer, LoadError> {
    let init = RequestInit::new();
    init.set_method(method);
    init.set_signal(Some(signal));
    // Plain reads send no headers of their own, so that they need no CORS preflight.
    if json_body.is_some() || authorization.is_some() {
        let headers = web_sys::Headers::new().map_err(|_| LoadError::Network)?;
        if let Some(body) = json_body {
            init.set_body(&wasm_bindgen::JsValue::from_str(body));
            let _ = headers.set("Content-Type", "application/json");
        }
        if let Some(authorization) = authorization {
            let _ = headers.set("Authorization", authorization);
        }
        init.set_headers(&headers);
    }
    let promise = window().ok_or(LoadError::Network)?.fetch_with_str_and_init(&crate::site_base::href(url), &init);
    let response: Response = JsFuture::from(promise)
        .await
        .map_err(|_| LoadError::Network)?
        .dyn_into()
        .map_err(|_| LoadError::Network)?;
    let header = |name: &str| response.headers().get(name).ok().flatten();
    if header("content-length").and_then(|l| l.parse::<usize>().ok()).is_some_and(|l| l > MAX_BYTES) {
        return Err(LoadError::TooLarge);
    }
    let is_html = header("content-type").is_some_and(|t| t.contains("text/html"));
    #[cfg(feature = "backend-wordpress")]
    let totals = Totals::from_headers(header("x-wp-total").as_deref(), header("x-wp-totalpages").as_deref());
    let text = response.text().map_err(|_| LoadError::Network)?;
    let text = JsFuture::from(text).await.map_err(|_| LoadError::Network)?;
    let body = text.as_string().ok_or_else(|| LoadError::Malformed("the answer is not text".into()))?;
    if body.len() > MAX_BYTES {
        return Err(LoadError::TooLarge);
    }
    Ok(Answer {
        url: url.into(),
        status: response.status(),
        body: body.into(),
        is_html,
        #[cfg(feature = "backend-wordpress")]
        totals,
        #[cfg(any(feature = "backend-static", feature = "backend-wordpress", feature = "backend-ghost"))]
        decoded: Rc::default(),
    })
}

async fn sleep(millis: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis);
        }
    });
    let _ = JsFuture::from(promise).await;
}
