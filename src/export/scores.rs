//! The scores and bands of a round on a scale with points, as the documents print
//! them: each department's score and band (with the band's advice), and the round's
//! average. None on a scale without points, so such a round's documents are as they
//! were.

use crate::results::{self, Score};
use crate::session::Session;

/// A department's score as the documents print it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreLine {
    pub name: String,
    pub short: String,
    pub total: i32,
    pub maximum: i32,
    /// Whole percent of the maximum; None before anything is scored.
    pub percent: Option<i32>,
    /// Items not answered yet: the band is provisional while there are some.
    pub unanswered: usize,
    pub band: Option<BandLine>,
}

/// The band a score falls in, and what the checklist advises for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BandLine {
    pub label: String,
    pub advice: String,
}

/// The round's average over the departments scored, in tenths (13.5 is 135).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AverageLine {
    pub total_tenths: i64,
    pub percent_tenths: i64,
    pub band: Option<BandLine>,
}

/// Every department's score in roster order, and the average.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scores {
    pub departments: Vec<ScoreLine>,
    pub average: Option<AverageLine>,
    /// True when the checklist declares bands: the documents print a band row then.
    pub has_bands: bool,
}

impl Scores {
    /// The round's scores; None when the scale has no points.
    pub fn of(session: &Session) -> Option<Scores> {
        if !session.checklist.has_points() {
            return None;
        }
        let departments = (0..session.hearings.len())
            .filter_map(|d| department(session, d))
            .collect();
        let average = results::average_score(session).map(|a| AverageLine {
            total_tenths: (a.total * 10.0).round() as i64,
            percent_tenths: (a.percent * 10.0).round() as i64,
            band: a.band(&session.checklist).map(band_line),
        });
        Some(Scores {
            departments,
            average,
            has_bands: !session.checklist.bands.is_empty(),
        })
    }
}

/// The score of department `d`; None when the scale has no points.
pub fn department(session: &Session, d: usize) -> Option<ScoreLine> {
    let hearing = session.hearings.get(d)?;
    let score: Score = results::department_score(session, d)?;
    Some(ScoreLine {
        name: hearing.department.name.clone(),
        short: hearing.department.short.clone(),
        total: score.total,
        maximum: score.maximum,
        percent: score.percent(),
        unanswered: score.unanswered,
        band: score.band(&session.checklist).map(band_line),
    })
}

fn band_line(band: &crate::checklist::Band) -> BandLine {
    BandLine {
        label: band.label.clone(),
        advice: band.advice.trim().to_string(),
    }
}
