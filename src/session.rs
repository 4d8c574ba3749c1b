//! An audit round in progress: the checklist snapshot, the departments heard, every
//! answer, the history of changes and where to resume. Pure data and rules; saving is
//! the store's job.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::checklist::{Area, Checklist, Condition, Department, FieldKind, Item, Mark, Meaning};
use crate::facts::{DepartmentFacts, FactField, FactValue};
use crate::findings::{AreaSheet, Finding};
use crate::rounds::{FollowUpState, Previous};
use crate::selfcheck::SelfCheck;
use crate::signoff::SignOff;

pub use crate::facts::AuditFacts;
pub use crate::history::History;

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
    /// Every change but moves, oldest first: marks, notes, facts, findings,
    /// sign-offs and reopens.
    /// Kept out of the snapshot: a session file holds it in a section of its own,
    /// one line per event, after the snapshot (see `store`).
    #[serde(default, skip_serializing)]
    pub history: History,
    /// The sign-off in force: set by signing, cleared by a reopen. While it is set,
    /// the session refuses every change but a move of the cursor and a reopen.
    #[serde(default)]
    pub signed: Option<SignOff>,
    /// Places written by auditors who had not seen each other's change, found by a
    /// merge: the latest change of each writer (see `merge`). A place with differing
    /// values is a conflict; recording a new value there settles it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub heads: Vec<Vec<Event>>,
    /// The earlier round this one was started from (`kansa new --from`): its answers,
    /// its 指摘事項 to follow up, and how the checklist changed since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Previous>,
}

/// One department's hearing: who they are and what they answered, by item id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hearing {
    pub department: Department,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// The department is off the checklist's roster: nothing is known of its profile,
    /// so only the conditions on answers decide which items apply to it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unlisted: bool,
    /// The department's own 監査範囲 and 監査実施日程, where they differ from the round's.
    #[serde(default)]
    pub facts: DepartmentFacts,
    /// By area id: the 所見, the 指摘事項 and the dismissed proposals.
    #[serde(default)]
    pub sheet: BTreeMap<String, AreaSheet>,
    /// The department's own answers, read from its returned self-check workbook: never
    /// the audit's marks, which the auditor gives (or accepts from these).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selfcheck: Option<SelfCheck>,
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
    /// The values of the checklist's extra fields (確認日, 目標日…), by field id; a date
    /// as YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
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
    /// An extra field of an answer (確認日, 目標日…); None clears it.
    Field {
        department: String,
        item: String,
        field: String,
        from: Option<String>,
        to: Option<String>,
    },
    /// A fact of the round (監査目的, 報告日, 総評, …).
    Fact {
        field: FactField,
        from: FactValue,
        to: FactValue,
    },
    /// A department's own value of a per-department fact; None: the round's.
    DepartmentFact {
        department: String,
        field: FactField,
        from: Option<String>,
        to: Option<String>,
    },
    /// The 所見 of one area of a department.
    Observation {
        department: String,
        area: String,
        from: String,
        to: String,
    },
    /// A 指摘事項 added (`from` None), edited, or removed (`to` None).
    Finding {
        department: String,
        area: String,
        from: Option<Finding>,
        to: Option<Finding>,
    },
    /// A proposed 指摘事項 dismissed by the auditor (or no longer, when undone).
    Dismissal {
        department: String,
        item: String,
        dismissed: bool,
    },
    /// The round signed off by `by` at `at`; `digest` is of the content as signed.
    SignOff {
        by: String,
        at: Timestamp,
        digest: String,
    },
    /// Editable again after the sign-off of `digest`, and why.
    Reopen { reason: String, digest: String },
    /// A department's self-assessment imported (`from` the one it replaces, if any),
    /// or removed (`to` None, by an undo).
    SelfCheck {
        department: String,
        from: Option<Box<SelfCheck>>,
        to: Option<Box<SelfCheck>>,
    },
    /// The follow-up of an earlier round's 指摘事項 (by department, area and id).
    FollowUp {
        department: String,
        area: String,
        finding: u32,
        from: FollowUpState,
        to: FollowUpState,
    },
}

impl Change {
    /// The change that undoes this one; None for a sign-off and a reopen, which are
    /// never undone (a reopen is how a sign-off is left).
    pub fn inverse(&self) -> Option<Change> {
        let change = match self.clone() {
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
            Change::Field {
                department,
                item,
                field,
                from,
                to,
            } => Change::Field {
                department,
                item,
                field,
                from: to,
                to: from,
            },
            Change::Fact { field, from, to } => Change::Fact {
                field,
                from: to,
                to: from,
            },
            Change::DepartmentFact {
                department,
                field,
                from,
                to,
            } => Change::DepartmentFact {
                department,
                field,
                from: to,
                to: from,
            },
            other => return other.inverse_on_sheet(),
        };
        Some(change)
    }

    /// The inverse of a change to a department sheet (所見, 指摘事項, dismissals).
    fn inverse_on_sheet(self) -> Option<Change> {
        Some(match self {
            Change::Observation {
                department,
                area,
                from,
                to,
            } => Change::Observation {
                department,
                area,
                from: to,
                to: from,
            },
            Change::Finding {
                department,
                area,
                from,
                to,
            } => Change::Finding {
                department,
                area,
                from: to,
                to: from,
            },
            Change::Dismissal {
                department,
                item,
                dismissed,
            } => Change::Dismissal {
                department,
                item,
                dismissed: !dismissed,
            },
            Change::SelfCheck {
                department,
                from,
                to,
            } => Change::SelfCheck {
                department,
                from: to,
                to: from,
            },
            Change::FollowUp {
                department,
                area,
                finding,
                from,
                to,
            } => Change::FollowUp {
                department,
                area,
                finding,
                from: to,
                to: from,
            },
            _ => return None,
        })
    }

    /// The department (short name) the change is about, if it is about one.
    pub fn department(&self) -> Option<&str> {
        match self {
            Change::Mark { department, .. }
            | Change::Note { department, .. }
            | Change::Field { department, .. }
            | Change::DepartmentFact { department, .. }
            | Change::Observation { department, .. }
            | Change::Finding { department, .. }
            | Change::Dismissal { department, .. }
            | Change::SelfCheck { department, .. } => Some(department),
            Change::FollowUp { department, .. } => Some(department),
            Change::Move(cursor) => Some(&cursor.department),
            Change::Fact { .. } | Change::SignOff { .. } | Change::Reopen { .. } => None,
        }
    }

    /// True when the change names `item`: a mark or note of it, a dismissal of its
    /// proposal, or a 指摘事項 that names it before or after.
    pub fn names_item(&self, id: &str) -> bool {
        let in_finding = |f: &Option<Finding>| f.as_ref().is_some_and(|f| f.names(id));
        match self {
            Change::Mark { item, .. } | Change::Note { item, .. } | Change::Field { item, .. } => {
                item == id
            }
            Change::Dismissal { item, .. } => item == id,
            Change::Finding { from, to, .. } => in_finding(from) || in_finding(to),
            Change::Move(cursor) => cursor.item == id,
            _ => false,
        }
    }

    /// Changes a signed session refuses: all but moving the cursor and reopening.
    pub fn edits(&self) -> bool {
        !matches!(self, Change::Move(_) | Change::Reopen { .. })
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
    #[error("no answer field {0:?} in this checklist")]
    UnknownField(String),
    #[error("{field}: expected a date as YYYY-MM-DD, found {value:?}")]
    BadDate { field: String, value: String },
    #[error("signed off by {by}: reopen it, with a reason, to change it")]
    Signed { by: String },
    #[error("no area {0:?} in this checklist")]
    UnknownArea(String),
    #[error("item {item:?} is not in area {area:?}")]
    NotInArea { item: String, area: String },
    #[error("no finding {id} in {department} {area}")]
    UnknownFinding {
        department: String,
        area: String,
        id: u32,
    },
    #[error("a finding names at least one item")]
    NoItems,
    #[error("{item} of {department} is not proposed as a finding")]
    NotProposed { department: String, item: String },
    #[error("{0:?} does not take a value of that kind")]
    FactKind(FactField),
    #[error("{0:?} is the same for every department")]
    NotPerDepartment(FactField),
    #[error("not signed off")]
    NotSigned,
    #[error("a reopen needs a reason")]
    NoReason,
    #[error("{0} is neither an auditor nor the lead of this round")]
    NotASigner(String),
    #[error("{0} entries block sign-off (see kansa review)")]
    Blocked(usize),
    #[error("no follow-up #{0} in this round")]
    UnknownFollowUp(usize),
}

impl Hearing {
    /// A department's hearing before any answer: the items that cannot apply to it (by
    /// its tags, the departments an item names, or a gate not yet answered) start
    /// 該当なし, marked as set by applicability. `unlisted`: see `Hearing::unlisted`.
    fn opening(checklist: &Checklist, department: Department, unlisted: bool) -> Hearing {
        let mut hearing = Hearing {
            department,
            answers: BTreeMap::new(),
            unlisted,
            facts: DepartmentFacts::default(),
            sheet: BTreeMap::new(),
            selfcheck: None,
        };
        hearing.settle(checklist, |_| true);
        hearing
    }

    /// True when `item` applies to this department given its answers so far.
    pub fn applies(&self, checklist: &Checklist, item: &Item) -> bool {
        self.applies_with(checklist, item, &|id| self.mark(id))
    }

    fn applies_with<'a>(
        &self,
        checklist: &Checklist,
        item: &Item,
        symbol_of: &dyn Fn(&str) -> Option<&'a str>,
    ) -> bool {
        let mark_of = |id: &str| symbol_of(id).and_then(|s| checklist.mark(s));
        let tags = (!self.unlisted).then_some(self.department.tags.as_slice());
        (self.unlisted || item.lists(&self.department)) && item.applies.eval(tags, &mark_of)
    }

    /// Brings the applicability marks of the items chosen by `which` up to date, in
    /// checklist order (a condition only refers to earlier items, so one pass is
    /// enough): an unanswered item that cannot apply becomes 該当なし by applicability,
    /// and such a mark is cleared when the item applies again. Marks and notes set by
    /// hand are never touched.
    fn settle(&mut self, checklist: &Checklist, which: impl Fn(&Item) -> bool) {
        let Some(not_applicable) = checklist.not_applicable() else {
            return;
        };
        for (_, item) in checklist.items().filter(|(_, i)| which(i)) {
            let applies = self.applies(checklist, item);
            let answer = self.answers.get(&item.id);
            if applies && answer.is_some_and(|a| a.by_applicability) {
                let Some(answer) = self.answers.get_mut(&item.id) else {
                    continue;
                };
                answer.mark = None;
                answer.by_applicability = false;
                if *answer == Answer::default() {
                    self.answers.remove(&item.id);
                }
            } else if !applies && answer.is_none_or(|a| a.mark.is_none()) {
                let answer = self.answers.entry(item.id.clone()).or_default();
                answer.mark = Some(not_applicable.symbol.clone());
                answer.by_applicability = true;
            }
        }
    }
}

/// What a new mark on a gate item would do to the department's other items.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GateEffect {
    /// Unanswered items that would become 該当なし by applicability.
    pub hides: Vec<String>,
    /// Items answered by hand that would no longer apply. They keep their marks: the
    /// caller asks first, and may clear them (`set_mark(.., None)`) before the gate's
    /// change, so that the gate hides them too.
    pub answered: Vec<String>,
    /// Items that are 該当なし by applicability and would apply again, unanswered.
    pub shows: Vec<String>,
}

impl GateEffect {
    pub fn is_empty(&self) -> bool {
        *self == GateEffect::default()
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
            .map(|department| Hearing::opening(&checklist, department, false))
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
                let unlisted = chosen.unlisted.contains(&department.short);
                Hearing::opening(&checklist, department, unlisted)
            })
            .collect();
        Self::with_hearings(id, checklist, hearings, facts, now)
    }

    /// A round of these hearings, resuming at the first item of the first. Facts left
    /// empty take the checklist's wording, per department where it has its own.
    fn with_hearings(
        id: String,
        checklist: Checklist,
        mut hearings: Vec<Hearing>,
        facts: AuditFacts,
        now: Timestamp,
    ) -> Self {
        for hearing in &mut hearings {
            hearing.facts = DepartmentFacts::for_department(&checklist.facts, &hearing.department);
        }
        let facts = facts.with_defaults(&checklist.facts);
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
            history: History::default(),
            signed: None,
            heads: Vec::new(),
            previous: None,
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
        self.editable()?;
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
        self.editable()?;
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

    /// The change that sets the extra field `field` of an answer (None or blank clears
    /// it). A date must be YYYY-MM-DD; it is stored in that form.
    pub fn set_field(
        &self,
        department: &str,
        item: &str,
        field: &str,
        value: Option<&str>,
    ) -> Result<Change, Refusal> {
        let (department, item) = self.locate(department, item)?;
        let declared = self
            .checklist
            .field(field)
            .ok_or_else(|| Refusal::UnknownField(field.to_string()))?;
        let value = value.map(str::trim).filter(|v| !v.is_empty());
        let to = match (value, declared.kind) {
            (Some(v), FieldKind::Date) => {
                let date =
                    NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| Refusal::BadDate {
                        field: declared.label.clone(),
                        value: v.to_string(),
                    })?;
                Some(date.format("%Y-%m-%d").to_string())
            }
            (v, _) => v.map(str::to_string),
        };
        let from = self
            .answer(&department, &item)
            .and_then(|a| a.fields.get(field).cloned());
        Ok(Change::Field {
            department,
            item,
            field: field.to_string(),
            from,
            to,
        })
    }

    /// What giving `item` of `department` the mark `symbol` would do to the items that
    /// depend on it, so a screen can ask before a gate hides answered items.
    pub fn gate_effect(
        &self,
        department: &str,
        item: &str,
        symbol: Option<&str>,
    ) -> Result<GateEffect, Refusal> {
        let (department, item) = self.locate(department, item)?;
        let hearing = self
            .hearing(&department)
            .ok_or_else(|| Refusal::UnknownDepartment(department.clone()))?;
        // The marks as they would be: the gate's new mark, and the applicability marks
        // of earlier dependants as the pass in checklist order would leave them.
        let mut after: BTreeMap<String, Option<String>> = BTreeMap::new();
        after.insert(item.clone(), symbol.map(str::to_string));
        let not_applicable = self.checklist.not_applicable().map(|m| m.symbol.clone());
        let mut effect = GateEffect::default();
        for (_, dependant) in self.checklist.items() {
            if dependant.id == item || !dependant.applies.refers_to_answers() {
                continue;
            }
            let before = hearing.applies(&self.checklist, dependant);
            let now = {
                let symbol_of = |id: &str| match after.get(id) {
                    Some(mark) => mark.as_deref(),
                    None => hearing.mark(id),
                };
                hearing.applies_with(&self.checklist, dependant, &symbol_of)
            };
            let answer = hearing.answer(&dependant.id);
            let automatic = answer.is_some_and(|a| a.by_applicability);
            // A cell already 該当なし by hand loses nothing: no need to ask about it.
            let meaning = answer
                .and_then(|a| a.mark.as_deref())
                .and_then(|s| self.checklist.mark(s))
                .map(|m| m.meaning);
            let answered = meaning.is_some_and(|m| m.is_applicable()) && !automatic;
            let unanswered = answer.is_none_or(|a| a.mark.is_none());
            if before && !now && unanswered {
                effect.hides.push(dependant.id.clone());
                after.insert(dependant.id.clone(), not_applicable.clone());
            } else if before && !now && answered {
                effect.answered.push(dependant.id.clone());
            } else if !before && now && automatic {
                effect.shows.push(dependant.id.clone());
                after.insert(dependant.id.clone(), None);
            }
        }
        Ok(effect)
    }

    /// The change that moves the resume position.
    pub fn move_to(&self, department: &str, item: &str) -> Result<Change, Refusal> {
        let (department, item) = self.locate(department, item)?;
        Ok(Change::Move(Cursor { department, item }))
    }

    /// The change that gives the round's fact `field` the value `value`.
    pub fn set_fact(&self, field: FactField, value: FactValue) -> Result<Change, Refusal> {
        self.editable()?;
        if value.kind() != field.kind() {
            return Err(Refusal::FactKind(field));
        }
        Ok(Change::Fact {
            field,
            from: self.facts.get(field),
            to: value,
        })
    }

    /// The change that gives `department` its own value of a per-department fact
    /// (監査範囲, 監査実施日程); None makes it take the round's again.
    pub fn set_department_fact(
        &self,
        department: &str,
        field: FactField,
        value: Option<&str>,
    ) -> Result<Change, Refusal> {
        self.editable()?;
        if !field.per_department() {
            return Err(Refusal::NotPerDepartment(field));
        }
        let hearing = self
            .hearing(department)
            .ok_or_else(|| Refusal::UnknownDepartment(department.to_string()))?;
        Ok(Change::DepartmentFact {
            department: hearing.department.short.clone(),
            field,
            from: hearing.facts.get(field).cloned(),
            to: value.map(str::to_string),
        })
    }

    /// A fact as it holds for `department`: its own value where it has one, else the
    /// round's.
    pub fn fact_for(&self, department: &str, field: FactField) -> FactValue {
        let own = self.hearing(department).and_then(|h| h.facts.get(field));
        match own {
            Some(text) => FactValue::Text(text.clone()),
            None => self.facts.get(field),
        }
    }

    /// True while a sign-off is in force.
    pub fn is_signed(&self) -> bool {
        self.signed.is_some()
    }

    /// Refuses while the session is signed off.
    pub fn editable(&self) -> Result<(), Refusal> {
        match &self.signed {
            Some(signed) => Err(Refusal::Signed {
                by: signed.by.clone(),
            }),
            None => Ok(()),
        }
    }

    /// Refuses a change that names what the session lacks (a department, item, area,
    /// mark or answer field) or gives a fact a value it cannot hold: what `apply` would
    /// refuse whatever the session's state. A file's history and a merge's new changes
    /// are held to it, so that a damaged line is refused where it stands.
    pub fn fits(&self, change: &Change) -> Result<(), Refusal> {
        if let Some(place) = crate::merge::Place::of(change) {
            // By its short name, as every change is recorded: a merge places changes
            // by the name they carry.
            if let Some(department) = place.department()
                && !self
                    .hearings
                    .iter()
                    .any(|h| h.department.short == department)
            {
                return Err(Refusal::UnknownDepartment(department.to_string()));
            }
            if let Some(item) = place.item()
                && self.checklist.item(item).is_none()
            {
                return Err(Refusal::UnknownItem(item.to_string()));
            }
            if let Some(area) = place.area()
                && !self.checklist.areas.iter().any(|a| a.id == area)
            {
                return Err(Refusal::UnknownArea(area.to_string()));
            }
        }
        match change {
            Change::Mark { to: Some(mark), .. } if self.checklist.mark(mark).is_none() => {
                Err(Refusal::UnknownMark(mark.clone()))
            }
            Change::Field { field, .. } if self.checklist.field(field).is_none() => {
                Err(Refusal::UnknownField(field.clone()))
            }
            Change::Fact { field, to, .. } if to.kind() != field.kind() => {
                Err(Refusal::FactKind(*field))
            }
            Change::DepartmentFact { field, .. } if !field.per_department() => {
                Err(Refusal::NotPerDepartment(*field))
            }
            _ => Ok(()),
        }
    }

    /// Applies an event, checked or replayed from the journal. A signed session
    /// refuses every change but a move and a reopen.
    pub fn apply(&mut self, event: Event) -> Result<(), Refusal> {
        if event.change.edits() {
            self.editable()?;
        }
        // A journal line with a mark not on the scale would otherwise be taken, and
        // refused only when the history it joined is read again.
        self.fits(&event.change)?;
        match &event.change {
            Change::Move(cursor) => {
                self.locate(&cursor.department, &cursor.item)?;
                self.cursor = cursor.clone();
                return Ok(());
            }
            Change::Mark { .. } | Change::Note { .. } | Change::Field { .. } => {
                self.apply_to_cell(&event)?
            }
            Change::Fact { field, to, .. } => {
                if !self.facts.set(*field, to.clone()) {
                    return Err(Refusal::FactKind(*field));
                }
            }
            Change::DepartmentFact {
                department,
                field,
                to,
                ..
            } => {
                let hearing = self.hearing_mut(department)?;
                if !hearing.facts.set(*field, to.clone()) {
                    return Err(Refusal::NotPerDepartment(*field));
                }
            }
            Change::SignOff { by, at, digest } => {
                self.signed = Some(SignOff::of(self, by, *at, digest));
            }
            Change::Reopen { .. } => {
                self.signed.take().ok_or(Refusal::NotSigned)?;
            }
            Change::SelfCheck { department, to, .. } => {
                self.hearing_mut(department)?.selfcheck = to.as_deref().cloned();
            }
            Change::FollowUp {
                department,
                area,
                finding,
                to,
                ..
            } => self.apply_followup(department, area, *finding, to)?,
            sheet => self.apply_to_sheet(sheet)?,
        }
        // A value recorded after a merge was chosen knowing every writer's.
        if let Some(place) = crate::merge::Place::of(&event.change) {
            self.heads.retain(|h| {
                h.first().and_then(|e| crate::merge::Place::of(&e.change)) != Some(place.clone())
            });
        }
        self.history.push(event);
        Ok(())
    }

    /// A mark, a note or an answer field of one cell.
    fn apply_to_cell(&mut self, event: &Event) -> Result<(), Refusal> {
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
                self.settle_gates(department, item);
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
            Change::Field {
                department,
                item,
                field,
                to,
                ..
            } => {
                self.checklist
                    .field(field)
                    .ok_or_else(|| Refusal::UnknownField(field.clone()))?;
                let answer = self.answer_mut(department, item)?;
                match to {
                    Some(value) => answer.fields.insert(field.clone(), value.clone()),
                    None => answer.fields.remove(field),
                };
                answer.set_at = Some(event.at);
            }
            _ => {}
        }
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
        self.history.last_at().unwrap_or(self.created)
    }

    /// The meaning of the mark in a cell, if it has one.
    pub fn meaning(&self, department: &str, item: &Item) -> Option<Meaning> {
        self.mark_of(department, &item.id).map(|m| m.meaning)
    }

    pub(crate) fn locate(&self, department: &str, item: &str) -> Result<(String, String), Refusal> {
        let hearing = self
            .hearing(department)
            .ok_or_else(|| Refusal::UnknownDepartment(department.to_string()))?;
        let item = self
            .checklist
            .item(item)
            .ok_or_else(|| Refusal::UnknownItem(item.to_string()))?;
        Ok((hearing.department.short.clone(), item.id.clone()))
    }

    /// After a mark on `item`: the applicability of the department's items that depend
    /// on answers, when some item depends on this one.
    fn settle_gates(&mut self, department: &str, item: &str) {
        let gates_this = |i: &Item| {
            let mut conditions = Vec::new();
            i.applies.answers(&mut conditions);
            conditions.iter().any(|c| {
                matches!(c, Condition::Answer(g, _) | Condition::AnswerMeans(g, _) if g == item)
            })
        };
        if !self.checklist.items().any(|(_, i)| gates_this(i)) {
            return;
        }
        let checklist = &self.checklist;
        if let Some(hearing) = self
            .hearings
            .iter_mut()
            .find(|h| h.department.short == department)
        {
            hearing.settle(checklist, |i| i.applies.refers_to_answers());
        }
    }

    /// The area of `item`, if the checklist has it.
    pub fn area_of(&self, item: &str) -> Option<&Area> {
        self.checklist
            .items()
            .find(|(_, i)| i.id == item)
            .map(|(a, _)| a)
    }

    /// The department's short name and the area's id, or why not.
    pub(crate) fn locate_area(
        &self,
        department: &str,
        area: &str,
    ) -> Result<(String, String), Refusal> {
        let hearing = self
            .hearing(department)
            .ok_or_else(|| Refusal::UnknownDepartment(department.to_string()))?;
        let area = self
            .checklist
            .areas
            .iter()
            .find(|a| a.id == area)
            .ok_or_else(|| Refusal::UnknownArea(area.to_string()))?;
        Ok((hearing.department.short.clone(), area.id.clone()))
    }

    pub(crate) fn hearing_mut(&mut self, department: &str) -> Result<&mut Hearing, Refusal> {
        self.hearings
            .iter_mut()
            .find(|h| h.department.short == department || h.department.name == department)
            .ok_or_else(|| Refusal::UnknownDepartment(department.to_string()))
    }

    fn answer_mut(&mut self, department: &str, item: &str) -> Result<&mut Answer, Refusal> {
        let (department, item) = self.locate(department, item)?;
        let hearing = self.hearing_mut(&department)?;
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
        let undo = session.history[0].change.inverse().unwrap();
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
        record(&mut session, change.inverse().unwrap());
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
