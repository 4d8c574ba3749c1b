//! The results of a round as numbers: which items a view shows (filters), the count
//! of each mark per item and per department (counted afresh, or kept current change by
//! change in a `Tally`), what those marks mean taken together, and each department's
//! score and band when the scale has points. How they are laid out is `matrix`'s job.

use crate::checklist::{Band, BandUnit, Checklist, Item, Mark, Meaning};
use crate::session::{Answer, Session};

/// Which items a view shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Only items where some department has this mark (a symbol).
    pub mark: Option<String>,
    /// Only items some department has not answered.
    pub unanswered: bool,
    /// Only the items of this area (an id).
    pub area: Option<String>,
    /// Only items where some department's mark has this meaning.
    pub meaning: Option<Meaning>,
    /// Only items where some department's mark is failing with at least this severity
    /// (see `Mark::severity`): 3 keeps 軽微な不適合 and 重大な不適合 in the bundled
    /// severities example, 1 every failing mark.
    pub severity: Option<u8>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    pub fn passes(&self, session: &Session, area: &str, item: &Item) -> bool {
        let marks = || session.hearings.iter().map(|h| h.mark(&item.id));
        self.area.as_deref().is_none_or(|a| a == area)
            && self
                .mark
                .as_deref()
                .is_none_or(|m| marks().any(|x| x == Some(m)))
            && (!self.unanswered || marks().any(|x| x.is_none()))
            && self.passes_meanings(session, item)
    }

    fn passes_meanings(&self, session: &Session, item: &Item) -> bool {
        if self.meaning.is_none() && self.severity.is_none() {
            return true;
        }
        let mut marks = session
            .hearings
            .iter()
            .filter_map(|h| session.checklist.mark(h.mark(&item.id)?));
        marks.any(|m| {
            self.meaning.is_none_or(|meaning| m.meaning == meaning)
                && self
                    .severity
                    .is_none_or(|least| m.severity().is_some_and(|s| s >= least))
        })
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
        let mut count = Count::zero(&session.checklist);
        for cell in cells {
            count.add(place(&session.checklist, cell));
        }
        count
    }

    fn zero(checklist: &Checklist) -> Count {
        Count {
            marks: vec![0; checklist.scale.len()],
            unanswered: 0,
        }
    }

    /// Counts one more cell whose mark is at `place` in the scale (None: unanswered).
    fn add(&mut self, place: Option<usize>) {
        match place.and_then(|i| self.marks.get_mut(i)) {
            Some(n) => *n += 1,
            None => self.unanswered += 1,
        }
    }

    /// Counts one cell fewer, as `add` counted it.
    fn remove(&mut self, place: Option<usize>) {
        let n = match place.and_then(|i| self.marks.get_mut(i)) {
            Some(n) => n,
            None => &mut self.unanswered,
        };
        *n = n.saturating_sub(1);
    }

    pub fn answered(&self) -> usize {
        self.marks.iter().sum()
    }

    /// Cells whose mark satisfies `test`, e.g. `|m| m.meaning.is_compliant()`.
    pub fn marked(&self, checklist: &Checklist, test: impl Fn(&Mark) -> bool) -> usize {
        checklist
            .scale
            .iter()
            .zip(&self.marks)
            .filter(|(mark, _)| test(mark))
            .map(|(_, n)| n)
            .sum()
    }

    /// Cells marked compliant, with or without an observation.
    pub fn compliant(&self, checklist: &Checklist) -> usize {
        self.marked(checklist, |m| m.meaning.is_compliant())
    }

    /// Cells that need improvement, whatever their severity.
    pub fn failing(&self, checklist: &Checklist) -> usize {
        self.marked(checklist, |m| m.meaning.is_failing())
    }

    /// Cells answered "don't know": answered, yet neither compliant nor failing.
    pub fn unknown(&self, checklist: &Checklist) -> usize {
        self.marked(checklist, |m| m.meaning == Meaning::Unknown)
    }

    pub fn not_applicable(&self, checklist: &Checklist) -> usize {
        self.marked(checklist, |m| !m.meaning.is_applicable())
    }

    /// Answered share in whole percent.
    pub fn percent(&self) -> usize {
        (self.answered() * 100)
            .checked_div(self.answered() + self.unanswered)
            .unwrap_or(0)
    }
}

/// Where a cell's mark stands in the scale; None when unanswered, or marked with a
/// symbol the scale does not have (counted as unanswered, as everywhere).
fn place(checklist: &Checklist, symbol: Option<&str>) -> Option<usize> {
    let symbol = symbol?;
    checklist.scale.iter().position(|m| m.symbol == symbol)
}

/// The mark counts of one item over the departments.
pub fn item_count(session: &Session, item: &Item) -> Count {
    Count::of(session, session.hearings.iter().map(|h| h.mark(&item.id)))
}

/// The mark counts of one department over the items.
pub fn department_count(session: &Session, department: usize) -> Count {
    let Some(hearing) = session.hearings.get(department) else {
        return Count::default();
    };
    let cells = session
        .checklist
        .items()
        .map(|(_, item)| hearing.mark(&item.id));
    Count::of(session, cells)
}

/// The counts of a round kept current change by change: each cell as `Tallied`, and
/// the counts per department and per item its marks add up to. A changed cell costs a
/// recount of its department (one column), not of the whole round, so a screen can
/// show every count, and the cells in view, without looking every answer up at each
/// frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Per department, per item in checklist order.
    cells: Vec<Vec<Tallied>>,
    departments: Vec<Count>,
    items: Vec<Count>,
}

/// A cell as the tally keeps it: what counting and showing it take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tallied {
    /// Where its mark stands in the scale, as `place` gives it.
    pub place: Option<usize>,
    /// It has a note.
    pub noted: bool,
    /// Its mark was set by applicability, not by an auditor.
    pub by_applicability: bool,
}

impl Tallied {
    fn of(checklist: &Checklist, answer: Option<&Answer>) -> Tallied {
        answer.map_or(Tallied::default(), |a| Tallied {
            place: place(checklist, a.mark.as_deref()),
            noted: !a.note.is_empty(),
            by_applicability: a.by_applicability,
        })
    }
}

impl Tally {
    pub fn new(session: &Session) -> Tally {
        let (departments, items) = (session.hearings.len(), session.checklist.item_count());
        let zero = Count::zero(&session.checklist);
        let mut tally = Tally {
            cells: vec![vec![Tallied::default(); items]; departments],
            departments: vec![
                Count {
                    unanswered: items,
                    ..zero.clone()
                };
                departments
            ],
            items: vec![
                Count {
                    unanswered: departments,
                    ..zero
                };
                items
            ],
        };
        for department in 0..departments {
            tally.recount(session, department);
        }
        tally
    }

    /// Brings one department's column up to date with `session`, after a change there.
    pub fn recount(&mut self, session: &Session, department: usize) {
        let (Some(hearing), Some(cells), Some(total)) = (
            session.hearings.get(department),
            self.cells.get_mut(department),
            self.departments.get_mut(department),
        ) else {
            return;
        };
        let items = session.checklist.items().map(|(_, item)| item);
        for ((cell, item), item_total) in cells.iter_mut().zip(items).zip(&mut self.items) {
            let now = Tallied::of(&session.checklist, hearing.answer(&item.id));
            if cell.place != now.place {
                for count in [&mut *total, item_total] {
                    count.remove(cell.place);
                    count.add(now.place);
                }
            }
            *cell = now;
        }
    }

    /// The counts of department `department` over the items, as `department_count`.
    pub fn department(&self, department: usize) -> Option<&Count> {
        self.departments.get(department)
    }

    /// The counts of the item at `index` in checklist order, as `item_count`.
    pub fn item(&self, index: usize) -> Option<&Count> {
        self.items.get(index)
    }

    /// The cell of department `department` and the item at `index`.
    pub fn cell(&self, department: usize, index: usize) -> Option<Tallied> {
        self.cells.get(department)?.get(index).copied()
    }
}

/// A department's score on a scale with points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Score {
    /// The points of its marks.
    pub total: i32,
    /// The most it could score: the top points for every item that is not marked with
    /// a mark without points (該当なし), unanswered items included.
    pub maximum: i32,
    /// Items not answered yet: while there are some, the score is provisional.
    pub unanswered: usize,
    /// Items whose marks have points (わからない included when it has some).
    pub scored: usize,
}

impl Score {
    /// The total as whole percent of the maximum, rounded down (a negative total, as
    /// わからない -1 can give, rounds away from zero); None before anything is scored,
    /// so a department not heard yet gets no band.
    pub fn percent(&self) -> Option<i32> {
        (self.maximum > 0 && self.scored > 0).then(|| (self.total * 100).div_euclid(self.maximum))
    }

    /// The score that a department's mark counts come to; None when the scale has no
    /// points. Unanswered cells count toward the maximum, marks without points
    /// (該当なし) toward nothing.
    pub fn of(count: &Count, checklist: &Checklist) -> Option<Score> {
        let top = checklist.top_points()?;
        let mut score = Score {
            maximum: top * count.unanswered as i32,
            unanswered: count.unanswered,
            ..Score::default()
        };
        for (mark, &n) in checklist.scale.iter().zip(&count.marks) {
            if let Some(points) = mark.points {
                score.total += points * n as i32;
                score.maximum += top * n as i32;
                score.scored += n;
            }
        }
        Some(score)
    }

    /// The band the score falls in, if the checklist has one for it: its percent, or
    /// its points when the checklist's bands are in points (none before anything is
    /// scored either way).
    pub fn band<'a>(&self, checklist: &'a Checklist) -> Option<&'a Band> {
        let percent = self.percent()?;
        checklist.band(match checklist.band_unit {
            BandUnit::Percent => percent,
            BandUnit::Points => self.total,
        })
    }
}

/// The score of one department; None when the scale has no points.
pub fn department_score(session: &Session, department: usize) -> Option<Score> {
    session.hearings.get(department)?;
    Score::of(&department_count(session, department), &session.checklist)
}

/// The round's average over the departments that can score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Average {
    pub total: f64,
    /// The mean of the departments' percents.
    pub percent: f64,
    pub departments: usize,
}

impl Average {
    /// The band of the mean percent (or mean points, as the bands read), rounded down
    /// as a department's is.
    pub fn band<'a>(&self, checklist: &'a Checklist) -> Option<&'a Band> {
        checklist.band(match checklist.band_unit {
            BandUnit::Percent => self.percent.floor() as i32,
            BandUnit::Points => self.total.floor() as i32,
        })
    }
}

/// The average score of the round over the departments with some scored answer (one
/// not heard yet would pull it down); None when the scale has no points or no
/// department has been scored.
pub fn average_score(session: &Session) -> Option<Average> {
    let scores: Vec<(Score, i32)> = (0..session.hearings.len())
        .filter_map(|d| department_score(session, d))
        .filter(|s| s.scored > 0)
        .filter_map(|s| Some((s, s.percent()?)))
        .collect();
    let n = scores.len();
    (n > 0).then(|| Average {
        total: scores.iter().map(|(s, _)| f64::from(s.total)).sum::<f64>() / n as f64,
        percent: scores.iter().map(|(_, p)| f64::from(*p)).sum::<f64>() / n as f64,
        departments: n,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::testing::seed_session as seed;

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

    /// The tally, kept by recounting only the changed department, says what counting
    /// every cell afresh says, through marks, a gate that marks other cells, a note,
    /// and undo.
    #[test]
    fn a_tally_kept_by_recounts_agrees_with_counting_afresh() {
        use crate::session::{AuditFacts, Change, Event, testing::now};
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("checklists")
            .join("isms-severity.ron");
        let checklist = Checklist::load(&path).unwrap();
        let departments = checklist.departments.clone();
        let facts = AuditFacts::default();
        let mut session = Session::new("t".into(), checklist, departments, facts, now());
        let mut tally = Tally::new(&session);
        let agrees = |tally: &Tally, session: &Session| {
            assert_eq!(*tally, Tally::new(session));
            for d in 0..session.hearings.len() {
                assert_eq!(tally.department(d), Some(&department_count(session, d)));
            }
            for (i, (_, item)) in session.checklist.items().enumerate() {
                assert_eq!(tally.item(i), Some(&item_count(session, item)));
            }
        };
        let apply = |session: &mut Session, change: Change| {
            let by = "t".to_string();
            session.apply(Event::at(now(), by, change)).unwrap();
        };
        let department = session.hearings[1].department.short.clone();
        let not_applicable = |tally: &Tally| tally.department(1).unwrap().marks[5];
        let before = not_applicable(&tally);
        let mut done = Vec::new();
        // C-2 marked, then the gate C-1 該当なし, which gives C-3 and C-4 that mark too.
        for (item, symbol) in [("A-1", "○"), ("C-2", "観"), ("A-1", "重"), ("C-1", "-")] {
            let change = session.set_mark(&department, item, Some(symbol)).unwrap();
            apply(&mut session, change.clone());
            tally.recount(&session, 1);
            agrees(&tally, &session);
            done.push(change);
        }
        assert_eq!(not_applicable(&tally), before + 3, "C-1, C-3 and C-4");
        let note = session.set_note(&department, "A-1", "鍵なし。").unwrap();
        apply(&mut session, note.clone());
        tally.recount(&session, 1);
        agrees(&tally, &session);
        assert!(tally.cell(1, 0).is_some_and(|c| c.noted));
        done.push(note);
        for change in done.into_iter().rev() {
            apply(&mut session, change.inverse().unwrap());
            tally.recount(&session, 1);
            agrees(&tally, &session);
        }
        assert_eq!(not_applicable(&tally), before);
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
}
