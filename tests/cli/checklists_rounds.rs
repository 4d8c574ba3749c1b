//! A round of several checklists over time and out to the departments (issue 24):
//! `new --from` carries each checklist's earlier answers as "previous", `diff` of two
//! such rounds names the second checklist's cells, and the self-check workbook has a
//! sheet per checklist that applies to a department, read back as its own answers.

use kansa::store::Store;

use crate::common::{hand_part, kansa_at, kansa_in, round_of_two, run, stderr, stdout};

/// Records `symbol` and `note` for `item` (qualified for another checklist).
fn answer(data: &std::path::Path, id: &str, department: &str, item: &str, answer: (&str, &str)) {
    let store = Store::open(data).unwrap();
    let mut writer = store.open_writer(id, "田中 一郎").unwrap();
    let session = writer.session().clone();
    let mark = session.set_mark(department, item, Some(answer.0)).unwrap();
    writer.record(mark).unwrap();
    if !answer.1.is_empty() {
        let note = writer
            .session()
            .set_note(department, item, answer.1)
            .unwrap();
        writer.record(note).unwrap();
    }
    writer.close().unwrap();
}

fn next_round(data: &std::path::Path, id: &str) -> String {
    let (ok, next, err) = kansa_at(data, &["new", "--from", id, "--title", "下半期"]);
    assert!(ok, "{err}");
    next.trim().to_string()
}

#[test]
fn a_round_from_a_round_of_two_checklists_keeps_each_ones_answers_as_previous() {
    let data = tempfile::tempdir().unwrap();
    let id = round_of_two(data.path(), "checklists/tokutei-kojin-joho.ron");
    answer(
        data.path(),
        &id,
        "保育",
        "tokutei-kojin-joho::T2-1",
        ("×", "研修記録なし"),
    );
    answer(data.path(), &id, "保育", "I-1", ("○", ""));
    let next = next_round(data.path(), &id);
    let session = Store::open(data.path()).unwrap().load(&next).unwrap();
    // No mark is copied, in either checklist.
    let hearing = session.hearing("保育").unwrap();
    assert_eq!(hearing.mark("tokutei-kojin-joho::T2-1"), None);
    assert_eq!(hearing.mark("I-1"), None);
    let main = session.previous.as_ref().unwrap();
    assert_eq!(
        main.mark_of("保育", "I-1").map(|m| &m.symbol[..]),
        Some("○")
    );
    assert!(
        main.answer("保育", "T2-1").is_none(),
        "apart from the main one's"
    );
    // Seen through the second checklist: its own earlier answer, by its own item id.
    let view = session.view(1).unwrap();
    let previous = view.previous.as_ref().expect("the second checklist's");
    let t21 = previous.mark_of("保育", "T2-1").unwrap();
    assert_eq!((&t21.symbol[..], &t21.label[..]), ("×", "実施していない"));
    assert_eq!(
        previous.answer("保育", "T2-1").unwrap().note,
        "研修記録なし"
    );
    assert!(previous.answer("保育", "I-1").is_none());
    assert!(!previous.answers.contains_key("秘書"), "not for 秘書課");
    // The main checklist's view keeps none of the other's.
    assert!(session.view(0).unwrap().previous.unwrap().others.is_empty());

    // The comparison with last round, of the second checklist.
    mark_now(data.path(), &next, "保育", "tokutei-kojin-joho::T2-1", "○");
    let output = run(kansa_in(data.path())
        .args(["--lang", "ja", "export", &next, "--report", "compare"])
        .args([
            "--checklist",
            "tokutei-kojin-joho",
            "--format",
            "csv",
            "-o",
            "-",
        ]));
    assert!(output.status.success(), "{}", stderr(&output));
    let compare = stdout(&output);
    let row = compare
        .lines()
        .find(|l| l.starts_with("保育,T2,T2-1"))
        .unwrap();
    assert!(row.contains('×') && row.contains('○'), "{row}");
}

fn mark_now(data: &std::path::Path, id: &str, department: &str, item: &str, symbol: &str) {
    answer(data, id, department, item, (symbol, ""));
}

#[test]
fn a_second_checklist_of_another_scale_keeps_its_own_scale_as_previous() {
    let data = tempfile::tempdir().unwrap();
    let id = round_of_two(data.path(), "checklists/isms-severity.ron");
    answer(
        data.path(),
        &id,
        "秘書",
        "isms-severity::B-1",
        ("軽", "更新漏れ"),
    );
    let next = next_round(data.path(), &id);
    let session = Store::open(data.path()).unwrap().load(&next).unwrap();
    let view = session.view(1).unwrap();
    let previous = view.previous.as_ref().unwrap();
    // 軽 is no mark of the main scale: it is read from the second checklist's.
    let b1 = previous.mark_of("秘書", "B-1").unwrap();
    assert_eq!(b1.label, "軽微な不適合");
    assert_eq!(b1.severity(), Some(3));
    assert!(
        session
            .previous
            .as_ref()
            .unwrap()
            .mark_of("秘書", "B-1")
            .is_none()
    );

    // diff of the two rounds names the second checklist's cell once it differs.
    mark_now(data.path(), &next, "秘書", "isms-severity::B-1", "○");
    let (ok, lines, err) = kansa_at(data.path(), &["diff", &id, &next]);
    assert!(ok, "{err}");
    assert!(lines.contains("秘書\tisms-severity::B-1\t軽\t○"), "{lines}");
    assert!(!lines.contains("秘書\tB-1"), "{lines}");
}

/// `export-checklist` to `format`, then `import checklist` back: the RON written.
fn through_sheet(
    dir: &std::path::Path,
    source: &std::path::Path,
    format: &str,
) -> std::path::PathBuf {
    let sheet = dir.join(format!("sheet.{format}"));
    let output = run(kansa_in(dir)
        .arg("export-checklist")
        .arg(source)
        .arg("-o")
        .arg(&sheet));
    assert!(output.status.success(), "{}", stderr(&output));
    let back = dir.join(format!("back-{format}.ron"));
    let output = run(kansa_in(dir)
        .args(["import", "checklist"])
        .arg(&sheet)
        .arg("-o")
        .arg(&back));
    assert!(output.status.success(), "{}", stderr(&output));
    back
}

#[test]
fn a_checklists_departments_go_through_its_spreadsheet_and_back() {
    use kansa::checklist::{Checklist, Condition};
    let dir = tempfile::tempdir().unwrap();
    let tokutei = std::path::Path::new("checklists/tokutei-kojin-joho.ron");
    let original = Checklist::load(tokutei).unwrap();
    assert_eq!(original.applies, Condition::Tag("mynumber".into()));
    for format in ["xlsx", "csv"] {
        let back = Checklist::load(&through_sheet(dir.path(), tokutei, format)).unwrap();
        assert_eq!(back, original, "{format}");
    }
    // The 概要 sheet says it.
    let output = run(kansa_in(dir.path())
        .arg("export-checklist")
        .arg(tokutei)
        .args(["-o", "-"]));
    let csv = stdout(&output);
    assert!(csv.contains("\n適用条件,mynumber\n"), "{csv}");

    // A condition written as RON, and a list of departments, of a checklist of another
    // shape.
    let mut other = Checklist::load(std::path::Path::new("checklists/isms-severity.ron")).unwrap();
    other.applies = Condition::Any(vec![
        Condition::Tag("mynumber".into()),
        Condition::Not(Box::new(Condition::Tag("outside".into()))),
    ]);
    other.only = vec!["保育".into(), "障がい福祉課".into()];
    let file = dir.path().join("other.ron");
    std::fs::write(
        &file,
        ron::ser::to_string_pretty(&other, Default::default()).unwrap(),
    )
    .unwrap();
    for format in ["xlsx", "csv"] {
        let written = through_sheet(dir.path(), &file, format);
        let back = Checklist::load(&written).unwrap();
        assert_eq!(
            (&back.applies, &back.only),
            (&other.applies, &other.only),
            "{format}"
        );
        assert_eq!(back, other, "{format}");
    }
    // A checklist for every department writes neither row.
    let output = run(kansa_in(dir.path()).args([
        "export-checklist",
        "checklists/isms-severity.ron",
        "-o",
        "-",
    ]));
    let csv = stdout(&output);
    assert!(
        !csv.contains("\n適用条件,") && !csv.contains("\n対象部署,"),
        "{csv}"
    );
}

#[test]
fn a_bad_departments_condition_is_refused_at_its_cell_in_either_language() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(kansa_in(dir.path()).args([
        "export-checklist",
        "checklists/tokutei-kojin-joho.ron",
        "-o",
        "-",
    ]));
    let csv = stdout(&output).replace("\n適用条件,mynumber\n", "\n適用条件,Not(Tag(\n");
    let file = dir.path().join("bad.csv");
    std::fs::write(&file, &csv).unwrap();
    let line = csv
        .lines()
        .position(|l| l.starts_with("適用条件,"))
        .unwrap()
        + 1;
    for (lang, words) in [("ja", "条件"), ("en", "condition")] {
        let output = run(kansa_in(dir.path())
            .args(["--lang", lang, "import", "checklist"])
            .arg(&file)
            .args(["-o", "-"]));
        assert!(!output.status.success());
        let err = stderr(&output);
        assert!(err.contains(&format!("bad.csv:概要!B{line}: ")), "{err}");
        assert!(err.contains(words), "{lang}: {err}");
    }
}

#[test]
fn a_part_carries_the_second_checklists_previous_and_its_self_check_merges_back() {
    let root = tempfile::tempdir().unwrap();
    let (main, laptop) = (root.path().join("main"), root.path().join("laptop"));
    let earlier = round_of_two(&main, "checklists/isms-severity.ron");
    answer(
        &main,
        &earlier,
        "保育",
        "isms-severity::A-2",
        ("観", "台帳の更新が遅れ"),
    );
    let id = next_round(&main, &earlier);
    let part = root.path().join("hoiku.ron");
    hand_part(&main, &laptop, &id, "保育", &part);
    // On the laptop, the second checklist's hearing has last round's answer.
    let there = Store::open(&laptop).unwrap().load(&id).unwrap();
    let view = there.view(1).unwrap();
    let a2 = view
        .previous
        .as_ref()
        .unwrap()
        .answer("保育", "A-2")
        .unwrap();
    assert_eq!(
        (a2.mark.as_deref(), &a2.note[..]),
        (Some("観"), "台帳の更新が遅れ")
    );

    // 保育's workbook, written and returned on the laptop, both sheets filled.
    let book = root.path().join("保育.xlsx");
    let output = run(kansa_in(&laptop)
        .args(["export", &id, "--format", "xlsx", "--report", "selfcheck"])
        .args(["--departments", "保育", "-o"])
        .arg(&book));
    assert!(output.status.success(), "{}", stderr(&output));
    let filled = root.path().join("保育_記入済.xlsx");
    fill_first_rows(
        &book,
        &filled,
        &[("保育", "適正"), ("保育 isms-severity", "観察事項")],
    );
    let output = run(kansa_in(&laptop)
        .args(["--as", "佐藤 花子", "import", "selfcheck", &id])
        .arg(&filled));
    assert!(output.status.success(), "{}", stderr(&output));
    mark_now(&laptop, &id, "保育", "isms-severity::A-2", "○");

    let back = root.path().join("back.ron");
    let output = run(kansa_in(&laptop)
        .args(["export", &id, "--format", "session", "-o"])
        .arg(&back));
    assert!(output.status.success(), "{}", stderr(&output));
    let output = run(kansa_in(&main).args(["merge", &id]).arg(&back));
    assert!(output.status.success(), "{}", stderr(&output));
    let merged = Store::open(&main).unwrap().load(&id).unwrap();
    let hearing = merged.hearing("保育").unwrap();
    assert_eq!(hearing.mark("isms-severity::A-2"), Some("○"));
    assert_eq!(hearing.self_mark("I-1"), Some("○"));
    assert_eq!(hearing.self_mark("isms-severity::A-1"), Some("観"));
    // The comparison with last round, through the second checklist: 観 → ○.
    assert_eq!(
        kansa::rounds::trend(&merged.view(1).unwrap(), "保育", "A-2"),
        kansa::rounds::Trend::Improved
    );
}

/// Copies a workbook, writing `label` into the 評価 cell of the first item row of each
/// named sheet.
fn fill_first_rows(src: &std::path::Path, dst: &std::path::Path, labels: &[(&str, &str)]) {
    use calamine::{Data, Reader};
    let mut book = calamine::open_workbook_auto(src).unwrap();
    let mut out = rust_xlsxwriter::Workbook::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        let sheet = out.add_worksheet();
        sheet.set_name(&name).unwrap();
        sheet.set_hidden(name == "kansa");
        for (r, row) in range.rows().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if let Data::String(text) = cell {
                    sheet.write_string(r as u32, c as u16, text).unwrap();
                }
            }
        }
        if let Some((_, label)) = labels.iter().find(|(n, _)| *n == name) {
            // The header is on row 5; the first item below it.
            sheet.write_string(5, 4, *label).unwrap();
        }
    }
    out.save(dst).unwrap();
}
