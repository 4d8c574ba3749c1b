//! The departments' own answers as a layer of the session beside the audit's marks:
//! the items a department's sheet asks, its own mark for an item, and the changes that
//! import a self-assessment or accept an own mark as the audit's.

use crate::checklist::Item;
use crate::session::{Change, Hearing, Refusal, SelfCheck, Session};

impl Hearing {
    /// The department's own mark for `item`, when it returned a sheet and answered.
    pub fn self_mark(&self, item: &str) -> Option<&str> {
        self.selfcheck.as_ref()?.mark(item)
    }
}

/// The items a department's sheet asks about: those applicability did not settle.
pub fn sheet_items<'a>(session: &'a Session, hearing: &'a Hearing) -> Vec<&'a Item> {
    session
        .checklist
        .items()
        .map(|(_, item)| item)
        .filter(|item| !hearing.by_applicability(&item.id))
        .collect()
}

/// How many items a department's sheets ask, over every checklist that applies to it.
pub fn asked_count(session: &Session, department: &str) -> usize {
    let asked = |view: &Session| Some(sheet_items(view, view.hearing(department)?).len());
    let others = (1..=session.extra.len()).filter_map(|index| session.view(index));
    asked(session).unwrap_or(0) + others.filter_map(|view| asked(&view)).sum::<usize>()
}

impl Session {
    /// The change that makes `selfcheck` the department's self-assessment, replacing
    /// any earlier one (the history keeps both).
    pub fn set_selfcheck(&self, department: &str, selfcheck: SelfCheck) -> Result<Change, Refusal> {
        self.editable()?;
        let hearing = self
            .hearing(department)
            .ok_or_else(|| Refusal::UnknownDepartment(department.to_string()))?;
        Ok(Change::SelfCheck {
            department: hearing.department.short.clone(),
            from: hearing.selfcheck.clone().map(Box::new),
            to: Some(Box::new(selfcheck)),
        })
    }

    /// The change that gives the department's own mark to `item` as the audit's mark;
    /// None when the department gave no mark there.
    pub fn accept_self(&self, department: &str, item: &str) -> Option<Result<Change, Refusal>> {
        let symbol = self.hearing(department)?.self_mark(item)?.to_string();
        Some(self.set_mark(department, item, Some(&symbol)))
    }

    /// True when some department's self-assessment was imported in this round: only
    /// then is a missing one worth a word.
    pub fn has_selfchecks(&self) -> bool {
        self.hearings.iter().any(|h| h.selfcheck.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::testing::{now, seed_session};
    use crate::session::{Event, SelfAnswer};
    use std::collections::BTreeMap;

    fn selfcheck(mark: &str) -> SelfCheck {
        let mut answers = BTreeMap::new();
        answers.insert(
            "I-3".to_string(),
            SelfAnswer {
                mark: Some(mark.into()),
                comment: "付箋は撤去済み".into(),
            },
        );
        SelfCheck {
            by: "保育課".into(),
            imported: now(),
            file: "保育.xlsx".into(),
            digest: "00".into(),
            answers,
        }
    }

    #[test]
    fn a_reimport_replaces_the_self_assessment_and_undoes_to_the_first() {
        let mut session = seed_session();
        for mark in ["△", "○"] {
            let change = session.set_selfcheck("保育課", selfcheck(mark)).unwrap();
            session
                .apply(Event {
                    at: now(),
                    by: "tester".into(),
                    change,
                    hlc: None,
                })
                .unwrap();
        }
        let hearing = session.hearing("保育").unwrap();
        assert_eq!(hearing.self_mark("I-3"), Some("○"));
        assert_eq!(session.history.len(), 2);
        let undo = session.history[1].change.inverse().unwrap();
        session
            .apply(Event {
                at: now(),
                by: "tester".into(),
                change: undo,
                hlc: None,
            })
            .unwrap();
        assert_eq!(session.hearing("保育").unwrap().self_mark("I-3"), Some("△"));
        assert_eq!(
            session.answer("保育", "I-3"),
            None,
            "never the audit's mark"
        );
        let accept = session.accept_self("保育", "I-3").unwrap().unwrap();
        assert!(matches!(accept, Change::Mark { to: Some(ref m), .. } if m == "△"));
    }
}
