//! Reads `config.json` beside `index.html` at start-up.

use super::http::{get, Answer, Cache};
use broadsheet_core::config::Config;
use broadsheet_core::error::LoadError;
use std::sync::Arc;

pub const CONFIG_PATH: &str = "/config.json";

/// What stops the site from starting, for the publisher to fix.
#[derive(Clone, Debug)]
pub struct ConfigProblem {
    pub summary: String,
    pub detail: String,
}

pub async fn load_config() -> Result<Arc<Config>, ConfigProblem> {
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
    Config::parse(&answer.body).map(Arc::new).map_err(|error| ConfigProblem {
        summary: format!("{CONFIG_PATH} has a mistake."),
        detail: error.to_string(),
    })
}
