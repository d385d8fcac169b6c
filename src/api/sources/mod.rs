//! One module per backend: the requests each makes, in order, with the core adapters decoding.
//! Each is compiled only with its `backend-*` feature (see `backend.rs`).

#[cfg(feature = "backend-ghost")]
pub mod ghost;
#[cfg(feature = "backend-jsonfeed")]
pub mod jsonfeed;
#[cfg(feature = "backend-static")]
pub mod static_files;
#[cfg(feature = "backend-wordpress")]
pub mod wordpress;

#[cfg(any(feature = "backend-wordpress", feature = "backend-ghost"))]
use {
    broadsheet_core::error::LoadError,
    broadsheet_core::model::{Neighbours, Side, Teaser},
    std::future::Future,
};

/// The stories either side of one, asked for at once: `side` fetches one of them (the backends
/// that answer by date: WordPress and Ghost).
#[cfg(any(feature = "backend-wordpress", feature = "backend-ghost"))]
async fn either_side<F>(side: impl Fn(Side) -> F) -> Result<Neighbours, LoadError>
where
    F: Future<Output = Result<Option<Teaser>, LoadError>>,
{
    let (older, newer) = futures::future::join(side(Side::Older), side(Side::Newer)).await;
    Ok(Neighbours { older: older?, newer: newer? })
}
