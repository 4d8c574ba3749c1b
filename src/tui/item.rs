//! The item view of a session: one item of one department — its area, text and
//! hearing guidance, the scale with its keys, the current mark (and the files attached)
//! and the note.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::checklist::{Area, Item, Mark};
use crate::i18n::Strings;
use crate::keymap::{self, Action, Binding};

use super::shared::{Component, Effect, Scene};
use super::{help, widgets};

/// The item view keeps no state of its own: it shows the cell under the cursor, and
/// its keys are the screen's (marks, moves, the other views).
#[derive(Debug, Default)]
pub struct ItemView;

impl Component for ItemView {
    fn keys(&self) -> &'static [Binding] {
        keymap::ITEM
    }

    fn update(&mut self, _action: Action, _scene: &Scene) -> Effect {
        Effect::Nothing
    }

    fn draw(&self, frame: &mut Frame, area: Rect, scene: &Scene) {
        draw(scene, frame, area);
    }
}

fn draw(scene: &Scene, frame: &mut Frame, area: Rect) {
    let t = scene.t;
    let banners = scene.banners();
    let footer_lines = footer(scene, t, area.width);
    // The item takes what its text needs; the note has the rest, at least 3 rows.
    let body_text = Paragraph::new(body(scene, t, area.width)).wrap(Wrap { trim: false });
    let body_height = body_text.line_count(area.width).min(u16::MAX as usize) as u16;
    let [
        header,
        department,
        banner_area,
        body,
        note_area,
        message_area,
        footer,
    ] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(banners.len() as u16),
        Constraint::Length(body_height.saturating_add(1)),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(footer_lines.len() as u16),
    ])
    .areas(area);
    draw_header(scene, frame, header, department, t);
    widgets::banners(frame, banner_area, &banners);
    frame.render_widget(body_text, body);
    draw_note(scene, frame, note_area, t);
    let message = scene.message_line().unwrap_or("");
    frame.render_widget(Paragraph::new(message).italic(), message_area);
    frame.render_widget(Paragraph::new(footer_lines), footer);
}

fn draw_header(scene: &Scene, frame: &mut Frame, header: Rect, department: Rect, t: &Strings) {
    let session = scene.session();
    let overall = format!(
        "{} {}",
        t.overall,
        widgets::progress_bar(session.answered_count(), session.cell_count(), 10)
    );
    let [title, right] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(overall.width() as u16 + 1),
    ])
    .areas(header);
    let shown = scene.title_within(usize::from(title.width).saturating_sub(2));
    frame.render_widget(widgets::title_bar(format!(" {shown}")), title);
    frame.render_widget(Paragraph::new(overall).reversed(), right);
    let Some(hearing) = session.hearings.get(scene.cursor.department) else {
        return;
    };
    let d = &hearing.department;
    let bar = widgets::progress_bar(
        session.answered_in(hearing),
        session.checklist.item_count(),
        10,
    );
    // The department is what a wrong key would mark: never mistaken for another, so
    // the score gives way first (its band, then itself), and the name is shortened
    // only when nothing else is left; no part is ever drawn over another.
    let label = format!(" {}（{}）", d.name, d.short);
    let choices: Vec<String> = match (score_text(scene, t, true), score_text(scene, t, false)) {
        (Some(full), Some(bare)) => vec![
            format!("{full}  {bar}"),
            format!("{bare}  {bar}"),
            full,
            bare.clone(),
            bare,
        ],
        _ => vec![bar],
    };
    let room = usize::from(department.width);
    let progress = choices
        .iter()
        .find(|c| label.width() + 1 + c.width() < room)
        .or(choices.last())
        .cloned()
        .unwrap_or_default();
    let [name, right] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(progress.width() as u16 + 1),
    ])
    .areas(department);
    let label = crate::matrix::truncate(&label, usize::from(name.width), scene.marks);
    let label = Span::raw(label.into_owned());
    let mut spans = vec![label.bold().underlined()];
    if !d.remark.is_empty() {
        spans.push(Span::raw(format!("  {}: {}", t.remark, d.remark)).dim());
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), name);
    frame.render_widget(Paragraph::new(progress), right);
}

/// The department's score, with its band when `band` (said to be provisional while
/// some item is unanswered), when the scale has points.
pub fn score_text(scene: &Scene, t: &Strings, band: bool) -> Option<String> {
    let session = scene.session();
    let score = crate::results::department_score(session, scene.cursor.department)?;
    let percent = score.percent().map_or("-".to_string(), |p| format!("{p}%"));
    let label = score
        .band(&session.checklist)
        .filter(|_| band)
        .map_or(String::new(), |b| match score.unanswered {
            0 => b.label.clone(),
            _ => (t.provisional)(&b.label),
        });
    let line = (t.score_line)(score.total, score.maximum, &percent, &label);
    Some(line.trim_end().to_string())
}

/// The item on screen; the session refuses to open without items.
fn current<'a>(scene: &Scene<'a>) -> Option<(&'a Area, &'a Item)> {
    let checklist = &scene.session().checklist;
    checklist.items().nth(scene.cursor.item)
}

fn body<'a>(scene: &Scene<'a>, t: &Strings, width: u16) -> Text<'a> {
    let session = scene.session();
    let Some((area, item)) = current(scene) else {
        return Text::default();
    };
    let count = session.checklist.item_count();
    let mut lines = vec![
        Line::from(format!("{} {}", area.id, area.title)).dim(),
        Line::from(vec![
            Span::raw(item.id.clone())
                .bold()
                .add_modifier(Modifier::UNDERLINED),
            Span::raw(format!("  {}/{count}", scene.cursor.item + 1)).dim(),
        ]),
    ];
    // Wrapped here, not by the paragraph: Japanese lines break by its rules (禁則).
    let wrapped = |text: &str| {
        crate::text::wrap(text, width.into())
            .into_iter()
            .map(Line::from)
    };
    lines.extend(wrapped(&item.text).map(|l| l.bold()));
    if !item.guidance.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(t.guidance).dim());
        lines.extend(wrapped(&item.guidance));
    }
    lines.push(Line::default());
    let hearing = session.hearings.get(scene.cursor.department);
    let current = hearing.and_then(|h| h.mark(&item.id));
    // Where marks cannot be given (a signed round, a read-only copy), no keys.
    let keys = scene.reader.allows(Action::MarkAndNext);
    let scale = (&session.checklist.scale[..], keys);
    lines.extend(scale_lines(scale, current, t, width));
    let now = match current.and_then(|symbol| session.checklist.mark(symbol)) {
        Some(mark) => {
            let how = if hearing.is_some_and(|h| h.by_applicability(&item.id)) {
                t.by_applicability
            } else {
                ""
            };
            mark_line(mark, how)
        }
        None => Line::from(t.unanswered).italic(),
    };
    let mut current_line = vec![Span::raw(format!("{}  ", t.current_mark)).dim()];
    current_line.extend(now.spans);
    let department = hearing.map_or("", |h| h.department.short.as_str());
    let files = session.evidence_count(department, &item.id);
    if files > 0 {
        current_line.push(Span::raw(format!("   {}", (t.evidence_count)(files))).cyan());
    }
    lines.push(Line::from(current_line));
    let own = hearing.and_then(|h| h.selfcheck.as_ref()?.answer(&item.id));
    if let Some(own) = own {
        let mark = own.mark.as_deref().unwrap_or(t.unanswered);
        let text = format!("{}: {mark} {}", t.self_assessment, own.comment);
        lines.push(Line::from(text.trim_end().to_string()).italic());
    }
    lines.extend(conflict_line(session, department, &item.id, t));
    lines.extend(previous_line(session, department, &item.id, t));
    Text::from(lines)
}

/// The cell's mark or note in conflict (two auditors set it without seeing each
/// other's): each one's value, until someone records a new one.
fn conflict_line<'a>(
    session: &crate::session::Session,
    department: &str,
    item: &str,
    t: &Strings,
) -> Option<Line<'a>> {
    let here = |place: &crate::merge::Place| {
        place.department() == Some(department) && place.item() == Some(item)
    };
    let conflict = crate::merge::conflicts(session)
        .into_iter()
        .find(|c| here(&c.place))?;
    let values: Vec<(&str, &str)> = (conflict.values.iter())
        .map(|w| (w.by.as_str(), w.value.as_str()))
        .collect();
    Some(Line::from((t.conflict_cell)(&values)).bold())
}

/// Last round's mark and note for this cell, when the round was started from one.
fn previous_line<'a>(
    session: &'a crate::session::Session,
    department: &str,
    item: &str,
    t: &Strings,
) -> Option<Line<'a>> {
    let previous = session.previous.as_ref()?;
    let w = t.rounds;
    let mut spans = vec![Span::raw(format!("{}  ", w.previous)).dim()];
    match previous.mark_of(department, item) {
        Some(mark) => spans.push(Span::styled(
            format!("{} {}", mark.symbol, mark.label),
            widgets::mark_style(mark.meaning),
        )),
        None => spans.push(Span::raw(w.previous_none).italic()),
    }
    if previous.text_changed(item) {
        spans.push(Span::raw(format!(" {}", w.text_changed)).bold());
    }
    let answer = previous.answer(department, item);
    let files = answer.map_or(0, |a| a.evidence.len());
    if files > 0 {
        spans.push(Span::raw(format!("  {}", (t.evidence_short)(files))).cyan());
    }
    let note = answer.map_or("", |a| a.note.trim());
    if !note.is_empty() {
        spans.push(Span::raw(format!("  {note}")));
    }
    Some(Line::from(spans))
}

/// The scale with its keys (when `keys`), wrapped between marks, never inside one
/// (`5 M 重大な不適合` stays on one line), the current mark highlighted.
fn scale_lines(
    (scale, keys): (&[Mark], bool),
    current: Option<&str>,
    t: &Strings,
    width: u16,
) -> Vec<Line<'static>> {
    let lead = format!("{}  ", t.marks);
    let indent = " ".repeat(lead.width());
    let mut lines = vec![Line::from(Span::raw(lead).dim())];
    for mark in scale.iter().filter(|m| !keys || m.by_hand()) {
        let text = match keys {
            true => format!("{} {} {}", mark.key, mark.symbol, mark.label),
            false => format!("{} {}", mark.symbol, mark.label),
        };
        let style = if current == Some(mark.symbol.as_str()) {
            widgets::mark_style(mark.meaning).reversed().bold()
        } else {
            Style::new()
        };
        let Some(line) = lines.last_mut() else { break };
        let fresh = line.width() <= indent.width();
        if !fresh && line.width() + 3 + text.width() > width as usize {
            lines.push(Line::from(Span::raw(indent.clone())));
        } else if !fresh {
            line.spans.push(Span::raw("   "));
        }
        if let Some(line) = lines.last_mut() {
            line.spans.push(Span::styled(text, style));
        }
    }
    lines
}

fn draw_note(scene: &Scene, frame: &mut Frame, area: Rect, t: &Strings) {
    if let Some(editor) = scene.editor {
        editor.draw(frame, area);
        return;
    }
    let note = Paragraph::new(scene.current_note()).wrap(Wrap { trim: false });
    let inner = area.width.saturating_sub(2);
    let hidden = note
        .line_count(inner)
        .saturating_sub(usize::from(area.height.saturating_sub(2)));
    let mut block = Block::bordered().title(format!(" {} ", t.note));
    if hidden > 0 {
        // A note longer than its box says so: the rest is in the editor (Enter).
        block =
            block.title_bottom(Line::from(format!(" {} ", (t.more_lines)(hidden))).right_aligned());
    }
    frame.render_widget(note.block(block), area);
}

fn footer(scene: &Scene, t: &Strings, width: u16) -> Vec<Line<'static>> {
    if scene.editor.is_some() {
        return help::footer(keymap::EDITOR, t, None, width);
    }
    help::footer_for(keymap::ITEM, t, scene.markable_scale(), width, scene.reader)
}

fn mark_line<'a>(mark: &Mark, how: &'a str) -> Line<'a> {
    Line::from(vec![
        Span::styled(
            format!("{} {}", mark.symbol, mark.label),
            widgets::mark_style(mark.meaning).bold(),
        ),
        Span::raw(format!(" {how}")).dim(),
    ])
}

/// The department picker's rows: each department with its progress.
pub fn department_rows(scene: &Scene) -> Vec<Line<'static>> {
    let session = scene.session();
    let count = session.checklist.item_count();
    session
        .hearings
        .iter()
        .map(|h| {
            let bar = widgets::progress_bar(session.answered_in(h), count, 8);
            Line::from(format!(
                "{bar}  {}（{}）",
                h.department.name, h.department.short
            ))
        })
        .collect()
}

/// The item picker's rows: each item with its mark in this department, dimmed where
/// applicability set it (those are not heard).
pub fn item_rows(scene: &Scene) -> Vec<Line<'static>> {
    let session = scene.session();
    let hearing = session.hearings.get(scene.cursor.department);
    session
        .checklist
        .items()
        .map(|(_, item)| {
            let mark = hearing.and_then(|h| h.mark(&item.id)).unwrap_or("·");
            let line = Line::from(format!("{mark} {:<8} {}", item.id, item.text));
            if hearing.is_some_and(|h| h.by_applicability(&item.id)) {
                line.dim()
            } else {
                line
            }
        })
        .collect()
}
