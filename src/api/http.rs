//! GET requests with a time limit, a size limit, cancellation and an in-memory cache.

use crate::browser::{clear_timeout, set_timeout, window};
use broadsheet_core::error::LoadError;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};

const TIMEOUT_MS: i32 = 15_000;
/// Larger answers are refused: no news page needs more, and decoding more would freeze the tab.
const MAX_BYTES: usize = 8 * 1024 * 1024;

/// Whether a cached answer may be used.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Cache {
    Use,
    Bypass,
}

/// An answer with a 2xx status.
pub struct Answer {
    pub body: Rc<str>,
    /// Whether the server labelled it HTML: SPA hosts answer missing files with `index.html`.
    pub is_html: bool,
}

thread_local! {
    static CACHE: RefCell<HashMap<String, Rc<str>>> = RefCell::new(HashMap::new());
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

pub async fn get(url: &str, cache: Cache) -> Result<Answer, LoadError> {
    if cache == Cache::Use {
        if let Some(body) = CACHE.with(|c| c.borrow().get(url).cloned()) {
            return Ok(Answer { body, is_html: false });
        }
    }
    let controller = AbortController::new().map_err(|_| LoadError::Network)?;
    let signal = controller.signal();
    let mut guard = AbortOnDrop(Some(controller.clone()));
    let timer = set_timeout(move || controller.abort(), TIMEOUT_MS);
    let result = fetch(url, &signal).await;
    if let Some(timer) = timer {
        clear_timeout(timer);
    }
    guard.0 = None;
    let answer = result.map_err(|e| if signal.aborted() { LoadError::Timeout } else { e })?;
    if cache == Cache::Use && !answer.is_html {
        CACHE.with(|c| c.borrow_mut().insert(url.to_string(), answer.body.clone()));
    }
    Ok(answer)
}

async fn fetch(url: &str, signal: &web_sys::AbortSignal) -> Result<Answer, LoadError> {
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_signal(Some(signal));
    let promise = window().ok_or(LoadError::Network)?.fetch_with_str_and_init(url, &init);
    let response: Response = JsFuture::from(promise)
        .await
        .map_err(|_| LoadError::Network)?
        .dyn_into()
        .map_err(|_| LoadError::Network)?;
    if let Some(error) = LoadError::from_status(response.status()) {
        return Err(error);
    }
    let header = |name: &str| response.headers().get(name).ok().flatten();
    if header("content-length").and_then(|l| l.parse::<usize>().ok()).is_some_and(|l| l > MAX_BYTES) {
        return Err(LoadError::TooLarge);
    }
    let is_html = header("content-type").is_some_and(|t| t.contains("text/html"));
    let text = response.text().map_err(|_| LoadError::Network)?;
    let text = JsFuture::from(text).await.map_err(|_| LoadError::Network)?;
    let body = text.as_string().ok_or_else(|| LoadError::Malformed("the answer is not text".into()))?;
    if body.len() > MAX_BYTES {
        return Err(LoadError::TooLarge);
    }
    Ok(Answer { body: body.into(), is_html })
}
