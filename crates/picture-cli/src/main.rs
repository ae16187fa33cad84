//! `picture`: Shared Picture's models on the command line. Each command lives in its own module; this file
//! only dispatches.

mod detect;
mod fly;
mod horizon;
mod missiles;
mod pd;
mod run;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "picture",
    version,
    about = "Shared Picture: the trilateral missile-warning picture, from the command line"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Fly a missile from a launch site to an aim point (or along an azimuth) and print the flight's figures.
    Fly(fly::FlyArgs),
    /// List the missile catalog.
    Missiles(missiles::MissilesArgs),
    /// Radar horizon: the farthest a radar at a height sees a target at an altitude.
    Horizon(horizon::HorizonArgs),
    /// Probability of detection for an SNR, or the SNR needed for a probability.
    Pd(pd::PdArgs),
    /// Fly a launch and report when each catalog sensor first detects it.
    Detect(detect::DetectArgs),
    /// Run a scenario file: fly, detect, track in every picture, compare the warning times.
    Run(run::RunArgs),
    /// Scenario files.
    #[command(subcommand)]
    Scenario(run::ScenarioCommand),
}

/// Prints a command's output, or its error on stderr with a non-zero exit.
fn finish<E: std::fmt::Display>(result: Result<String, E>) -> ExitCode {
    match result {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// For commands that print as they go.
fn finish_unit(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Fly(args) => finish_unit(fly::run(&args)),
        Command::Missiles(args) => finish_unit(missiles::run(&args)),
        Command::Horizon(args) => finish(horizon::run(&args)),
        Command::Pd(args) => finish(pd::run(&args)),
        Command::Detect(args) => finish(detect::run(&args)),
        Command::Run(args) => finish(run::run(&args)),
        Command::Scenario(command) => finish(run::scenario(&command)),
    }
}
