//! `kansa show`: the matrix printed as text, in each marks display.

use crate::common::{kansa_in, run, stderr, stdout};

/// Runs kansa on `data` with `args`: whether it succeeded, its stdout and stderr.
fn kansa(data: &std::path::Path, args: &[&str]) -> (bool, String, String) {
    let output = run(kansa_in(data).args(args));
    (output.status.success(), stdout(&output), stderr(&output))
}

#[test]
fn show_prints_the_matrix_with_counts_in_each_display() {
    let data = tempfile::tempdir().unwrap();
    let (ok, id, _) = kansa(data.path(), &["new", "--title", "上半期"]);
    assert!(ok);
    let id = id.trim();
    let (ok, narrow, stderr) = kansa(data.path(), &["show", id]);
    assert!(ok, "{stderr}");
    let header = narrow.lines().next().unwrap();
    for short in ["秘書", "防災", "管財", "福祉総務", "保育", "障がい"] {
        assert!(header.contains(short), "{header}");
    }
    let iv1 = narrow.lines().find(|l| l.starts_with("IV-1 ")).unwrap();
    assert_eq!(
        iv1.matches('-').count(),
        3,
        "IV-1 is not applicable to 秘書 and 防災: {iv1}"
    );
    assert!(
        narrow
            .lines()
            .any(|l| l.starts_with('%') && l.contains("42%")),
        "秘書 starts 12/28:\n{narrow}"
    );

    let (_, ascii, _) = kansa(data.path(), &["--marks", "ascii", "show", id]);
    assert!(
        ascii.lines().next().unwrap().contains(" o ") && !ascii.contains('○'),
        "{ascii}"
    );
    let (_, wide, _) = kansa(data.path(), &["--marks", "wide", "show", id]);
    let bar = |text: &str| -> Vec<usize> {
        text.lines()
            .filter_map(|l| {
                l.find('|')
                    .map(|i| kansa::marks::MarksDisplay::Wide.width(&l[..i]))
            })
            .collect()
    };
    let bars = bar(&wide);
    assert!(
        bars.windows(2).all(|w| w[0] == w[1]),
        "wide rows line up:\n{wide}"
    );
}

#[test]
fn show_of_an_unknown_session_fails_in_one_line() {
    let data = tempfile::tempdir().unwrap();
    let (ok, _, stderr) = kansa(data.path(), &["show", "nope"]);
    assert!(!ok);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("nope"));
}

#[test]
fn show_names_the_audit_and_labels_its_total_rows() {
    let data = tempfile::tempdir().unwrap();
    let (ok, id, _) = kansa(
        data.path(),
        &[
            "new",
            "--title",
            "令和6年度（上半期）情報セキュリティ内部監査",
        ],
    );
    assert!(ok);
    let (ok, text, stderr) = kansa(data.path(), &["--lang", "ja", "show", id.trim()]);
    assert!(ok, "{stderr}");
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with("令和6年度（上半期）情報セキュリティ"),
        "{first}"
    );
    assert!(first.contains("秘書") && first.contains('|'), "{first}");
    let last: Vec<&str> = text.lines().rev().take(2).collect();
    assert!(last[1].starts_with("· 未回答 "), "{text}");
    assert!(last[0].starts_with("% 回答率 "), "{text}");
    let (_, english, _) = kansa(data.path(), &["--lang", "en", "show", id.trim()]);
    assert!(english.lines().any(|l| l.starts_with("% answered ")));
}
