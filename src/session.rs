//! An audit round in progress: the checklist snapshot, the departments heard, every
//! answer, the history of changes and where to resume. Pure data and rules; saving is
//! the store's job.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::checklist::{Checklist, Department, Item, Mark, Meaning};

/// The session format this build reads and writes.
pub const FORMAT: u32 = 1;

pub type Timestamp = DateTime<FixedOffset>;

/// Every type of a session file rejects unknown fields: a misspelt field would
/// otherwise be dropped silently, and the next save would lose what it held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub format: u32,
    pub id: String,
    pub created: Timestamp,
    pub facts: AuditFacts,
    /// Taken when the session was created: editing the checklist file later never
    /// changes a session.
    pub checklist: Checklist,
    pub hearings: Vec<Hearing>,
    pub cursor: Cursor,
    /// Every change of a mark or note, oldest first.
    #[serde(default)]
    pub history: Vec<Event>,
}

/// The audit's facts, as the reports print them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditFacts {
    pub title: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub auditors: Vec<String>,
    /// 監査実施責任者.
    #[serde(default)]
    pub lead: String,
}

/// One department's hearing: who they are and what they answered, by item id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hearing {
    pub department: Department,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
}

impl Hearing {
    pub fn answer(&self, item: &str) -> Option<&Answer> {
        self.answers.get(item)
    }

    /// The symbol of the mark given to `item`, if any.
    pub fn mark(&self, item: &str) -> Option<&str> {
        self.answer(item)?.mark.as_deref()
    }

    /// True when `item` was marked at creation because it cannot apply here.
    pub fn by_applicability(&self, item: &str) -> bool {
        self.answer(item).is_some_and(|a| a.by_applicability)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The mark's symbol; None until a mark is given.
    #[serde(default)]
    pub mark: Option<String>,
    #[serde(default)]
    pub note: String,
    /// When the mark or note last changed; None for a mark set by applicability.
    #[serde(default)]
    pub set_at: Option<Timestamp>,
    /// The mark was set at creation because the item cannot apply to the department.
    #[serde(default)]
    pub by_applicability: bool,
}

/// Where the hearing stands: a department (short name) and an item id.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cursor {
    pub department: String,
    pub item: String,
}

/// A change, with who made it and when. Journal lines and history entries are events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub at: Timestamp,
    pub by: String,
    pub change: Change,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Change {
    Mark {
        department: String,
        item: String,
        from: Option<String>,
        to: Option<String>,
        /// `from` was set by applicability, not by an auditor: undoing this change
        /// must give the cell back to applicability, not make it the auditor's.
        #[serde(default, skip_serializing_if = "is_false")]
        from_applicability: bool,
        /// `to` is applicability's (an undo of an override).
        #[serde(default, skip_serializing_if = "is_false")]
        to_applicability: bool,
    },
    Note {
        department: String,
        item: String,
        from: String,
        to: String,
    },
    /// The place to resume at; not part of the history.
    Move(Cursor),
}

impl Change {
    /// The change that undoes this one.
    pub fn inverse(&self) -> Change {
        match self.clone() {
            Change::Mark {
                department,
                item,
                from,
                to,
                from_applicability,
                to_applicability,
            } => Change::Mark {
                department,
                item,
                from: to,
                to: from,
                from_applicability: to_applicability,
                to_applicability: from_applicability,
            },
            Change::Note {
                department,
                item,
                from,
                to,
            } => Change::Note {
                department,
                item,
                from: to,
                to: from,
            },
            Change::Move(cursor) => Change::Move(cursor),
        }
    }
}

fn is_false(value: &bool) -> bool {
    !value
}

/// Why a change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("no department {0:?} in this session")]
    UnknownDepartment(String),
    #[error("no item {0:?} in this checklist")]
    UnknownItem(String),
    #[error("no mark {0:?} in this checklist's scale")]
    UnknownMark(String),
}

impl Hearing {
    /// A department's hearing before any answer: the items that cannot apply to it (by
    /// its tags) start 該当なし, marked as set by applicability.
    fn opening(checklist: &Checklist, department: Department) -> Hearing {
        let not_applicable = checklist.not_applicable().map(|m| m.symbol.clone());
        let answers = checklist
            .items()
            .filter(|(_, item)| !item.applies.holds(&department.tags))
            .filter_map(|(_, item)| {
                let answer = Answer {
                    mark: Some(not_applicable.clone()?),
                    by_applicability: true,
                    ..Answer::default()
                };
                Some((item.id.clone(), answer))
            })
            .collect();
        Hearing {
            department,
            answers,
        }
    }
}

/// The departments of a new round, from the names its creator gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chosen {
    pub departments: Vec<Department>,
    /// The names not on the checklist's roster, in the order given: each became a
    /// department of its own. The caller says so; the core never prints.
    pub unlisted: Vec<String>,
}

// Here rather than in `checklist`: a department off the roster exists only in a session.
impl Department {
    /// A department that is not on the checklist's roster: its name is also its short
    /// name, and with no tags every item applies to it.
    pub fn unlisted(name: &str) -> Department {
        Department {
            name: name.to_string(),
            short: name.to_string(),
            tags: Vec::new(),
            remark: String::new(),
        }
    }
}

/// The departments named (full or short names, trimmed; blanks skipped), in the order
/// given and each once; `None` takes the checklist's whole roster. A name not on the
/// roster becomes `Department::unlisted` and is listed in `unlisted`.
pub fn choose_departments(checklist: &Checklist, names: Option<&[String]>) -> Chosen {
    let Some(names) = names else {
        return Chosen {
            departments: checklist.departments.clone(),
            unlisted: Vec::new(),
        };
    };
    let mut chosen = Chosen {
        departments: Vec::new(),
        unlisted: Vec::new(),
    };
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        let listed = checklist
            .departments
            .iter()
            .find(|d| d.name == name || d.short == name);
        let department = match listed {
            Some(department) => department.clone(),
            None => Department::unlisted(name),
        };
        // Two names for one department would give it two hearings, of which only the
        // first could ever be reached by its name.
        if chosen
            .departments
            .iter()
            .any(|d| d.short == department.short)
        {
            continue;
        }
        if listed.is_none() {
            chosen.unlisted.push(name.to_string());
        }
        chosen.departments.push(department);
    }
    chosen
}

impl Session {
    /// A new round: every item that cannot apply to a department starts 該当なし.
    pub fn new(
        id: String,
        checklist: Checklist,
        departments: Vec<Department>,
        facts: AuditFacts,
        now: Timestamp,
    ) -> Self {
        let hearings = departments
            .into_iter()
            .map(|department| Hearing::opening(&checklist, department))
            .collect();
        Self::with_hearings(id, checklist, hearings, facts, now)
    }

    /// A new round of the departments chosen by name: like `new`, except that nothing
    /// is known of an unlisted department's profile, so every item applies to it
    /// rather than its having none of the tags that make items apply.
    pub fn start(
        id: String,
        checklist: Checklist,
        chosen: Chosen,
        facts: AuditFacts,
        now: Timestamp,
    ) -> Self {
        let hearings = chosen
            .departments
            .into_iter()
            .map(|department| {
                if chosen.unlisted.contains(&department.short) {
                    Hearing {
                        department,
                        answers: BTreeMap::new(),
                    }
                } else {
                    Hearing::opening(&checklist, department)
                }
            })
            .collect();
        Self::with_hearings(id, checklist, hearings, facts, now)
    }

    /// A round of these hearings, resuming at the first item of the first.
    fn with_hearings(
        id: String,
        checklist: Checklist,
        hearings: Vec<Hearing>,
        facts: AuditFacts,
        now: Timestamp,
    ) -> Self {
        let cursor = Cursor {
            department: hearings
                .first()
                .map(|h| h.department.short.clone())
                .unwrap_or_default(),
            item: checklist
                .items()
                .next()
                .map(|(_, i)| i.id.clone())
                .unwrap_or_default(),
        };
        Session {
            format: FORMAT,
            id,
            created: now,
            facts,
            checklist,
            hearings,
            cursor,
            history: Vec::new(),
        }
    }

    pub fn hearing(&self, department: &str) -> Option<&Hearing> {
        self.hearings
            .iter()
            .find(|h| h.department.short == department || h.department.name == department)
    }

    pub fn answer(&self, department: &str, item: &str) -> Option<&Answer> {
        self.hearing(department)?.answer(item)
    }

    pub fn mark_of(&self, department: &str, item: &str) -> Option<&Mark> {
        let symbol = self.hearing(department)?.mark(item)?;
        self.checklist.mark(symbol)
    }

    /// The change that gives `item` of `department` the mark `symbol` (None clears it).
    pub fn set_mark(
        &self,
        department: &str,
        item: &str,
        symbol: Option<&str>,
    ) -> Result<Change, Refusal> {
        let (department, item) = self.locate(department, item)?;
        if let Some(symbol) = symbol {
            self.checklist
                .mark(symbol)
                .ok_or_else(|| Refusal::UnknownMark(symbol.to_string()))?;
        }
        let answer = self.answer(&department, &item);
        let from = answer.and_then(|a| a.mark.clone());
        let from_applicability = answer.is_some_and(|a| a.by_applicability);
        Ok(Change::Mark {
            department,
            item,
            from,
            to: symbol.map(str::to_string),
            from_applicability,
            to_applicability: false,
        })
    }

    /// The change that replaces the note of `item` of `department`.
    pub fn set_note(&self, department: &str, item: &str, note: &str) -> Result<Change, Refusal> {
        let (department, item) = self.locate(department, item)?;
        let from = self
            .answer(&department, &item)
            .map(|a| a.note.clone())
            .unwrap_or_default();
        Ok(Change::Note {
            department,
            item,
            from,
            to: note.to_string(),
        })
    }

    /// The change that moves the resume position.
    pub fn move_to(&self, department: &str, item: &str) -> Result<Change, Refusal> {
        let (department, item) = self.locate(department, item)?;
        Ok(Change::Move(Cursor { department, item }))
    }

    /// Applies an event, checked or replayed from the journal.
    pub fn apply(&mut self, event: Event) -> Result<(), Refusal> {
        match &event.change {
            Change::Mark {
                department,
                item,
                to,
                to_applicability,
                ..
            } => {
                let answer = self.answer_mut(department, item)?;
                answer.mark = to.clone();
                answer.by_applicability = *to_applicability;
                // A cell given back to applicability was never set by anyone.
                answer.set_at = (!to_applicability).then_some(event.at);
            }
            Change::Note {
                department,
                item,
                to,
                ..
            } => {
                let answer = self.answer_mut(department, item)?;
                answer.note = to.clone();
                answer.set_at = Some(event.at);
            }
            Change::Move(cursor) => {
                self.locate(&cursor.department, &cursor.item)?;
                self.cursor = cursor.clone();
                return Ok(());
            }
        }
        self.history.push(event);
        Ok(())
    }

    /// True when there is something to hear: at least one item and one department.
    /// A session written by hand may lack either; the screens refuse it.
    pub fn is_hearable(&self) -> bool {
        self.checklist.item_count() > 0 && !self.hearings.is_empty()
    }

    /// Cells per department times items.
    pub fn cell_count(&self) -> usize {
        self.hearings.len() * self.checklist.item_count()
    }

    /// Cells with a mark, in all departments.
    pub fn answered_count(&self) -> usize {
        self.hearings.iter().map(|h| self.answered_in(h)).sum()
    }

    pub fn answered_in(&self, hearing: &Hearing) -> usize {
        hearing
            .answers
            .values()
            .filter(|a| a.mark.is_some())
            .count()
    }

    /// The time of the last change, or of creation.
    pub fn last_change(&self) -> Timestamp {
        self.history.last().map_or(self.created, |e| e.at)
    }

    /// The meaning of the mark in a cell, if it has one.
    pub fn meaning(&self, department: &str, item: &Item) -> Option<Meaning> {
        self.mark_of(department, &item.id).map(|m| m.meaning)
    }

    fn locate(&self, department: &str, item: &str) -> Result<(String, String), Refusal> {
        let hearing = self
            .hearing(department)
            .ok_or_else(|| Refusal::UnknownDepartment(department.to_string()))?;
        let item = self
            .checklist
            .item(item)
            .ok_or_else(|| Refusal::UnknownItem(item.to_string()))?;
        Ok((hearing.department.short.clone(), item.id.clone()))
    }

    fn answer_mut(&mut self, department: &str, item: &str) -> Result<&mut Answer, Refusal> {
        let (department, item) = self.locate(department, item)?;
        let hearing = self
            .hearings
            .iter_mut()
            .find(|h| h.department.short == department);
        let hearing = hearing.ok_or(Refusal::UnknownDepartment(department))?;
        Ok(hearing.answers.entry(item).or_default())
    }
}

/// The seed round as it starts, for the core's unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    pub fn now() -> Timestamp {
        DateTime::parse_from_rfc3339("2024-09-27T10:00:00+09:00").expect("a fixed time")
    }

    pub fn seed_session() -> Session {
        let checklist = Checklist::bundled();
        let departments = checklist.departments.clone();
        let facts = AuditFacts {
            title: "上半期".into(),
            ..AuditFacts::default()
        };
        Session::new("t".into(), checklist, departments, facts, now())
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{now, seed_session};
    use super::*;

    fn record(session: &mut Session, change: Change) {
        session
            .apply(Event {
                at: now(),
                by: "tester".into(),
                change,
            })
            .unwrap();
    }

    #[test]
    fn a_new_round_marks_only_the_seeds_not_applicable_cells() {
        let session = seed_session();
        assert_eq!(session.cell_count(), 168);
        assert_eq!(session.answered_count(), 32);
        assert!(session.answer("秘書", "III-7").unwrap().by_applicability);
        assert!(session.answer("管財", "III-7").is_none());
        assert_eq!(
            session.cursor,
            Cursor {
                department: "秘書".into(),
                item: "I-1".into()
            }
        );
    }

    #[test]
    fn marks_and_notes_are_recorded_with_their_history() {
        let mut session = seed_session();
        let change = session.set_mark("保育課", "I-3", Some("×")).unwrap();
        assert_eq!(
            change,
            Change::Mark {
                department: "保育".into(),
                item: "I-3".into(),
                from: None,
                to: Some("×".into()),
                from_applicability: false,
                to_applicability: false,
            }
        );
        record(&mut session, change);
        let change = session
            .set_note("保育", "I-3", "付箋にID・パスワード")
            .unwrap();
        record(&mut session, change);
        let answer = session.answer("保育", "I-3").unwrap();
        assert_eq!(answer.mark.as_deref(), Some("×"));
        assert_eq!(answer.note, "付箋にID・パスワード");
        assert_eq!(session.history.len(), 2);
        let undo = session.history[0].change.inverse();
        record(&mut session, undo);
        assert_eq!(session.answer("保育", "I-3").unwrap().mark, None);
        assert_eq!(session.answered_count(), 32);
    }

    #[test]
    fn overriding_an_applicability_mark_makes_it_the_auditors() {
        let mut session = seed_session();
        let change = session.set_mark("秘書", "III-7", Some("○")).unwrap();
        record(&mut session, change);
        assert!(!session.answer("秘書", "III-7").unwrap().by_applicability);
    }

    #[test]
    fn undoing_an_override_gives_the_cell_back_to_applicability_exactly() {
        let mut session = seed_session();
        let before = session.answer("秘書", "III-7").cloned();
        let change = session.set_mark("秘書", "III-7", Some("○")).unwrap();
        record(&mut session, change.clone());
        record(&mut session, change.inverse());
        assert_eq!(session.answer("秘書", "III-7").cloned(), before);
        let line = ron::to_string(&session.set_mark("保育", "I-1", Some("○")).unwrap()).unwrap();
        assert!(
            !line.contains("applicability"),
            "plain marks journal as before: {line}"
        );
    }

    #[test]
    fn unknown_names_are_refused() {
        let session = seed_session();
        assert_eq!(
            session.set_mark("総務", "I-1", None),
            Err(Refusal::UnknownDepartment("総務".into()))
        );
        assert_eq!(
            session.set_mark("保育", "X-1", None),
            Err(Refusal::UnknownItem("X-1".into()))
        );
        assert_eq!(
            session.set_mark("保育", "I-1", Some("◎")),
            Err(Refusal::UnknownMark("◎".into()))
        );
    }

    #[test]
    fn departments_are_chosen_by_either_name_once_and_unlisted_ones_reported() {
        let checklist = Checklist::bundled();
        let whole = choose_departments(&checklist, None);
        assert_eq!(whole.departments, checklist.departments);
        assert!(whole.unlisted.is_empty());

        let names = ["保育課", " 秘書 ", "", "総務課", "保育", "総務課"].map(String::from);
        let chosen = choose_departments(&checklist, Some(&names));
        let shorts: Vec<_> = chosen.departments.iter().map(|d| &d.short[..]).collect();
        assert_eq!(shorts, ["保育", "秘書", "総務課"]);
        assert_eq!(chosen.unlisted, ["総務課"]);
        assert_eq!(chosen.departments[2], Department::unlisted("総務課"));

        let tagged = Session::new(
            "t".into(),
            checklist.clone(),
            chosen.departments.clone(),
            AuditFacts::default(),
            now(),
        );
        assert!(
            !tagged.hearing("総務課").unwrap().answers.is_empty(),
            "with no tags, items that need one would not apply"
        );
        let session = Session::start("t".into(), checklist, chosen, AuditFacts::default(), now());
        assert_eq!(
            session.hearing("保育").unwrap(),
            tagged.hearing("保育").unwrap()
        );
        assert!(
            session.hearing("総務課").unwrap().answers.is_empty(),
            "every item applies to an unlisted department"
        );
        assert!(
            choose_departments(&Checklist::bundled(), Some(&[]))
                .departments
                .is_empty()
        );
    }

    #[test]
    fn moving_changes_the_cursor_but_not_the_history() {
        let mut session = seed_session();
        let change = session.move_to("障がい福祉課", "IV-2").unwrap();
        record(&mut session, change);
        assert_eq!(
            session.cursor,
            Cursor {
                department: "障がい".into(),
                item: "IV-2".into()
            }
        );
        assert!(session.history.is_empty());
    }
}
