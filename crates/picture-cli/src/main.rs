//! `picture`: Shared Picture's models on the command line. Each subcommand lives in its own module; this file
//! only wires them up.

mod detect;
mod fly;
mod horizon;
mod missiles;
mod pd;

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
}

/// Prints a command's text output; its error becomes the message.
fn print_output<E: std::fmt::Display>(result: Result<String, E>) -> Result<(), String> {
    let text = result.map_err(|e| e.to_string())?;
    print!("{text}");
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Fly(args) => fly::run(&args),
        Command::Missiles(args) => missiles::run(&args),
        Command::Horizon(args) => print_output(horizon::run(&args)),
        Command::Pd(args) => print_output(pd::run(&args)),
        Command::Detect(args) => print_output(detect::run(&args)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
