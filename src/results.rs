//! The results of a round as numbers: which items a view shows (filters) and the count
//! of each mark per item and per department. How they are laid out is `matrix`'s job.

use crate::checklist::Item;
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
        let marks = || session.hearings.iter().map(|h| h.mark(&item.id));
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
