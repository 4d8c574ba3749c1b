//! A session open for writing: each change appended to its journal and fsync'd before
//! `record` returns, the journal folded into the snapshot when long, the lock held.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::error::{RecordError, StoreError, io_error};
use super::files::write_atomically;
use super::folder::{Store, now};
use super::layout::{read_session_lazily, snapshot_text};
use super::lock::{Lock, holder};
use super::shared::{self, MAIN, Shared};
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
        let mut lock = Lock::acquire(&self.dir.join(format!("{id}.lock")), id, actor)?;
        // This auditor on this laptop, whichever journal they write: a second copy of
        // theirs reads only.
        let key = shared::lock_path(&self.dir, id, &shared::writer_key(actor));
        lock.also(Lock::acquire(&key, id, actor)?);
        // Other writers' journals beside it: every journal is taken in as they are.
        if !shared::side_journals(&self.dir, id).is_empty() {
            let (session, shared, end) = Shared::load(&self.dir, id, Some(MAIN))?;
            let mut writer = Writer::new(path.clone(), path, session, end, actor, lock, shared)?;
            if writer.others().is_empty() {
                writer.compact()?;
            } else {
                writer.cut_torn()?;
            }
            return Ok(writer);
        }
        let read = read_session_lazily(&path)?;
        let shared = Shared::empty(&self.dir, id, MAIN);
        let mut writer = Writer::new(
            path.clone(),
            path,
            read.session,
            read.good_len,
            actor,
            lock,
            shared,
        )?;
        writer.journal_lines = read.journal_lines;
        // A short journal stays: replaying it costs less than rewriting the file.
        if read.journal_lines >= FOLD_AT || read.torn || !read.current {
            writer.compact()?;
        }
        Ok(writer)
    }

    /// Opens a session another writer holds as a writer beside it: this auditor's
    /// changes go to a journal of their own (`shared`), locked for them alone. The
    /// same auditor on the same laptop twice is refused, naming the holder.
    pub fn open_side_writer(&self, id: &str, actor: &str) -> Result<Writer, StoreError> {
        let path = self.existing(id)?;
        // Not while the session file's writer folds the journals (it would fold and
        // remove some while this one reads them): held until this writer is counted.
        let _opening = Lock::acquire_waiting(&shared::fold_lock_path(&self.dir, id), id, actor)?;
        let key = shared::writer_key(actor);
        let lock = Lock::acquire(&shared::lock_path(&self.dir, id, &key), id, actor)?;
        let journal = shared::journal_path(&self.dir, id, &key);
        let mut options = OpenOptions::new();
        options.write(true).create(true).truncate(false);
        super::files::owner_only::file(&mut options)
            .open(&journal)
            .map_err(io_error(&journal))?;
        let name = journal
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (session, shared, end) = Shared::load(&self.dir, id, Some(&name))?;
        let writer = Writer::new(path, journal, session, end, actor, lock, shared)?;
        writer.cut_torn()?;
        Ok(writer)
    }
}

/// A session open for writing. Every `record` is on disk before it returns Ok.
pub struct Writer {
    /// The session file.
    path: PathBuf,
    /// Where this writer appends: the session file's journal, or its own beside it.
    target: PathBuf,
    /// The journals of the round, followed (`shared`).
    shared: Shared,
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
    fn new(
        path: PathBuf,
        target: PathBuf,
        session: Session,
        good_len: u64,
        actor: &str,
        lock: Lock,
        shared: Shared,
    ) -> Result<Writer, StoreError> {
        Ok(Writer {
            file: Some(open_for_append(&target)?),
            path,
            target,
            shared,
            good_len,
            session,
            pending: Vec::new(),
            journal_lines: 0,
            actor: actor.to_string(),
            failing_disk: false,
            _lock: lock,
        })
    }

    /// Cuts a line torn by a crash after the whole ones (a fold would otherwise keep
    /// it in `.prev`; with others at work there is no fold): the next line would be
    /// written over only part of it.
    fn cut_torn(&self) -> Result<(), StoreError> {
        if let Some(file) = &self.file
            && file.metadata().is_ok_and(|m| m.len() > self.good_len)
        {
            file.set_len(self.good_len)
                .map_err(io_error(&self.target))?;
        }
        Ok(())
    }

    /// True when this writer writes a journal beside the session file (another
    /// writer had it first).
    pub fn beside(&self) -> bool {
        self.target != self.path
    }

    /// The other writers with the round open now, by the names their locks give.
    pub fn others(&self) -> Vec<String> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let id = &self.session.id;
        let mut locks: Vec<PathBuf> = self
            .shared
            .side_names()
            .iter()
            .chain(shared::side_journals(dir, id).iter())
            .filter_map(|name| name.strip_suffix(".journal"))
            .map(|stem| dir.join(format!("{stem}.lock")))
            .collect();
        if self.beside() {
            locks.push(dir.join(format!("{id}.lock")));
        }
        locks.sort();
        locks.dedup();
        let own = self.target.with_extension("lock");
        locks
            .iter()
            .filter(|l| self.target == self.path || **l != own)
            .filter_map(|l| holder(l))
            .collect()
    }

    /// Takes in what the other writers recorded since; true when anything was.
    pub fn follow(&mut self) -> bool {
        // The session file's writer folded while this one was opening (no one else
        // was at work when it looked): read the round again, this writer's own
        // journal included, once nothing is pending.
        if self.beside() && self.pending.is_empty() && self.shared.main_replaced() {
            let dir = self.path.parent().unwrap_or(Path::new(".")).to_path_buf();
            let own = self
                .target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned());
            if let Ok((session, shared, end)) = Shared::load(&dir, &self.session.id, own.as_deref())
            {
                self.session = session;
                self.shared = shared;
                self.good_len = end;
                return true;
            }
        }
        self.shared.follow(&mut self.session)
    }

    /// The others' changes taken in since last asked, for the screen to say.
    pub fn news(&mut self) -> Vec<Event> {
        self.shared.news()
    }

    /// The journals beside the session that do not read (named, skipped, kept).
    pub fn damaged(&self) -> Vec<PathBuf> {
        self.shared.damaged()
    }

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
        if matches!(change, Change::SignOff { .. }) {
            let others = self.others();
            if !others.is_empty() {
                return Err(RecordError::Refused(
                    crate::session::Refusal::OthersWriting(others),
                ));
            }
        }
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
        let (seen, lines) = self.journal_text()?;
        let mut bytes = seen.unwrap_or_default();
        let first = bytes.len();
        bytes.push_str(&lines.concat());
        let result = self.append(bytes.as_bytes());
        if result.is_ok() {
            self.shared.said();
            let mut end = self.good_len + first as u64;
            for (event, line) in self.pending.iter().zip(&lines) {
                end += line.len() as u64;
                self.shared.recorded(event, end);
            }
            self.good_len += bytes.len() as u64;
            self.journal_lines += self.pending.len();
            self.pending.clear();
        }
        result.map_err(io_error(&self.target))
    }

    /// The pending changes as journal lines, each ending in a newline, after what
    /// this copy had seen of the others' journals when it has seen more since.
    fn journal_text(&self) -> Result<(Option<String>, Vec<String>), StoreError> {
        let mut lines = Vec::new();
        for event in &self.pending {
            let mut line = ron::to_string(event)
                .map_err(|e| FileError::new(&self.target, None, Problem::Ron(e)))?;
            line.push('\n');
            lines.push(line);
        }
        Ok((self.shared.seen_line(), lines))
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
            None => self.file.insert(append_handle(&self.target)?),
        };
        file.seek(SeekFrom::Start(self.good_len))?;
        file.write_all(bytes)?;
        file.sync_data()
    }

    /// Folds the journal into a new snapshot, keeping the previous file beside it as
    /// `ID.ron.prev`.
    pub fn compact(&mut self) -> Result<(), StoreError> {
        self.retry()?;
        // Only the session file's writer folds, and only while no other writer is
        // at work: their journals are folded in and then removed. No writer starts
        // beside it meanwhile (`open_side_writer` takes the same lock to open).
        if self.beside() {
            return Ok(());
        }
        let id = self.session.id.clone();
        let dir = self.path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let Ok(_folding) = Lock::acquire(&shared::fold_lock_path(&dir, &id), &id, &self.actor)
        else {
            return Ok(());
        };
        if !self.others().is_empty() {
            return Ok(());
        }
        self.follow();
        let folded_in = self.shared.side_names();
        let damaged = self.shared.damaged();
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
        let dir = self.path.parent().unwrap_or(Path::new("."));
        for name in folded_in {
            let journal = dir.join(&name);
            // A damaged journal is never written over nor lost: it is set aside.
            let _ = if damaged.contains(&journal) {
                fs::rename(&journal, journal.with_extension("journal.damaged"))
            } else {
                fs::remove_file(&journal)
            };
            let _ = fs::remove_file(journal.with_extension("lock"));
        }
        let id = self.session.id.clone();
        self.shared = Shared::empty(dir, &id, MAIN);
        Ok(())
    }

    /// Replaces the session with `session` (a merge of it), written as a new snapshot.
    /// The session must be this one with changes taken in; the caller checks that.
    pub fn replace(&mut self, session: Session) -> Result<(), StoreError> {
        self.retry()?;
        // A new snapshot is written only while no other writer is at work.
        let others = self.others();
        if self.beside() || !others.is_empty() {
            return Err(StoreError::Locked {
                id: self.session.id.clone(),
                holder: others.join(", "),
            });
        }
        self.session = session;
        self.journal_lines += 1;
        self.compact()
    }

    /// Closes the session, folding the journal when it is long enough to be worth
    /// it; a short one is replayed at the next open, which costs less than a fold.
    pub fn close(mut self) -> Result<(), StoreError> {
        self.retry()?;
        // The journals of writers who have left are folded in by the last to leave
        // who writes the session file (`compact` checks that no one else is at work).
        let beside = !self.beside() && !self.shared.side_names().is_empty();
        if self.journal_lines >= FOLD_AT || beside {
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
