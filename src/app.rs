//! The page: a header and the map.

use crate::map::MapView;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <header class="topbar">
            <h1>"Shared Picture"</h1>
            <p class="tagline">"The trilateral missile-warning picture: Japan, South Korea and the United States"</p>
        </header>
        <main class="workspace">
            <MapView/>
        </main>
    }
}
