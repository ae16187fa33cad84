//! Light and dark themes: the reader's choice is set on `<html data-theme>` and remembered in local storage;
//! until they choose, the system's preference applies (CSS `prefers-color-scheme`).

use leptos::prelude::*;

const KEY: &str = "shared-picture.theme";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    fn id(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn other(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

/// Local storage can be missing or throw (a sandboxed or third-party iframe): the theme then lasts the visit.
fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn system_prefers_dark() -> bool {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

fn apply(theme: Theme) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", theme.id());
    }
}

/// The theme button for the top bar.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let saved = storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .and_then(|v| match v.as_str() {
            "dark" => Some(Theme::Dark),
            "light" => Some(Theme::Light),
            _ => None,
        });
    if let Some(t) = saved {
        apply(t);
    }
    let theme = RwSignal::new(saved.unwrap_or(if system_prefers_dark() {
        Theme::Dark
    } else {
        Theme::Light
    }));
    let toggle = move |_| {
        let next = theme.get_untracked().other();
        theme.set(next);
        apply(next);
        if let Some(s) = storage() {
            let _ = s.set_item(KEY, next.id());
        }
    };
    view! {
        <button class="theme-toggle" type="button" on:click=toggle
            aria-pressed=move || (theme.get() == Theme::Dark).to_string()
            title="Switch between light and dark themes">
            "Dark theme"
            {move || if theme.get() == Theme::Dark { " ✓" } else { "" }}
        </button>
    }
}
