//! A round heard in parts, brought back together. A part is the round cut to some
//! departments (`part`); `merge` takes every change of another copy into a session.
//!
//! A change is identified by its whole event (when, who, what), so a change seen twice
//! is one change: merging a copy again, or into itself, changes nothing. Each place a
//! change writes (a cell's mark, its note, an area's 所見, …) keeps its *heads*: the
//! latest change of each writer who had not seen the others'. One head is the normal
//! case; several with different values are a conflict, never settled silently: the
//! value shown is the latest head's, review blocks sign-off, and recording a new value
//! (or `kansa resolve`) settles it. The history keeps every head with its author.
//!
//! Order does not matter: the merged history is the union of both in (hybrid logical
//! time, author, identity) order, and the heads of a place are those of either side
//! that the other side had not superseded, which is the same whichever side comes
//! first. The hybrid logical time (`session::Hlc`) puts a change made after seeing
//! another after it even when the laptop's clock was behind, so the last change of a
//! place in a copy's history is the one its writer saw last.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

pub use crate::session::place::Place;
use crate::session::{Change, Event, Refusal, Session, Timestamp};
use crate::text::one_line;

/// The identity of a change: the whole event, as its journal line writes it.
pub fn identity(event: &Event) -> String {
    ron::to_string(event).unwrap_or_else(|_| format!("{event:?}"))
}

/// What a change leaves in its place, as text to compare and to show.
pub fn value(change: &Change) -> String {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    match change {
        Change::Mark { to, .. } => opt(to),
        Change::Note { to, .. }
        | Change::Observation { to, .. }
        | Change::Improvement { to, .. } => one_line(to),
        Change::Field { to, .. } | Change::DepartmentFact { to, .. } => opt(to),
        Change::Fact { to, .. } => ron::to_string(to).unwrap_or_default(),
        Change::Finding { to, .. } => to.as_ref().map_or(String::new(), |f| one_line(&f.text)),
        Change::Dismissal { dismissed, .. } => dismissed.to_string(),
        Change::SelfCheck { to, .. } => to.as_ref().map_or(String::new(), |s| s.digest.clone()),
        Change::FollowUp { to, .. } => ron::to_string(to).unwrap_or_default(),
        Change::Attach { attachment } => attachment.file.sha256.clone(),
        Change::Detach { .. } => String::new(),
        Change::Move(_)
        | Change::SignOff { .. }
        | Change::Reopen { .. }
        | Change::AddChecklist { .. } => String::new(),
    }
}

/// A place whose heads differ: each writer's value, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub place: Place,
    pub values: Vec<Written>,
}

/// A value and who wrote it, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub by: String,
    pub at: Timestamp,
    pub value: String,
}

/// The conflicts of a session, in place order.
pub fn conflicts(session: &Session) -> Vec<Conflict> {
    conflicts_in(&session.heads)
}

/// The conflicts among a session's heads, in place order.
pub fn conflicts_in(heads: &[Vec<Event>]) -> Vec<Conflict> {
    let mut found: Vec<Conflict> = heads
        .iter()
        .filter_map(|heads| {
            let place = Place::of(&heads.first()?.change)?;
            let values: BTreeSet<String> = heads.iter().map(|e| value(&e.change)).collect();
            (values.len() > 1).then(|| Conflict {
                place,
                values: heads
                    .iter()
                    .map(|e| Written {
                        by: e.by.clone(),
                        at: e.at,
                        value: value(&e.change),
                    })
                    .collect(),
            })
        })
        .collect();
    found.sort_by(|a, b| a.place.cmp(&b.place));
    found
}

/// Why a merge was refused, worded by the language tables (`i18n`). Nothing is
/// changed when it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    Signed(String),
    TheirsSigned(String),
    OtherRound { ours: String, theirs: String },
    OtherChecklist,
    Damaged(Refusal),
}

/// What a merge gives: the session, how many changes it took in, its conflicts.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub session: Session,
    pub added: usize,
    pub conflicts: Vec<Conflict>,
}

/// Checks that `theirs` is a copy of the same round that `ours` may take in.
pub(crate) fn check(ours: &Session, theirs: &Session) -> Result<(), MergeError> {
    if let Some(signed) = &ours.signed {
        return Err(MergeError::Signed(signed.by.clone()));
    }
    if let Some(signed) = &theirs.signed {
        return Err(MergeError::TheirsSigned(signed.by.clone()));
    }
    // Ids are creation times to the second: two laptops can make the same one, so
    // the creation time to the nanosecond tells the rounds apart.
    if ours.id != theirs.id || ours.created != theirs.created {
        let name = |s: &Session| format!("{} ({})", s.id, s.created.to_rfc3339());
        return Err(MergeError::OtherRound {
            ours: name(ours),
            theirs: name(theirs),
        });
    }
    // A checklist added to one copy joins the other; one id with two contents is
    // two different rounds.
    let differs =
        |c: &crate::checklist::Checklist| ours.checklists().any(|o| o.id == c.id && o != c);
    if ours.checklist != theirs.checklist || theirs.extra.iter().any(differs) {
        return Err(MergeError::OtherChecklist);
    }
    Ok(())
}

/// Takes into `session` the departments `theirs` heard that it lacks (`missing`) and
/// the checklists `theirs` added that it lacks, before their answers are taken in;
/// each department is given the opening answers of the checklists it had not seen.
fn join_round(
    session: &mut Session,
    missing: Vec<crate::session::Hearing>,
    theirs: &Session,
) -> Result<(), MergeError> {
    session.hearings.extend(missing);
    for checklist in &theirs.extra {
        if !session.checklists().any(|c| c.id == checklist.id) {
            session
                .add_checklist(checklist.clone())
                .map_err(|j| MergeError::Damaged(Refusal::Joining(j)))?;
        }
    }
    session.open_checklists();
    Ok(())
}

/// Puts every checklist added to the open round in the order of the changes that
/// added them (those the round was created with first): the same whichever copy a
/// merge started from.
fn order_checklists(session: &mut Session) {
    let added: Vec<&str> = session
        .history
        .iter()
        .filter_map(|e| match &e.change {
            Change::AddChecklist { checklist } => Some(checklist.id.as_str()),
            _ => None,
        })
        .collect();
    let place = |id: &str| added.iter().position(|a| *a == id);
    let mut extra = std::mem::take(&mut session.extra);
    extra.sort_by_key(|c| place(&c.id));
    session.extra = extra;
}

/// A session's history with each change's identity, computed once.
pub(crate) struct Known<'a> {
    pub(crate) events: Vec<(String, &'a Event)>,
    pub(crate) ids: HashSet<String>,
}

impl<'a> Known<'a> {
    pub(crate) fn of(session: &'a Session) -> Known<'a> {
        let events: Vec<(String, &Event)> =
            session.history.iter().map(|e| (identity(e), e)).collect();
        let ids = events.iter().map(|(id, _)| id.clone()).collect();
        Known { events, ids }
    }

    /// The changes the other side does not know.
    fn unknown_to<'b>(&'b self, other: &'b Known) -> impl Iterator<Item = &'b (String, &'a Event)> {
        self.events.iter().filter(|(id, _)| !other.ids.contains(id))
    }
}

/// Every change of `theirs` taken into `ours`.
pub fn merge(ours: &Session, theirs: &Session) -> Result<Merged, MergeError> {
    check(ours, theirs)?;
    let known_ours = Known::of(ours);
    let known_theirs = Known::of(theirs);
    let new_theirs: Vec<&(String, &Event)> = known_theirs.unknown_to(&known_ours).collect();
    let mut session = ours.clone();
    // Hearings are the same by short name, as changes name them (`Session::fits`).
    let shorts: HashSet<&str> = ours
        .hearings
        .iter()
        .map(|h| h.department.short.as_str())
        .collect();
    let missing: Vec<_> = theirs
        .hearings
        .iter()
        .filter(|h| !shorts.contains(h.department.short.as_str()))
        .cloned()
        .collect();
    if new_theirs.is_empty() && missing.is_empty() {
        return Ok(Merged {
            conflicts: conflicts(ours),
            session,
            added: 0,
        });
    }
    join_round(&mut session, missing, theirs)?;
    validate(&session, new_theirs.iter().map(|(_, e)| *e))?;
    let places: BTreeSet<Place> = new_theirs
        .iter()
        .map(|(_, e)| *e)
        .chain(known_ours.unknown_to(&known_theirs).map(|(_, e)| *e))
        .chain(ours.heads.iter().flatten())
        .chain(theirs.heads.iter().flatten())
        .filter_map(|e| Place::of(&e.change))
        .collect();
    let heads_ours = heads(ours, &known_ours, &places);
    let heads_theirs = heads(theirs, &known_theirs, &places);
    let mut merged_heads = Vec::new();
    let mut winners = Vec::new();
    for place in &places {
        let a = heads_ours.get(place).map_or(&[][..], |h| &h[..]);
        let b = heads_theirs.get(place).map_or(&[][..], |h| &h[..]);
        let kept = join(a, b, &known_ours.ids, &known_theirs.ids);
        // Ours already shows the value of its own latest head.
        if let Some((id, winner)) = kept.last()
            && a.last().map(|(head, _)| head) != Some(id)
        {
            winners.push((id.clone(), (*winner).clone()));
        }
        if kept.len() > 1 {
            merged_heads.push(kept.into_iter().map(|(_, e)| e.clone()).collect());
        }
    }
    let mut history: Vec<(String, Event)> = known_ours
        .events
        .iter()
        .chain(new_theirs.iter().copied())
        .map(|(id, e)| (id.clone(), (*e).clone()))
        .collect();
    sort_keyed(&mut history);
    sort_keyed(&mut winners);
    for (_, winner) in winners {
        session.apply(winner).map_err(MergeError::Damaged)?;
    }
    // This copy has now seen every change of both (of files written before changes
    // carried a time too: the union's latest, whichever side came first).
    session.clock = ours.clock.max(theirs.clock);
    if let Some((_, last)) = history.last() {
        session.saw(last);
    }
    session.history = history.into_iter().map(|(_, e)| e).collect();
    session.heads = merged_heads;
    order_checklists(&mut session);
    settle_times(&mut session);
    Ok(Merged {
        conflicts: conflicts(&session),
        session,
        added: new_theirs.len(),
    })
}

/// Each change of the file must fit the session (`Session::fits`).
fn validate<'a>(
    session: &Session,
    mut events: impl Iterator<Item = &'a Event>,
) -> Result<(), MergeError> {
    events
        .try_for_each(|event| session.fits(&event.change))
        .map_err(MergeError::Damaged)
}

pub(crate) type Heads<'a> = HashMap<Place, Vec<(String, &'a Event)>>;

/// The heads of the session's `places`: those a merge left, else the last change.
pub(crate) fn heads<'a>(
    session: &'a Session,
    known: &Known<'a>,
    places: &BTreeSet<Place>,
) -> Heads<'a> {
    let mut found: Heads = HashMap::new();
    for (id, event) in &known.events {
        if let Some(place) = Place::of(&event.change).filter(|p| places.contains(p)) {
            found.insert(place, vec![(id.clone(), *event)]);
        }
    }
    for heads in &session.heads {
        if let Some(place) = heads.first().and_then(|e| Place::of(&e.change)) {
            found.insert(place, heads.iter().map(|e| (identity(e), e)).collect());
        }
    }
    found
}

/// The heads of a place after a merge: each side's heads that the other side had not
/// superseded (it knows the change, yet it is not among its heads).
pub(crate) fn join<'a>(
    a: &[(String, &'a Event)],
    b: &[(String, &'a Event)],
    known_a: &HashSet<String>,
    known_b: &HashSet<String>,
) -> Vec<(String, &'a Event)> {
    let mut kept: BTreeMap<String, &Event> = BTreeMap::new();
    for (heads, other_known, other_heads) in [(a, known_b, b), (b, known_a, a)] {
        for (id, head) in heads {
            if !other_known.contains(id) || other_heads.iter().any(|(h, _)| h == id) {
                kept.insert(id.clone(), *head);
            }
        }
    }
    let mut kept: Vec<(String, &Event)> = kept.into_iter().collect();
    kept.sort_by(|(ia, a), (ib, b)| order(a, ia, b, ib));
    kept
}

/// Changes in hybrid logical time (`Event::time`), then by writer and identity: a
/// change made after seeing another sorts after it, whatever the clocks said.
pub(crate) fn order(a: &Event, ia: &str, b: &Event, ib: &str) -> std::cmp::Ordering {
    a.time()
        .cmp(&b.time())
        .then_with(|| a.by.cmp(&b.by))
        .then_with(|| ia.cmp(ib))
}

/// Events with their identities in (logical time, author, identity) order, each once.
fn sort_keyed(events: &mut Vec<(String, Event)>) {
    events.sort_by(|(ia, a), (ib, b)| order(a, ia, b, ib));
    events.dedup_by(|(ia, _), (ib, _)| ia == ib);
}

/// Events in (logical time, author, identity) order: the same whichever copy they
/// came from.
pub fn sort_events(events: &mut Vec<Event>) {
    let mut keyed: Vec<(String, Event)> = events.drain(..).map(|e| (identity(&e), e)).collect();
    sort_keyed(&mut keyed);
    events.extend(keyed.into_iter().map(|(_, e)| e));
}

/// An answer's time is that of the last change of its mark, note or fields in the
/// history, as recording them one by one would leave it.
fn settle_times(session: &mut Session) {
    let mut last: HashMap<(String, String), Option<Timestamp>> = HashMap::new();
    for event in &session.history {
        if let Some((cell, at)) = cell_time(event) {
            last.insert(cell, at);
        }
    }
    for hearing in &mut session.hearings {
        for (item, answer) in &mut hearing.answers {
            if let Some(at) = last.get(&(hearing.department.short.clone(), item.clone())) {
                answer.set_at = *at;
            }
        }
    }
}

/// The cell (department, item) a change of a mark, note or field sets, and the time
/// it leaves on the answer (none for a mark given back to applicability).
pub(crate) fn cell_time(event: &Event) -> Option<((String, String), Option<Timestamp>)> {
    let (department, item, by_hand) = match &event.change {
        Change::Mark {
            department,
            item,
            to_applicability,
            ..
        } => (department, item, !to_applicability),
        Change::Note {
            department, item, ..
        }
        | Change::Field {
            department, item, ..
        } => (department, item, true),
        _ => return None,
    };
    Some((
        (department.clone(), item.clone()),
        by_hand.then_some(event.at),
    ))
}

/// The round cut to `departments` (full or short names), to hand to another auditor:
/// the same id, checklist and facts; their hearings, and the history of the round and
/// of them.
pub fn part(session: &Session, departments: &[String]) -> Result<Session, Refusal> {
    session.editable()?;
    let mut keep = BTreeSet::new();
    for name in departments
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
    {
        let hearing = session
            .hearing(name)
            .ok_or_else(|| Refusal::UnknownDepartment(name.to_string()))?;
        keep.insert(hearing.department.short.clone());
    }
    let mut part = session.clone();
    part.hearings.retain(|h| keep.contains(&h.department.short));
    let ours = |change: &Change| change.department().is_none_or(|d| keep.contains(d));
    part.history.retain(|e| ours(&e.change));
    part.heads
        .retain(|heads| heads.first().is_some_and(|e| ours(&e.change)));
    if !keep.contains(&part.cursor.department) {
        part.cursor.department = part
            .hearings
            .first()
            .map(|h| h.department.short.clone())
            .unwrap_or_default();
    }
    Ok(part)
}

/// The change that settles the conflict at `place` with the value `by` wrote there,
/// recorded as a new change (so the history keeps every writer's value).
pub fn choose(session: &Session, place: &Place, by: &str) -> Option<Change> {
    let heads = session
        .heads
        .iter()
        .find(|h| h.first().and_then(|e| Place::of(&e.change)).as_ref() == Some(place))?;
    let chosen = heads.iter().rev().find(|e| e.by == by)?;
    Some(rebase(session, chosen.change.clone()))
}

/// `change` with its `from` as the session now holds it.
fn rebase(session: &Session, change: Change) -> Change {
    let answer = |d: &str, i: &str| session.answer(d, i).cloned().unwrap_or_default();
    match change {
        Change::Mark {
            department,
            item,
            to,
            to_applicability,
            ..
        } => {
            let now = answer(&department, &item);
            Change::Mark {
                from: now.mark.clone(),
                from_applicability: now.by_applicability,
                department,
                item,
                to,
                to_applicability,
            }
        }
        Change::Note {
            department,
            item,
            to,
            ..
        } => Change::Note {
            from: answer(&department, &item).note,
            department,
            item,
            to,
        },
        Change::Observation {
            department,
            area,
            to,
            ..
        } => Change::Observation {
            from: session
                .hearing(&department)
                .and_then(|h| h.sheet.get(&area))
                .map(|s| s.observation.clone())
                .unwrap_or_default(),
            department,
            area,
            to,
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::testing::{now, seed_session};

    fn event(by: &str, secs: i64, change: Change) -> Event {
        Event {
            at: now() + chrono::Duration::seconds(secs),
            by: by.into(),
            change,
            hlc: None,
        }
    }

    #[test]
    fn a_part_keeps_the_round_and_its_departments_only() {
        let mut session = seed_session();
        for (department, secs) in [("保育", 1), ("秘書", 2)] {
            let change = session.set_mark(department, "I-1", Some("○")).unwrap();
            session.apply(event("田中", secs, change)).unwrap();
        }
        let part = part(&session, &["保育課".into(), "障がい".into()]).unwrap();
        let shorts: Vec<&str> = part
            .hearings
            .iter()
            .map(|h| h.department.short.as_str())
            .collect();
        assert_eq!(shorts, ["保育", "障がい"]);
        assert_eq!(part.history.len(), 1);
        assert_eq!(part.id, session.id);
        assert_eq!(part.checklist, session.checklist);
        assert_eq!(part.cursor.department, "保育");
        assert_eq!(
            super::part(&session, &["総務".into()]),
            Err(Refusal::UnknownDepartment("総務".into()))
        );
    }

    #[test]
    fn places_tell_cells_notes_and_sheets_apart() {
        let session = seed_session();
        let mark = session.set_mark("保育", "I-3", Some("×")).unwrap();
        let note = session.set_note("保育", "I-3", "付箋").unwrap();
        let observation = session.set_observation("保育", "I", "所見").unwrap();
        assert_eq!(
            Place::of(&mark),
            Some(Place::Mark("保育".into(), "I-3".into()))
        );
        assert_eq!(
            Place::of(&note),
            Some(Place::Note("保育".into(), "I-3".into()))
        );
        assert_eq!(
            Place::of(&observation).and_then(|p| p.area().map(str::to_string)),
            Some("I".into())
        );
        assert_eq!(Place::of(&session.move_to("保育", "I-3").unwrap()), None);
    }

    #[test]
    fn a_change_seen_twice_is_one_change() {
        let session = seed_session();
        let change = session.set_mark("保育", "I-3", Some("×")).unwrap();
        let a = event("田中", 1, change.clone());
        assert_eq!(identity(&a), identity(&a.clone()));
        assert_ne!(identity(&a), identity(&event("佐藤", 1, change)));
        let mut events = vec![a.clone(), a.clone()];
        sort_events(&mut events);
        assert_eq!(events, [a]);
    }

    #[test]
    fn recording_a_new_value_settles_a_conflict() {
        let base = seed_session();
        let mut a = base.clone();
        let mut b = base.clone();
        for (session, by, mark, secs) in [(&mut a, "田中", "×", 1), (&mut b, "佐藤", "○", 2)]
        {
            let change = session.set_mark("保育", "I-3", Some(mark)).unwrap();
            session.apply(event(by, secs, change)).unwrap();
        }
        let mut merged = merge(&a, &b).unwrap().session;
        assert_eq!(conflicts(&merged).len(), 1);
        // The later value shows meanwhile.
        assert_eq!(merged.hearing("保育").unwrap().mark("I-3"), Some("○"));
        let change = merged.set_mark("保育", "I-3", Some("△")).unwrap();
        merged.apply(event("監査 太郎", 3, change)).unwrap();
        assert!(conflicts(&merged).is_empty());
        assert!(merged.heads.is_empty());
    }
}
