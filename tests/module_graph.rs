//! The app's modules form a layered graph: no file uses something from a file that (directly or through a
//! longer chain) uses something from it. A circle makes a module impossible to read, test or move alone.
//!
//! The test reads `src/**/*.rs` (the library; `main.rs` is a separate crate), collects every path that starts
//! at `crate::`, `super::` or `self::` (in `use` trees and inline), resolves each to the file of the longest
//! module prefix it names, and looks for a cycle in the resulting file-level graph. `mod` declarations are
//! not uses: a parent declaring its children is not an edge. Test modules count like the rest: a test that
//! needs a higher module belongs in that module.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path below the crate root, e.g. `["panels", "pictures"]`.
type ModPath = Vec<String>;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    PathSep,
    Open,
    Close,
    Comma,
    Star,
    Other,
}

/// Splits Rust source into the few tokens paths are made of, skipping comments, strings and char literals.
fn tokens(src: &str) -> Vec<Tok> {
    let c: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        let next = c.get(i + 1).copied();
        if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && next == Some('*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if ch == 'r' && (next == Some('"') || (next == Some('#') && raw_start(&c, i + 1))) {
            // A raw string: r"..." or r#"..."# (any number of #).
            let mut hashes = 0;
            i += 1;
            while c.get(i) == Some(&'#') {
                hashes += 1;
                i += 1;
            }
            i += 1;
            while i < c.len() {
                if c[i] == '"' && (0..hashes).all(|h| c.get(i + 1 + h) == Some(&'#')) {
                    i += 1 + hashes;
                    break;
                }
                i += 1;
            }
            out.push(Tok::Other);
        } else if ch == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push(Tok::Other);
        } else if ch == '\'' {
            // A char literal ('x', '\n', '\u{..}') or a lifetime ('a).
            if next == Some('\\') {
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if c.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
            out.push(Tok::Other);
        } else if ch.is_alphabetic() || ch == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            out.push(Tok::Ident(c[start..i].iter().collect()));
        } else if ch == ':' && next == Some(':') {
            out.push(Tok::PathSep);
            i += 2;
        } else {
            out.push(match ch {
                '{' => Tok::Open,
                '}' => Tok::Close,
                ',' => Tok::Comma,
                '*' => Tok::Star,
                _ => Tok::Other,
            });
            i += 1;
        }
    }
    out
}

/// Whether `#...#"` starts at `i` (the hashes of a raw string).
fn raw_start(c: &[char], mut i: usize) -> bool {
    while c.get(i) == Some(&'#') {
        i += 1;
    }
    c.get(i) == Some(&'"')
}

/// Parses a path (or use tree) whose first segment has been resolved to `prefix`, starting at `t[i]` just
/// after that segment. Pushes every full path reached; returns the index after the path.
fn parse_tail(t: &[Tok], mut i: usize, prefix: ModPath, out: &mut Vec<ModPath>) -> usize {
    let mut path = prefix;
    while t.get(i) == Some(&Tok::PathSep) {
        match t.get(i + 1) {
            Some(Tok::Ident(s)) if s == "super" => {
                path.pop();
                i += 2;
            }
            Some(Tok::Ident(s)) if s == "self" => i += 2,
            Some(Tok::Ident(s)) => {
                path.push(s.clone());
                i += 2;
            }
            Some(Tok::Open) => {
                i += 2;
                loop {
                    match t.get(i) {
                        Some(Tok::Close) => return i + 1,
                        Some(Tok::Comma) => i += 1,
                        Some(Tok::Ident(s)) if s == "self" => {
                            out.push(path.clone());
                            i += 1;
                        }
                        Some(Tok::Ident(s)) => {
                            let mut p = path.clone();
                            p.push(s.clone());
                            i = parse_tail(t, i + 1, p, out);
                        }
                        Some(_) => i += 1,
                        None => return i,
                    }
                }
            }
            _ => {
                i += 2;
                break;
            }
        }
    }
    out.push(path);
    i
}

/// Every module path a file's code names, with `module` the file's own module path.
fn paths_named(src: &str, module: &ModPath) -> Vec<ModPath> {
    let t = tokens(src);
    let mut out = Vec::new();
    // Inline modules (`mod tests { .. }`) open at a brace depth; `super` and `self` are relative to them.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < t.len() {
        match &t[i] {
            Tok::Open => depth += 1,
            Tok::Close => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
            }
            Tok::Ident(kw) if kw == "mod" => {
                if let (Some(Tok::Ident(name)), Some(Tok::Open)) = (t.get(i + 1), t.get(i + 2)) {
                    inline.push((name.clone(), depth));
                }
            }
            Tok::Ident(first)
                if (first == "crate" || first == "super" || first == "self")
                    && t.get(i + 1) == Some(&Tok::PathSep)
                    && (i == 0 || t[i - 1] != Tok::PathSep) =>
            {
                let mut here: ModPath = module.clone();
                here.extend(inline.iter().map(|(n, _)| n.clone()));
                let start = match first.as_str() {
                    "crate" => Vec::new(),
                    "super" => {
                        here.pop();
                        here
                    }
                    _ => here,
                };
                i = parse_tail(&t, i + 1, start, &mut out);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The library's source files by module path (`src/lib.rs` is the root, `[]`).
fn modules(src: &Path) -> BTreeMap<ModPath, PathBuf> {
    fn walk(dir: &Path, module: &ModPath, out: &mut BTreeMap<ModPath, PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if p.is_dir() {
                let mut m = module.clone();
                m.push(name);
                walk(&p, &m, out);
            } else if let Some(stem) = name.strip_suffix(".rs") {
                let mut m = module.clone();
                match stem {
                    "mod" | "lib" => {}
                    "main" if module.is_empty() => continue,
                    _ => m.push(stem.to_string()),
                }
                out.insert(m, p);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(src, &Vec::new(), &mut out);
    out
}

/// The file-level graph: each module to the modules whose files it uses.
fn graph(src: &Path) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let mods = modules(src);
    let mut g = BTreeMap::new();
    for (m, file) in &mods {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let mut to = BTreeSet::new();
        for p in paths_named(&text, m) {
            // The longest prefix that is a file module.
            let target = (0..=p.len())
                .rev()
                .map(|n| p[..n].to_vec())
                .find(|q| mods.contains_key(q));
            if let Some(q) = target {
                // The crate root only declares modules and re-exports: naming it is not a dependency.
                if &q != m && !q.is_empty() {
                    to.insert(q);
                }
            }
        }
        g.insert(m.clone(), to);
    }
    g
}

/// A cycle of the graph, as module paths in order (the first repeated at the end), if there is one.
fn find_cycle(g: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Option<Vec<ModPath>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        m: &ModPath,
        g: &BTreeMap<ModPath, BTreeSet<ModPath>>,
        mark: &mut BTreeMap<ModPath, Mark>,
        stack: &mut Vec<ModPath>,
    ) -> Option<Vec<ModPath>> {
        mark.insert(m.clone(), Mark::Open);
        stack.push(m.clone());
        for n in g.get(m).into_iter().flatten() {
            match mark.get(n).copied().unwrap_or(Mark::New) {
                Mark::Open => {
                    let from = stack.iter().position(|s| s == n).unwrap_or(0);
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(n.clone());
                    return Some(cycle);
                }
                Mark::New => {
                    if let Some(c) = visit(n, g, mark, stack) {
                        return Some(c);
                    }
                }
                Mark::Done => {}
            }
        }
        stack.pop();
        mark.insert(m.clone(), Mark::Done);
        None
    }
    let mut mark = BTreeMap::new();
    for m in g.keys() {
        if mark.get(m).copied().unwrap_or(Mark::New) == Mark::New {
            if let Some(c) = visit(m, g, &mut mark, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

/// Cycles enough to show every circle: each found cycle's closing edge is set aside and the search repeated.
fn cycles(g: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Vec<Vec<ModPath>> {
    let mut g = g.clone();
    let mut out = Vec::new();
    while let Some(c) = find_cycle(&g) {
        if let [.., from, to] = c.as_slice() {
            if let Some(e) = g.get_mut(from) {
                e.remove(to);
            }
        }
        out.push(c);
    }
    out
}

fn file_name(m: &ModPath) -> String {
    if m.is_empty() {
        "lib.rs".into()
    } else {
        format!("{}.rs", m.join("/"))
    }
}

#[test]
fn the_ui_modules_form_no_circle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let g = graph(&src);
    assert!(
        g.len() > 20,
        "read only {} modules under {}",
        g.len(),
        src.display()
    );
    let found: Vec<String> = cycles(&g)
        .iter()
        .map(|c| c.iter().map(file_name).collect::<Vec<_>>().join(" -> "))
        .collect();
    assert!(
        found.is_empty(),
        "modules that use each other:\n{}",
        found.join("\n")
    );
}

#[test]
fn use_trees_resolve_to_the_files_they_name() {
    let here: ModPath = vec!["panels".into(), "sensors".into()];
    let src = "use crate::panels::{pictures::NO_FLIGHT, self};\n\
               use super::explorer::X; // crate::state\n\
               fn f() { let s = \"crate::theme\"; crate::map::view::draw(); }\n\
               mod tests { use super::*; use crate::charts::plot::{a, b::{c}}; }";
    let got: BTreeSet<ModPath> = paths_named(src, &here).into_iter().collect();
    let p = |s: &str| s.split("::").map(String::from).collect::<ModPath>();
    let want: BTreeSet<ModPath> = [
        p("panels::pictures::NO_FLIGHT"),
        p("panels"),
        p("panels::explorer::X"),
        p("map::view::draw"),
        p("panels::sensors"),
        p("charts::plot::a"),
        p("charts::plot::b::c"),
    ]
    .into_iter()
    .collect();
    assert_eq!(got, want);
}

#[test]
fn a_cycle_is_found_and_named() {
    let p = |s: &str| vec![s.to_string()];
    let mut g = BTreeMap::new();
    g.insert(p("a"), BTreeSet::from([p("b")]));
    g.insert(p("b"), BTreeSet::from([p("c")]));
    g.insert(p("c"), BTreeSet::from([p("a")]));
    g.insert(p("d"), BTreeSet::from([p("a")]));
    let cycle = find_cycle(&g).expect("a -> b -> c -> a");
    assert_eq!(cycle.first(), cycle.last());
    assert_eq!(cycle.len(), 4);
    assert_eq!(cycles(&g).len(), 1);
    g.insert(p("c"), BTreeSet::new());
    assert_eq!(find_cycle(&g), None);
}
