//! The checklist an audit round follows: its mark scale, areas and items, and the
//! department roster. Written by hand in RON, so every field is checked strictly.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{FileError, Position, Problem};
use crate::facts::FactDefaults;
use crate::i18n::Messages;
use crate::keymap;

/// The checklist format this build reads and writes.
pub const FORMAT: u32 = 1;

/// The bundled checklist: the seed round (龍ヶ崎市 令和6年度上半期).
pub const BUNDLED_PATH: &str = "checklists/ryugasaki-2024-h1.ron";
pub const BUNDLED: &str = include_str!("../checklists/ryugasaki-2024-h1.ron");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// Extra fields an answer may carry (確認日, 目標日, 担当者); marks ask for them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    /// The wording of the report header (監査目的, 監査範囲, …) a new round starts with.
    #[serde(default)]
    pub facts: FactDefaults,
}

/// One step of the mark scale, e.g. ○ 適正.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    pub fn severity(&self) -> Option<u8> {
        self.meaning
            .is_failing()
            .then(|| self.severity.unwrap_or(1))
    }
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

/// A range of scores and how it reads, e.g. 70–99 部分的な対策が不十分. Scores are read
/// as whole percent of the department's maximum (rounded down), so items left out as
/// 該当なし never push a department into a lower band; with a maximum of 100, as in a
/// self-diagnosis of 25 items at 4 points, the percent is the total.
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub title: String,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub text: String,
    /// What to ask and what to look at.
    #[serde(default)]
    pub guidance: String,
    /// Departments for which the item can apply; the others start as not applicable.
    #[serde(default)]
    pub applies: Condition,
    /// The departments (full or short names) the item applies to, as audit sheets mark
    /// ● per department; empty: every department. Both this and `applies` must hold.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<String>,
}

impl Item {
    /// True when `department` is one the item names, or the item names none.
    pub fn lists(&self, department: &Department) -> bool {
        self.departments.is_empty()
            || self
                .departments
                .iter()
                .any(|d| *d == department.name || *d == department.short)
    }
}

/// A condition over a department's tags and its answers to earlier items.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Condition {
    #[default]
    Always,
    Tag(String),
    Any(Vec<Condition>),
    All(Vec<Condition>),
    Not(Box<Condition>),
    /// The department gave the earlier item (a gate) this mark, by symbol:
    /// `Answer("M-1", "はい")`.
    Answer(String, String),
    /// The department's mark for the earlier item has this meaning:
    /// `AnswerMeans("M-1", Compliant)`.
    AnswerMeans(String, Meaning),
}

impl Condition {
    /// Whether the condition holds for these tags before anything is answered.
    pub fn holds(&self, tags: &[String]) -> bool {
        self.eval(Some(tags), &|_| None)
    }

    /// Whether the condition holds for a department with these tags and these marks
    /// (`mark_of(item id)`). `tags` is None for a department off the roster: nothing is
    /// known of its profile, so a part of the condition that is not about answers
    /// counts as holding, as every item applies to such a department.
    pub fn eval<'a>(
        &self,
        tags: Option<&[String]>,
        mark_of: &dyn Fn(&str) -> Option<&'a Mark>,
    ) -> bool {
        let Some(known) = tags else {
            if !self.refers_to_answers() {
                return true;
            }
            return self.eval_parts(None, mark_of);
        };
        self.eval_parts(Some(known), mark_of)
    }

    fn eval_parts<'a>(
        &self,
        tags: Option<&[String]>,
        mark_of: &dyn Fn(&str) -> Option<&'a Mark>,
    ) -> bool {
        match self {
            Condition::Always => true,
            Condition::Tag(tag) => tags.is_none_or(|t| t.contains(tag)),
            Condition::Any(all) => all.iter().any(|c| c.eval(tags, mark_of)),
            Condition::All(all) => all.iter().all(|c| c.eval(tags, mark_of)),
            Condition::Not(inner) => !inner.eval(tags, mark_of),
            Condition::Answer(item, symbol) => mark_of(item).is_some_and(|m| m.symbol == *symbol),
            Condition::AnswerMeans(item, meaning) => {
                mark_of(item).is_some_and(|m| m.meaning == *meaning)
            }
        }
    }

    /// True when the condition depends on some answer, so a mark can change it.
    pub fn refers_to_answers(&self) -> bool {
        let mut items = Vec::new();
        self.answers(&mut items);
        !items.is_empty()
    }

    /// The conditions on answers within, with the item each refers to.
    pub fn answers<'a>(&'a self, out: &mut Vec<&'a Condition>) {
        match self {
            Condition::Always | Condition::Tag(_) => {}
            Condition::Any(all) | Condition::All(all) => all.iter().for_each(|c| c.answers(out)),
            Condition::Not(inner) => inner.answers(out),
            Condition::Answer(..) | Condition::AnswerMeans(..) => out.push(self),
        }
    }

    fn tags<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Condition::Always | Condition::Answer(..) | Condition::AnswerMeans(..) => {}
            Condition::Tag(tag) => out.push(tag),
            Condition::Any(all) | Condition::All(all) => all.iter().for_each(|c| c.tags(out)),
            Condition::Not(inner) => inner.tags(out),
        }
    }
}

/// A department audited in a round: the seed's 被監査部門 with its profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    pub name: String,
    pub short: String,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Free text such as the seed's 備考 (which work handles 特定個人情報).
    #[serde(default)]
    pub remark: String,
}

impl Checklist {
    /// Parses and validates checklist text; `path` is only used in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Checklist, FileError> {
        // Implicit Some: people write `points: 4`, not `points: Some(4)`; both read.
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let checklist: Checklist = options
            .from_str(text)
            .map_err(|e| FileError::from_ron(path, &e, text, 0))?;
        checklist.validate(text, path)?;
        Ok(checklist)
    }

    pub fn load(path: &Path) -> Result<Checklist, FileError> {
        let text = std::fs::read_to_string(path).map_err(|e| FileError::cannot_read(path, &e))?;
        Self::parse(&text, path)
    }

    pub fn bundled() -> Checklist {
        Self::parse(BUNDLED, Path::new(BUNDLED_PATH)).expect("the bundled checklist is valid")
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

    pub fn mark(&self, symbol: &str) -> Option<&Mark> {
        self.scale.iter().find(|m| m.symbol == symbol)
    }

    /// The mark of `key`, in either width: `２` typed with the input method on is `2`.
    pub fn mark_for_key(&self, key: char) -> Option<&Mark> {
        let key = keymap::fold_width(key);
        self.scale.iter().find(|m| keymap::fold_width(m.key) == key)
    }

    /// The mark given to items that cannot apply to a department, if the scale has one.
    pub fn not_applicable(&self) -> Option<&Mark> {
        self.scale
            .iter()
            .find(|m| m.meaning == Meaning::NotApplicable)
    }

    /// True when some mark carries points: the scale scores each department.
    pub fn has_points(&self) -> bool {
        self.scale.iter().any(|m| m.points.is_some())
    }

    /// The most points a mark gives: what each scored item adds to the maximum.
    pub fn top_points(&self) -> Option<i32> {
        self.scale.iter().filter_map(|m| m.points).max()
    }

    /// The first band that holds `percent`, if any.
    pub fn band(&self, percent: i32) -> Option<&Band> {
        self.bands.iter().find(|b| b.contains(percent))
    }

    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    /// The place of an item in checklist order.
    pub fn item_index(&self, id: &str) -> Option<usize> {
        self.items().position(|(_, i)| i.id == id)
    }

    /// The one line `kansa validate` prints for this checklist, read from `path`.
    pub fn summary(&self, path: &Path, m: &Messages) -> String {
        (m.validated)(
            &path.display().to_string(),
            &self.title,
            self.areas.len(),
            self.item_count(),
            self.departments.len(),
            self.scale.len(),
        )
    }

    /// Checks what RON's types cannot: uniqueness, references and reserved keys. Errors
    /// point at the offending value in `text`.
    fn validate(&self, text: &str, path: &Path) -> Result<(), FileError> {
        let at =
            |field: &str, value: &String, nth: usize| Position::of_field(text, field, value, nth);
        let fail = |position: Option<Position>, problem: Problem| {
            Err(FileError::new(path, position, problem))
        };
        if self.format != FORMAT {
            let found = self.format;
            return fail(
                Position::of_field(text, "format", &found, 0),
                Problem::ChecklistFormat {
                    expected: FORMAT,
                    found,
                },
            );
        }
        if self.scale.is_empty() {
            return fail(Position::of_nth(text, "scale", 0), Problem::EmptyScale);
        }
        if self.item_count() == 0 {
            return fail(Position::of_nth(text, "areas", 0), Problem::NoItems);
        }
        let mut seen = Seen::default();
        for mark in &self.scale {
            if mark.symbol.trim().is_empty() {
                return fail(at("symbol", &mark.symbol, 0), Problem::EmptySymbol);
            }
            if let Some(n) = seen.again("symbol", &mark.symbol) {
                return fail(
                    at("symbol", &mark.symbol, n),
                    Problem::DuplicateSymbol(mark.symbol.clone()),
                );
            }
            let key = format!("{:?}", keymap::fold_width(mark.key));
            if let Some(n) = seen.again("key", &key) {
                return fail(
                    Position::of_field(text, "key", &mark.key, n),
                    Problem::DuplicateKey(mark.key),
                );
            }
            if keymap::is_bound(mark.key) || mark.key.is_control() {
                let problem = Problem::ReservedKey(mark.key);
                return fail(Position::of_field(text, "key", &mark.key, 0), problem);
            }
        }
        for area in &self.areas {
            if let Some(n) = seen.again("id", &area.id) {
                return fail(
                    at("id", &area.id, n),
                    Problem::DuplicateArea(area.id.clone()),
                );
            }
            for item in &area.items {
                if let Some(n) = seen.again("id", &item.id) {
                    return fail(
                        at("id", &item.id, n),
                        Problem::DuplicateItem(item.id.clone()),
                    );
                }
            }
        }
        for department in &self.departments {
            if let Some(n) = seen.again("name", &department.name) {
                let problem = Problem::DuplicateDepartment(department.name.clone());
                return fail(at("name", &department.name, n), problem);
            }
            if let Some(n) = seen.again("short", &department.short) {
                let problem = Problem::DuplicateShort(department.short.clone());
                return fail(at("short", &department.short, n), problem);
            }
        }
        self.check_tags(text, path)
    }

    /// Every tag a condition names is a tag some department has: a misspelt tag would
    /// otherwise make an item silently not apply.
    fn check_tags(&self, text: &str, path: &Path) -> Result<(), FileError> {
        let known: BTreeSet<&str> = self
            .departments
            .iter()
            .flat_map(|d| d.tags.iter().map(String::as_str))
            .collect();
        let conditions = self.items().map(|(_, item)| &item.applies);
        let overrides = self.facts.overrides.iter().map(|o| &o.applies);
        for condition in conditions.chain(overrides) {
            let mut tags = Vec::new();
            condition.tags(&mut tags);
            if let Some(tag) = tags.into_iter().find(|t| !known.contains(t)) {
                let problem = Problem::UnknownTag {
                    tag: tag.to_string(),
                    known: known.iter().map(|t| t.to_string()).collect(),
                };
                let position = Position::of_variant(text, "Tag", &tag.to_string(), 0);
                return Err(FileError::new(path, position, problem));
            }
        }
        // A place always has an anchor in the text it was read from; should the search
        // miss it, the start of the file still names the file and a line.
        self.check().map_err(|p| {
            let position = self
                .locate(text, &p.place)
                .unwrap_or(Position { line: 1, column: 1 });
            FileError::new(path, Some(position), Problem::Rule(p.message))
        })
    }

    /// The rules of points, bands, answer fields, severities, department lists and
    /// answer conditions. Independent of the file's syntax, so a checklist read from a
    /// spreadsheet is held to them too and its problems point at cells.
    pub fn check(&self) -> Result<(), Broken> {
        self.check_marks()?;
        self.check_fields()?;
        self.check_bands()?;
        for (n, (_, item)) in self.items().enumerate() {
            self.check_departments(n, item)?;
            self.check_answer_conditions(n, item)?;
        }
        Ok(())
    }

    fn check_marks(&self) -> Result<(), Broken> {
        for (n, mark) in self.scale.iter().enumerate() {
            let at = |part| Place::Mark(n, part);
            match mark.severity {
                Some(_) if !mark.meaning.is_failing() => {
                    return Broken::at(
                        at(MarkPart::Severity),
                        format!(
                            "mark {:?} means {:?}: only a mark meaning NeedsImprovement has a severity",
                            mark.symbol, mark.meaning
                        ),
                    );
                }
                Some(0) => {
                    return Broken::at(
                        at(MarkPart::Severity),
                        "expected a severity of 1 or more".into(),
                    );
                }
                _ => {}
            }
            if mark.points.is_some() && !mark.meaning.is_applicable() {
                return Broken::at(
                    at(MarkPart::Points),
                    format!(
                        "mark {:?} means NotApplicable: items that do not apply are left out of the score, so it has no points",
                        mark.symbol
                    ),
                );
            }
            if let Some(id) = mark.asks.iter().find(|id| self.field(id).is_none()) {
                let expected = self
                    .fields
                    .iter()
                    .map(|f| f.id.as_str())
                    .collect::<Vec<_>>();
                return Broken::at(
                    at(MarkPart::Asks),
                    format!("no field {id:?}; expected one of: {}", expected.join(", ")),
                );
            }
        }
        Ok(())
    }

    fn check_fields(&self) -> Result<(), Broken> {
        for (n, field) in self.fields.iter().enumerate() {
            if field.id.trim().is_empty() {
                return Broken::at(Place::Field(n), "expected a non-empty field id".into());
            }
            if self.fields[..n].iter().any(|f| f.id == field.id) {
                return Broken::at(
                    Place::Field(n),
                    format!("duplicate field id {:?}", field.id),
                );
            }
        }
        Ok(())
    }

    fn check_bands(&self) -> Result<(), Broken> {
        if !self.bands.is_empty() && !self.has_points() {
            return Broken::at(Place::Band(0), "bands need a scale with points".into());
        }
        for (n, band) in self.bands.iter().enumerate() {
            if let (Some(from), Some(to)) = (band.from, band.to)
                && from > to
            {
                return Broken::at(
                    Place::Band(n),
                    format!("band {:?} runs from {from} down to {to}", band.label),
                );
            }
            let overlaps = |other: &Band| {
                band.from.is_none_or(|f| other.to.is_none_or(|t| f <= t))
                    && band.to.is_none_or(|t| other.from.is_none_or(|f| f <= t))
            };
            if let Some(other) = self.bands[..n].iter().find(|b| overlaps(b)) {
                return Broken::at(
                    Place::Band(n),
                    format!("band {:?} overlaps band {:?}", band.label, other.label),
                );
            }
        }
        Ok(())
    }

    fn check_departments(&self, n: usize, item: &Item) -> Result<(), Broken> {
        let listed = |name: &String| {
            self.departments
                .iter()
                .any(|d| d.name == *name || d.short == *name)
        };
        match item.departments.iter().find(|name| !listed(name)) {
            Some(name) => Broken::at(
                Place::Item(n, ItemPart::Departments),
                format!(
                    "item {:?} names {name:?}, which is not on the roster",
                    item.id
                ),
            ),
            None => Ok(()),
        }
    }

    /// A condition on answers refers to an earlier item (so one pass in checklist order
    /// settles every gate, and no two items can wait on each other) and to a mark of the
    /// scale, and the scale has a 該当なし to give the items it hides.
    fn check_answer_conditions(&self, n: usize, item: &Item) -> Result<(), Broken> {
        let at = Place::Item(n, ItemPart::Applies);
        let mut conditions = Vec::new();
        item.applies.answers(&mut conditions);
        for condition in conditions {
            let (Condition::Answer(gate, _) | Condition::AnswerMeans(gate, _)) = condition else {
                continue;
            };
            match self.item_index(gate) {
                None => {
                    return Broken::at(
                        at,
                        format!("no item {gate:?} for {:?} to depend on", item.id),
                    );
                }
                Some(g) if g >= n => {
                    return Broken::at(
                        at,
                        format!(
                            "item {:?} depends on {gate:?}, which does not come before it",
                            item.id
                        ),
                    );
                }
                Some(_) => {}
            }
            if let Condition::Answer(_, symbol) = condition
                && self.mark(symbol).is_none()
            {
                let expected = self
                    .scale
                    .iter()
                    .map(|m| m.symbol.as_str())
                    .collect::<Vec<_>>();
                return Broken::at(
                    at,
                    format!(
                        "no mark {symbol:?} in the scale; expected one of: {}",
                        expected.join(", ")
                    ),
                );
            }
            if self.not_applicable().is_none() {
                return Broken::at(
                    at,
                    "an item that depends on an answer needs a mark meaning NotApplicable".into(),
                );
            }
        }
        Ok(())
    }

    /// Where `place` is in the RON text: the field at fault after the mark's symbol or
    /// the item's id, else that symbol or id.
    fn locate(&self, text: &str, place: &Place) -> Option<Position> {
        let (anchor, needle, nth) = match place {
            Place::Mark(n, part) => {
                let symbol = &self.scale.get(*n)?.symbol;
                let anchor = Position::of_field(text, "symbol", symbol, 0)?;
                (anchor, part.field(), 0)
            }
            Place::Item(n, part) => {
                let (_, item) = self.items().nth(*n)?;
                let anchor = Position::of_field(text, "id", &item.id, 0)?;
                (anchor, part.field(), 0)
            }
            Place::Band(n) => (Position::of_nth(text, "bands:", 0)?, "label:", *n),
            Place::Field(n) => (Position::of_nth(text, "fields:", 0)?, "id:", *n),
        };
        let start = anchor.offset_in(text)?;
        let found = text[start..]
            .match_indices(needle)
            .nth(nth)
            .map(|(offset, _)| Position::of_offset(text, start + offset));
        Some(found.unwrap_or(anchor))
    }
}

/// Where in a checklist a problem lies, whatever file it came from: the RON loader
/// turns it into a line and column, the spreadsheet import into a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A mark of the scale, by index, and its field at fault.
    Mark(usize, MarkPart),
    /// An item, by index in checklist order, and its field at fault.
    Item(usize, ItemPart),
    Band(usize),
    Field(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkPart {
    Severity,
    Points,
    Asks,
}

impl MarkPart {
    fn field(self) -> &'static str {
        match self {
            MarkPart::Severity => "severity:",
            MarkPart::Points => "points:",
            MarkPart::Asks => "asks:",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemPart {
    Applies,
    Departments,
}

impl ItemPart {
    fn field(self) -> &'static str {
        match self {
            ItemPart::Applies => "applies:",
            ItemPart::Departments => "departments:",
        }
    }
}

/// A broken rule of the checklist's scale, bands, fields or conditions, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    pub place: Place,
    pub message: String,
}

impl Broken {
    fn at(place: Place, message: String) -> Result<(), Broken> {
        Err(Broken { place, message })
    }
}

/// Remembers the values seen per field; a repeat learns which occurrence it is.
#[derive(Default)]
struct Seen {
    counts: HashMap<(&'static str, String), usize>,
}

impl Seen {
    /// None the first time a value is seen in a field; otherwise the 0-based
    /// occurrence of `field: value` in the text that is this repeat.
    fn again(&mut self, field: &'static str, value: &str) -> Option<usize> {
        let count = self.counts.entry((field, value.to_string())).or_insert(0);
        *count += 1;
        (*count > 1).then_some(*count - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_checklist_is_the_seed_round() {
        let checklist = Checklist::bundled();
        assert_eq!(checklist.areas.len(), 4);
        assert_eq!(checklist.item_count(), 28);
        assert_eq!(checklist.departments.len(), 6);
        assert_eq!(checklist.scale.len(), 4);
        let sizes: Vec<usize> = checklist.areas.iter().map(|a| a.items.len()).collect();
        assert_eq!(sizes, [8, 7, 7, 6]);
    }

    #[test]
    fn conditions_combine_tags() {
        let tags = vec!["a".to_string()];
        assert!(Condition::Always.holds(&tags));
        assert!(Condition::Tag("a".into()).holds(&tags));
        assert!(!Condition::Tag("b".into()).holds(&tags));
        let any = Condition::Any(vec![Condition::Tag("b".into()), Condition::Tag("a".into())]);
        assert!(any.holds(&tags));
        let all = Condition::All(vec![Condition::Tag("b".into()), Condition::Tag("a".into())]);
        assert!(!all.holds(&tags));
        assert!(Condition::Not(Box::new(all)).holds(&tags));
    }

    #[test]
    fn an_unknown_tag_written_across_lines_is_located() {
        // Found by the property test: a raw newline inside the tag name.
        let text = BUNDLED.replacen("Tag(\"own-server\")", "Tag(\"own\nserver\")", 1);
        let error = Checklist::parse(&text, Path::new("c.ron")).unwrap_err();
        let offset = text.find("Tag(\"own\n").unwrap();
        assert_eq!(error.position, Some(Position::of_offset(&text, offset)));
    }
}
