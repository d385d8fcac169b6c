//! One module per backend: the requests each makes, in order, with the core adapters decoding.

pub mod ghost;
pub mod jsonfeed;
pub mod static_files;
pub mod wordpress;
