//! The new-session form: checklist (and further checklists, `form_more`), title, date,
//! auditors, lead, and the departments of this round (the roster, all chosen; more can
//! be added).

use std::path::Path;

use chrono::Local;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListState, Paragraph, Wrap};
use ratatui_textarea::TextArea;

use crate::checklist::{Checklist, Department};
use crate::i18n::Describe;
use crate::i18n::Strings;
use crate::keymap::{self, Action};
use crate::session::{AuditFacts, Chosen, Session};

use super::context::{Context, Input, Step};
use super::form_more::{MoreChecklists, Outcome};
use super::{editor, help, keys, widgets};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Checklist,
    /// The round's further checklists, each added from its path.
    MoreChecklists,
    /// An earlier round to start from (its id, or a session file).
    StartFrom,
    Title,
    Date,
    Auditors,
    Lead,
    Departments,
    AddDepartment,
    AddShort,
    AddRemark,
    Create,
}

const ORDER: [Field; 12] = [
    Field::Checklist,
    Field::MoreChecklists,
    Field::StartFrom,
    Field::Title,
    Field::Date,
    Field::Auditors,
    Field::Lead,
    Field::Departments,
    Field::AddDepartment,
    Field::AddShort,
    Field::AddRemark,
    Field::Create,
];

/// The text fields, in the order of `ORDER` without the list and the button.
const TEXT_FIELDS: [Field; 9] = [
    Field::Checklist,
    Field::StartFrom,
    Field::Title,
    Field::Date,
    Field::Auditors,
    Field::Lead,
    Field::AddDepartment,
    Field::AddShort,
    Field::AddRemark,
];

/// Cells for the labels: the longest label and a margin, so that a field's text (the
/// checklist's title and its hint) fits 80 columns.
const LABEL_WIDTH: u16 = 24;

/// The fields that describe a department added off the roster.
const ADD_FIELDS: [Field; 3] = [Field::AddDepartment, Field::AddShort, Field::AddRemark];

pub struct NewSessionForm {
    inputs: [TextArea<'static>; 9],
    focus: Field,
    checklist: Checklist,
    departments: Vec<(Department, bool)>,
    department_cursor: usize,
    problem: Option<String>,
    /// Esc was pressed with something typed: the form asks before discarding it.
    asking_to_discard: bool,
    more: MoreChecklists,
}

impl NewSessionForm {
    pub fn new(_context: &Context) -> NewSessionForm {
        let mut inputs: [TextArea<'static>; 9] = Default::default();
        let today = Local::now().date_naive().format("%Y-%m-%d").to_string();
        let checklist = Checklist::bundled();
        // The checklist's title is what most rounds are called; the auditor edits it.
        inputs[2].insert_str(&checklist.title);
        inputs[3].insert_str(today);
        for input in &mut inputs {
            input.set_cursor_line_style(Style::new());
        }
        let departments = checklist
            .departments
            .iter()
            .map(|d| (d.clone(), true))
            .collect();
        NewSessionForm {
            inputs,
            focus: Field::Title,
            checklist,
            departments,
            department_cursor: 0,
            problem: None,
            asking_to_discard: false,
            more: MoreChecklists::default(),
        }
    }

    /// True when something was typed that leaving would lose.
    fn has_input(&self) -> bool {
        let title = self.text(Field::Title);
        let typed = |f: &Field| !self.text(*f).is_empty();
        (title != self.checklist.title && !title.is_empty())
            || !self.more.added.is_empty()
            || [
                Field::Checklist,
                Field::StartFrom,
                Field::Auditors,
                Field::Lead,
            ]
            .iter()
            .chain(&ADD_FIELDS)
            .any(typed)
    }

    fn input(&self, field: Field) -> Option<&TextArea<'static>> {
        TEXT_FIELDS
            .iter()
            .position(|f| *f == field)
            .map(|i| &self.inputs[i])
    }

    fn input_mut(&mut self, field: Field) -> Option<&mut TextArea<'static>> {
        TEXT_FIELDS
            .iter()
            .position(|f| *f == field)
            .map(|i| &mut self.inputs[i])
    }

    fn text(&self, field: Field) -> String {
        self.input(field)
            .map(|i| i.lines().join(" ").trim().to_string())
            .unwrap_or_default()
    }

    pub fn handle(&mut self, input: &Input, context: &Context) -> Step {
        match input {
            Input::Tick => Step::Stay,
            Input::Paste(text) if self.more.is_prompting() => {
                self.more.paste(text);
                Step::Stay
            }
            Input::Paste(text) => {
                let line = text.replace(['\r', '\n'], " ");
                if let Some(field) = self.input_mut(self.focus) {
                    field.insert_str(line);
                }
                Step::Stay
            }
            Input::Key(key) => self.on_key(key, context),
        }
    }

    fn on_key(&mut self, event: &KeyEvent, context: &Context) -> Step {
        let t = context.t;
        if self.more.is_prompting() {
            self.problem = match self.more.handle(event, &self.checklist, t) {
                Outcome::Typing | Outcome::Closed => None,
                Outcome::Added(id) => Some((t.checklist_added_to_form)(&id)),
                Outcome::Refused(why) => Some(why),
            };
            return Step::Stay;
        }
        if std::mem::take(&mut self.asking_to_discard) {
            let yes = keys::action_of(keymap::CONFIRM, event) == Some(Action::Confirm);
            self.problem = None;
            return if yes { Step::List } else { Step::Stay };
        }
        let in_list = self.focus == Field::Departments;
        let within = match keys::action_of(keymap::FORM_DEPARTMENTS, event) {
            Some(Action::SelectUp) if in_list => self.department_cursor.checked_sub(1),
            Some(Action::SelectDown) if in_list => {
                Some(self.department_cursor + 1).filter(|next| *next < self.departments.len())
            }
            _ => None,
        };
        if let Some(at) = within {
            self.department_cursor = at;
            return Step::Stay;
        }
        let action = keys::action_of(keymap::FORM, event);
        match (action, self.focus) {
            (Some(Action::ClearField), Field::MoreChecklists) => self.more.clear(),
            (Some(Action::Confirm), Field::MoreChecklists) => self.more.open(),
            (action @ Some(Action::ClearField), field) => {
                if let Some(input) = self.input_mut(field) {
                    editor::clear(input, action);
                }
            }
            (Some(Action::Back), _) if self.has_input() => {
                self.asking_to_discard = true;
                self.problem = Some(t.discard_form.to_string());
            }
            (Some(Action::Back), _) => return Step::List,
            (Some(Action::Toggle), _) if in_list => {
                if let Some((_, chosen)) = self.departments.get_mut(self.department_cursor) {
                    *chosen = !*chosen;
                }
            }
            (Some(Action::PreviousField), _) => self.move_focus(-1, t),
            (Some(Action::NextField), _) => self.move_focus(1, t),
            (Some(Action::Confirm), Field::Create) => return self.create(context),
            (Some(Action::Confirm), field) if ADD_FIELDS.contains(&field) => self.add_department(t),
            (Some(Action::Confirm), _) => self.move_focus(1, t),
            (_, field) => {
                if let Some(input) = self.input_mut(field) {
                    input.input(*event);
                }
            }
        }
        Step::Stay
    }

    fn move_focus(&mut self, delta: isize, t: &Strings) {
        if self.focus == Field::Checklist {
            self.reload_checklist(t);
        }
        let index = ORDER.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = index
            .checked_add_signed(delta)
            .unwrap_or(0)
            .min(ORDER.len() - 1);
        self.focus = ORDER[next];
    }

    fn reload_checklist(&mut self, t: &Strings) {
        let path = self.text(Field::Checklist);
        let loaded = if path.is_empty() {
            Ok(Checklist::bundled())
        } else {
            Checklist::load(Path::new(&path))
        };
        match loaded {
            Ok(checklist) if checklist != self.checklist => {
                if self.text(Field::Title) == self.checklist.title
                    && let Some(title) = self.input_mut(Field::Title)
                {
                    title.select_all();
                    title.cut();
                    title.insert_str(&checklist.title);
                }
                self.departments = checklist
                    .departments
                    .iter()
                    .map(|d| (d.clone(), true))
                    .collect();
                self.department_cursor = 0;
                self.more.keep_beside(&checklist);
                self.checklist = checklist;
                self.problem = None;
            }
            Ok(_) => self.problem = None,
            Err(e) => self.problem = Some(e.describe(t.messages)),
        }
    }

    /// Adds the department described in the add fields: its name, its own short name
    /// (the name when left empty) and its 備考.
    fn add_department(&mut self, t: &Strings) {
        let name = self.text(Field::AddDepartment);
        let mut department = Department::unlisted(&name);
        let short = self.text(Field::AddShort);
        if !short.is_empty() {
            department.short = short;
        }
        department.remark = self.text(Field::AddRemark);
        let taken = |d: &Department| {
            [&d.name, &d.short].contains(&&department.name)
                || [&d.name, &d.short].contains(&&department.short)
        };
        if name.is_empty() || self.departments.iter().any(|(d, _)| taken(d)) {
            self.focus = Field::AddDepartment;
            return;
        }
        self.departments.push((department, true));
        for field in ADD_FIELDS {
            if let Some(input) = self.input_mut(field) {
                input.select_all();
                input.cut();
            }
        }
        self.focus = Field::AddDepartment;
        self.problem = Some((t.added_department)(&name));
    }

    fn create(&mut self, context: &Context) -> Step {
        let t = context.t;
        let title = self.text(Field::Title);
        let date_text = self.text(Field::Date);
        let date = crate::wareki::parse(&date_text).ok();
        let departments: Vec<Department> = self
            .departments
            .iter()
            .filter(|(_, c)| *c)
            .map(|(d, _)| d.clone())
            .collect();
        let problem = if title.is_empty() {
            Some((t.need_title, Field::Title))
        } else if date.is_none() && !date_text.is_empty() {
            Some((t.bad_date, Field::Date))
        } else if departments.is_empty() {
            Some((t.need_department, Field::Departments))
        } else {
            None
        };
        if let Some((problem, field)) = problem {
            // The cursor goes where the fix is to be typed.
            self.problem = Some(problem.to_string());
            self.focus = field;
            return Step::Stay;
        }
        let split = |s: String| {
            s.split(['、', ',', '，'])
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect()
        };
        let facts = AuditFacts {
            title,
            date,
            auditors: split(self.text(Field::Auditors)),
            lead: self.text(Field::Lead),
            ..AuditFacts::default()
        };
        let now = Local::now().fixed_offset();
        let from = self.text(Field::StartFrom);
        if !from.is_empty() {
            return self.create_from(&from, facts, context);
        }
        let checklist = self
            .checklist
            .clone()
            .with_language(context.t.report_lang.into());
        let unlisted = departments
            .iter()
            .filter(|d| !checklist.departments.contains(d))
            .map(|d| d.name.clone())
            .collect();
        let chosen = Chosen {
            departments,
            unlisted,
        };
        // The unlisted departments were announced as they were added.
        let store = &context.store;
        let session = Session::start(store.new_id(now), checklist, chosen, facts, now);
        self.save(session, context)
    }

    /// Saves the new round with the further checklists, and opens it.
    fn save(&mut self, mut session: Session, context: &Context) -> Step {
        if let Err(problem) = self.more.join(&mut session, context.t) {
            self.problem = Some(problem);
            self.focus = Field::MoreChecklists;
            return Step::Stay;
        }
        match context.store.create(&session) {
            Ok(()) => Step::Open {
                id: session.id,
                department: None,
                matrix: false,
            },
            Err(e) => {
                self.problem = Some(e.describe(context.t.messages));
                Step::Stay
            }
        }
    }

    /// A new round from an earlier one (`kansa new --from`): its departments, facts and
    /// checklist (or the one chosen here), its answers kept as "previous", no mark copied.
    fn create_from(&mut self, from: &str, facts: AuditFacts, context: &Context) -> Step {
        let store = &context.store;
        let earlier = if Path::new(from).is_file() {
            crate::store::Store::load_file(Path::new(from))
        } else {
            store.load(from)
        };
        let earlier = match earlier {
            Ok(earlier) => earlier,
            Err(e) => {
                self.problem = Some(e.describe(context.t.messages));
                self.focus = Field::StartFrom;
                return Step::Stay;
            }
        };
        let now = Local::now().fixed_offset();
        let newer = (!self.text(Field::Checklist).is_empty()).then(|| self.checklist.clone());
        let mut session =
            Session::next_round(&earlier, store.new_id(now), &facts.title, newer, now);
        session.facts.date = facts.date.or(session.facts.date);
        (session.checklist.language).get_or_insert(context.t.report_lang.into());
        self.save(session, context)
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, t: &Strings) {
        let footer_lines = help::footer(keymap::FORM, t, None, area.width);
        let [title, fields, label, list, add, create, problem, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(7),
            Constraint::Length(1),
            Constraint::Min(2),
            Constraint::Length(3),
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Length(footer_lines.len() as u16),
        ])
        .areas(area);
        frame.render_widget(
            widgets::title_bar(format!(" {}  {}", t.app, t.new_session)),
            title,
        );
        let rows = Layout::vertical([Constraint::Length(1); 7]).split(fields);
        self.draw_more(frame, rows[1], t);
        let rows = [&rows[..1], &rows[2..]].concat();
        let labels = [
            t.field_checklist,
            t.field_start_from,
            t.field_title,
            t.field_date,
            t.field_auditors,
            t.field_lead,
        ];
        for ((field, label), row) in TEXT_FIELDS.iter().zip(labels).zip(rows.iter()) {
            self.draw_field(frame, *row, *field, label, t);
        }
        let chosen = self.departments.iter().filter(|(_, c)| *c).count();
        let heading = format!(
            " {} ({chosen}/{})",
            t.field_departments,
            self.departments.len()
        );
        frame.render_widget(
            Paragraph::new(heading).style(self.label_style(Field::Departments)),
            label,
        );
        self.draw_departments(frame, list);
        let add_rows = Layout::vertical([Constraint::Length(1); 3]).split(add);
        let add_labels = [
            t.field_add_department,
            t.field_add_short,
            t.field_add_remark,
        ];
        for ((field, label), row) in ADD_FIELDS.iter().zip(add_labels).zip(add_rows.iter()) {
            self.draw_field(frame, *row, *field, label, t);
        }
        let button = Span::raw(format!("[ {} ]", t.create)).style(self.label_style(Field::Create));
        frame.render_widget(
            Paragraph::new(Line::from(vec![Span::raw(" "), button])),
            create,
        );
        let problem_text = self.problem.as_deref().unwrap_or("");
        frame.render_widget(
            Paragraph::new(problem_text)
                .bold()
                .wrap(Wrap { trim: true }),
            problem,
        );
        frame.render_widget(Paragraph::new(footer_lines), footer);
        self.more.draw_prompt(frame, area, t);
    }

    /// The further checklists' row: those added, or how to add one.
    fn draw_more(&self, frame: &mut Frame, row: Rect, t: &Strings) {
        let [label_area, text_area] =
            Layout::horizontal([Constraint::Length(LABEL_WIDTH), Constraint::Fill(1)]).areas(row);
        let label = format!(" {}", t.field_more_checklists);
        let style = self.label_style(Field::MoreChecklists);
        frame.render_widget(Paragraph::new(label).style(style), label_area);
        let shown = Paragraph::new(self.more.shown(t));
        let shown = match self.more.added.is_empty() {
            true => shown.dim(),
            false => shown,
        };
        frame.render_widget(shown, text_area);
    }

    fn label_style(&self, field: Field) -> Style {
        if self.focus == field {
            Style::new().reversed().bold()
        } else {
            Style::new().bold()
        }
    }

    fn draw_field(&self, frame: &mut Frame, row: Rect, field: Field, label: &str, t: &Strings) {
        let [label_area, input_area] =
            Layout::horizontal([Constraint::Length(LABEL_WIDTH), Constraint::Fill(1)]).areas(row);
        frame.render_widget(
            Paragraph::new(format!(" {label}")).style(self.label_style(field)),
            label_area,
        );
        let Some(input) = self.input(field) else {
            return;
        };
        if field == Field::Checklist && input.is_empty() && self.focus != field {
            let shown = format!("{} {}", self.checklist.title, t.bundled_checklist);
            frame.render_widget(Paragraph::new(shown).dim(), input_area);
            return;
        }
        let input_area = Rect {
            x: input_area.x + 1,
            width: input_area.width.saturating_sub(1),
            ..input_area
        };
        widgets::text_area(frame, input, input_area, self.focus == field);
    }

    fn draw_departments(&self, frame: &mut Frame, area: Rect) {
        let rows: Vec<Line> = self
            .departments
            .iter()
            .map(|(d, chosen)| {
                let check = if *chosen { "[x]" } else { "[ ]" };
                let remark = if d.remark.is_empty() {
                    String::new()
                } else {
                    format!("  {}", d.remark)
                };
                Line::from(format!("{check} {}（{}）{remark}", d.name, d.short))
            })
            .collect();
        let focused = self.focus == Field::Departments;
        let list = List::new(rows).highlight_style(if focused {
            Style::new().reversed()
        } else {
            Style::new()
        });
        let mut state = ListState::default().with_selected(Some(self.department_cursor));
        let area = Rect {
            x: area.x + 2,
            width: area.width.saturating_sub(2),
            ..area
        };
        frame.render_stateful_widget(list, area, &mut state);
    }
}
