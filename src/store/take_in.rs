//! Session files merged into a round of the folder (`kansa merge`). One part is merged
//! at the cost of the part: the round's file is read as a stream, its summary line
//! vouching for it, and only the lines of the part's departments are parsed; the merge
//! is appended to the journal as one line (`take_in::TakenIn`). Anything else (several
//! files, a file written before summaries said enough, a department the round lacks)
//! is merged whole, as before.

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Seek, SeekFrom, Write};
use std::path::Path;

use super::error::{StoreError, io_error};
use super::folder::Store;
use super::layout::{FIRST_LINE, Header, SUMMARY_MARK, checklist_crc, extras_crc, identity};
use super::lock::Lock;
use crate::merge::{self, Conflict, MergeError, Merged};
use crate::session::{Change, Event, Session};
use crate::take_in::{self, RoundView, TakenIn};

/// Why files could not be merged into a round.
#[derive(Debug, thiserror::Error)]
pub enum IntoRoundError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Merge(#[from] MergeError),
}

/// What a merge into a round came to.
#[derive(Debug, Clone, PartialEq)]
pub struct MergedIn {
    pub added: usize,
    /// The round's conflicts after the merge.
    pub conflicts: Vec<Conflict>,
}

impl Store {
    /// Every change of `theirs` merged into round `id` as `actor`. A file that cannot be
    /// merged refuses the whole merge before the round is touched.
    pub fn merge_in(
        &self,
        id: &str,
        theirs: &[Session],
        actor: &str,
    ) -> Result<MergedIn, IntoRoundError> {
        if let [part] = theirs
            && let Some(done) = self.merge_part(id, part, actor)?
        {
            return Ok(done);
        }
        let current = self.load(id)?;
        let trial = merge_all(&current, theirs)?;
        if trial.session == current {
            return Ok(MergedIn {
                added: trial.added,
                conflicts: trial.conflicts,
            });
        }
        let mut writer = self.open_writer(id, actor)?;
        let merged = merge_all(writer.session(), theirs)?;
        let conflicts = merged.conflicts;
        writer.replace(merged.session)?;
        writer.close()?;
        Ok(MergedIn {
            added: trial.added,
            conflicts,
        })
    }

    /// One part merged at its own cost; None when the round must be read whole.
    fn merge_part(
        &self,
        id: &str,
        part: &Session,
        actor: &str,
    ) -> Result<Option<MergedIn>, IntoRoundError> {
        let path = self.existing(id)?;
        // Writers' journals beside the round: it is read whole, with them.
        if !super::shared::side_journals(&self.dir, id).is_empty() {
            return Ok(None);
        }
        let Some(scan) = scan(&path, part)? else {
            return Ok(None);
        };
        let header = &scan.header;
        if let Some(by) = scan.signed_by {
            return Err(MergeError::Signed(by).into());
        }
        if let Some(signed) = &part.signed {
            return Err(MergeError::TheirsSigned(signed.by.clone()).into());
        }
        let (Some(created), Some(checklist)) = (header.created, header.checklist) else {
            return Ok(None);
        };
        if header.summary.id != part.id || created != part.created {
            let name =
                |id: &str, at: &crate::session::Timestamp| format!("{id} ({})", at.to_rfc3339());
            return Err(MergeError::OtherRound {
                ours: name(&header.summary.id, &created),
                theirs: name(&part.id, &part.created),
            }
            .into());
        }
        if checklist_crc(&part.checklist) != Some(checklist) {
            return Err(MergeError::OtherChecklist.into());
        }
        // Other checklists than the round's (one added on either side): read whole.
        if extras_crc(&part.extra) != header.extras {
            return Ok(None);
        }
        let held = |h: &crate::session::Hearing| header.departments.contains(&h.department.short);
        if scan.torn || !part.hearings.iter().all(held) {
            return Ok(None);
        }
        let plan = take_in::plan(part, &scan.view)?;
        let Some(record) = plan.record else {
            return Ok(Some(MergedIn {
                added: 0,
                conflicts: plan.conflicts,
            }));
        };
        let _lock = Lock::acquire(&self.dir.join(format!("{id}.lock")), id, actor)?;
        // Changed since it was read (a writer came and went): read it whole.
        let file = std::fs::metadata(&path).map_err(io_error(&path))?;
        if file.len() != scan.end || identity(&file) != scan.file {
            return Ok(None);
        }
        append(&path, scan.end, &record)?;
        Ok(Some(MergedIn {
            added: plan.added,
            conflicts: plan.conflicts,
        }))
    }
}

/// Every file merged into `session` in turn, or the first reason one cannot be.
fn merge_all(session: &Session, theirs: &[Session]) -> Result<Merged, MergeError> {
    let mut merged = Merged {
        session: session.clone(),
        added: 0,
        conflicts: merge::conflicts(session),
    };
    for other in theirs {
        let next = merge::merge(&merged.session, other)?;
        merged = Merged {
            added: merged.added + next.added,
            ..next
        };
    }
    Ok(merged)
}

/// What a stream through a round's file gathered for merging `part`.
struct Scan {
    header: Header,
    view: RoundView,
    signed_by: Option<String>,
    /// Bytes of whole lines, and the file they are of.
    end: u64,
    file: Option<(u64, u64)>,
    torn: bool,
}

/// Reads the round's file as a stream of lines, parsing only the summary line and the
/// history and journal lines that concern `part`; None when the summary line does not
/// vouch for the file (no such line, an older one, or bytes changed since).
fn scan(path: &Path, part: &Session) -> Result<Option<Scan>, StoreError> {
    let file = File::open(path).map_err(io_error(path))?;
    let id = file.metadata().ok().and_then(|m| identity(&m));
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut line = Vec::new();
    let mut read = |line: &mut Vec<u8>| {
        line.clear();
        reader.read_until(b'\n', line).map_err(io_error(path))
    };
    let first = read(&mut line)?;
    if line != FIRST_LINE.as_bytes() {
        return Ok(None);
    }
    let second = read(&mut line)?;
    let header = std::str::from_utf8(&line)
        .ok()
        .and_then(|l| l.strip_prefix(SUMMARY_MARK))
        .and_then(|l| ron::from_str::<Header>(l).ok());
    let Some(header) = header else {
        return Ok(None);
    };
    let rest_at = (first + second) as u64;
    let (Some(history_at), journal_at) = (header.history_at, rest_at + header.folded) else {
        return Ok(None);
    };
    let mut lines = Lines::new(part, &header);
    let mut crc = crc32fast::Hasher::new();
    let mut at = rest_at;
    loop {
        let n = read(&mut line)? as u64;
        if n == 0 {
            break;
        }
        let start = at;
        at += n;
        if start < journal_at {
            if at > journal_at {
                return Ok(None);
            }
            crc.update(&line);
            if start >= rest_at + history_at && at < journal_at {
                lines.take(&line, false)?;
            } else if start < rest_at + history_at {
                lines.snapshot(&line);
            }
        } else if line.ends_with(b"\n") {
            lines.take(&line, true)?;
        } else {
            lines.torn = true;
            at = start;
        }
    }
    if at < journal_at || crc.finalize() != header.crc || lines.failed {
        return Ok(None);
    }
    if !lines.heads_text.is_empty() {
        match ron::from_str::<Vec<Vec<Event>>>(&lines.heads_text) {
            Ok(heads) => lines.view.heads = heads,
            Err(_) => return Ok(None),
        }
    }
    let Lines {
        view,
        signed_by,
        torn,
        ..
    } = lines;
    Ok(Some(Scan {
        header,
        view,
        signed_by,
        end: at,
        file: id,
        torn,
    }))
}

/// The history and journal lines of a round, taken in for merging a part.
struct Lines {
    /// The part's changes as lines, and their lengths (most lines are not one).
    ids: HashSet<String>,
    lengths: HashSet<usize>,
    /// What marks a line worth parsing: one of the part's departments, a change of
    /// the round as a whole.
    needles: Vec<String>,
    view: RoundView,
    /// The snapshot's heads (a top-level field of the pretty snapshot, written over
    /// lines of their own), as text while being read.
    heads_text: String,
    in_heads: bool,
    signed_by: Option<String>,
    torn: bool,
    /// A line that did not read: the round is then read whole, its errors reported.
    failed: bool,
}

impl Lines {
    fn new(part: &Session, header: &Header) -> Lines {
        let ids: HashSet<String> = part.history.iter().map(merge::identity).collect();
        let lengths = ids.iter().map(String::len).collect();
        let mut needles: Vec<String> = part
            .hearings
            .iter()
            .filter_map(|h| ron::to_string(&h.department.short).ok())
            .map(|name| format!("department:{name}"))
            .collect();
        needles.extend(["change:Fact(", "change:Improvement("].map(String::from));
        Lines {
            ids,
            lengths,
            needles,
            view: RoundView::default(),
            heads_text: String::new(),
            in_heads: false,
            signed_by: header.summary.signed_by.clone(),
            torn: false,
            failed: false,
        }
    }

    /// A line of the snapshot: kept when it is of the heads, which the snapshot
    /// writes as `    heads: [` … `    ],` (a merge with conflicts left them).
    fn snapshot(&mut self, line: &[u8]) {
        let Ok(text) = std::str::from_utf8(line) else {
            return;
        };
        if !self.in_heads && text.trim_end() == "    heads: [" {
            self.in_heads = true;
            self.heads_text.push('[');
            return;
        }
        if self.in_heads {
            if text.trim_end() == "    ]," || text.trim_end() == "    ]" {
                self.in_heads = false;
                self.heads_text.push(']');
            } else {
                self.heads_text.push_str(text);
            }
        }
    }

    fn take(&mut self, line: &[u8], journal: bool) -> Result<(), StoreError> {
        let Ok(text) = std::str::from_utf8(line) else {
            self.failed = true;
            return Ok(());
        };
        let text = text.trim_end_matches('\n');
        if text.trim().is_empty() {
            return Ok(());
        }
        if journal && text.starts_with(take_in::LINE_START) {
            match ron::from_str::<TakenIn>(text) {
                Ok(record) => {
                    for event in &record.taken {
                        let id = merge::identity(event);
                        if self.ids.contains(&id) {
                            self.view.known.insert(id);
                        }
                    }
                    self.view.saw_taken(&record);
                }
                Err(_) => self.failed = true,
            }
            return Ok(());
        }
        if self.lengths.contains(&text.len()) && self.ids.contains(text) {
            self.view.known.insert(text.to_string());
        }
        let signing =
            journal && (text.contains("change:SignOff(") || text.contains("change:Reopen("));
        if !signing && !self.needles.iter().any(|n| text.contains(n.as_str())) {
            return Ok(());
        }
        let Ok(event) = ron::from_str::<Event>(text) else {
            self.failed = true;
            return Ok(());
        };
        match &event.change {
            Change::SignOff { by, .. } => self.signed_by = Some(by.clone()),
            Change::Reopen { .. } => self.signed_by = None,
            _ => {}
        }
        self.view.saw(text.to_string(), event);
        Ok(())
    }
}

/// Appends the merge to the journal, after its last whole line, and fsyncs.
fn append(path: &Path, end: u64, record: &TakenIn) -> Result<(), StoreError> {
    let mut text = ron::to_string(record)
        .map_err(|e| crate::error::FileError::new(path, None, crate::error::Problem::Ron(e)))?;
    text.push('\n');
    let mut file = OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(io_error(path))?;
    file.seek(SeekFrom::Start(end))
        .and_then(|_| file.write_all(text.as_bytes()))
        .and_then(|_| file.sync_data())
        .map_err(io_error(path))
}
