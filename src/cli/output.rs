//! Where a command's output goes: standard output or a file written whole, and text
//! laid out in columns.

use std::io::Write;
use std::path::Path;

use unicode_width::UnicodeWidthStr;

use super::error::CliError;
use crate::export;
use crate::session::Session;
use crate::store::Store;

/// Writes to standard output for `-`, else the file whole or not at all, 0600
/// (`export::save`).
pub fn write_output(output: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let fail = |source: std::io::Error| CliError::Output {
        path: output.to_path_buf(),
        source,
    };
    if output == Path::new("-") {
        let mut stdout = std::io::stdout().lock();
        return stdout
            .write_all(bytes)
            .and_then(|_| stdout.flush())
            .map_err(fail);
    }
    export::save(output, bytes).map_err(fail)
}

/// Prints rows in columns padded to their display width (Japanese takes two cells).
pub fn print_table<const N: usize>(header: &[String; N], rows: &[[String; N]]) {
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
        println!("{}", cells.join("  ").trim_end());
    }
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
