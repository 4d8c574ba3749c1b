//! Rounds over time: a new round started from an earlier one (its departments, facts
//! and checklist, its answers kept as "previous", never copied as marks), the follow-up
//! of the earlier 指摘事項, what got better or worse, and the differences of two rounds.

use std::collections::{BTreeMap, BTreeSet};

use crate::checklist::{Checklist, Mark};
use crate::session::{AuditFacts, Change, Chosen, EvidenceTarget, Refusal, Session, Timestamp};
pub use crate::session::{
    FollowUp, FollowUpState, FollowUpStatus, Previous, PreviousAnswer, RemovedItem,
};

/// How a cell moved from the earlier round to this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Trend {
    Improved,
    Worsened,
    Unchanged,
    /// Both answered, but the marks cannot be ranked (該当なし, わからない).
    Other,
    /// Not answered yet in this round.
    Pending,
    /// Nothing to compare with: a new item or department, or no earlier answer.
    New,
}

/// How good a mark is, lower better: compliant, then improved under guidance, then
/// failing by severity. None for marks that rank nowhere (該当なし, わからない).
fn rank(mark: &Mark) -> Option<u8> {
    use crate::checklist::Meaning;
    match mark.meaning {
        Meaning::Compliant => Some(0),
        Meaning::ImprovedUnderGuidance => Some(1),
        Meaning::NeedsImprovement => Some(1 + mark.severity().unwrap_or(1)),
        Meaning::NotApplicable | Meaning::Unknown => None,
    }
}

/// How the cell `item` of `department` moved since the earlier round.
pub fn trend(session: &Session, department: &str, item: &str) -> Trend {
    let Some(previous) = session.previous.as_ref() else {
        return Trend::New;
    };
    let Some(before) = previous.mark_of(department, item) else {
        return Trend::New;
    };
    let Some(now) = session.mark_of(department, item) else {
        return Trend::Pending;
    };
    match (rank(before), rank(now)) {
        (Some(b), Some(n)) if n < b => Trend::Improved,
        (Some(b), Some(n)) if n > b => Trend::Worsened,
        (Some(_), Some(_)) => Trend::Unchanged,
        _ if before.symbol == now.symbol => Trend::Unchanged,
        _ => Trend::Other,
    }
}

/// How this round's items map onto the earlier round's: by id, else by identical text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ItemMap {
    /// This round's item id → the earlier item id it continues.
    pub matched: BTreeMap<String, String>,
    pub changed: BTreeSet<String>,
    pub added: Vec<String>,
    pub removed: Vec<RemovedItem>,
}

/// Matches the items of `newer` to those of `earlier`: the same id continues an item
/// (marked changed when its text differs); an item under a new id with the very same
/// text continues the earlier one too; the rest are added or removed.
pub fn match_items(earlier: &Checklist, newer: &Checklist) -> ItemMap {
    let mut map = ItemMap::default();
    let mut taken = BTreeSet::new();
    for (_, item) in newer.items() {
        let same_id = earlier.item(&item.id);
        let same_text = || {
            earlier
                .items()
                .map(|(_, e)| e)
                .find(|e| e.text == item.text && newer.item(&e.id).is_none())
        };
        match same_id.or_else(same_text) {
            Some(before) if !taken.contains(&before.id) => {
                if before.text != item.text {
                    map.changed.insert(item.id.clone());
                }
                taken.insert(before.id.clone());
                map.matched.insert(item.id.clone(), before.id.clone());
            }
            _ => map.added.push(item.id.clone()),
        }
    }
    map.removed = earlier
        .items()
        .filter(|(_, e)| !taken.contains(&e.id))
        .map(|(_, e)| RemovedItem {
            id: e.id.clone(),
            text: e.text.clone(),
        })
        .collect();
    map
}

/// The facts a new round inherits: who audits and how, not when nor what was found.
fn inherited_facts(earlier: &AuditFacts, title: &str) -> AuditFacts {
    AuditFacts {
        title: title.to_string(),
        date: None,
        report_date: None,
        overall: String::new(),
        ..earlier.clone()
    }
}

/// The earlier round as the new one keeps it, its items mapped by `map`.
fn previous_of(earlier: &Session, map: &ItemMap) -> Previous {
    let answers = earlier
        .hearings
        .iter()
        .map(|h| {
            let cells = map
                .matched
                .iter()
                .filter_map(|(now, before)| {
                    let target = EvidenceTarget::Item(before.clone());
                    let files = h.evidence.iter().filter(|e| e.attachment.target == target);
                    let evidence: Vec<_> = files.map(|e| e.attachment.file.clone()).collect();
                    // A cell with only files attached is kept too.
                    let a = match h.answer(before) {
                        Some(a) => a.clone(),
                        None if !evidence.is_empty() => Default::default(),
                        None => return None,
                    };
                    let kept = PreviousAnswer {
                        mark: a.mark.clone(),
                        note: a.note.clone(),
                        evidence,
                    };
                    Some((now.clone(), kept))
                })
                .collect();
            (h.department.short.clone(), cells)
        })
        .collect();
    let followups = earlier
        .hearings
        .iter()
        .flat_map(|h| {
            h.sheet.iter().flat_map(move |(area, sheet)| {
                sheet.findings.iter().map(move |finding| FollowUp {
                    department: h.department.short.clone(),
                    area: area.clone(),
                    finding: finding.clone(),
                    state: FollowUpState::default(),
                })
            })
        })
        .collect();
    Previous {
        id: earlier.id.clone(),
        title: earlier.facts.title.clone(),
        scale: earlier.checklist.scale.clone(),
        answers,
        changed: map.changed.clone(),
        added: map.added.clone(),
        removed: map.removed.clone(),
        followups,
        others: BTreeMap::new(),
    }
}

/// The earlier answers of each of `session`'s other checklists that `earlier` had
/// too (by id), as `Previous::others` keeps them.
fn previous_others(earlier: &Session, session: &Session) -> BTreeMap<String, Previous> {
    let mut others = BTreeMap::new();
    for (index, other) in session.extra.iter().enumerate() {
        let Some(before) = earlier.checklist_index(&other.id).filter(|&i| i > 0) else {
            continue;
        };
        let (Some(before), Some(now)) = (earlier.view(before), session.view(index + 1)) else {
            continue;
        };
        let map = match_items(&before.checklist, &now.checklist);
        let previous = Previous {
            followups: Vec::new(),
            ..previous_of(&before, &map)
        };
        others.insert(other.id.clone(), previous);
    }
    others
}

impl Session {
    /// A new round from `earlier`: its departments with their profiles and own facts,
    /// its facts (not its dates nor 総評), and `checklist` (None: the earlier one).
    /// No mark is copied: each cell starts unanswered, or 該当なし by applicability.
    pub fn next_round(
        earlier: &Session,
        id: String,
        title: &str,
        checklist: Option<Checklist>,
        now: Timestamp,
    ) -> Session {
        let mut checklist = checklist.unwrap_or_else(|| earlier.checklist.clone());
        // The earlier round's language carries on, unless the new checklist declares one.
        if checklist.language.is_none() {
            checklist.language = earlier.language();
        }
        let map = match_items(&earlier.checklist, &checklist);
        let chosen = Chosen {
            departments: earlier
                .hearings
                .iter()
                .map(|h| h.department.clone())
                .collect(),
            unlisted: earlier
                .hearings
                .iter()
                .filter(|h| h.unlisted)
                .map(|h| h.department.short.clone())
                .collect(),
        };
        let facts = inherited_facts(&earlier.facts, title);
        let mut session = Session::start(id, checklist, chosen, facts, now);
        for (hearing, before) in session.hearings.iter_mut().zip(&earlier.hearings) {
            hearing.facts = before.facts.clone();
        }
        // The round's other checklists carry on too, each with its earlier answers.
        for other in &earlier.extra {
            // Joined the earlier round, so it joins this one unless the new main
            // checklist took its id.
            let _ = session.add_checklist(other.clone());
        }
        let mut previous = previous_of(earlier, &map);
        previous.others = previous_others(earlier, &session);
        session.previous = Some(previous);
        session
    }

    /// The change that sets the follow-up `index` (of `Previous::followups`).
    pub fn set_followup(&self, index: usize, to: FollowUpState) -> Result<Change, Refusal> {
        self.editable()?;
        let followup = self.followup(index)?;
        Ok(Change::FollowUp {
            department: followup.department.clone(),
            area: followup.area.clone(),
            finding: followup.finding.id,
            from: followup.state.clone(),
            to,
        })
    }

    fn followup(&self, index: usize) -> Result<&FollowUp, Refusal> {
        self.previous
            .as_ref()
            .and_then(|p| p.followups.get(index))
            .ok_or(Refusal::UnknownFollowUp(index))
    }
}

/// `diff` of the main checklists, then of each other checklist of `b` that `a` has
/// too (by id), its items named by their qualified ids.
pub fn diff_all(a: &Session, b: &Session) -> Vec<CellDiff> {
    let mut cells = diff(a, b);
    for (index, other) in b.extra.iter().enumerate() {
        let Some(earlier) = a.checklist_index(&other.id).filter(|&i| i > 0) else {
            continue;
        };
        let (Some(before), Some(after)) = (a.view(earlier), b.view(index + 1)) else {
            continue;
        };
        cells.extend(diff(&before, &after).into_iter().map(|mut cell| {
            cell.item = crate::session::qualified(&other.id, &cell.item);
            cell
        }));
    }
    cells
}

/// One cell that differs between two rounds: department, item, mark and note of each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellDiff {
    pub department: String,
    pub item: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub note_changed: bool,
}

/// The cells of `b` whose mark or note differ from `a`'s, in `b`'s department and
/// checklist order; items are matched as `match_items` does, departments by short
/// name. A department or item on one side only differs in every cell.
pub fn diff(a: &Session, b: &Session) -> Vec<CellDiff> {
    let map = match_items(&a.checklist, &b.checklist);
    let mut out = Vec::new();
    for hearing in &b.hearings {
        let short = &hearing.department.short;
        let before = a.hearing(short);
        for (_, item) in b.checklist.items() {
            let earlier = map
                .matched
                .get(&item.id)
                .and_then(|id| before.and_then(|h| h.answer(id)));
            let now = hearing.answer(&item.id);
            let mark = |x: Option<&crate::session::Answer>| x.and_then(|a| a.mark.clone());
            let note = |x: Option<&crate::session::Answer>| x.map(|a| a.note.clone());
            let note_changed = note(earlier).unwrap_or_default() != note(now).unwrap_or_default();
            if mark(earlier) != mark(now) || note_changed {
                out.push(CellDiff {
                    department: short.clone(),
                    item: item.id.clone(),
                    before: mark(earlier),
                    after: mark(now),
                    note_changed,
                });
            }
        }
    }
    out
}

/// Counts of trends, per department and area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TrendCount {
    pub improved: usize,
    pub worsened: usize,
    pub unchanged: usize,
}

impl TrendCount {
    pub fn add(&mut self, trend: Trend) {
        match trend {
            Trend::Improved => self.improved += 1,
            Trend::Worsened => self.worsened += 1,
            Trend::Unchanged => self.unchanged += 1,
            Trend::Other | Trend::Pending | Trend::New => {}
        }
    }
}

/// The trend counts of a department in each area, in checklist order.
pub fn trend_counts(session: &Session, department: &str) -> Vec<(String, TrendCount)> {
    session
        .checklist
        .areas
        .iter()
        .map(|area| {
            let mut count = TrendCount::default();
            for item in &area.items {
                count.add(trend(session, department, &item.id));
            }
            (area.id.clone(), count)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::testing::{now, seed_session};
    use crate::session::{Event, Session};

    fn record(session: &mut Session, change: Change) {
        let event = Event {
            at: now(),
            by: "t".into(),
            change,
            hlc: None,
        };
        session.apply(event).expect("applies");
    }

    fn earlier() -> Session {
        let mut s = seed_session();
        for (item, mark) in [("I-3", "×"), ("III-7", "×"), ("I-1", "○")] {
            let change = s.set_mark("保育", item, Some(mark)).expect("marks");
            record(&mut s, change);
        }
        let items = ["I-3".to_string()];
        let change = s.add_finding("保育", "I", &items, "IDPW").expect("finding");
        record(&mut s, change);
        s
    }

    #[test]
    fn a_new_round_keeps_answers_as_previous_and_copies_no_mark() {
        let before = earlier();
        let next = Session::next_round(&before, "n".into(), "下半期", None, now());
        assert_eq!(next.facts.title, "下半期");
        assert_eq!(next.answered_count(), seed_session().answered_count());
        assert_eq!(next.answer("保育", "I-3"), None);
        let previous = next.previous.as_ref().expect("previous");
        assert_eq!(
            previous.mark_of("保育", "I-3").map(|m| &m.symbol[..]),
            Some("×")
        );
        assert_eq!(previous.followups.len(), 1);
        assert_eq!(trend(&next, "保育", "I-3"), Trend::Pending);
    }

    #[test]
    fn trends_follow_meaning_and_severity() {
        let before = earlier();
        let mut next = Session::next_round(&before, "n".into(), "下半期", None, now());
        for (item, mark) in [("I-3", "○"), ("III-7", "×"), ("I-1", "×")] {
            let change = next.set_mark("保育", item, Some(mark)).expect("marks");
            record(&mut next, change);
        }
        assert_eq!(trend(&next, "保育", "I-3"), Trend::Improved);
        assert_eq!(trend(&next, "保育", "III-7"), Trend::Unchanged);
        assert_eq!(trend(&next, "保育", "I-1"), Trend::Worsened);
        let diffs = diff(&before, &next);
        assert!(
            diffs
                .iter()
                .any(|d| d.item == "I-3" && d.after.as_deref() == Some("○"))
        );
    }

    #[test]
    fn items_match_by_id_then_by_the_very_same_text() {
        let earlier = Checklist::bundled();
        let mut newer = earlier.clone();
        let items = &mut newer.areas[0].items;
        items[0].id = "I-1a".into();
        items[1].text = "変更".into();
        let gone = items.remove(2);
        let map = match_items(&earlier, &newer);
        assert_eq!(map.matched.get("I-1a").map(String::as_str), Some("I-1"));
        assert!(map.changed.contains("I-2(1)"));
        assert!(!map.changed.contains("I-1a"), "renumbered, same text");
        assert!(map.added.is_empty());
        assert_eq!(map.removed.len(), 1);
        assert_eq!(map.removed[0].id, gone.id);
    }

    #[test]
    fn follow_ups_are_changes_that_undo() {
        let before = earlier();
        let mut next = Session::next_round(&before, "n".into(), "下半期", None, now());
        let state = FollowUpState {
            status: Some(FollowUpStatus::Improved),
            note: "改善を確認".into(),
        };
        let change = next.set_followup(0, state.clone()).expect("follow-up");
        record(&mut next, change.clone());
        let previous = next.previous.as_ref().expect("previous");
        assert_eq!(previous.followups[0].state, state);
        record(&mut next, change.inverse().expect("inverse"));
        let previous = next.previous.as_ref().expect("previous");
        assert_eq!(previous.followups[0].state, FollowUpState::default());
        assert_eq!(
            next.set_followup(9, state),
            Err(Refusal::UnknownFollowUp(9))
        );
    }
}
