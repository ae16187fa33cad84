//! `picture`: Shared Picture's models on the command line.

use clap::{CommandFactory, Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "picture",
    version,
    about = "Shared Picture: the trilateral missile-warning picture, from the command line"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {}

fn main() -> ExitCode {
    match Cli::parse().command {
        Some(command) => match command {},
        None => {
            let _ = Cli::command().print_help();
            ExitCode::SUCCESS
        }
    }
}
