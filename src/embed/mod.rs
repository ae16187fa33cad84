//! Embedding: the options an embed link carries in its query (autoplay, loop, start and end, hidden chrome, a
//! caption, the origin that may drive it), the host-page API (commands a parent page posts, events the embed
//! posts back) and the embed's own page.

pub mod api;
pub mod host;
pub mod options;
