//! Shared Picture, the browser app: UI only. The models live in `picture-sim`.

pub mod app;
pub mod charts;
pub mod detection_view;
pub mod explorer;
pub mod export;
pub mod flight_view;
pub mod launch_form;
pub mod map;
pub mod panels;
pub mod picture_view;
pub mod scenario;
pub mod schedule;
pub mod sensor_details;
pub mod state;
pub mod theme;
pub mod timeline;

pub use app::App;
