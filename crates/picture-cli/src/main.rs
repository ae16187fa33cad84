//! `picture`: Shared Picture's models on the command line. Each subcommand lives in its own module with a
//! `run(&Args) -> Result<String, E>` (its output, or an error); this file only wires them up.

mod detect;
mod fly;
mod horizon;
mod missiles;
mod pd;
mod run;
mod study;

use clap::{Parser, Subcommand};
use std::io::Write;
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
    /// How sure: sample every uncertain input and show each warning-time figure's spread.
    Study(study::StudyArgs),
    /// Scenario files.
    #[command(subcommand)]
    Scenario(run::ScenarioCommand),
}

/// Prints a command's output, or its error on stderr with a non-zero exit. A closed pipe
/// (`picture ... | head`) is not an error.
fn finish<E: std::fmt::Display>(result: Result<String, E>) -> ExitCode {
    match result {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("error: cannot write the output: {e}");
                    ExitCode::FAILURE
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Fly(args) => finish(fly::run(&args)),
        Command::Missiles(args) => finish(missiles::run(&args)),
        Command::Horizon(args) => finish(horizon::run(&args)),
        Command::Pd(args) => finish(pd::run(&args)),
        Command::Detect(args) => finish(detect::run(&args)),
        Command::Run(args) => finish(run::run(&args)),
        Command::Study(args) => finish(study::run(&args)),
        Command::Scenario(command) => finish(run::scenario(&command)),
    }
}
