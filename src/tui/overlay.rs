//! What the session screen shows over a view and asks of the auditor first: the help,
//! the pickers (departments, items, signers, search, findings, a 指摘事項's items),
//! the questions (undo another department's change, clear what a gate hides), the
//! prompts (answer fields, a workbook's path) and the export dialog. Each reads keys
//! through its own table; the screen carries out what was chosen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::keymap::{self, Action, Binding, Key};
use crate::session::{Change, Session};
use crate::store::Doc;

use super::asks::FieldPrompt;
use super::export_dialog::ExportDialog;
use super::path_prompt::{PathFor, PathPrompt};
use super::picker::{Picked, Picker};
use super::shared::{self, Cursor, Scene, View};
use super::{evidence, help, item, keys, review, search, sheet, undo, widgets};

pub enum Overlay {
    Help,
    /// Who signs: the round's auditors and 監査実施責任者.
    Signer(Picker),
    /// Sign off as this person? What is sealed is shown first; only `y` signs.
    Seal(String),
    /// `/`: item texts, notes and 所見, each line with its place (made once: a large
    /// round has tens of thousands).
    Search(Picker, Vec<(search::Place, String)>),
    /// Every △/× cell with its note, by item.
    Findings(Picker, Vec<(search::Place, String)>),
    /// The items of an area, to toggle in the 指摘事項 (area, id) it names.
    FindingItems(Picker, String, u32),
    Departments(Picker),
    Items(Picker),
    /// The round's checklists, the main one first.
    Checklists(Picker),
    /// Undo this change of another department? Asked before doing it.
    UndoElsewhere(Change),
    /// The path of a returned self-check workbook, or of a file to attach, being typed.
    ImportPath(Box<PathPrompt>),
    /// The files attached to a cell or area: choosing one opens it.
    Evidence(Picker, Vec<evidence::Row>),
    /// The answer fields the mark just given asks for.
    Fields(Box<FieldPrompt>),
    /// The gate's new mark would leave these answered items not applying: clear them?
    Gate {
        symbol: String,
        answered: Vec<String>,
    },
    /// A mark on a cell that cannot apply: give it anyway?
    Outside {
        symbol: String,
    },
    Export(ExportDialog),
}

impl Overlay {
    /// The item picker, on the item under the cursor.
    pub fn items(session: &Session, cursor: Cursor) -> Overlay {
        let names = session
            .checklist
            .items()
            .map(|(_, i)| format!("{} {}", i.id, i.text))
            .collect();
        Overlay::Items(Picker::new(cursor.item, names))
    }

    /// The department picker, on the department under the cursor.
    pub fn departments(session: &Session, cursor: Cursor) -> Overlay {
        let names = session
            .hearings
            .iter()
            .map(|h| format!("{} {}", h.department.name, h.department.short))
            .collect();
        Overlay::Departments(Picker::new(cursor.department, names))
    }

    /// The checklist picker, on the checklist on screen.
    pub fn checklists(doc: &Doc) -> Overlay {
        let names = checklist_rows(doc.round())
            .into_iter()
            .map(|l| l.to_string())
            .collect();
        Overlay::Checklists(Picker::new(doc.lens(), names))
    }

    /// The search (`/`), or the list of findings: lines that lead to their place.
    pub fn search(lines: Vec<(search::Place, String)>, findings: bool) -> Overlay {
        let names = lines.iter().map(|h| h.1.clone()).collect();
        let picker = Picker::new(0, names);
        match findings {
            true => Overlay::Findings(picker, lines),
            false => Overlay::Search(picker, lines),
        }
    }

    /// Who signs, from the round's people.
    pub fn signer(session: &Session) -> Overlay {
        Overlay::Signer(Picker::new(0, review::people(session)).with_keys(keymap::SIGNER))
    }

    /// The confirmation of signing off as the `person`-th of the round's people.
    pub fn seal(session: &Session, person: usize) -> Option<Overlay> {
        review::people(session)
            .into_iter()
            .nth(person)
            .map(Overlay::Seal)
    }

    /// The items of `area`, to toggle in 指摘事項 `id`.
    pub fn finding_items(session: &Session, area: String, id: u32) -> Overlay {
        let names = sheet::area_items(session, &area)
            .into_iter()
            .map(|(item, text)| format!("{item} {text}"))
            .collect();
        Overlay::FindingItems(Picker::new(0, names), area, id)
    }

    /// A key for a picker or a question (a question answers 1 for yes, 0 for no);
    /// any other overlay closes.
    pub fn answer(&mut self, key: Key) -> Picked {
        match self {
            Overlay::Departments(picker)
            | Overlay::Items(picker)
            | Overlay::Checklists(picker)
            | Overlay::Signer(picker)
            | Overlay::Search(picker, _)
            | Overlay::Findings(picker, _)
            | Overlay::FindingItems(picker, ..)
            | Overlay::Evidence(picker, _) => picker.handle(key),
            Overlay::Seal(_) => match keymap::lookup(keymap::SEAL, key) {
                Some(Action::Sign) => Picked::Chosen(1),
                Some(Action::Close) => Picked::Closed,
                _ => Picked::Nothing,
            },
            Overlay::UndoElsewhere(_) | Overlay::Gate { .. } | Overlay::Outside { .. } => {
                match keymap::lookup(keymap::CONFIRM, key) {
                    Some(Action::Confirm) => Picked::Chosen(1),
                    // The clearing keys answer nothing: there is nothing typed to clear.
                    _ if keys::is_ctrl(key) => Picked::Nothing,
                    _ => Picked::Chosen(0),
                }
            }
            _ => Picked::Closed,
        }
    }

    /// Keeps an open list scrolled to its selection, for the screen's `size`.
    pub fn follow(&mut self, size: Rect, scene: &Scene) {
        let t = scene.t;
        let findings = (t.record.findings_list)(&scene.session().checklist.finding_symbols());
        let (title, rows) = match &*self {
            Overlay::Departments(_) => (t.departments, item::department_rows(scene)),
            Overlay::Items(_) => (t.items, item::item_rows(scene)),
            Overlay::Search(_, lines) => (t.record.search, search_rows(lines)),
            Overlay::Findings(_, lines) => (findings.as_str(), search_rows(lines)),
            _ => return,
        };
        if let Overlay::Departments(picker)
        | Overlay::Items(picker)
        | Overlay::Search(picker, _)
        | Overlay::Findings(picker, _) = self
        {
            picker.follow(size, title, rows, t);
        }
    }

    /// Draws the overlay over `view`, whose table is `keys`.
    pub fn draw(&self, frame: &mut Frame, area: Rect, scene: &Scene, view: (View, &[Binding])) {
        let t = scene.t;
        match self {
            Overlay::Help => draw_help(frame, area, scene, view),
            Overlay::Departments(picker) => {
                picker.draw(frame, area, t.departments, item::department_rows(scene), t)
            }
            Overlay::Items(picker) => picker.draw(frame, area, t.items, item::item_rows(scene), t),
            Overlay::Checklists(picker) => picker.draw(
                frame,
                area,
                t.checklists,
                checklist_rows(scene.doc.round()),
                t,
            ),
            Overlay::Fields(prompt) => prompt.draw(frame, area, t),
            Overlay::ImportPath(prompt) => {
                let title = match prompt.purpose {
                    PathFor::Evidence(_) => t.attach_path,
                    PathFor::Workbook => t.import_path,
                    PathFor::Checklist => t.add_checklist_path,
                };
                prompt.draw(frame, area, title)
            }
            Overlay::Evidence(picker, rows) => {
                let lines = rows.iter().map(|r| Line::from(r.2.clone())).collect();
                picker.draw(frame, area, t.evidence_list, lines, t)
            }
            Overlay::Gate { answered, .. } => {
                let question = (t.gate_question)(&answered.join(", "));
                widgets::question(frame, area, &question, t.confirm);
            }
            Overlay::Outside { symbol } => {
                let session = scene.session();
                let (department, item) = shared::position(session, scene.cursor);
                let now = session
                    .answer(&department, &item)
                    .and_then(|a| a.mark.clone());
                let name = session
                    .hearing(&department)
                    .map(|h| h.department.name.as_str());
                let question = (t.outside_question)(
                    &item,
                    name.unwrap_or(&department),
                    &now.unwrap_or_default(),
                    symbol,
                );
                widgets::question(frame, area, &question, t.confirm);
            }
            Overlay::Search(picker, lines) => {
                picker.draw(frame, area, t.record.search, search_rows(lines), t)
            }
            Overlay::Findings(picker, lines) => {
                let rows = search_rows(lines);
                let title = (t.record.findings_list)(&scene.session().checklist.finding_symbols());
                picker.draw(frame, area, &title, rows, t)
            }
            Overlay::FindingItems(picker, of_area, id) => {
                let rows = sheet::item_rows(scene, of_area, *id);
                picker.draw(frame, area, t.record.finding_items, rows, t)
            }
            Overlay::Signer(picker) => {
                let rows = review::signer_rows(scene.session());
                picker.draw(frame, area, t.record.signer, rows, t)
            }
            Overlay::Seal(by) => review::draw_seal(frame, area, scene, by),
            Overlay::UndoElsewhere(change) => {
                let name = undo::department_of(change)
                    .and_then(|short| scene.session().hearing(short))
                    .map_or(String::new(), |h| h.department.name.clone());
                let (_, what) = undo::describe(change, t);
                widgets::question(frame, area, &(t.undo_elsewhere)(&name, &what), t.confirm);
            }
            Overlay::Export(dialog) => dialog.draw(frame, area, t),
        }
    }
}

/// The help of `view`: its table and the keys every screen knows, the mark keys where
/// they mark, the matrix's legend in the matrix.
fn draw_help(frame: &mut Frame, area: Rect, scene: &Scene, (view, keys): (View, &[Binding])) {
    let t = scene.t;
    let legend = (t.matrix_legend)(scene.marks.unanswered());
    let legend: &[&str] = match view {
        View::Matrix => &[&legend],
        _ => &[],
    };
    let tables = [keys, keymap::APP];
    let scale = scene.markable_scale().filter(|_| view.marks());
    help::draw_for(frame, area, &tables, t, scale, legend, scene.reader);
}

/// A line per checklist of the round: its id and title, and how many items.
fn checklist_rows(round: &Session) -> Vec<Line<'static>> {
    round
        .checklists()
        .map(|c| Line::from(format!("{}  {}  ({})", c.id, c.title, c.item_count())))
        .collect()
}

/// The lines of a search or findings list, as the picker draws them.
fn search_rows(lines: &[(search::Place, String)]) -> Vec<Line<'static>> {
    lines
        .iter()
        .map(|(_, text)| Line::from(text.clone()))
        .collect()
}
