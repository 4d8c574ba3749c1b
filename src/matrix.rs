//! The 結果一覧 laid out: what each cell shows, how wide each column is for a marks
//! display, and the table as plain text (`kansa show`). The screen's matrix uses the
//! same columns, so the two never disagree.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

use crate::checklist::{Item, Mark};
use crate::marks::MarksDisplay;
use crate::results::{self, Count, Filter};
use crate::session::Session;

/// The words of scores and of the last rows of `kansa show`, filled once per language
/// by the language tables (`i18n`).
pub struct ScoreWords {
    pub score: &'static str,
    pub band: &'static str,
    pub average: &'static str,
    /// After a score with unanswered items: how many.
    pub provisional: fn(usize) -> String,
    pub unanswered_row: &'static str,
    pub answered_row: &'static str,
}

/// Shown after the mark of a cell that has a note.
pub const NOTE: &str = "*";
/// The width of a per-item count column.
pub const COUNT_WIDTH: usize = 3;

/// What a cell shows: the mark as `display` draws it (or its unanswered dot), then `NOTE`
/// when the cell has a note.
pub fn cell_text(
    session: &Session,
    department: usize,
    item: &Item,
    display: MarksDisplay,
) -> String {
    let answer = session
        .hearings
        .get(department)
        .and_then(|h| h.answer(&item.id));
    let mark = answer
        .and_then(|a| a.mark.as_deref())
        .and_then(|s| session.checklist.mark(s));
    shown(mark, answer.is_some_and(|a| !a.note.is_empty()), display)
}

/// What a cell with `mark` (and a note, when `noted`) shows, as `cell_text`: for a
/// caller that knows them without looking the answer up.
pub fn shown(mark: Option<&Mark>, noted: bool, display: MarksDisplay) -> String {
    let glyph = mark.map_or(display.unanswered(), |m| display.glyph(m));
    [glyph, if noted { NOTE } else { "" }].concat()
}

/// The widths of the matrix's columns for one marks display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    pub display: MarksDisplay,
    /// The widest item id, so that item texts start in one column.
    pub id_width: usize,
    /// One per department, in session order: its short name or its widest cell.
    pub departments: Vec<usize>,
}

impl Columns {
    pub fn new(session: &Session, display: MarksDisplay) -> Columns {
        let glyph = session
            .checklist
            .scale
            .iter()
            .map(|m| display.width(display.glyph(m)))
            .max()
            .unwrap_or(1);
        let cell = glyph + display.width(NOTE);
        let departments = session
            .hearings
            .iter()
            .map(|h| display.width(&h.department.short).max(cell))
            .collect();
        let id_width = session
            .checklist
            .items()
            .map(|(_, i)| display.width(&i.id))
            .max()
            .unwrap_or(0);
        Columns {
            display,
            id_width,
            departments,
        }
    }

    /// An item's id, padded so that texts line up, then its text.
    pub fn item_label(&self, item: &Item) -> String {
        format!(
            "{} {}",
            self.display.pad(&item.id, self.id_width),
            item.text
        )
    }

    /// `text` padded to `width` cells as this display counts them.
    pub fn pad(&self, text: &str, width: usize) -> String {
        self.display.pad(text, width)
    }
}

/// Shortens `text` to `width` cells (as `display` counts them), ending in `…` when cut;
/// borrowed when it fits, as most of a frame's cells do.
pub fn truncate(text: &str, width: usize, display: MarksDisplay) -> Cow<'_, str> {
    if display.width(text) <= width {
        return Cow::Borrowed(text);
    }
    let ellipsis = display.width(display.ellipsis());
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = display.char_width(c);
        if used + w + ellipsis > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width >= ellipsis {
        out.push_str(display.ellipsis());
    }
    Cow::Owned(out)
}

/// The matrix as aligned text: item column, a column per department, then the
/// count of each mark per item; area headings between; per-department counts and
/// progress at the foot. `display` decides how wide a mark is.
///
/// The header row carries the round's title in its first column (cut to fit), so the
/// first line says which audit this is and still heads the department columns.
pub fn text(session: &Session, filter: &Filter, display: MarksDisplay, t: &ScoreWords) -> String {
    let columns = Columns::new(session, display);
    let item_width = columns.id_width + 1 + 30;
    let mut out = header_line(session, &columns, item_width);
    for area in &session.checklist.areas {
        let items: Vec<&Item> = area
            .items
            .iter()
            .filter(|i| filter.passes(session, &area.id, i))
            .collect();
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("{} {}\n", area.id, area.title));
        for item in items {
            out.push_str(&item_line(session, &columns, item_width, item));
        }
    }
    out.push_str(&foot_lines(session, &columns, item_width, t));
    out
}

fn header_line(session: &Session, columns: &Columns, item_width: usize) -> String {
    let title = truncate(session.facts.title.trim(), item_width, columns.display);
    let mut line = columns.pad(&title, item_width);
    for (h, w) in session.hearings.iter().zip(&columns.departments) {
        line.push_str(&format!(" {}", columns.pad(&h.department.short, *w)));
    }
    line.push_str(" |");
    let glyphs = session
        .checklist
        .scale
        .iter()
        .map(|m| display_glyph(columns, m));
    for glyph in glyphs.chain([columns.display.unanswered().to_string()]) {
        line.push_str(&format!(" {}", columns.pad(&glyph, COUNT_WIDTH)));
    }
    format!("{}\n", line.trim_end())
}

fn display_glyph(columns: &Columns, mark: &crate::checklist::Mark) -> String {
    columns.display.glyph(mark).to_string()
}

fn item_line(session: &Session, columns: &Columns, item_width: usize, item: &Item) -> String {
    let label = columns.item_label(item);
    let mut line = columns.pad(&truncate(&label, item_width, columns.display), item_width);
    for (department, w) in columns.departments.iter().enumerate() {
        let shown = cell_text(session, department, item, columns.display);
        line.push_str(&format!(" {}", columns.pad(&shown, *w)));
    }
    line.push_str(" |");
    let count = results::item_count(session, item);
    for n in count.marks.iter().chain([&count.unanswered]) {
        line.push_str(&format!(" {}", columns.pad(&n.to_string(), COUNT_WIDTH)));
    }
    format!("{}\n", line.trim_end())
}

/// The count of each mark per department, then 未回答 and the share answered, each
/// row labelled with its glyph and its name.
fn foot_lines(session: &Session, columns: &Columns, item_width: usize, t: &ScoreWords) -> String {
    let counts: Vec<Count> = (0..session.hearings.len())
        .map(|d| results::department_count(session, d))
        .collect();
    let mut out = String::new();
    let mut foot = |label: String, value: &dyn Fn(&Count) -> String| {
        let mut line = columns.pad(&label, item_width);
        for (count, w) in counts.iter().zip(&columns.departments) {
            line.push_str(&format!(" {}", columns.pad(&value(count), *w)));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    };
    for (i, mark) in session.checklist.scale.iter().enumerate() {
        let label = format!("{} {}", display_glyph(columns, mark), mark.label);
        foot(label, &|c| c.marks[i].to_string());
    }
    let unanswered = format!("{} {}", columns.display.unanswered(), t.unanswered_row);
    foot(unanswered, &|c| c.unanswered.to_string());
    foot(format!("% {}", t.answered_row), &|c| {
        format!("{}%", c.percent())
    });
    out
}

/// Each department's score, band and the round's average, one line each, for a scale
/// with points; empty otherwise, so `kansa show` of a checklist without points is as
/// it was.
pub fn score_text(session: &Session, t: &ScoreWords, display: MarksDisplay) -> String {
    if !session.checklist.has_points() {
        return String::new();
    }
    let width = session
        .hearings
        .iter()
        .map(|h| display.width(&h.department.short))
        .chain([display.width(t.average)])
        .max()
        .unwrap_or(0);
    let mut out = format!("{}\n", t.score);
    for (d, hearing) in session.hearings.iter().enumerate() {
        let Some(score) = results::department_score(session, d) else {
            continue;
        };
        let percent = score.percent().map_or("-".to_string(), |p| format!("{p}%"));
        let band = score.band(&session.checklist).map_or("", |b| &b.label);
        let provisional = if score.unanswered > 0 {
            (t.provisional)(score.unanswered)
        } else {
            String::new()
        };
        let band = if band.is_empty() {
            String::new()
        } else {
            format!(" {band}")
        };
        let line = format!(
            "{} {}/{} {percent}{band}{provisional}",
            display.pad(&hearing.department.short, width),
            score.total,
            score.maximum
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if let Some(average) = results::average_score(session) {
        let band = average.band(&session.checklist).map_or("", |b| &b.label);
        let line = format!(
            "{} {:.1} {:.1}% {band}",
            display.pad(t.average, width),
            average.total,
            average.percent
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// True when `c` is drawn wider in a terminal that draws ambiguous characters wide.
pub fn is_ambiguous(c: char) -> bool {
    c.width_cjk() > c.width()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::testing::seed_session as seed;

    #[test]
    fn every_text_row_is_as_wide_in_every_mode() {
        let session = seed();
        for display in [
            MarksDisplay::Narrow,
            MarksDisplay::Wide,
            MarksDisplay::Ascii,
        ] {
            let text = text(
                &session,
                &Filter::default(),
                display,
                crate::i18n::Lang::Ja.scores(),
            );
            let bars: Vec<usize> = text
                .lines()
                .filter(|l| l.contains('|'))
                .map(|l| display.width(&l[..l.find('|').unwrap()]))
                .collect();
            assert!(
                bars.windows(2).all(|w| w[0] == w[1]),
                "{display:?}:\n{text}"
            );
        }
    }

    #[test]
    fn truncation_counts_cells() {
        assert_eq!(truncate("情報資産等", 5, MarksDisplay::Narrow), "情報…");
        assert_eq!(truncate("abc", 5, MarksDisplay::Narrow), "abc");
        assert_eq!(truncate("情報資産等", 7, MarksDisplay::Ascii), "情報...");
    }
}
