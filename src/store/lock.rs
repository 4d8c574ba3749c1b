//! The lock on a session open for writing: a sidecar file naming its holder.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::Path;

use super::error::{StoreError, io_error};
use super::files::owner_only;

/// An advisory lock on `ID.lock` beside the session, held while the session is open
/// for writing; the file names the holder: `監査 太郎 (pid 123 on host)`.
pub(crate) struct Lock {
    file: File,
    /// A lock taken with this one and given up with it.
    with: Option<Box<Lock>>,
}

impl Drop for Lock {
    /// Unlocks explicitly rather than by closing: a child process spawned meanwhile
    /// holds a copy of the descriptor until it execs, and the lock would live on in it.
    fn drop(&mut self) {
        let _ = held::unlock(&self.file);
    }
}

impl Lock {
    pub(crate) fn acquire(path: &Path, id: &str, actor: &str) -> Result<Lock, StoreError> {
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        let mut file = owner_only::file(&mut options)
            .open(path)
            .map_err(io_error(path))?;
        match held::try_lock(&file) {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = holder.trim();
                let holder = if holder.is_empty() {
                    "another process"
                } else {
                    holder
                };
                return Err(StoreError::Locked {
                    id: id.to_string(),
                    holder: holder.to_string(),
                });
            }
            Err(fs::TryLockError::Error(e)) => return Err(io_error(path)(e)),
        }
        let host = gethostname::gethostname().to_string_lossy().into_owned();
        let holder = format!("{actor} (pid {} on {host})", std::process::id());
        file.set_len(0)
            .and_then(|_| file.write_all(holder.as_bytes()))
            .map_err(io_error(path))?;
        Ok(Lock { file, with: None })
    }

    /// `acquire`, waiting up to two seconds while another process holds the lock (a
    /// lock held only for a moment: a fold, a writer starting).
    pub(crate) fn acquire_waiting(path: &Path, id: &str, actor: &str) -> Result<Lock, StoreError> {
        let mut tries = 0;
        loop {
            match Lock::acquire(path, id, actor) {
                Err(StoreError::Locked { .. }) if tries < 40 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                other => return other,
            }
        }
    }

    /// Holds `other` as long as this lock.
    pub(crate) fn also(&mut self, other: Lock) {
        self.with = Some(Box::new(other));
    }
}

/// Who holds the lock `path`, if anyone does: the name its file gives. A lock no one
/// holds (or no lock file) is None; the probe takes and gives it back at once.
pub(crate) fn holder(path: &Path) -> Option<String> {
    let mut file = OpenOptions::new().read(true).write(true).open(path).ok()?;
    match held::try_lock(&file) {
        Ok(()) => {
            let _ = held::unlock(&file);
            None
        }
        Err(fs::TryLockError::WouldBlock) => {
            let mut name = String::new();
            let _ = file.read_to_string(&mut name);
            Some(name.trim().to_string())
        }
        Err(fs::TryLockError::Error(_)) => None,
    }
}

/// Taking and giving up a session's lock. std locks the whole file, and Windows
/// enforces such a lock on reads too: a second kansa could not read the holder's name
/// there. On Windows one byte far past the name is locked instead.
mod held {
    use std::fs::{File, TryLockError};
    use std::io;

    #[cfg(not(windows))]
    pub fn try_lock(file: &File) -> Result<(), TryLockError> {
        file.try_lock()
    }

    #[cfg(not(windows))]
    pub fn unlock(file: &File) -> io::Result<()> {
        file.unlock()
    }

    #[cfg(windows)]
    pub fn try_lock(file: &File) -> Result<(), TryLockError> {
        use windows_sys::Win32::Foundation::ERROR_LOCK_VIOLATION;
        use windows_sys::Win32::Storage::FileSystem::{
            LOCKFILE_EXCLUSIVE_LOCK, LOCKFILE_FAIL_IMMEDIATELY, LockFileEx,
        };
        let flags = LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY;
        let mut at = far_byte();
        // SAFETY: the handle is open for the call, and the file was not opened for
        // overlapped I/O, so the call is done with `at` when it returns.
        if unsafe { LockFileEx(handle(file), flags, 0, 1, 0, &mut at) } != 0 {
            return Ok(());
        }
        let error = io::Error::last_os_error();
        match error.raw_os_error() {
            Some(code) if code == ERROR_LOCK_VIOLATION as i32 => Err(TryLockError::WouldBlock),
            _ => Err(TryLockError::Error(error)),
        }
    }

    #[cfg(windows)]
    pub fn unlock(file: &File) -> io::Result<()> {
        use windows_sys::Win32::Storage::FileSystem::UnlockFileEx;
        let mut at = far_byte();
        // SAFETY: as in `try_lock`.
        match unsafe { UnlockFileEx(handle(file), 0, 1, 0, &mut at) } {
            0 => Err(io::Error::last_os_error()),
            _ => Ok(()),
        }
    }

    /// The byte at 2^62: past any name (locking past the end of a file is allowed).
    #[cfg(windows)]
    fn far_byte() -> windows_sys::Win32::System::IO::OVERLAPPED {
        use windows_sys::Win32::System::IO::{OVERLAPPED, OVERLAPPED_0, OVERLAPPED_0_0};
        let offset = OVERLAPPED_0_0 {
            Offset: 0,
            OffsetHigh: 1 << 30,
        };
        OVERLAPPED {
            Anonymous: OVERLAPPED_0 { Anonymous: offset },
            ..OVERLAPPED::default()
        }
    }

    #[cfg(windows)]
    fn handle(file: &File) -> windows_sys::Win32::Foundation::HANDLE {
        std::os::windows::io::AsRawHandle::as_raw_handle(file)
    }
}
