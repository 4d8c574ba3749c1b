//! Reading a checklist from RON: parsed strictly, then checked, every problem located
//! at its line and column in the text.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use super::definition::Checklist;
use super::rules::Place;
use crate::error::{FileError, Position, Problem};
use crate::keymap;

/// The checklist format this build reads and writes.
pub const FORMAT: u32 = 1;

/// The bundled checklist: the seed round (龍ヶ崎市 令和6年度上半期).
pub const BUNDLED_PATH: &str = "checklists/ryugasaki-2024-h1.ron";
pub const BUNDLED: &str = include_str!("../../checklists/ryugasaki-2024-h1.ron");

/// True for a key a mark may not take: one the screens bind, or a control character.
pub fn is_reserved(key: char) -> bool {
    keymap::is_bound(key) || key.is_control()
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

    /// The first of its marks' keys that the screens keep for themselves (`is_reserved`).
    pub fn reserved_key(&self) -> Option<char> {
        self.scale.iter().map(|m| m.key).find(|k| is_reserved(*k))
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
            if is_reserved(mark.key) {
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
        let systems = self.facts.systems.iter().map(|s| &s.applies);
        for condition in conditions.chain(overrides).chain(systems) {
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
            FileError::new(path, Some(position), Problem::Rule(p.rule))
        })
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
