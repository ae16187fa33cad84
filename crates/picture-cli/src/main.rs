//! `picture`: Shared Picture's models on the command line. Each subcommand lives in its own module with a
//! `run(&Args) -> Result<String, String>` (its output, or an error message); this file only wires them up.

mod fly;
mod missiles;

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Fly(args) => fly::run(&args),
        Command::Missiles(args) => missiles::run(&args),
    };
    match result {
        Ok(text) => {
            // Each command returns its output; a closed pipe (`picture ... | head`) is not an error.
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("error: cannot write the output: {e}");
                    ExitCode::FAILURE
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
