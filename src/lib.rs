//! Shared Picture, the browser app: UI only. The models live in `picture-sim`.

pub mod app;
pub mod charts;
pub mod detection_view;
pub mod flight_view;
pub mod launch_form;
pub mod map;
pub mod panels;
pub mod picture_view;
pub mod scenario;
pub mod state;
pub mod timeline;

pub use app::App;
