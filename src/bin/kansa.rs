//! The `kansa` binary: parses the command line and reports a failure in one line.

use clap::Parser;

fn main() -> std::process::ExitCode {
    match kansa::cli::run(kansa::cli::Cli::parse()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(reason) => {
            eprintln!("kansa: {reason}");
            std::process::ExitCode::FAILURE
        }
    }
}
