//! The mark scale (○ 適正, △, ×, 該当なし…) with what each mark means, scores and their
//! bands, and the extra fields an answer may carry. A leaf: rules and errors name
//! marks and meanings without reaching up.

use serde::{Deserialize, Serialize};

/// One step of the mark scale, e.g. ○ 適正.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    pub symbol: String,
    /// Shown when the terminal is set to ASCII marks.
    pub ascii: String,
    pub label: String,
    pub key: char,
    pub meaning: Meaning,
    /// Giving this mark calls for a note (the seed's 改善内容): review lists the
    /// cells that have none.
    #[serde(default)]
    pub note_required: bool,
    /// How grave a finding this mark records, 1 the mildest; only for marks meaning
    /// NeedsImprovement (e.g. 推奨事項 1 < 観察事項 2 < 軽微な不適合 3 < 重大な不適合 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<u8>,
    /// What the mark scores. A mark without points (該当なし) is left out of the maximum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<i32>,
    /// The ids of the checklist's `fields` this mark asks for, e.g. いいえ asks 目標日.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub asks: Vec<String>,
}

impl Mark {
    /// The severity of a failing mark (1 when the checklist gives none); None for a
    /// mark that is not failing, so a filter by severity never picks ○ or わからない.
    /// False for kansa's own 対象外, which has no key: only applicability gives it.
    pub fn by_hand(&self) -> bool {
        self.key != '\u{0}'
    }

    pub fn severity(&self) -> Option<u8> {
        self.meaning
            .is_failing()
            .then(|| self.severity.unwrap_or(1))
    }
}

/// The marks of `scale` whose cells are findings (needing improvement, or improved
/// under guidance), in scale order except that the marks needing improvement stand
/// worst first among themselves: the seed's △ ×, an ISMS scale's 重 軽 観 推.
pub fn finding_marks(scale: &[Mark]) -> Vec<&Mark> {
    worst_first(scale)
        .into_iter()
        .filter(|m| m.meaning.is_failing() || m.meaning == Meaning::ImprovedUnderGuidance)
        .collect()
}

/// Every mark of `scale` in scale order, except that the failing marks stand worst
/// first among themselves (a self-diagnosis's △ 1 × 2 as × △): the order a filter
/// cycles through and lists name them in.
pub fn worst_first(scale: &[Mark]) -> Vec<&Mark> {
    let mut failing: Vec<&Mark> = scale.iter().filter(|m| m.meaning.is_failing()).collect();
    failing.sort_by_key(|m| std::cmp::Reverse(m.severity()));
    let mut failing = failing.into_iter();
    scale
        .iter()
        .map(|m| match m.meaning.is_failing() {
            true => failing.next().unwrap_or(m),
            false => m,
        })
        .collect()
}

/// The symbols of `finding_marks`, as the texts about findings name them.
pub fn finding_symbols(scale: &[Mark]) -> Vec<String> {
    finding_marks(scale)
        .iter()
        .map(|m| m.symbol.clone())
        .collect()
}

/// What a mark means for the reports, whatever its symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Meaning {
    Compliant,
    ImprovedUnderGuidance,
    NeedsImprovement,
    NotApplicable,
    /// "Don't know" (わからない): an answer, yet neither compliant nor failing.
    Unknown,
}

impl Meaning {
    /// Every meaning, in the order reports list them.
    pub const ALL: [Meaning; 5] = [
        Meaning::Compliant,
        Meaning::ImprovedUnderGuidance,
        Meaning::NeedsImprovement,
        Meaning::NotApplicable,
        Meaning::Unknown,
    ];

    /// Compliant, with or without an observation made during the hearing.
    pub fn is_compliant(self) -> bool {
        matches!(self, Meaning::Compliant | Meaning::ImprovedUnderGuidance)
    }

    /// Needs improvement: the cells that findings are drawn from.
    pub fn is_failing(self) -> bool {
        self == Meaning::NeedsImprovement
    }

    /// False for 該当なし: the item does not apply, so it counts in no share.
    pub fn is_applicable(self) -> bool {
        self != Meaning::NotApplicable
    }
}

/// What a checklist's bands are read against: whole percent of each department's
/// maximum (the default), or the points themselves, as some published self-diagnoses
/// print their bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum BandUnit {
    #[default]
    Percent,
    Points,
}

impl BandUnit {
    pub fn is_percent(&self) -> bool {
        *self == BandUnit::Percent
    }
}

/// A range of scores and how it reads, e.g. 70–99 部分的な対策が不十分. By default scores
/// are read as whole percent of the department's maximum (rounded down), so items left
/// out as 該当なし never push a department into a lower band; with a maximum of 100, as
/// in a self-diagnosis of 25 items at 4 points, the percent is the total. A checklist
/// with `band_unit: Points` reads its bands against the total points instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The lowest percent in the band; None: no lower bound.
    #[serde(default)]
    pub from: Option<i32>,
    /// The highest percent in the band; None: no upper bound.
    #[serde(default)]
    pub to: Option<i32>,
    pub label: String,
    #[serde(default)]
    pub advice: String,
}

impl Band {
    pub fn contains(&self, percent: i32) -> bool {
        self.from.is_none_or(|f| f <= percent) && self.to.is_none_or(|t| percent <= t)
    }
}

/// An extra field of an answer, asked by some marks: a date checked, a target date, a
/// person responsible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub kind: FieldKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum FieldKind {
    #[default]
    Text,
    /// A calendar date, stored as YYYY-MM-DD.
    Date,
}
