//! The committee's documents as data, computed from a session: the 結果一覧 (matrix)
//! and the 実施報告書 (summary by item, with the figures for the 総評). Writers of
//! each format only lay these out; every rule about marks lives here, and it goes by
//! a mark's meaning, never its symbol, since the scale belongs to the checklist.

use chrono::NaiveDate;

use crate::checklist::{Department, Meaning};
use crate::results::Count;
use crate::session::Session;

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
}

/// What every report starts with: the audit's title and date, the departments and the
/// scale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub title: String,
    pub date: Option<NaiveDate>,
    pub departments: Vec<Column>,
    pub legend: Vec<LegendEntry>,
}

impl Heading {
    fn of(session: &Session) -> Heading {
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
                })
                .collect(),
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
}

/// One item of the matrix: its mark in every department, as an index into the scale
/// (None while unanswered).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixRow {
    pub id: String,
    pub text: String,
    pub cells: Vec<Option<usize>>,
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
    /// Marks meaning needs improvement.
    pub needing: Vec<String>,
    /// (department, note) of the cells complying after guidance or needing improvement.
    pub improvements: Vec<(String, String)>,
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
    pub items: Vec<String>,
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

/// The 実施報告書: per area and item, the departments complying and needing
/// improvement and the 改善内容; then the figures for the 総評.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
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
            heading: matrix.heading,
            areas,
        }
    }
}

fn summary_row(session: &Session, heading: &Heading, row: &MatrixRow) -> SummaryRow {
    let mut out = SummaryRow {
        id: row.id.clone(),
        text: row.text.clone(),
        complying: Vec::new(),
        needing: Vec::new(),
        improvements: Vec::new(),
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
            Some(Meaning::NeedsImprovement) => out.needing.push(name.clone()),
            // Neither complying nor failing: "don't know" is an answer of its own.
            Some(Meaning::NotApplicable | Meaning::Unknown) => {}
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
        .map(|(d, department)| Needing {
            name: department.name.clone(),
            items: rows()
                .filter(|r| r.cells.get(d).is_some_and(|c| needs(*c)))
                .map(|r| r.id.clone())
                .collect(),
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
