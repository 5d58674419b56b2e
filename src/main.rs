//! The `leakaid` binary: parse the command line, run the command, map the outcome to an exit
//! code (0 ok, 1 failure with one line on stderr, 2 usage error). Started by a double-click on
//! Windows (no arguments, a console window of its own), an error stays on screen until Enter.

use std::process::ExitCode;

use clap::Parser;
use leakaid::cli::Cli;
use leakaid::commands;
use leakaid::console;
use leakaid::i18n::Lang;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            if e.use_stderr() {
                console::hold_if_window_closes(Lang::Zh);
            }
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let result = match &cli.command {
        Some(command) => commands::run(&cli, command),
        None => commands::overview(&cli),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            // One sentence that may echo what was typed: cleaned, and kept on one line.
            eprintln!("{}", leakaid::text::shown_line(&f.message));
            console::hold_if_window_closes(cli.lang.unwrap_or_default());
            ExitCode::from(f.code)
        }
    }
}
