//! A part merged into a round at the cost of the part: what `merge` would change,
//! worked out from the part and a view of the round that the store gathers without
//! parsing its history (which of the part's changes it has, its last change of each
//! place the part touches, its heads), and kept as one journal line (`TakenIn`) that
//! replays to the very session a whole merge gives.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::merge::{self, Conflict, Known, MergeError, Place};
use crate::session::{Event, Hlc, Refusal, Session, Timestamp};

/// A merge kept as a journal line: `(taken:[…], …)`. Replayed by `replay`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TakenIn {
    /// The changes taken in, in history order: they join the history there.
    pub taken: Vec<Event>,
    /// The heads of every place the merge looked at (one head: no conflict there).
    pub heads: Vec<Vec<Event>>,
    /// The changes whose values the round shows now, in history order.
    pub winners: Vec<Event>,
    /// The time each answer touched is left with.
    pub times: Vec<(String, String, Option<Timestamp>)>,
    /// The greatest hybrid logical time of the copy taken in.
    pub clock: Hlc,
}

/// The first characters of a journal line that holds a `TakenIn`.
pub const LINE_START: &str = "(taken:";

/// What the round holds that a merge of a part needs, gathered by the store.
#[derive(Debug, Default)]
pub struct RoundView {
    /// The identities of the part's changes that the round has.
    pub known: HashSet<String>,
    /// The round's last change of each place of the departments the part holds (and
    /// of the round as a whole), with its identity.
    pub last: HashMap<Place, (String, Event)>,
    /// The round's heads (places left in conflict by earlier merges).
    pub heads: Vec<Vec<Event>>,
}

impl RoundView {
    /// Takes in a change of the round read in history order.
    pub fn saw(&mut self, identity: String, event: Event) {
        let Some(place) = Place::of(&event.change) else {
            return;
        };
        let later = match self.last.get(&place) {
            Some((id, last)) => merge::order(last, id, &event, &identity).is_lt(),
            None => true,
        };
        if later {
            self.last.insert(place, (identity, event));
        }
    }

    /// Takes in a merge the round's journal holds.
    pub fn saw_taken(&mut self, record: &TakenIn) {
        for event in &record.taken {
            self.saw(merge::identity(event), event.clone());
        }
        set_heads(&mut self.heads, &record.heads);
    }
}

/// What merging a part comes to.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// None when the round has every change of the part.
    pub record: Option<TakenIn>,
    pub added: usize,
    /// The round's conflicts after the merge.
    pub conflicts: Vec<Conflict>,
}

/// What merging `part` into the round seen as `view` changes, as `merge::merge` does
/// it. The caller has checked that the part is of this round and checklist, unsigned,
/// and holds no department the round lacks.
pub fn plan(part: &Session, view: &RoundView) -> Result<Plan, MergeError> {
    let known_theirs = Known::of(part);
    let new: Vec<&(String, &Event)> = known_theirs
        .events
        .iter()
        .filter(|(id, _)| !view.known.contains(id))
        .collect();
    if new.is_empty() {
        return Ok(Plan {
            record: None,
            added: 0,
            conflicts: merge::conflicts_in(&view.heads),
        });
    }
    for (_, event) in &new {
        part.fits(&event.change).map_err(MergeError::Damaged)?;
    }
    let places: BTreeSet<Place> = new
        .iter()
        .map(|(_, e)| *e)
        .chain(view.heads.iter().flatten())
        .chain(part.heads.iter().flatten())
        .filter_map(|e| Place::of(&e.change))
        .collect();
    let heads_theirs = merge::heads(part, &known_theirs, &places);
    let heads_ours = ours(view, &places);
    let mut heads = Vec::new();
    let mut winners = Vec::new();
    for place in &places {
        let a = heads_ours.get(place).map_or(&[][..], |h| &h[..]);
        let b = heads_theirs.get(place).map_or(&[][..], |h| &h[..]);
        let kept = merge::join(a, b, &view.known, &known_theirs.ids);
        if let Some((id, winner)) = kept.last()
            && a.last().map(|(head, _)| head) != Some(id)
        {
            winners.push((id.clone(), (*winner).clone()));
        }
        heads.push(kept.into_iter().map(|(_, e)| e.clone()).collect::<Vec<_>>());
    }
    let mut taken: Vec<(String, Event)> = new
        .iter()
        .map(|(id, e)| (id.clone(), (*e).clone()))
        .collect();
    let sort = |events: &mut Vec<(String, Event)>| {
        events.sort_by(|(ia, a), (ib, b)| merge::order(a, ia, b, ib));
    };
    sort(&mut taken);
    sort(&mut winners);
    let times = times(view, &taken);
    let mut after = view.heads.clone();
    set_heads(&mut after, &heads);
    let clock = taken
        .iter()
        .map(|(_, e)| e.time())
        .fold(part.clock, Hlc::max);
    Ok(Plan {
        added: taken.len(),
        conflicts: merge::conflicts_in(&after),
        record: Some(TakenIn {
            taken: taken.into_iter().map(|(_, e)| e).collect(),
            heads,
            winners: winners.into_iter().map(|(_, e)| e).collect(),
            times,
            clock,
        }),
    })
}

/// The round's heads of `places`: those earlier merges left, else its last change.
fn ours<'a>(view: &'a RoundView, places: &BTreeSet<Place>) -> merge::Heads<'a> {
    let mut found: merge::Heads = HashMap::new();
    for place in places {
        if let Some((id, event)) = view.last.get(place) {
            found.insert(place.clone(), vec![(id.clone(), event)]);
        }
    }
    for heads in &view.heads {
        if let Some(place) = heads.first().and_then(|e| Place::of(&e.change)) {
            let listed = heads.iter().map(|e| (merge::identity(e), e)).collect();
            found.insert(place, listed);
        }
    }
    found
}

/// The time each answer the taken changes touch is left with: that of the last change
/// of its mark, note or fields, the round's or taken (as `merge` settles them).
fn times(view: &RoundView, taken: &[(String, Event)]) -> Vec<(String, String, Option<Timestamp>)> {
    let cells: BTreeSet<(String, String)> = taken
        .iter()
        .filter_map(|(_, e)| merge::cell_time(e).map(|(cell, _)| cell))
        .collect();
    let mut last: BTreeMap<(String, String), (&str, &Event)> = BTreeMap::new();
    let ours = view.last.values().map(|(id, e)| (id.as_str(), e));
    let theirs = taken.iter().map(|(id, e)| (id.as_str(), e));
    for (id, event) in ours.chain(theirs) {
        let Some((cell, _)) = merge::cell_time(event).filter(|(c, _)| cells.contains(c)) else {
            continue;
        };
        let later = last
            .get(&cell)
            .is_none_or(|(lid, l)| merge::order(l, lid, event, id).is_lt());
        if later {
            last.insert(cell, (id, event));
        }
    }
    last.into_iter()
        .map(|((department, item), (_, event))| {
            let at = merge::cell_time(event).and_then(|(_, at)| at);
            (department, item, at)
        })
        .collect()
}

/// `heads` with those of each place in `changed` replaced (and dropped where one head
/// is left), in place order as a merge leaves them.
fn set_heads(heads: &mut Vec<Vec<Event>>, changed: &[Vec<Event>]) {
    let place_of = |h: &Vec<Event>| h.first().and_then(|e| Place::of(&e.change));
    for kept in changed {
        let place = place_of(kept);
        heads.retain(|h| place_of(h) != place);
        if kept.len() > 1 {
            heads.push(kept.clone());
        }
    }
    heads.sort_by_key(place_of);
}

/// Replays a merge kept in the journal: the session becomes what `merge::merge` of the
/// part gave.
pub fn replay(session: &mut Session, record: TakenIn) -> Result<(), Refusal> {
    session.editable()?;
    for event in record.taken.iter().chain(&record.winners) {
        session.fits(&event.change)?;
    }
    for event in &record.winners {
        session.apply_value(event)?;
    }
    set_heads(&mut session.heads, &record.heads);
    for (department, item, at) in &record.times {
        if let Some(answer) = session
            .hearings
            .iter_mut()
            .find(|h| &h.department.short == department)
            .and_then(|h| h.answers.get_mut(item))
        {
            answer.set_at = *at;
        }
    }
    // Identities are made only for changes of one time and writer.
    let before = |a: &Event, b: &Event| {
        (a.time().cmp(&b.time()))
            .then_with(|| a.by.cmp(&b.by))
            .then_with(|| merge::identity(a).cmp(&merge::identity(b)))
            .is_lt()
    };
    for event in record.taken {
        session.saw(&event);
        session.history.insert_ordered(event, before);
    }
    session.clock = session.clock.max(record.clock);
    if let Some(last) = session.history.last().cloned() {
        session.saw(&last);
    }
    Ok(())
}
