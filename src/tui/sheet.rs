//! The department sheet: per area of the department under the cursor, its 所見, its
//! 指摘事項 and the proposals from needs-improvement marks, with the department's
//! marks and notes of the area to write the 所見 from.

use ratatui::style::Stylize;
use ratatui::text::{Line, Span};

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::checklist::{Area, Meaning};
use crate::i18n::Strings;
use crate::keymap::{self, Action, Binding};
use crate::session::{Change, Refusal, Session};

use super::record::{self, Page};
use super::shared::{self, Component, Editing, Effect, Scene};
use super::widgets;

/// The sheet's own state: the line chosen.
#[derive(Debug, Default)]
pub struct SheetView {
    selected: usize,
}

impl SheetView {
    /// Shows the sheet at line `row`.
    pub fn open(&mut self, row: usize) {
        self.selected = row;
    }

    /// The area of the line chosen, for the department under `cursor`.
    pub fn area(&self, session: &Session, cursor: shared::Cursor) -> Option<String> {
        let (department, _) = shared::position(session, cursor);
        let rows = rows(session, &department);
        rows.get(self.selected).map(|r| r.area().to_string())
    }
}

impl Component for SheetView {
    fn keys(&self) -> &'static [Binding] {
        keymap::SHEET
    }

    /// Carries out an action of the sheet's table on the line chosen.
    fn update(&mut self, action: Action, scene: &Scene) -> Effect {
        let session = scene.session();
        let rows = rows(session, &scene.department());
        self.selected = within(self.selected, rows.len());
        if let Some(selected) = shared::select(self.selected, action, rows.len()) {
            self.selected = selected;
            return Effect::Nothing;
        }
        match rows.into_iter().nth(self.selected) {
            Some(row) => apply(row, action, scene),
            None => Effect::Nothing,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, scene: &Scene) {
        let page = page(scene);
        let rows = rows(scene.session(), &scene.department()).len();
        let selected = within(self.selected, rows);
        record::draw(frame, area, scene, page, selected, keymap::SHEET);
    }
}

/// The line chosen, kept on the sheet when another department or checklist, with
/// fewer lines, comes on screen.
fn within(selected: usize, rows: usize) -> usize {
    selected.min(rows.saturating_sub(1))
}

/// A line of the sheet that can be chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Observation(String),
    /// A 指摘事項: area, id.
    Finding(String, u32),
    /// A proposal: area, item.
    Proposal(String, String),
}

impl Row {
    fn area(&self) -> &str {
        match self {
            Row::Observation(area) | Row::Finding(area, _) | Row::Proposal(area, _) => area,
        }
    }
}

/// The lines that can be chosen, in the order the sheet shows them.
pub fn rows(session: &Session, department: &str) -> Vec<Row> {
    let proposals = session.proposals(department);
    let mut rows = Vec::new();
    for area in &session.checklist.areas {
        rows.push(Row::Observation(area.id.clone()));
        if let Some(sheet) = session.sheet(department, &area.id) {
            rows.extend(
                sheet
                    .findings
                    .iter()
                    .map(|f| Row::Finding(area.id.clone(), f.id)),
            );
        }
        rows.extend(
            proposals
                .iter()
                .filter(|p| p.area == area.id)
                .map(|p| Row::Proposal(area.id.clone(), p.item.clone())),
        );
    }
    rows
}

/// The row of the 所見 of `area`.
pub fn observation_row(session: &Session, department: &str, area: &str) -> usize {
    rows(session, department)
        .iter()
        .position(|r| *r == Row::Observation(area.to_string()))
        .unwrap_or(0)
}

/// What `action` does to the chosen `row`.
fn apply(row: Row, action: Action, scene: &Scene) -> Effect {
    let (t, session) = (scene.t, scene.session());
    let department = scene.department();
    if let Err(refusal) = session.editable() {
        return Effect::Refused(refusal);
    }
    let edit = |editing, text: String, title: String| Effect::Edit {
        editing,
        text,
        title,
    };
    match (action, row) {
        (Action::Edit, Row::Observation(area)) => {
            let text = session
                .sheet(&department, &area)
                .map(|s| s.observation.clone())
                .unwrap_or_default();
            let title = (t.record.observation_editing)(&area_title(session, &area));
            edit(Editing::Observation(area), text, title)
        }
        (Action::Edit, Row::Finding(area, id)) => {
            let finding = session
                .sheet(&department, &area)
                .and_then(|s| s.findings.iter().find(|f| f.id == id));
            let (items, text) =
                finding.map_or_else(Default::default, |f| (f.items.clone(), f.text.clone()));
            let editing = Editing::Finding {
                area,
                id: Some(id),
                items,
            };
            edit(editing, text, t.record.finding_editing.to_string())
        }
        (Action::Edit, Row::Proposal(_, item)) => {
            let text = session
                .checklist
                .item(&item)
                .map(|i| i.text.clone())
                .unwrap_or_default();
            let title = t.record.finding_editing.to_string();
            edit(Editing::Proposal(item), text, title)
        }
        (Action::Accept, Row::Proposal(_, item)) => {
            Effect::Record(session.accept_proposal(&department, &item, None))
        }
        (Action::Dismiss, Row::Proposal(_, item)) => {
            Effect::Record(session.dismiss_proposal(&department, &item))
        }
        (Action::Dismiss, Row::Finding(area, id)) => {
            Effect::Record(session.remove_finding(&department, &area, id))
        }
        (Action::FindingItems, Row::Finding(area, id)) => Effect::PickFindingItems { area, id },
        (Action::AddFinding, row) => {
            let area = row.area().to_string();
            let items = finding_items(session, &department, &row);
            let editing = Editing::Finding {
                area,
                id: None,
                items,
            };
            edit(editing, String::new(), t.record.finding_editing.to_string())
        }
        _ => Effect::Say(t.record.not_here.to_string()),
    }
}

/// The items a new 指摘事項 names: the proposal's, else the area's cells that need
/// improvement or were improved under guidance, else the area's first item.
fn finding_items(session: &Session, department: &str, row: &Row) -> Vec<String> {
    if let Row::Proposal(_, item) = row {
        return vec![item.clone()];
    }
    let Some(area) = session.checklist.areas.iter().find(|a| a.id == row.area()) else {
        return Vec::new();
    };
    let noted: Vec<String> = area
        .items
        .iter()
        .filter(|item| {
            session.mark_of(department, &item.id).is_some_and(|m| {
                matches!(
                    m.meaning,
                    Meaning::NeedsImprovement | Meaning::ImprovedUnderGuidance
                )
            })
        })
        .map(|item| item.id.clone())
        .collect();
    if noted.is_empty() {
        area.items.iter().take(1).map(|i| i.id.clone()).collect()
    } else {
        noted
    }
}

fn area_title(session: &Session, area: &str) -> String {
    session
        .checklist
        .areas
        .iter()
        .find(|a| a.id == area)
        .map_or_else(|| area.to_string(), |a| format!("{} {}", a.id, a.title))
}

/// The sheet's title and lines, in the order of `rows`.
fn page(scene: &Scene) -> (String, Page) {
    let (t, session) = (scene.t, scene.session());
    let department = scene.department();
    let name = session
        .hearing(&department)
        .map_or(department.clone(), |h| h.department.name.clone());
    let proposals = session.proposals(&department);
    let mut page = Page::new();
    for area in &session.checklist.areas {
        let mut heading = vec![Span::raw(format!("{} {}", area.id, area.title)).bold()];
        let target = crate::session::EvidenceTarget::Area(area.id.clone());
        let files = session.evidence_of(&department, &target).count();
        if files > 0 {
            heading.push(Span::raw(format!("   {}", (t.evidence_count)(files))).cyan());
        }
        page.line(Line::from(heading));
        let sheet = session.sheet(&department, &area.id);
        let observation = sheet.map_or("", |s| s.observation.as_str());
        let mut lines = observation.lines();
        let first = lines.next().filter(|l| !l.trim().is_empty());
        page.choice(Line::from(vec![
            Span::raw(format!("  {}: ", t.record.observation)).dim(),
            Span::raw(first.unwrap_or(t.record.not_written).to_string()),
        ]));
        for line in lines {
            page.line(Line::from(format!("    {line}")));
        }
        page.line(Line::from(format!("  {}:", t.record.findings)).dim());
        let findings = sheet.map_or(&[][..], |s| &s.findings[..]);
        if findings.is_empty() {
            page.line(Line::from(format!("    {}", t.record.none)));
        }
        for finding in findings {
            let text = crate::i18n::one_line(&finding.text);
            let items = finding.items.join("・");
            page.choice(Line::from(format!("    #{} {items}  {text}", finding.id)));
        }
        let area_proposals: Vec<_> = proposals.iter().filter(|p| p.area == area.id).collect();
        if !area_proposals.is_empty() {
            page.line(Line::from(format!("  {}:", t.record.proposals)).dim());
        }
        for proposal in area_proposals {
            let text = session
                .checklist
                .item(&proposal.item)
                .map_or("", |i| i.text.as_str());
            page.choice(Line::from(format!(
                "    + {} {}  {text}",
                proposal.item, proposal.mark
            )));
        }
        marks_and_notes(session, &department, area, t, &mut page);
    }
    // In a round of several checklists, the sheet is the one of the checklist on
    // screen (`C` and `L` go to the others): the title says which.
    let whose = format!("{name}（{department}）");
    let whose = match scene.doc.round().extra.is_empty() {
        true => whose,
        false => format!("{whose} / {}", session.checklist.title),
    };
    ((t.record.sheet_title)(&whose), page)
}

/// The department's marks of the area, each with its note, to write the 所見 from.
fn marks_and_notes(session: &Session, department: &str, area: &Area, t: &Strings, page: &mut Page) {
    page.line(Line::from(format!("  {}:", t.record.marks_and_notes)).dim());
    for item in &area.items {
        let mark = session.mark_of(department, &item.id);
        let symbol = mark.map_or("·", |m| m.symbol.as_str());
        let note = session
            .answer(department, &item.id)
            .map(|a| crate::i18n::one_line(&a.note))
            .unwrap_or_default();
        let mut spans = vec![Span::raw(format!("    {:<8} ", item.id))];
        let styled = Span::raw(symbol.to_string());
        spans.push(match mark {
            Some(m) => styled.style(widgets::mark_style(m.meaning)),
            None => styled.dim(),
        });
        let files = session.evidence_count(department, &item.id);
        if files > 0 {
            spans.push(Span::raw(format!(" {}", (t.evidence_short)(files))).cyan());
        }
        if note.is_empty() {
            spans.push(Span::raw(format!("  {}", item.text)).dim());
        } else {
            spans.push(Span::raw(format!("  {note}")));
        }
        page.line(Line::from(spans));
    }
}

/// The items of `area`: id and text.
pub fn area_items(session: &Session, area: &str) -> Vec<(String, String)> {
    session
        .checklist
        .areas
        .iter()
        .filter(|a| a.id == area)
        .flat_map(|a| a.items.iter().map(|i| (i.id.clone(), i.text.clone())))
        .collect()
}

/// The item picker of a 指摘事項: each item of its area, checked where it names it.
pub fn item_rows(scene: &Scene, area: &str, id: u32) -> Vec<Line<'static>> {
    let session = scene.session();
    let department = scene.department();
    let finding = session
        .sheet(&department, area)
        .and_then(|s| s.findings.iter().find(|f| f.id == id));
    area_items(session, area)
        .into_iter()
        .map(|(item, text)| {
            let named = finding.is_some_and(|f| f.names(&item));
            let mark = session
                .mark_of(&department, &item)
                .map_or("·", |m| m.symbol.as_str());
            let check = if named { "[x]" } else { "[ ]" };
            Line::from(format!("{check} {mark} {item} {text}"))
        })
        .collect()
}

/// The change that adds the `index`-th item of `area` to 指摘事項 `id` of
/// `department`, or removes it (the core refuses a finding that names no item).
pub fn toggle_item(
    session: &Session,
    department: &str,
    (area, id): (&str, u32),
    index: usize,
) -> Option<Result<Change, Refusal>> {
    let (item, _) = area_items(session, area).into_iter().nth(index)?;
    let finding = session
        .sheet(department, area)
        .and_then(|s| s.findings.iter().find(|f| f.id == id))?;
    let mut items = finding.items.clone();
    if finding.names(&item) {
        items.retain(|i| *i != item);
    } else {
        items.push(item);
        // In checklist order, as the reports list them.
        let order: Vec<String> = area_items(session, area).into_iter().map(|i| i.0).collect();
        items.sort_by_key(|i| order.iter().position(|o| o == i));
    }
    Some(session.edit_finding(department, area, id, &items, &finding.text))
}
