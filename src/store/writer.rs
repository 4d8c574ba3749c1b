//! A session open for writing: each change appended to its journal and fsync'd before
//! `record` returns, the journal folded into the snapshot when long, the lock held.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::error::{RecordError, StoreError, io_error};
use super::files::write_atomically;
use super::folder::{Store, now};
use super::layout::{read_session_lazily, snapshot_text};
use super::lock::Lock;
use crate::error::{FileError, Problem};
use crate::session::{Change, Event, Session};

/// Journal lines from which the journal is folded into the snapshot on open and on
/// close: below it, replaying the journal costs less than a fold.
const FOLD_AT: usize = 500;

impl Store {
    /// Opens a session for writing as `actor` (who the history and the lock name):
    /// locks it, folds its journal into the snapshot.
    pub fn open_writer(&self, id: &str, actor: &str) -> Result<Writer, StoreError> {
        let path = self.existing(id)?;
        let lock = Lock::acquire(&self.dir.join(format!("{id}.lock")), id, actor)?;
        let read = read_session_lazily(&path)?;
        let mut writer = Writer {
            file: Some(open_for_append(&path)?),
            path,
            good_len: read.good_len,
            session: read.session,
            pending: Vec::new(),
            journal_lines: read.journal_lines,
            actor: actor.to_string(),
            failing_disk: false,
            _lock: lock,
        };
        // A short journal stays: replaying it costs less than rewriting the file.
        if read.journal_lines >= FOLD_AT || read.torn || !read.current {
            writer.compact()?;
        }
        Ok(writer)
    }
}

/// A session open for writing. Every `record` is on disk before it returns Ok.
pub struct Writer {
    path: PathBuf,
    /// The session file, open for appending; closed while a fold replaces it, and
    /// opened again by the next append if reopening after the fold failed.
    file: Option<File>,
    /// Bytes of the file known to be whole; a failed append is cut back to this.
    good_len: u64,
    session: Session,
    /// Changes applied in memory but not yet durable.
    pending: Vec<Event>,
    journal_lines: usize,
    actor: String,
    failing_disk: bool,
    _lock: Lock,
}

impl Writer {
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// True when every change is on disk.
    pub fn is_saved(&self) -> bool {
        self.pending.is_empty()
    }

    /// Changes applied in memory that are not yet on disk.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// For tests: make every save fail as a full or read-only disk would, until
    /// turned off again. Root ignores file permissions, so tests cannot rely on them.
    #[cfg(feature = "testkit")]
    pub fn simulate_failing_disk(&mut self, failing: bool) {
        self.failing_disk = failing;
    }

    /// Applies `change` and makes it durable. A change the session refuses is neither
    /// applied nor kept; on a failed save the change stays applied and pending.
    pub fn record(&mut self, change: Change) -> Result<(), RecordError> {
        let event = self.session.stamp(change, &self.actor, now());
        let signs = matches!(event.change, Change::SignOff { .. });
        self.session.apply(event.clone())?;
        self.pending.push(event);
        self.retry().map_err(RecordError::Unsaved)?;
        // A signed round is folded at once, so that its file reads as signed without
        // a journal. Nothing else folds while working: a fold costs the whole file,
        // which would stall one answer in many. A failed fold leaves the journal.
        if signs {
            let _ = self.compact();
        }
        Ok(())
    }

    /// Writes what is pending, then fsyncs.
    pub fn retry(&mut self) -> Result<(), StoreError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let bytes = self.journal_text()?;
        let result = self.append(bytes.as_bytes());
        if result.is_ok() {
            self.good_len += bytes.len() as u64;
            self.journal_lines += self.pending.len();
            self.pending.clear();
        }
        result.map_err(io_error(&self.path))
    }

    /// The pending changes as journal lines, each ending in a newline.
    fn journal_text(&self) -> Result<String, StoreError> {
        let mut text = String::new();
        for event in &self.pending {
            let line = ron::to_string(event)
                .map_err(|e| FileError::new(&self.path, None, Problem::Ron(e)))?;
            text.push_str(&line);
            text.push('\n');
        }
        Ok(text)
    }

    /// Writes at the end of the whole lines. A failed attempt may leave a partial line
    /// there; the retry writes all of it again and more, so it covers what was left.
    fn append(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.failing_disk {
            return Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "no space left on device (simulated)",
            ));
        }
        let file = match &mut self.file {
            Some(file) => file,
            None => self.file.insert(append_handle(&self.path)?),
        };
        file.seek(SeekFrom::Start(self.good_len))?;
        file.write_all(bytes)?;
        file.sync_data()
    }

    /// Folds the journal into a new snapshot, keeping the previous file beside it as
    /// `ID.ron.prev`.
    pub fn compact(&mut self) -> Result<(), StoreError> {
        self.retry()?;
        let text = snapshot_text(&self.session, &self.path)?;
        // Windows replaces no file its writer holds open ("Access denied"): closed
        // here, reopened below or by the next append.
        self.file = None;
        let previous = self.path.with_extension("ron.prev");
        // A link cannot be made over an existing name (os error 183 on Windows).
        let _ = fs::remove_file(&previous);
        fs::hard_link(&self.path, &previous)
            // A file system without hard links (FAT, some network shares): a copy.
            .or_else(|_| fs::copy(&self.path, &previous).map(drop))
            .map_err(io_error(&previous))?;
        write_atomically(&self.path, &text, true)?;
        self.good_len = text.len() as u64;
        self.journal_lines = 0;
        self.file = Some(open_for_append(&self.path)?);
        Ok(())
    }

    /// Replaces the session with `session` (a merge of it), written as a new snapshot.
    /// The session must be this one with changes taken in; the caller checks that.
    pub fn replace(&mut self, session: Session) -> Result<(), StoreError> {
        self.retry()?;
        self.session = session;
        self.journal_lines += 1;
        self.compact()
    }

    /// Closes the session, folding the journal when it is long enough to be worth
    /// it; a short one is replayed at the next open, which costs less than a fold.
    pub fn close(mut self) -> Result<(), StoreError> {
        self.retry()?;
        if self.journal_lines >= FOLD_AT {
            self.compact()
        } else {
            Ok(())
        }
    }

    /// How many changes the journal holds (not yet folded into the snapshot).
    pub fn journal_lines(&self) -> usize {
        self.journal_lines
    }
}

fn open_for_append(path: &Path) -> Result<File, StoreError> {
    append_handle(path).map_err(io_error(path))
}

fn append_handle(path: &Path) -> io::Result<File> {
    OpenOptions::new().write(true).open(path)
}
