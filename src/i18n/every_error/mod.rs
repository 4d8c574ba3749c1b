//! Every error and refusal a user can meet, built variant by variant and put in words
//! in both languages. The Japanese may hold no English word but ids, paths, key names,
//! command-line options, format names and the values the variant carries; the English
//! no Japanese but the values it carries and the names of the spreadsheet layout
//! (which are Japanese in every language). Each builder matches its enum without a
//! wildcard and checks that every arm was built, so a new variant does not compile —
//! and then does not pass — until it is here.

mod edge;
mod files;
mod values;

use super::{Describe, Lang, Messages};
use crate::cli::CliError;
use crate::export::ExportError;
use crate::facts::FactField;
use crate::sheet::SheetError;
use crate::signoff::MalformedDigest;
use crate::wareki::{self, DateError};
use edge::{
    cli_errors, evidence_errors, export_errors, merge_errors, open_errors, reasons, record_errors,
    store_errors,
};
use files::{dates, file_error, problems, sheet_error, sheet_problems};
use values::V;

/// Every error and refusal of the language under test, worded: what it is, its words,
/// and the text of any library error it carries as it is.
fn worded(lang: Lang) -> Vec<(String, String, Vec<String>)> {
    let v = V(lang);
    let m = lang.messages();
    let mut out = Vec::new();
    // Paths are the reader's own: not words of either language.
    let path = v.path().display().to_string();
    let mut add = |what: String, text: String, mut carried: Vec<String>| {
        carried.push(path.clone());
        out.push((what, text, carried));
    };
    fn each<T: Describe + std::fmt::Debug>(
        m: &Messages,
        all: Vec<T>,
        add: &mut dyn FnMut(String, String, Vec<String>),
        carried: impl Fn(&T) -> Vec<String>,
    ) {
        for e in all {
            add(format!("{e:?}"), e.describe(m), carried(&e));
        }
    }
    each(m, problems(v), &mut add, none);
    each(m, vec![file_error(v)], &mut add, none);
    each(m, dates(), &mut add, date_values);
    each(m, store_errors(v), &mut add, none);
    each(m, record_errors(v), &mut add, none);
    let sheets: Vec<SheetError> = sheet_problems(v)
        .into_iter()
        .map(|p| sheet_error(v, p))
        .collect();
    each(m, sheets, &mut add, none);
    each(m, export_errors(), &mut add, library_text);
    each(m, merge_errors(v), &mut add, none);
    each(m, vec![MalformedDigest("zz".into())], &mut add, |e| {
        vec![e.0.clone()]
    });
    each(m, open_errors(v), &mut add, none);
    each(m, evidence_errors(v), &mut add, |e| match e {
        crate::store::EvidenceError::ForbiddenName { name, .. } => vec![name.clone()],
        _ => Vec::new(),
    });
    each(m, cli_errors(v), &mut add, |e| match e {
        CliError::Csv(e) => vec![e.to_string()],
        CliError::DigestDiffers { given, digest } => vec![given.clone(), digest.clone()],
        CliError::MalformedDigest(e) => vec![e.0.clone()],
        _ => Vec::new(),
    });
    for reason in reasons(v) {
        add(
            format!("{reason:?}"),
            (m.review.reason)(&reason),
            Vec::new(),
        );
    }
    out
}

/// The dates a date error names, and the forms of a date it offers as examples.
fn date_values(error: &DateError) -> Vec<String> {
    let mut values = vec!["令和6年9月27日".to_string(), "明治6年1月1日".to_string()];
    match error {
        DateError::OutsideEra(date) | DateError::BeforeGregorian(date) => {
            let era = date.era;
            values.push(date.to_string());
            values.push(era.name().to_string());
            values.push(wareki::format(era.first_day().max(wareki::FIRST_SUPPORTED)));
            values.extend(era.last_day().map(wareki::format));
        }
        DateError::WeekdayMismatch {
            date,
            written,
            actual,
        } => {
            values.push(wareki::format(*date));
            values.push(format!("{written}曜日"));
            values.push(format!("{actual}曜日"));
        }
        DateError::Empty | DateError::Unrecognised(_) | DateError::NoSuchDay(_) => {}
    }
    values
}

fn none<T>(_: &T) -> Vec<String> {
    Vec::new()
}

fn library_text(error: &ExportError) -> Vec<String> {
    match error {
        ExportError::Csv(e) => vec![e.to_string()],
        ExportError::Xlsx(e) => vec![e.to_string()],
        ExportError::Docx(e) => vec![e.clone()],
        ExportError::Unsupported { .. } => Vec::new(),
    }
}

/// ASCII that a Japanese message may hold: format names, key names of the files
/// kansa reads, command names, and the forms a date or a key is typed in.
const ALLOWED_IN_JAPANESE: &[&str] = &[
    // Formats, encodings and the program that opens them.
    "XLSX",
    "xlsx",
    "CSV",
    "csv",
    "DOCX",
    "html",
    "md",
    "RON",
    "UTF",
    "ASCII",
    "Excel",
    "Windows",
    // Units: the per-file limit of evidence.
    "MB",
    // Commands and their arguments: kansa resolve, kansa merge ID FILE, --report matrix.
    "kansa",
    "reopen",
    "resolve",
    "restore",
    "merge",
    "new",
    "FILE",
    "matrix",
    "summary",
    "answers",
    "selfcheck",
    "evidence",
    // Key names of a checklist file, and ids.
    "format",
    "scale",
    "symbol",
    "id",
    "ID",
];

/// The English words of `text` a Japanese reader would meet: runs of two or more ASCII
/// letters, but options (`--report`) and names in backquotes.
fn english_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut quoted = false;
    let mut word = String::new();
    let mut option = false;
    let mut previous = ' ';
    for c in text.chars().chain([' ']) {
        if c == '`' {
            quoted = !quoted;
        }
        if c.is_ascii_alphabetic() {
            if word.is_empty() {
                option = previous == '-';
            }
            word.push(c);
        } else if !word.is_empty() {
            let allowed = ALLOWED_IN_JAPANESE.contains(&word.as_str());
            if word.len() > 1 && !quoted && !option && !allowed {
                words.push(word.clone());
            }
            word.clear();
        }
        previous = c;
    }
    words
}

/// The names of the spreadsheet layouts (sheets, columns, rows), the same in every
/// language, and of the sections of the committee's forms that the English words
/// name beside their translation ("no 所見 (observation)").
fn names() -> Vec<&'static str> {
    use crate::selfcheck::workbook::COLUMNS;
    use crate::sheet::layout::*;
    let mut names = vec![ABOUT, ITEMS, SCALE, ROSTER, BANDS, FIELDS, HELP];
    names.extend([ABOUT_ID, ABOUT_TITLE, ABOUT_FACTS]);
    let columns = [
        ABOUT_COLUMNS,
        ITEM_COLUMNS,
        SCALE_COLUMNS,
        ROSTER_COLUMNS,
        BAND_COLUMNS,
        FIELD_COLUMNS,
    ];
    names.extend(columns.iter().flat_map(|c| c.iter().map(|(name, _)| *name)));
    names.extend(COLUMNS);
    names.extend(["所見", "指摘事項", "実施報告書"]);
    names.extend(FactField::ALL.map(super::ja_common::ja_fact));
    // The brackets that set a conflict's values apart, in every language.
    names.extend(["「", "」"]);
    // Longest first, so that 項目ID goes before 項目.
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names
}

/// Japanese in an English message: kana, kanji and full-width punctuation, but the
/// names the layouts and forms use in every language.
fn japanese_in(text: &str) -> Vec<char> {
    let mut text = text.to_string();
    for name in names() {
        text = text.replace(name, "");
    }
    text.chars()
        .filter(|&c| matches!(c, '\u{3000}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}'))
        .collect()
}

/// `text` without the values it carries, the longest first (a date before its era).
fn without(text: &str, carried: &[String]) -> String {
    let mut carried = carried.to_vec();
    carried.sort_by_key(|v| std::cmp::Reverse(v.chars().count()));
    carried.iter().fold(text.to_string(), |text, value| {
        text.replace(value.as_str(), "")
    })
}

#[test]
fn every_error_reads_in_japanese_without_english_words() {
    let mut wrong = Vec::new();
    for (what, text, carried) in worded(Lang::Ja) {
        let words = english_words(&without(&text, &carried));
        if !words.is_empty() {
            wrong.push(format!("{what}\n  {text}\n  English: {words:?}"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn every_error_reads_in_english_without_japanese() {
    let mut wrong = Vec::new();
    for (what, text, carried) in worded(Lang::En) {
        let japanese = japanese_in(&without(&text, &carried));
        if !japanese.is_empty() {
            wrong.push(format!("{what}\n  {text}\n  Japanese: {japanese:?}"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn every_error_is_one_line_and_differs_between_the_languages() {
    let (ja, en) = (worded(Lang::Ja), worded(Lang::En));
    assert_eq!(ja.len(), en.len());
    for ((what, japanese, _), (_, english, _)) in ja.iter().zip(&en) {
        assert!(!japanese.is_empty() && !japanese.contains('\n'), "{what}");
        assert!(!english.is_empty() && !english.contains('\n'), "{what}");
        assert_ne!(japanese, english, "{what}");
    }
}
