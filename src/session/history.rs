//! A session's history of changes. Most of it is read from the history section of a
//! session file and is rarely looked at (`kansa history`, reports of who did what), so
//! it can stay unparsed text until asked for: opening a round with 50,000 changes then
//! costs reading their bytes, not parsing them.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::change::Event;
use super::time::Timestamp;

/// The history, oldest first: the events read from the file as unparsed lines (if
/// any), then the events applied since.
#[derive(Clone, Default)]
pub struct History {
    earlier: Option<Arc<Earlier>>,
    recent: Vec<Event>,
}

/// History lines kept as text, one RON event a line, each ending in a newline: the
/// bytes `range` of `buffer` (the file as read, so that opening copies none of it).
struct Earlier {
    buffer: Vec<u8>,
    range: Range<usize>,
    count: usize,
    last: Option<Event>,
    parsed: OnceLock<Vec<Event>>,
}

impl Earlier {
    /// The events, parsed once on first use. A line that does not parse is left out:
    /// a strict read (`Store::load`) reports it with its place.
    fn events(&self) -> &[Event] {
        self.parsed.get_or_init(|| {
            self.text()
                .lines()
                .filter_map(|line| ron::from_str(line).ok())
                .collect()
        })
    }

    /// The lines as text. They are whole lines of valid UTF-8 (see `History::unread`);
    /// were they not, the bad bytes would be kept visible rather than panic.
    fn text(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(&self.buffer[self.range.clone()])
    }
}

impl History {
    /// History lines as read from a file (`text`: whole lines of RON events), left
    /// unparsed but for the last, which gives the time of the last change.
    pub fn unparsed(text: String) -> History {
        let count = text.lines().count();
        let range = 0..text.len();
        History::unread(text.into_bytes(), range, count)
    }

    /// History lines that are the bytes `range` of `buffer`, `count` of them: whole
    /// lines of UTF-8, as a fold wrote them (the caller has checked that, e.g. by the
    /// file's checksum). Only the last line is parsed, for the time of the last change.
    pub fn unread(buffer: Vec<u8>, range: Range<usize>, count: usize) -> History {
        if range.is_empty() {
            return History::default();
        }
        let lines = &buffer[range.clone()];
        let start = lines[..lines.len() - 1]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let last = std::str::from_utf8(&lines[start..])
            .ok()
            .and_then(|line| ron::from_str(line).ok());
        History {
            earlier: Some(Arc::new(Earlier {
                buffer,
                range,
                count,
                last,
                parsed: OnceLock::new(),
            })),
            recent: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.earlier.as_ref().map_or(0, |e| e.count) + self.recent.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn clear(&mut self) {
        *self = History::default();
    }

    pub fn push(&mut self, event: Event) {
        self.recent.push(event);
    }

    /// Puts `event` where it belongs in an ordered history (`before(a, b)`: a sorts
    /// before b), looking from the end: a change taken in by a merge is mostly among
    /// the latest. The unparsed lines are parsed only when it belongs among them.
    pub fn insert_ordered(&mut self, event: Event, before: impl Fn(&Event, &Event) -> bool) {
        let place = |recent: &[Event]| {
            let mut at = recent.len();
            while at > 0 && before(&event, &recent[at - 1]) {
                at -= 1;
            }
            at
        };
        let mut at = place(&self.recent);
        let among_earlier = at == 0
            && (self.earlier.as_ref())
                .and_then(|e| e.last.as_ref())
                .is_some_and(|last| before(&event, last));
        if among_earlier && let Some(earlier) = self.earlier.take() {
            let mut all = earlier.events().to_vec();
            all.append(&mut self.recent);
            self.recent = all;
            at = place(&self.recent);
        }
        self.recent.insert(at, event);
    }

    /// The last event, without parsing the others.
    pub fn last(&self) -> Option<&Event> {
        self.recent
            .last()
            .or_else(|| self.earlier.as_ref().and_then(|e| e.last.as_ref()))
    }

    /// The time of the last change, if any.
    pub fn last_at(&self) -> Option<Timestamp> {
        self.last().map(|e| e.at)
    }

    /// Every event, oldest first (parsing the unparsed lines on first use).
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Event> {
        let earlier: &[Event] = self.earlier.as_ref().map_or(&[], |e| e.events());
        earlier.iter().chain(self.recent.iter())
    }

    pub fn get(&self, index: usize) -> Option<&Event> {
        let earlier: &[Event] = self.earlier.as_ref().map_or(&[], |e| e.events());
        match index.checked_sub(earlier.len()) {
            None => earlier.get(index),
            Some(i) => self.recent.get(i),
        }
    }

    /// The history as lines of a file's history section: the unparsed text as it was
    /// read (so a fold copies it rather than writing it again), then the rest.
    pub fn write_lines(&self, out: &mut String) -> Result<(), ron::Error> {
        if let Some(earlier) = &self.earlier {
            out.push_str(&earlier.text());
        }
        for event in &self.recent {
            out.push_str(&ron::to_string(event)?);
            out.push('\n');
        }
        Ok(())
    }
}

impl From<Vec<Event>> for History {
    fn from(recent: Vec<Event>) -> History {
        History {
            earlier: None,
            recent,
        }
    }
}

impl std::ops::Index<usize> for History {
    type Output = Event;
    fn index(&self, index: usize) -> &Event {
        match self.get(index) {
            Some(event) => event,
            None => panic!("history index {index} out of range ({})", self.len()),
        }
    }
}

impl PartialEq for History {
    fn eq(&self, other: &History) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl std::fmt::Debug for History {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for History {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for History {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<History, D::Error> {
        Vec::<Event>::deserialize(deserializer).map(History::from)
    }
}

impl Extend<Event> for History {
    fn extend<I: IntoIterator<Item = Event>>(&mut self, events: I) {
        self.recent.extend(events);
    }
}

impl FromIterator<Event> for History {
    fn from_iter<I: IntoIterator<Item = Event>>(events: I) -> History {
        History::from(events.into_iter().collect::<Vec<_>>())
    }
}

impl<'a> IntoIterator for &'a History {
    type Item = &'a Event;
    type IntoIter = Box<dyn DoubleEndedIterator<Item = &'a Event> + 'a>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl History {
    /// Keeps only the events `keep` accepts (a part of a round handed to another
    /// auditor keeps its departments' changes); they are all parsed by then.
    pub fn retain(&mut self, mut keep: impl FnMut(&Event) -> bool) {
        let kept: Vec<Event> = self.iter().filter(|e| keep(e)).cloned().collect();
        *self = History::from(kept);
    }
}
