//! A broken rule of a checklist's scale, bands, fields or conditions, as a value: the
//! facts of it, worded by the language tables wherever the checklist came from.

use super::scale::Meaning;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// A mark with a severity that does not mean NeedsImprovement.
    SeverityNotFailing {
        symbol: String,
        meaning: Meaning,
    },
    /// A severity of 0: the mildest is 1.
    ZeroSeverity,
    /// A mark meaning NotApplicable with points: such items are left out of the score.
    PointsNotApplicable(String),
    /// A mark asks for a field the checklist does not declare; `known` are its fields.
    UnknownField {
        id: String,
        known: Vec<String>,
    },
    EmptyFieldId,
    DuplicateFieldId(String),
    /// Bands with a scale that gives no points.
    BandsWithoutPoints,
    /// A band whose lower bound is above its upper bound.
    BandBackwards {
        label: String,
        from: i32,
        to: i32,
    },
    BandsOverlap {
        label: String,
        other: String,
    },
    /// An item names a department that is not on the roster.
    NotOnRoster {
        item: String,
        department: String,
    },
    /// A condition names an item the checklist does not have.
    NoGate {
        gate: String,
        item: String,
    },
    /// A condition names an item that does not come before the one it decides.
    GateNotBefore {
        item: String,
        gate: String,
    },
    /// A condition names a mark not on the scale; `known` are the scale's symbols.
    UnknownGateMark {
        symbol: String,
        known: Vec<String>,
    },
    /// The scale has no mark meaning NotApplicable, so the cells that cannot apply show
    /// kansa's own 対象外 symbol, but a mark of the scale already has that symbol.
    OutOfScopeTaken(String),
    /// Two bands leave the scores from `from` to `to` in no band.
    BandsGap {
        below: String,
        above: String,
        from: i32,
        to: i32,
    },
    /// A band that starts above the highest score a department can reach (100
    /// percent, or the top points for every item when the bands are in points).
    BandOutOfReach {
        label: String,
        from: i32,
        top: i32,
        unit: super::scale::BandUnit,
    },
}
