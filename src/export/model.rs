//! The committee's documents as data, computed from a session: the 結果一覧 (matrix)
//! and the 実施報告書 (summary by item, with the figures for the 総評). Writers of
//! each format only lay these out; every rule about marks lives here, and it goes by
//! a mark's meaning, never its symbol, since the scale belongs to the checklist.

use chrono::NaiveDate;

use crate::checklist::{Department, Meaning};
use crate::facts::FactField;
use crate::results::Count;
use crate::session::Session;

pub use super::opening::{Outline, Post};
pub use super::stamp::Stamp;

/// A department as the reports name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub short: String,
    /// The seed's 備考: which work handles 特定個人情報, or any profile note.
    pub remark: String,
}

impl From<&Department> for Column {
    fn from(department: &Department) -> Self {
        Column {
            name: department.name.clone(),
            short: department.short.clone(),
            remark: department.remark.clone(),
        }
    }
}

/// One step of the scale as the legend prints it (○：適正).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendEntry {
    pub symbol: String,
    pub label: String,
    pub meaning: Meaning,
    /// Among the failing marks of a scale that grades them, 0 for the gravest, 1 for
    /// the next…; None for other marks and on a scale without severities.
    pub rank: Option<usize>,
}

/// What every report starts with: the audit's title and date, the departments and the
/// scale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub title: String,
    pub date: Option<NaiveDate>,
    pub departments: Vec<Column>,
    pub legend: Vec<LegendEntry>,
    pub stamp: Stamp,
    /// The label of the 備考 row, where the checklist gives one.
    pub remark_label: Option<String>,
    /// The area whose table the 備考 row closes; None: after the last area.
    pub remark_area: Option<String>,
    /// Each department's score and band, on a scale with points.
    pub scores: Option<super::scores::Scores>,
}

impl Heading {
    fn of(session: &Session) -> Heading {
        let facts = &session.checklist.facts;
        Heading {
            title: session.facts.title.clone(),
            date: session.facts.date,
            departments: session
                .hearings
                .iter()
                .map(|h| Column::from(&h.department))
                .collect(),
            legend: session
                .checklist
                .scale
                .iter()
                .map(|m| LegendEntry {
                    symbol: m.symbol.clone(),
                    label: m.label.clone(),
                    meaning: m.meaning,
                    rank: super::severity::rank(&session.checklist, m),
                })
                .collect(),
            stamp: Stamp::of(session),
            remark_label: Some(facts.remark_label.trim())
                .filter(|l| !l.is_empty())
                .map(String::from),
            remark_area: (session.checklist.areas.iter())
                .find(|a| a.id == facts.remark_area.trim())
                .map(|a| a.id.clone()),
            scores: super::scores::Scores::of(session),
        }
    }

    /// The legend entry of a cell's mark (an index into the scale).
    pub fn mark(&self, cell: Option<usize>) -> Option<&LegendEntry> {
        self.legend.get(cell?)
    }

    /// True when some department has a 備考, so the row is worth printing.
    pub fn has_remarks(&self) -> bool {
        self.departments.iter().any(|d| !d.remark.trim().is_empty())
    }

    /// True when the 備考 row closes the table of the area `id`: the area the
    /// checklist names, else the last one (`last`).
    pub fn remarks_after(&self, id: &str, last: bool) -> bool {
        self.has_remarks()
            && match &self.remark_area {
                Some(area) => area == id,
                None => last,
            }
    }
}

/// One item of the matrix: its mark in every department, as an index into the scale
/// (None while unanswered).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixRow {
    pub id: String,
    pub text: String,
    pub cells: Vec<Option<usize>>,
    /// Per department, the files attached to the cell as evidence.
    pub evidence: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area<Row> {
    pub id: String,
    pub title: String,
    pub rows: Vec<Row>,
}

/// The 結果一覧: items × departments, the 備考 of each department, the legend and the
/// count of each mark per department.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    pub heading: Heading,
    pub areas: Vec<Area<MatrixRow>>,
    /// Per department, in the order of `heading.departments`.
    pub counts: Vec<Count>,
}

impl Matrix {
    pub fn of(session: &Session) -> Matrix {
        let areas = session
            .checklist
            .areas
            .iter()
            .map(|area| Area {
                id: area.id.clone(),
                title: area.title.clone(),
                rows: area
                    .items
                    .iter()
                    .map(|item| MatrixRow {
                        id: item.id.clone(),
                        text: item.text.clone(),
                        cells: (0..session.hearings.len())
                            .map(|d| scale_index(session, d, &item.id))
                            .collect(),
                        evidence: super::evidence::cell_counts(session, &item.id),
                    })
                    .collect(),
            })
            .collect::<Vec<_>>();
        let counts = (0..session.hearings.len())
            .map(|d| {
                let cells = areas.iter().flat_map(|a| &a.rows);
                count(session, cells.map(|r| r.cells.get(d).copied().flatten()))
            })
            .collect();
        Matrix {
            heading: Heading::of(session),
            areas,
            counts,
        }
    }
}

/// The mark of a cell as its place in the scale; None when unanswered (or when the
/// symbol is not in the scale, as the live matrix counts it).
fn scale_index(session: &Session, department: usize, item: &str) -> Option<usize> {
    let symbol = session
        .hearings
        .get(department)?
        .answers
        .get(item)?
        .mark
        .as_deref()?;
    session
        .checklist
        .scale
        .iter()
        .position(|m| m.symbol == symbol)
}

/// Counts of each mark in scale order, and of unanswered cells.
fn count(session: &Session, cells: impl Iterator<Item = Option<usize>>) -> Count {
    let mut count = Count {
        marks: vec![0; session.checklist.scale.len()],
        unanswered: 0,
    };
    for cell in cells {
        match cell.and_then(|i| count.marks.get_mut(i)) {
            Some(n) => *n += 1,
            None => count.unanswered += 1,
        }
    }
    count
}

/// One item of the 実施報告書: who complies, who needs improvement, and the notes that
/// say what was improved or must be. Departments by full name, in roster order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    pub id: String,
    pub text: String,
    /// Marks meaning compliant or improved under guidance: △ complies, with a note.
    pub complying: Vec<String>,
    /// Marks meaning needs improvement; on a graded scale worst first.
    pub needing: Vec<String>,
    /// The mark of each of `needing` (an index into the scale), in the same order.
    pub needing_marks: Vec<usize>,
    /// (department, note) of the cells complying after guidance or needing improvement.
    pub improvements: Vec<(String, String)>,
    /// Departments that answered "don't know": neither complying nor needing, yet
    /// never left out of the row.
    pub unknown: Vec<String>,
    /// The 改善内容等 the auditors wrote for the item, printed instead of the notes;
    /// empty while none is written.
    pub improvement: String,
    /// Departments not answered yet, so that a draft never hides them.
    pub unanswered: Vec<String>,
}

/// A department's marks for the 総評.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DepartmentCount {
    pub name: String,
    pub count: Count,
}

/// A department with needs-improvement marks, and on which items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Needing {
    pub name: String,
    /// On a graded scale worst first.
    pub items: Vec<String>,
    /// The mark of each of `items` (an index into the scale), in the same order.
    pub marks: Vec<usize>,
}

/// The figures the author of the 総評 writes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    pub per_department: Vec<DepartmentCount>,
    /// (area id, area title, counts) in checklist order.
    pub per_area: Vec<(String, String, Count)>,
    pub total: Count,
    pub needing: Vec<Needing>,
}

/// The 実施報告書: the 監査概要 and the 総評; per area and item, the departments
/// complying and needing improvement and the 改善内容; then the figures for the 総評.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub heading: Heading,
    pub outline: Outline,
    pub areas: Vec<Area<SummaryRow>>,
    pub overview: Overview,
    /// In a round of several checklists, the item rows and figures of each, the main
    /// one's first (its `areas` and `overview` again); empty in a round of one.
    pub parts: Vec<Part>,
}

/// One checklist's part of the 実施報告書 of a round of several: its title, its
/// heading (the departments it is for, its scale's legend), its item rows and its
/// figures for the 総評.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub title: String,
    pub heading: Heading,
    pub areas: Vec<Area<SummaryRow>>,
    pub overview: Overview,
}

impl Summary {
    pub fn of(session: &Session) -> Summary {
        let matrix = Matrix::of(session);
        let areas = matrix
            .areas
            .iter()
            .map(|area| Area {
                id: area.id.clone(),
                title: area.title.clone(),
                rows: area
                    .rows
                    .iter()
                    .map(|row| summary_row(session, &matrix.heading, row))
                    .collect(),
            })
            .collect();
        Summary {
            overview: overview(session, &matrix),
            outline: super::opening::outline(session),
            heading: matrix.heading,
            areas,
            parts: Vec::new(),
        }
    }
}

fn summary_row(session: &Session, heading: &Heading, row: &MatrixRow) -> SummaryRow {
    let mut out = SummaryRow {
        id: row.id.clone(),
        text: row.text.clone(),
        complying: Vec::new(),
        needing: Vec::new(),
        needing_marks: Vec::new(),
        improvements: Vec::new(),
        unknown: Vec::new(),
        improvement: session.improvement(&row.id).to_string(),
        unanswered: Vec::new(),
    };
    for ((cell, department), hearing) in row
        .cells
        .iter()
        .zip(&heading.departments)
        .zip(&session.hearings)
    {
        let name = department.name.clone();
        let meaning = heading.mark(*cell).map(|m| m.meaning);
        match meaning {
            Some(Meaning::Compliant | Meaning::ImprovedUnderGuidance) => {
                out.complying.push(name.clone())
            }
            Some(Meaning::NeedsImprovement) => {
                out.needing.push(name.clone());
                out.needing_marks.extend(*cell);
            }
            // Neither complying nor failing: "don't know" is an answer of its own.
            Some(Meaning::Unknown) => out.unknown.push(name.clone()),
            Some(Meaning::NotApplicable) => {}
            None => out.unanswered.push(name.clone()),
        }
        let calls_for_note = matches!(
            meaning,
            Some(Meaning::ImprovedUnderGuidance | Meaning::NeedsImprovement)
        );
        let note = hearing.answers.get(&row.id).map_or("", |a| a.note.trim());
        if calls_for_note && !note.is_empty() {
            out.improvements.push((name, note.to_string()));
        }
    }
    (out.needing, out.needing_marks) = super::severity::worst_first(
        |m: usize| heading.legend.get(m)?.rank,
        std::mem::take(&mut out.needing),
        std::mem::take(&mut out.needing_marks),
    );
    out
}

fn overview(session: &Session, matrix: &Matrix) -> Overview {
    let departments = &matrix.heading.departments;
    let rows = || matrix.areas.iter().flat_map(|a| &a.rows);
    let per_department = departments
        .iter()
        .zip(&matrix.counts)
        .map(|(d, count)| DepartmentCount {
            name: d.name.clone(),
            count: count.clone(),
        })
        .collect();
    let per_area = matrix
        .areas
        .iter()
        .map(|area| {
            let cells = area.rows.iter().flat_map(|r| r.cells.iter().copied());
            (area.id.clone(), area.title.clone(), count(session, cells))
        })
        .collect();
    let total = count(session, rows().flat_map(|r| r.cells.iter().copied()));
    let needs = |cell: Option<usize>| {
        matrix
            .heading
            .mark(cell)
            .is_some_and(|m| m.meaning == Meaning::NeedsImprovement)
    };
    let needing = departments
        .iter()
        .enumerate()
        .map(|(d, department)| {
            let (items, marks) = rows()
                .filter_map(|r| r.cells.get(d).copied().flatten().map(|c| (r, c)))
                .filter(|(_, c)| needs(Some(*c)))
                .map(|(r, c)| (r.id.clone(), c))
                .unzip();
            let rank_of = |m: usize| matrix.heading.legend.get(m)?.rank;
            let (items, marks) = super::severity::worst_first(rank_of, items, marks);
            Needing {
                name: department.name.clone(),
                items,
                marks,
            }
        })
        .filter(|n| !n.items.is_empty())
        .collect();
    Overview {
        per_department,
        per_area,
        total,
        needing,
    }
}

/// What a row of a facts table is about: one of the audit's facts, the department
/// audited (被監査部門), or the departments of the round (監査対象課).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactLabel {
    Fact(FactField),
    Audited,
    Departments,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactRow {
    pub label: FactLabel,
    pub value: String,
}

fn fact_row(label: FactLabel, value: impl Into<String>) -> FactRow {
    FactRow {
        label,
        value: value.into(),
    }
}

/// One area of a department's 結果報告書: its 所見 and the wording of its 指摘事項.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaReport {
    pub id: String,
    pub title: String,
    pub observation: String,
    pub findings: Vec<String>,
    /// The files attached to the area's items and finding, listed under the 所見.
    pub evidence: Vec<super::evidence::EvidenceLine>,
}

/// A department's 結果報告書: the header table, then the areas it has a 所見 or a
/// 指摘事項 for, as the seed leaves the others out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DepartmentReport {
    pub name: String,
    pub short: String,
    pub facts: Vec<FactRow>,
    /// The department's score, band and the band's advice, on a scale with points.
    pub score: Option<super::scores::ScoreLine>,
    pub areas: Vec<AreaReport>,
    /// The round's other checklists for the department: each one's title and areas.
    pub others: Vec<(String, Vec<AreaReport>)>,
}

/// Every department's 結果報告書, in roster order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Departments {
    pub heading: Heading,
    pub report_date: Option<NaiveDate>,
    pub reports: Vec<DepartmentReport>,
}

impl Departments {
    pub fn of(session: &Session) -> Departments {
        Departments {
            heading: Heading::of(session),
            report_date: session.facts.report_date,
            reports: session
                .hearings
                .iter()
                .enumerate()
                .map(|(d, h)| department_report(session, d, h))
                .collect(),
        }
    }
}

/// The seed's header table: 監査目的, 監査範囲 (the department's own where it has one),
/// 被監査部門, 監査方法, 監査実施日程, 監査項目, 適用基準.
fn department_report(
    session: &Session,
    d: usize,
    hearing: &crate::session::Hearing,
) -> DepartmentReport {
    let facts = &session.facts;
    let own = |field: FactField, round: &str| {
        hearing
            .facts
            .get(field)
            .map_or(round.to_string(), Clone::clone)
    };
    let rows = vec![
        fact_row(FactLabel::Fact(FactField::Purpose), facts.purpose.clone()),
        fact_row(
            FactLabel::Fact(FactField::Scope),
            own(FactField::Scope, &facts.scope),
        ),
        fact_row(FactLabel::Audited, hearing.department.name.clone()),
        fact_row(FactLabel::Fact(FactField::Method), facts.method.clone()),
        fact_row(
            FactLabel::Fact(FactField::Schedule),
            own(FactField::Schedule, &facts.schedule),
        ),
        fact_row(FactLabel::Fact(FactField::Subjects), facts.subjects.clone()),
        fact_row(FactLabel::Fact(FactField::Criteria), facts.criteria.clone()),
    ];
    let areas = session
        .checklist
        .areas
        .iter()
        .filter_map(|area| {
            let evidence = super::evidence::area_evidence(hearing, area);
            let empty = crate::session::AreaSheet::default();
            let sheet = hearing.sheet.get(&area.id).unwrap_or(&empty);
            let observation = sheet.observation.trim().to_string();
            if observation.is_empty() && sheet.findings.is_empty() && evidence.is_empty() {
                return None;
            }
            Some(AreaReport {
                id: area.id.clone(),
                title: area.title.clone(),
                observation,
                findings: super::severity::findings(session, hearing, &sheet.findings),
                evidence,
            })
        })
        .collect();
    DepartmentReport {
        name: hearing.department.name.clone(),
        short: hearing.department.short.clone(),
        facts: rows,
        score: super::scores::department(session, d),
        areas,
        others: Vec::new(),
    }
}
