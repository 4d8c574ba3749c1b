//! How many lines a text takes when a spreadsheet wraps it in a column, so that the
//! workbook can give each row the height its text needs (neither Excel nor
//! LibreOffice fits a row to wrapped text when it opens a file).
//!
//! The workbooks use a monospaced Japanese font (ＭＳ ゴシック, which IPA Gothic
//! matches metric for metric where it is missing), so a character's width is known:
//! a full-width character is one em, any other half. Widths here are in half-ems,
//! the unit `unicode-width` counts.

use unicode_width::UnicodeWidthChar;

use crate::text::{NO_LINE_START, pieces};

/// The half-ems a column `width` wide (Excel's unit: the width of a digit of the
/// workbook's Calibri 11, 7 pixels, plus 5 pixels of the column's edges) holds on one
/// line of 10-point type (a half-em is 5 points, 6.67 pixels), less the cell's margins.
pub fn half_ems(width: f64) -> usize {
    let pixels = 7.0 * width + 5.0 - 6.0;
    (pixels / (5.0 * 96.0 / 72.0)).floor().max(1.0) as usize
}

/// The lines `text` takes in a column holding `per_line` half-ems: its own line
/// breaks, then words of Latin letters kept whole, other characters one at a time,
/// and no line starting with a closing mark (it takes the character before along).
pub fn lines(text: &str, per_line: usize) -> usize {
    text.lines()
        .map(|l| paragraph_lines(l, per_line))
        .sum::<usize>()
        .max(1)
}

fn paragraph_lines(line: &str, per_line: usize) -> usize {
    let mut lines = 1;
    let mut used = 0;
    // The width of the last piece placed, which a closing mark takes along.
    let mut last = 0;
    for piece in pieces(line) {
        let width: usize = piece.chars().map(|c| c.width().unwrap_or(0)).sum();
        if used + width <= per_line {
            used += width;
            last = width;
            continue;
        }
        if piece.trim().is_empty() {
            // A space at the end of a line is dropped.
            continue;
        }
        let closing = piece
            .chars()
            .next()
            .is_some_and(|c| NO_LINE_START.contains(c));
        if used > 0 {
            lines += 1;
        }
        used = if closing && last < used {
            last + width
        } else {
            width
        };
        // A word longer than a line is broken where it must be.
        while used > per_line {
            lines += 1;
            used -= per_line;
        }
        last = width;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_holds_about_a_digit_of_width_per_half_em() {
        assert_eq!(half_ems(10.0), 10);
        assert_eq!(half_ems(30.0), 31);
        assert_eq!(half_ems(0.0), 1);
    }

    #[test]
    fn japanese_text_wraps_a_character_at_a_time() {
        // 10 full-width characters in 8 half-ems: 4 a line.
        assert_eq!(lines("情報資産等の業務以", 8), 3);
        assert_eq!(lines("情報資産", 8), 1);
        assert_eq!(lines("", 8), 1);
        assert_eq!(lines("あ\nい\nう", 8), 3);
    }

    #[test]
    fn latin_words_stay_whole_and_closing_marks_take_a_character_along() {
        // "e-Learning" (10) does not fit after 4 half-ems of Japanese on a 12 line.
        assert_eq!(lines("受講e-Learning", 12), 2);
        // 、 would start line 2: 資 goes down with it, line 2 holds 資、産.
        assert_eq!(lines("情報資、産", 6), 2);
        assert_eq!(lines("情報資、産等等", 6), 3);
        // A word longer than the line is broken.
        assert_eq!(lines("abcdefghijklmnop", 5), 4);
    }
}
