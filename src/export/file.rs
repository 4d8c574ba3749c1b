//! Writing a report to its file: whole or not at all, and readable by its owner only,
//! as reports hold findings about people and systems, like the sessions they come from.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file beside it, renamed over it, so
/// that a full disk or a crash never leaves half a report. tempfile creates the file
/// 0600 on Unix.
pub fn save(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".kansa-export-")
        .tempfile_in(folder)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}
