//! Where a command's output goes: standard output or a file written whole, and text
//! laid out in columns.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use unicode_width::UnicodeWidthStr;

use super::error::CliError;
use crate::export;
use crate::session::Session;
use crate::store::Store;

/// Set once standard output's reader has gone (`kansa history ID | head`).
static CLOSED: AtomicBool = AtomicBool::new(false);

/// Everything a command prints on standard output, through one writer, where
/// `println!` would panic at a closed pipe. A reader that stopped reading wanted no
/// more: the rest is dropped without a word, and the command ends as it would have
/// (its exit status still says whether review found blockers or sign was refused).
/// Any other failure to write comes back as `CliError::Output` for `-`.
pub fn out(text: std::fmt::Arguments) -> Result<(), CliError> {
    to_stdout(|stdout| stdout.write_fmt(text))
}

fn to_stdout(
    write: impl FnOnce(&mut std::io::StdoutLock) -> std::io::Result<()>,
) -> Result<(), CliError> {
    if CLOSED.load(Ordering::Relaxed) {
        return Ok(());
    }
    let mut stdout = std::io::stdout().lock();
    match write(&mut stdout).and_then(|_| stdout.flush()) {
        Err(e) if is_closed_pipe(&e) => {
            CLOSED.store(true, Ordering::Relaxed);
            Ok(())
        }
        result => result.map_err(|source| CliError::Output {
            path: "-".into(),
            source,
        }),
    }
}

/// `println!` through `out`, giving its error to `?`.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::cli::output::out(format_args!("{}\n", format_args!($($arg)*)))?
    };
}
pub(crate) use outln;

/// Writes to standard output for `-`, else the file whole or not at all, 0600
/// (`export::save`).
pub fn write_output(output: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let fail = |source: std::io::Error| CliError::Output {
        path: output.to_path_buf(),
        source,
    };
    if output == Path::new("-") {
        return to_stdout(|stdout| stdout.write_all(bytes));
    }
    export::save(output, bytes).map_err(fail)
}

/// Prints rows in columns padded to their display width (Japanese takes two cells).
pub fn print_table<const N: usize>(
    header: &[String; N],
    rows: &[[String; N]],
) -> Result<(), CliError> {
    let mut widths = header.clone().map(|h| h.width());
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    for row in std::iter::once(header).chain(rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(cell, width)| format!("{cell}{}", " ".repeat(width - cell.width())))
            .collect();
        outln!("{}", cells.join("  ").trim_end());
    }
    Ok(())
}

/// A session named by id, or by the path of a session file.
pub fn load_either(store: &Store, target: &str) -> Result<Session, CliError> {
    let path = Path::new(target);
    if path.is_file() {
        return Ok(Store::load_file(path)?);
    }
    Ok(store.load(target)?)
}

/// The path `kansa open` was given, when it names a session file rather than an id:
/// an existing file, named with a folder or ending in .ron.
pub fn session_file(target: &str) -> Option<&Path> {
    let path = Path::new(target);
    let named_as_file = target.contains(['/', '\\']) || target.ends_with(".ron");
    (named_as_file && path.is_file()).then_some(path)
}

/// A reader that went away: a broken pipe, and on Windows also "the pipe is being
/// closed" (232, ERROR_NO_DATA) and "no process on the other end" (233,
/// ERROR_PIPE_NOT_CONNECTED), which std does not count as one.
fn is_closed_pipe(error: &std::io::Error) -> bool {
    error.kind() == std::io::ErrorKind::BrokenPipe
        || (cfg!(windows) && matches!(error.raw_os_error(), Some(232 | 233)))
}
