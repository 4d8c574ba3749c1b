//! The line under the matrix that shows what its cells cannot: the focused cell's
//! department, full item text, mark, files attached and note.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Stylize;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::shared::Scene;
use super::widgets;

/// Rows the detail takes when the terminal has room for it.
pub const HEIGHT: u16 = 2;

pub fn draw(frame: &mut Frame, area: Rect, scene: &Scene) {
    let (t, display) = (scene.t, scene.marks);
    let (session, cursor) = (scene.session(), scene.cursor);
    if area.height == 0 {
        return;
    }
    let (Some(hearing), Some((_, item))) = (
        session.hearings.get(cursor.department),
        session.checklist.items().nth(cursor.item),
    ) else {
        return;
    };
    let department = &hearing.department;
    let mark = session.mark_of(&department.short, &item.id);
    let mark = match mark {
        Some(m) => Span::styled(
            format!("{} {}", display.glyph(m), m.label),
            widgets::mark_style(m.meaning),
        ),
        None => Span::raw(t.unanswered).italic(),
    };
    let note = hearing
        .answer(&item.id)
        .map(|a| crate::i18n::one_line(&a.note))
        .unwrap_or_default();
    // Department, item and mark first: the item's text may need the second line.
    let mut first = vec![
        Span::raw(format!("{}（{}）", department.name, department.short)).bold(),
        Span::raw(format!("  {}  ", item.id)),
        mark,
    ];
    let files = session.evidence_count(&department.short, &item.id);
    if files > 0 {
        first.push(Span::raw(format!("   {}", (t.evidence_count)(files))).cyan());
    }
    if !note.is_empty() {
        first.push(Span::raw(format!("   {}: ", t.note)).dim());
        first.push(Span::raw(note));
    }
    let lines = vec![Line::from(first), Line::from(item.text.clone())];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}
