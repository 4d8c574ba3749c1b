//! Issue 22, point 4: bands declared as raw points, as some published self-diagnoses
//! print them, besides the default percent of the maximum. `validate` checks both, the
//! spreadsheet layout carries the unit both ways, and the documents read a score
//! against the bands as declared. The checklist is this file's own: five items of 2
//! points, a 該当なし mark, bands over 0–10 points.

use std::path::{Path, PathBuf};
use std::process::Command;

use kansa::checklist::{BandUnit, Checklist};
use kansa::export::{self, Format, Report};
use kansa::i18n::Lang;
use kansa::session::{AuditFacts, Event, Session};

use crate::common::run;

const RAW_POINTS: &str = r#"(
    format: 1,
    id: "raw-points",
    title: "点数で区分する自己診断",
    scale: [
        (symbol: "はい", ascii: "Y", label: "できている", key: '1', meaning: Compliant, points: 2),
        (symbol: "いいえ", ascii: "N", label: "できていない", key: '2', meaning: NeedsImprovement, points: 0),
        (symbol: "-", ascii: "-", label: "該当なし", key: '0', meaning: NotApplicable),
    ],
    areas: [
        (id: "A", title: "基本", items: [
            (id: "A-1", text: "更新を適用している。"),
            (id: "A-2", text: "パスワードを共有していない。"),
            (id: "A-3", text: "画面をロックしている。"),
            (id: "A-4", text: "持出しを記録している。"),
            (id: "A-5", text: "窓口の画面が見えない。"),
        ]),
    ],
    departments: [(name: "総務課", short: "総務"), (name: "市民課", short: "市民")],
    band_unit: Points,
    bands: [
        (from: 8, label: "良好", advice: "この水準を保つ。"),
        (from: 5, to: 7, label: "要注意", advice: "点の低い項目を見直す。"),
        (to: 4, label: "要改善", advice: "直ちに改善する。"),
    ],
)
"#;

fn kansa(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kansa"));
    command
        .env_remove("KANSA_DATA_DIR")
        .arg("--data-dir")
        .arg(dir.join("data"))
        .args(["--lang", "ja"]);
    command
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn validate(dir: &Path, file: &Path) -> (bool, String) {
    let output = run(kansa(dir).arg("validate").arg(file));
    let text = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.success(), text)
}

#[test]
fn bands_in_points_validate_and_out_of_reach_bands_are_refused_in_both_units() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "raw.ron", RAW_POINTS);
    let (ok, out) = validate(dir.path(), &good);
    assert!(ok, "{out}");
    // Five items of 2 points: no department can reach 12 points.
    let high = RAW_POINTS.replace("(from: 8, label", "(from: 12, label");
    let high = write(dir.path(), "high.ron", &high);
    let (ok, out) = validate(dir.path(), &high);
    assert!(!ok, "{out}");
    assert!(
        out.contains("得点区分「良好」の下限 12 は、どの部署も届かない値です（最高は10点）"),
        "{out}"
    );
    assert!(out.contains("high.ron:"), "located: {out}");
    // Read as percent, 12 is within reach, but 120 is not.
    let percent = RAW_POINTS
        .replace("    band_unit: Points,\n", "")
        .replace("(from: 8, label", "(from: 120, label")
        .replace("(from: 5, to: 7,", "(from: 5, to: 119,");
    let percent = write(dir.path(), "percent.ron", &percent);
    let (ok, out) = validate(dir.path(), &percent);
    assert!(!ok, "{out}");
    assert!(out.contains("（最高は100%）"), "{out}");
}

/// 総務課 answers three items はい, one いいえ, one 該当なし: 6 points of 8, 75 percent.
/// Read against points that is 要注意 (5–7); read as percent it would be 良好 (8 and
/// above), so the documents show which reading the checklist declared.
#[test]
fn a_score_is_read_against_the_bands_as_declared() {
    let dir = tempfile::tempdir().unwrap();
    let checklist = Checklist::load(&write(dir.path(), "raw.ron", RAW_POINTS)).unwrap();
    assert_eq!(checklist.band_unit, BandUnit::Points);
    let now = chrono::DateTime::parse_from_rfc3339("2024-09-27T10:00:00+09:00").unwrap();
    let departments = checklist.departments.clone();
    let facts = AuditFacts {
        title: "診断".into(),
        ..AuditFacts::default()
    };
    let mut session = Session::new("t".into(), checklist, departments, facts, now);
    for (item, mark) in [
        ("A-1", "はい"),
        ("A-2", "はい"),
        ("A-3", "はい"),
        ("A-4", "いいえ"),
        ("A-5", "-"),
    ] {
        let change = session.set_mark("総務", item, Some(mark)).unwrap();
        let by = "監査 太郎";
        session.apply(Event::at(now, by, change)).unwrap();
    }
    let report = export::write(&session, Report::Departments, Format::Md, Lang::Ja).unwrap();
    let report = String::from_utf8(report).unwrap();
    assert!(report.contains("| 点数 | 6点／8点（75%） |"), "{report}");
    assert!(report.contains("| 区分 | 要注意 |"), "{report}");
    assert!(
        report.contains("| 区分に応じた対応 | 点の低い項目を見直す。 |"),
        "{report}"
    );
}

/// The spreadsheet layout writes the unit on 概要 (得点区分の単位: 点) and reads it
/// back; a word it does not know is refused at its cell.
#[test]
fn the_band_unit_survives_the_spreadsheet_and_a_wrong_one_is_named_at_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let ron = write(dir.path(), "raw.ron", RAW_POINTS);
    let sheet = dir.path().join("raw.xlsx");
    let output = run(kansa(dir.path())
        .arg("export-checklist")
        .arg(&ron)
        .arg("-o")
        .arg(&sheet));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (imported, _) = kansa::sheet::read(&sheet).unwrap();
    assert_eq!(imported.band_unit, BandUnit::Points);
    assert_eq!(imported, Checklist::load(&ron).unwrap());
    let back = dir.path().join("back.ron");
    let output = run(kansa(dir.path())
        .args(["import", "checklist"])
        .arg(&sheet)
        .arg("-o")
        .arg(&back));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let written = std::fs::read_to_string(&back).unwrap();
    assert!(written.contains("band_unit: Points,"), "{written}");

    let csv = dir.path().join("raw.csv");
    let output = run(kansa(dir.path())
        .arg("export-checklist")
        .arg(&ron)
        .arg("-o")
        .arg(&csv));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.contains("得点区分の単位,点"), "{text}");
    let wrong = write(
        dir.path(),
        "wrong.csv",
        &text.replace("得点区分の単位,点", "得点区分の単位,割合"),
    );
    let output = run(kansa(dir.path())
        .args(["import", "checklist"])
        .arg(&wrong)
        .arg("-o")
        .arg(dir.path().join("x.ron")));
    assert!(!output.status.success());
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("wrong.csv:") && err.contains("割合"), "{err}");
}
