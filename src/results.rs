//! The results of a round as numbers: which items a view shows (filters), the count
//! of each mark per item and per department, what those marks mean taken together, and
//! each department's score and band when the scale has points. How they are laid out
//! is `matrix`'s job.

use crate::checklist::{Band, Checklist, Item, Mark, Meaning};
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

    /// The band the score falls in, if the checklist has one for it.
    pub fn band<'a>(&self, checklist: &'a Checklist) -> Option<&'a Band> {
        checklist.band(self.percent()?)
    }
}

/// The score of one department; None when the scale has no points.
pub fn department_score(session: &Session, department: usize) -> Option<Score> {
    let top = session.checklist.top_points()?;
    let hearing = session.hearings.get(department)?;
    let mut score = Score::default();
    for (_, item) in session.checklist.items() {
        let mark = hearing
            .mark(&item.id)
            .and_then(|s| session.checklist.mark(s));
        match mark {
            None => {
                score.maximum += top;
                score.unanswered += 1;
            }
            Some(Mark {
                points: Some(points),
                ..
            }) => {
                score.total += points;
                score.maximum += top;
                score.scored += 1;
            }
            Some(_) => {}
        }
    }
    Some(score)
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
    /// The band of the mean percent, rounded down as a department's is.
    pub fn band<'a>(&self, checklist: &'a Checklist) -> Option<&'a Band> {
        checklist.band(self.percent.floor() as i32)
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
