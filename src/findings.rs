//! The department sheet: per department and area, the 所見 (observation), the 指摘事項
//! (formal findings, each naming its items) and the proposals the auditor dismissed;
//! and the proposals themselves — cells with a needs-improvement mark that no finding
//! names yet. Every edit is a `Change`, built here and applied by `Session::apply`.

use crate::checklist::Meaning;
pub use crate::session::{AreaSheet, Finding};
use crate::session::{Change, Refusal, Session};

/// A cell with a needs-improvement mark that no 指摘事項 names and that was not
/// dismissed: the auditor accepts it (as worded or reworded) or dismisses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// Short name.
    pub department: String,
    pub area: String,
    pub item: String,
    /// The mark's symbol.
    pub mark: String,
}

impl Session {
    /// The sheet of one area of a department, if anything was written there.
    pub fn sheet(&self, department: &str, area: &str) -> Option<&AreaSheet> {
        self.hearing(department)?.sheet.get(area)
    }

    /// The change that replaces the 所見 of `area` of `department`.
    pub fn set_observation(
        &self,
        department: &str,
        area: &str,
        text: &str,
    ) -> Result<Change, Refusal> {
        self.editable()?;
        let (department, area) = self.locate_area(department, area)?;
        let from = self
            .sheet(&department, &area)
            .map(|s| s.observation.clone())
            .unwrap_or_default();
        Ok(Change::Observation {
            department,
            area,
            from,
            to: text.to_string(),
        })
    }

    /// The change that adds a 指摘事項 naming `items` (all of `area`) to the sheet.
    pub fn add_finding(
        &self,
        department: &str,
        area: &str,
        items: &[String],
        text: &str,
    ) -> Result<Change, Refusal> {
        self.editable()?;
        let (department, area) = self.locate_area(department, area)?;
        let items = self.items_of_area(&area, items)?;
        let id = self
            .sheet(&department, &area)
            .and_then(|s| s.findings.iter().map(|f| f.id).max())
            .map_or(1, |max| max + 1);
        let to = Finding {
            id,
            items,
            text: text.to_string(),
        };
        Ok(Change::Finding {
            department,
            area,
            from: None,
            to: Some(to),
        })
    }

    /// The change that rewords finding `id` and sets the items it names.
    pub fn edit_finding(
        &self,
        department: &str,
        area: &str,
        id: u32,
        items: &[String],
        text: &str,
    ) -> Result<Change, Refusal> {
        self.editable()?;
        let (department, area) = self.locate_area(department, area)?;
        let items = self.items_of_area(&area, items)?;
        let from = self.finding(&department, &area, id)?.clone();
        let to = Finding {
            id,
            items,
            text: text.to_string(),
        };
        Ok(Change::Finding {
            department,
            area,
            from: Some(from),
            to: Some(to),
        })
    }

    /// The change that removes finding `id`.
    pub fn remove_finding(&self, department: &str, area: &str, id: u32) -> Result<Change, Refusal> {
        self.editable()?;
        let (department, area) = self.locate_area(department, area)?;
        let from = self.finding(&department, &area, id)?.clone();
        Ok(Change::Finding {
            department,
            area,
            from: Some(from),
            to: None,
        })
    }

    /// The department's pending proposals, in checklist order.
    pub fn proposals(&self, department: &str) -> Vec<Proposal> {
        let Some(hearing) = self.hearing(department) else {
            return Vec::new();
        };
        let short = &hearing.department.short;
        self.checklist
            .items()
            .filter_map(|(area, item)| {
                let mark = self.mark_of(short, &item.id)?;
                let sheet = hearing.sheet.get(&area.id);
                let handled =
                    sheet.is_some_and(|s| s.names(&item.id) || s.dismissed.contains(&item.id));
                (mark.meaning == Meaning::NeedsImprovement && !handled).then(|| Proposal {
                    department: short.clone(),
                    area: area.id.clone(),
                    item: item.id.clone(),
                    mark: mark.symbol.clone(),
                })
            })
            .collect()
    }

    /// The change that accepts the proposal of `item`: a new 指摘事項 naming it, worded
    /// `text`, or as the item is worded when `text` is None.
    pub fn accept_proposal(
        &self,
        department: &str,
        item: &str,
        text: Option<&str>,
    ) -> Result<Change, Refusal> {
        let proposal = self.proposal(department, item)?;
        let worded = match text {
            Some(text) => text.to_string(),
            None => self
                .checklist
                .item(item)
                .map(|i| i.text.clone())
                .unwrap_or_default(),
        };
        let items = [proposal.item.clone()];
        self.add_finding(&proposal.department, &proposal.area, &items, &worded)
    }

    /// The change that dismisses the proposal of `item`: it is not proposed again.
    pub fn dismiss_proposal(&self, department: &str, item: &str) -> Result<Change, Refusal> {
        let proposal = self.proposal(department, item)?;
        Ok(Change::Dismissal {
            department: proposal.department,
            item: proposal.item,
            dismissed: true,
        })
    }

    fn finding(&self, department: &str, area: &str, id: u32) -> Result<&Finding, Refusal> {
        self.sheet(department, area)
            .and_then(|s| s.findings.iter().find(|f| f.id == id))
            .ok_or_else(|| Refusal::UnknownFinding {
                department: department.to_string(),
                area: area.to_string(),
                id,
            })
    }

    /// `items` checked to be items of `area`, each once, in the order given.
    fn items_of_area(&self, area: &str, items: &[String]) -> Result<Vec<String>, Refusal> {
        let mut checked: Vec<String> = Vec::new();
        for item in items.iter().map(|i| i.trim()) {
            let of = self
                .area_of(item)
                .ok_or_else(|| Refusal::UnknownItem(item.to_string()))?;
            if of.id != area {
                return Err(Refusal::NotInArea {
                    item: item.to_string(),
                    area: area.to_string(),
                });
            }
            if !checked.iter().any(|c| c == item) {
                checked.push(item.to_string());
            }
        }
        if checked.is_empty() {
            return Err(Refusal::NoItems);
        }
        Ok(checked)
    }

    /// The pending proposal of `item` of `department`, or why there is none.
    fn proposal(&self, department: &str, item: &str) -> Result<Proposal, Refusal> {
        self.editable()?;
        let (short, id) = self.locate(department, item)?;
        self.proposals(&short)
            .into_iter()
            .find(|p| p.item == id)
            .ok_or(Refusal::NotProposed {
                department: short,
                item: id,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::Checklist;
    use crate::session::{AuditFacts, Event};

    fn session() -> Session {
        let checklist = Checklist::bundled();
        let departments = checklist.departments.clone();
        let now = chrono::DateTime::parse_from_rfc3339("2024-09-27T10:00:00+09:00").unwrap();
        Session::new(
            "t".into(),
            checklist,
            departments,
            AuditFacts::default(),
            now,
        )
    }

    fn record(session: &mut Session, change: Change) {
        let at = session.created;
        let by = "監査 太郎".to_string();
        session.apply(Event::at(at, by, change)).unwrap();
    }

    #[test]
    fn needs_improvement_marks_are_proposed_until_accepted_or_dismissed() {
        let mut s = session();
        for (item, mark) in [("I-3", "×"), ("I-5(2)", "×"), ("I-2(2)", "△")] {
            let change = s.set_mark("保育", item, Some(mark)).unwrap();
            record(&mut s, change);
        }
        let items = |s: &Session| -> Vec<String> {
            s.proposals("保育課").into_iter().map(|p| p.item).collect()
        };
        assert_eq!(items(&s), ["I-3", "I-5(2)"], "△ is not proposed");
        let change = s
            .accept_proposal("保育", "I-3", Some("ID・パスワードの取扱い"))
            .unwrap();
        record(&mut s, change);
        let change = s.dismiss_proposal("保育", "I-5(2)").unwrap();
        record(&mut s, change);
        assert!(items(&s).is_empty());
        // A dismissed proposal does not come back, even after the mark changes.
        for mark in ["○", "×"] {
            let change = s.set_mark("保育", "I-5(2)", Some(mark)).unwrap();
            record(&mut s, change);
        }
        assert!(items(&s).is_empty());
        let sheet = s.sheet("保育", "I").unwrap();
        assert_eq!(sheet.findings[0].items, ["I-3"]);
        assert_eq!(
            s.dismiss_proposal("保育", "I-3"),
            Err(Refusal::NotProposed {
                department: "保育".into(),
                item: "I-3".into()
            })
        );
    }

    #[test]
    fn findings_are_added_edited_removed_and_undone_in_id_order() {
        let mut s = session();
        let items = |ids: &[&str]| ids.iter().map(|i| i.to_string()).collect::<Vec<_>>();
        for text in ["一", "二", "三"] {
            let change = s.add_finding("保育", "I", &items(&["I-1"]), text).unwrap();
            record(&mut s, change);
        }
        let change = s.remove_finding("保育", "I", 2).unwrap();
        record(&mut s, change.clone());
        let change = change.inverse().unwrap();
        record(&mut s, change);
        let change = s
            .edit_finding("保育", "I", 3, &items(&["I-3", "I-5(2)", "I-3"]), "参")
            .unwrap();
        record(&mut s, change);
        let sheet = s.sheet("保育", "I").unwrap();
        let texts: Vec<&str> = sheet.findings.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, ["一", "二", "参"]);
        assert_eq!(sheet.findings[2].items, ["I-3", "I-5(2)"]);
        assert_eq!(
            s.add_finding("保育", "I", &items(&["III-7"]), "x"),
            Err(Refusal::NotInArea {
                item: "III-7".into(),
                area: "I".into()
            })
        );
        assert_eq!(s.add_finding("保育", "I", &[], "x"), Err(Refusal::NoItems));
        assert!(matches!(
            s.remove_finding("保育", "I", 9),
            Err(Refusal::UnknownFinding { id: 9, .. })
        ));
    }
}
