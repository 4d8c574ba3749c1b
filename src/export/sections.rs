//! The 結果報告書 of a round of several checklists: each department's report gives,
//! after the main checklist's areas, a section per other checklist that is for it; the
//! 実施報告書 names each checklist and the departments it was for, and gives its item
//! rows a part per checklist.

use super::model::{Area, Departments, Heading, Overview, Part, Summary, SummaryRow};
use crate::session::Session;

/// Every department's 結果報告書, with a section per other checklist of the round.
pub fn departments(session: &Session) -> Departments {
    let mut departments = Departments::of(session);
    for index in 1..=session.extra.len() {
        let Some(view) = session.view(index) else {
            continue;
        };
        let others = Departments::of(&view);
        for report in &mut departments.reports {
            if let Some(other) = others.reports.iter().find(|r| r.short == report.short) {
                let areas = other.areas.clone();
                report.others.push((view.checklist.title.clone(), areas));
            }
        }
    }
    departments
}

/// The 実施報告書, naming each checklist of a round of several and its departments,
/// with the item rows of each checklist in a part of their own.
pub fn summary(session: &Session) -> Summary {
    let mut summary = Summary::of(session);
    if session.extra.is_empty() {
        return summary;
    }
    summary.outline.checklists = session
        .checklists()
        .map(|checklist| {
            let departments = session
                .hearings
                .iter()
                .filter(|h| checklist.id == session.checklist.id || checklist.is_for(&h.department))
                .map(|h| h.department.name.clone())
                .collect();
            (checklist.title.clone(), departments)
        })
        .collect();
    summary.parts = (0..=session.extra.len())
        .filter_map(|index| session.view(index))
        .map(|view| {
            let rows = Summary::of(&view);
            Part {
                title: view.checklist.title.clone(),
                heading: rows.heading,
                areas: rows.areas,
                overview: rows.overview,
            }
        })
        .collect();
    summary
}

/// One checklist's part of the 実施報告書 as the writers lay it out: its title (None
/// in a round of one, whose rows go under no checklist's name), its heading (for the
/// legend of its marks), its item rows and its figures for the 総評.
pub struct Rows<'a> {
    pub title: Option<&'a str>,
    pub heading: &'a Heading,
    pub areas: &'a [Area<SummaryRow>],
    pub overview: &'a Overview,
}

/// The 実施報告書's parts, one per checklist.
pub fn parts(summary: &Summary) -> Vec<Rows<'_>> {
    if summary.parts.is_empty() {
        return vec![Rows {
            title: None,
            heading: &summary.heading,
            areas: &summary.areas,
            overview: &summary.overview,
        }];
    }
    (summary.parts.iter())
        .map(|part| Rows {
            title: Some(part.title.as_str()),
            heading: &part.heading,
            areas: &part.areas,
            overview: &part.overview,
        })
        .collect()
}

/// The scores of a checklist with points after the first, a department a line, for
/// its part's 総評 figures (the main checklist's are in 2 監査結果); none otherwise.
pub fn part_scores(n: usize, rows: &Rows, words: &super::words::ReportWords) -> Vec<String> {
    match n {
        0 => Vec::new(),
        _ => super::lines::score_lines(rows.heading, words),
    }
}
