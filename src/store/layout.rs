//! The layout of a session file, all plain text:
//!
//! ```text
//! // kansa session
//! // summary (summary:(id:…, title:…, answered:…, …), folded:1234)
//! (format: 1, id: …, hearings: [ … ])        the snapshot, pretty RON, no history
//! // history
//! (at:…, by:…, change:Mark(…))               one RON event a line, oldest first
//! // journal
//! (at:…, by:…, change:Note(…))               appended since the last fold
//! ```
//!
//! The summary is what `kansa list` shows, true as of the last fold; `folded` is the
//! length of everything after its line, so a reader knows where the journal began and
//! reads only what was appended since. The history is kept out of the snapshot so that
//! opening a round reads it as text and parses none of it, and a fold copies it
//! as it was. Files written before the history section (history inside the snapshot,
//! no summary) still read; the next fold writes them in this layout.

use std::fs;
use std::ops::Range;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::error::{StoreError, refused};
use crate::error::{FileError, Position, Problem};
use crate::session::{self, Event, History, Session, Timestamp};
use crate::take_in::{self, TakenIn};

pub(crate) const FIRST_LINE: &str = "// kansa session\n";
/// The first characters of a journal line saying what its writer had seen (`shared`).
pub(crate) const SEEN_START: &str = "(seen:";
pub(crate) const SUMMARY_MARK: &str = "// summary ";
const HISTORY_MARK: &str = "// history";
const JOURNAL_MARK: &str = "// journal";

/// The summary line's value.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Header {
    pub(crate) summary: Summary,
    /// Bytes after the summary line when it was written: the journal starts there.
    pub(crate) folded: u64,
    /// CRC-32 of those bytes: a file edited by hand since is read whole, so that its
    /// errors are reported rather than hidden behind an old summary.
    pub(crate) crc: u32,
    /// The departments' short names and the items' ids, to check journal lines
    /// against without reading the snapshot.
    pub(crate) departments: Vec<String>,
    pub(crate) items: Vec<String>,
    /// Where the history lines start in those bytes, and how many there are: an
    /// unchanged file (the crc) is opened without searching or counting them. Absent
    /// from files written before; they are then searched.
    #[serde(default)]
    pub(crate) history_at: Option<u64>,
    #[serde(default)]
    history_lines: usize,
    /// What a merge of a part checks without parsing the snapshot (`take_in`): the
    /// round's creation time, a CRC-32 of its checklist's RON. Absent from files
    /// written before; a merge then reads the round whole.
    #[serde(default)]
    pub(crate) created: Option<Timestamp>,
    #[serde(default)]
    pub(crate) checklist: Option<u32>,
    /// A CRC-32 of the round's other checklists' RON (`extras_crc`); absent from a
    /// one-checklist round's file, as from files written before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) extras: Option<u32>,
}

/// The CRC-32 of a checklist's RON: a part of the same round has the same.
pub(crate) fn checklist_crc(checklist: &crate::checklist::Checklist) -> Option<u32> {
    ron::to_string(checklist)
        .ok()
        .map(|text| crc32fast::hash(text.as_bytes()))
}

/// The CRC-32 of a round's other checklists' RON; None for a round of one checklist.
pub(crate) fn extras_crc(extra: &[crate::checklist::Checklist]) -> Option<u32> {
    if extra.is_empty() {
        return None;
    }
    ron::to_string(extra)
        .ok()
        .map(|text| crc32fast::hash(text.as_bytes()))
}

/// The whole session as the text of a fresh file with an empty journal. A failure is
/// returned, never written: an empty snapshot would replace the session with nothing.
pub(crate) fn snapshot_text(session: &Session, path: &Path) -> Result<String, StoreError> {
    let ron_error = |e| FileError::new(path, None, Problem::Ron(e));
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .struct_names(false);
    let mut rest = ron::ser::to_string_pretty(session, config).map_err(ron_error)?;
    rest.push('\n');
    rest.push_str(HISTORY_MARK);
    rest.push('\n');
    let history_at = rest.len() as u64;
    session.history.write_lines(&mut rest).map_err(ron_error)?;
    rest.push_str(JOURNAL_MARK);
    rest.push('\n');
    let header = Header {
        summary: summary(session),
        folded: rest.len() as u64,
        crc: crc32fast::hash(rest.as_bytes()),
        departments: session
            .hearings
            .iter()
            .map(|h| h.department.short.clone())
            .collect(),
        items: session
            .checklist
            .items()
            .map(|(_, i)| i.id.clone())
            .collect(),
        history_at: Some(history_at),
        history_lines: session.history.len(),
        created: Some(session.created),
        checklist: checklist_crc(&session.checklist),
        extras: extras_crc(&session.extra),
    };
    let line = ron::to_string(&header).map_err(ron_error)?;
    let mut text = String::with_capacity(rest.len() + line.len() + 40);
    text.push_str(FIRST_LINE);
    text.push_str(SUMMARY_MARK);
    text.push_str(&line);
    text.push('\n');
    text.push_str(&rest);
    Ok(text)
}

pub(crate) struct ReadSession {
    pub session: Session,
    pub journal_lines: usize,
    /// Bytes up to the end of the last whole journal line.
    pub good_len: u64,
    /// The file ended in an incomplete line: an append cut short by a crash, never
    /// reported as saved.
    pub torn: bool,
    /// The file is in the current layout (summary, history section): a fold would
    /// only move the journal.
    pub current: bool,
}

/// Reads a session, every history line parsed and checked.
pub(crate) fn read_session(path: &Path) -> Result<ReadSession, FileError> {
    let bytes = fs::read(path).map_err(|e| FileError::cannot_read(path, &e))?;
    parse_session(session_text(&bytes, path)?, path, false)
}

/// Reads a session to work on it: the history section is kept as text, parsed only
/// if asked for.
pub(crate) fn read_session_lazily(path: &Path) -> Result<ReadSession, FileError> {
    let bytes = fs::read(path).map_err(|e| FileError::cannot_read(path, &e))?;
    parse_lazily(bytes, path)
}

pub(crate) fn parse_bytes(bytes: &[u8], path: &Path, lazy: bool) -> Result<ReadSession, FileError> {
    if lazy {
        parse_lazily(bytes.to_vec(), path)
    } else {
        parse_session(session_text(bytes, path)?, path, false)
    }
}

fn parse_lazily(bytes: Vec<u8>, path: &Path) -> Result<ReadSession, FileError> {
    match folded(&bytes) {
        Some(folded) if folded.history.is_some() => read_folded(bytes, folded, path),
        _ => parse_session(session_text(&bytes, path)?, path, true),
    }
}

/// Where the parts lie of a file that is, up to its journal, byte for byte as its last
/// fold wrote it: the summary line's header says, and its checksum vouches for it.
pub(crate) struct Folded {
    pub(crate) header: Header,
    snapshot: Range<usize>,
    /// None for a file written before the header gave the history's place.
    history: Option<Range<usize>>,
    pub(crate) journal_at: usize,
}

/// The parts of `bytes` as the summary line gives them; None when the file has no
/// summary line or was changed since it was folded: it is then searched and read whole,
/// so that its errors are reported rather than hidden behind an old summary.
pub(crate) fn folded(bytes: &[u8]) -> Option<Folded> {
    let first = bytes.iter().position(|&b| b == b'\n')?;
    let second = first + 1 + bytes[first + 1..].iter().position(|&b| b == b'\n')?;
    let head = std::str::from_utf8(&bytes[..second]).ok()?;
    let line = head.strip_prefix(FIRST_LINE)?.strip_prefix(SUMMARY_MARK)?;
    let header: Header = ron::from_str(line).ok()?;
    let rest_at = second + 1;
    let journal_at = usize::try_from(header.folded).ok()?.checked_add(rest_at)?;
    if crc32fast::hash(bytes.get(rest_at..journal_at)?) != header.crc {
        return None;
    }
    let history_end = journal_at.checked_sub(JOURNAL_MARK.len() + 1)?;
    let history_start = header
        .history_at
        .and_then(|at| rest_at.checked_add(usize::try_from(at).ok()?))
        .filter(|&start| {
            start <= history_end
                && mark_ends_at(bytes, HISTORY_MARK, start)
                && mark_ends_at(bytes, JOURNAL_MARK, journal_at)
        });
    let snapshot_end = history_start.map_or(rest_at, |start| start - HISTORY_MARK.len() - 1);
    Some(Folded {
        header,
        snapshot: rest_at..snapshot_end,
        history: history_start.map(|start| start..history_end),
        journal_at,
    })
}

/// The line `mark` ends at byte `at` of `bytes`.
fn mark_ends_at(bytes: &[u8], mark: &str, at: usize) -> bool {
    at.checked_sub(mark.len() + 1)
        .and_then(|start| bytes.get(start..at))
        .is_some_and(|line| line.starts_with(mark.as_bytes()) && line.ends_with(b"\n"))
}

/// The snapshot and folded history of a session file in the current layout, and
/// where its journal starts; None for a file in an older layout (or changed by hand
/// since its fold), whose journal counts as folded. The journal is left to the caller
/// (`shared`), which takes it in with the writers' journals.
pub(crate) fn read_snapshot(path: &Path) -> Result<Option<(Session, u64)>, FileError> {
    let bytes = fs::read(path).map_err(|e| FileError::cannot_read(path, &e))?;
    let Some(folded) = folded(&bytes).filter(|f| f.history.is_some()) else {
        return Ok(None);
    };
    let snapshot = session_text(&bytes[folded.snapshot.clone()], path)?;
    let mut session = parse_snapshot(snapshot, path, 2)?;
    let journal_at = folded.journal_at as u64;
    let history = folded.history.unwrap_or_default();
    session.history = History::unread(bytes, history, folded.header.history_lines);
    Ok(Some((session, journal_at)))
}

/// Reads a file its summary line vouches for: the snapshot parsed, the journal applied,
/// the history lines kept as the bytes read, neither searched, checked nor copied.
fn read_folded(bytes: Vec<u8>, folded: Folded, path: &Path) -> Result<ReadSession, FileError> {
    // The snapshot starts on the file's third line, after the first and the summary.
    let snapshot = session_text(&bytes[folded.snapshot.clone()], path)?;
    let mut session = parse_snapshot(snapshot, path, 2)?;
    let lines_before = || line_of(&bytes, folded.journal_at);
    let journal = session_text(&bytes[folded.journal_at..], path)
        .map_err(|e| e.moved_down(lines_before()))?;
    let journal = apply_journal(&mut session, journal, path, lines_before)?;
    let recent = std::mem::take(&mut session.history);
    let history = folded.history.unwrap_or_default();
    session.history = History::unread(bytes, history, folded.header.history_lines);
    session.history.extend(recent.iter().cloned());
    Ok(ReadSession {
        session,
        journal_lines: journal.lines,
        good_len: (folded.journal_at + journal.good) as u64,
        torn: journal.torn,
        current: true,
    })
}

/// The text of a session file. A file that ends inside a character is read up to it:
/// a crash in the middle of appending a Japanese note leaves that, and the torn line
/// is then dropped like any other; a cut snapshot fails to parse where it was cut.
pub(crate) fn session_text<'a>(bytes: &'a [u8], path: &Path) -> Result<&'a str, FileError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            if e.error_len().is_none() {
                return Ok(valid);
            }
            let position = Position::of_offset(valid, valid.len());
            Err(FileError::new(path, Some(position), Problem::NotUtf8))
        }
    }
}

/// The parts of a session file's text: snapshot, history lines, journal lines (and
/// where the journal starts).
struct Parts<'a> {
    snapshot: &'a str,
    history: &'a str,
    history_at: usize,
    journal: &'a str,
    journal_at: usize,
}

fn parts(text: &str) -> Parts<'_> {
    // Neither mark can be taken for a line of the snapshot or an event: RON writes a
    // newline in a string as `\n`, so a line holding only the mark is the mark.
    let (before, journal_at) = match mark_line(text, JOURNAL_MARK, true) {
        Some((start, end)) => (&text[..start], end),
        None => (text, text.len()),
    };
    let (snapshot, history_at) = match mark_line(before, HISTORY_MARK, false) {
        Some((start, end)) => (&text[..start], end),
        None => (before, before.len()),
    };
    Parts {
        snapshot,
        history: &text[history_at..before.len()],
        history_at,
        journal: &text[journal_at..],
        journal_at,
    }
}

/// The first (or last) line of `text` that holds `mark` and only blanks besides: where
/// it starts and where the next line starts.
fn mark_line(text: &str, mark: &str, last: bool) -> Option<(usize, usize)> {
    let alone = |&(at, _): &(usize, &str)| {
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let blank = |s: &str| s.trim().is_empty();
        (blank(&text[start..at]) && blank(&text[at + mark.len()..end])).then_some((start, end))
    };
    if last {
        text.rmatch_indices(mark).find_map(|m| alone(&m))
    } else {
        text.match_indices(mark).find_map(|m| alone(&m))
    }
}

/// History lines as the fold writes them: one event a line, no blank lines. A file
/// edited by hand into another shape is read line by line at once instead.
fn plain(history: &str) -> bool {
    !history.starts_with(char::is_whitespace)
        && !["\n\n", "\n ", "\n\t", "\r"]
            .iter()
            .any(|s| history.contains(s))
}

/// The snapshot, parsed; `first_line` is the file's line it starts after.
fn parse_snapshot(snapshot: &str, path: &Path, first_line: usize) -> Result<Session, FileError> {
    let session: Session =
        ron::from_str(snapshot).map_err(|e| FileError::from_ron(path, &e, snapshot, first_line))?;
    if session.format != session::FORMAT {
        let problem = Problem::SessionFormat {
            expected: session::FORMAT,
            found: session.format,
        };
        let position = Position::of_nth(snapshot, "format", 0);
        return Err(FileError::new(path, position, problem).moved_down(first_line));
    }
    snapshot_events_fit(&session, snapshot, path).map_err(|e| e.moved_down(first_line))?;
    Ok(session)
}

/// How many lines end before byte `offset` of `bytes`.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset].iter().filter(|&&b| b == b'\n').count()
}

fn parse_session(text: &str, path: &Path, lazy: bool) -> Result<ReadSession, FileError> {
    let parts = parts(text);
    let mut session = parse_snapshot(parts.snapshot, path, 0)?;
    if lazy && session.history.is_empty() && plain(parts.history) {
        session.history = History::unparsed(parts.history.to_string());
    } else {
        let first_line = line_of(text.as_bytes(), parts.history_at);
        for (index, line) in parts.history.split_inclusive('\n').enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let event = ron::from_str::<Event>(line)
                .map_err(|e| FileError::from_ron(path, &e, line, first_line + index))?;
            session.fits(&event.change).map_err(|e| {
                let position = Position {
                    line: first_line + index + 1,
                    column: 1,
                };
                FileError::new(path, Some(position), refused(&e))
            })?;
            session.history.push(event);
        }
    }
    let current = text.starts_with(FIRST_LINE)
        && text[FIRST_LINE.len()..].starts_with(SUMMARY_MARK)
        && parts.history_at <= parts.journal_at;
    let lines_before = || line_of(text.as_bytes(), parts.journal_at);
    let journal = apply_journal(&mut session, parts.journal, path, lines_before)?;
    Ok(ReadSession {
        session,
        journal_lines: journal.lines,
        good_len: (parts.journal_at + journal.good) as u64,
        torn: journal.torn,
        current,
    })
}

/// Refuses a change held in the snapshot (a head left by a merge, or the history of
/// a file written before the history section) that does not fit the session, at its
/// time in the text: a merge would otherwise refuse the file without saying where.
fn snapshot_events_fit(session: &Session, snapshot: &str, path: &Path) -> Result<(), FileError> {
    let events = session.history.iter().chain(session.heads.iter().flatten());
    for event in events {
        if let Err(e) = session.fits(&event.change) {
            let position = Position::of_field(snapshot, "at", &event.at, 0)
                .or_else(|| Position::of_nth(snapshot, "heads", 0));
            return Err(FileError::new(path, position, refused(&e)));
        }
    }
    Ok(())
}

/// A journal line: a change, or a merge of a part (`take_in`).
enum Line {
    Event(Event),
    Taken(TakenIn),
}

/// What applying journal lines came to.
pub(crate) struct Applied {
    pub lines: usize,
    /// Bytes of whole lines applied.
    pub good: usize,
    pub torn: bool,
}

/// Applies the journal lines of `journal` (which starts at byte `at` of `text`). An
/// incomplete last line is a torn append, left out; any other bad line is an error.
fn apply_journal(
    session: &mut Session,
    journal: &str,
    path: &Path,
    lines_before: impl Fn() -> usize,
) -> Result<Applied, FileError> {
    let line_at = |good: usize| lines_before() + line_of(journal.as_bytes(), good);
    let mut applied = Applied {
        lines: 0,
        good: 0,
        torn: false,
    };
    for line in journal.split_inclusive('\n') {
        let whole = line.ends_with('\n');
        if line.trim().is_empty() {
            applied.good += if whole { line.len() } else { 0 };
            continue;
        }
        // What its writer had seen (`shared`): for the others' copies, not a change.
        if whole && line.starts_with(SEEN_START) {
            applied.good += line.len();
            continue;
        }
        let parsed = if line.starts_with(take_in::LINE_START) {
            ron::from_str::<TakenIn>(line).map(Line::Taken)
        } else {
            ron::from_str::<Event>(line).map(Line::Event)
        };
        let entry = match parsed {
            Ok(entry) => entry,
            Err(_) if !whole => {
                applied.torn = true;
                break;
            }
            Err(e) => {
                return Err(FileError::from_ron(path, &e, line, line_at(applied.good)));
            }
        };
        let result = match entry {
            Line::Event(event) => session.apply(event),
            Line::Taken(record) => take_in::replay(session, record),
        };
        if let Err(e) = result {
            let position = Position {
                line: line_at(applied.good) + 1,
                column: 1,
            };
            return Err(FileError::new(path, Some(position), refused(&e)));
        }
        applied.good += line.len();
        applied.lines += 1;
    }
    Ok(applied)
}

/// Which file this is (a fold replaces a session file with a new one), where the
/// platform tells.
pub(crate) fn identity(metadata: &fs::Metadata) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((metadata.dev(), metadata.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = metadata;
        None
    }
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

/// "answered" when every cell is, and there is at least one: a round with nothing to
/// hear (a part cut to no department) is never called answered.
pub(crate) fn unsigned_status(answered: usize, cells: usize) -> &'static str {
    if cells > 0 && answered == cells {
        "answered"
    } else {
        "open"
    }
}

pub(crate) fn summary(session: &Session) -> Summary {
    let signed = session.signed.as_ref();
    Summary {
        id: session.id.clone(),
        title: session.facts.title.clone(),
        date: session.facts.date,
        status: match signed {
            Some(_) => "signed",
            None => unsigned_status(session.answered_count(), session.cell_count()),
        }
        .into(),
        answered: session.answered_count(),
        cells: session.cell_count(),
        last_change: session.last_change(),
        signed_by: signed.map(|s| s.by.clone()),
        signed_at: signed.map(|s| s.at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
