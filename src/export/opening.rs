//! The 実施報告書's 監査概要 as data: the facts of the round it names, computed from
//! a session apart from the marks (`model` reads the marks).

use chrono::NaiveDate;

use crate::session::Session;

/// The 実施報告書's opening, in the seed's order: (1) 監査目的, (2) 監査対象課 and
/// 対象システム, (3) 監査実施日, (4) 監査実施体制, (5) 監査の基準となる根拠; then the
/// 総評. Empty where nothing is written (the documents say so).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    /// The 実施報告書's own statement of purpose, else the 結果報告書's short one.
    pub objective: String,
    pub departments: Vec<String>,
    pub systems: Vec<String>,
    /// In a round of several checklists: each one's title and the departments it was for.
    pub checklists: Vec<(String, Vec<String>)>,
    pub date: Option<NaiveDate>,
    /// 監査実施責任者 and 監査担当部門, each with the 規程 article behind it.
    pub lead: Post,
    pub division: Post,
    /// The 根拠 written, else the 適用基準's lines.
    pub grounds: Vec<String>,
    /// The 総評 as the auditors wrote it.
    pub overall: String,
}

/// Who holds a part in the audit, and the article that gives it to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub name: String,
    pub basis: String,
}

/// The 監査概要 of the 実施報告書 and its 総評.
pub fn outline(session: &Session) -> Outline {
    let facts = &session.facts;
    let owned = |lines: Vec<&str>| lines.into_iter().map(String::from).collect::<Vec<_>>();
    let objective = [&facts.objective, &facts.purpose]
        .into_iter()
        .map(|t| t.trim())
        .find(|t| !t.is_empty())
        .unwrap_or_default();
    let departments: Vec<&crate::checklist::Department> =
        session.hearings.iter().map(|h| &h.department).collect();
    let mut grounds = owned(facts.grounds());
    if grounds.is_empty() {
        grounds = owned(
            facts
                .criteria
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect(),
        );
    }
    let post = |name: &str, basis: &str| Post {
        name: name.trim().to_string(),
        basis: basis.trim().to_string(),
    };
    Outline {
        objective: objective.to_string(),
        departments: departments.iter().map(|d| d.name.clone()).collect(),
        systems: owned(facts.systems(&session.checklist.facts, &departments)),
        checklists: Vec::new(),
        date: facts.date,
        lead: post(&facts.lead, &facts.lead_basis),
        division: post(&facts.division, &facts.division_basis),
        grounds,
        overall: facts.overall.trim().to_string(),
    }
}
