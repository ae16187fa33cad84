//! Shared Picture, the browser app: UI only. The models live in `picture-sim`.

pub mod app;
pub mod map;

pub use app::App;
