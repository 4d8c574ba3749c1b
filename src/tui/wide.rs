//! Terminals that draw East Asian Ambiguous characters two cells wide (xterm
//! `-cjk_width`, conhost with MS ゴシック, the iTerm2 and mlterm option): ratatui counts
//! ○ △ × ─ │ ← … · one cell, the terminal two, and the rest of the line shifts. In the
//! wide marks mode every frame passes through `fit`, which keeps each line exactly as
//! wide as the screen in such a terminal, whatever view drew it.

use ratatui::buffer::{Buffer, CellDiffOption};
use unicode_width::UnicodeWidthStr;

/// Makes every row of `buf` fit a terminal that draws ambiguous characters wide: such a
/// character followed by a blank keeps the blank's cell for its right half; a line
/// drawing character, or one with no blank after it, becomes its ASCII look-alike.
pub fn fit(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            // Borrowed, not copied, and ASCII (most cells) never measured: this runs
            // for every cell of every frame.
            let symbol = buf[(x, y)].symbol();
            if symbol.is_ascii() || !is_ambiguous(symbol) {
                x += symbol.width().max(1) as u16;
                continue;
            }
            let (line_drawing, look_alike) = (is_line_drawing(symbol), ascii_look_alike(symbol));
            let next = (x + 1 < area.right()).then(|| &buf[(x + 1, y)]);
            if next.is_some_and(|c| c.diff_option == CellDiffOption::Skip) {
                x += 2;
            } else if !line_drawing && next.is_some_and(|c| c.symbol() == " ") {
                buf[(x + 1, y)].set_diff_option(CellDiffOption::Skip);
                x += 2;
            } else {
                buf[(x, y)].set_symbol(look_alike);
                x += 1;
            }
        }
    }
}

/// True when a terminal that draws ambiguous characters wide draws `symbol` wider
/// than ratatui counts it.
pub fn is_ambiguous(symbol: &str) -> bool {
    symbol.width_cjk() > symbol.width().max(1)
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
