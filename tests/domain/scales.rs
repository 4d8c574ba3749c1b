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
            "早急な改善が必要（暫定・未回答23項目）",
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
