//! One module per backend: the requests each makes, in order, with the core adapters decoding.

pub mod ghost;
pub mod jsonfeed;
pub mod static_files;
pub mod wordpress;

use broadsheet_core::error::LoadError;
use broadsheet_core::model::{Neighbours, Side, Teaser};
use std::future::Future;

/// The stories either side of one, asked for at once: `side` fetches one of them (the backends
/// that answer by date: WordPress and Ghost).
async fn either_side<F>(side: impl Fn(Side) -> F) -> Result<Neighbours, LoadError>
where
    F: Future<Output = Result<Option<Teaser>, LoadError>>,
{
    let (older, newer) = futures::future::join(side(Side::Older), side(Side::Newer)).await;
    Ok(Neighbours { older: older?, newer: newer? })
}
