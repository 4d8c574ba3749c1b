//! The files attached as evidence, kept by their content beside the session: in
//! `sessions/ID.evidence/`, each named by its SHA-256. A file is read once, in a
//! stream, into a temporary file while it is hashed (memory stays flat whatever its
//! size), fsync'd and renamed to its hash: a crash leaves at worst a temporary file or
//! an unreferenced copy, never a half file under a hash's name. The same content is
//! kept once. A copy is made before the change that refers to it is recorded.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::files::{owner_only, sync_folder};
use super::folder::Store;
use crate::error::IoReason;
use crate::evidence::{forbidden_on_windows, media_type};
use crate::session::{Attached, FileInfo, Session, Timestamp};

/// Why a file could not be attached; nothing of it is kept.
#[derive(Debug, thiserror::Error)]
pub enum EvidenceError {
    /// No file at the path given.
    Missing(PathBuf),
    /// The path is a folder.
    Folder(PathBuf),
    Unreadable {
        path: PathBuf,
        reason: IoReason,
    },
    /// The file is empty: nothing to attach.
    Empty(PathBuf),
    /// Larger than the per-file limit (bytes both).
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// A name Windows forbids: the body of evidence could not be written under it.
    ForbiddenName {
        path: PathBuf,
        name: String,
    },
    /// Writing the copy failed (a full disk): the partial copy was removed.
    Write {
        path: PathBuf,
        reason: IoReason,
    },
}

/// A stored copy: where it is, and whether the same content was kept before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub file: FileInfo,
    pub path: PathBuf,
    pub existed: bool,
}

/// What became of an attached file since it was stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlobState {
    Missing,
    /// Its content no longer has the hash it is named by.
    Altered,
}

/// Read and write in pieces of this size: the memory a copy takes.
const CHUNK: usize = 64 * 1024;

impl Store {
    /// The folder of a session's evidence.
    pub fn evidence_dir(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.evidence"))
    }

    /// Where the copy of the content with this hash is (or would be) kept.
    pub fn blob_path(&self, id: &str, sha256: &str) -> PathBuf {
        self.evidence_dir(id).join(sha256)
    }

    /// Checks `source` as a file to attach: there, a file, not empty, within `limit`
    /// bytes, with a name Windows allows. Reads nothing of its content.
    pub fn check_evidence(source: &Path, limit: u64) -> Result<fs::Metadata, EvidenceError> {
        let metadata = match fs::metadata(source) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(EvidenceError::Missing(source.to_path_buf()));
            }
            Err(e) => return Err(unreadable(source, &e)),
        };
        if metadata.is_dir() {
            return Err(EvidenceError::Folder(source.to_path_buf()));
        }
        let name = file_name(source);
        if forbidden_on_windows(&name) {
            return Err(EvidenceError::ForbiddenName {
                path: source.to_path_buf(),
                name,
            });
        }
        if metadata.len() == 0 {
            return Err(EvidenceError::Empty(source.to_path_buf()));
        }
        if metadata.len() > limit {
            return Err(EvidenceError::TooLarge {
                path: source.to_path_buf(),
                size: metadata.len(),
                limit,
            });
        }
        Ok(metadata)
    }

    /// Copies `source` into the session's evidence, named by its SHA-256, durably
    /// (fsync, rename, fsync the folder) before returning.
    pub fn keep_evidence(
        &self,
        id: &str,
        source: &Path,
        limit: u64,
    ) -> Result<Kept, EvidenceError> {
        self.keep_failing_after(id, source, limit, None)
    }

    /// For tests: as `keep_evidence`, on a disk that fills after `bytes` are written.
    #[cfg(feature = "testkit")]
    pub fn keep_evidence_on_full_disk(
        &self,
        id: &str,
        source: &Path,
        bytes: u64,
    ) -> Result<Kept, EvidenceError> {
        self.keep_failing_after(id, source, u64::MAX, Some(bytes))
    }

    fn keep_failing_after(
        &self,
        id: &str,
        source: &Path,
        limit: u64,
        full_after: Option<u64>,
    ) -> Result<Kept, EvidenceError> {
        let metadata = Store::check_evidence(source, limit)?;
        let input = File::open(source).map_err(|e| unreadable(source, &e))?;
        let dir = self.evidence_dir(id);
        let write_error = |e: &io::Error| EvidenceError::Write {
            path: dir.clone(),
            reason: IoReason::from(e),
        };
        if !dir.exists() {
            owner_only::dir(fs::DirBuilder::new().recursive(true))
                .create(&dir)
                .map_err(|e| write_error(&e))?;
        }
        // Removed when dropped: on any error below, nothing half-written stays.
        let mut temp = tempfile::Builder::new()
            .prefix(".kansa-")
            .tempfile_in(&dir)
            .map_err(|e| write_error(&e))?;
        let copied = copy_hashing(input, temp.as_file_mut(), limit, full_after);
        let (sha256, size) = match copied {
            Ok(done) => done,
            Err(Failure::Read(e)) => return Err(unreadable(source, &e)),
            Err(Failure::Write(e)) => return Err(write_error(&e)),
            Err(Failure::TooLarge(size)) => {
                return Err(EvidenceError::TooLarge {
                    path: source.to_path_buf(),
                    size,
                    limit,
                });
            }
        };
        if size == 0 {
            return Err(EvidenceError::Empty(source.to_path_buf()));
        }
        temp.as_file().sync_all().map_err(|e| write_error(&e))?;
        let path = dir.join(&sha256);
        let existed = path.exists();
        if !existed {
            temp.persist(&path).map_err(|e| write_error(&e.error))?;
            sync_folder(&dir).map_err(|e| write_error(&e))?;
        }
        let name = file_name(source);
        let file = FileInfo {
            kind: media_type(&name).to_string(),
            name,
            size,
            modified: metadata.modified().ok().map(modified_time),
            sha256,
        };
        Ok(Kept {
            file,
            path,
            existed,
        })
    }

    /// Each attachment in force whose stored copy is missing or no longer has its
    /// hash, with what became of it. Reads every copy whole, in a stream.
    pub fn check_blobs<'a>(&self, session: &'a Session) -> Vec<(&'a Attached, BlobState)> {
        let mut found = Vec::new();
        for attached in session.evidence() {
            let path = self.blob_path(&session.id, &attached.attachment.file.sha256);
            let state = match File::open(&path) {
                Err(_) => Some(BlobState::Missing),
                Ok(file) => match copy_hashing(file, &mut io::sink(), u64::MAX, None) {
                    Ok((sha, _)) if sha == attached.attachment.file.sha256 => None,
                    _ => Some(BlobState::Altered),
                },
            };
            if let Some(state) = state {
                found.push((attached, state));
            }
        }
        found
    }
}

/// Copies `input` to `output`, hashing on the way: the hex SHA-256.
pub(crate) fn hash_into(input: impl Read, output: &mut impl Write) -> io::Result<String> {
    match copy_hashing(input, output, u64::MAX, None) {
        Ok((sha, _)) => Ok(sha),
        Err(Failure::Read(e) | Failure::Write(e)) => Err(e),
        Err(Failure::TooLarge(_)) => Err(io::Error::from(io::ErrorKind::FileTooLarge)),
    }
}

enum Failure {
    Read(io::Error),
    Write(io::Error),
    /// Grew past the limit while read: the bytes read so far.
    TooLarge(u64),
}

/// Copies `input` to `output` in chunks, hashing on the way: the hex SHA-256 and the
/// bytes copied.
fn copy_hashing(
    mut input: impl Read,
    output: &mut impl Write,
    limit: u64,
    full_after: Option<u64>,
) -> Result<(String, u64), Failure> {
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; CHUNK];
    let mut size = 0u64;
    loop {
        let read = match input.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Failure::Read(e)),
        };
        size += read as u64;
        if size > limit {
            return Err(Failure::TooLarge(size));
        }
        if full_after.is_some_and(|full| size > full) {
            return Err(Failure::Write(io::Error::from(io::ErrorKind::StorageFull)));
        }
        hasher.update(&buffer[..read]);
        output.write_all(&buffer[..read]).map_err(Failure::Write)?;
    }
    let hex = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok((hex, size))
}

fn unreadable(path: &Path, error: &io::Error) -> EvidenceError {
    EvidenceError::Unreadable {
        path: path.to_path_buf(),
        reason: IoReason::from(error),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn modified_time(time: std::time::SystemTime) -> Timestamp {
    chrono::DateTime::<chrono::Local>::from(time).fixed_offset()
}
