//! Files written whole and readable by their owner only: an atomic replace (fsync,
//! rename, fsync the folder), and owner-only folders and files.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

use super::error::{StoreError, io_error};

/// Writes `text` to `path` through a temporary file in the same folder: fsync, rename,
/// fsync the folder. Without `replace`, an existing file is an error.
pub(crate) fn write_atomically(path: &Path, text: &str, replace: bool) -> Result<(), StoreError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".kansa-")
        .tempfile_in(dir)
        .map_err(io_error(dir))?;
    temp.write_all(text.as_bytes())
        .map_err(io_error(temp.path()))?;
    temp.as_file().sync_all().map_err(io_error(temp.path()))?;
    if replace {
        replace_with(temp, path).map_err(io_error(path))?;
    } else {
        temp.persist_noclobber(path).map_err(|e| StoreError::Io {
            path: path.to_path_buf(),
            source: e.error,
        })?;
    }
    sync_folder(dir).map_err(io_error(dir))
}

/// Renames the temporary file over `path`. `std::fs::rename` rather than tempfile's
/// `persist`: on Windows, when the plain rename is refused because another process
/// has the file open (a read-only kansa reading it), std renames again with POSIX
/// semantics, which replaces it all the same. On Unix both are rename(2).
fn replace_with(temp: tempfile::NamedTempFile, path: &Path) -> io::Result<()> {
    // Closed (Windows renames no file open without delete sharing) and, on Windows,
    // no longer marked temporary, a mark the session file would otherwise keep.
    let kept = temp.into_temp_path().keep().map_err(|e| e.error)?;
    let renamed = fs::rename(&kept, path);
    if renamed.is_err() {
        let _ = fs::remove_file(&kept);
    }
    renamed
}

/// Makes a rename in `dir` durable. Windows cannot open a folder as a file; NTFS
/// journals the rename itself.
pub(crate) fn sync_folder(dir: &Path) -> io::Result<()> {
    if cfg!(unix) {
        File::open(dir)?.sync_all()
    } else {
        Ok(())
    }
}

/// Session files hold findings about people and systems: only their owner may read
/// them. On Unix that is the mode; on Windows the user's profile folders already
/// carry owner-only permissions.
pub(crate) mod owner_only {
    use std::fs::{DirBuilder, OpenOptions};
    use std::path::Path;

    use crate::store::error::StoreError;

    #[cfg(unix)]
    pub fn dir(builder: &mut DirBuilder) -> &mut DirBuilder {
        std::os::unix::fs::DirBuilderExt::mode(builder, 0o700)
    }

    #[cfg(unix)]
    pub fn file(options: &mut OpenOptions) -> &mut OpenOptions {
        std::os::unix::fs::OpenOptionsExt::mode(options, 0o600)
    }

    #[cfg(not(unix))]
    pub fn dir(builder: &mut DirBuilder) -> &mut DirBuilder {
        builder
    }

    /// Refuses a folder owned by another user; makes one that group or others may
    /// read or enter owner-only. True when it changed the mode.
    #[cfg(unix)]
    pub fn tighten(folder: &Path) -> Result<bool, StoreError> {
        use crate::store::error::io_error;
        use std::fs;
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let metadata = fs::metadata(folder).map_err(io_error(folder))?;
        // SAFETY: geteuid has no preconditions and cannot fail.
        let me = unsafe { libc::geteuid() };
        if metadata.uid() != me {
            return Err(StoreError::NotOwner(folder.to_path_buf()));
        }
        if metadata.mode() & 0o077 == 0 {
            return Ok(false);
        }
        fs::set_permissions(folder, fs::Permissions::from_mode(0o700)).map_err(io_error(folder))?;
        Ok(true)
    }

    #[cfg(not(unix))]
    pub fn tighten(_folder: &Path) -> Result<bool, StoreError> {
        Ok(false)
    }

    #[cfg(not(unix))]
    pub fn file(options: &mut OpenOptions) -> &mut OpenOptions {
        options
    }
}
