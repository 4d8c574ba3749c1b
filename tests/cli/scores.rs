//! The new checklists through the binary: `validate` passes on every bundled checklist,
//! `show` prints each department's score and band on a scale with points (and nothing
//! more on the seed's), and `export --report answers` carries the answer fields.

use std::path::Path;
use std::process::{Command, Output};

use kansa::store::Store;

fn kansa(data: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kansa"));
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("KANSA_DATA_DIR")
        .arg("--data-dir")
        .arg(data)
        .args(["--lang", "ja"]);
    command
}

fn ok(output: Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn new_session(data: &Path, checklist: &str) -> String {
    let out = ok(kansa(data)
        .args(["new", "--title", "診断", "--checklist", checklist])
        .output()
        .unwrap());
    out.trim().to_string()
}

#[test]
fn every_bundled_checklist_validates() {
    let data = tempfile::tempdir().unwrap();
    for name in [
        "ryugasaki-2024-h1.ron",
        "self-diagnosis-points.ron",
        "isms-severity.ron",
        "internal-audit-no-na.ron",
        "quick-check-raw-points.ron",
    ] {
        let out = ok(kansa(data.path())
            .arg("validate")
            .arg(Path::new("checklists").join(name))
            .output()
            .unwrap());
        assert!(out.contains(": 問題ありません"), "{out}");
    }
}

#[test]
fn show_prints_scores_and_bands_on_a_points_scale() {
    let data = tempfile::tempdir().unwrap();
    let id = new_session(data.path(), "checklists/self-diagnosis-points.ron");
    let store = Store::open(data.path()).unwrap();
    let mut writer = store.open_writer(&id, "監査 太郎").unwrap();
    let items: Vec<String> = writer
        .session()
        .checklist
        .items()
        .map(|(_, i)| i.id.clone())
        .collect();
    for item in &items {
        let change = writer.session().set_mark("市民", item, Some("○")).unwrap();
        writer.record(change).unwrap();
    }
    let change = writer.session().set_mark("総務", "A-1", Some("△")).unwrap();
    writer.record(change).unwrap();
    drop(writer);

    let out = ok(kansa(data.path()).args(["show", &id]).output().unwrap());
    let line = |short: &str| {
        out.lines()
            .find(|l| l.starts_with(short) && l.contains('/'))
            .unwrap_or_else(|| panic!("{short}:\n{out}"))
            .to_string()
    };
    assert!(out.contains("\n点数\n"), "{out}");
    let citizens = line("市民");
    assert!(
        citizens.contains("100/100 100% 基本の対策はできている"),
        "{citizens}"
    );
    assert!(!citizens.contains("暫定"), "{citizens}");
    let general = line("総務");
    // B-13 is not for 総務: 24 items, 96 points at most; 23 unanswered.
    assert!(general.contains("2/96 2% 早急な改善が必要"), "{general}");
    assert!(general.contains("未回答 23 項目"), "{general}");
    let average = out
        .lines()
        .find(|l| l.starts_with("平均"))
        .unwrap_or_default();
    assert!(average.contains("51.0 51.0% 対策が足りない"), "{average}");

    // The seed's scale has no points: show prints the matrix alone, as before.
    let seed = new_session(data.path(), "checklists/ryugasaki-2024-h1.ron");
    let out = ok(kansa(data.path()).args(["show", &seed]).output().unwrap());
    assert!(!out.contains("点数") && !out.contains("平均"), "{out}");
    assert!(
        out.trim_end().lines().last().unwrap().starts_with('%'),
        "{out}"
    );
}

#[test]
fn the_answers_csv_carries_meanings_points_and_answer_fields() {
    let data = tempfile::tempdir().unwrap();
    let id = new_session(data.path(), "checklists/isms-severity.ron");
    let store = Store::open(data.path()).unwrap();
    let mut writer = store.open_writer(&id, "監査 太郎").unwrap();
    let s = writer.session();
    let changes = [
        s.set_mark("総務", "A-3", Some("軽")).unwrap(),
        s.set_field("総務", "A-3", "deadline", Some("2025-03-31"))
            .unwrap(),
        s.set_field("総務", "A-3", "owner", Some("総務 次郎"))
            .unwrap(),
        s.set_note("総務", "A-3", "是正報告が未提出").unwrap(),
    ];
    for change in changes {
        writer.record(change).unwrap();
    }
    drop(writer);
    let out = ok(kansa(data.path())
        .args([
            "export", &id, "--format", "csv", "--report", "answers", "-o", "-",
        ])
        .output()
        .unwrap());
    let mut lines = out.lines();
    let header = lines.next().unwrap();
    assert_eq!(
        header,
        "\u{feff}department,area,item,text,mark,label,meaning,points,note,確認日,是正期限,是正担当者"
    );
    let row = out.lines().find(|l| l.starts_with("総務,A,A-3,")).unwrap();
    assert!(
        row.ends_with(",軽,軽微な不適合,NeedsImprovement,,是正報告が未提出,,2025-03-31,総務 次郎"),
        "{row}"
    );
    assert_eq!(out.lines().count(), 1 + 5 * 14, "every department and item");
}

/// Issue 22, point 1: a scale without a mark meaning 該当なし keeps applicability: the
/// cells outside an item's departments or conditions start as 対象外, count as not
/// applicable, and `validate` says how they will be shown.
#[test]
fn a_scale_without_not_applicable_keeps_applicability() {
    let data = tempfile::tempdir().unwrap();
    let file = "checklists/internal-audit-no-na.ron";
    let out = ok(kansa(data.path())
        .args(["validate", file])
        .output()
        .unwrap());
    assert!(out.contains(": 問題ありません"), "{out}");
    assert!(out.contains("「－」対象外"), "{out}");
    let id = new_session(data.path(), file);
    let store = Store::open(data.path()).unwrap();
    let writer = store.open_writer(&id, "監査 太郎").unwrap();
    let session = writer.session();
    let symbol = |department: &str, item: &str| {
        session
            .answer(department, item)
            .and_then(|a| a.mark.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        symbol("総務", "P-2"),
        "－",
        "P-2 lists 市民課 and 税務課 only"
    );
    assert_eq!(symbol("福祉", "P-3"), "－", "P-3 needs the own-system tag");
    assert_eq!(symbol("市民", "P-2"), "");
    assert_eq!(symbol("市民", "P-3"), "");
    let meaning = session.checklist.mark("－").map(|m| m.meaning);
    assert_eq!(meaning, Some(kansa::checklist::Meaning::NotApplicable));
    // 4 departments × 4 items, 総務 and 福祉 outside P-2, 総務 and 福祉 outside P-3.
    assert_eq!(session.answered_count(), 4);
}

/// Issue 22, point 4 (in part): validate refuses bands that leave scores in no band,
/// in Japanese, at the band.
#[test]
fn validate_refuses_a_gap_between_bands() {
    let data = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("checklists/self-diagnosis-points.ron").unwrap();
    let gapped = text.replace("(from: 50, to: 69,", "(from: 50, to: 59,");
    assert_ne!(text, gapped);
    let file = data.path().join("gapped.ron");
    std::fs::write(&file, gapped).unwrap();
    let output = kansa(data.path())
        .arg("validate")
        .arg(&file)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("（60〜69）がどの区分にも入りません"), "{err}");
}
