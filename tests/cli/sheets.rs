//! `kansa import checklist` and `kansa export-checklist` as a user runs them: every
//! bundled checklist survives the trip through a spreadsheet (XLSX and CSV), and a
//! malformed sheet is refused in one line that names the sheet and the cell.

use std::path::{Path, PathBuf};
use std::process::Command;

use kansa::checklist::Checklist;
use rust_xlsxwriter::Workbook;

fn kansa() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kansa"));
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("KANSA_DATA_DIR")
        .arg("--lang")
        .arg("en");
    command
}

use crate::common::run;

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

fn bundled_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("checklists");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_bundled_checklist_survives_a_spreadsheet_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let files = bundled_files();
    assert!(files.len() >= 3, "{files:?}");
    for file in files {
        let original = Checklist::load(&file).unwrap();
        for extension in ["xlsx", "csv"] {
            let stem = file.file_stem().unwrap().to_string_lossy();
            let sheet = dir.path().join(format!("{stem}.{extension}"));
            let ron = dir.path().join(format!("{stem}.{extension}.ron"));
            let output = run(kansa()
                .arg("export-checklist")
                .arg(&file)
                .arg("-o")
                .arg(&sheet));
            assert!(output.status.success(), "{}", text(&output.stderr));
            let output = run(kansa()
                .args(["import", "checklist"])
                .arg(&sheet)
                .arg("-o")
                .arg(&ron));
            assert!(
                output.status.success(),
                "{}: {}",
                sheet.display(),
                text(&output.stderr)
            );
            assert!(
                text(&output.stdout).contains(&original.summary(&ron, &kansa::i18n::MESSAGES_EN)),
                "{}",
                text(&output.stdout)
            );
            let imported = Checklist::load(&ron).unwrap();
            // Which departments it is for too (概要's 適用条件 and 対象部署).
            assert_eq!(imported, original, "{}", sheet.display());
            let written = std::fs::read_to_string(&ron).unwrap();
            assert!(
                written.starts_with("// "),
                "a commented checklist: {written}"
            );
            assert!(written.contains(" row "), "rows are named: {written}");
            let output = run(kansa().arg("validate").arg(&ron));
            assert!(output.status.success(), "{}", text(&output.stderr));
        }
    }
}

#[test]
fn the_bundled_checklist_is_exported_when_no_file_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("bundled.xlsx");
    let output = run(kansa().arg("export-checklist").arg("-o").arg(&xlsx));
    assert!(output.status.success(), "{}", text(&output.stderr));
    let (imported, _) = kansa::sheet::read(&xlsx).unwrap();
    assert_eq!(imported, Checklist::bundled());
    // The explaining sheet comes first and names every column of the layout.
    use calamine::Reader;
    let mut workbook = calamine::open_workbook_auto(&xlsx).unwrap();
    let names = workbook.sheet_names();
    assert_eq!(
        names,
        ["説明", "項目", "評価", "部署", "得点区分", "入力欄", "概要"]
    );
    let help = workbook.worksheet_range("説明").unwrap();
    let explained: Vec<String> = help.rows().map(|r| r[1].to_string()).collect();
    for column in [
        "領域",
        "項目ID",
        "適用条件",
        "対象部署",
        "記号",
        "キー",
        "意味",
        "重大度",
        "点数",
        "部署名",
        "下限",
    ] {
        assert!(explained.iter().any(|c| c == column), "{column} explained");
    }
    let output = run(kansa().args(["export-checklist", "-o", "-"]));
    assert!(
        text(&output.stdout).starts_with("\u{feff}[項目]\n"),
        "CSV on stdout"
    );
}

/// A workbook of `sheets`, each a list of rows of cells (the first row the header).
fn workbook(path: &Path, sheets: &[(&str, Vec<Vec<String>>)]) {
    book(sheets).save(path).unwrap();
}

fn book(sheets: &[(&str, Vec<Vec<String>>)]) -> Workbook {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if !cell.is_empty() {
                    sheet.write_string(r as u32, c as u16, cell).unwrap();
                }
            }
        }
    }
    book
}

fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

/// A small valid checklist as sheets: two areas, a gate, a department list, points.
fn valid() -> Vec<(&'static str, Vec<Vec<String>>)> {
    vec![
        (
            "項目",
            rows(&[
                &[
                    "領域",
                    "領域名",
                    "項目ID",
                    "項目",
                    "ヒアリングの観点",
                    "適用条件",
                    "対象部署",
                ],
                &["A", "基本", "A-1", "規程がある", "規程を見る", "", ""],
                &[
                    "A",
                    "",
                    "A-2",
                    "規程を守っている",
                    "",
                    "Not(Answer(\"A-1\", \"×\"))",
                    "",
                ],
                &[
                    "B",
                    "窓口",
                    "B-1",
                    "画面が見えない",
                    "",
                    "madoguchi",
                    "市民課",
                ],
            ]),
        ),
        (
            "評価",
            rows(&[
                &["記号", "ASCII", "名称", "キー", "意味", "点数"],
                &["○", "o", "適正", "1", "適合", "2"],
                &["×", "x", "改善を要する", "3", "要改善", "0"],
                &["-", "", "該当なし", "0", "該当なし", ""],
            ]),
        ),
        (
            "部署",
            rows(&[
                &["部署名", "略称", "タグ"],
                &["総務課", "総務", ""],
                &["市民課", "市民", "madoguchi"],
            ]),
        ),
    ]
}

/// Imports `sheets` and returns the one-line error.
fn refused(name: &str, sheets: &[(&str, Vec<Vec<String>>)]) -> (PathBuf, String) {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    let path = dir.join(name);
    workbook(&path, sheets);
    let out = dir.join("out.ron");
    let output = run(kansa()
        .args(["import", "checklist"])
        .arg(&path)
        .arg("-o")
        .arg(&out));
    assert!(!output.status.success(), "{name} must be refused");
    assert!(!out.exists(), "nothing written for {name}");
    let err = text(&output.stderr);
    assert_eq!(err.lines().count(), 1, "{name}: one line: {err}");
    (path, err.trim_end().to_string())
}

fn expect_at(name: &str, sheets: &[(&str, Vec<Vec<String>>)], cell: &str, message: &str) {
    let (path, err) = refused(name, sheets);
    let at = format!("{}:{cell}: ", path.display());
    assert!(err.contains(&at), "{name}: expected {at}…, got {err}");
    assert!(
        err.contains(message),
        "{name}: expected {message:?} in {err}"
    );
}

#[test]
fn a_valid_sheet_imports_with_its_gate_list_and_points() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("checklist.xlsx");
    workbook(&path, &valid());
    let (checklist, _) = kansa::sheet::read(&path).unwrap();
    assert_eq!(checklist.id, "checklist");
    assert_eq!(checklist.item_count(), 3);
    assert_eq!(checklist.areas[1].title, "窓口");
    assert_eq!(
        checklist.scale[2].ascii, "-",
        "an ASCII symbol is its own ASCII form"
    );
    assert_eq!(checklist.scale[0].points, Some(2));
    assert_eq!(checklist.scale[2].points, None);
    assert_eq!(checklist.departments[1].tags, ["madoguchi"]);
    let b1 = checklist.item("B-1").unwrap();
    assert_eq!(b1.departments, ["市民課"]);
    assert_eq!(
        b1.applies,
        kansa::checklist::Condition::Tag("madoguchi".into())
    );
}

#[test]
fn a_missing_column_is_named_at_the_header() {
    let mut sheets = valid();
    for row in &mut sheets[0].1 {
        row.remove(2);
    }
    expect_at(
        "missing-column.xlsx",
        &sheets,
        "項目!G1",
        "no column \"項目ID\"",
    );
}

#[test]
fn a_duplicate_item_id_is_named_at_its_cell() {
    let mut sheets = valid();
    sheets[0].1[3][2] = "A-1".into();
    expect_at(
        "duplicate-id.xlsx",
        &sheets,
        "項目!C4",
        "duplicate 項目ID \"A-1\"",
    );
}

#[test]
fn an_unknown_mark_is_named_at_its_cell() {
    let mut sheets = valid();
    sheets[0].1[2][5] = "Not(Answer(\"A-1\", \"◎\"))".into();
    expect_at("unknown-mark.xlsx", &sheets, "項目!F3", "no mark \"◎\"");
    let mut sheets = valid();
    sheets[1].1[2][4] = "改善".into();
    expect_at(
        "unknown-meaning.xlsx",
        &sheets,
        "評価!E3",
        "\"改善\" is not a value of \"意味\"",
    );
}

#[test]
fn an_empty_scale_is_named_below_its_header() {
    let mut sheets = valid();
    sheets[1].1.truncate(1);
    expect_at("empty-scale.xlsx", &sheets, "評価!A2", "at least one mark");
}

#[test]
fn other_mistakes_are_named_at_their_cells() {
    let mut sheets = valid();
    sheets[1].1[1][3] = "q".into();
    expect_at("bound-key.xlsx", &sheets, "評価!D2", "used by the screens");
    let mut sheets = valid();
    sheets[1].1[1][5] = "二".into();
    expect_at("points.xlsx", &sheets, "評価!F2", "whole number");
    let mut sheets = valid();
    sheets[0].1[3][6] = "経理課".into();
    expect_at("department.xlsx", &sheets, "項目!G4", "\"経理課\"");
    let mut sheets = valid();
    sheets[0].1[3][5] = "kikan".into();
    expect_at(
        "tag.xlsx",
        &sheets,
        "項目!F4",
        "no department has the tag \"kikan\"",
    );
    let mut sheets = valid();
    sheets[0].1[2][3] = String::new();
    expect_at(
        "text.xlsx",
        &sheets,
        "項目!D3",
        "expected a value in \"項目\"",
    );
    let sheets = valid()[..1].to_vec();
    let (path, err) = refused("no-scale.xlsx", &sheets);
    assert!(
        err.contains(&format!("{}:評価: no sheet", path.display())),
        "{err}"
    );
}

#[test]
fn a_non_ascii_symbol_without_an_ascii_column_is_named_at_the_symbol() {
    let mut sheets = valid();
    for row in &mut sheets[1].1 {
        row.remove(1);
    }
    expect_at("no-ascii.xlsx", &sheets, "評価!A2", "is not ASCII");
}

#[test]
fn a_tag_no_department_has_in_the_report_wording_is_named_at_its_cell() {
    let mut sheets = valid();
    let facts = r#"(overrides: [(applies: Tag("madoguti"), scope: Some("窓口"))])"#;
    sheets.push((
        "概要",
        rows(&[&["項目", "内容"], &["報告書の記載（RON）", facts]]),
    ));
    expect_at(
        "facts-tag.xlsx",
        &sheets,
        "概要!B2",
        "no department has the tag \"madoguti\"",
    );
    // A 対象システム's condition too (found by the CSV fuzzer: it was refused only by
    // the RON written, without its cell).
    let mut sheets = valid();
    let facts = r#"(systems: [(name: "基幹系", applies: Tag("kikann"))])"#;
    sheets.push((
        "概要",
        rows(&[&["項目", "内容"], &["報告書の記載（RON）", facts]]),
    ));
    expect_at(
        "systems-tag.xlsx",
        &sheets,
        "概要!B2",
        "no department has the tag \"kikann\"",
    );
}

#[test]
fn a_title_of_two_lines_imports() {
    // The written RON names the title in a comment: a line break must not end it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two-lines.xlsx");
    let mut sheets = valid();
    let title = "令和6年度\n情報セキュリティ内部監査";
    sheets.push(("概要", rows(&[&["項目", "内容"], &["名称", title]])));
    workbook(&path, &sheets);
    let out = dir.path().join("out.ron");
    let (checklist, _) = kansa::sheet::import(&path, &out).unwrap();
    assert_eq!(checklist.title, title);
}

#[test]
fn cells_far_apart_are_read_without_spanning_the_grid_between() {
    // A1 and XFD1048576: calamine's range of a sheet would span 17 billion cells and
    // abort the process (calamine#693).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("far.xlsx");
    let mut far = book(&valid());
    let notes = far.add_worksheet().set_name("メモ").unwrap();
    notes.write_string(0, 0, "メモ").unwrap();
    notes.write_string(1_048_575, 16_383, "端").unwrap();
    far.save(&path).unwrap();
    let (checklist, _) = kansa::sheet::read(&path).unwrap();
    assert_eq!(checklist.item_count(), 3);
    // Each of many rows that far out costs a whole row: past a million cells, the
    // sheet is refused at the cell that went over.
    for row in 0..100 {
        let notes = far.worksheet_from_name("メモ").unwrap();
        notes.write_string(row * 1000, 16_383, "端").unwrap();
    }
    far.save(&path).unwrap();
    let error = kansa::sheet::read(&path).unwrap_err();
    assert_eq!(error.sheet.as_deref(), Some("メモ"), "{error}");
    assert_eq!(error.column, Some(16_383), "{error}");
    assert!(error.row.is_some(), "{error}");
}

#[test]
fn a_csv_of_sections_names_the_section_and_the_file_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("checklist.csv");
    let csv = "\u{feff}[評価]\n記号,ASCII,名称,キー,意味\n○,o,適正,1,適合\n\n[項目]\n領域,領域名,項目ID,項目\nA,基本,A-1,一つ目\nA,,A-1,二つ目\n";
    std::fs::write(&path, csv).unwrap();
    let output = run(kansa()
        .args(["import", "checklist"])
        .arg(&path)
        .args(["-o", "-"]));
    assert!(!output.status.success());
    let err = text(&output.stderr);
    assert!(
        err.contains(&format!(
            "{}:項目!C8: duplicate 項目ID \"A-1\"",
            path.display()
        )),
        "{err}"
    );

    std::fs::write(&path, csv.replace("A,,A-1,二つ目", "A,,A-2,二つ目")).unwrap();
    let output = run(kansa()
        .args(["import", "checklist"])
        .arg(&path)
        .args(["-o", "-"]));
    assert!(output.status.success(), "{}", text(&output.stderr));
    let ron = text(&output.stdout);
    let checklist = Checklist::parse(&ron, Path::new("stdout.ron")).unwrap();
    assert_eq!(checklist.item_count(), 2);
    assert!(checklist.departments.is_empty());
}

/// Issue 22, point 9: spreadsheets as people keep them. An item ID Excel turned into a
/// date imports as shown; a tag list in 適用条件 is split on commas, 読点 and spaces.
#[test]
fn dates_and_tag_lists_import_as_people_wrote_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dated.xlsx");
    let mut sheets = valid();
    sheets[0].1[3][5] = "madoguchi、kikan".into();
    sheets[0].1.push(
        ["C", "其の他", "", "日付の項目", "", "madoguchi kikan", ""]
            .iter()
            .map(|c| c.to_string())
            .collect(),
    );
    sheets[2].1[1][2] = "kikan".into();
    let mut book = book(&sheets);
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 1, 1).unwrap();
    let format = rust_xlsxwriter::Format::new().set_num_format("yyyy/m/d");
    book.worksheet_from_name("項目")
        .unwrap()
        .write_datetime_with_format(4, 2, &date, &format)
        .unwrap();
    book.save(&path).unwrap();
    let (checklist, _) = kansa::sheet::read(&path).unwrap();
    let dated = checklist.items().nth(3).unwrap().1;
    assert_eq!(dated.id, "2024/1/1", "not the serial 45292");
    let either = kansa::checklist::Condition::Any(vec![
        kansa::checklist::Condition::Tag("madoguchi".into()),
        kansa::checklist::Condition::Tag("kikan".into()),
    ]);
    assert_eq!(checklist.item("B-1").unwrap().applies, either);
    assert_eq!(dated.applies, either);
}

/// Issue 22, point 9: a CSV row outside any section is named by its line.
#[test]
fn a_csv_row_outside_a_section_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loose.csv");
    std::fs::write(&path, "\n\n記号,ASCII\n[評価]\n").unwrap();
    let output = run(kansa()
        .args(["import", "checklist"])
        .arg(&path)
        .args(["-o", "-"]));
    assert!(!output.status.success());
    let err = text(&output.stderr);
    assert!(err.contains(&format!("{}:3: ", path.display())), "{err}");
}
