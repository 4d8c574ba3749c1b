//! The folder of sessions under a data directory: creating, loading, listing and
//! naming sessions, and the drafts of text being typed.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use chrono::Local;

use super::draft::{Draft, DraftTarget};
use super::error::{StoreError, io_error};
use super::files::{owner_only, sync_folder, write_atomically};
use super::layout::{
    Header, Summary, folded, parse_bytes, read_session, snapshot_text, summary, unsigned_status,
};
use crate::checklist::Checklist;
use crate::error::{FileError, Problem};
use crate::session::{AuditFacts, Event, Session, Timestamp};

/// The folder of sessions under a data directory.
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) dir: PathBuf,
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
    /// `crate::session::choose_departments`); the store gives the id, from `now`.
    pub fn create_session(
        &self,
        checklist: Checklist,
        departments: Option<&[String]>,
        facts: AuditFacts,
        now: Timestamp,
    ) -> Result<Created, StoreError> {
        let chosen = crate::session::choose_departments(&checklist, departments);
        self.create_chosen(checklist, chosen, facts, now)
    }

    /// Creates a session of departments already chosen (the form's, which may give a
    /// department off the roster its own short name and 備考).
    pub fn create_chosen(
        &self,
        checklist: Checklist,
        chosen: crate::session::Chosen,
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

    /// Reads a session without locking it, with every writer's journal beside it.
    pub fn load(&self, id: &str) -> Result<Session, StoreError> {
        let path = self.existing(id)?;
        if !super::shared::side_journals(&self.dir, id).is_empty() {
            return Ok(super::shared::Shared::load(&self.dir, id, None)?.0);
        }
        Ok(read_session(&path)?.session)
    }

    /// The writers' journals beside round `id` that do not read (from the line that
    /// does not on, they are skipped, and never written to).
    pub fn damaged_journals(&self, id: &str) -> Result<Vec<PathBuf>, StoreError> {
        self.existing(id)?;
        Ok(super::shared::Shared::load(&self.dir, id, None)?
            .1
            .damaged())
    }

    /// Reads a session file from anywhere (a copy handed over, a file to verify),
    /// snapshot and journal, without locking it.
    pub fn load_file(path: &Path) -> Result<Session, StoreError> {
        if super::zipped::is_bundle(path) {
            return super::zipped::read_bundle(path);
        }
        Ok(read_session(path)?.session)
    }

    /// Reads a session from the bytes of a file (`path` names it in errors): every
    /// history line checked, or, `lazy`, the history left as text as when opening for
    /// work. For tests and fuzzing of the loader.
    pub fn load_bytes(bytes: &[u8], path: &Path, lazy: bool) -> Result<Session, FileError> {
        Ok(parse_bytes(bytes, path, lazy)?.session)
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

    /// Every readable session, newest change first, and the errors of the others.
    pub fn list(&self) -> Result<(Vec<Summary>, Vec<StoreError>), StoreError> {
        let mut summaries = Vec::new();
        let mut errors = Vec::new();
        let mut buffer = Vec::new();
        let mut paths = Vec::new();
        for entry in fs::read_dir(&self.dir).map_err(io_error(&self.dir))? {
            paths.push(entry.map_err(io_error(&self.dir))?.path());
        }
        // Rounds other auditors write beside: read with their journals.
        let beside: std::collections::HashSet<String> = (paths.iter())
            .filter_map(|p| p.file_name()?.to_str()?.strip_suffix(".journal"))
            .filter_map(|stem| Some(stem.split_once('.')?.0.to_string()))
            .collect();
        for path in paths {
            if path.extension().is_none_or(|e| e != "ron") {
                continue;
            }
            let id = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            if beside.contains(id) {
                match self.load(id) {
                    Ok(session) => summaries.push(summary(&session)),
                    Err(e) => errors.push(e),
                }
                continue;
            }
            if let Some(summary) = read_summary(&path, &mut buffer) {
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

    pub(crate) fn existing(&self, id: &str) -> Result<PathBuf, StoreError> {
        let path = self.path_of(id);
        if valid_id(id) && path.exists() {
            Ok(path)
        } else {
            Err(StoreError::NotFound(id.to_string()))
        }
    }
}

/// An id names a file in the sessions folder, never a path out of it.
pub(crate) fn valid_id(id: &str) -> bool {
    // ':' names a drive or a stream on Windows; control characters no file should have.
    !id.is_empty()
        && !id.contains(['/', '\\', ':'])
        && !id.chars().any(char::is_control)
        && !id.starts_with('.')
}

pub(crate) fn now() -> Timestamp {
    Local::now().fixed_offset()
}

/// The summary of a session file from its summary line and the journal after it,
/// without parsing the rest; None when the file has no summary line, was changed
/// since it was written, or has a journal this cannot account for: it is then read
/// whole (and its errors reported).
pub(crate) fn read_summary(path: &Path, buffer: &mut Vec<u8>) -> Option<Summary> {
    let mut file = File::open(path).ok()?;
    buffer.clear();
    file.read_to_end(buffer).ok()?;
    let folded = folded(buffer)?;
    let header = &folded.header;
    let tail = std::str::from_utf8(&buffer[folded.journal_at..]).ok()?;
    let mut summary = header.summary.clone();
    for line in tail.split_inclusive('\n').filter(|l| l.ends_with('\n')) {
        if !line.trim().is_empty() {
            account(&mut summary, header, ron::from_str(line).ok()?)?;
        }
    }
    // A summary line written before a round with no cells stopped being "answered".
    if summary.status == "answered" && summary.cells == 0 {
        summary.status = unsigned_status(0, 0).into();
    }
    Some(summary)
}

/// Brings a summary up to date with one journal event; None for an event it cannot
/// check or account for without the snapshot.
fn account(summary: &mut Summary, header: &Header, event: Event) -> Option<()> {
    use crate::session::Change;
    let known = |department: &String, item: &String| {
        (header.departments.contains(department) && header.items.contains(item)).then_some(())
    };
    match &event.change {
        Change::Move(cursor) => return known(&cursor.department, &cursor.item),
        Change::Mark {
            department,
            item,
            from,
            to,
            ..
        } => {
            known(department, item)?;
            match (from.is_some(), to.is_some()) {
                (false, true) => summary.answered += 1,
                (true, false) => summary.answered = summary.answered.checked_sub(1)?,
                _ => {}
            }
        }
        Change::Note {
            department, item, ..
        }
        | Change::Field {
            department, item, ..
        } => known(department, item)?,
        Change::SignOff { by, at, .. } => {
            summary.status = "signed".into();
            summary.signed_by = Some(by.clone());
            summary.signed_at = Some(*at);
        }
        _ => return None,
    }
    if summary.status != "signed" {
        summary.status = unsigned_status(summary.answered, summary.cells).into();
    }
    summary.last_change = event.at;
    Some(())
}
