//! The `kansa` binary: parses the command line and reports a failure in one line, in
//! the user's language, with an exit status of `kansa::cli::exit` (docs/exit-codes.md).

use kansa::i18n::Describe;

fn main() -> std::process::ExitCode {
    let cli = kansa::cli::parse();
    // Chosen before `run` takes the command line: the reason for a failure is worded
    // here, at the edge, in the same language as everything else kansa printed.
    let lang = cli.language();
    match kansa::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kansa: {}", error.localized(lang));
            kansa::cli::pause_if_alone(lang);
            error.exit_code().into()
        }
    }
}
