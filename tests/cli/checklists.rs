//! A round of several checklists (issue 24): `new --checklist A --checklist B`, the
//! second checklist's answers apart from the main one's, `show --checklist`, the
//! list's progress over both, and a one-checklist round's file unchanged.

use kansa::store::Store;

use crate::common::{hand_part, kansa_at, kansa_in, mark_as, round_of_two, run, stderr, stdout};

#[test]
fn the_tokutei_checklist_is_for_the_departments_handling_it() {
    let data = tempfile::tempdir().unwrap();
    let id = round_of_two(data.path(), "checklists/tokutei-kojin-joho.ron");
    let session = Store::open(data.path()).unwrap().load(&id).unwrap();
    assert_eq!(session.extra.len(), 1);
    let ids: Vec<&str> = session.checklists().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["ryugasaki-2024-h1", "tokutei-kojin-joho"]);
    // 6 departments × 28 items, and 防災, 保育, 障がい (tag mynumber) × 15.
    assert_eq!(session.cell_count(), 6 * 28 + 3 * 15);

    mark_as(
        "田中 一郎",
        data.path(),
        &id,
        "保育",
        "tokutei-kojin-joho::T2-1",
        "×",
    );
    mark_as("田中 一郎", data.path(), &id, "保育", "I-1", "○");
    let (ok, second, err) = kansa_at(
        data.path(),
        &[
            "--lang",
            "ja",
            "show",
            &id,
            "--checklist",
            "tokutei-kojin-joho",
        ],
    );
    assert!(ok, "{err}");
    let header = second.lines().next().unwrap();
    assert!(
        header.contains("保育") && !header.contains("秘書"),
        "{header}"
    );
    let t21 = second.lines().find(|l| l.starts_with("T2-1 ")).unwrap();
    assert!(t21.contains('×'), "{t21}");
    assert!(!second.contains("I-1 "), "{second}");

    let (ok, main, _) = kansa_at(data.path(), &["--lang", "ja", "show", &id]);
    assert!(ok);
    assert!(!main.contains("T2-1"), "{main}");
    let i1 = main.lines().find(|l| l.starts_with("I-1 ")).unwrap();
    assert!(i1.contains('○'), "{i1}");
    // The main checklist's I-1 and the second one's cells never meet.
    let session = Store::open(data.path()).unwrap().load(&id).unwrap();
    assert_eq!(
        session.mark_of("保育", "I-1").map(|m| m.label.as_str()),
        Some("適正")
    );

    let (ok, _, err) = kansa_at(data.path(), &["show", &id, "--checklist", "nope"]);
    assert!(!ok && err.contains("nope"), "{err}");

    let (ok, list, _) = kansa_at(data.path(), &["list"]);
    assert!(ok);
    let cells = 6 * 28 + 3 * 15;
    assert!(list.contains(&format!("/{cells} ")), "{list}");
}

#[test]
fn two_scales_in_one_round_each_keep_their_marks() {
    let data = tempfile::tempdir().unwrap();
    let id = round_of_two(data.path(), "checklists/isms-severity.ron");
    let store = Store::open(data.path()).unwrap();
    let session = store.load(&id).unwrap();
    let second = &session.extra[0];
    let (_, item) = second.items().next().unwrap();
    let qualified = kansa::session::qualified(&second.id, &item.id);
    let symbol = second.scale[1].symbol.clone();
    // The main scale's × is no mark of the second checklist, and the other way round.
    assert!(session.set_mark("保育", &qualified, Some("×")).is_err());
    assert!(session.set_mark("保育", "I-1", Some(&symbol)).is_err());
    mark_as("田中 一郎", data.path(), &id, "保育", &qualified, &symbol);
    let view = store.load(&id).unwrap().view(1).unwrap();
    assert_eq!(view.checklist.id, second.id);
    assert_eq!(
        view.hearing("保育").unwrap().mark(&item.id),
        Some(symbol.as_str())
    );
    let (ok, shown, err) = kansa_at(data.path(), &["show", &id, "--checklist", &second.title]);
    assert!(ok, "{err}");
    assert!(shown.contains(&symbol), "{shown}");
}

#[test]
fn a_checklist_given_twice_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let (ok, _, err) = kansa_at(
        data.path(),
        &[
            "--lang",
            "ja",
            "new",
            "--title",
            "t",
            "--checklist",
            "checklists/isms-severity.ron",
            "--checklist",
            "checklists/isms-severity.ron",
        ],
    );
    assert!(!ok);
    assert!(err.contains("すでに"), "{err}");
}

#[test]
fn a_one_checklist_round_is_written_as_before() {
    let data = tempfile::tempdir().unwrap();
    let (ok, id, _) = kansa_at(data.path(), &["new", "--title", "t"]);
    assert!(ok);
    let id = id.trim();
    let file = std::fs::read_dir(data.path())
        .unwrap()
        .flatten()
        .flat_map(|e| walk(&e.path()))
        .find(|p| p.to_string_lossy().contains(id))
        .unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    // Neither the round's other checklists nor a checklist's departments are written.
    assert!(!text.contains("\n    extra:"), "{text}");
    assert!(
        !text.contains("extras:"),
        "the summary line as before:\n{text}"
    );
    assert!(!text.contains("\n        applies:"), "{text}");
    assert!(!text.contains("\n        only:"), "{text}");
    assert!(
        text.contains("\n                        applies: Always"),
        "{text}"
    );
}

fn walk(path: &std::path::Path) -> Vec<std::path::PathBuf> {
    if path.is_dir() {
        std::fs::read_dir(path)
            .unwrap()
            .flatten()
            .flat_map(|e| walk(&e.path()))
            .collect()
    } else {
        vec![path.to_path_buf()]
    }
}

/// Records `text` as the 所見 of `area` (qualified for the second checklist).
fn observe(data: &std::path::Path, id: &str, department: &str, area: &str, text: &str) {
    let store = Store::open(data).unwrap();
    let mut writer = store.open_writer(id, "田中 一郎").unwrap();
    let change = writer
        .session()
        .set_observation(department, area, text)
        .unwrap();
    writer.record(change).unwrap();
    writer.close().unwrap();
}

#[test]
fn the_department_report_has_a_section_per_checklist_and_each_checklist_its_matrix() {
    let data = tempfile::tempdir().unwrap();
    let id = round_of_two(data.path(), "checklists/tokutei-kojin-joho.ron");
    observe(data.path(), &id, "保育", "I", "画面ロックを確認した。");
    observe(
        data.path(),
        &id,
        "保育",
        "tokutei-kojin-joho::T3",
        "保管庫は施錠されていた。",
    );
    mark_as(
        "田中 一郎",
        data.path(),
        &id,
        "保育",
        "tokutei-kojin-joho::T3-2",
        "○",
    );
    let out = data.path().join("out");
    std::fs::create_dir(&out).unwrap();
    for format in ["md", "html", "csv", "docx", "xlsx"] {
        let file = out.join(format!("departments.{format}"));
        let output = run(kansa_in(data.path())
            .args(["--lang", "ja", "export", &id, "--report", "departments"])
            .args(["--format", format, "-o"])
            .arg(&file));
        assert!(output.status.success(), "{}", stderr(&output));
        if ["md", "html", "csv"].contains(&format) {
            let text = std::fs::read_to_string(&file).unwrap();
            let section = "『特定個人情報の適正な取扱いに係るチェックリスト』による確認結果";
            assert!(text.contains(section), "{format}: {text}");
            assert!(text.contains("保管庫は施錠されていた。"), "{format}");
            let main = text.find("画面ロックを確認した。").unwrap();
            assert!(
                main < text.find("保管庫は施錠されていた。").unwrap(),
                "{format}"
            );
        }
    }
    // The 実施報告書 names each checklist and the departments it was for.
    let output = run(kansa_in(data.path())
        .args(["--lang", "ja", "export", &id, "--report", "summary"])
        .args(["--format", "md", "-o", "-"]));
    assert!(output.status.success(), "{}", stderr(&output));
    let summary = stdout(&output);
    assert!(summary.contains("使用したチェックリスト"), "{summary}");
    assert!(
        summary.contains(
            "『特定個人情報の適正な取扱いに係るチェックリスト』（防災安全課、保育課、障がい福祉課）"
        ),
        "{summary}"
    );
    // The 結果一覧 of each checklist, in a file of its own.
    let output = run(kansa_in(data.path())
        .args([
            "export",
            &id,
            "--format",
            "csv",
            "--checklist",
            "tokutei-kojin-joho",
        ])
        .args(["-o", "-"]));
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = stdout(&output);
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with("防災,保育,障がい"), "{header}");
    let t32 = csv.lines().find(|l| l.starts_with("T3,T3-2")).unwrap();
    assert!(t32.ends_with(",○,"), "{t32}");
}

/// Every cell of `department` in every checklist answered with the scale's first mark,
/// and a 所見 on each checklist's first area; the 総評 set.
fn settle(data: &std::path::Path, id: &str, department: &str) {
    let store = Store::open(data).unwrap();
    let mut writer = store.open_writer(id, "田中 一郎").unwrap();
    let session = writer.session().clone();
    let mut changes = Vec::new();
    for (n, checklist) in session.checklists().enumerate() {
        let id_of = |item: &str| match n {
            0 => item.to_string(),
            _ => kansa::session::qualified(&checklist.id, item),
        };
        let hearing = session.hearing(department).unwrap();
        for (_, item) in checklist.items() {
            if hearing.mark(&id_of(&item.id)).is_none() {
                let mark = &checklist.scale[0].symbol;
                changes.push(
                    session
                        .set_mark(department, &id_of(&item.id), Some(mark))
                        .unwrap(),
                );
            }
        }
        let area = id_of(&checklist.areas[0].id);
        changes.push(
            session
                .set_observation(department, &area, "確認した。")
                .unwrap(),
        );
    }
    let overall = kansa::facts::FactValue::Text("特記事項なし".into());
    changes.push(
        session
            .set_fact(kansa::facts::FactField::Overall, overall)
            .unwrap(),
    );
    for change in changes {
        writer.record(change).unwrap();
    }
    writer.close().unwrap();
}

#[test]
fn review_and_one_sign_off_cover_both_checklists() {
    let data = tempfile::tempdir().unwrap();
    let (ok, id, err) = kansa_at(
        data.path(),
        &[
            "new",
            "--title",
            "上半期",
            "--departments",
            "保育",
            "--lead",
            "田中 一郎",
            "--checklist",
            "checklists/ryugasaki-2024-h1.ron",
            "--checklist",
            "checklists/isms-severity.ron",
        ],
    );
    assert!(ok, "{err}");
    let id = id.trim().to_string();
    mark_as("田中 一郎", data.path(), &id, "保育", "I-1", "○");
    let (ok, lines, _) = kansa_at(data.path(), &["review", &id]);
    assert!(!ok);
    assert!(
        lines.contains("isms-"),
        "the second checklist's cells:\n{lines}"
    );

    settle(data.path(), &id, "保育");
    // A department's count is of the main checklist's cells; the round's of all.
    let session = Store::open(data.path()).unwrap().load(&id).unwrap();
    let hearing = session.hearing("保育").unwrap();
    assert_eq!(session.answered_in(hearing), 28);
    assert_eq!(session.answered_count(), session.cell_count());
    let (ok, lines, err) = kansa_at(data.path(), &["review", &id]);
    assert!(ok, "{lines}{err}");
    let (ok, digest, err) = kansa_at(data.path(), &["sign", &id, "--by", "田中 一郎"]);
    assert!(ok, "{err}");
    let (ok, _, err) = kansa_at(data.path(), &["verify", &id]);
    assert!(ok, "{err}");
    assert!(!digest.trim().is_empty());
    // Sealed: the second checklist's cells refuse a change like the main one's.
    let session = Store::open(data.path()).unwrap().load(&id).unwrap();
    let second = &session.extra[0];
    let (_, item) = second.items().next().unwrap();
    let qualified = kansa::session::qualified(&second.id, &item.id);
    assert!(session.set_mark("保育", &qualified, None).is_err());
}

#[test]
fn a_round_from_a_round_of_two_checklists_has_both() {
    let data = tempfile::tempdir().unwrap();
    let id = round_of_two(data.path(), "checklists/tokutei-kojin-joho.ron");
    let (ok, next, err) = kansa_at(data.path(), &["new", "--from", &id, "--title", "下半期"]);
    assert!(ok, "{err}");
    let session = Store::open(data.path()).unwrap().load(next.trim()).unwrap();
    let ids: Vec<&str> = session.checklists().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["ryugasaki-2024-h1", "tokutei-kojin-joho"]);
    assert_eq!(session.cell_count(), 6 * 28 + 3 * 15);
}

#[test]
fn a_part_heard_elsewhere_through_the_second_checklist_merges_back() {
    let root = tempfile::tempdir().unwrap();
    let (main, laptop) = (root.path().join("main"), root.path().join("laptop"));
    let id = round_of_two(&main, "checklists/tokutei-kojin-joho.ron");
    let part = root.path().join("hoiku.ron");
    hand_part(&main, &laptop, &id, "保育", &part);
    mark_as(
        "田中 一郎",
        &laptop,
        &id,
        "保育",
        "tokutei-kojin-joho::T4-3",
        "×",
    );
    let back = root.path().join("back.ron");
    let output = run(kansa_in(&laptop)
        .args(["export", &id, "--format", "session", "-o"])
        .arg(&back));
    assert!(output.status.success(), "{}", stderr(&output));
    let output = run(kansa_in(&main).args(["merge", &id]).arg(&back));
    assert!(output.status.success(), "{}", stderr(&output));
    let session = Store::open(&main).unwrap().load(&id).unwrap();
    let hearing = session.hearing("保育").unwrap();
    assert_eq!(hearing.mark("tokutei-kojin-joho::T4-3"), Some("×"));
}

#[test]
fn validate_refuses_a_mark_on_the_key_that_switches_checklist() {
    let data = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("checklists/tokutei-kojin-joho.ron")
        .unwrap()
        .replace("key: '3'", "key: 'C'");
    let file = data.path().join("c.ron");
    std::fs::write(&file, text).unwrap();
    let (ok, _, err) = kansa_at(
        data.path(),
        &["--lang", "ja", "validate", file.to_str().unwrap()],
    );
    assert!(!ok, "{err}");
    assert!(err.contains('C'), "{err}");
}

#[test]
fn diff_names_the_second_checklists_cells_too() {
    let data = tempfile::tempdir().unwrap();
    let id = round_of_two(data.path(), "checklists/tokutei-kojin-joho.ron");
    let file = data.path().join("before.ron");
    let output = run(kansa_in(data.path())
        .args(["export", &id, "--format", "session", "-o"])
        .arg(&file));
    assert!(output.status.success(), "{}", stderr(&output));
    mark_as(
        "田中 一郎",
        data.path(),
        &id,
        "保育",
        "tokutei-kojin-joho::T1-1",
        "○",
    );
    mark_as("田中 一郎", data.path(), &id, "保育", "I-1", "×");
    let (ok, lines, err) = kansa_at(data.path(), &["diff", file.to_str().unwrap(), &id]);
    assert!(ok, "{err}");
    assert!(lines.contains("保育\tI-1\t\t×"), "{lines}");
    assert!(
        lines.contains("保育\ttokutei-kojin-joho::T1-1\t\t○"),
        "{lines}"
    );
}

#[test]
fn the_workbook_of_every_report_has_a_matrix_sheet_per_checklist() {
    use calamine::Reader;
    let data = tempfile::tempdir().unwrap();
    let id = round_of_two(data.path(), "checklists/tokutei-kojin-joho.ron");
    mark_as(
        "田中 一郎",
        data.path(),
        &id,
        "保育",
        "tokutei-kojin-joho::T1-1",
        "○",
    );
    let file = data.path().join("all.xlsx");
    let output = run(kansa_in(data.path())
        .args([
            "--lang", "ja", "export", &id, "--report", "all", "--format", "xlsx", "-o",
        ])
        .arg(&file));
    assert!(output.status.success(), "{}", stderr(&output));
    let mut workbook = calamine::open_workbook_auto(&file).unwrap();
    let names = workbook.sheet_names();
    assert_eq!(names[0], "結果一覧");
    assert_eq!(names[1], "結果一覧 tokutei-kojin-joho", "{names:?}");
    let range = workbook.worksheet_range(&names[1]).unwrap();
    let cells: Vec<String> = range.cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(cells.iter().any(|c| c.contains("T1-1")), "{cells:?}");
    assert!(!cells.iter().any(|c| c == "秘書"), "{cells:?}");
}

/// A round written by kansa before rounds had several checklists (at fc0713273649: one
/// checklist, three marks and a note of 保育課 in its journal) is read as it was —
/// its marks, note and history, its documents — by every command that only reads,
/// and its file is left byte for byte as it was.
#[test]
fn a_round_written_before_several_checklists_is_read_and_left_unchanged() {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/before-several-checklists/sessions/20261207-010227.ron");
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir(data.path().join("sessions")).unwrap();
    let file = data.path().join("sessions/20261207-010227.ron");
    std::fs::copy(&fixture, &file).unwrap();
    let before = std::fs::read(&file).unwrap();
    let id = "20261207-010227";

    let (ok, list, err) = kansa_at(data.path(), &["--lang", "ja", "list"]);
    assert!(ok, "{err}");
    assert!(
        list.contains("令和6年度上半期") && list.contains("35/168"),
        "{list}"
    );
    let (ok, show, err) = kansa_at(data.path(), &["--lang", "ja", "show", id]);
    assert!(ok, "{err}");
    let row = (show.lines()).find(|l| l.starts_with("I-2(1)")).unwrap();
    assert!(row.contains('×'), "{show}");
    let (ok, history, err) = kansa_at(data.path(), &["--lang", "ja", "history", id]);
    assert!(ok, "{err}");
    assert!(
        history.contains("デスクトップに名簿のファイルがあった"),
        "{history}"
    );
    let (_, review, _) = kansa_at(data.path(), &["--lang", "ja", "review", id]);
    assert!(review.contains("保育"), "{review}");
    let out = data.path().join("matrix.csv");
    let out = out.to_str().unwrap();
    let args = [
        "export", id, "--report", "matrix", "--format", "csv", "-o", out,
    ];
    let (ok, _, err) = kansa_at(data.path(), &args);
    assert!(ok, "{err}");
    let (_, unknown, _) = kansa_at(data.path(), &["show", id, "--checklist", "tokutei"]);
    assert!(unknown.is_empty(), "one checklist: {unknown}");

    assert!(
        std::fs::read(&file).unwrap() == before,
        "the old file was rewritten by a command that only reads"
    );
}
