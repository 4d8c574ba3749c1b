//! The tables' own checks: the locale, templates, RON and system errors in Japanese.

use super::*;

/// RON errors of the kinds people make by hand, from real parse failures.
fn common_ron_errors() -> Vec<ron::error::Error> {
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Mark {
        label: String,
        key: char,
        count: u32,
        meaning: Meaning,
    }
    #[derive(Debug, serde::Deserialize)]
    enum Meaning {
        Compliant,
    }
    let texts = [
        "(label: \"a\", key: 'a', count: 1",
        "(label: \"a\", key: 'a', count: 1, meaning: Compliant) x",
        "(label: \"a\", key: 'a', count: 1, meaning: Compliant, extra: 1)",
        "(label: \"a\", key: 'a', meaning: Compliant)",
        "(label: \"a\", label: \"b\", key: 'a', count: 1, meaning: Compliant)",
        "(label: 1, key: 'a', count: 1, meaning: Compliant)",
        "(label: \"a\", key: 1, count: 1, meaning: Compliant)",
        "(label: \"a\", key: 'a', count: \"1\", meaning: Compliant)",
        "(label: \"a\", key: 'a', count: 99999999999, meaning: Compliant)",
        "(label: \"a\", key: 'a', count: 1, meaning: Other)",
        "(label: \"a\" key: 'a', count: 1, meaning: Compliant)",
        "(label: \"a, key: 'a', count: 1, meaning: Compliant)",
        "[label: \"a\"]",
        "(label: \"a\", key: 'a', count: 1, meaning: Compliant, /* open",
        "(label: \"a\", key: 'a', count: 1, meaning: Compliant, @)",
        "(label: \"a\", key: 'a', count: 1, meaning: ",
    ];
    texts
        .iter()
        .map(|text| match ron::from_str::<Mark>(text) {
            Ok(mark) => panic!("{text} parsed as {mark:?}"),
            Err(e) => e.code,
        })
        .collect()
}

#[test]
fn common_ron_errors_read_in_japanese_and_unchanged_in_english() {
    for error in common_ron_errors() {
        let japanese = (MESSAGES_JA.ron)(&error);
        assert!(
            japanese.chars().any(|c| c > '\u{3000}'),
            "{error:?} is not translated: {japanese}"
        );
        assert_eq!((MESSAGES_EN.ron)(&error), error.to_string());
    }
}

#[test]
fn names_from_files_stay_on_one_line_in_japanese() {
    let message = (MESSAGES_JA.duplicate_item)("I-1\nI-2");
    assert_eq!(message, "監査項目の id「I-1\\nI-2」が重複しています");
    assert_eq!(
        (MESSAGES_JA.duplicate_key)('\t'),
        "評価のキー「\\t」が重複しています"
    );
}

#[test]
fn common_io_errors_read_in_japanese_and_others_keep_the_systems_words() {
    let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
    let odd = std::io::Error::other("something odd");
    assert_eq!(
        (MESSAGES_JA.io)(full.kind(), &full.to_string()),
        "ディスクに空きがありません"
    );
    assert_eq!(
        (MESSAGES_JA.io)(odd.kind(), "something odd"),
        "something odd"
    );
    assert_eq!((MESSAGES_EN.io)(full.kind(), "disk full"), "disk full");
}

#[test]
fn templates_fill_their_arguments() {
    assert_eq!((EN.too_small)(40, 12, 30, 10).matches("×").count(), 2);
    assert!((JA.save_failed)("ディスクが一杯", 3).contains("3 件"));
}
