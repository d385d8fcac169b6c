//! Reads `config.json` beside `index.html` at start-up.

use super::backend::is_included;
use super::http::{get, Answer, Cache};
use broadsheet_core::config::Config;
use broadsheet_core::error::LoadError;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

pub const CONFIG_PATH: &str = "/config.json";

/// Where index.html's loader leaves the text of config.json, which it read to choose the binary
/// for the backend.
const HANDED_OVER: &str = "broadsheetConfig";

/// What stops the site from starting, for the publisher to fix.
#[derive(Clone, Debug)]
pub struct ConfigProblem {
    pub summary: String,
    pub detail: String,
}

pub async fn load_config() -> Result<Arc<Config>, ConfigProblem> {
    let text = match handed_over() {
        Some(text) => text,
        None => fetch_config().await?,
    };
    let config = Config::parse(&text).map_err(|error| ConfigProblem {
        summary: format!("{CONFIG_PATH} has a mistake."),
        detail: error.to_string(),
    })?;
    if !is_included(&config.source) {
        // Only when the loader's read and this one disagree, or the build's files are mixed up.
        return Err(ConfigProblem {
            summary: "This copy of the app was built without the backend that config.json names.".into(),
            detail: "`source.kind`: reload the page to load the app for this backend. If this stays, publish the whole folder that scripts/build.sh wrote.".into(),
        });
    }
    Ok(Arc::new(config))
}

/// The loader's copy of config.json, taken once (a later start reads the file again).
fn handed_over() -> Option<String> {
    let window: JsValue = web_sys::window()?.into();
    let key = JsValue::from_str(HANDED_OVER);
    let text = js_sys::Reflect::get(&window, &key).ok()?.as_string();
    let _ = js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key);
    text
}

async fn fetch_config() -> Result<String, ConfigProblem> {
    // Never cached: a publisher's edit must show on the next load.
    let answer = get(CONFIG_PATH, Cache::Bypass).await.and_then(Answer::success).map_err(|error| ConfigProblem {
        summary: format!("{CONFIG_PATH} could not be loaded."),
        detail: match error {
            LoadError::NotFound => format!("There is no file at {CONFIG_PATH}. Put config.json beside index.html."),
            other => other.to_string(),
        },
    })?;
    if answer.is_html {
        return Err(ConfigProblem {
            summary: format!("{CONFIG_PATH} is missing."),
            detail: format!("The server answered {CONFIG_PATH} with an HTML page. Put config.json beside index.html."),
        });
    }
    Ok(answer.body.to_string())
}
