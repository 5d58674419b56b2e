//! The `leakaid` binary: parse the command line, run the command, map the outcome to an exit
//! code (0 ok, 1 failure with one line on stderr, 2 usage error).

use std::process::ExitCode;

use clap::Parser;
use leakaid::cli::Cli;
use leakaid::commands;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(command) => commands::run(&cli, command),
        None => commands::overview(&cli),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            // One sentence that may echo what was typed: cleaned, and kept on one line.
            eprintln!("{}", leakaid::text::shown_line(&f.message));
            ExitCode::from(f.code)
        }
    }
}
