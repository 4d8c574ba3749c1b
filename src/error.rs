//! Errors that point at a place in a file: path, line and column, and what is wrong
//! there, as data that the edge puts in the reader's language.

use std::io;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::checklist::rule::Rule;
use crate::session::refusal::Refusal;

/// A 1-based line and column (columns count characters, as RON reports them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `text`.
    pub fn of_offset(text: &str, offset: usize) -> Position {
        let before = &text[..offset.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Position { line, column }
    }

    /// The byte offset of this position in `text`; None when it lies outside.
    pub fn offset_in(self, text: &str) -> Option<usize> {
        let line_start = if self.line == 1 {
            0
        } else {
            text.match_indices('\n').nth(self.line.checked_sub(2)?)?.0 + 1
        };
        let line = &text[line_start..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let column = self.column.checked_sub(1)?;
        let within = match line.char_indices().nth(column) {
            Some((offset, _)) => offset,
            None if line.chars().count() == column => line.len(),
            None => return None,
        };
        Some(line_start + within)
    }

    /// The first place at or after this one that is not blank. RON starts the span of
    /// a wrong value at the blank after the colon, not at the value.
    pub fn skip_blanks(self, text: &str) -> Position {
        let Some(offset) = self.offset_in(text) else {
            return self;
        };
        let rest = &text[offset..];
        let blanks = rest.len() - rest.trim_start().len();
        Self::of_offset(text, offset + blanks)
    }

    /// The position of the `nth` (0-based) occurrence of `needle` in `text`, if any.
    pub fn of_nth(text: &str, needle: &str, nth: usize) -> Option<Position> {
        let (offset, _) = text.match_indices(needle).nth(nth)?;
        Some(Self::of_offset(text, offset))
    }

    /// The position of the `nth` (0-based) value equal to `value` written after
    /// `field:`, e.g. the second `id: "I-1"`. Candidates are read back with RON, so a
    /// value written with escapes, as a raw string or in hex is found all the same.
    pub fn of_field<T>(text: &str, field: &str, value: &T, nth: usize) -> Option<Position>
    where
        T: DeserializeOwned + PartialEq,
    {
        Self::of_value_after(text, field, ':', value, nth)
    }

    /// The position of the `nth` (0-based) `variant(value)`, e.g. `Tag("kikan")`; it
    /// points at the variant's name.
    pub fn of_variant<T>(text: &str, variant: &str, value: &T, nth: usize) -> Option<Position>
    where
        T: DeserializeOwned + PartialEq,
    {
        let offset = Self::names_followed_by(text, variant, '(')
            .filter(|&(_, value_at)| read_back::<T>(&text[value_at..]).as_ref() == Some(value))
            .nth(nth)?
            .0;
        Some(Self::of_offset(text, offset))
    }

    fn of_value_after<T>(
        text: &str,
        name: &str,
        separator: char,
        value: &T,
        nth: usize,
    ) -> Option<Position>
    where
        T: DeserializeOwned + PartialEq,
    {
        let offset = Self::names_followed_by(text, name, separator)
            .map(|(_, value_at)| value_at)
            .filter(|&value_at| read_back::<T>(&text[value_at..]).as_ref() == Some(value))
            .nth(nth)?;
        Some(Self::of_offset(text, offset))
    }

    /// Byte offsets of `name` as a whole word followed by `separator`, and of what
    /// follows the separator and any blanks.
    fn names_followed_by<'a>(
        text: &'a str,
        name: &'a str,
        separator: char,
    ) -> impl Iterator<Item = (usize, usize)> + 'a {
        let is_word = |c: char| c.is_alphanumeric() || c == '_';
        text.match_indices(name).filter_map(move |(offset, _)| {
            if text[..offset].ends_with(is_word) {
                return None;
            }
            let rest = text[offset + name.len()..].trim_start();
            let rest = rest.strip_prefix(separator)?.trim_start();
            Some((offset, text.len() - rest.len()))
        })
    }
}

/// The value RON reads at the start of `text`, ignoring what follows it.
fn read_back<T: DeserializeOwned>(text: &str) -> Option<T> {
    let mut deserializer = ron::Deserializer::from_str(text).ok()?;
    T::deserialize(&mut deserializer).ok()
}

/// A problem in a file a person or kansa wrote, located for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub path: PathBuf,
    pub position: Option<Position>,
    pub problem: Problem,
}

/// What is wrong in a file: kept as data, so that the edge words it in the reader's
/// language (`i18n`'s `Describe`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    CannotRead(IoReason),
    NotUtf8,
    /// RON could not read the text (syntax, or a value of the wrong shape).
    Ron(ron::error::Error),
    ChecklistFormat {
        expected: u32,
        found: u32,
    },
    SessionFormat {
        expected: u32,
        found: u32,
    },
    EmptyScale,
    NoItems,
    EmptySymbol,
    DuplicateSymbol(String),
    DuplicateKey(char),
    /// A mark key that a screen binds to something else.
    ReservedKey(char),
    DuplicateArea(String),
    DuplicateItem(String),
    DuplicateDepartment(String),
    DuplicateShort(String),
    /// A condition names a tag no department has; `known` are the tags there are.
    UnknownTag {
        tag: String,
        known: Vec<String>,
    },
    /// A rule of points, bands, answer fields, severities or conditions, broken.
    Rule(Rule),
    // A journal line the session refuses: it names what the session does not have.
    UnknownDepartment(String),
    UnknownItem(String),
    UnknownMark(String),
    /// A journal line the session refuses for another reason.
    Refused(Refusal),
}

/// An operating-system error as data: `io::Error` can be neither cloned nor compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IoReason {
    pub kind: io::ErrorKind,
    /// The system's own words, e.g. "No such file or directory (os error 2)".
    pub detail: String,
}

impl From<&io::Error> for IoReason {
    fn from(error: &io::Error) -> Self {
        IoReason {
            kind: error.kind(),
            detail: error.to_string(),
        }
    }
}

impl FileError {
    pub fn new(path: &Path, position: Option<Position>, problem: Problem) -> Self {
        FileError {
            path: path.to_path_buf(),
            position,
            problem,
        }
    }

    /// The file could not be read at all: there is no place in it to point at.
    pub fn cannot_read(path: &Path, error: &io::Error) -> Self {
        Self::new(path, None, Problem::CannotRead(error.into()))
    }

    /// The same error found in a part of the file that starts after `lines` lines.
    pub fn moved_down(mut self, lines: usize) -> Self {
        if let Some(position) = &mut self.position {
            position.line += lines;
        }
        self
    }

    /// Turns a RON error in parsing `text` into a located error; `line_offset` is added
    /// when `text` does not start on line 1 of the file.
    pub fn from_ron(
        path: &Path,
        error: &ron::error::SpannedError,
        text: &str,
        line_offset: usize,
    ) -> Self {
        let start = Position {
            line: error.span.start.line,
            column: error.span.start.col,
        }
        .skip_blanks(text);
        let position = Position {
            line: start.line + line_offset,
            column: start.column,
        };
        FileError::new(path, Some(position), Problem::Ron(error.code.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Describe;

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let text = "ab\n監査x\n";
        assert_eq!(
            Position::of_offset(text, 0),
            Position { line: 1, column: 1 }
        );
        let x = text.find('x').unwrap();
        assert_eq!(
            Position::of_offset(text, x),
            Position { line: 2, column: 3 }
        );
        assert_eq!(
            Position::of_nth(text, "x", 0),
            Some(Position { line: 2, column: 3 })
        );
        assert_eq!(Position::of_nth(text, "x", 1), None);
        assert_eq!(Position { line: 2, column: 3 }.offset_in(text), Some(x));
        assert_eq!(
            Position { line: 3, column: 1 }.offset_in(text),
            Some(text.len())
        );
        assert_eq!(Position { line: 2, column: 5 }.offset_in(text), None);
        assert_eq!(Position { line: 4, column: 1 }.offset_in(text), None);
        assert_eq!(Position { line: 0, column: 1 }.offset_in(text), None);
        let ron = "(id: \"a\", text: \"a\", items: [(id:\"a\")])";
        let a = "a".to_string();
        assert_eq!(
            Position::of_field(ron, "id", &a, 1),
            Some(Position {
                line: 1,
                column: 34
            })
        );
        assert_eq!(
            Position::of_field(ron, "text", &a, 0),
            Some(Position {
                line: 1,
                column: 17
            })
        );
    }

    #[test]
    fn ron_errors_point_at_the_value_not_the_blank_before_it() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Mark {
            label: String,
            key: char,
        }
        let text = "(\n  label: \"適正\",\n  key:   2,\n)";
        let error = ron::from_str::<Mark>(text).unwrap_err();
        let error = FileError::from_ron(Path::new("m.ron"), &error, text, 10);
        assert_eq!(
            error.position,
            Some(Position {
                line: 13,
                column: 10
            })
        );
    }

    #[test]
    fn every_problem_has_words_in_both_languages_at_the_same_place() {
        use crate::i18n::Lang;
        let missing = io::Error::from(io::ErrorKind::NotFound);
        let problems = [
            Problem::CannotRead((&missing).into()),
            Problem::NotUtf8,
            Problem::Ron(ron::error::Error::Eof),
            Problem::ChecklistFormat {
                expected: 1,
                found: 2,
            },
            Problem::SessionFormat {
                expected: 1,
                found: 2,
            },
            Problem::EmptyScale,
            Problem::NoItems,
            Problem::EmptySymbol,
            Problem::DuplicateSymbol("○".into()),
            Problem::DuplicateKey('1'),
            Problem::ReservedKey('q'),
            Problem::DuplicateArea("I".into()),
            Problem::DuplicateItem("I-1".into()),
            Problem::DuplicateDepartment("保育課".into()),
            Problem::DuplicateShort("保育".into()),
            Problem::UnknownTag {
                tag: "x".into(),
                known: vec!["a".into(), "b".into()],
            },
            Problem::UnknownDepartment("総務".into()),
            Problem::UnknownItem("X-1".into()),
            Problem::UnknownMark("◎".into()),
        ];
        let at = Some(Position { line: 3, column: 5 });
        for problem in problems {
            let english = problem.localized(Lang::En);
            let japanese = problem.localized(Lang::Ja);
            assert_eq!(english, problem.to_string());
            assert_ne!(japanese, english, "{problem:?}");
            assert!(
                !japanese.is_empty() && !japanese.contains('\n'),
                "{japanese}"
            );
            let error = FileError::new(Path::new("c.ron"), at, problem);
            assert_eq!(error.localized(Lang::Ja), format!("c.ron:3:5: {japanese}"));
            assert_eq!(error.to_string(), format!("c.ron:3:5: {english}"));
        }
    }

    #[test]
    fn values_are_found_however_they_are_written() {
        let ron = "(id: \"x\", tag: Tag(\"a\\nb\"), id: r#\"a\nb\"#, n: 0x10, key:\n  'q')";
        let ab = "a\nb".to_string();
        let at = |line, column| Some(Position { line, column });
        assert_eq!(Position::of_field(ron, "id", &ab, 0), at(1, 33));
        assert_eq!(Position::of_variant(ron, "Tag", &ab, 0), at(1, 16));
        assert_eq!(Position::of_field(ron, "n", &16u32, 0), at(2, 9));
        assert_eq!(Position::of_field(ron, "key", &'q', 0), at(3, 3));
        assert_eq!(Position::of_field(ron, "id", &"y".to_string(), 0), None);
        assert_eq!(Position::of_field(ron, "d", &"x".to_string(), 0), None);
    }
}
