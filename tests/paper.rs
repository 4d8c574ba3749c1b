//! The 実施報告書 as the committee receives it (issue 27): the seed round's documents
//! hold the seed's 監査概要 part for part, in every format, and what prints on paper is
//! laid out to hold (rows that do not split, header rows that repeat).

use std::io::Read;

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
            for piece in paragraph.split("<w:t").skip(1) {
                let Some(start) = piece.find('>') else {
                    continue;
                };
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
