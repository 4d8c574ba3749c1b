//! The command line: clap definitions, and each subcommand as a thin call into the
//! core. One file per concern:
//! - `args`: the options and commands as clap reads them;
//! - `env`: what every command may need (store, settings, who is working, words);
//! - `error`: why a command failed, as a value worded at the edge;
//! - `console`: Windows, started by double-click: wait for Enter after an error;
//! - `help`: the command line read in the user's language (help, usage errors);
//! - `output`: standard output or a file written whole; columns of text;
//! - `rounds`: new, list, show, diff, delete, restore, validate;
//! - `exchange`: reports, checklists and other files in and out;
//! - `record`: review, sign-off, verify, reopen and history;
//! - `team`: parts, merges and conflicts; `selfcheck`: the departments' workbooks;
//! - `evidence`: files attached as evidence (attach, evidence, detach).

mod args;
mod console;
mod env;
mod error;
mod evidence;
mod exchange;
mod help;
mod output;
mod record;
mod rounds;
mod selfcheck;
mod team;

pub use args::{Cli, Command, Format, Import, Report};
pub use console::pause_if_alone;
pub use error::{CliError, exit};
pub use help::parse;

use clap::CommandFactory;
use env::Env;
use output::session_file;

use crate::tui::{self, App};

/// Runs the command line, printing in `cli.language()`; the caller words the error.
pub fn run(mut cli: Cli) -> Result<(), CliError> {
    let command = cli.command.take();
    let env = Env::new(&cli);
    match command {
        None => tui::run(App::at_list(env.context()?)).map_err(CliError::Terminal),
        Some(Command::Open { id, department }) => open(&env, &id, department.as_deref()),
        Some(Command::Completions { shell }) => completions(shell),
        Some(command @ (Command::Export { .. } | Command::Import { .. })) => env.exchange(command),
        Some(
            command @ (Command::Attach { .. } | Command::Evidence { .. } | Command::Detach { .. }),
        ) => env.evidence(command),
        Some(
            ref command @ (Command::Merge { .. }
            | Command::MergeDriver { .. }
            | Command::Resolve { .. }),
        ) => team::run(
            command,
            || env.store(),
            || env.auditor().map(|a| a.name),
            env.m,
            env.words,
        ),
        Some(
            ref command @ (Command::Review { .. }
            | Command::Sign { .. }
            | Command::Verify { .. }
            | Command::Reopen { .. }
            | Command::History { .. }),
        ) => record::run(
            command,
            || env.store(),
            || env.auditor().map(|a| a.name),
            env.words,
            env.m.evidence,
        ),
        Some(command) => env.rounds(command),
    }
}

/// `kansa completions SHELL`: the script, on standard output.
fn completions(shell: clap_complete::Shell) -> Result<(), CliError> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "kansa", &mut script);
    output::write_output(std::path::Path::new("-"), &script)
}

/// `kansa open ID|FILE`: a session file from another laptop is brought in first.
fn open(env: &Env, id: &str, department: Option<&str>) -> Result<(), CliError> {
    let id = match session_file(id) {
        Some(file) => {
            let actor = env.auditor()?.name;
            team::open_file(&env.store()?, file, &actor, env.m, env.words)?
        }
        None => id.to_string(),
    };
    let app = App::at_session(env.context()?, &id, department).map_err(CliError::Screen)?;
    tui::run(app).map_err(CliError::Terminal)
}
