//! How marks are drawn. ○ △ × are East Asian Ambiguous: ratatui counts them one cell,
//! but many Japanese terminals draw them two cells wide. The user picks what their
//! terminal does — narrow, wide — or plain ASCII, and tables are laid out for it.

use serde::{Deserialize, Serialize};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::checklist::Mark;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
pub enum MarksDisplay {
    /// Ambiguous-width symbols take one cell.
    #[default]
    Narrow,
    /// Ambiguous-width symbols take two cells, as in many Japanese terminals.
    Wide,
    /// Each mark's ASCII form from the checklist.
    Ascii,
}

impl MarksDisplay {
    pub fn next(self) -> MarksDisplay {
        match self {
            MarksDisplay::Narrow => MarksDisplay::Wide,
            MarksDisplay::Wide => MarksDisplay::Ascii,
            MarksDisplay::Ascii => MarksDisplay::Narrow,
        }
    }

    pub fn glyph(self, mark: &Mark) -> &str {
        match self {
            MarksDisplay::Ascii => &mark.ascii,
            MarksDisplay::Narrow | MarksDisplay::Wide => &mark.symbol,
        }
    }

    /// What a cell without a mark shows.
    pub fn unanswered(self) -> &'static str {
        match self {
            MarksDisplay::Ascii => ".",
            MarksDisplay::Narrow | MarksDisplay::Wide => "·",
        }
    }

    /// What ends a text cut short.
    pub fn ellipsis(self) -> &'static str {
        match self {
            MarksDisplay::Ascii => "...",
            MarksDisplay::Narrow | MarksDisplay::Wide => "…",
        }
    }

    /// Cells the terminal uses for `text` in this mode.
    pub fn width(self, text: &str) -> usize {
        match self {
            MarksDisplay::Wide => text.width_cjk(),
            MarksDisplay::Narrow | MarksDisplay::Ascii => text.width(),
        }
    }

    /// Cells the terminal uses for one character in this mode.
    pub fn char_width(self, c: char) -> usize {
        match self {
            MarksDisplay::Wide => c.width_cjk().unwrap_or(0),
            MarksDisplay::Narrow | MarksDisplay::Ascii => c.width().unwrap_or(0),
        }
    }

    /// `text` padded with spaces to `width` cells as this mode counts them.
    pub fn pad(self, text: &str, width: usize) -> String {
        format!(
            "{text}{}",
            " ".repeat(width.saturating_sub(self.width(text)))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_mode_counts_ambiguous_marks_as_two_cells() {
        assert_eq!(MarksDisplay::Narrow.width("○△×-"), 4);
        assert_eq!(MarksDisplay::Wide.width("○△×-"), 7);
        assert_eq!(MarksDisplay::Wide.width("保育"), 4);
        assert_eq!(MarksDisplay::Wide.pad("○", 3), "○ ");
        assert_eq!(MarksDisplay::Narrow.pad("○", 3), "○  ");
        assert!(MarksDisplay::Ascii.unanswered().is_ascii());
        assert!(MarksDisplay::Ascii.ellipsis().is_ascii());
    }
}
