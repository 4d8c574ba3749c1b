//! The checklist as a whole: scale, areas, roster, bands, fields and the wording of
//! the facts a new round starts with; and what can be read of it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::items::{Area, Condition, Department, Item};
use super::scale::{Band, BandUnit, Field, Mark, Meaning, finding_marks, finding_symbols};
use crate::keymap;
use crate::language::Language;

/// 対象外: what a cell that cannot apply shows when the scale has no mark meaning
/// 該当なし. It has no key: it is given by applicability only, never by hand.
pub static OUT_OF_SCOPE: std::sync::LazyLock<Mark> = std::sync::LazyLock::new(|| Mark {
    symbol: "－".into(),
    ascii: "-".into(),
    label: "対象外".into(),
    key: '\u{0}',
    meaning: Meaning::NotApplicable,
    note_required: false,
    severity: None,
    points: None,
    asks: Vec::new(),
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    pub format: u32,
    pub id: String,
    pub title: String,
    pub scale: Vec<Mark>,
    pub areas: Vec<Area>,
    #[serde(default)]
    pub departments: Vec<Department>,
    /// How a department's score reads, e.g. 70–99 部分的な対策が不十分; only for a scale
    /// with points.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<Band>,
    /// Whether the bands are percents of the maximum (the default) or points.
    #[serde(default, skip_serializing_if = "BandUnit::is_percent")]
    pub band_unit: BandUnit,
    /// Extra fields an answer may carry (確認日, 目標日, 担当者); marks ask for them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    /// The wording of the report header (監査目的, 監査範囲, …) a new round starts with.
    #[serde(default)]
    pub facts: FactDefaults,
    /// The language the round's documents are written in (`Ja`, `En`). A checklist
    /// may declare it; a round made from one that does not records the language in
    /// force when it was made (see `with_language`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// Which departments of a round this checklist is for, when it is not the round's
    /// main one: those whose tags meet `applies` and, when `only` names any, only
    /// those (full or short names). The main checklist is for every department.
    #[serde(default, skip_serializing_if = "Condition::is_always")]
    pub applies: Condition,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub only: Vec<String>,
}

/// The optional `facts` section of a checklist: the wording a new round starts with.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FactDefaults {
    pub purpose: String,
    pub scope: String,
    pub method: String,
    pub subjects: String,
    pub criteria: String,
    pub schedule: String,
    pub report_date: Option<NaiveDate>,
    pub division: String,
    /// Per-department wording, chosen by the departments' tags; the first that
    /// applies gives each fact it sets.
    pub overrides: Vec<FactOverride>,
    /// The 実施報告書's 監査目的, the 規程 articles of 責任者 and 担当部門, and its 根拠
    /// (one a line); see `AuditFacts`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub objective: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub lead_basis: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub division_basis: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub grounds: String,
    /// The systems a round may audit, each named in the 実施報告書's 対象システム when
    /// a department audited meets its condition (uses it).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub systems: Vec<SystemDefault>,
    /// The row of the departments' 備考 in the 結果一覧: its label (備考（特定個人情報の
    /// 取扱い）; else 備考) and the area (by id) whose table it closes, as the seed's
    /// closes 特定個人情報; without one, it follows the last area.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub remark_label: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub remark_area: String,
}

/// A system the 実施報告書 names as audited when a department meets `applies`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemDefault {
    pub name: String,
    #[serde(default)]
    pub applies: Condition,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactOverride {
    pub applies: Condition,
    #[serde(default)]
    pub scope: Option<String>,
    #[serde(default)]
    pub schedule: Option<String>,
}

impl Checklist {
    /// This checklist with `language` recorded for its round's documents when it
    /// declares none: the language in force when a round is made.
    pub fn with_language(mut self, language: Language) -> Checklist {
        self.language.get_or_insert(language);
        self
    }

    pub fn items(&self) -> impl Iterator<Item = (&Area, &Item)> {
        self.areas
            .iter()
            .flat_map(|a| a.items.iter().map(move |i| (a, i)))
    }

    pub fn item_count(&self) -> usize {
        self.areas.iter().map(|a| a.items.len()).sum()
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().map(|(_, i)| i).find(|i| i.id == id)
    }

    /// The mark of `symbol`: one of the scale's, or 対象外 given by applicability on a
    /// scale that has no mark meaning 該当なし.
    pub fn mark(&self, symbol: &str) -> Option<&Mark> {
        self.scale
            .iter()
            .find(|m| m.symbol == symbol)
            .or_else(|| Some(self.not_applicable()).filter(|m| m.symbol == symbol))
    }

    /// The mark of `key`, in either width: `２` typed with the input method on is `2`.
    pub fn mark_for_key(&self, key: char) -> Option<&Mark> {
        let key = keymap::fold_width(key);
        self.scale
            .iter()
            .find(|m| m.by_hand() && keymap::fold_width(m.key) == key)
    }

    /// The mark given to items that cannot apply to a department: the scale's mark
    /// meaning 該当なし, or, on a scale without one, kansa's own 対象外 (「－」), so that
    /// an item's conditions and department lists hold whatever the scale.
    pub fn not_applicable(&self) -> &Mark {
        self.scale
            .iter()
            .find(|m| m.meaning == Meaning::NotApplicable)
            .unwrap_or(&OUT_OF_SCOPE)
    }

    /// True when the scale has no mark meaning 該当なし, so the cells that cannot apply
    /// are shown as kansa's own 対象外.
    pub fn lacks_not_applicable(&self) -> bool {
        !self
            .scale
            .iter()
            .any(|m| m.meaning == Meaning::NotApplicable)
    }

    /// The checklist as a round holds it: on a scale without a mark meaning 該当なし,
    /// kansa's own 対象外 joins the scale (last, with no key), so the cells that cannot
    /// apply are drawn, counted and reported as not applicable like any other mark.
    pub fn with_out_of_scope(mut self) -> Checklist {
        if self.lacks_not_applicable() {
            self.scale.push(OUT_OF_SCOPE.clone());
        }
        self
    }

    /// The marks whose cells are findings (needing improvement, or improved under
    /// guidance), in scale order except that the marks needing improvement stand worst
    /// first among themselves: the seed's △ ×, an ISMS scale's 重 軽 観 推.
    pub fn finding_marks(&self) -> Vec<&Mark> {
        finding_marks(&self.scale)
    }

    /// The symbols of `finding_marks`, as the texts about findings name them.
    pub fn finding_symbols(&self) -> Vec<String> {
        finding_symbols(&self.scale)
    }

    /// True when some mark declares a severity: lists of findings come worst first and
    /// name each failing mark's label.
    pub fn is_graded(&self) -> bool {
        self.scale.iter().any(|m| m.severity.is_some())
    }

    /// True when some mark carries points: the scale scores each department.
    pub fn has_points(&self) -> bool {
        self.scale.iter().any(|m| m.points.is_some())
    }

    /// The most points a mark gives: what each scored item adds to the maximum.
    pub fn top_points(&self) -> Option<i32> {
        self.scale.iter().filter_map(|m| m.points).max()
    }

    /// The first band that holds `value` (a percent or points, as `band_unit` says).
    pub fn band(&self, value: i32) -> Option<&Band> {
        self.bands.iter().find(|b| b.contains(value))
    }

    /// The highest score a band can be read against: 100 percent, or the top points
    /// for every item.
    pub fn band_top(&self) -> Option<i32> {
        match self.band_unit {
            BandUnit::Percent => Some(100),
            BandUnit::Points => Some(self.top_points()? * self.items().count() as i32),
        }
    }

    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    /// True when this checklist, beside a round's main one, is for `department`.
    pub fn is_for(&self, department: &Department) -> bool {
        (self.only.is_empty()
            || self
                .only
                .iter()
                .any(|d| *d == department.name || *d == department.short))
            && self.applies.holds(&department.tags)
    }

    /// The place of an item in checklist order.
    pub fn item_index(&self, id: &str) -> Option<usize> {
        self.items().position(|(_, i)| i.id == id)
    }
}
