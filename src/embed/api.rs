//! The host-page API's messages, version 1 (`docs/embed.md`): the commands a parent page posts to an embed and
//! the events the embed posts back. Every message is a JSON object with `"sharedPicture": 1`; messages
//! without that key are someone else's and are ignored. A command is hostile: each field is checked and a
//! command that is not valid is answered by an `error` event naming the field. Pure, tested natively.

use crate::scenario::link::SPEEDS;
use picture_sim::limits::{CLOCK_MAX_S, NAME_MAX_BYTES};
use serde_json::Value;

/// The version of the messages this code reads and writes.
pub const API_VERSION: u64 = 1;
/// The key that marks a message as this API's, holding its version.
pub const KEY: &str = "sharedPicture";
/// The longest command the embed reads, in bytes of JSON (a scenario file of the largest salvo is far less).
pub const COMMAND_MAX_BYTES: usize = 1 << 20;

/// A command from the host page.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Play,
    Pause,
    /// Moves the clock, seconds after the scenario start.
    Seek {
        t_s: f64,
    },
    /// Simulated seconds per real second (one of the clock's speeds).
    Speed {
        speed: f64,
    },
    /// Shows a picture by name.
    Picture {
        name: String,
    },
    /// Compares with a picture by name (`None`: no comparison), dashed or side by side.
    Compare {
        name: Option<String>,
        side_by_side: bool,
    },
    /// Opens a preset by id.
    Preset {
        id: String,
    },
    /// Opens a scenario: a share link's fragment (`s=1...`) or a scenario file (JSON text).
    Link {
        fragment: String,
    },
    File {
        json: String,
    },
}

/// Why a command was refused: the field and what is wrong with it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct CommandError {
    pub field: String,
    pub message: String,
}

fn refuse(field: &str, message: impl Into<String>) -> CommandError {
    CommandError {
        field: field.to_string(),
        message: message.into(),
    }
}

/// A short, safe rendering of a value for a message.
fn shown(v: &Value) -> String {
    v.to_string().chars().take(40).collect()
}

fn number(m: &Value, field: &str) -> Result<f64, CommandError> {
    let v = m.get(field).ok_or_else(|| refuse(field, "missing"))?;
    v.as_f64()
        .ok_or_else(|| refuse(field, format!("{} is not a number", shown(v))))
}

fn text<'a>(m: &'a Value, field: &str, max_bytes: usize) -> Result<&'a str, CommandError> {
    let v = m.get(field).ok_or_else(|| refuse(field, "missing"))?;
    let s = v
        .as_str()
        .ok_or_else(|| refuse(field, format!("{} is not a string", shown(v))))?;
    if s.len() > max_bytes {
        return Err(refuse(
            field,
            format!("{} bytes is more than the {max_bytes} allowed", s.len()),
        ));
    }
    Ok(s)
}

/// Reads a message. `Ok(None)`: not this API's (no `sharedPicture` key), ignored. `pictures` names the
/// scenario's pictures, which `picture` and `compare` must name.
pub fn parse(text_json: &str, pictures: &[String]) -> Result<Option<Command>, CommandError> {
    if text_json.len() > COMMAND_MAX_BYTES {
        return Err(refuse(
            "message",
            format!(
                "{} bytes is more than the {COMMAND_MAX_BYTES} allowed",
                text_json.len()
            ),
        ));
    }
    let Ok(m) = serde_json::from_str::<Value>(text_json) else {
        return Ok(None);
    };
    let Some(version) = m.get(KEY) else {
        return Ok(None);
    };
    if version.as_u64() != Some(API_VERSION) {
        return Err(refuse(
            KEY,
            format!(
                "version {} is not 1, the one this embed reads",
                shown(version)
            ),
        ));
    }
    let picture = |field: &str| -> Result<String, CommandError> {
        let name = text(&m, field, NAME_MAX_BYTES)?;
        pictures
            .iter()
            .find(|p| *p == name)
            .cloned()
            .ok_or_else(|| {
                refuse(
                    field,
                    format!("no picture named {}", shown(&Value::from(name))),
                )
            })
    };
    let command = match text(&m, "command", 64)? {
        "play" => Command::Play,
        "pause" => Command::Pause,
        "seek" => {
            let t_s = number(&m, "t_s")?;
            if !(0.0..=CLOCK_MAX_S).contains(&t_s) {
                return Err(refuse(
                    "t_s",
                    format!(
                        "{} is not a time from 0 to {CLOCK_MAX_S} s",
                        shown(&m["t_s"])
                    ),
                ));
            }
            Command::Seek { t_s }
        }
        "speed" => {
            let speed = number(&m, "speed")?;
            if !SPEEDS.contains(&speed) {
                return Err(refuse(
                    "speed",
                    format!(
                        "{} is not one of 1, 2, 4, 8, 16, 32, 64, 128",
                        shown(&m["speed"])
                    ),
                ));
            }
            Command::Speed { speed }
        }
        "picture" => Command::Picture {
            name: picture("name")?,
        },
        "compare" => Command::Compare {
            name: match m.get("name") {
                None | Some(Value::Null) => None,
                Some(_) => Some(picture("name")?),
            },
            side_by_side: match m.get("side_by_side") {
                None => false,
                Some(v) => v.as_bool().ok_or_else(|| {
                    refuse("side_by_side", format!("{} is not true or false", shown(v)))
                })?,
            },
        },
        "preset" => Command::Preset {
            id: text(&m, "id", 64)?.to_string(),
        },
        "scenario" => match (m.get("link"), m.get("file")) {
            (Some(_), None) => Command::Link {
                fragment: text(&m, "link", COMMAND_MAX_BYTES)?.to_string(),
            },
            (None, Some(f)) if f.is_object() => Command::File {
                json: f.to_string(),
            },
            (None, Some(f)) => {
                return Err(refuse(
                    "file",
                    format!("{} is not a scenario file (an object)", shown(f)),
                ))
            }
            _ => {
                return Err(refuse(
                    "link",
                    "give either link (a share link's fragment) or file (a scenario file)",
                ))
            }
        },
        other => {
            return Err(refuse(
                "command",
                format!(
                    "{} is not one of play, pause, seek, speed, picture, compare, preset, scenario",
                    shown(&Value::from(other))
                ),
            ))
        }
    };
    Ok(Some(command))
}

/// An event for the host page: `{"sharedPicture": 1, "event": name, ...}`; `fields` is the JSON of its other
/// fields, each after a comma (`,"t_s":12`). Written as text: building JSON values costs the page more.
pub fn event(name: &str, fields: &str) -> String {
    format!("{{\"{KEY}\":{API_VERSION},\"event\":\"{name}\"{fields}}}")
}

/// A string as JSON.
pub fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// The `error` event for a refused command or option.
pub fn error_event(field: &str, message: &str) -> String {
    event(
        "error",
        &format!(
            ",\"field\":{},\"message\":{}",
            quoted(field),
            quoted(message)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pictures() -> Vec<String> {
        vec!["Japan".to_string(), "Trilateral (Hawaii hub)".to_string()]
    }

    fn read(m: Value) -> Result<Option<Command>, CommandError> {
        parse(&m.to_string(), &pictures())
    }

    #[test]
    fn every_command_reads() {
        let c = |m: Value| read(m).unwrap().unwrap();
        assert_eq!(
            c(json!({"sharedPicture": 1, "command": "play"})),
            Command::Play
        );
        assert_eq!(
            c(json!({"sharedPicture": 1, "command": "pause"})),
            Command::Pause
        );
        assert_eq!(
            c(json!({"sharedPicture": 1, "command": "seek", "t_s": 90.5})),
            Command::Seek { t_s: 90.5 }
        );
        assert_eq!(
            c(json!({"sharedPicture": 1, "command": "speed", "speed": 64})),
            Command::Speed { speed: 64.0 }
        );
        assert_eq!(
            c(json!({"sharedPicture": 1, "command": "picture", "name": "Japan"})),
            Command::Picture {
                name: "Japan".into()
            }
        );
        assert_eq!(
            c(
                json!({"sharedPicture": 1, "command": "compare", "name": "Japan", "side_by_side": true})
            ),
            Command::Compare {
                name: Some("Japan".into()),
                side_by_side: true
            }
        );
        assert_eq!(
            c(json!({"sharedPicture": 1, "command": "compare", "name": null})),
            Command::Compare {
                name: None,
                side_by_side: false
            }
        );
        assert_eq!(
            c(json!({"sharedPicture": 1, "command": "preset", "id": "x"})),
            Command::Preset { id: "x".into() }
        );
        assert_eq!(
            c(json!({"sharedPicture": 1, "command": "scenario", "link": "s=1.abc"})),
            Command::Link {
                fragment: "s=1.abc".into()
            }
        );
        assert!(matches!(
            c(json!({"sharedPicture": 1, "command": "scenario", "file": {"version": 1}})),
            Command::File { .. }
        ));
        // Someone else's messages are ignored.
        assert_eq!(read(json!({"type": "play"})), Ok(None));
        assert_eq!(parse("not json", &pictures()), Ok(None));
    }

    #[test]
    fn hostile_commands_are_refused_naming_the_field() {
        for (m, field, start) in [
            (
                json!({"sharedPicture": 2, "command": "play"}),
                "sharedPicture",
                "version 2",
            ),
            (
                json!({"sharedPicture": "1", "command": "play"}),
                "sharedPicture",
                "version \"1\"",
            ),
            (json!({"sharedPicture": 1}), "command", "missing"),
            (
                json!({"sharedPicture": 1, "command": 7}),
                "command",
                "7 is not a string",
            ),
            (
                json!({"sharedPicture": 1, "command": "<img src=x>"}),
                "command",
                "\"<img src=x>\" is not one of",
            ),
            (
                json!({"sharedPicture": 1, "command": "seek", "t_s": "10"}),
                "t_s",
                "\"10\" is not a number",
            ),
            (
                json!({"sharedPicture": 1, "command": "seek", "t_s": 1e308}),
                "t_s",
                "1e+308 is not a time",
            ),
            (
                json!({"sharedPicture": 1, "command": "seek", "t_s": -1}),
                "t_s",
                "-1 is not a time",
            ),
            (
                json!({"sharedPicture": 1, "command": "seek"}),
                "t_s",
                "missing",
            ),
            (
                json!({"sharedPicture": 1, "command": "speed", "speed": 3}),
                "speed",
                "3 is not one of",
            ),
            (
                json!({"sharedPicture": 1, "command": "picture", "name": "Mars"}),
                "name",
                "no picture named \"Mars\"",
            ),
            (
                json!({"sharedPicture": 1, "command": "picture", "name": "x".repeat(100_000)}),
                "name",
                "100000 bytes",
            ),
            (
                json!({"sharedPicture": 1, "command": "compare", "name": "Japan", "side_by_side": "yes"}),
                "side_by_side",
                "\"yes\"",
            ),
            (
                json!({"sharedPicture": 1, "command": "scenario"}),
                "link",
                "give either",
            ),
            (
                json!({"sharedPicture": 1, "command": "scenario", "file": "text"}),
                "file",
                "\"text\" is not a scenario",
            ),
        ] {
            let e = read(m.clone()).unwrap_err();
            assert_eq!(e.field, field, "{m}: {e}");
            assert!(e.message.starts_with(start), "{m}: {e}");
            assert!(e.message.len() < 200, "{e}");
        }
        let huge = format!(
            "{{\"sharedPicture\":1,\"command\":\"play\",\"x\":\"{}\"}}",
            "x".repeat(COMMAND_MAX_BYTES)
        );
        assert_eq!(parse(&huge, &pictures()).unwrap_err().field, "message");
    }

    #[test]
    fn events_carry_the_key_and_their_fields() {
        let e: Value =
            serde_json::from_str(&event("time", ",\"t_s\":12.5,\"playing\":true")).unwrap();
        assert_eq!(
            e,
            json!({"sharedPicture": 1, "event": "time", "t_s": 12.5, "playing": true})
        );
        let e: Value = serde_json::from_str(&error_event("t_s", "bad \"<x>\"\n")).unwrap();
        assert_eq!(
            (e["field"].as_str(), e["message"].as_str()),
            (Some("t_s"), Some("bad \"<x>\"\n"))
        );
    }
}
