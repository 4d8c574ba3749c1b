//! The documents of a round of several checklists (issue 24, point 5), read back from
//! every format, Word and Excel files included: the 実施報告書's item rows a part per
//! checklist, each department's 結果報告書 a section per checklist that is for it, and
//! a 結果一覧 per checklist. The seed's round with the bundled 特定個人情報 checklist,
//! and with a checklist of another shape (a scale with severities) beside it.

use std::io::Read;
use std::path::Path;

use kansa::checklist::Checklist;
use kansa::export::{self, Format, Report};
use kansa::i18n::Lang;
use kansa::session::{Change, Event, Session, qualified};

const TOKUTEI: &str = "特定個人情報の適正な取扱いに係るチェックリスト";
const ISMS: &str = "情報セキュリティ内部監査（重大度による評価）";
/// The main checklist's title (the seed's checklist is named after its audit).
const MAIN: &str = "令和6年度（上半期）情報セキュリティ内部監査";

fn part(title: &str) -> String {
    format!("『{title}』による確認結果")
}

/// The seed's whole round with the bundled checklist `file` added beside its own.
fn round(file: &str) -> Session {
    let mut session = kansa::seed::whole_round("two").unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    session
        .add_checklist(Checklist::load(&path).unwrap())
        .unwrap();
    session
}

fn apply(session: &mut Session, change: Change) {
    let at = chrono::DateTime::parse_from_rfc3339("2024-09-27T10:00:00+09:00").unwrap();
    let event = Event {
        at,
        by: "監査 太郎".into(),
        change,
        hlc: None,
    };
    session.apply(event).unwrap();
}

/// Marks `item` of the second checklist (`checklist`) for `department`, with a note.
fn mark(session: &mut Session, checklist: &str, cell: (&str, &str), symbol: &str, note: &str) {
    let (department, item) = cell;
    let item = qualified(checklist, item);
    let change = session.set_mark(department, &item, Some(symbol)).unwrap();
    apply(session, change);
    if !note.is_empty() {
        let change = session.set_note(department, &item, note).unwrap();
        apply(session, change);
    }
}

fn write(session: &Session, report: Report, format: Format) -> Vec<u8> {
    export::write(session, report, format, Lang::Ja).unwrap()
}

fn zip_part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = archive.by_name(name).unwrap();
    let mut text = String::new();
    part.read_to_string(&mut text).unwrap();
    text
}

/// A DOCX's text, a line per paragraph (runs joined, markup dropped); `&` and `<`
/// as written.
fn docx_text(bytes: &[u8]) -> String {
    let xml = zip_part(bytes, "word/document.xml");
    let mut out = String::new();
    for paragraph in xml.split("</w:p>") {
        for piece in paragraph.split("<w:t").skip(1) {
            if !piece.starts_with(['>', ' ']) {
                continue;
            }
            let start = piece.find('>').unwrap_or(0);
            let end = piece.find("</w:t>").unwrap_or(piece.len());
            out.push_str(&piece[start + 1..end]);
        }
        out.push('\n');
    }
    out.replace("&amp;", "&").replace("&lt;", "<")
}

/// The cells of a workbook's sheet, row by row (empty cells as "").
fn sheet_rows(bytes: &[u8], name: &str) -> Vec<Vec<String>> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let range = book
        .worksheet_range(name)
        .unwrap_or_else(|e| panic!("{name}: {e} in {:?}", book.sheet_names()));
    range
        .rows()
        .map(|row| row.iter().map(|c| c.to_string()).collect())
        .collect()
}

fn sheet_names(bytes: &[u8]) -> Vec<String> {
    use calamine::Reader;
    let book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    book.sheet_names()
}

/// The place of the first row whose first cell is `first`.
fn row_of(rows: &[Vec<String>], first: &str) -> usize {
    rows.iter()
        .position(|r| r.first().is_some_and(|c| c == first))
        .unwrap_or_else(|| panic!("no row {first} in {rows:?}"))
}

/// Where `text` is in `doc`, after `from`.
fn at(doc: &str, text: &str, from: usize) -> usize {
    doc[from..]
        .find(text)
        .map(|i| i + from)
        .unwrap_or_else(|| panic!("no {text} after {from} in\n{doc}"))
}

/// The seed's round with the 特定個人情報 checklist: 保育 fails T2-1 with a note, 防災
/// and 障がい comply with it.
fn tokutei_round() -> Session {
    let mut session = round("checklists/tokutei-kojin-joho.ron");
    let id = "tokutei-kojin-joho";
    mark(
        &mut session,
        id,
        ("保育", "T2-1"),
        "×",
        "研修の受講記録がない。",
    );
    mark(&mut session, id, ("防災", "T2-1"), "○", "");
    mark(&mut session, id, ("障がい", "T2-1"), "○", "");
    session
}

/// Point 5: the 実施報告書's per-item rows come per checklist, each part headed by
/// its checklist's name and giving only the departments it is for, in every format.
#[test]
fn the_summary_has_a_part_per_checklist_in_every_format() {
    let session = tokutei_round();
    for format in [Format::Md, Format::Html, Format::Csv, Format::Docx] {
        let bytes = write(&session, Report::Summary, format);
        let doc = match format {
            Format::Docx => docx_text(&bytes),
            _ => String::from_utf8(bytes).unwrap(),
        };
        // 3 課別監査結果 sends the reader to each checklist's 結果一覧 (the CSV is the
        // item rows alone).
        if format != Format::Csv {
            let appendix = at(&doc, &format!("別紙「{MAIN}結果一覧」のとおり"), 0);
            at(
                &doc,
                &format!("別紙「{MAIN}結果一覧（{TOKUTEI}）」のとおり"),
                appendix,
            );
        }
        let main = at(&doc, &part(MAIN), 0);
        let i1 = at(&doc, "I-1", main);
        let second = at(&doc, &part(TOKUTEI), i1);
        let t21 = at(&doc, "T2-1", second);
        // The 総評 figures close the HTML, Markdown and Word documents.
        let end = doc[t21..]
            .find("総評のための集計")
            .map_or(doc.len(), |i| i + t21);
        let rows = &doc[second..end];
        assert!(
            rows.contains("保育課：研修の受講記録がない。"),
            "{format:?}: {rows}"
        );
        for elsewhere in ["秘書広聴課", "管財課", "福祉総務課"] {
            assert!(
                !rows.contains(elsewhere),
                "{format:?}: {elsewhere} in {rows}"
            );
        }
        assert!(!doc[main..second].contains("T2-1"), "{format:?}");
        assert!(!rows.contains("III-7"), "{format:?}");
        if format == Format::Csv {
            continue;
        }
        // The figures for the 総評 too come per checklist: 保育課 must improve T2-1.
        let overview = at(&doc, "総評のための集計", t21);
        let main = at(&doc, &part(MAIN), overview);
        let needing = at(&doc, "保育課：I-2(2)、I-3、I-5(2)、III-7", main);
        let second = at(&doc, &part(TOKUTEI), needing);
        at(&doc, "保育課：T2-1", second);
    }
    let xlsx = write(&session, Report::Summary, Format::Xlsx);
    let rows = sheet_rows(&xlsx, "実施報告書");
    let appendix = format!("別紙「{MAIN}結果一覧（{TOKUTEI}）」のとおり");
    assert!(rows.concat().contains(&appendix), "{rows:?}");
    let (main, i1) = (row_of(&rows, &part(MAIN)), row_of(&rows, "I-1"));
    let (second, t21) = (row_of(&rows, &part(TOKUTEI)), row_of(&rows, "T2-1"));
    assert!(main < i1 && i1 < second && second < t21, "{rows:?}");
    assert_eq!(
        rows[t21][2..5],
        [
            "防災安全課、障がい福祉課",
            "保育課",
            "保育課：研修の受講記録がない。"
        ],
        "{:?}",
        rows[t21]
    );
    let t11 = row_of(&rows, "T1-1");
    assert_eq!(rows[t11][4], "未回答：防災安全課、保育課、障がい福祉課");
    let figures = sheet_rows(&xlsx, "総評の集計");
    let second = row_of(&figures, &part(TOKUTEI));
    let hoiku = figures.iter().rposition(|r| r[0] == "保育課").unwrap();
    assert!(second < hoiku);
    assert_eq!(figures[hoiku][1], "T2-1");
}

/// The round of one checklist keeps its 実施報告書 as it was: no part headings.
#[test]
fn a_round_of_one_checklist_has_no_part_headings() {
    let session = kansa::seed::whole_round("one").unwrap();
    for format in [Format::Md, Format::Html, Format::Csv] {
        let text = String::from_utf8(write(&session, Report::Summary, format)).unwrap();
        assert!(!text.contains("による確認結果"), "{format:?}");
        assert!(!text.contains("使用したチェックリスト"), "{format:?}");
    }
    let docx = docx_text(&write(&session, Report::Summary, Format::Docx));
    assert!(!docx.contains("による確認結果"));
}

/// The seed's round with the severity checklist: 保育 A-1 重大な不適合, 管財 A-1
/// 観察事項, 秘書 A-1 適合.
fn severity_round() -> Session {
    let mut session = round("checklists/isms-severity.ron");
    let id = "isms-severity";
    mark(&mut session, id, ("管財", "A-1"), "観", "");
    mark(
        &mut session,
        id,
        ("保育", "A-1"),
        "重",
        "責任者が決まっていない。",
    );
    mark(&mut session, id, ("秘書", "A-1"), "○", "");
    session
}

/// Point 5 with a second checklist of another shape: its part of the 実施報告書 names
/// the failing departments worst first with their level, on their level's fill, under
/// a legend of its own levels (the seed's scale has none).
#[test]
fn a_second_scale_with_severities_has_its_legend_and_fills_in_its_part() {
    let session = severity_round();
    let graded = "保育課（重大な不適合）、管財課（観察事項）";
    for format in [Format::Md, Format::Csv] {
        let text = String::from_utf8(write(&session, Report::Summary, format)).unwrap();
        let second = at(&text, &part(ISMS), 0);
        at(&text, graded, second);
    }
    let html = String::from_utf8(write(&session, Report::Summary, Format::Html)).unwrap();
    assert!(html.contains("td.level0, span.level0 { background: #ff8c8c; }"));
    assert!(html.contains("td.level2, span.level2 { background: #fce4d6; }"));
    let second = at(&html, &part(ISMS), 0);
    let legend = at(
        &html,
        "<span class=\"needs level0\">重：重大な不適合</span>",
        second,
    );
    at(
        &html,
        "<span class=\"needs level0\">保育課（重大な不適合）</span>、<span class=\"needs level2\">管財課（観察事項）</span>",
        legend,
    );
    // The seed's own part has no legend of levels: it has none.
    assert!(!html[..second].contains("<p class=\"legend\">"));
    // Every report in one page: the second checklist's 結果一覧 fills its cells by
    // level, though the page's own (the seed's) scale has no levels.
    let all = String::from_utf8(write(&session, Report::All, Format::Html)).unwrap();
    assert!(all.contains("td.level0, span.level0 { background: #ff8c8c; }"));
    let matrix = at(&all, &format!("{MAIN} 結果一覧（{ISMS}）"), 0);
    at(&all, "<td class=\"needs level0\">重</td>", matrix);

    let docx = write(&session, Report::Summary, Format::Docx);
    let xml = zip_part(&docx, "word/document.xml");
    let second = at(&xml, &part(ISMS), 0);
    for (text, fill) in [
        ("重：重大な不適合", "FF8C8C"),
        ("観：観察事項", "FCE4D6"),
        ("保育課（重大な不適合）", "FF8C8C"),
        ("管財課（観察事項）", "FCE4D6"),
    ] {
        let run = xml[second..]
            .split("<w:r>")
            .find(|run| run.contains(&format!(">{text}</w:t>")))
            .unwrap_or_else(|| panic!("no run {text} in the second part"));
        assert!(run.contains(&format!("w:fill=\"{fill}\"")), "{text}: {run}");
    }
    let text = docx_text(&docx);
    assert!(!text[..at(&text, &part(ISMS), 0)].contains("重："));

    let xlsx = write(&session, Report::Summary, Format::Xlsx);
    let rows = sheet_rows(&xlsx, "実施報告書");
    let a1 = rows
        .iter()
        .skip(row_of(&rows, &part(ISMS)))
        .find(|r| r[0] == "A-1")
        .unwrap();
    assert_eq!(a1[2], "秘書広聴課");
    assert_eq!(a1[3], graded);
}

/// The fill (ARGB) of the cell at `row`, `column` (from 0) of the sheet at `sheet`
/// (from 0) of a workbook, from the cell's style and styles.xml's formats and fills.
fn xlsx_fill(bytes: &[u8], sheet: usize, row: usize, column: usize) -> Option<String> {
    let xml = zip_part(bytes, &format!("xl/worksheets/sheet{}.xml", sheet + 1));
    let styles = zip_part(bytes, "xl/styles.xml");
    let attr = |tag: &str, name: &str| -> Option<String> {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(tag[start..].split('"').next()?.to_string())
    };
    let letter = char::from(b'A' + column as u8);
    let at = format!("r=\"{letter}{}\"", row + 1);
    let cell = xml.split("<c ").find(|c| c.starts_with(&at))?;
    let style: usize = attr(cell, "s")?.parse().ok()?;
    let xfs = styles
        .split("<cellXfs")
        .nth(1)?
        .split("</cellXfs>")
        .next()?;
    let xf = xfs.split("<xf ").nth(style + 1)?;
    let fill: usize = attr(&format!(" {xf}"), "fillId")?.parse().ok()?;
    let fills = styles.split("<fills").nth(1)?.split("</fills>").next()?;
    let fill = fills.split("<fill>").nth(fill + 1)?;
    attr(fill.split("<fgColor").nth(1)?, "rgb")
}

/// Point 5: every report in one workbook has the second checklist's 結果一覧 on a
/// sheet of its own, its departments only, its marks on their levels' fills and its
/// own legend; read back cell by cell.
#[test]
fn the_workbook_has_the_second_checklists_matrix_with_its_fills_and_legend() {
    let session = severity_round();
    let xlsx = write(&session, Report::All, Format::Xlsx);
    let names = sheet_names(&xlsx);
    assert_eq!(
        names[..2],
        ["結果一覧", "結果一覧 isms-severity"],
        "{names:?}"
    );
    let rows = sheet_rows(&xlsx, "結果一覧 isms-severity");
    // Its printed title names its checklist; the main one's is the 結果一覧 as always.
    assert_eq!(rows[0][0], format!("{MAIN} 結果一覧（{ISMS}）"));
    let main = sheet_rows(&xlsx, "結果一覧");
    assert_eq!(main[0][0], format!("{MAIN} 結果一覧"));
    let header = row_of(&rows, "項番");
    let column = |short: &str| {
        let found = rows[header].iter().position(|c| c == short);
        found.unwrap_or_else(|| panic!("no {short} in {:?}", rows[header]))
    };
    let a1 = row_of(&rows, "A-1");
    let (hoiku, kanzai, hisho) = (column("保育"), column("管財"), column("秘書"));
    assert_eq!(
        [&rows[a1][hoiku], &rows[a1][kanzai], &rows[a1][hisho]],
        ["重", "観", "○"]
    );
    // calamine's range starts at the first cell written: the title at A1.
    let fill = |row: usize, column: usize| xlsx_fill(&xlsx, 1, row, column);
    assert_eq!(fill(a1, hoiku).as_deref(), Some("FFFF8C8C"));
    assert_eq!(fill(a1, kanzai).as_deref(), Some("FFFCE4D6"));
    assert_eq!(fill(a1, hisho).as_deref(), Some("FFE2EFDA"));
    // The legend is the second checklist's scale, each symbol on its fill.
    let legend = row_of(&rows, "重");
    assert_eq!(rows[legend][1], "重大な不適合");
    assert_eq!(fill(legend, 0).as_deref(), Some("FFFF8C8C"));
    assert!(
        rows.iter().all(|r| r[0] != "×"),
        "the seed's scale: {rows:?}"
    );
    // The 実施報告書 sheet of the same workbook has the second part too.
    let summary = sheet_rows(&xlsx, "実施報告書");
    row_of(&summary, &part(ISMS));
}

/// Point 5: each department's 結果報告書, read back from Word and Excel, gives the
/// second checklist's 所見 and 指摘事項 in a section of its own after the main ones
/// (worst first on the severity scale); a department it is not for has no section.
#[test]
fn the_department_reports_have_the_second_checklists_section_in_word_and_excel() {
    let mut session = severity_round();
    let mark_a2 = session
        .set_mark("保育", &qualified("isms-severity", "A-2"), Some("観"))
        .unwrap();
    apply(&mut session, mark_a2);
    let area = qualified("isms-severity", "A");
    let observation = session
        .set_observation("保育", &area, "台帳は昨年度のままだった。")
        .unwrap();
    apply(&mut session, observation);
    // A 指摘事項 is written on the checklist's view, as the hearing writes it, and
    // recorded under the checklist's qualified area.
    for (item, text) in [("A-2", "台帳の更新漏れ"), ("A-1", "責任者の未指名")] {
        let view = session.view(1).unwrap();
        let finding = view.add_finding("保育", "A", &[item.into()], text).unwrap();
        apply(&mut session, finding.qualified("isms-severity").unwrap());
    }
    let docx = docx_text(&write(&session, Report::Departments, Format::Docx));
    let hoiku = at(&docx, "情報セキュリティ内部監査結果報告書（保育課）", 0);
    let main = at(&docx, "指摘事項：", hoiku);
    let second = at(&docx, &part(ISMS), main);
    let area = at(&docx, "○組織と規程に関して", second);
    let observed = at(&docx, "台帳は昨年度のままだった。", area);
    at(&docx, "指摘事項：責任者の未指名、台帳の更新漏れ", observed);

    let xlsx = write(&session, Report::Departments, Format::Xlsx);
    let names = sheet_names(&xlsx);
    let sheet = names.iter().find(|n| n.contains("保育")).unwrap();
    let cells: Vec<String> = sheet_rows(&xlsx, sheet).concat();
    let find = |text: &str| {
        cells
            .iter()
            .position(|c| c == text)
            .unwrap_or_else(|| panic!("no {text} in {cells:?}"))
    };
    let second = find(&part(ISMS));
    assert!(second < find("○組織と規程に関して"));
    assert!(find("○組織と規程に関して") < find("台帳は昨年度のままだった。"));
    assert!(find("台帳は昨年度のままだった。") < find("指摘事項：責任者の未指名、台帳の更新漏れ"));
    // The seed's own areas come first.
    assert!(find("○人的セキュリティに関して") < second);
}

/// Point 5 with the 特定個人情報 checklist: the Word and Excel 結果報告書 give its
/// section to 保育課, which handles 特定個人情報, and none to 秘書広聴課.
#[test]
fn the_tokutei_section_is_only_for_the_departments_it_is_for() {
    let mut session = tokutei_round();
    let area = qualified("tokutei-kojin-joho", "T3");
    let observation = session
        .set_observation("保育", &area, "保管庫は施錠されていた。")
        .unwrap();
    apply(&mut session, observation);
    let docx = docx_text(&write(&session, Report::Departments, Format::Docx));
    let hisho = at(&docx, "情報セキュリティ内部監査結果報告書（秘書広聴課）", 0);
    let next = at(
        &docx,
        "情報セキュリティ内部監査結果報告書（防災安全課）",
        hisho,
    );
    assert!(!docx[hisho..next].contains(&part(TOKUTEI)));
    let hoiku = at(&docx, "情報セキュリティ内部監査結果報告書（保育課）", 0);
    let second = at(&docx, &part(TOKUTEI), hoiku);
    at(
        &docx,
        "保管庫は施錠されていた。",
        at(&docx, "○物理的安全管理措置に関して", second),
    );

    let xlsx = write(&session, Report::Departments, Format::Xlsx);
    for (department, has) in [("保育", true), ("秘書", false)] {
        let names = sheet_names(&xlsx);
        let sheet = names.iter().find(|n| n.contains(department)).unwrap();
        let cells: Vec<String> = sheet_rows(&xlsx, sheet).concat();
        assert_eq!(
            cells.contains(&part(TOKUTEI)),
            has,
            "{department}: {cells:?}"
        );
    }
}

/// Point 5: `--report all` in Markdown and HTML gives the 結果一覧 of each checklist,
/// each under its checklist's name, with that checklist's departments and marks.
#[test]
fn every_report_at_once_has_each_checklists_matrix_in_markdown_and_html() {
    let session = tokutei_round();
    for format in [Format::Md, Format::Html] {
        let text = String::from_utf8(write(&session, Report::All, format)).unwrap();
        let main = at(&text, &format!("{MAIN} 結果一覧"), 0);
        let i1 = at(&text, "I-1", main);
        let second = at(&text, &format!("{MAIN} 結果一覧（{TOKUTEI}）"), i1);
        let t21 = at(&text, "T2-1", second);
        let reports = at(&text, "結果報告書", t21);
        let matrix = &text[second..reports];
        assert!(
            !matrix.contains("秘書") && !matrix.contains("III-7"),
            "{format:?}"
        );
        assert!(
            matrix.contains("保育") && matrix.contains("障がい"),
            "{format:?}"
        );
        assert!(matrix.contains("×"), "{format:?}");
        // Then the 結果報告書 and the 実施報告書, with its part per checklist.
        at(&text, &part(TOKUTEI), at(&text, "実施報告書", reports));
    }
    let docx = docx_text(&write(&session, Report::All, Format::Docx));
    let summary = at(&docx, &format!("{MAIN} 実施報告書"), 0);
    at(&docx, "T2-1", at(&docx, &part(TOKUTEI), summary));
}

/// A department with nothing to report under the second checklist still has its
/// section, saying so, in every format: never a bare heading (Word and LibreOffice
/// left such a heading, kept with the page break after it, off the printed page).
#[test]
fn a_section_with_nothing_to_report_says_so_in_every_format() {
    let session = tokutei_round();
    let nothing = "指摘事項：なし";
    for format in [Format::Md, Format::Html, Format::Csv, Format::Docx] {
        let bytes = write(&session, Report::Departments, format);
        let doc = match format {
            Format::Docx => docx_text(&bytes),
            _ => String::from_utf8(bytes).unwrap(),
        };
        let bousai = at(&doc, "防災安全課", 0);
        let section = at(&doc, &part(TOKUTEI), bousai);
        let next = at(&doc, "管財課", section);
        let said = &doc[section..next];
        assert!(
            said.contains(nothing) || said.contains("指摘事項,なし"),
            "{format:?}: {said}"
        );
    }
    let xlsx = write(&session, Report::Departments, Format::Xlsx);
    let names = sheet_names(&xlsx);
    let sheet = names.iter().find(|n| n.contains("防災")).unwrap();
    let rows = sheet_rows(&xlsx, sheet);
    let section = row_of(&rows, &part(TOKUTEI));
    assert_eq!(rows[section + 1][0], nothing, "{rows:?}");
}

/// A second checklist with points: its part of the 実施報告書's 総評 figures gives its
/// departments' scores (the main checklist's stand in 2 監査結果), in every format
/// that has the figures.
#[test]
fn a_second_checklist_with_points_gives_its_scores_in_its_part() {
    let mut session = round("checklists/self-diagnosis-points.ron");
    let id = "self-diagnosis-points";
    mark(&mut session, id, ("保育", "A-1"), "○", "");
    let title = session.extra[0].title.clone();
    let line = "保育課：4点／";
    for format in [Format::Md, Format::Html, Format::Docx, Format::Xlsx] {
        let bytes = write(&session, Report::Summary, format);
        let doc = match format {
            Format::Docx => docx_text(&bytes),
            Format::Xlsx => sheet_rows(&bytes, "総評の集計").concat().join("\n"),
            _ => String::from_utf8(bytes).unwrap(),
        };
        let overview = doc.find("総評のための集計").unwrap_or(0);
        let second = at(&doc, &part(&title), overview);
        let scores = at(&doc, "点数", second);
        at(&doc, line, scores);
        // Not in the main checklist's part, which has no points.
        assert!(!doc[..second].contains(line), "{format:?}");
    }
}
