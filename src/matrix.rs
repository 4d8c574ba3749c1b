//! The 結果一覧: items × departments, with the count of each mark per item and per
//! department, filters, and the table as plain text (`kansa show`).

use unicode_width::UnicodeWidthChar;

use crate::checklist::Item;
use crate::marks::MarksDisplay;
use crate::session::Session;

/// Which items a view shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Only items where some department has this mark (a symbol).
    pub mark: Option<String>,
    /// Only items some department has not answered.
    pub unanswered: bool,
    /// Only the items of this area (an id).
    pub area: Option<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    pub fn passes(&self, session: &Session, area: &str, item: &Item) -> bool {
        let marks = || {
            session
                .hearings
                .iter()
                .map(|h| h.answers.get(&item.id).and_then(|a| a.mark.as_deref()))
        };
        self.area.as_deref().is_none_or(|a| a == area)
            && self
                .mark
                .as_deref()
                .is_none_or(|m| marks().any(|x| x == Some(m)))
            && (!self.unanswered || marks().any(|x| x.is_none()))
    }
}

/// Counts of each mark (in scale order) and of unanswered cells.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Count {
    pub marks: Vec<usize>,
    pub unanswered: usize,
}

impl Count {
    fn of<'a>(session: &Session, cells: impl Iterator<Item = Option<&'a str>>) -> Count {
        let mut count = Count {
            marks: vec![0; session.checklist.scale.len()],
            unanswered: 0,
        };
        for cell in cells {
            match cell.and_then(|s| session.checklist.scale.iter().position(|m| m.symbol == s)) {
                Some(i) => count.marks[i] += 1,
                None => count.unanswered += 1,
            }
        }
        count
    }

    pub fn answered(&self) -> usize {
        self.marks.iter().sum()
    }

    /// Answered share in whole percent.
    pub fn percent(&self) -> usize {
        (self.answered() * 100)
            .checked_div(self.answered() + self.unanswered)
            .unwrap_or(0)
    }
}

/// The mark counts of one item over the departments.
pub fn item_count(session: &Session, item: &Item) -> Count {
    Count::of(
        session,
        session
            .hearings
            .iter()
            .map(|h| h.answers.get(&item.id).and_then(|a| a.mark.as_deref())),
    )
}

/// The mark counts of one department over the items.
pub fn department_count(session: &Session, department: usize) -> Count {
    let Some(hearing) = session.hearings.get(department) else {
        return Count::default();
    };
    let cells = session.checklist.items().map(|(_, item)| {
        hearing
            .answers
            .get(&item.id)
            .and_then(|a| a.mark.as_deref())
    });
    Count::of(session, cells)
}

/// Shown for a cell without a mark.
pub const UNANSWERED: &str = "·";
/// Shown after the mark of a cell that has a note.
pub const NOTE: &str = "*";

/// What a cell shows: the mark as `display` draws it (or `UNANSWERED`), then `NOTE`
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
        .and_then(|h| h.answers.get(&item.id));
    let mark = answer
        .and_then(|a| a.mark.as_deref())
        .and_then(|s| session.checklist.mark(s));
    let glyph = mark.map_or(UNANSWERED, |m| display.glyph(m));
    let note = if answer.is_some_and(|a| !a.note.is_empty()) {
        NOTE
    } else {
        ""
    };
    format!("{glyph}{note}")
}

/// The widest item id, so that item texts can start in one column.
pub fn id_width(session: &Session, display: MarksDisplay) -> usize {
    session
        .checklist
        .items()
        .map(|(_, i)| display.width(&i.id))
        .max()
        .unwrap_or(0)
}

/// Shortens `text` to `width` cells (as `display` counts them), ending in `…` when cut.
pub fn truncate(text: &str, width: usize, display: MarksDisplay) -> String {
    if display.width(text) <= width {
        return text.to_string();
    }
    let ellipsis = display.width("…");
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
        out.push('…');
    }
    out
}

/// The matrix as aligned text: item column, a column per department, then the
/// count of each mark per item; area headings between; per-department counts and
/// progress at the foot. `display` decides how wide a mark is.
pub fn text(session: &Session, filter: &Filter, display: MarksDisplay) -> String {
    let scale = &session.checklist.scale;
    let ids = id_width(session, display);
    let item_width = ids + 1 + 30;
    let columns: Vec<usize> = session
        .hearings
        .iter()
        .map(|h| {
            display
                .width(&h.department.short)
                .max(
                    scale
                        .iter()
                        .map(|m| display.width(display.glyph(m)))
                        .max()
                        .unwrap_or(1)
                        + 1,
                )
                .max(4)
        })
        .collect();
    let cell = |text: &str, width: usize| display.pad(text, width);
    let mut out = String::new();
    let mut line = cell("", item_width);
    for (h, w) in session.hearings.iter().zip(&columns) {
        line.push_str(&format!(" {}", cell(&h.department.short, *w)));
    }
    line.push_str(" |");
    for mark in scale {
        line.push_str(&format!(" {}", cell(display.glyph(mark), 3)));
    }
    line.push_str(&format!(" {}", cell(UNANSWERED, 3)));
    out.push_str(line.trim_end());
    out.push('\n');
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
            let label = format!("{} {}", display.pad(&item.id, ids), item.text);
            let mut line = cell(&truncate(&label, item_width, display), item_width);
            for (department, w) in columns.iter().enumerate() {
                let shown = cell_text(session, department, item, display);
                line.push_str(&format!(" {}", cell(&shown, *w)));
            }
            line.push_str(" |");
            let count = item_count(session, item);
            for n in count.marks.iter().chain([&count.unanswered]) {
                line.push_str(&format!(" {}", cell(&n.to_string(), 3)));
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    let counts: Vec<Count> = (0..session.hearings.len())
        .map(|d| department_count(session, d))
        .collect();
    let mut foot = |label: String, value: &dyn Fn(&Count) -> String| {
        let mut line = cell(&label, item_width);
        for (count, w) in counts.iter().zip(&columns) {
            line.push_str(&format!(" {}", cell(&value(count), *w)));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    };
    for (i, mark) in scale.iter().enumerate() {
        foot(format!("{} {}", display.glyph(mark), mark.label), &|c| {
            c.marks[i].to_string()
        });
    }
    foot(UNANSWERED.to_string(), &|c| c.unanswered.to_string());
    foot("%".to_string(), &|c| format!("{}%", c.percent()));
    out
}

/// True when `c` is drawn wider in a terminal that draws ambiguous characters wide.
pub fn is_ambiguous(c: char) -> bool {
    c.width_cjk() > c.width()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::Checklist;
    use crate::session::AuditFacts;

    fn seed() -> Session {
        let checklist = Checklist::bundled();
        let departments = checklist.departments.clone();
        let now = chrono::DateTime::parse_from_rfc3339("2024-09-27T10:00:00+09:00").unwrap();
        Session::new(
            "t".into(),
            checklist,
            departments,
            AuditFacts::default(),
            now,
        )
    }

    #[test]
    fn counts_follow_the_scale_and_unanswered() {
        let session = seed();
        let secretary = department_count(&session, 0);
        assert_eq!(secretary.marks, [0, 0, 0, 12]);
        assert_eq!(secretary.unanswered, 16);
        assert_eq!(secretary.percent(), 42);
        let item = session.checklist.item("IV-1").unwrap();
        assert_eq!(item_count(&session, item).marks, [0, 0, 0, 2]);
    }

    #[test]
    fn filters_choose_items() {
        let session = seed();
        let shown = |f: &Filter| {
            session
                .checklist
                .items()
                .filter(|(a, i)| f.passes(&session, &a.id, i))
                .count()
        };
        assert_eq!(shown(&Filter::default()), 28);
        assert_eq!(
            shown(&Filter {
                mark: Some("-".into()),
                ..Filter::default()
            }),
            14
        );
        assert_eq!(
            shown(&Filter {
                area: Some("IV".into()),
                ..Filter::default()
            }),
            6
        );
        assert_eq!(
            shown(&Filter {
                mark: Some("×".into()),
                ..Filter::default()
            }),
            0
        );
    }

    #[test]
    fn every_text_row_is_as_wide_in_every_mode() {
        let session = seed();
        for display in [
            MarksDisplay::Narrow,
            MarksDisplay::Wide,
            MarksDisplay::Ascii,
        ] {
            let text = text(&session, &Filter::default(), display);
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
    }
}
