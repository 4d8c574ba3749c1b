//! Reading a bundle (a session file that carries its evidence, see `bundle`): whether
//! a file is one, and the session inside it.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use super::error::{StoreError, io_error};
use super::layout::parse_bytes;
use crate::session::Session;

/// The name of the session inside a bundle.
pub(crate) const SESSION: &str = "session.ron";
/// The folder of the carried files inside a bundle.
pub(crate) const EVIDENCE: &str = "evidence/";

/// True when the file at `path` is a bundle (a zip), not a plain session file.
pub(crate) fn is_bundle(path: &Path) -> bool {
    let mut magic = [0u8; 4];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok_and(|_| &magic == b"PK\x03\x04")
}

pub(crate) fn zip_error(path: &Path) -> impl Fn(zip::result::ZipError) -> StoreError + '_ {
    move |e| StoreError::Io {
        path: path.to_path_buf(),
        source: io::Error::new(io::ErrorKind::InvalidData, e.to_string()),
    }
}

/// The session of a bundle.
pub(crate) fn read_bundle(path: &Path) -> Result<Session, StoreError> {
    let file = File::open(path).map_err(io_error(path))?;
    let mut archive = zip::ZipArchive::new(file).map_err(zip_error(path))?;
    let mut entry = archive.by_name(SESSION).map_err(zip_error(path))?;
    let mut bytes = Vec::new();
    entry.read_to_end(&mut bytes).map_err(io_error(path))?;
    Ok(parse_bytes(&bytes, path, false)?.session)
}
