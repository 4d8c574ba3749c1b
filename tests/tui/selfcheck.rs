//! Self-check sheets: exported by kansa, filled in as a department would (with
//! calamine and rust_xlsxwriter, not kansa), imported back as the department's own
//! view; the hearing shows it, the matrix sets it beside the audit's marks, the report
//! lists where they differ; bad workbooks are refused and change nothing.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::common::{kansa_in, run, stderr, stdout};
use crate::screen::*;
use calamine::{Data, Reader};
use kansa::checklist::Checklist;
use kansa::i18n::Lang;
use kansa::store::Store;
use kansa::tui::App;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;

const TITLE: &str = "令和6年度（上半期）情報セキュリティ内部監査";

/// Exports the round's sheets into `dir/out` and returns the folder.
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

/// Copies a workbook cell by cell, as a department's spreadsheet program would save
/// it, writing `answers` (item id, mark as the drop-down offers it, comment) into the
/// 評価 and コメント columns of every item sheet, and `edit` over any cell.
fn fill(src: &Path, dst: &Path, answers: &dyn Fn(&str) -> Option<(String, String)>) {
    fill_naming(src, dst, answers, &|_| None)
}

/// As `fill`, with the files `files` names for an item in its 証跡ファイル column.
fn fill_naming(
    src: &Path,
    dst: &Path,
    answers: &dyn Fn(&str) -> Option<(String, String)>,
    files: &dyn Fn(&str) -> Option<String>,
) {
    let mut book = calamine::open_workbook_auto(src).unwrap();
    let mut out = rust_xlsxwriter::Workbook::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        let sheet = out.add_worksheet();
        sheet.set_name(&name).unwrap();
        if name == "kansa" {
            sheet.set_hidden(true);
        }
        let (top, left) = range.start().unwrap_or((0, 0));
        for (r, row) in range.rows().enumerate() {
            let r = top + r as u32;
            for (c, cell) in row.iter().enumerate() {
                let c = (left as usize + c) as u16;
                if let Data::String(text) = cell {
                    sheet.write_string(r, c, text).unwrap();
                }
            }
            let id = match row.first() {
                Some(Data::String(id)) if name != "kansa" && name != "記入方法" => id.clone(),
                _ => continue,
            };
            if let Some((mark, comment)) = answers(&id) {
                sheet.write_string(r, 4, &mark).unwrap();
                if !comment.is_empty() {
                    sheet.write_string(r, 5, &comment).unwrap();
                }
            }
            if let Some(names) = files(&id) {
                sheet.write_string(r, 6, &names).unwrap();
            }
        }
    }
    out.save(dst).unwrap();
}

/// ○ everywhere but I-3, △ with a comment: 保育課's answers.
fn hoiku_answers(id: &str) -> Option<(String, String)> {
    match id {
        "I-3" => Some((
            "監査指導により改善".into(),
            "付箋は撤去し、施錠保管に改めた".into(),
        )),
        "項目ID" => None,
        _ if id.contains('-') => Some(("適正".into(), String::new())),
        _ => None,
    }
}

fn import(dir: &Path, id: &str, files: &[&Path]) -> std::process::Output {
    run(kansa_in(dir)
        .args(["--as", "tester", "import", "selfcheck", id])
        .args(files))
}

fn item_index(id: &str) -> usize {
    Checklist::bundled()
        .items()
        .position(|(_, i)| i.id == id)
        .unwrap()
}

/// The hearing of 保育課 at I-3, once its filled sheet is imported.
fn hearing_at_i3(dir: &Path, lang: Lang) -> App {
    let id = new_session(dir, "seed", TITLE);
    let out = export_sheets(dir, &id);
    let filled = dir.join("保育_記入済.xlsx");
    fill(&out.join("自己点検_保育.xlsx"), &filled, &hoiku_answers);
    let output = import(dir, &id, &[&filled]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("保育"), "{}", stdout(&output));
    let mut app = App::at_session(context(dir, lang), &id, Some("保育課")).unwrap();
    for _ in 0..item_index("I-3") {
        key(&mut app, KeyCode::Right);
    }
    app
}

fn snapshot(name: &str, lang: Lang, text: String) {
    let lang = match lang {
        Lang::Ja => "ja",
        Lang::En => "en",
    };
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d{4}-\d{2}-\d{2}", "YYYY-MM-DD");
    settings.bind(|| insta::assert_snapshot!(format!("{name}_{lang}"), text));
}

#[test]
fn a_filled_sheet_shows_in_the_hearing_and_the_report_lists_the_disagreement() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = hearing_at_i3(dir.path(), Lang::Ja);
    let text = screen_text(&app, 100, 30);
    assert!(
        text.contains("自己評価: △ 付箋は撤去し、施錠保管に改めた"),
        "{text}"
    );
    snapshot("item_with_self_check", Lang::Ja, text);

    // The audit finds otherwise: × on I-3.
    type_marks(&mut app, "3");
    // On I-1 the auditor agrees: one keystroke takes the department's ○.
    for _ in 0..item_index("I-3") + 1 {
        key(&mut app, KeyCode::Left);
    }
    char_key(&mut app, 's');
    char_key(&mut app, 'm');
    char_key(&mut app, 's');
    let matrix = screen_text(&app, 100, 40);
    assert!(matrix.contains("△×"), "{matrix}");
    assert_eq!(disagreement_colour(&app, "I-3"), Some(Color::Yellow));
    assert_eq!(disagreement_colour(&app, "I-1"), None, "○○ agrees");
    snapshot("matrix_self_vs_audit", Lang::Ja, matrix);
    char_key(&mut app, 'q');
    drop(app);

    let session = on_disk(dir.path(), "seed");
    assert_eq!(
        session.answer("保育", "I-1").unwrap().mark.as_deref(),
        Some("○")
    );
    assert_eq!(
        session.answer("保育", "I-3").unwrap().mark.as_deref(),
        Some("×")
    );
    let own = session.hearing("保育").unwrap().selfcheck.clone().unwrap();
    assert_eq!(own.by, "保育課");
    assert_eq!(own.digest.len(), 64);
    assert_eq!(own.mark("I-3"), Some("△"));

    let report = run(kansa_in(dir.path())
        .args(["--lang", "ja", "export", "seed", "--format", "md"])
        .args(["--report", "selfcheck", "-o", "-"]));
    let report = stdout(&report);
    assert!(
        report.contains("| 保育 | I-3 | 自己評価 △ → 監査 × |"),
        "{report}"
    );
    assert!(report.contains("| 保育 | あり | 1 | 1 | 0 |"), "{report}");
    for (format, found) in [("csv", "自己評価 △ → 監査 ×"), ("html", "<td>I-3</td>")] {
        let output = run(kansa_in(dir.path())
            .args(["--lang", "ja", "export", "seed", "--format", format])
            .args(["--report", "selfcheck", "-o", "-"]));
        assert!(stdout(&output).contains(found), "{format}");
    }
    let xlsx = dir.path().join("results.xlsx");
    let output = run(kansa_in(dir.path())
        .args([
            "export",
            "seed",
            "--format",
            "xlsx",
            "--report",
            "selfcheck-results",
            "-o",
        ])
        .arg(&xlsx));
    assert!(output.status.success(), "{}", stderr(&output));

    // Review: the five departments that returned nothing, as warnings only.
    let review = stdout(&run(kansa_in(dir.path()).args(["review", "seed"])));
    let missing: Vec<&str> = review
        .lines()
        .filter(|l| l.contains("no self-check sheet"))
        .collect();
    assert_eq!(missing.len(), 5, "{review}");
    assert!(missing.iter().all(|l| l.starts_with("warning")), "{review}");
}

/// The background of 保育's cell on `item`'s row in the matrix, when highlighted.
fn disagreement_colour(app: &App, item: &str) -> Option<Color> {
    let buffer = frame_buffer(app, 100, 40);
    let row = |y: u16| (0..8).map(|x| buffer[(x, y)].symbol()).collect::<String>();
    let y = (0..40).find(|&y| row(y).trim_end() == item)?;
    (0..100)
        .map(|x| &buffer[(x, y)])
        .find(|c| c.bg == Color::Yellow)
        .map(|c| c.bg)
}

#[test]
fn item_view_and_matrix_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = hearing_at_i3(dir.path(), Lang::En);
    snapshot("item_with_self_check", Lang::En, screen_text(&app, 100, 30));
    type_marks(&mut app, "3");
    char_key(&mut app, 'm');
    char_key(&mut app, 's');
    snapshot("matrix_self_vs_audit", Lang::En, screen_text(&app, 100, 40));
}

#[test]
fn the_drop_down_lists_exactly_the_scales_labels_and_only_answers_are_editable() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "seed", TITLE);
    let out = export_sheets(dir.path(), &id);
    let workbook = out.join("自己点検_保育.xlsx");
    // Sheet 1 is the instructions (記入方法); sheet 2 the department's.
    let xml = sheet_xml(&workbook, "xl/worksheets/sheet2.xml");
    let labels: Vec<String> = Checklist::bundled()
        .scale
        .iter()
        .map(|m| m.label.clone())
        .collect();
    let list = format!("<formula1>\"{}\"</formula1>", labels.join(","));
    assert!(xml.contains(&list), "{xml}");
    assert_eq!(xml.matches("<formula1>").count(), 1);
    assert!(xml.contains("<sheetProtection"), "protected");
    assert!(!xml.contains("password"), "without a password");
    let book = sheet_xml(&workbook, "xl/workbook.xml");
    assert!(book.contains("name=\"記入方法\""), "{book}");
    assert!(
        book.contains("name=\"kansa\" sheetId=\"3\" state=\"hidden\""),
        "{book}"
    );
}

/// A part of a workbook (a zip archive) as text.
fn sheet_xml(workbook: &Path, part: &str) -> String {
    let file = std::fs::File::open(workbook).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    zip.by_name(part).unwrap().read_to_string(&mut xml).unwrap();
    xml
}

/// `workbook` with a note typed in the last cell of the grid (XFD1048576) of its first
/// sheet, written to `to`.
fn with_far_note(workbook: &Path, to: &Path) {
    use std::io::Write;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(workbook).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let xml = String::from_utf8(bytes).unwrap();
            let far = r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>メモ</t></is></c></row></sheetData>"#;
            assert!(xml.contains("</sheetData>"), "{xml}");
            bytes = xml.replace("</sheetData>", far).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap();
}

#[test]
fn a_note_in_the_last_cell_of_a_sheet_does_not_stop_an_import() {
    // A range of that sheet spans the whole grid, 17 billion cells: calamine's
    // aborted the process (calamine#693).
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "seed", TITLE);
    let out = export_sheets(dir.path(), &id);
    let filled = dir.path().join("filled.xlsx");
    fill(&out.join("自己点検_保育.xlsx"), &filled, &hoiku_answers);
    let far = dir.path().join("far.xlsx");
    with_far_note(&filled, &far);
    let output = import(dir.path(), &id, &[&far]);
    assert!(output.status.success(), "{}", stderr(&output));
}

/// The session file's bytes, to show a refused import changed nothing.
fn session_bytes(dir: &Path, id: &str) -> Vec<u8> {
    std::fs::read(Store::open(dir).unwrap().path_of(id)).unwrap()
}

#[test]
fn bad_workbooks_are_refused_by_file_and_cell_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "seed", TITLE);
    let out = export_sheets(dir.path(), &id);
    let source = out.join("自己点検_保育.xlsx");
    let before = session_bytes(dir.path(), &id);

    let invalid = dir.path().join("invalid.xlsx");
    fill(&source, &invalid, &|item| match item {
        "I-3" => Some(("◎".into(), String::new())),
        _ => hoiku_answers(item),
    });
    let row = 6 + item_index("I-3");
    let output = import(dir.path(), &id, &[&invalid]);
    assert!(!output.status.success());
    let expected = format!("invalid.xlsx:保育!E{row}: \"◎\" is not a mark");
    assert!(stderr(&output).contains(&expected), "{}", stderr(&output));
    assert!(stderr(&output).contains("nothing was imported"));

    let other = new_session(dir.path(), "other", "別の監査");
    let other_dir = dir.path().join("other-out");
    let output = run(kansa_in(dir.path())
        .args([
            "export",
            &other,
            "--format",
            "xlsx",
            "--report",
            "selfcheck",
            "-o",
        ])
        .arg(&other_dir));
    assert!(output.status.success());
    let output = import(dir.path(), &id, &[&other_dir.join("自己点検_保育.xlsx")]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("自己点検_保育.xlsx:kansa!B2: a sheet of another round"),
        "{}",
        stderr(&output)
    );

    let bytes = std::fs::read(&source).unwrap();
    let truncated = dir.path().join("truncated.xlsx");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let output = import(dir.path(), &id, &[&truncated]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("truncated.xlsx: cannot read the workbook"),
        "{}",
        stderr(&output)
    );

    // A good file beside a bad one: nothing from either.
    let good = dir.path().join("good.xlsx");
    fill(&source, &good, &hoiku_answers);
    let output = import(dir.path(), &id, &[&good, &invalid]);
    assert!(!output.status.success());
    assert_eq!(session_bytes(dir.path(), &id), before, "byte for byte");
}

#[test]
fn a_reimport_replaces_the_departments_answers_and_history_keeps_both() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "seed", TITLE);
    let out = export_sheets(dir.path(), &id);
    let source = out.join("自己点検_保育.xlsx");
    let first = dir.path().join("first.xlsx");
    fill(&source, &first, &|item| {
        (item == "I-1").then(|| ("適正".into(), String::new()))
    });
    let second = dir.path().join("second.xlsx");
    fill(&source, &second, &hoiku_answers);
    assert!(import(dir.path(), &id, &[&first]).status.success());
    let again = import(dir.path(), &id, &[&first]);
    assert!(
        stdout(&again).contains("nothing changed"),
        "{}",
        stdout(&again)
    );
    assert!(import(dir.path(), &id, &[&second]).status.success());
    let session = on_disk(dir.path(), &id);
    let own = session.hearing("保育").unwrap().selfcheck.clone().unwrap();
    assert_eq!(own.file, "second.xlsx");
    assert_eq!(own.mark("I-3"), Some("△"));
    let history = stdout(&run(kansa_in(dir.path()).args(["history", &id])));
    assert!(history.contains("(none) → first.xlsx"), "{history}");
    assert!(history.contains("first.xlsx") && history.contains("→ second.xlsx"));
    // Blank rows are no answer.
    let blank = dir.path().join("blank.xlsx");
    fill(&source, &blank, &|_| None);
    assert!(import(dir.path(), &id, &[&blank]).status.success());
    let session = on_disk(dir.path(), &id);
    assert!(
        session
            .hearing("保育")
            .unwrap()
            .selfcheck
            .as_ref()
            .unwrap()
            .answers
            .is_empty()
    );
}

/// LibreOffice opens and re-saves the filled workbook; kansa still reads it.
#[test]
fn a_workbook_resaved_by_libreoffice_still_imports() {
    let Ok(soffice) = which("soffice") else {
        eprintln!("soffice is not installed: the LibreOffice round trip is not tested");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "seed", TITLE);
    let out = export_sheets(dir.path(), &id);
    let resaved = dir.path().join("lo");
    let status = std::process::Command::new(soffice)
        .env("HOME", dir.path())
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx",
            "--outdir",
        ])
        .arg(&resaved)
        .arg(out.join("自己点検_保育.xlsx"))
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let resaved = resaved.join("自己点検_保育.xlsx");
    let xml = sheet_xml(&resaved, "xl/worksheets/sheet2.xml");
    assert!(
        xml.contains("適正,監査指導により改善,改善を要する,該当なし"),
        "{xml}"
    );
    assert!(xml.contains("<sheetProtection"), "still protected");
    let output = import(dir.path(), &id, &[&resaved]);
    assert!(output.status.success(), "{}", stderr(&output));
    let filled = dir.path().join("filled.xlsx");
    fill(&resaved, &filled, &hoiku_answers);
    let output = import(dir.path(), &id, &[&filled]);
    assert!(output.status.success(), "{}", stderr(&output));
    let session = on_disk(dir.path(), &id);
    let own = session.hearing("保育").unwrap().selfcheck.clone().unwrap();
    assert_eq!(own.mark("I-3"), Some("△"));
    assert_eq!(
        own.answer("I-3").unwrap().comment,
        "付箋は撤去し、施錠保管に改めた"
    );
}

fn which(name: &str) -> Result<PathBuf, ()> {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|p| p.join(name))
        .find(|p| p.is_file())
        .ok_or(())
}

#[test]
fn a_returned_sheet_is_imported_from_the_department_sheet_screen() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "seed", TITLE);
    let out = export_sheets(dir.path(), &id);
    let filled = dir.path().join("保育_記入済.xlsx");
    fill(&out.join("自己点検_保育.xlsx"), &filled, &hoiku_answers);
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育課")).unwrap();
    char_key(&mut app, 'o');
    char_key(&mut app, 'I');
    app.handle(kansa::tui::Input::Paste(filled.display().to_string()));
    key(&mut app, KeyCode::Enter);
    let screen = screen_text(&app, 100, 30);
    assert!(
        screen.contains("1 部署の自己評価を取り込みました"),
        "{screen}"
    );
    let saved = on_disk(dir.path(), &id);
    let own = saved.hearing("保育").unwrap().self_mark("I-3");
    assert_eq!(own, Some("△"), "the department's own answer, not a mark");
    assert_eq!(
        saved.answer("保育", "I-3").and_then(|a| a.mark.clone()),
        None
    );

    char_key(&mut app, 'I');
    app.handle(kansa::tui::Input::Paste("/nonexistent/sheet.xlsx".into()));
    key(&mut app, KeyCode::Enter);
    assert!(screen_text(&app, 100, 30).contains("取り込みませんでした"));
}

#[test]
fn files_a_returned_sheet_names_are_attached_to_their_cells() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "seed", TITLE);
    let out = export_sheets(dir.path(), &id);
    let back = dir.path().join("返送");
    std::fs::create_dir_all(&back).unwrap();
    std::fs::write(back.join("施錠保管の写真.jpg"), b"photo of the cabinet").unwrap();
    std::fs::write(back.join("手順書.pdf"), b"%PDF procedure").unwrap();
    let filled = back.join("保育_記入済.xlsx");
    let names = |id: &str| (id == "I-3").then(|| "施錠保管の写真.jpg\n手順書.pdf".to_string());
    fill_naming(
        &out.join("自己点検_保育.xlsx"),
        &filled,
        &hoiku_answers,
        &names,
    );
    let output = import(dir.path(), &id, &[&filled]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("施錠保管の写真.jpg"),
        "{}",
        stdout(&output)
    );
    let saved = on_disk(dir.path(), &id);
    let attached: Vec<_> = saved
        .evidence()
        .map(|a| a.attachment.file.name.clone())
        .collect();
    assert_eq!(attached, ["施錠保管の写真.jpg", "手順書.pdf"]);
    assert_eq!(saved.evidence_count("保育", "I-3"), 2);

    // A sheet naming a file that is not there imports nothing.
    let other = dir.path().join("other");
    std::fs::create_dir_all(&other).unwrap();
    let id2 = new_session(&other, "seed2", TITLE);
    let out2 = export_sheets(&other, &id2);
    let missing = back.join("欠けている.xlsx");
    let gone = |id: &str| (id == "I-3").then(|| "ない写真.jpg".to_string());
    fill_naming(
        &out2.join("自己点検_保育.xlsx"),
        &missing,
        &hoiku_answers,
        &gone,
    );
    let output = import(&other, &id2, &[&missing]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("ない写真.jpg"),
        "{}",
        stderr(&output)
    );
    let saved = on_disk(&other, &id2);
    assert!(
        saved.hearing("保育").unwrap().selfcheck.is_none(),
        "nothing imported"
    );
}
