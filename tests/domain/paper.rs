//! The 実施報告書 as the committee receives it (issue 27): the seed round's documents
//! hold the seed's 監査概要 part for part, in every format, and what prints on paper is
//! laid out to hold (rows that do not split, header rows that repeat).

use std::io::Read;

use crate::screen;

use kansa::export::{self, Format, Report};
use kansa::i18n::Lang;
use kansa::seed;
use kansa::session::Session;

fn round() -> Session {
    seed::whole_round("seed").unwrap()
}

fn bytes(session: &Session, report: Report, format: Format) -> Vec<u8> {
    export::write(session, report, format, Lang::Ja).unwrap()
}

fn text(session: &Session, report: Report, format: Format) -> String {
    String::from_utf8(bytes(session, report, format)).unwrap()
}

fn zip_part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = archive.by_name(name).unwrap();
    let mut text = String::new();
    part.read_to_string(&mut text).unwrap();
    text
}

/// A DOCX's paragraphs as text, one a line (runs joined, markup dropped).
fn docx_lines(bytes: &[u8]) -> Vec<String> {
    let xml = zip_part(bytes, "word/document.xml");
    xml.split("</w:p>")
        .map(|paragraph| {
            let mut line = String::new();
            // `<w:t>` or `<w:t xml:space=…>`, not `<w:tc>`, `<w:tbl>`, ….
            for piece in paragraph.split("<w:t").skip(1) {
                if !piece.starts_with(['>', ' ']) {
                    continue;
                }
                let start = piece.find('>').unwrap_or(0);
                let end = piece.find("</w:t>").unwrap_or(piece.len());
                line.push_str(&piece[start + 1..end]);
            }
            line
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// The seed's 実施報告書, 1 監査概要 to 3 課別監査結果, as its lines read (the PDF's
/// two grounds a line are one a line here), in order.
const SEED_OUTLINE: &[&str] = &[
    "監査概要",
    "監査目的",
    "情報セキュリティ内部監査は、龍ケ崎市情報セキュリティ内部監査実施規程（以下「監査規程」という。）第11条の規定に基づき情報セキュリティを維持・管理する仕組みが組織において適切に整備・運用されているかを点検し、評価するものです。",
    "人的セキュリティ、物理的セキュリティ、情報セキュリティ研修受講状況、情報資産の管理、特定個人情報の取扱い、住民情報基幹系システムにおける電子データの保管等に関し、",
    "監査対象課及び対象システム",
    "監査対象課",
    "秘書広聴課、防災安全課、管財課、福祉総務課、保育課、障がい福祉課",
    "対象システム",
    "住民情報基幹系システム、イントラネット系システム、各課等が管理及び所有しているシステム",
    "監査実施日",
    "令和6年9月27日（金）",
    "監査実施体制",
    "監査実施責任者：デジタル都市推進課長（監査規程第3条第2項）",
    "監査担当部門：デジタル都市推進課（監査規程第3条第1項）",
    "監査の基準となる根拠",
    "龍ケ崎市情報セキュリティ規則",
    "龍ケ崎市コンピュータ等運用管理規程",
    "龍ケ崎市セキュリティ対策に関する規程",
    "龍ケ崎市電子文書取扱規程",
    "龍ケ崎市個人情報の保護に関する法律施行条例",
    "龍ケ崎市行政手続における特定の個人を識別するための番号の利用等に関する法律に基づく個人番号の利用及び特定個人情報の提供に関する条例",
    "地方公共団体における情報セキュリティに関する監査ガイドライン（総務省）",
    "特定個人情報の適正な取扱いに関するガイドライン（行政機関等編）",
    "監査結果",
    "総評",
    "本市の情報セキュリティ対策に関しては、",
    "課別監査結果",
    "別紙「令和6年度（上半期）情報セキュリティ内部監査結果一覧」のとおり",
];

/// Each of `parts` found in `text`, in order; the ones missing or out of order named.
fn in_order(text: &str, parts: &[&str]) -> Vec<String> {
    let mut from = 0;
    let mut wrong = Vec::new();
    for part in parts {
        match text[from..].find(part) {
            Some(at) => from += at + part.len(),
            None => wrong.push(part.to_string()),
        }
    }
    wrong
}

#[test]
fn the_summary_holds_the_seeds_outline_part_for_part_in_markdown_and_docx() {
    let session = round();
    let markdown = text(&session, Report::Summary, Format::Md);
    assert_eq!(
        in_order(&markdown, SEED_OUTLINE),
        Vec::<String>::new(),
        "{markdown}"
    );
    let docx = docx_lines(&bytes(&session, Report::Summary, Format::Docx)).join("\n");
    assert_eq!(
        in_order(&docx, SEED_OUTLINE),
        Vec::<String>::new(),
        "{docx}"
    );
    // The eight grounds, a paragraph each, as the seed lists them with ・.
    let grounds = docx.lines().filter(|l| l.starts_with("・")).count();
    assert_eq!(grounds, 8, "{docx}");
    // The outline comes before the first table.
    let first_item = docx.find("I-1").unwrap();
    assert!(docx.find("監査実施責任者").unwrap() < first_item);
}

#[test]
fn the_summary_holds_the_seeds_outline_in_html_and_xlsx_too() {
    let session = round();
    let html = text(&session, Report::Summary, Format::Html);
    assert_eq!(in_order(&html, SEED_OUTLINE), Vec::<String>::new());
    let xlsx = bytes(&session, Report::Summary, Format::Xlsx);
    let strings = zip_part(&xlsx, "xl/sharedStrings.xml");
    for part in SEED_OUTLINE {
        assert!(strings.contains(part), "{part}");
    }
}

#[test]
fn the_outline_of_a_round_without_the_seeds_texts_says_what_is_missing() {
    let mut session = round();
    session.facts.objective.clear();
    session.facts.grounds.clear();
    session.facts.lead_basis.clear();
    session.facts.lead.clear();
    let markdown = text(&session, Report::Summary, Format::Md);
    // 監査目的 falls back to the 結果報告書's, the 根拠 to its 適用基準.
    assert!(markdown.contains("各課等において、情報セキュリティを維持・管理する仕組み"));
    assert!(
        markdown.contains("- (1) 龍ヶ崎市セキュリティ規則"),
        "{markdown}"
    );
    assert!(
        markdown.contains("監査実施責任者：（未設定）\n"),
        "{markdown}"
    );
    // 対象システム written by hand replace those of the departments' profiles.
    session.facts.systems = "庁内LAN\n財務会計システム".into();
    let markdown = text(&session, Report::Summary, Format::Md);
    assert!(
        markdown.contains("\n庁内LAN、財務会計システム\n"),
        "{markdown}"
    );
}

#[test]
fn the_systems_audited_are_those_the_departments_audited_use() {
    // 秘書広聴課 alone uses no 住民情報基幹系 system (no tag kikan).
    let checklist = kansa::checklist::Checklist::bundled();
    let secretary = checklist.departments[..1].to_vec();
    let session = Session::new(
        "one".into(),
        checklist,
        secretary,
        kansa::session::AuditFacts {
            title: "t".into(),
            ..Default::default()
        },
        seed::epoch(),
    );
    let markdown = text(&session, Report::Summary, Format::Md);
    assert!(
        markdown.contains("\nイントラネット系システム、各課等が管理及び所有しているシステム\n"),
        "{markdown}"
    );
}

#[test]
fn no_docx_row_splits_across_pages_and_header_rows_repeat() {
    let docx = bytes(&round(), Report::All, Format::Docx);
    let xml = zip_part(&docx, "word/document.xml");
    let rows = xml.matches("<w:tr>").count();
    assert!(rows > 50, "{rows}");
    assert_eq!(xml.matches("<w:cantSplit />").count(), rows);
    // A header row per table of items (four areas) and of counts (two).
    assert_eq!(xml.matches("<w:tblHeader />").count(), 4 + 2);
}

// --- The item-level 改善内容 -------------------------------------------------

/// The 改善内容等 cell of `item` in the Markdown summary.
fn improvements_cell(markdown: &str, item: &str) -> String {
    let row = markdown
        .lines()
        .find(|l| l.starts_with(&format!("| {item} |")))
        .unwrap_or_else(|| panic!("{item}:\n{markdown}"));
    row.trim_end_matches(" |")
        .rsplit(" | ")
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn the_proposal_is_each_different_note_once_without_department_names() {
    let session = round();
    // Three departments wrote the same note on I-2(2): it is proposed once.
    assert_eq!(
        session.proposed_improvement("I-2(2)"),
        [
            "一部職員において、デスクトップへのデータ等の貼り付けが見られたが、指導により改善を図られた。",
            "一部デスクトップに文書等を保存している職員が見受けられたが、指導により改善あり。",
            "監査期間後であるがすぐに多くのファイルをデスクトップに貼り付けている職員が見受けられた。",
        ]
        .join("\n")
    );
    assert_eq!(
        session.proposed_improvement("III-7"),
        "e-Learningの受講状況が悪いため、早急な受講を促す。"
    );
    // Nothing to propose where no cell needed guidance or improvement.
    assert_eq!(session.proposed_improvement("I-1"), "");
}

#[test]
fn a_written_improvement_is_printed_instead_of_the_notes_and_undone_to_them() {
    let mut session = round();
    let notes = improvements_cell(&text(&session, Report::Summary, Format::Md), "I-2(2)");
    assert_eq!(notes.matches("<br>").count(), 4, "five notes: {notes}");
    let seed_says = "一部デスクトップに文書等を保存している課も見受けられたが、改善あり。";
    let change = session.set_improvement("I-2(2)", seed_says).unwrap();
    let undo = change.inverse().unwrap();
    seed::record(&mut session, change).unwrap();
    for format in [Format::Md, Format::Html, Format::Csv] {
        let report = text(&session, Report::Summary, format);
        assert!(report.contains(seed_says), "{format}");
        assert!(
            !report.contains("秘書広聴課：一部職員"),
            "{format}: {report}"
        );
    }
    let docx = docx_lines(&bytes(&session, Report::Summary, Format::Docx));
    assert!(docx.iter().any(|l| l == seed_says));
    let xlsx = zip_part(
        &bytes(&session, Report::Summary, Format::Xlsx),
        "xl/sharedStrings.xml",
    );
    assert!(xlsx.contains(seed_says));
    // Other items keep their notes.
    let markdown = text(&session, Report::Summary, Format::Md);
    assert!(improvements_cell(&markdown, "III-7").starts_with("保育課："));
    // Undone (or emptied), the notes are back.
    seed::record(&mut session, undo).unwrap();
    let markdown = text(&session, Report::Summary, Format::Md);
    assert_eq!(improvements_cell(&markdown, "I-2(2)"), notes);
    assert!(matches!(
        session.set_improvement("X-9", "x"),
        Err(kansa::session::Refusal::UnknownItem(_))
    ));
}

#[test]
fn a_written_improvement_is_sealed_and_its_history_kept() {
    let mut session = round();
    let change = session
        .set_improvement("III-7", "早急な受講を促す。")
        .unwrap();
    seed::record(&mut session, change).unwrap();
    let at = session.last_change() + chrono::Duration::minutes(5);
    let change = session.sign(seed::LEAD, at).unwrap();
    seed::record(&mut session, change).unwrap();
    assert!(matches!(
        session.set_improvement("III-7", "x"),
        Err(kansa::session::Refusal::Signed { .. })
    ));
    // Changed by hand after the sign-off: verify names the item.
    let mut edited = session.clone();
    edited
        .facts
        .improvements
        .insert("III-7".into(), "受講済み".into());
    let verification = edited.verify();
    let kansa::signoff::Verification::Changed { differences, .. } = verification else {
        panic!("{verification:?}");
    };
    assert_eq!(differences.len(), 1, "{differences:?}");
    assert_eq!(differences[0].place.as_deref(), Some("III-7"));
    let words = Lang::Ja.strings().review;
    let line = (words.difference)(&differences[0]);
    assert!(
        line.contains("III-7") && line.contains("改善内容等"),
        "{line}"
    );
    let history = session
        .history
        .iter()
        .filter(|e| matches!(e.change, kansa::session::Change::Improvement { .. }))
        .count();
    assert_eq!(history, 1);
}

/// The seed round with its notes, on disk, open in the matrix at 秘書広聴課 I-2(2).
fn matrix_at_i22(dir: &std::path::Path) -> kansa::tui::App {
    let mut session = seed::session("seed");
    seed::enter_marks(&mut session).unwrap();
    seed::enter_notes(&mut session).unwrap();
    kansa::store::Store::open(dir)
        .unwrap()
        .create(&session)
        .unwrap();
    let context = screen::context(dir, Lang::Ja);
    let mut app = kansa::tui::App::at_session(context, "seed", Some("秘書広聴課")).unwrap();
    screen::char_key(&mut app, 'm');
    screen::key(&mut app, ratatui::crossterm::event::KeyCode::Down);
    screen::key(&mut app, ratatui::crossterm::event::KeyCode::Down);
    app
}

#[test]
fn t_in_the_matrix_writes_the_items_improvement_starting_from_the_proposal() {
    use ratatui::crossterm::event::KeyCode;
    let dir = tempfile::tempdir().unwrap();
    let mut app = matrix_at_i22(dir.path());
    screen::char_key(&mut app, 't');
    let text = screen::screen_text(&app, 160, 48);
    assert!(text.contains("I-2(2) の改善内容等"), "{text}");
    assert!(
        text.contains("監査期間後であるがすぐに多くのファイル"),
        "{text}"
    );
    // Rewritten as the seed's one sentence: the proposal's lines cleared first.
    for _ in 0..3 {
        screen::key(&mut app, KeyCode::Home);
        app.handle(kansa::tui::Input::Key(
            ratatui::crossterm::event::KeyEvent::new(
                KeyCode::Char('k'),
                ratatui::crossterm::event::KeyModifiers::CONTROL,
            ),
        ));
        screen::key(&mut app, KeyCode::Backspace);
    }
    screen::type_text(
        &mut app,
        "一部デスクトップに文書等を保存している課も見受けられたが、改善あり。",
    );
    screen::key(&mut app, KeyCode::Esc);
    let session = screen::on_disk(dir.path(), "seed");
    assert_eq!(
        session.improvement("I-2(2)"),
        "一部デスクトップに文書等を保存している課も見受けられたが、改善あり。"
    );
    // Opened again, it holds what was written; left as it is, nothing is recorded.
    screen::char_key(&mut app, 't');
    screen::key(&mut app, KeyCode::Esc);
    let again = screen::on_disk(dir.path(), "seed");
    assert_eq!(again.history.iter().count(), session.history.iter().count());
}

#[test]
fn leaving_the_proposal_as_it_is_keeps_it() {
    use ratatui::crossterm::event::KeyCode;
    let dir = tempfile::tempdir().unwrap();
    let mut app = matrix_at_i22(dir.path());
    screen::char_key(&mut app, 't');
    screen::key(&mut app, KeyCode::Esc);
    let session = screen::on_disk(dir.path(), "seed");
    assert_eq!(
        session.improvement("I-2(2)"),
        session.proposed_improvement("I-2(2)")
    );
    // Undo gives the notes back.
    screen::char_key(&mut app, 'u');
    assert_eq!(
        screen::on_disk(dir.path(), "seed").improvement("I-2(2)"),
        ""
    );
}

// --- The 備考 in its area ----------------------------------------------------

const REMARK_LABEL: &str = "備考（特定個人情報の取扱い）";

/// Where `a`, `b` and `c` are in `text`, in that order.
fn in_sequence(text: &str, parts: [&str; 3]) -> bool {
    in_order(text, &parts).is_empty()
}

#[test]
fn the_remarks_close_the_mynumber_area_with_their_label_in_every_format() {
    let session = round();
    let markdown = text(&session, Report::Matrix, Format::Md);
    assert!(
        in_sequence(
            &markdown,
            [
                "| III-7 |",
                &format!("|  | {REMARK_LABEL} | 関係事務のみ | 防災 | 市営住宅 |"),
                "## IV "
            ]
        ),
        "{markdown}"
    );
    assert!(!markdown.contains("## 備考"));
    let html = text(&session, Report::Matrix, Format::Html);
    assert!(
        in_sequence(
            &html,
            [
                "<td class=\"id\">III-7</td>",
                &format!(
                    "<tr class=\"remark\"><td></td><th>{REMARK_LABEL}</th><td class=\"remark\">関係事務のみ</td>"
                ),
                "<th colspan=\"8\">IV ",
            ]
        ),
        "{html}"
    );
    // In the XLSX, the row after III-7 and before IV's heading.
    use calamine::Reader;
    let bytes = bytes(&session, Report::Matrix, Format::Xlsx);
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("結果一覧").unwrap();
    let cell = |r: u32, c: u32| {
        range
            .get_value((r, c))
            .map(|v| v.to_string())
            .unwrap_or_default()
    };
    let iii7 = (0..range.end().unwrap().0)
        .find(|&r| cell(r, 0) == "III-7")
        .unwrap();
    assert_eq!(cell(iii7 + 1, 1), REMARK_LABEL);
    assert_eq!(cell(iii7 + 1, 2), "関係事務のみ");
    assert!(
        cell(iii7 + 2, 0).starts_with("IV "),
        "{}",
        cell(iii7 + 2, 0)
    );
    // And in every report at once.
    let all = text(&session, Report::All, Format::Html);
    assert!(all.contains(REMARK_LABEL));
}

#[test]
fn without_a_place_in_the_checklist_the_remarks_follow_the_last_area_as_備考() {
    let mut session = round();
    session.checklist.facts.remark_label.clear();
    session.checklist.facts.remark_area.clear();
    let markdown = text(&session, Report::Matrix, Format::Md);
    assert!(
        in_sequence(
            &markdown,
            ["| IV-6 |", "|  | 備考 | 関係事務のみ |", "○：適正"]
        ),
        "{markdown}"
    );
    // No department with a 備考: no row.
    for hearing in &mut session.hearings {
        hearing.department.remark.clear();
    }
    let markdown = text(&session, Report::Matrix, Format::Md);
    assert!(!markdown.contains("備考"), "{markdown}");
}

// --- The 総評 before sign-off ------------------------------------------------

#[test]
fn an_empty_overall_assessment_blocks_sign_off() {
    use kansa::facts::{FactField, FactValue};
    use kansa::review::{self, Place, Reason};
    let mut session = round();
    let change = session
        .set_fact(FactField::Overall, FactValue::Text("  \n".into()))
        .unwrap();
    seed::record(&mut session, change).unwrap();
    let review = review::review(&session);
    let blockers: Vec<_> = review.blockers().collect();
    assert_eq!(blockers.len(), 1, "{blockers:?}");
    assert_eq!(blockers[0].place, Place::Round);
    assert_eq!(blockers[0].reason, Reason::MissingFact(FactField::Overall));
    let at = session.last_change() + chrono::Duration::minutes(1);
    assert!(matches!(
        session.sign(seed::LEAD, at),
        Err(kansa::session::Refusal::Blocked(1))
    ));
    // Written, it signs.
    let change = session
        .set_fact(FactField::Overall, FactValue::Text("特記事項なし。".into()))
        .unwrap();
    seed::record(&mut session, change).unwrap();
    assert!(session.sign(seed::LEAD, at).is_ok());
}

#[test]
fn the_review_offers_i_for_the_overall_assessment_and_opens_it() {
    use ratatui::crossterm::event::KeyCode;
    let dir = tempfile::tempdir().unwrap();
    let mut session = seed::session("seed");
    seed::enter_marks(&mut session).unwrap();
    kansa::store::Store::open(dir.path())
        .unwrap()
        .create(&session)
        .unwrap();
    let context = screen::context(dir.path(), Lang::Ja);
    let mut app = kansa::tui::App::at_session(context, "seed", Some("秘書広聴課")).unwrap();
    screen::char_key(&mut app, 'r');
    let text = screen::screen_text(&app, 100, 30);
    assert!(text.contains("全体: 総評が未入力です"), "{text}");
    assert!(
        text.contains(" i  監査情報"),
        "the review's footer offers i: {text}"
    );
    // i opens the facts at the 総評: Enter edits it.
    screen::char_key(&mut app, 'i');
    screen::key(&mut app, KeyCode::Enter);
    let text = screen::screen_text(&app, 100, 30);
    assert!(text.contains("総評"), "{text}");
    screen::type_text(&mut app, "特記事項なし。");
    screen::key(&mut app, KeyCode::Esc);
    let on_disk = screen::on_disk(dir.path(), "seed");
    assert_eq!(on_disk.facts.overall, "特記事項なし。");
}
