//! The checklist an audit round follows: its mark scale, areas and items, and the
//! department roster. Written by hand in RON, so every field is checked strictly.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{FileError, Position};
use crate::facts::FactDefaults;
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
}

/// What a mark means for the reports, whatever its symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Meaning {
    Compliant,
    ImprovedUnderGuidance,
    NeedsImprovement,
    NotApplicable,
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
}

/// A condition over a department's tags.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Condition {
    #[default]
    Always,
    Tag(String),
    Any(Vec<Condition>),
    All(Vec<Condition>),
    Not(Box<Condition>),
}

impl Condition {
    pub fn holds(&self, tags: &[String]) -> bool {
        match self {
            Condition::Always => true,
            Condition::Tag(tag) => tags.contains(tag),
            Condition::Any(all) => all.iter().any(|c| c.holds(tags)),
            Condition::All(all) => all.iter().all(|c| c.holds(tags)),
            Condition::Not(inner) => !inner.holds(tags),
        }
    }

    fn tags<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Condition::Always => {}
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
        let checklist: Checklist =
            ron::from_str(text).map_err(|e| FileError::from_ron(path, &e, text, 0))?;
        checklist.validate(text, path)?;
        Ok(checklist)
    }

    pub fn load(path: &Path) -> Result<Checklist, FileError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| FileError::new(path, None, format!("cannot read: {e}")))?;
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

    /// A one-line summary, as `kansa validate` prints it.
    pub fn summary(&self) -> String {
        format!(
            "{}: {} areas, {} items, {} departments, {} marks",
            self.title,
            self.areas.len(),
            self.item_count(),
            self.departments.len(),
            self.scale.len()
        )
    }

    /// Checks what RON's types cannot: uniqueness, references and reserved keys. Errors
    /// point at the offending value in `text`.
    fn validate(&self, text: &str, path: &Path) -> Result<(), FileError> {
        let at =
            |field: &str, value: &String, nth: usize| Position::of_field(text, field, value, nth);
        let fail = |position: Option<Position>, message: String| {
            Err(FileError::new(path, position, message))
        };
        if self.format != FORMAT {
            let found = self.format;
            return fail(
                Position::of_field(text, "format", &found, 0),
                format!("expected format {FORMAT}, found {found}"),
            );
        }
        if self.scale.is_empty() {
            return fail(
                Position::of_nth(text, "scale", 0),
                "expected at least one mark in the scale".into(),
            );
        }
        if self.item_count() == 0 {
            return fail(
                Position::of_nth(text, "areas", 0),
                "expected at least one item".into(),
            );
        }
        let mut seen = Seen::default();
        for mark in &self.scale {
            if mark.symbol.trim().is_empty() {
                return fail(
                    at("symbol", &mark.symbol, 0),
                    "expected a non-empty mark symbol".into(),
                );
            }
            if let Some(n) = seen.again("symbol", &mark.symbol) {
                return fail(
                    at("symbol", &mark.symbol, n),
                    format!("duplicate mark symbol {:?}", mark.symbol),
                );
            }
            let key = format!("{:?}", keymap::fold_width(mark.key));
            if let Some(n) = seen.again("key", &key) {
                return fail(
                    Position::of_field(text, "key", &mark.key, n),
                    format!("duplicate mark key {:?}", mark.key),
                );
            }
            if keymap::is_bound(mark.key) || mark.key.is_control() {
                let message = format!(
                    "key {:?} is used by the hearing screen; expected another key",
                    mark.key
                );
                return fail(Position::of_field(text, "key", &mark.key, 0), message);
            }
        }
        for area in &self.areas {
            if let Some(n) = seen.again("id", &area.id) {
                return fail(
                    at("id", &area.id, n),
                    format!("duplicate area id {:?}", area.id),
                );
            }
            for item in &area.items {
                if let Some(n) = seen.again("id", &item.id) {
                    return fail(
                        at("id", &item.id, n),
                        format!("duplicate item id {:?}", item.id),
                    );
                }
            }
        }
        for department in &self.departments {
            if let Some(n) = seen.again("name", &department.name) {
                let message = format!("duplicate department {:?}", department.name);
                return fail(at("name", &department.name, n), message);
            }
            if let Some(n) = seen.again("short", &department.short) {
                let message = format!("duplicate short name {:?}", department.short);
                return fail(at("short", &department.short, n), message);
            }
        }
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
                let expected = known.iter().cloned().collect::<Vec<_>>().join(", ");
                return fail(
                    Position::of_variant(text, "Tag", &tag.to_string(), 0),
                    format!("no department has the tag {tag:?}; expected one of: {expected}"),
                );
            }
        }
        Ok(())
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
