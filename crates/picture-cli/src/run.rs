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
    let scenario =
        Scenario::from_json(&text).map_err(|e| format!("{}: {e}", args.scenario.display()))?;
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

pub fn scenario(command: &ScenarioCommand) -> Result<String, String> {
    match command {
        ScenarioCommand::Example => serde_json::to_string_pretty(&Scenario::example())
            .map(|s| s + "\n")
            .map_err(|e| e.to_string()),
    }
}
