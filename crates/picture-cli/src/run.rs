//! `picture run SCENARIO.json [--json]`: flies the scenario's launches, runs its sensors, tracks in every picture
//! and prints the comparison table (or everything as JSON). `picture scenario example` prints an example file.

use clap::{Args, Subcommand};
use picture_sim::scenario::Scenario;
use picture_sim::tracking::metrics::Event;
use std::fmt::Write as _;

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The scenario file (JSON).
    scenario: std::path::PathBuf,
    /// Print the full result as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ScenarioCommand {
    /// Print an example scenario file.
    Example,
}

pub fn run(args: &RunArgs) -> Result<String, String> {
    let text = std::fs::read_to_string(&args.scenario)
        .map_err(|e| format!("{}: {e}", args.scenario.display()))?;
    let scenario = parse(&text).map_err(|e| format!("{}: {e}", args.scenario.display()))?;
    let result = scenario.run().map_err(|e| e.to_string())?;
    if args.json {
        return serde_json::to_string_pretty(&result)
            .map(|s| s + "\n")
            .map_err(|e| e.to_string());
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} launches, {} measurements, {} pictures. Warning time left (true impact minus event), worst missile:\n",
        scenario.launches.len(),
        result.measurements,
        result.pictures.len()
    );
    let _ = write!(out, "{}", result.comparison);
    let _ = writeln!(
        out,
        "\nevents: {}",
        Event::ALL.map(|e| e.label()).join(", ")
    );
    Ok(out)
}

/// The scenario file's text, parsed and validated against the shared bounds (`picture_sim::limits`) before
/// anything is flown: a launch time beyond a day or a salvo beyond the cap is refused here with the field named,
/// never left to overflow the simulation clock.
pub fn parse(text: &str) -> Result<Scenario, String> {
    Scenario::from_json(text).map_err(|e| e.to_string())
}

pub fn scenario(command: &ScenarioCommand) -> Result<String, String> {
    match command {
        ScenarioCommand::Example => serde_json::to_string_pretty(&Scenario::example())
            .map(|s| s + "\n")
            .map_err(|e| e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example_with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut v = serde_json::to_value(Scenario::example()).unwrap();
        edit(&mut v);
        v.to_string()
    }

    #[test]
    fn the_example_parses() {
        assert!(parse(&example_with(|_| {})).is_ok());
    }

    #[test]
    fn a_huge_launch_time_is_refused_with_its_field() {
        for ms in [i64::MAX, i64::MAX / 2, 86_400_001, -1] {
            let text = example_with(|v| v["launches"][0]["launch_time"] = ms.into());
            let e = parse(&text).unwrap_err();
            assert!(e.contains("launches[0].launch_time"), "{ms}: {e}");
        }
    }

    #[test]
    fn ten_thousand_launches_are_refused() {
        let text = example_with(|v| {
            let one = v["launches"][0].clone();
            v["launches"] = serde_json::Value::Array(vec![one; 10_000]);
        });
        let e = parse(&text).unwrap_err();
        assert!(e.contains("launches") && e.contains("32"), "{e}");
    }

    #[test]
    fn a_start_near_year_9999_is_refused() {
        let text = example_with(|v| v["start_utc_s"] = 253_402_300_000_i64.into());
        let e = parse(&text).unwrap_err();
        assert!(e.contains("start_utc_s") && e.contains("2100"), "{e}");
    }
}
