//! The core must run natively and in the browser without any web dependency: it must not pull leptos,
//! web-sys, js-sys, gloo, wasm-bindgen or getrandom, not even transitively, when built for wasm32.

use std::process::Command;

#[test]
fn core_has_no_web_dependency_for_wasm32() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "tree",
            "-p",
            "picture-sim",
            "--target",
            "wasm32-unknown-unknown",
            "-e",
            "normal",
            "--prefix",
            "none",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(
        tree.contains("picture-sim"),
        "unexpected cargo tree output: {tree}"
    );
    let forbidden = [
        "leptos",
        "web-sys",
        "js-sys",
        "gloo",
        "wasm-bindgen",
        "getrandom",
    ];
    let found: Vec<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| forbidden.iter().any(|f| name.starts_with(f)))
        .collect();
    assert!(
        found.is_empty(),
        "picture-sim depends on web crates: {found:?}"
    );
}
