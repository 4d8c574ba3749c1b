//! Terminals that draw East Asian Ambiguous characters two cells wide (xterm
//! `-cjk_width`, conhost with MS ゴシック, the iTerm2 and mlterm option): ratatui counts
//! ○ △ × ─ │ ← … · one cell, the terminal two, and the rest of the line shifts. In the
//! wide marks mode every frame passes through `fit`, which keeps each line exactly as
//! wide as the screen in such a terminal, whatever view drew it.

use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use unicode_width::UnicodeWidthStr;

/// Makes every row of `buf` fit a terminal that draws ambiguous characters wide: such a
/// character followed by a blank keeps the blank's cell for its right half; a line
/// drawing character, or one with no blank after it, becomes its ASCII look-alike.
pub fn fit(buf: &mut Buffer) {
    let width = usize::from(buf.area.width);
    if width > 0 {
        buf.content.chunks_mut(width).for_each(fit_row);
    }
}

/// `fit` for one row, walked as a slice rather than by position, each symbol borrowed
/// and measured once: this runs for every cell of every frame.
fn fit_row(row: &mut [Cell]) {
    let mut x = 0;
    while let Some(cell) = row.get(x) {
        let symbol = cell.symbol();
        let narrow = symbol.width().max(1);
        // Not ambiguous (ASCII never is): such a terminal draws it as wide as ratatui
        // counts it.
        if symbol.is_ascii() || symbol.width_cjk() <= narrow {
            x += narrow;
            continue;
        }
        let (line_drawing, look_alike) = (is_line_drawing(symbol), ascii_look_alike(symbol));
        match row.get_mut(x + 1) {
            Some(next) if next.diff_option == CellDiffOption::Skip => x += 2,
            Some(next) if !line_drawing && next.symbol() == " " => {
                next.set_diff_option(CellDiffOption::Skip);
                x += 2;
            }
            _ => {
                if let Some(cell) = row.get_mut(x) {
                    cell.set_symbol(look_alike);
                }
                x += 1;
            }
        }
    }
}

/// Box drawing, block elements and arrows: borders, bars and key hints, which read
/// right only when they all look alike, so they always become ASCII.
fn is_line_drawing(symbol: &str) -> bool {
    symbol.chars().next().is_some_and(|c| {
        ('\u{2500}'..='\u{259F}').contains(&c) || ('\u{2190}'..='\u{21FF}').contains(&c)
    })
}

fn ascii_look_alike(symbol: &str) -> &'static str {
    match symbol.chars().next().unwrap_or(' ') {
        '─' | '━' | '═' | '┄' | '┈' => "-",
        '│' | '┃' | '║' | '┆' | '┊' => "|",
        '\u{2500}'..='\u{257F}' => "+",
        '█' | '▓' | '▒' => "#",
        '░' => "-",
        '←' => "<",
        '→' | '▶' | '►' => ">",
        '↑' | '△' | '▲' => "^",
        '↓' | '▽' | '▼' => "v",
        '…' | '·' | '・' => ".",
        '×' => "x",
        '○' | '◯' | '●' => "o",
        _ => "?",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    /// The columns each row takes in a terminal that draws ambiguous characters wide.
    fn replayed_widths(buf: &Buffer) -> Vec<usize> {
        let area = buf.area;
        (area.top()..area.bottom())
            .map(|y| {
                let mut x = area.left();
                let mut columns = 0;
                while x < area.right() {
                    let cell = &buf[(x, y)];
                    if cell.diff_option != CellDiffOption::Skip {
                        columns += cell.symbol().width_cjk().max(1);
                    }
                    x += cell.symbol().width().max(1) as u16;
                }
                columns
            })
            .collect()
    }

    #[test]
    fn every_row_fits_once_fitted() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 3));
        buf.set_string(0, 0, "┌─ メモ ────┐", ratatui::style::Style::new());
        buf.set_string(0, 1, "│1 ○ 適正 →│", ratatui::style::Style::new());
        buf.set_string(0, 2, "…×·██░░ 保育", ratatui::style::Style::new());
        assert!(replayed_widths(&buf).iter().any(|w| *w > 12));
        fit(&mut buf);
        assert_eq!(replayed_widths(&buf), [12, 12, 12]);
        assert_eq!(buf[(0, 0)].symbol(), "+");
        assert_eq!(
            buf[(3, 1)].symbol(),
            "○",
            "a mark with a blank after keeps its look"
        );
    }
}
