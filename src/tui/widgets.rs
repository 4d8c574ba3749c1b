//! Small drawing pieces the screens share: key hints, progress bars, pop-ups, text
//! fields that put the terminal cursor where an input method needs it.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Position, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui_textarea::TextArea;

use crate::i18n::Strings;

use super::context::{MIN_HEIGHT, MIN_WIDTH};

/// Says how large the terminal must be, instead of drawing a screen that cannot fit.
pub fn too_small(frame: &mut Frame, t: &Strings) {
    let area = frame.area();
    let text = (t.too_small)(MIN_WIDTH, MIN_HEIGHT, area.width, area.height);
    let paragraph = Paragraph::new(text).wrap(Wrap { trim: true });
    frame.render_widget(paragraph, area);
}

/// `key action  key action …`, keys in reverse video, packed into lines of `width`
/// cells without splitting a hint.
pub fn key_hints<'a>(
    hints: impl IntoIterator<Item = (&'a str, &'a str)>,
    width: u16,
) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = vec![Line::default()];
    for (key, action) in hints {
        let hint = [
            Span::styled(
                format!(" {key} "),
                Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            ),
            Span::raw(format!(" {action}")),
        ];
        let hint_width: usize = hint.iter().map(Span::width).sum();
        let Some(line) = lines.last_mut() else { break };
        let gap = if line.spans.is_empty() { 0 } else { 2 };
        if !line.spans.is_empty() && line.width() + gap + hint_width > width as usize {
            lines.push(Line::from(hint.to_vec()));
        } else {
            if gap > 0 {
                line.spans.push(Span::raw("  "));
            }
            line.spans.extend(hint);
        }
    }
    lines
}

/// `text` padded with spaces to `width` display cells.
pub fn pad(text: &str, width: usize) -> String {
    let used = unicode_width::UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
}

/// `████░░░░ 12/28` in `width` cells of bar.
pub fn progress_bar(done: usize, total: usize, width: usize) -> String {
    let filled = (done * width).checked_div(total).unwrap_or(0).min(width);
    let digits = total.to_string().len();
    format!(
        "{}{} {done:>digits$}/{total}",
        "█".repeat(filled),
        "░".repeat(width - filled)
    )
}

/// A bordered pop-up in the middle of `area`, cleared underneath.
pub fn popup(frame: &mut Frame, area: Rect, width: u16, height: u16, title: &str) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height),
        Constraint::Fill(1),
    ])
    .areas(area);
    let [_, rect, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(width),
        Constraint::Fill(1),
    ])
    .areas(middle);
    // One more column on the left: a wide character straddling the edge would
    // otherwise be half-covered and the terminal would eat the border.
    let margin = Rect {
        x: rect.x.saturating_sub(1),
        width: rect.width + u16::from(rect.x > 0),
        ..rect
    };
    frame.render_widget(Clear, margin);
    let block = Block::bordered().title(Line::from(format!(" {title} ")).bold());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

/// A question in a pop-up, answered by the keys it names.
pub fn question(frame: &mut Frame, area: Rect, text: &str, title: &str) {
    let width = (unicode_width::UnicodeWidthStr::width(text) as u16 + 4).min(area.width);
    let lines = Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .line_count(width.saturating_sub(2));
    let inner = popup(frame, area, width, lines as u16 + 2, title);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
}

/// The top line of a screen: its title in reverse video.
pub fn title_bar(text: String) -> Paragraph<'static> {
    Paragraph::new(text).bold().reversed()
}

/// A one-line banner: the reason something is not as it should be.
pub fn banner(text: &str) -> Paragraph<'_> {
    Paragraph::new(text)
        .style(Style::new().reversed().bold())
        .alignment(Alignment::Left)
}

/// Banners one a row from the top of `area`, as many as fit.
pub fn banners(frame: &mut Frame, area: Rect, texts: &[String]) {
    for (row, text) in texts.iter().enumerate().take(usize::from(area.height)) {
        let line = Rect {
            y: area.y + row as u16,
            height: 1,
            ..area
        };
        frame.render_widget(banner(text), line);
    }
}

/// Draws a text area and, when it has focus, puts the terminal cursor at its cursor,
/// in display cells, so that an input method composes text in place.
pub fn text_area(frame: &mut Frame, textarea: &TextArea<'static>, area: Rect, focused: bool) {
    frame.render_widget(textarea, area);
    if !focused {
        return;
    }
    let inner = textarea.block().map_or(area, |block| block.inner(area));
    let cursor = textarea.screen_cursor();
    let (top, left) = textarea.scroll_offset();
    let row = cursor.row.saturating_sub(top as usize);
    let column = cursor.col.saturating_sub(left as usize);
    let x = inner
        .x
        .saturating_add(column as u16)
        .min(inner.right().saturating_sub(1));
    let y = inner
        .y
        .saturating_add(row as u16)
        .min(inner.bottom().saturating_sub(1));
    if inner.width > 0 && inner.height > 0 {
        frame.set_cursor_position(Position::new(x, y));
    }
}

/// The colour of a mark by its meaning; none when NO_COLOR is set, so the symbol
/// alone must carry it.
pub fn mark_style(meaning: crate::checklist::Meaning) -> Style {
    use crate::checklist::Meaning;
    use ratatui::style::Color;
    // Read once: the matrix styles thousands of cells a frame, and reading the
    // environment takes a lock each time.
    static NO_COLOR: std::sync::LazyLock<bool> =
        std::sync::LazyLock::new(|| std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()));
    if *NO_COLOR {
        return Style::new();
    }
    let color = match meaning {
        Meaning::Compliant => Color::Green,
        Meaning::ImprovedUnderGuidance => Color::Yellow,
        Meaning::NeedsImprovement => Color::Red,
        Meaning::NotApplicable => Color::DarkGray,
        Meaning::Unknown => Color::Magenta,
    };
    Style::new().fg(color)
}

/// `NO_COLOR` (no-color.org): every colour of a drawn frame taken away, after the views
/// drew it, so no view can forget. What a colour alone told stays readable: the marks
/// are symbols already, bold and underline stay, and a cell that stood out by its
/// background (the cursor, a selected row) is drawn reversed instead.
pub fn without_colors(buf: &mut Buffer) {
    for cell in &mut buf.content {
        if cell.bg != Color::Reset {
            cell.modifier.insert(Modifier::REVERSED);
        }
        cell.fg = Color::Reset;
        cell.bg = Color::Reset;
    }
}
