//! Self-check workbooks of a round of several checklists (issue 24): a department's
//! workbook has a sheet per checklist that applies to it, each read back as its own
//! answers to that checklist (in that checklist's scale, never as the audit's marks),
//! shown in that checklist's hearing and compared in the report; a sheet naming a
//! checklist the round lacks is refused at its cell.

use std::path::{Path, PathBuf};

use crate::common::{kansa_in, run, stderr, stdout};
use crate::screen::*;
use calamine::{Data, Reader};
use kansa::i18n::Lang;
use kansa::store::Store;
use kansa::tui::App;

fn new_round(dir: &Path, second: &str) -> String {
    let output = run(kansa_in(dir).args([
        "new",
        "--title",
        "上半期",
        "--checklist",
        "checklists/ryugasaki-2024-h1.ron",
        "--checklist",
        second,
    ]));
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output).trim().to_string()
}

fn export_sheets(dir: &Path, id: &str) -> PathBuf {
    let out = dir.join("out");
    let output = run(kansa_in(dir)
        .args([
            "export",
            id,
            "--format",
            "xlsx",
            "--report",
            "selfcheck",
            "-o",
        ])
        .arg(&out));
    assert!(output.status.success(), "{}", stderr(&output));
    out
}

fn sheet_names(file: &Path) -> Vec<String> {
    calamine::open_workbook_auto(file).unwrap().sheet_names()
}

/// Copies a workbook cell by cell as a department's spreadsheet program saves it,
/// `edit` giving a cell (sheet, row, column, text: the item id for column E and F)
/// a new text.
fn copy_editing(src: &Path, dst: &Path, edit: &dyn Fn(&str, u32, u16, &str) -> Option<String>) {
    let mut book = calamine::open_workbook_auto(src).unwrap();
    let mut out = rust_xlsxwriter::Workbook::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        let sheet = out.add_worksheet();
        sheet.set_name(&name).unwrap();
        sheet.set_hidden(name == "kansa");
        for (r, row) in range.rows().enumerate() {
            let r = r as u32;
            let id = match row.first() {
                Some(Data::String(id)) => id.clone(),
                _ => String::new(),
            };
            for c in 0..8u16 {
                let text = match row.get(c as usize) {
                    Some(Data::String(text)) => text.clone(),
                    _ => String::new(),
                };
                let asked = if c == 4 || c == 5 { &id } else { &text };
                let text = edit(&name, r, c, asked).unwrap_or(text);
                if !text.is_empty() {
                    sheet.write_string(r, c, &text).unwrap();
                }
            }
        }
    }
    out.save(dst).unwrap();
}

fn import(dir: &Path, id: &str, file: &Path) -> std::process::Output {
    run(kansa_in(dir)
        .args(["--lang", "ja", "--as", "tester", "import", "selfcheck", id])
        .arg(file))
}

#[test]
fn a_department_gets_a_sheet_per_checklist_for_it_and_each_comes_back_as_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_round(dir.path(), "checklists/tokutei-kojin-joho.ron");
    let out = export_sheets(dir.path(), &id);
    // 保育 handles 特定個人情報; 秘書 does not.
    let hoiku = out.join("自己点検_保育.xlsx");
    assert_eq!(
        sheet_names(&hoiku),
        ["記入方法", "保育", "保育 tokutei-kojin-joho", "kansa"]
    );
    let hisho = out.join("自己点検_秘書.xlsx");
    assert_eq!(sheet_names(&hisho), ["記入方法", "秘書", "kansa"]);
    // Each sheet names its checklist above the items.
    let mut book = calamine::open_workbook_auto(&hoiku).unwrap();
    let second = book.worksheet_range("保育 tokutei-kojin-joho").unwrap();
    let title = second.get_value((3, 0)).map(|c| c.to_string());
    assert_eq!(
        title.as_deref(),
        Some("特定個人情報の適正な取扱いに係るチェックリスト")
    );
    let first = second.get_value((5, 0)).map(|c| c.to_string());
    assert_eq!(first.as_deref(), Some("T1-1"), "its own items");

    let filled = dir.path().join("保育_記入済.xlsx");
    copy_editing(
        &hoiku,
        &filled,
        &|sheet, _, column, id| match (sheet, id, column) {
            ("保育", "I-1", 4) => Some("適正".into()),
            ("保育 tokutei-kojin-joho", "T2-1", 4) => Some("実施していない".into()),
            ("保育 tokutei-kojin-joho", "T2-1", 5) => Some("研修は来月受講予定".into()),
            _ => None,
        },
    );
    // The 特定個人情報 sheet said to be 秘書's, a department it is not for.
    let misplaced = dir.path().join("misplaced.xlsx");
    copy_editing(&hoiku, &misplaced, &|sheet, row, column, _| {
        (sheet == "kansa" && row == 2 && column == 2).then(|| "秘書".to_string())
    });
    let output = import(dir.path(), &id, &misplaced);
    assert!(!output.status.success());
    let err = stderr(&output);
    let expected = "misplaced.xlsx:kansa!D3: チェックリスト tokutei-kojin-joho は部署 秘書 を対象としていません";
    assert!(err.contains(expected), "{err}");

    let output = import(dir.path(), &id, &filled);
    assert!(output.status.success(), "{}", stderr(&output));
    // One line for the department: 2 marks of the items both its sheets ask (28 + 15,
    // less those applicability settled).
    let said = stdout(&output);
    assert!(said.contains("保育: 自己評価 2/41 項目"), "{said}");

    let session = Store::open(dir.path()).unwrap().load(&id).unwrap();
    let hearing = session.hearing("保育").unwrap();
    let own = hearing.selfcheck.as_ref().unwrap();
    assert_eq!(own.mark("I-1"), Some("○"));
    assert_eq!(own.mark("tokutei-kojin-joho::T2-1"), Some("×"));
    assert_eq!(own.mark("T2-1"), None, "apart from the main checklist's");
    // Never the audit's marks.
    assert_eq!(hearing.mark("tokutei-kojin-joho::T2-1"), None);
    assert_eq!(hearing.mark("I-1"), None);

    // The second checklist's hearing shows the department's own answer.
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    char_key(&mut app, 'C');
    for _ in 0..4 {
        // T1-1 to T1-4, then T2-1.
        key(&mut app, ratatui::crossterm::event::KeyCode::Right);
    }
    let text = screen_text(&app, 100, 30);
    assert!(text.contains("T2-1"), "{text}");
    assert!(text.contains("自己評価: × 研修は来月受講予定"), "{text}");
    // One key takes the department's own mark as the audit's, in this checklist.
    char_key(&mut app, 's');
    key(&mut app, ratatui::crossterm::event::KeyCode::Left);
    let text = screen_text(&app, 100, 30);
    assert!(text.contains("現在  × 実施していない"), "{text}");
    // The auditor finds otherwise after all: ○ on T2-1; the report names the difference.
    char_key(&mut app, '1');
    drop(app);
    let report = run(kansa_in(dir.path())
        .args(["--lang", "ja", "export", &id, "--format", "md"])
        .args(["--report", "selfcheck", "-o", "-"]));
    let report = stdout(&report);
    assert!(
        report.contains(
            "| 保育 | tokutei-kojin-joho::T2-1 | 自己評価 × → 監査 ○ | 研修は来月受講予定 |"
        ),
        "{report}"
    );
}

#[test]
fn two_scales_come_back_each_in_its_own_and_a_checklist_the_round_lacks_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_round(dir.path(), "checklists/isms-severity.ron");
    let out = export_sheets(dir.path(), &id);
    let hisho = out.join("自己点検_秘書.xlsx");
    let second = "秘書 isms-severity";
    assert_eq!(sheet_names(&hisho), ["記入方法", "秘書", second, "kansa"]);

    let filled = dir.path().join("秘書_記入済.xlsx");
    copy_editing(
        &hisho,
        &filled,
        &|sheet, _, column, id| match (sheet == second, id, column) {
            (false, "I-1", 4) => Some("改善を要する".into()),
            (true, "B-1", 4) => Some("軽微な不適合".into()),
            (true, "A-1", 4) => Some("適合".into()),
            _ => None,
        },
    );
    let output = import(dir.path(), &id, &filled);
    assert!(output.status.success(), "{}", stderr(&output));
    let session = Store::open(dir.path()).unwrap().load(&id).unwrap();
    let own = session.hearing("秘書").unwrap().selfcheck.clone().unwrap();
    assert_eq!(own.mark("I-1"), Some("×"));
    assert_eq!(own.mark("isms-severity::B-1"), Some("軽"));
    assert_eq!(own.mark("isms-severity::A-1"), Some("○"));
    let view = session.view(1).unwrap();
    let own = view.hearing("秘書").unwrap().selfcheck.clone().unwrap();
    assert_eq!(own.mark("B-1"), Some("軽"));
    assert_eq!(own.mark("I-1"), None);

    // The main scale's label on the second checklist's sheet is no mark there.
    let wrong = dir.path().join("wrong.xlsx");
    copy_editing(&hisho, &wrong, &|sheet, _, column, id| {
        (sheet == second && id == "A-1" && column == 4).then(|| "適正".to_string())
    });
    let output = import(dir.path(), &id, &wrong);
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(err.contains(&format!("wrong.xlsx:{second}!E6: ")), "{err}");
    assert!(
        err.contains("（適合、重大な不適合、軽微な不適合、観察事項、推奨事項、該当なし）"),
        "its own scale's labels: {err}"
    );

    // A sheet the hidden sheet says is of a checklist this round does not have.
    let lacking = dir.path().join("lacking.xlsx");
    copy_editing(&hisho, &lacking, &|sheet, row, column, text| {
        (sheet == "kansa" && row == 2 && column == 3 && text == "isms-severity")
            .then(|| "self-diagnosis-points".to_string())
    });
    let output = import(dir.path(), &id, &lacking);
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(
        err.contains(
            "lacking.xlsx:kansa!D3: この監査にないチェックリストのシートです: self-diagnosis-points"
        ),
        "{err}"
    );
    let after = Store::open(dir.path()).unwrap().load(&id).unwrap();
    assert_eq!(
        after.hearing("秘書").unwrap().selfcheck,
        session.hearing("秘書").unwrap().selfcheck
    );
}

#[test]
fn the_department_sheet_screen_imports_both_checklists_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_round(dir.path(), "checklists/tokutei-kojin-joho.ron");
    let out = export_sheets(dir.path(), &id);
    let filled = dir.path().join("保育_記入済.xlsx");
    copy_editing(
        &out.join("自己点検_保育.xlsx"),
        &filled,
        &|sheet, _, column, id| match (sheet, id, column) {
            ("保育", "I-1", 4) => Some("適正".into()),
            ("保育 tokutei-kojin-joho", "T1-1", 4) => Some("一部実施している".into()),
            _ => None,
        },
    );
    let paste = |app: &mut App| {
        char_key(app, 'o');
        char_key(app, 'I');
        app.handle(kansa::tui::Input::Paste(filled.display().to_string()));
        key(app, ratatui::crossterm::event::KeyCode::Enter);
        screen_text(app, 100, 30)
    };
    // Seen through the second checklist: a change of the whole round, said so.
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    char_key(&mut app, 'C');
    let screen = paste(&mut app);
    assert!(screen.contains("主なチェックリストの画面で"), "{screen}");
    drop(app);
    let saved = Store::open(dir.path()).unwrap().load(&id).unwrap();
    assert_eq!(saved.hearing("保育").unwrap().selfcheck, None);

    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    let screen = paste(&mut app);
    assert!(
        screen.contains("1 部署の自己評価を取り込みました"),
        "{screen}"
    );
    drop(app);
    let saved = Store::open(dir.path()).unwrap().load(&id).unwrap();
    let hearing = saved.hearing("保育").unwrap();
    assert_eq!(hearing.self_mark("I-1"), Some("○"));
    assert_eq!(hearing.self_mark("tokutei-kojin-joho::T1-1"), Some("△"));
}

#[test]
fn review_asks_once_for_a_departments_missing_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_round(dir.path(), "checklists/isms-severity.ron");
    let out = export_sheets(dir.path(), &id);
    let filled = dir.path().join("保育_記入済.xlsx");
    copy_editing(
        &out.join("自己点検_保育.xlsx"),
        &filled,
        &|sheet, _, column, id| {
            (sheet == "保育 isms-severity" && id == "A-1" && column == 4).then(|| "適合".into())
        },
    );
    let output = import(dir.path(), &id, &filled);
    assert!(output.status.success(), "{}", stderr(&output));
    let review = stdout(&run(kansa_in(dir.path()).args(["review", &id])));
    let missing: Vec<&str> = review
        .lines()
        .filter(|l| l.contains("no self-check sheet"))
        .collect();
    // The five departments that returned nothing, each once for both checklists.
    assert_eq!(missing.len(), 5, "{review}");
    assert!(!missing.iter().any(|l| l.contains("保育")), "{review}");
}
