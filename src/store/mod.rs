//! Where sessions live and how they are saved: one file per session holding a summary
//! line, a RON snapshot, the history and a journal of changes, one RON line each
//! (`layout`). Recording a change is one fsync'd append; the journal is folded into
//! the snapshot (an atomic replace) when it is long on open or close, and at sign-off.
//! The only module that touches session files; `doc` is the handle the screens hold
//! on one session.

mod doc;
mod draft;
mod layout;
mod trash;

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use chrono::Local;

use crate::checklist::Checklist;
use crate::error::{FileError, Problem};
use crate::session::{self, AuditFacts, Change, Event, Refusal, Session, Timestamp};

pub use layout::Seen;
use layout::{read_session, read_session_lazily, snapshot_text};

pub use doc::{Doc, Saved};
pub use draft::{Draft, DraftTarget};

/// Why the store failed: the facts, worded by the language tables (`i18n`).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    File(#[from] FileError),
    Io {
        path: PathBuf,
        source: io::Error,
    },
    Locked {
        id: String,
        holder: String,
    },
    NotFound(String),
    /// A new round was asked for with no departments (none named, no roster).
    NoDepartments,
    /// The data directory (or its sessions folder) belongs to another user.
    NotOwner(PathBuf),
    Refused(#[from] session::Refusal),
    /// The trash already holds a session with this id.
    InTrash(String),
    NotInTrash(String),
    /// A session (from another laptop) whose id would name a file outside the folder.
    BadId(String),
    /// A session with this id exists: an import or a restore would replace it.
    Exists(String),
}

/// Why `Writer::record` did not save a change. The two cases leave the session in
/// different states, so a caller must be able to tell them apart.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// The session refused the change: nothing was applied and nothing is pending.
    Refused(#[from] session::Refusal),
    /// The change is applied in memory and pending; `retry` (or the next `record`)
    /// saves it.
    Unsaved(StoreError),
}

impl From<RecordError> for StoreError {
    fn from(error: RecordError) -> StoreError {
        match error {
            RecordError::Refused(refusal) => StoreError::Refused(refusal),
            RecordError::Unsaved(error) => error,
        }
    }
}

/// A change the session refused, as the problem of a file that asked for it.
fn refused(refusal: &Refusal) -> Problem {
    match refusal {
        Refusal::UnknownDepartment(name) => Problem::UnknownDepartment(name.clone()),
        Refusal::UnknownItem(id) => Problem::UnknownItem(id.clone()),
        Refusal::UnknownMark(symbol) => Problem::UnknownMark(symbol.clone()),
        other => Problem::Refused(other.clone()),
    }
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Journal lines from which the journal is folded into the snapshot on open and on
/// close: below it, replaying the journal costs less than a fold.
const FOLD_AT: usize = 500;

/// The folder of sessions under a data directory.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    /// Folders `open` found readable by others and made owner-only.
    tightened: Vec<PathBuf>,
}

/// A session just created, with the names it did not find on the checklist's roster
/// (each became a department of its own) for the caller to mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Created {
    pub session: Session,
    pub unlisted: Vec<String>,
}

/// What `kansa list` shows of a session; also the summary line at the top of a
/// session file.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    pub id: String,
    pub title: String,
    /// 監査実施日, to tell rounds with one title apart.
    pub date: Option<chrono::NaiveDate>,
    pub status: String,
    pub answered: usize,
    pub cells: usize,
    pub last_change: Timestamp,
    /// Who signed the round off and when, while a sign-off is in force.
    pub signed_by: Option<String>,
    pub signed_at: Option<Timestamp>,
}

impl Store {
    /// The data directory: the one given (`--data-dir` or `KANSA_DATA_DIR`), else the
    /// platform's.
    pub fn data_dir(given: Option<PathBuf>) -> Option<PathBuf> {
        given.or_else(|| {
            directories::ProjectDirs::from("", "", "kansa").map(|p| p.data_dir().to_path_buf())
        })
    }

    /// Opens (creating, owner-only) the sessions folder under `data_dir`. A folder
    /// others can read is made owner-only (see `tightened`); one that belongs to
    /// another user is refused.
    pub fn open(data_dir: &Path) -> Result<Store, StoreError> {
        let dir = data_dir.join("sessions");
        // Only a folder that held sessions is worth a word: tightening an empty one
        // (a fresh temporary directory) exposed nothing.
        let held_sessions = fs::read_dir(&dir).is_ok_and(|mut entries| entries.next().is_some());
        let mut tightened = Vec::new();
        for folder in [data_dir, &dir] {
            if folder.exists() {
                if owner_only::tighten(folder)? && held_sessions {
                    tightened.push(folder.to_path_buf());
                }
            } else {
                owner_only::dir(fs::DirBuilder::new().recursive(true))
                    .create(folder)
                    .map_err(io_error(folder))?;
            }
        }
        Ok(Store { dir, tightened })
    }

    /// The folders holding sessions that `open` made owner-only, for the caller to say
    /// so (once: the next open finds them so).
    pub fn tightened(&self) -> &[PathBuf] {
        &self.tightened
    }

    pub fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.ron"))
    }

    /// Creates a new round: the one way both `kansa new` and the new-session form do
    /// it. `departments` are full or short names (`None`: the checklist's roster; see
    /// `session::choose_departments`); the store gives the id, from `now`.
    pub fn create_session(
        &self,
        checklist: Checklist,
        departments: Option<&[String]>,
        facts: AuditFacts,
        now: Timestamp,
    ) -> Result<Created, StoreError> {
        let chosen = session::choose_departments(&checklist, departments);
        self.create_chosen(checklist, chosen, facts, now)
    }

    /// Creates a session of departments already chosen (the form's, which may give a
    /// department off the roster its own short name and 備考).
    pub fn create_chosen(
        &self,
        checklist: Checklist,
        chosen: session::Chosen,
        facts: AuditFacts,
        now: Timestamp,
    ) -> Result<Created, StoreError> {
        if chosen.departments.is_empty() {
            return Err(StoreError::NoDepartments);
        }
        let unlisted = chosen.unlisted.clone();
        let session = Session::start(self.new_id(now), checklist, chosen, facts, now);
        self.create(&session)?;
        Ok(Created { session, unlisted })
    }

    /// Saves a session built elsewhere under its own id; fails rather than replace one
    /// with the same id.
    pub fn create(&self, session: &Session) -> Result<(), StoreError> {
        if !valid_id(&session.id) {
            return Err(StoreError::BadId(session.id.clone()));
        }
        let path = self.path_of(&session.id);
        if path.exists() {
            return Err(StoreError::Exists(session.id.clone()));
        }
        write_atomically(&path, &snapshot_text(session, &path)?, false)
    }

    /// True when the folder holds a session `id`.
    pub fn contains(&self, id: &str) -> bool {
        valid_id(id) && self.path_of(id).exists()
    }

    /// Writes `session` to `path` (a file handed to another auditor, or git's merge
    /// result) whole or not at all, as a snapshot with an empty journal.
    pub fn write_file(path: &Path, session: &Session) -> Result<(), StoreError> {
        // git hands its merge driver bare names (`.merge_file_ab12`): the temporary
        // file needs a folder to be made in.
        let path = std::path::absolute(path).map_err(io_error(path))?;
        write_atomically(&path, &snapshot_text(session, &path)?, true)
    }

    /// The text `write_file` writes, for standard output.
    pub fn file_text(session: &Session) -> Result<String, StoreError> {
        snapshot_text(session, Path::new("-"))
    }

    /// Reads a session without locking it.
    pub fn load(&self, id: &str) -> Result<Session, StoreError> {
        Ok(read_session(&self.existing(id)?)?.session)
    }

    /// Reads a session file from anywhere (a copy handed over, a file to verify),
    /// snapshot and journal, without locking it.
    pub fn load_file(path: &Path) -> Result<Session, StoreError> {
        Ok(read_session(path)?.session)
    }

    /// Reads a session from the bytes of a file (`path` names it in errors): every
    /// history line checked, or, `lazy`, the history left as text as when opening for
    /// work. For tests and fuzzing of the loader.
    pub fn load_bytes(bytes: &[u8], path: &Path, lazy: bool) -> Result<Session, FileError> {
        Ok(layout::parse_bytes(bytes, path, lazy)?.session)
    }

    fn draft_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.draft"))
    }

    /// Keeps `text`, being typed for `target`, on disk beside session `id` (atomically,
    /// owner-only), replacing any earlier draft of the session.
    pub fn save_draft(&self, id: &str, target: DraftTarget, text: &str) -> Result<(), StoreError> {
        self.existing(id)?;
        let path = self.draft_path(id);
        let draft = Draft {
            target,
            text: text.to_string(),
            saved_at: now(),
        };
        let config = ron::ser::PrettyConfig::new().new_line("\n");
        let text = ron::ser::to_string_pretty(&draft, config)
            .map_err(|e| FileError::new(&path, None, Problem::Ron(e)))?;
        write_atomically(&path, &text, true)
    }

    /// The draft left for session `id`, if any. It stays on disk until `clear_draft`
    /// (or the next `save_draft`): a crash right after taking it loses nothing.
    pub fn take_draft(&self, id: &str) -> Result<Option<Draft>, StoreError> {
        self.existing(id)?;
        let path = self.draft_path(id);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_error(&path)(e)),
        };
        let draft = ron::from_str(&text).map_err(|e| FileError::from_ron(&path, &e, &text, 0))?;
        Ok(Some(draft))
    }

    /// Removes the draft of session `id`: its text was recorded (or given up).
    pub fn clear_draft(&self, id: &str) -> Result<(), StoreError> {
        if !valid_id(id) {
            return Err(StoreError::NotFound(id.to_string()));
        }
        let path = self.draft_path(id);
        match fs::remove_file(&path) {
            Ok(()) => sync_folder(&self.dir).map_err(io_error(&self.dir)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io_error(&path)(e)),
        }
    }

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

    /// Every readable session, newest change first, and the errors of the others.
    pub fn list(&self) -> Result<(Vec<Summary>, Vec<StoreError>), StoreError> {
        let mut summaries = Vec::new();
        let mut errors = Vec::new();
        let mut buffer = Vec::new();
        for entry in fs::read_dir(&self.dir).map_err(io_error(&self.dir))? {
            let path = entry.map_err(io_error(&self.dir))?.path();
            if path.extension().is_none_or(|e| e != "ron") {
                continue;
            }
            if let Some(summary) = layout::read_summary(&path, &mut buffer) {
                summaries.push(summary);
                continue;
            }
            match read_session(&path) {
                Ok(read) => summaries.push(summary(&read.session)),
                Err(e) => errors.push(e.into()),
            }
        }
        summaries.sort_by(|a, b| {
            b.last_change
                .cmp(&a.last_change)
                .then_with(|| b.id.cmp(&a.id))
        });
        Ok((summaries, errors))
    }

    /// A fresh session id: the creation time, then a few characters against collisions.
    pub fn new_id(&self, now: Timestamp) -> String {
        let stem = now.format("%Y%m%d-%H%M%S").to_string();
        (0u32..)
            .map(|n| {
                if n == 0 {
                    stem.clone()
                } else {
                    format!("{stem}-{n}")
                }
            })
            .find(|id| !self.path_of(id).exists())
            .unwrap_or(stem)
    }

    /// Reads a session to follow it read-only: the history left unparsed, and where
    /// the reading got to, for `follow`.
    fn load_following(&self, id: &str) -> Result<(Session, Seen), StoreError> {
        let path = self.existing(id)?;
        // Taken before reading: a fold landing in between then shows as a new file.
        let file = fs::metadata(&path).ok().and_then(|m| layout::identity(&m));
        let read = read_session_lazily(&path)?;
        let seen = Seen {
            len: read.good_len,
            file,
        };
        Ok((read.session, seen))
    }

    /// Brings a read-only copy up to date: only the journal lines appended since it
    /// last looked, or the whole file again when a fold replaced it.
    fn follow(&self, session: &mut Session, seen: &mut Seen) -> Result<(), StoreError> {
        let path = self.existing(&session.id)?;
        if layout::follow(&path, session, seen)? {
            return Ok(());
        }
        let (fresh, now) = self.load_following(&session.id)?;
        if fresh.is_hearable() {
            *session = fresh;
            *seen = now;
        }
        Ok(())
    }

    fn existing(&self, id: &str) -> Result<PathBuf, StoreError> {
        let path = self.path_of(id);
        if valid_id(id) && path.exists() {
            Ok(path)
        } else {
            Err(StoreError::NotFound(id.to_string()))
        }
    }
}

/// An id names a file in the sessions folder, never a path out of it.
fn valid_id(id: &str) -> bool {
    // ':' names a drive or a stream on Windows; control characters no file should have.
    !id.is_empty()
        && !id.contains(['/', '\\', ':'])
        && !id.chars().any(char::is_control)
        && !id.starts_with('.')
}

fn summary(session: &Session) -> Summary {
    let signed = session.signed.as_ref();
    Summary {
        id: session.id.clone(),
        title: session.facts.title.clone(),
        date: session.facts.date,
        status: match signed {
            Some(_) => "signed",
            None if session.answered_count() == session.cell_count() => "answered",
            None => "open",
        }
        .into(),
        answered: session.answered_count(),
        cells: session.cell_count(),
        last_change: session.last_change(),
        signed_by: signed.map(|s| s.by.clone()),
        signed_at: signed.map(|s| s.at),
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
        let event = Event {
            at: now(),
            by: self.actor.clone(),
            change,
        };
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

fn now() -> Timestamp {
    Local::now().fixed_offset()
}

fn open_for_append(path: &Path) -> Result<File, StoreError> {
    append_handle(path).map_err(io_error(path))
}

fn append_handle(path: &Path) -> io::Result<File> {
    OpenOptions::new().write(true).open(path)
}

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
fn sync_folder(dir: &Path) -> io::Result<()> {
    if cfg!(unix) {
        File::open(dir)?.sync_all()
    } else {
        Ok(())
    }
}

/// Session files hold findings about people and systems: only their owner may read
/// them. On Unix that is the mode; on Windows the user's profile folders already
/// carry owner-only permissions.
mod owner_only {
    use std::fs::{DirBuilder, OpenOptions};
    use std::path::Path;

    use super::StoreError;

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
        use super::io_error;
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

/// An advisory lock on `ID.lock` beside the session, held while the session is open
/// for writing; the file names the holder: `監査 太郎 (pid 123 on host)`.
struct Lock {
    file: File,
}

impl Drop for Lock {
    /// Unlocks explicitly rather than by closing: a child process spawned meanwhile
    /// holds a copy of the descriptor until it execs, and the lock would live on in it.
    fn drop(&mut self) {
        let _ = held::unlock(&self.file);
    }
}

impl Lock {
    fn acquire(path: &Path, id: &str, actor: &str) -> Result<Lock, StoreError> {
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
        Ok(Lock { file })
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

#[cfg(test)]
mod tests {
    use super::*;
    use layout::session_text;

    #[test]
    fn a_refused_change_reads_in_english_as_the_session_words_it() {
        for refusal in [
            Refusal::UnknownDepartment("総務".into()),
            Refusal::UnknownItem("X-1".into()),
            Refusal::UnknownMark("◎".into()),
        ] {
            assert_eq!(refused(&refusal).to_string(), refusal.to_string());
            assert_eq!(
                StoreError::Refused(refusal.clone()).to_string(),
                refusal.to_string()
            );
        }
    }

    #[test]
    fn a_file_cut_inside_a_character_reads_up_to_it() {
        let path = Path::new("s.ron");
        let text = "ab\n保育";
        let cut = &text.as_bytes()[..text.len() - 1];
        assert_eq!(session_text(cut, path), Ok("ab\n保"));
        let mut bad = b"ab\n\xff\n".to_vec();
        let error = session_text(&bad, path).unwrap_err();
        let at = crate::error::Position { line: 2, column: 1 };
        assert_eq!(error.position, Some(at));
        bad.pop();
        assert!(
            session_text(&bad, path).is_err(),
            "an invalid byte is not a cut"
        );
    }
}
