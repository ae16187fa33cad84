//! The options of an embed, in the query of its address (`?embed&autoplay&loop&from=60&to=600&hide=legend,clock
//! &caption=...&origin=https://example.org`): the view itself (scenario, time, picture...) is the share link's
//! fragment. Every value is hostile: each is checked, and one that is not valid is left out with a message
//! naming it, while the others apply. Pure, tested natively.

use picture_sim::limits::CLOCK_MAX_S;

/// The longest caption, in characters.
pub const CAPTION_MAX_CHARS: usize = 200;
/// The longest origin, in bytes.
const ORIGIN_MAX_BYTES: usize = 200;

/// Which page may drive the embed through the host-page API, and where its events go.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Drivers {
    /// Only a parent page of the app's own origin (the default: another site must be named).
    #[default]
    OwnOrigin,
    /// Any page that embeds it (`origin=*`); its events are posted to any origin.
    Any,
    /// Only a parent page of this origin (`origin=https://example.org`).
    Only(String),
}

impl Drivers {
    /// Whether a message from `origin` (the event's) may drive the embed; `own` is the app's origin.
    pub fn accepts(&self, origin: &str, own: &str) -> bool {
        match self {
            Drivers::OwnOrigin => origin == own,
            Drivers::Any => true,
            Drivers::Only(o) => origin == o,
        }
    }

    /// The target origin of the events posted to the parent.
    pub fn target<'a>(&'a self, own: &'a str) -> &'a str {
        match self {
            Drivers::OwnOrigin => own,
            Drivers::Any => "*",
            Drivers::Only(o) => o,
        }
    }
}

/// What an embed link asks for.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmbedOptions {
    /// Play from the start.
    pub autoplay: bool,
    /// Start again at `from_s` on reaching `to_s` (or the end).
    pub looped: bool,
    /// Where the embed opens and a loop restarts, seconds after the scenario start.
    pub from_s: Option<f64>,
    /// Where it stops (or loops), seconds after the scenario start.
    pub to_s: Option<f64>,
    /// Chrome to hide: `title`, `legend`, `clock`.
    pub hide: Vec<&'static str>,
    /// The title strip's text (shown as text, never as markup).
    pub caption: Option<String>,
    pub drivers: Drivers,
}

/// An option that was left out, and why; the message names it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("embed option {field}: '{value}' is not {allowed}")]
pub struct OptionError {
    pub field: &'static str,
    /// The value, cut to 40 characters.
    pub value: String,
    pub allowed: &'static str,
}

/// The chrome an embed can hide.
pub const HIDEABLE: [&str; 3] = ["title", "legend", "clock"];

/// Decodes `%XX` escapes and `+` (a space); `None` when the result is not UTF-8 or an escape is cut.
pub fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Encodes a value for the query: every byte but ASCII letters, digits and `-._~` escaped.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Whether `o` is an origin: `http(s)://host[:port]`, nothing after it.
fn is_origin(o: &str) -> bool {
    let Some(rest) = o
        .strip_prefix("https://")
        .or_else(|| o.strip_prefix("http://"))
    else {
        return false;
    };
    !rest.is_empty()
        && o.len() <= ORIGIN_MAX_BYTES
        && rest
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || b".-:[]".contains(&c))
}

fn time(field: &'static str, value: &str) -> Result<f64, OptionError> {
    value
        .parse::<f64>()
        .ok()
        .filter(|t| (0.0..=CLOCK_MAX_S).contains(t))
        .ok_or_else(|| err(field, value, "a time from 0 to 93600 s after the start"))
}

fn err(field: &'static str, value: &str, allowed: &'static str) -> OptionError {
    OptionError {
        field,
        value: value.chars().take(40).collect(),
        allowed,
    }
}

/// Reads the options from the address's query (with or without `?`); options it does not know are ignored.
pub fn parse(query: &str) -> (EmbedOptions, Vec<OptionError>) {
    let mut o = EmbedOptions::default();
    let mut errors = Vec::new();
    for part in query.trim_start_matches('?').split('&') {
        let (key, raw) = part.split_once('=').unwrap_or((part, ""));
        let Some(value) = percent_decode(raw) else {
            errors.push(err("query", raw, "percent-encoded UTF-8"));
            continue;
        };
        let v = value.as_str();
        let done = match key {
            "autoplay" => {
                o.autoplay = v != "0";
                Ok(())
            }
            "loop" => {
                o.looped = v != "0";
                Ok(())
            }
            "from" => time("from", v).map(|t| o.from_s = Some(t)),
            "to" => time("to", v).map(|t| o.to_s = Some(t)),
            "hide" => v.split(',').filter(|h| !h.is_empty()).try_for_each(|h| {
                match HIDEABLE.iter().find(|x| **x == h) {
                    Some(x) => {
                        o.hide.push(x);
                        Ok(())
                    }
                    None => Err(err("hide", h, "one of title, legend, clock")),
                }
            }),
            "caption" if v.chars().count() > CAPTION_MAX_CHARS => {
                Err(err("caption", v, "a caption of at most 200 characters"))
            }
            "caption" => {
                o.caption = (!v.trim().is_empty()).then(|| v.to_string());
                Ok(())
            }
            "origin" if v == "*" => {
                o.drivers = Drivers::Any;
                Ok(())
            }
            "origin" if is_origin(v) => {
                o.drivers = Drivers::Only(v.to_string());
                Ok(())
            }
            "origin" => Err(err(
                "origin",
                v,
                "* or an origin such as https://example.org",
            )),
            _ => Ok(()),
        };
        if let Err(e) = done {
            errors.push(e);
        }
    }
    if let (Some(f), Some(t)) = (o.from_s, o.to_s) {
        if t <= f {
            errors.push(err("to", &t.to_string(), "after from"));
            o.to_s = None;
        }
    }
    (o, errors)
}

/// The query for these options (after `?embed`), as [`parse`] reads it.
pub fn to_query(o: &EmbedOptions) -> String {
    let mut q = String::from("embed");
    if o.autoplay {
        q.push_str("&autoplay");
    }
    if o.looped {
        q.push_str("&loop");
    }
    if let Some(f) = o.from_s {
        q.push_str(&format!("&from={f}"));
    }
    if let Some(t) = o.to_s {
        q.push_str(&format!("&to={t}"));
    }
    if !o.hide.is_empty() {
        q.push_str(&format!("&hide={}", o.hide.join(",")));
    }
    if let Some(c) = &o.caption {
        q.push_str(&format!("&caption={}", percent_encode(c)));
    }
    match &o.drivers {
        Drivers::OwnOrigin => {}
        Drivers::Any => q.push_str("&origin=*"),
        Drivers::Only(origin) => q.push_str(&format!("&origin={}", percent_encode(origin))),
    }
    q
}

/// The snippet a host page pastes: a frame that keeps the map's shape at any width (a wrapper with an aspect
/// ratio, never wider than its column).
pub fn snippet(src: &str, title: &str) -> String {
    let title = title
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    format!(
        "<div style=\"position:relative;width:100%;max-width:960px;aspect-ratio:16/10\">\
         <iframe src=\"{}\" title=\"{title}\" style=\"position:absolute;inset:0;width:100%;height:100%;border:0\" \
         allowfullscreen></iframe></div>",
        src.replace('&', "&amp;").replace('"', "&quot;")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_round_trip_through_the_query() {
        let o = EmbedOptions {
            autoplay: true,
            looped: true,
            from_s: Some(60.0),
            to_s: Some(600.5),
            hide: vec!["legend", "clock"],
            caption: Some("Kim's <b>launch</b> & Japan: 日本 100%".to_string()),
            drivers: Drivers::Only("https://news.example.org:8443".to_string()),
        };
        let q = to_query(&o);
        assert!(
            q.starts_with(
                "embed&autoplay&loop&from=60&to=600.5&hide=legend,clock&caption=Kim%27s%20%3Cb%3E"
            ),
            "{q}"
        );
        assert_eq!(parse(&format!("?{q}")), (o, vec![]));
        assert_eq!(parse("embed"), (EmbedOptions::default(), vec![]));
        assert_eq!(parse("embed&origin=*").0.drivers, Drivers::Any);
    }

    #[test]
    fn every_hostile_option_is_left_out_with_its_name() {
        let (o, errors) = parse(
            "embed&autoplay&from=1e308&to=-1&hide=legend,<svg>&caption=%FF&origin=javascript:alert(1)&loop",
        );
        let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            text,
            [
                "embed option from: '1e308' is not a time from 0 to 93600 s after the start",
                "embed option to: '-1' is not a time from 0 to 93600 s after the start",
                "embed option hide: '<svg>' is not one of title, legend, clock",
                "embed option query: '%FF' is not percent-encoded UTF-8",
                "embed option origin: 'javascript:alert(1)' is not * or an origin such as https://example.org",
            ]
        );
        // The valid ones still apply.
        assert!(o.autoplay && o.looped && o.hide == ["legend"]);
        assert_eq!(
            (o.from_s, o.to_s, o.caption, o.drivers),
            (None, None, None, Drivers::OwnOrigin)
        );
        let (_, e) = parse(&format!("embed&caption={}", "x".repeat(201)));
        assert_eq!(e[0].field, "caption");
        assert!(e[0].to_string().len() < 120);
        let (o, e) = parse("embed&from=100&to=50");
        assert_eq!((o.from_s, o.to_s, e[0].field), (Some(100.0), None, "to"));
        for bad in [
            "https://a.org/path",
            "https://",
            "ftp://a.org",
            "https://a.org\"><script>",
        ] {
            let (o, e) = parse(&format!("embed&origin={}", percent_encode(bad)));
            assert_eq!((o.drivers, e.len()), (Drivers::OwnOrigin, 1), "{bad}");
        }
    }

    #[test]
    fn the_origin_decides_who_drives_and_where_events_go() {
        let own = "https://app.example";
        assert!(Drivers::OwnOrigin.accepts(own, own));
        assert!(!Drivers::OwnOrigin.accepts("https://evil.example", own));
        assert_eq!(Drivers::OwnOrigin.target(own), own);
        assert!(Drivers::Any.accepts("https://evil.example", own));
        assert_eq!(Drivers::Any.target(own), "*");
        let only = Drivers::Only("https://news.example".into());
        assert!(only.accepts("https://news.example", own) && !only.accepts(own, own));
        assert_eq!(only.target(own), "https://news.example");
    }

    #[test]
    fn the_snippet_is_responsive_and_escapes_its_address() {
        let s = snippet(
            "https://a.example/?embed&caption=%22#s=1.x&t=0",
            "Shared Picture",
        );
        assert!(
            s.contains("aspect-ratio:16/10") && s.contains("max-width:960px") && !s.contains("800"),
            "{s}"
        );
        assert!(
            s.contains("src=\"https://a.example/?embed&amp;caption=%22#s=1.x&amp;t=0\""),
            "{s}"
        );
    }
}
