//! Several writers of one round in one (shared) folder. The first to open a round
//! writes the session file's journal (`main`); each other auditor, on each laptop,
//! writes a journal of their own beside it, `ID.<writer>.journal`, locked by
//! `ID.<writer>.lock`. Every copy reads every journal as it grows and takes the
//! others' changes in as a merge would: a change replaces the values its writer had
//! seen, and two changes of one place made without seeing each other are a conflict
//! (the session's heads). What a writer had seen is written in its journal before its
//! changes, as a `(seen:{journal: bytes, …})` line; a change is taken in only once
//! everything it had seen is, so every copy comes to the same round.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::fs::{self, File};
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::layout::{SEEN_START, read_session_lazily, read_snapshot};
use crate::merge::{self, Place};
use crate::session::{Event, Session};
use crate::take_in::{self, TakenIn};

/// The name the session file's own journal goes by in `seen` lines.
pub(crate) const MAIN: &str = "main";

/// How far a writer had read each other journal (bytes) when it wrote what follows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SeenLine {
    pub seen: BTreeMap<String, u64>,
}

/// A writer's name in file names: the auditor and the laptop, with what no file
/// system takes in a name (Windows' `< > : " / \ | ? *`, controls, spaces, dots at
/// the ends) made `_`.
pub(crate) fn writer_key(actor: &str) -> String {
    let host = gethostname::gethostname().to_string_lossy().into_owned();
    let raw = format!("{actor}@{host}");
    let key: String = raw
        .chars()
        .map(|c| {
            if c.is_control() || c.is_whitespace() || "<>:\"/\\|?*.".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    key.chars().take(80).collect()
}

pub(crate) fn journal_path(dir: &Path, id: &str, key: &str) -> PathBuf {
    dir.join(format!("{id}.{key}.journal"))
}

/// Held while the journals are folded, and while a writer starts beside them.
pub(crate) fn fold_lock_path(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{id}.fold.lock"))
}

pub(crate) fn lock_path(dir: &Path, id: &str, key: &str) -> PathBuf {
    dir.join(format!("{id}.{key}.lock"))
}

/// The writers' journals of round `id` in `dir` (file names), in name order.
pub(crate) fn side_journals(dir: &Path, id: &str) -> Vec<String> {
    let prefix = format!("{id}.");
    let mut names: Vec<String> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.starts_with(&prefix) && n.ends_with(".journal"))
        .collect();
    names.sort();
    names
}

/// The first two lines of a file (a session file's first line and summary).
fn head(path: &Path) -> Vec<u8> {
    let Ok(file) = File::open(path) else {
        return Vec::new();
    };
    let mut reader = std::io::BufReader::new(file);
    let mut bytes = Vec::new();
    for _ in 0..2 {
        if std::io::BufRead::read_until(&mut reader, b'\n', &mut bytes).is_err() {
            break;
        }
    }
    bytes
}

/// A journal line.
#[derive(Debug, Clone)]
enum Line {
    Seen(BTreeMap<String, u64>),
    Event(Event),
    Taken(TakenIn),
}

fn parse(line: &str) -> Option<Line> {
    if line.starts_with(SEEN_START) {
        ron::from_str::<SeenLine>(line)
            .ok()
            .map(|s| Line::Seen(s.seen))
    } else if line.starts_with(take_in::LINE_START) {
        ron::from_str::<TakenIn>(line).ok().map(Line::Taken)
    } else {
        ron::from_str::<Event>(line).ok().map(Line::Event)
    }
}

/// A change waiting to be taken in: where its line ends, what its writer had seen.
#[derive(Debug, Clone)]
struct Entry {
    end: u64,
    seen: BTreeMap<String, u64>,
    line: Line,
}

/// One journal being read.
#[derive(Debug)]
struct Followed {
    path: PathBuf,
    /// Bytes read (whole lines only).
    read: u64,
    /// What its writer had seen, as of the last `seen` line read.
    seen: BTreeMap<String, u64>,
    queue: VecDeque<Entry>,
    /// A line that does not read: the journal is read no further.
    damaged: bool,
}

impl Followed {
    fn new(path: PathBuf, from: u64) -> Followed {
        Followed {
            path,
            read: from,
            seen: BTreeMap::new(),
            queue: VecDeque::new(),
            damaged: false,
        }
    }

    /// Reads the whole lines appended since, into the queue. A torn last line (a
    /// writer killed mid-line, or still writing) is left for the next look.
    fn read_more(&mut self) -> bool {
        if self.damaged {
            return false;
        }
        let Ok(mut file) = File::open(&self.path) else {
            return false;
        };
        let len = file.metadata().map_or(0, |m| m.len());
        if len <= self.read {
            return false;
        }
        let mut bytes = Vec::new();
        if file
            .seek(SeekFrom::Start(self.read))
            .and_then(|_| file.read_to_end(&mut bytes))
            .is_err()
        {
            return false;
        }
        let whole = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let mut at = self.read;
        let mut more = false;
        for raw in bytes[..whole].split_inclusive(|&b| b == b'\n') {
            let start = at;
            at += raw.len() as u64;
            let text = String::from_utf8_lossy(raw);
            let text = text.trim_end_matches(['\n', '\r']);
            if text.trim().is_empty() {
                self.read = at;
                continue;
            }
            match parse(text) {
                Some(Line::Seen(seen)) => self.seen = seen,
                Some(line) => {
                    self.queue.push_back(Entry {
                        end: at,
                        seen: self.seen.clone(),
                        line,
                    });
                    more = true;
                }
                None => {
                    let _ = start;
                    self.damaged = true;
                    break;
                }
            }
            self.read = at;
        }
        more
    }
}

/// A value of a place written by a change of a journal (at the byte its line ends);
/// "" for the folded history, which every writer has seen.
#[derive(Debug, Clone)]
struct Head {
    journal: String,
    end: u64,
    event: Event,
}

/// The journals of a round followed by one copy, and the heads of the places their
/// changes wrote.
#[derive(Debug)]
pub(crate) struct Shared {
    dir: PathBuf,
    id: String,
    /// The journal this copy writes (MAIN, a writer's file name), if it writes.
    own: Option<String>,
    /// The same, also while loading (when its own journal is read like the others'):
    /// only its own moves of the cursor are taken in.
    mine: Option<String>,
    journals: BTreeMap<String, Followed>,
    /// How far each journal has been taken in: what this copy has seen.
    taken: BTreeMap<String, u64>,
    /// The last `seen` written to this copy's journal.
    said: BTreeMap<String, u64>,
    live: HashMap<Place, Vec<Head>>,
    /// Changes of others taken in since `news` was last asked.
    news: Vec<Event>,
    /// The session file's first two lines (its summary) when read: a fold writes
    /// others, and a copy that reads only must then read the file again.
    main_head: Vec<u8>,
}

impl Shared {
    /// A copy that has read every journal there is (none beside the session file's,
    /// which this copy writes): those started later are found by `follow`.
    pub(crate) fn empty(dir: &Path, id: &str, own: &str) -> Shared {
        Shared {
            dir: dir.to_path_buf(),
            id: id.to_string(),
            own: Some(own.to_string()),
            mine: Some(own.to_string()),
            journals: BTreeMap::new(),
            taken: BTreeMap::new(),
            said: BTreeMap::new(),
            live: HashMap::new(),
            news: Vec::new(),
            main_head: Vec::new(),
        }
    }

    /// Reads round `id` whole: the snapshot, then every journal (the session file's
    /// and the writers'), each change taken in once all it had seen is. `own`: the
    /// journal this copy will write, which is then read no further. Also gives the
    /// bytes of whole lines of that journal, where its next line goes.
    pub(crate) fn load(
        dir: &Path,
        id: &str,
        own: Option<&str>,
    ) -> Result<(Session, Shared, u64), StoreError> {
        let main = dir.join(format!("{id}.ron"));
        // Taken before reading: a fold landing in between then shows as replaced.
        let main_head = head(&main);
        let (mut session, journal_at) = match read_snapshot(&main)? {
            Some(read) => read,
            // A file in an older layout: its journal counts as folded.
            None => {
                let read = read_session_lazily(&main)?;
                (read.session, read.good_len)
            }
        };
        let mut journals = BTreeMap::new();
        journals.insert(MAIN.to_string(), Followed::new(main, journal_at));
        for name in side_journals(dir, id) {
            journals.insert(name.clone(), Followed::new(dir.join(&name), 0));
        }
        // While loading, this copy's own journal is read like the others'.
        let mut shared = Shared {
            dir: dir.to_path_buf(),
            id: id.to_string(),
            own: None,
            mine: own.map(str::to_string),
            journals,
            taken: BTreeMap::new(),
            said: BTreeMap::new(),
            live: HashMap::new(),
            news: Vec::new(),
            main_head,
        };
        shared.follow(&mut session);
        shared.news.clear();
        let end = own
            .and_then(|o| shared.journals.remove(o))
            .map_or(0, |f| f.read);
        if let Some(own) = own {
            shared.taken.remove(own);
        }
        shared.said = shared.taken.clone();
        shared.own = own.map(str::to_string);
        Ok((session, shared, end))
    }

    /// Reads what the journals gained since and takes in every change whose writer's
    /// seen lines allow; true when something was taken in.
    pub(crate) fn follow(&mut self, session: &mut Session) -> bool {
        // Journals started since (a writer who opened the round meanwhile).
        for name in side_journals(&self.dir, &self.id) {
            if Some(&name) != self.own.as_ref() && !self.journals.contains_key(&name) {
                let path = self.dir.join(&name);
                self.journals.insert(name, Followed::new(path, 0));
            }
        }
        for followed in self.journals.values_mut() {
            followed.read_more();
        }
        let mut any = false;
        loop {
            let mut progressed = false;
            let names: Vec<String> = self.journals.keys().cloned().collect();
            for name in names {
                while let Some(entry) = self.next_ready(&name) {
                    self.take(session, &name, entry);
                    progressed = true;
                }
            }
            if !progressed {
                return any;
            }
            any = true;
        }
    }

    /// The next change of journal `name`, if everything its writer had seen is taken in.
    fn next_ready(&mut self, name: &str) -> Option<Entry> {
        let ready = self
            .journals
            .get(name)?
            .queue
            .front()
            .is_some_and(|e| self.may_take(e));
        if ready {
            self.journals.get_mut(name)?.queue.pop_front()
        } else {
            None
        }
    }

    /// True when everything the entry's writer had seen is taken in here.
    fn may_take(&self, entry: &Entry) -> bool {
        entry.seen.iter().all(|(journal, &at)| {
            self.own.as_deref() == Some(journal.as_str())
                || !self.journals.contains_key(journal)
                || self.taken.get(journal).copied().unwrap_or(0) >= at
        })
    }

    /// Takes in one change of journal `name`, as a merge would.
    fn take(&mut self, session: &mut Session, name: &str, entry: Entry) {
        self.taken.insert(name.to_string(), entry.end);
        let event = match entry.line {
            Line::Event(event) => event,
            Line::Taken(record) => {
                for kept in &record.heads {
                    if let Some(place) = kept.first().and_then(|e| Place::of(&e.change)) {
                        self.live.remove(&place);
                    }
                }
                let _ = take_in::replay(session, record);
                return;
            }
            Line::Seen(_) => return,
        };
        // A change this round refuses (a department it lacks, a signed round) is
        // left out, as recording it would have been.
        if session.fits(&event.change).is_err()
            || (event.change.edits() && session.editable().is_err())
        {
            return;
        }
        let Some(place) = Place::of(&event.change) else {
            // Moves of the others' cursors are theirs; sign-offs and reopens apply.
            let moves = matches!(event.change, crate::session::Change::Move(_));
            if !moves {
                let _ = session.apply(event.clone());
                self.news.push(event);
            } else if self.mine.as_deref() == Some(name) {
                let _ = session.apply(event);
            }
            return;
        };
        let heads = (self.live)
            .entry(place.clone())
            .or_insert_with(|| folded_heads(session, &place));
        let seen = |h: &Head| {
            h.journal.is_empty()
                || h.journal == name
                || entry.seen.get(&h.journal).is_some_and(|&at| at >= h.end)
        };
        heads.retain(|h| !seen(h));
        heads.push(Head {
            journal: name.to_string(),
            end: entry.end,
            event: event.clone(),
        });
        let key = |h: &Head| {
            (
                h.event.time(),
                h.event.by.clone(),
                merge::identity(&h.event),
            )
        };
        heads.sort_by_key(key);
        let winner = heads.last().map(|h| h.event.clone());
        let listed: Vec<Event> = heads.iter().map(|h| h.event.clone()).collect();
        if let Some(winner) = winner {
            let _ = session.apply_value(&winner);
        }
        show_heads(session, &place, listed);
        session.saw(&event);
        let before = |a: &Event, b: &Event| {
            (a.time().cmp(&b.time()))
                .then_with(|| a.by.cmp(&b.by))
                .then_with(|| merge::identity(a).cmp(&merge::identity(b)))
                .is_lt()
        };
        session.history.insert_ordered(event.clone(), before);
        self.news.push(event);
    }

    /// A change this copy recorded in its own journal, its line ending at `end`: it
    /// replaces every value of its place this copy has seen.
    pub(crate) fn recorded(&mut self, event: &Event, end: u64) {
        if let (Some(place), Some(own)) = (Place::of(&event.change), &self.own) {
            let head = Head {
                journal: own.clone(),
                end,
                event: event.clone(),
            };
            self.live.insert(place, vec![head]);
        }
    }

    /// The `seen` line to write before this copy's next change, when it has taken in
    /// more since the last one written (`said`).
    pub(crate) fn seen_line(&self) -> Option<String> {
        if self.taken == self.said {
            return None;
        }
        let line = SeenLine {
            seen: self.taken.clone(),
        };
        ron::to_string(&line).ok().map(|mut l| {
            l.push('\n');
            l
        })
    }

    /// True when the session file was replaced by a fold since it was read: a copy
    /// that reads only then reads the round again (`load`).
    pub(crate) fn main_replaced(&self) -> bool {
        let main = self.dir.join(format!("{}.ron", self.id));
        !self.main_head.is_empty() && head(&main) != self.main_head
    }

    /// The `seen` line is on disk.
    pub(crate) fn said(&mut self) {
        self.said = self.taken.clone();
    }

    /// The others' changes taken in since last asked.
    pub(crate) fn news(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.news)
    }

    /// Journals with a line that does not read: named, read no further, never written.
    pub(crate) fn damaged(&self) -> Vec<PathBuf> {
        self.journals
            .values()
            .filter(|f| f.damaged)
            .map(|f| f.path.clone())
            .collect()
    }

    /// The writers' journals (file names) this copy has read.
    pub(crate) fn side_names(&self) -> Vec<String> {
        self.journals
            .keys()
            .filter(|n| n.as_str() != MAIN)
            .cloned()
            .collect()
    }
}

/// The heads of `place` as the snapshot has them (a merge's conflict), which every
/// writer had seen.
fn folded_heads(session: &Session, place: &Place) -> Vec<Head> {
    let folded = (session.heads.iter())
        .find(|h| h.first().and_then(|e| Place::of(&e.change)).as_ref() == Some(place));
    folded
        .into_iter()
        .flatten()
        .map(|e| Head {
            journal: String::new(),
            end: 0,
            event: e.clone(),
        })
        .collect()
}

/// The session's heads of `place` made `listed` (none when one is left), in place
/// order as a merge leaves them.
fn show_heads(session: &mut Session, place: &Place, listed: Vec<Event>) {
    let place_of = |h: &Vec<Event>| h.first().and_then(|e| Place::of(&e.change));
    session
        .heads
        .retain(|h| place_of(h).as_ref() != Some(place));
    if listed.len() > 1 {
        session.heads.push(listed);
        session.heads.sort_by_key(place_of);
    }
}
