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
