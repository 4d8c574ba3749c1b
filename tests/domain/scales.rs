//! Checklists of other shapes in the documents (issue 22): "don't know" listed apart,
//! findings worst first, scores and bands. Each test builds its round from a bundled
//! example that is not the seed.

use std::io::Read;
use std::path::Path;

use kansa::checklist::Checklist;
use kansa::export::{self, Format, Report};
use kansa::i18n::Lang;
use kansa::session::{AuditFacts, Event, Session, Timestamp};

fn now() -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2024-09-27T10:00:00+09:00").unwrap()
}

fn round(name: &str, marks: &[(&str, &str, &str)]) -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("checklists")
        .join(name);
    let checklist = Checklist::load(&path).unwrap_or_else(|e| panic!("{e}"));
    let departments = checklist.departments.clone();
    let facts = AuditFacts {
        title: "令和6年度 監査".into(),
        ..AuditFacts::default()
    };
    let mut session = Session::new("t".into(), checklist, departments, facts, now());
    for (department, item, symbol) in marks {
        let change = session.set_mark(department, item, Some(symbol)).unwrap();
        let event = Event {
            at: now(),
            by: "監査 太郎".into(),
            change,
            hlc: None,
        };
        session.apply(event).unwrap();
    }
    session
}

fn text(session: &Session, report: Report, format: Format) -> String {
    String::from_utf8(export::write(session, report, format, Lang::Ja).unwrap()).unwrap()
}

fn zip_part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = archive.by_name(name).unwrap();
    let mut text = String::new();
    part.read_to_string(&mut text).unwrap();
    text
}

/// Point 5: departments that answered わからない are listed in the 実施報告書's item
/// row, in every format, never dropped.
#[test]
fn dont_know_is_listed_in_the_summary_in_every_format() {
    let session = round(
        "self-diagnosis-points.ron",
        &[
            ("総務", "A-1", "？"),
            ("市民", "A-1", "？"),
            ("財政", "A-1", "○"),
        ],
    );
    let line = "確認できなかった課：総務課、市民課";
    for format in [Format::Md, Format::Html, Format::Csv] {
        let out = text(&session, Report::Summary, format);
        assert!(out.contains(line), "{format:?}:\n{out}");
    }
    let docx = export::write(&session, Report::Summary, Format::Docx, Lang::Ja).unwrap();
    assert!(zip_part(&docx, "word/document.xml").contains(line));
}

/// Point 3: in the XLSX each failing level of a graded scale has its own fill, the
/// gravest a stronger red than the milder ones; the counts block is its legend.
#[test]
fn each_failing_level_has_its_own_fill_in_the_xlsx() {
    let session = round(
        "isms-severity.ron",
        &[
            ("総務", "A-1", "重"),
            ("総務", "A-2", "軽"),
            ("総務", "A-3", "観"),
        ],
    );
    let xlsx = export::write(&session, Report::Matrix, Format::Xlsx, Lang::Ja).unwrap();
    let styles = zip_part(&xlsx, "xl/styles.xml");
    for (level, rgb) in [("重", "FFFF8C8C"), ("軽", "FFF8CBAD"), ("観", "FFFCE4D6")] {
        assert!(styles.contains(rgb), "{level}: no fill {rgb} in\n{styles}");
    }
}

/// Every cell of every sheet of a workbook, a line each.
fn xlsx_text(bytes: &[u8]) -> String {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut out = String::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for row in range.rows() {
            for cell in row {
                out.push_str(&cell.to_string());
                out.push('\n');
            }
        }
    }
    out
}

/// A DOCX's text, paragraph by paragraph (runs joined, markup dropped).
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
    out
}

/// Any document as text: text formats as they are, workbooks and Word files read back.
fn read_back(session: &Session, report: Report, format: Format) -> String {
    let bytes = export::write(session, report, format, Lang::Ja).unwrap();
    match format {
        Format::Xlsx => xlsx_text(&bytes),
        Format::Docx => docx_text(&bytes),
        _ => String::from_utf8(bytes).unwrap(),
    }
}

/// A points round: 総務課 answers every item that applies to it ○ (B-13 is for the
/// counters only), 財政課 one item ×, the others nothing yet.
fn points_round() -> Session {
    let items = (1..=5)
        .map(|n| format!("A-{n}"))
        .chain((1..=12).map(|n| format!("B-{n}")))
        .chain((1..=7).map(|n| format!("C-{n}")));
    let mut marks: Vec<(&str, String, &str)> = items.map(|i| ("総務", i, "○")).collect();
    marks.push(("財政", "A-1".into(), "×"));
    let marks: Vec<(&str, &str, &str)> =
        marks.iter().map(|(d, i, m)| (*d, i.as_str(), *m)).collect();
    round("self-diagnosis-points.ron", &marks)
}

/// Issue 22, point 4: the 結果一覧 of a points round, in every format that lays it out
/// for people, has a 点数 row and a 区分 row (a band read before every item is answered
/// said to be provisional) and the round's average.
#[test]
fn the_matrix_shows_scores_and_bands_in_every_format() {
    let session = points_round();
    for format in [Format::Md, Format::Html, Format::Xlsx] {
        let out = read_back(&session, Report::Matrix, format);
        for expected in [
            "点数",
            "96点／96点（100%）",
            "0点／96点（0%）",
            "区分",
            "基本の対策はできている",
            "早急な改善が必要（暫定）",
            "平均：48.0点（50.0%）　対策が足りない",
        ] {
            assert!(out.contains(expected), "{format:?}: no {expected}:\n{out}");
        }
    }
}

/// Issue 22, point 4: each department's 結果報告書, in every format, gives its score,
/// its band and the band's advice in the header table.
#[test]
fn each_department_report_shows_its_score_band_and_advice_in_every_format() {
    let session = points_round();
    for format in [
        Format::Md,
        Format::Html,
        Format::Csv,
        Format::Xlsx,
        Format::Docx,
    ] {
        let out = read_back(&session, Report::Departments, format);
        for expected in [
            "点数",
            "96点／96点（100%）",
            "基本の対策はできている",
            "区分に応じた対応",
            "この水準を保ち、より進んだ対策に取り組む。",
            "早急な改善が必要（暫定・未回答23項目）",
            "情報政策担当と相談し、直ちに改善に着手する。",
        ] {
            assert!(out.contains(expected), "{format:?}: no {expected}:\n{out}");
        }
    }
}

/// Issue 22, point 4: the 実施報告書, in every format, gives the round's scores per
/// department and their average; `--report all` carries every part.
#[test]
fn the_summary_shows_the_scores_and_their_average_in_every_format() {
    let session = points_round();
    let lines = [
        "総務課：96点／96点（100%）　基本の対策はできている",
        "財政課：0点／96点（0%）　早急な改善が必要（暫定・未回答23項目）",
        "平均：48.0点（50.0%）　対策が足りない",
    ];
    for format in [Format::Md, Format::Html, Format::Xlsx, Format::Docx] {
        for report in [Report::Summary, Report::All] {
            let out = read_back(&session, report, format);
            assert!(out.contains("（部署別の点数と区分）"), "{format:?}:\n{out}");
            for line in lines {
                assert!(
                    out.contains(line),
                    "{report:?} {format:?}: no {line}:\n{out}"
                );
            }
        }
    }
    let csv = read_back(&session, Report::Summary, Format::Csv);
    for expected in [
        "（部署別の点数と区分）,部署,点数,区分",
        ",総務課,96点／96点（100%）,基本の対策はできている",
        "平均：48.0点（50.0%）　対策が足りない",
    ] {
        assert!(csv.contains(expected), "no {expected}:\n{csv}");
    }
}

fn record(session: &mut Session, change: kansa::session::Change) {
    let event = Event::at(now(), "監査 太郎", change);
    session.apply(event).unwrap();
}

/// A graded round: A-1 is 観察事項 at 総務課, 重大な不適合 at 市民課, 軽微な不適合 at
/// 税務課 (roster order 総務, 市民, 税務); 総務課 has A-2 重大な不適合 too, and two
/// 指摘事項 in area A written mildest first.
fn severity_round() -> Session {
    let mut session = round(
        "isms-severity.ron",
        &[
            ("総務", "A-1", "観"),
            ("市民", "A-1", "重"),
            ("税務", "A-1", "軽"),
            ("総務", "A-2", "重"),
        ],
    );
    for (items, text) in [
        (["A-1"], "台帳の記載が一部古い"),
        (["A-2"], "情報資産台帳がない"),
    ] {
        let items: Vec<String> = items.iter().map(|i| i.to_string()).collect();
        let change = session.add_finding("総務", "A", &items, text).unwrap();
        record(&mut session, change);
    }
    session
}

/// Issue 22, point 3: of a graded round, the 実施報告書's 改善が必要な課 come worst
/// first, each named with its severity, in every format; the 総評 figures list a
/// department's items worst first; the 結果報告書's 指摘事項 come worst first.
#[test]
fn findings_come_worst_first_with_their_severity_in_every_format() {
    let session = severity_round();
    let needing = "市民課（重大な不適合）、税務課（軽微な不適合）、総務課（観察事項）";
    let items = "総務課：A-2（重大な不適合）、A-1（観察事項）";
    for format in [Format::Md, Format::Csv, Format::Xlsx] {
        let out = read_back(&session, Report::Summary, format);
        assert!(out.contains(needing), "{format:?}: no {needing}:\n{out}");
    }
    for format in [Format::Md, Format::Html, Format::Xlsx, Format::Docx] {
        let out = read_back(&session, Report::Summary, format);
        // The XLSX puts the department and its items in cells of their own.
        let items = match format {
            Format::Xlsx => items.trim_start_matches("総務課："),
            _ => items,
        };
        assert!(out.contains(items), "{format:?}: no {items}:\n{out}");
    }
    // HTML and DOCX: a department a span or a line, worst first.
    let html = read_back(&session, Report::Summary, Format::Html);
    let spans = "<span class=\"needs level0\">市民課（重大な不適合）</span>、<span class=\"needs level1\">税務課（軽微な不適合）</span>、<span class=\"needs level2\">総務課（観察事項）</span>";
    assert!(html.contains(spans), "{html}");
    let docx = read_back(&session, Report::Summary, Format::Docx);
    assert!(
        docx.contains("市民課（重大な不適合）\n税務課（軽微な不適合）\n総務課（観察事項）\n"),
        "{docx}"
    );
    let line = "指摘事項：情報資産台帳がない、台帳の記載が一部古い";
    for format in [Format::Md, Format::Html, Format::Xlsx, Format::Docx] {
        let out = read_back(&session, Report::Departments, format);
        assert!(out.contains(line), "{format:?}: no {line}:\n{out}");
    }
}

/// Issue 22, point 3: in HTML each failing level has its own fill, on the matrix's
/// cells, the legend and the 実施報告書's 改善が必要な課; in DOCX each department
/// needing improvement is shaded with its level's fill, and a legend says which.
#[test]
fn each_failing_level_has_its_own_fill_in_html_and_docx() {
    let session = severity_round();
    let html = text(&session, Report::All, Format::Html);
    for (level, rgb) in [
        ("level0", "ff8c8c"),
        ("level1", "f8cbad"),
        ("level2", "fce4d6"),
    ] {
        let rule = format!("td.{level}, span.{level} {{ background: #{rgb}; }}");
        assert!(html.contains(&rule), "no {rule}");
    }
    assert!(
        html.contains("<td class=\"needs level0\">重</td>"),
        "{html}"
    );
    assert!(
        html.contains("<span class=\"needs level2\">観：観察事項</span>"),
        "{html}"
    );
    let docx = export::write(&session, Report::Summary, Format::Docx, Lang::Ja).unwrap();
    let xml = zip_part(&docx, "word/document.xml");
    for (text, fill) in [
        ("市民課（重大な不適合）", "FF8C8C"),
        ("総務課（観察事項）", "FCE4D6"),
        ("重：重大な不適合", "FF8C8C"),
        ("推：推奨事項", "FDF3EC"),
    ] {
        let run = xml
            .split("<w:r>")
            .find(|run| run.contains(&format!(">{text}</w:t>")))
            .unwrap_or_else(|| panic!("no run {text}"));
        assert!(run.contains(&format!("w:fill=\"{fill}\"")), "{text}: {run}");
    }
}

/// The fill (ARGB) of cell `at` of the first sheet of a workbook, read from the sheet's
/// style index and styles.xml's cell formats and fills.
fn xlsx_fill(bytes: &[u8], at: &str) -> Option<String> {
    let sheet = zip_part(bytes, "xl/worksheets/sheet1.xml");
    let styles = zip_part(bytes, "xl/styles.xml");
    let attr = |tag: &str, name: &str| -> Option<String> {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(tag[start..].split('"').next()?.to_string())
    };
    let cell = sheet
        .split("<c ")
        .find(|c| c.starts_with(&format!("r=\"{at}\"")))?;
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

/// Issue 22, point 3: the XLSX matrix of a graded round fills each failing level's
/// cells with their own colour, read back cell by cell: 重 (市民課 A-1) the strongest,
/// 軽 (税務課) paler, 観 (総務課) palest.
#[test]
fn the_xlsx_matrix_fills_each_failing_level_apart() {
    let session = severity_round();
    let xlsx = export::write(&session, Report::Matrix, Format::Xlsx, Lang::Ja).unwrap();
    let range = {
        use calamine::Reader;
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx.clone())).unwrap();
        let name = book.sheet_names()[0].clone();
        book.worksheet_range(&name).unwrap()
    };
    // Find A-1's row and the departments' columns by their text.
    let find = |text: &str| {
        range
            .cells()
            .find(|(_, _, v)| *v == text)
            .map(|(r, c, _)| {
                (
                    r as u32 + range.start().unwrap().0,
                    c as u32 + range.start().unwrap().1,
                )
            })
            .unwrap_or_else(|| panic!("no {text}"))
    };
    let row = find("A-1").0;
    let name = |column: u32| {
        let mut letters = String::new();
        let mut n = column + 1;
        while n > 0 {
            letters.insert(0, char::from(b'A' + ((n - 1) % 26) as u8));
            n = (n - 1) / 26;
        }
        format!("{letters}{}", row + 1)
    };
    let fill = |department: &str| xlsx_fill(&xlsx, &name(find(department).1));
    assert_eq!(fill("市民").as_deref(), Some("FFFF8C8C"));
    assert_eq!(fill("税務").as_deref(), Some("FFF8CBAD"));
    assert_eq!(fill("総務").as_deref(), Some("FFFCE4D6"));
}

/// Issue 22, point 3: review lists the failing cells no 指摘事項 names worst first on a
/// graded scale, whatever the roster's order, and names each mark's severity.
#[test]
fn review_lists_the_findings_worst_first_with_their_severity() {
    let mut session = severity_round();
    let change = session.set_mark("総務", "A-3", Some("推")).unwrap();
    record(&mut session, change);
    let lines: Vec<String> = kansa::review::review(&session)
        .blockers()
        .filter(|e| matches!(e.reason, kansa::review::Reason::NotInFinding { .. }))
        .map(|e| {
            let reason = (Lang::Ja.review_words().reason)(&e.reason);
            format!(
                "{} {:?} {reason}",
                e.department.as_deref().unwrap_or(""),
                e.place
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            "市民 Item(\"A-1\") 重（重大な不適合） がどの指摘事項にも含まれていません（採用または却下）",
            "税務 Item(\"A-1\") 軽（軽微な不適合） がどの指摘事項にも含まれていません（採用または却下）",
            "総務 Item(\"A-3\") 推（推奨事項） がどの指摘事項にも含まれていません（採用または却下）",
        ]
    );
}
