//! Shared Picture, the browser app: UI only. The models live in `picture-sim`.
pub mod map;
