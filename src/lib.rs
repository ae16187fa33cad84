//! Shared Picture, the browser app: UI only. The models live in `picture-sim`.

pub mod app;
pub mod charts;
pub mod embed;
pub mod explorer;
pub mod export;
pub mod map;
pub mod panels;
pub mod present;
pub mod scenario;
pub mod schedule;
pub mod state;
pub mod theme;
pub mod timeline;
pub mod worker;

pub use app::App;
