//! The audit's facts as the 結果報告書 header prints them (監査目的, 監査範囲, 監査方法,
//! 監査項目, 適用基準, 監査実施日程, 報告日, 監査担当部門) with the round's title, date,
//! auditors and 監査実施責任者, and the 総評; the 実施報告書's own (its long 監査目的,
//! 対象システム, the 規程 articles behind 責任者 and 担当部門, the 根拠); the defaults a
//! checklist gives them, and the per-department overrides of 監査範囲 and 監査実施日程.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub mod field;

use crate::checklist::Department;
pub use crate::checklist::{FactDefaults, FactOverride};
pub use field::{FactField, FactKind};

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
    /// 監査目的.
    #[serde(default)]
    pub purpose: String,
    /// 監査範囲, unless a department overrides it.
    #[serde(default)]
    pub scope: String,
    /// 監査方法.
    #[serde(default)]
    pub method: String,
    /// 監査項目 (the headings the report lists, not the checklist's items).
    #[serde(default)]
    pub subjects: String,
    /// 適用基準.
    #[serde(default)]
    pub criteria: String,
    /// 監査実施日程, unless a department overrides it.
    #[serde(default)]
    pub schedule: String,
    /// 報告日.
    #[serde(default)]
    pub report_date: Option<NaiveDate>,
    /// 監査担当部門.
    #[serde(default)]
    pub division: String,
    /// 総評: the auditors' summary of the round.
    #[serde(default)]
    pub overall: String,
    /// 監査目的 as the 実施報告書 states it: the long statement (監査規程第11条 …);
    /// the 結果報告書's short `purpose` where none is written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub objective: String,
    /// 対象システム, one a line; where none are written, the systems of the checklist
    /// that the departments audited use (`FactDefaults::systems`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub systems: String,
    /// The 規程 article that makes the 監査実施責任者 so (監査規程第3条第2項).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lead_basis: String,
    /// The 規程 article that makes the 監査担当部門 so (監査規程第3条第1項).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub division_basis: String,
    /// 監査の基準となる根拠: the rules and guidelines audited against, one a line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub grounds: String,
    /// The 改善内容等 of an item as the 実施報告書 prints it, by item id: one text the
    /// auditors wrote for the item (proposed from the departments' notes), instead of
    /// every department's note.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub improvements: BTreeMap<String, String>,
}

/// The value of one fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FactValue {
    Text(String),
    Date(Option<NaiveDate>),
    Names(Vec<String>),
}

impl FactValue {
    pub fn kind(&self) -> FactKind {
        match self {
            FactValue::Text(_) => FactKind::Text,
            FactValue::Date(_) => FactKind::Date,
            FactValue::Names(_) => FactKind::Names,
        }
    }

    /// The value as one line of text: a date as YYYY-MM-DD, names joined by `、`.
    pub fn display(&self) -> String {
        match self {
            FactValue::Text(text) => text.clone(),
            FactValue::Date(date) => date.map(|d| d.to_string()).unwrap_or_default(),
            FactValue::Names(names) => names.join("、"),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            FactValue::Text(text) => text.trim().is_empty(),
            FactValue::Date(date) => date.is_none(),
            FactValue::Names(names) => names.iter().all(|n| n.trim().is_empty()),
        }
    }
}

impl AuditFacts {
    pub fn get(&self, field: FactField) -> FactValue {
        let text = |s: &String| FactValue::Text(s.clone());
        match field {
            FactField::Title => text(&self.title),
            FactField::Date => FactValue::Date(self.date),
            FactField::Auditors => FactValue::Names(self.auditors.clone()),
            FactField::Lead => text(&self.lead),
            FactField::Purpose => text(&self.purpose),
            FactField::Scope => text(&self.scope),
            FactField::Method => text(&self.method),
            FactField::Subjects => text(&self.subjects),
            FactField::Criteria => text(&self.criteria),
            FactField::Schedule => text(&self.schedule),
            FactField::ReportDate => FactValue::Date(self.report_date),
            FactField::Division => text(&self.division),
            FactField::Overall => text(&self.overall),
            FactField::Objective => text(&self.objective),
            FactField::Systems => text(&self.systems),
            FactField::LeadBasis => text(&self.lead_basis),
            FactField::DivisionBasis => text(&self.division_basis),
            FactField::Grounds => text(&self.grounds),
        }
    }

    /// Sets a fact; a value of the wrong kind leaves it as it was and returns false.
    pub fn set(&mut self, field: FactField, value: FactValue) -> bool {
        match (field, value) {
            (FactField::Date, FactValue::Date(date)) => self.date = date,
            (FactField::ReportDate, FactValue::Date(date)) => self.report_date = date,
            (FactField::Auditors, FactValue::Names(names)) => self.auditors = names,
            (field, FactValue::Text(text)) if field.kind() == FactKind::Text => {
                *self.text_mut(field) = text
            }
            _ => return false,
        }
        true
    }

    fn text_mut(&mut self, field: FactField) -> &mut String {
        match field {
            FactField::Title => &mut self.title,
            FactField::Lead => &mut self.lead,
            FactField::Purpose => &mut self.purpose,
            FactField::Scope => &mut self.scope,
            FactField::Method => &mut self.method,
            FactField::Subjects => &mut self.subjects,
            FactField::Criteria => &mut self.criteria,
            FactField::Schedule => &mut self.schedule,
            FactField::Division => &mut self.division,
            FactField::Overall => &mut self.overall,
            FactField::Objective => &mut self.objective,
            FactField::Systems => &mut self.systems,
            FactField::LeadBasis => &mut self.lead_basis,
            FactField::DivisionBasis => &mut self.division_basis,
            FactField::Grounds => &mut self.grounds,
            // Only text fields reach here (see `set`).
            FactField::Date | FactField::ReportDate | FactField::Auditors => &mut self.title,
        }
    }

    /// The round's facts with every one left empty taken from the checklist's defaults.
    pub fn with_defaults(mut self, defaults: &FactDefaults) -> AuditFacts {
        let fill = |value: &mut String, default: &String| {
            if value.trim().is_empty() {
                value.clone_from(default);
            }
        };
        fill(&mut self.purpose, &defaults.purpose);
        fill(&mut self.scope, &defaults.scope);
        fill(&mut self.method, &defaults.method);
        fill(&mut self.subjects, &defaults.subjects);
        fill(&mut self.criteria, &defaults.criteria);
        fill(&mut self.schedule, &defaults.schedule);
        fill(&mut self.division, &defaults.division);
        fill(&mut self.objective, &defaults.objective);
        fill(&mut self.lead_basis, &defaults.lead_basis);
        fill(&mut self.division_basis, &defaults.division_basis);
        fill(&mut self.grounds, &defaults.grounds);
        self.report_date = self.report_date.or(defaults.report_date);
        self
    }

    /// 対象システム: the lines written, else the checklist's systems that some
    /// department audited uses (its tags meet the system's condition), in the
    /// checklist's order.
    pub fn systems<'a>(
        &'a self,
        defaults: &'a FactDefaults,
        departments: &[&Department],
    ) -> Vec<&'a str> {
        let written: Vec<&str> = lines(&self.systems);
        if !written.is_empty() {
            return written;
        }
        defaults
            .systems
            .iter()
            .filter(|s| departments.iter().any(|d| s.applies.holds(&d.tags)))
            .map(|s| s.name.as_str())
            .collect()
    }

    /// 監査の基準となる根拠, one per line written.
    pub fn grounds(&self) -> Vec<&str> {
        lines(&self.grounds)
    }

    /// The people who may sign the round off: its auditors and its 監査実施責任者.
    pub fn people(&self) -> impl Iterator<Item = &str> {
        self.auditors
            .iter()
            .chain(std::iter::once(&self.lead))
            .map(|n| n.trim())
            .filter(|n| !n.is_empty())
    }
}

/// The lines of a text that hold something, trimmed.
fn lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// A department's own 監査範囲 and 監査実施日程, where they differ from the round's.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DepartmentFacts {
    pub scope: Option<String>,
    pub schedule: Option<String>,
}

impl DepartmentFacts {
    /// The override of `field`; None for a fact no department overrides.
    pub fn get(&self, field: FactField) -> Option<&String> {
        match field {
            FactField::Scope => self.scope.as_ref(),
            FactField::Schedule => self.schedule.as_ref(),
            _ => None,
        }
    }

    /// Sets the override of a per-department fact; false for any other fact.
    pub fn set(&mut self, field: FactField, value: Option<String>) -> bool {
        match field {
            FactField::Scope => self.scope = value,
            FactField::Schedule => self.schedule = value,
            _ => return false,
        }
        true
    }

    /// The first of the checklist's overrides that applies to the department.
    pub fn for_department(defaults: &FactDefaults, department: &Department) -> DepartmentFacts {
        let matching = |pick: fn(&FactOverride) -> &Option<String>| {
            defaults
                .overrides
                .iter()
                .filter(|o| o.applies.holds(&department.tags))
                .find_map(|o| pick(o).clone())
        };
        DepartmentFacts {
            scope: matching(|o| &o.scope),
            schedule: matching(|o| &o.schedule),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_of_the_wrong_kind_are_not_set() {
        let mut facts = AuditFacts::default();
        assert!(facts.set(FactField::Purpose, FactValue::Text("目的".into())));
        assert!(!facts.set(FactField::Date, FactValue::Text("昨日".into())));
        assert!(!facts.set(FactField::Title, FactValue::Names(vec![])));
        assert_eq!(facts.purpose, "目的");
        assert_eq!(facts.date, None);
        for field in FactField::ALL {
            assert!(facts.set(field, facts.get(field)), "{field:?} round-trips");
        }
    }

    #[test]
    fn defaults_fill_only_what_is_empty() {
        let defaults = FactDefaults {
            purpose: "既定の目的".into(),
            scope: "既定の範囲".into(),
            report_date: NaiveDate::from_ymd_opt(2024, 10, 15),
            ..FactDefaults::default()
        };
        let facts = AuditFacts {
            title: "t".into(),
            purpose: "独自の目的".into(),
            ..AuditFacts::default()
        }
        .with_defaults(&defaults);
        assert_eq!(facts.purpose, "独自の目的");
        assert_eq!(facts.scope, "既定の範囲");
        assert_eq!(facts.report_date, defaults.report_date);
    }

    #[test]
    fn the_people_are_the_auditors_and_the_lead() {
        let facts = AuditFacts {
            auditors: vec!["監査 太郎".into(), " ".into()],
            lead: "責任 一郎".into(),
            ..AuditFacts::default()
        };
        assert_eq!(
            facts.people().collect::<Vec<_>>(),
            ["監査 太郎", "責任 一郎"]
        );
    }
}
