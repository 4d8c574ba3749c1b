//! The export dialog (`e` in the hearing and the matrix): which report, which format,
//! and where, with a default name in the current directory built from the audit's
//! title (`令和6年度上半期情報セキュリティ内部監査_結果一覧.xlsx`). Writing over a file
//! asks first; the screen writes and says where.

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::export::{Format, Report};
use crate::i18n::Strings;
use crate::keymap::{self, Action, Key};

use super::{help, widgets};

/// The reports offered, in the order the dialog cycles through them.
const REPORTS: [Report; 4] = [
    Report::Matrix,
    Report::Departments,
    Report::Summary,
    Report::All,
];
const FORMATS: [Format; 5] = [
    Format::Xlsx,
    Format::Docx,
    Format::Html,
    Format::Md,
    Format::Csv,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Report,
    Format,
    Path,
}

pub struct ExportDialog {
    report: usize,
    format: usize,
    path: String,
    /// The path as typed: choosing another report or format then leaves it alone.
    typed: bool,
    focus: Field,
    /// Asking whether to write over the file at `path`.
    asking: bool,
    /// Why the last attempt wrote nothing.
    pub problem: Option<String>,
    /// The audit's title, from which the default name is made.
    title: String,
}

/// What a key did to the dialog.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Nothing,
    Closed,
    /// Write the report to `path`; `overwrite` once the person said yes.
    Write {
        report: Report,
        format: Format,
        path: PathBuf,
        overwrite: bool,
    },
}

impl ExportDialog {
    /// A dialog on the matrix as XLSX, named after the audit's `title`.
    pub fn new(title: &str, t: &Strings) -> ExportDialog {
        let mut dialog = ExportDialog {
            report: 0,
            format: 0,
            path: String::new(),
            typed: false,
            focus: Field::Report,
            asking: false,
            problem: None,
            title: title.to_string(),
        };
        dialog.path = dialog.default_name(t);
        dialog
    }

    /// The dialog on the report and format named as they print (`summary`, `docx`),
    /// where those are offered: the ones last written.
    pub fn choosing(mut self, report: &str, format: &str, t: &Strings) -> ExportDialog {
        if let Some(at) = REPORTS.iter().position(|r| r.to_string() == report) {
            self.report = at;
        }
        if let Some(at) = FORMATS.iter().position(|f| f.to_string() == format) {
            self.format = at;
        }
        self.path = self.default_name(t);
        self
    }

    pub fn report(&self) -> Report {
        REPORTS[self.report % REPORTS.len()]
    }

    pub fn format(&self) -> Format {
        FORMATS[self.format % FORMATS.len()]
    }

    /// The report's name as the reports write it (結果一覧), or すべて.
    fn report_name(&self, t: &Strings) -> &'static str {
        let words = t.report_lang.report_words();
        match self.report() {
            Report::Matrix => words.matrix,
            Report::Departments => words.departments,
            Report::Summary => words.summary,
            Report::All => t.export_all,
            Report::Compare => t.rounds.compare_report,
        }
    }

    /// `<title>_<report>.<format>` in the current directory, the title without
    /// spaces, brackets or characters a file name cannot hold.
    fn default_name(&self, t: &Strings) -> String {
        let title: String = self
            .title
            .chars()
            .filter(|c| !c.is_whitespace() && !"（）()/\\:*?\"<>|".contains(*c))
            .collect();
        let title = if title.is_empty() { "kansa" } else { &title };
        format!("{title}_{}.{}", self.report_name(t), self.format())
    }

    /// The person said the file may be written over, or not.
    pub fn ask_overwrite(&mut self) {
        self.asking = true;
    }

    pub fn handle(&mut self, key: Key, t: &Strings) -> Outcome {
        if self.asking {
            self.asking = false;
            return match keymap::lookup(keymap::CONFIRM, key) {
                Some(Action::Confirm) => self.write(true),
                _ => Outcome::Nothing,
            };
        }
        self.problem = None;
        match (keymap::lookup(keymap::EXPORT, key), key) {
            (Some(Action::NextField), _) => self.focus = self.step_focus(1),
            (Some(Action::PreviousField), _) => self.focus = self.step_focus(2),
            (Some(Action::NextOption), _) => self.choose(1, t),
            (Some(Action::PreviousOption), _) => self.choose(-1, t),
            (Some(Action::Confirm), _) if self.path.trim().is_empty() => {
                self.problem = Some(t.export_no_path.to_string())
            }
            (Some(Action::Confirm), _) => return self.write(false),
            (Some(Action::Close), _) => return Outcome::Closed,
            (Some(Action::ClearField), _) if self.focus == Field::Path => {
                self.path.clear();
                self.typed = true;
            }
            (_, Key::Char(c)) if self.focus == Field::Path => {
                self.path.push(c);
                self.typed = true;
            }
            (_, Key::Backspace) if self.focus == Field::Path => {
                self.path.pop();
                self.typed = true;
            }
            _ => {}
        }
        Outcome::Nothing
    }

    fn write(&self, overwrite: bool) -> Outcome {
        Outcome::Write {
            report: self.report(),
            format: self.format(),
            path: PathBuf::from(self.path.trim()),
            overwrite,
        }
    }

    /// The field `by` places further on, round the three.
    fn step_focus(&self, by: usize) -> Field {
        let fields = [Field::Report, Field::Format, Field::Path];
        let at = fields.iter().position(|f| *f == self.focus).unwrap_or(0);
        fields[(at + by) % fields.len()]
    }

    /// The next (1) or previous (-1) report or format; the default name follows
    /// unless a path was typed.
    fn choose(&mut self, by: isize, t: &Strings) {
        let cycle = |at: usize, len: usize| (at as isize + by).rem_euclid(len as isize) as usize;
        match self.focus {
            Field::Report => self.report = cycle(self.report, REPORTS.len()),
            Field::Format => self.format = cycle(self.format, FORMATS.len()),
            Field::Path => return,
        }
        if !self.typed {
            self.path = self.default_name(t);
        }
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, t: &Strings) {
        if self.asking {
            let question = (t.export_exists)(&self.path);
            widgets::question(frame, area, &question, t.confirm);
            return;
        }
        let width = area.width.min(72);
        let hints = help::footer(keymap::EXPORT, t, None, width.saturating_sub(2));
        let problem = u16::from(self.problem.is_some());
        let height = 3 + problem + 1 + hints.len() as u16 + 2;
        let inner = widgets::popup(frame, area, width, height, t.export_title);
        let [fields, problem_area, _, hint_area] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Length(problem),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(inner);
        let choice = |text: &str| format!("◀ {text} ▶");
        let rows = [
            (Field::Report, t.export_report, choice(self.report_name(t))),
            (
                Field::Format,
                t.export_format,
                choice(&self.format().to_string()),
            ),
            (Field::Path, t.export_path, format!("{}▏", self.path)),
        ];
        let label_width = rows
            .iter()
            .map(|(_, label, _)| unicode_width::UnicodeWidthStr::width(*label))
            .max()
            .unwrap_or(0);
        let lines: Vec<Line> = rows
            .into_iter()
            .map(|(field, label, value)| {
                let style = if field == self.focus {
                    Style::new().reversed().bold()
                } else {
                    Style::new()
                };
                Line::from(vec![
                    Span::raw(widgets::pad(label, label_width + 1)).bold(),
                    Span::styled(value, style),
                ])
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), fields);
        if let Some(problem) = &self.problem {
            let text = Paragraph::new(problem.as_str())
                .red()
                .wrap(Wrap { trim: true });
            frame.render_widget(text, problem_area);
        }
        frame.render_widget(Paragraph::new(hints), hint_area);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::JA;

    #[test]
    fn the_default_name_follows_report_and_format_until_a_path_is_typed() {
        let mut dialog = ExportDialog::new("令和6年度（上半期）情報セキュリティ内部監査", &JA);
        assert_eq!(
            dialog.path,
            "令和6年度上半期情報セキュリティ内部監査_結果一覧.xlsx"
        );
        dialog.handle(Key::Right, &JA);
        assert_eq!(dialog.report(), Report::Departments);
        assert!(dialog.path.ends_with("_結果報告書.xlsx"));
        dialog.handle(Key::Tab, &JA);
        dialog.handle(Key::Left, &JA);
        assert_eq!(dialog.format(), Format::Csv);
        assert!(dialog.path.ends_with("_結果報告書.csv"));
        dialog.handle(Key::Tab, &JA);
        dialog.handle(Key::Backspace, &JA);
        dialog.handle(Key::Char('v'), &JA);
        dialog.handle(Key::BackTab, &JA);
        dialog.handle(Key::Right, &JA);
        assert!(dialog.path.ends_with("_結果報告書.csv"), "{}", dialog.path);
    }

    #[test]
    fn enter_writes_and_a_yes_is_needed_to_write_over() {
        let mut dialog = ExportDialog::new("監査", &JA);
        let Outcome::Write { overwrite, .. } = dialog.handle(Key::Enter, &JA) else {
            panic!("Enter writes");
        };
        assert!(!overwrite);
        dialog.ask_overwrite();
        assert_eq!(dialog.handle(Key::Char('n'), &JA), Outcome::Nothing);
        dialog.ask_overwrite();
        let Outcome::Write {
            overwrite, path, ..
        } = dialog.handle(Key::Char('y'), &JA)
        else {
            panic!("y writes over");
        };
        assert!(overwrite);
        assert_eq!(path, PathBuf::from("監査_結果一覧.xlsx"));
        assert_eq!(dialog.handle(Key::Esc, &JA), Outcome::Closed);
    }
}
