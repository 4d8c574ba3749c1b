//! A new round: the departments it hears, chosen by name, and every item that cannot
//! apply to one of them marked 該当なし from the start.

use super::cursor::Cursor;
use super::hearing::Hearing;
use super::history::History;
use super::round::{FORMAT, Session};
use super::time::Timestamp;
use crate::checklist::{Checklist, Department};
use crate::facts::{AuditFacts, DepartmentFacts};

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
        let checklist = checklist.with_out_of_scope();
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
        let checklist = checklist.with_out_of_scope();
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
            extra: Vec::new(),
            hearings,
            cursor,
            history: History::default(),
            signed: None,
            heads: Vec::new(),
            previous: None,
            clock: Default::default(),
        }
    }
}
