//! The committee's documents from the seed round: its marks entered through the core
//! API (as `screen::SEED_KEYS`) with notes taken from the seed's 結果報告書, then every
//! report and format checked against the seed's own tables.

use crate::common;
use crate::screen;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate};
use kansa::checklist::Checklist;
use kansa::export::{self, Format, Report};
use kansa::i18n::Lang;
use kansa::session::{AuditFacts, Event, Session};

const DEPARTMENTS: [&str; 6] = [
    "秘書広聴課",
    "防災安全課",
    "管財課",
    "福祉総務課",
    "保育課",
    "障がい福祉課",
];

/// The seed's 結果一覧, as printed (all four tables; the seed writes 該当なし `-` in
/// I–II and `—` in III–IV): item, marks for 秘書 防災 管財 福祉総務 保育 障がい, text.
/// The PDF text's `イン트라ネット` (I-4) is `イントラネット`.
const SEED_MATRIX: &str = "
I-1     | ○ ○ ○ ○ ○ ○ | 情報資産等の業務以外の目的での使用禁止
I-2(1)  | ○ ○ △ ○ ○ ○ | パソコンの取扱い（1）離席時におけるパソコンの第三者使用を防止措置
I-2(2)  | △ ○ △ △ × △ | パソコンの取扱い（2）デスクトップ上でのデータの保存禁止
I-3     | ○ ○ ○ ○ × ○ | ID・パスワードの取扱い（他人に教えない、ログイン時に記憶させない、失念しない）
I-4     | ○ ○ ○ ○ ○ ○ | イントラネットにおけるメール送信（「to」、「cc」、「bcc」の使い分け）
I-5(1)  | ○ ○ ○ ○ ○ ○ | 公務用USBメモリの取扱い（1）データの保存禁止
I-5(2)  | ○ ○ ○ ○ × ○ | 公務用USBメモリの取扱い（2）適正な保管（施錠管理）
I-6     | ○ ○ ○ ○ ○ ○ | セキュリティ研修への参加（職員の情報セキュリティ研修への参加）
II-1(1) | ○ ○ ○ ○ ○ ○ | ノートパソコン等の取扱い（1）水濡れによる故障の予防
II-1(2) | ○ ○ ○ ○ ○ ○ | ノートパソコン等の取扱い（2）衝撃、圧迫等による故障の予防
II-1(3) | ○ ○ ○ ○ ○ ○ | ノートパソコン等の取扱い（3）管理方法（施錠管理）
II-2(1) | ○ ○ ○ ○ - - | サーバ機器等の取り扱い（1）定期的な点検の実施
II-2(2) | ○ ○ ○ ○ - - | サーバ機器等の取り扱い（2）障害発生時の対応手順を定め、文書化
II-3    | ○ ○ ○ ○ ○ ○ | 周辺機器の取り扱い
II-4    | ○ ○ ○ ○ ○ ○ | 情報資産の管理について
III-1   | — ○ — — ○ ○ | 特定個人情報の取得について（取得手順が定められているか。裏面を見ない等の対応が周知徹底されているか。）
III-2   | — ○ — — ○ ○ | 特定個人情報の利用について（利用職員が限定されているか。）
III-3   | — ○ — — ○ ○ | 特定個人情報の保存・削除・廃棄について（文書管理規定により正しい保存年限を設定しているか。また、機密文書として適切に削除・廃棄しているか。）
III-4   | — ○ — — ○ ○ | 特定個人情報の取扱い体制について（届出を行い、取扱者や範囲を定めているか。持ち運ぶ際の措置を講じているか。）
III-5   | — ○ — — ○ ○ | 特定個人情報の運用について（指定範囲の外に持ち出していないか。）
III-6   | ○ ○ ○ ○ ○ ○ | 情報漏えい事案に対する体制（龍ヶ崎市情報セキュリティ事故等手順書により対応できるか。）
III-7   | — ○ ○ ○ × × | 特定個人情報事務取扱担当の監督、教育（所属長による取扱い確認が行われているか。職員に対して研修等により教育を行っているか。）
IV-1    | — — ○ ○ ○ ○ | 基幹系ファイルサーバ内のデータは、原則、文書管理に準じて分類している。
IV-2    | — — ○ ○ ○ ○ | 職員の個人名等のフォルダにデータを保管していない。
IV-3    | — — ○ ○ ○ ○ | 使用しなくなったデータは適宜消去している。
IV-4    | — — ○ ○ ○ ○ | マイナンバーなど重要な電子データが含まれるファイルには、パスワードをかけて保存している。
IV-5    | — — ○ ○ ○ ○ | 基幹系システム（総合福祉システム、健康管理システム含む）の端末のデスクトップに電子データを貼り付けしていない。
IV-6    | — — ○ ○ ○ ○ | 原則、基幹系システムのデータ以外は、基幹系ファイルサーバに保管しない。
";

/// The seed's 備考（特定個人情報の取扱い） row and legend line.
const SEED_REMARKS: [&str; 6] = [
    "関係事務のみ",
    "防災",
    "市営住宅",
    "被災者支援",
    "保育",
    "障がい",
];
const SEED_LEGEND: &str = "○：適正 △：監査指導により改善 ×：改善を要する -：該当なし";

/// Notes for the seed's △ and × cells, in the seed's words (its 結果報告書 and
/// 実施報告書), and one note on a ○ cell, which the 改善内容 must leave out.
const NOTES: &[(&str, &str, &str)] = &[
    (
        "保育",
        "I-2(2)",
        "デスクトップに多くのファイルを貼り付けている職員が見受けられた。",
    ),
    (
        "保育",
        "I-3",
        "IDPWを貼り付けている職員がいたため、至急改善を要す。",
    ),
    (
        "保育",
        "I-5(2)",
        "USBメモリへのパスワードの貼り付けが見られた。",
    ),
    (
        "保育",
        "III-7",
        "e-Learningの受講状況が悪いため、早急な受講を促す。",
    ),
    (
        "障がい",
        "III-7",
        "e-Learningの受講状況が悪いため、早急な受講を促す。",
    ),
    (
        "秘書",
        "I-2(2)",
        "一部デスクトップに文書等を保存していたが、改善あり。",
    ),
    ("管財", "I-2(1)", "離席時の対応など、一部改善点あり。"),
    ("防災", "I-1", "持ち出し簿を確認した。"),
];

fn at() -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2024-09-27T10:00:00+09:00").unwrap()
}

fn record(session: &mut Session, change: kansa::session::Change) {
    let event = Event {
        at: at(),
        by: "監査 太郎".into(),
        change,
        hlc: None,
    };
    session.apply(event).unwrap();
}

/// The seed round, every mark and the notes above entered through the core.
fn seed_session() -> Session {
    let checklist = Checklist::bundled();
    let departments = checklist.departments.clone();
    let facts = AuditFacts {
        title: "令和6年度（上半期）情報セキュリティ内部監査".into(),
        date: NaiveDate::from_ymd_opt(2024, 9, 27),
        auditors: vec!["デジタル都市推進課".into()],
        lead: "デジタル都市推進課長".into(),
        ..AuditFacts::default()
    };
    let mut session = Session::new("seed".into(), checklist, departments, facts, at());
    let items: Vec<String> = session
        .checklist
        .items()
        .map(|(_, i)| i.id.clone())
        .collect();
    for (hearing, keys) in screen::SEED_KEYS.iter().enumerate() {
        let short = session.hearings[hearing].department.short.clone();
        for (item, key) in items.iter().zip(keys.chars()) {
            let symbol = session.checklist.mark_for_key(key).unwrap().symbol.clone();
            let change = session.set_mark(&short, item, Some(&symbol)).unwrap();
            record(&mut session, change);
        }
    }
    for (department, item, note) in NOTES {
        let change = session.set_note(department, item, note).unwrap();
        record(&mut session, change);
    }
    session
}

fn text(session: &Session, report: Report, format: Format, lang: Lang) -> String {
    let bytes = export::write(session, report, format, lang).unwrap();
    String::from_utf8(bytes).unwrap()
}

/// The cells of the Markdown table rows whose first cell is an item id, by item id.
fn markdown_rows(markdown: &str) -> BTreeMap<String, Vec<String>> {
    markdown
        .lines()
        .filter(|l| l.starts_with("| I"))
        .map(|l| {
            let cells: Vec<String> = l
                .trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect();
            (cells[0].clone(), cells[1..].to_vec())
        })
        .collect()
}

#[test]
fn the_markdown_matrix_is_the_seeds_results_table_cell_for_cell() {
    let session = seed_session();
    let markdown = text(&session, Report::Matrix, Format::Md, Lang::Ja);
    let rows = markdown_rows(&markdown);
    let mut seen = 0;
    for line in SEED_MATRIX.lines().filter(|l| !l.trim().is_empty()) {
        let [item, marks, seed_text] = line.split('|').map(str::trim).collect::<Vec<_>>()[..]
        else {
            panic!("bad row {line}")
        };
        let expected: Vec<&str> = marks
            .split(' ')
            .map(|m| if m == "—" { "-" } else { m })
            .collect();
        let row = rows.get(item).unwrap_or_else(|| panic!("{item} missing"));
        assert_eq!(row[0], seed_text, "{item}");
        assert_eq!(row[1..], expected, "{item}");
        seen += 1;
    }
    assert_eq!((seen, rows.len()), (28, 28));
    assert!(markdown.starts_with(
        "# 令和6年度（上半期）情報セキュリティ内部監査 結果一覧\n\n監査実施日：令和6年9月27日（金）\n"
    ));
    assert!(
        markdown.contains("| 項番 | 監査内容 | 秘書 | 防災 | 管財 | 福祉総務 | 保育 | 障がい |")
    );
    assert!(markdown.contains(&format!("\n{SEED_LEGEND}\n")));
    assert!(markdown.contains(&format!("| {} |", SEED_REMARKS.join(" | "))));
    for area in [
        "## I 人的セキュリティ",
        "## II 物的セキュリティ",
        "## III 特定個人情報の適切な取扱い",
        "## IV 住民情報基幹系ファイルサーバ内の電子データ等の適正な取扱い",
    ] {
        assert!(markdown.contains(area), "{area}");
    }
    // Counts per department, as counted by hand from the seed's table.
    assert!(
        markdown.contains("| ○ 適正 | 15 | 22 | 21 | 22 | 22 | 24 |"),
        "{markdown}"
    );
    assert!(markdown.contains("| △ 監査指導により改善 | 1 | 0 | 2 | 1 | 0 | 1 |"));
    assert!(markdown.contains("| × 改善を要する | 0 | 0 | 0 | 0 | 4 | 1 |"));
    assert!(markdown.contains("| 未回答 | 0 | 0 | 0 | 0 | 0 | 0 |"));
}

/// The seed's 実施報告書 tables, row by row: its label, the checklist item it is about,
/// the departments it lists as complying and as needing improvement. Its row 人的 2
/// (私物パソコン等の持込制限) has no item in the 結果一覧 or the checklist; its 物的 1
/// and 2 are both II-3, 特定 3 and 4 both III-3.
const SEED_SUMMARY: &[(&str, &str, &[usize], &[usize])] = &[
    ("人的 1", "I-1", &[0, 1, 2, 3, 4, 5], &[]),
    ("人的 3(1)", "I-2(1)", &[0, 1, 2, 3, 4, 5], &[]),
    ("人的 3(2)", "I-2(2)", &[0, 1, 2, 3, 5], &[4]),
    ("人的 4", "I-3", &[0, 1, 2, 3, 5], &[4]),
    ("人的 5", "I-4", &[0, 1, 2, 3, 4, 5], &[]),
    ("人的 6(1)", "I-5(1)", &[0, 1, 2, 3, 4, 5], &[]),
    ("人的 6(2)", "I-5(2)", &[0, 1, 2, 3, 4, 5], &[]),
    ("人的 7", "I-6", &[0, 1, 2, 3, 4, 5], &[]),
    ("物的 1", "II-3", &[0, 1, 2, 3, 4, 5], &[]),
    ("物的 2", "II-3", &[0, 1, 2, 3, 4, 5], &[]),
    ("物的 3", "II-1(3)", &[0, 1, 2, 3, 4, 5], &[]),
    ("物的 4", "II-2(1)", &[0, 1, 2, 3, 4, 5], &[]),
    ("物的 5", "II-2(2)", &[0, 1, 2, 3, 4, 5], &[]),
    ("特定 1", "III-1", &[1, 2, 3, 4, 5], &[]),
    ("特定 2", "III-2", &[1, 2, 3, 4, 5], &[]),
    ("特定 3", "III-3", &[1, 2, 3, 4, 5], &[]),
    ("特定 4", "III-3", &[1, 2, 3, 4, 5], &[]),
    ("特定 5", "III-4", &[1, 2, 3, 4, 5], &[]),
    ("特定 6", "III-5", &[1, 2, 3, 4, 5], &[]),
    ("特定 7", "III-6", &[1, 2, 3, 4, 5], &[]),
    ("特定 8", "III-7", &[1, 2, 3], &[4, 5]),
];

/// Where the seed's 実施報告書 contradicts its own 結果一覧, the report follows the
/// marks (the 結果一覧, and for I-5(2) the 結果報告書 of 保育課, which makes the USB
/// password a 指摘事項): (item, complying, needing, why).
const SEED_CONTRADICTIONS: &[(&str, &[usize], &[usize], &str)] = &[
    ("I-5(2)", &[0, 1, 2, 3, 5], &[4], "結果一覧: 保育 ×"),
    ("II-2(1)", &[0, 1, 2, 3], &[], "結果一覧: 保育, 障がい -"),
    ("II-2(2)", &[0, 1, 2, 3], &[], "結果一覧: 保育, 障がい -"),
    ("III-1", &[1, 4, 5], &[], "結果一覧: 管財, 福祉総務 —"),
    ("III-2", &[1, 4, 5], &[], "結果一覧: 管財, 福祉総務 —"),
    ("III-3", &[1, 4, 5], &[], "結果一覧: 管財, 福祉総務 —"),
    ("III-4", &[1, 4, 5], &[], "結果一覧: 管財, 福祉総務 —"),
    ("III-5", &[1, 4, 5], &[], "結果一覧: 管財, 福祉総務 —"),
    ("III-6", &[0, 1, 2, 3, 4, 5], &[], "結果一覧: 秘書 ○"),
];

fn names(indices: &[usize]) -> Vec<String> {
    indices
        .iter()
        .map(|&i| DEPARTMENTS[i].to_string())
        .collect()
}

#[test]
fn the_summary_lists_the_departments_the_seeds_report_lists() {
    let summary = export::model::Summary::of(&seed_session());
    let rows: BTreeMap<&str, &export::model::SummaryRow> = summary
        .areas
        .iter()
        .flat_map(|a| &a.rows)
        .map(|r| (r.id.as_str(), r))
        .collect();
    for (label, item, complying, needing) in SEED_SUMMARY {
        let row = rows[item];
        let corrected = SEED_CONTRADICTIONS.iter().find(|c| c.0 == *item);
        let (complying, needing) = match corrected {
            Some((_, c, n, _)) => (*c, *n),
            None => (*complying, *needing),
        };
        assert_eq!(row.complying, names(complying), "{label} ({item})");
        assert_eq!(row.needing, names(needing), "{label} ({item})");
        assert!(row.unanswered.is_empty());
    }
    // PRODUCT.md: 保育課 × on I-2(2), I-3, I-5(2), III-7; 障がい福祉課 × on III-7.
    let needing: Vec<(String, Vec<String>)> = summary
        .overview
        .needing
        .iter()
        .map(|n| (n.name.clone(), n.items.clone()))
        .collect();
    let items = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        needing,
        [
            (
                "保育課".into(),
                items(&["I-2(2)", "I-3", "I-5(2)", "III-7"])
            ),
            ("障がい福祉課".into(), items(&["III-7"])),
        ]
    );
}

#[test]
fn improvements_are_the_notes_of_the_cells_marked_for_guidance_or_improvement() {
    let summary = export::model::Summary::of(&seed_session());
    let row = |id: &str| {
        summary
            .areas
            .iter()
            .flat_map(|a| &a.rows)
            .find(|r| r.id == id)
            .unwrap()
            .clone()
    };
    let pair = |d: &str, n: &str| (d.to_string(), n.to_string());
    assert_eq!(
        row("I-2(2)").improvements,
        [
            pair(
                "秘書広聴課",
                "一部デスクトップに文書等を保存していたが、改善あり。"
            ),
            pair(
                "保育課",
                "デスクトップに多くのファイルを貼り付けている職員が見受けられた。"
            ),
        ]
    );
    assert_eq!(
        row("I-2(1)").improvements,
        [pair("管財課", "離席時の対応など、一部改善点あり。")]
    );
    // A note on a ○ cell is what was seen, not something to improve.
    assert!(row("I-1").improvements.is_empty());
    let markdown = text(&seed_session(), Report::Summary, Format::Md, Lang::Ja);
    assert!(markdown.contains(
        "| III-7 | 特定個人情報事務取扱担当の監督、教育（所属長による取扱い確認が行われているか。職員に対して研修等により教育を行っているか。） | 防災安全課、管財課、福祉総務課 | 保育課、障がい福祉課 | 保育課：e-Learningの受講状況が悪いため、早急な受講を促す。<br>障がい福祉課：e-Learningの受講状況が悪いため、早急な受講を促す。 |"
    ), "{markdown}");
    assert!(
        markdown
            .contains("| 項番 | 監査項目 | 適正に実施している課 | 改善が必要な課 | 改善内容等 |")
    );
    assert!(markdown.contains("- 保育課：I-2(2)、I-3、I-5(2)、III-7\n- 障がい福祉課：III-7\n"));
    assert!(
        markdown.contains("| 計 | 126 | 5 | 5 | 32 | 0 |"),
        "{markdown}"
    );
}

#[test]
fn the_markdown_reports_are_golden() {
    let session = seed_session();
    for lang in [Lang::Ja, Lang::En] {
        for report in [Report::Matrix, Report::Summary] {
            let name = format!("{report}_{}", lang.report_words().tag);
            insta::assert_snapshot!(name, text(&session, report, Format::Md, lang));
        }
    }
}

#[test]
fn english_reports_use_english_words_and_iso_dates() {
    let session = seed_session();
    let matrix = text(&session, Report::Matrix, Format::Md, Lang::En);
    assert!(matrix.contains("Audit date: 2024-09-27\n"), "{matrix}");
    assert!(matrix.contains("| No. | Audit item | 秘書 |"));
    assert!(matrix.contains("○: 適正   △: 監査指導により改善"));
    let summary = text(&session, Report::Summary, Format::Md, Lang::En);
    assert!(summary.contains("Departments needing improvement"));
    assert!(summary.contains("保育課, 障がい福祉課"));
}

#[test]
fn an_unanswered_draft_shows_what_is_missing() {
    let checklist = Checklist::bundled();
    let departments = checklist.departments.clone();
    let session = Session::new(
        "d".into(),
        checklist,
        departments,
        AuditFacts::default(),
        at(),
    );
    let matrix = text(&session, Report::Matrix, Format::Md, Lang::Ja);
    assert!(matrix.contains("監査実施日：（未設定）"));
    assert!(matrix.contains("| I-1 | 情報資産等の業務以外の目的での使用禁止 |  |  |  |  |  |  |"));
    assert!(
        matrix.contains("| 未回答 | 16 | 22 | 23 | 23 | 26 | 26 |"),
        "{matrix}"
    );
    let summary = text(&session, Report::Summary, Format::Md, Lang::Ja);
    assert!(summary.contains(
        "| I-1 | 情報資産等の業務以外の目的での使用禁止 | なし | なし | 未回答：秘書広聴課、防災安全課、管財課、福祉総務課、保育課、障がい福祉課 |"
    ));
}

#[test]
fn the_matrix_csv_is_the_scripted_layout_in_every_language() {
    let session = seed_session();
    let ja = export::write(&session, Report::Matrix, Format::Csv, Lang::Ja).unwrap();
    let en = export::write(&session, Report::Matrix, Format::Csv, Lang::En).unwrap();
    let scripted = export::matrix_csv(&session).unwrap();
    assert_eq!(ja, scripted.as_bytes());
    assert_eq!(en, scripted.as_bytes());
}

#[test]
fn the_summary_csv_has_a_bom_and_a_row_per_item() {
    let bytes = export::write(&seed_session(), Report::Summary, Format::Csv, Lang::Ja).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "領域",
            "項番",
            "監査項目",
            "適正に実施している課",
            "改善が必要な課",
            "改善内容等"
        ]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 28);
    let i22 = records.iter().find(|r| &r[1] == "I-2(2)").unwrap();
    assert_eq!(
        &i22[3],
        "秘書広聴課、防災安全課、管財課、福祉総務課、障がい福祉課"
    );
    assert_eq!(&i22[4], "保育課");
    assert_eq!(
        &i22[5],
        "秘書広聴課：一部デスクトップに文書等を保存していたが、改善あり。\n保育課：デスクトップに多くのファイルを貼り付けている職員が見受けられた。"
    );
}

/// A part of a zip archive (an XLSX or DOCX) as text.
fn zip_part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = archive.by_name(name).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut part, &mut text).unwrap();
    text
}

fn workbook(bytes: &[u8]) -> calamine::Xlsx<std::io::Cursor<Vec<u8>>> {
    calamine::Reader::new(std::io::Cursor::new(bytes.to_vec())).unwrap()
}

fn cell(range: &calamine::Range<calamine::Data>, row: u32, column: u32) -> String {
    range
        .get_value((row, column))
        .map(|v| v.to_string())
        .unwrap_or_default()
}

#[test]
fn the_xlsx_matrix_reads_back_as_the_seeds_table_frozen_and_printable() {
    use calamine::Reader;
    let bytes = export::write(&seed_session(), Report::Matrix, Format::Xlsx, Lang::Ja).unwrap();
    let mut book = workbook(&bytes);
    assert_eq!(book.sheet_names(), ["結果一覧"]);
    let range = book.worksheet_range("結果一覧").unwrap();
    assert_eq!(
        cell(&range, 0, 0),
        "令和6年度（上半期）情報セキュリティ内部監査 結果一覧"
    );
    assert_eq!(cell(&range, 1, 0), "監査実施日：令和6年9月27日（金）");
    let header: Vec<String> = (0..8).map(|c| cell(&range, 3, c)).collect();
    assert_eq!(
        header,
        [
            "項番",
            "監査内容",
            "秘書",
            "防災",
            "管財",
            "福祉総務",
            "保育",
            "障がい"
        ]
    );
    // Every item row (area headings between) against the seed's table.
    let mut rows = BTreeMap::new();
    for row in 4..range.end().unwrap().0 {
        let id = cell(&range, row, 0);
        if id.starts_with('I') && id.contains('-') {
            let marks: Vec<String> = (2..8).map(|c| cell(&range, row, c)).collect();
            rows.insert(id, (cell(&range, row, 1), marks));
        }
    }
    assert_eq!(rows.len(), 28);
    for line in SEED_MATRIX.lines().filter(|l| !l.trim().is_empty()) {
        let parts: Vec<&str> = line.split('|').map(str::trim).collect();
        let expected: Vec<String> = parts[1]
            .split(' ')
            .map(|m| if m == "—" { "-" } else { m }.to_string())
            .collect();
        assert_eq!(
            rows[parts[0]],
            (parts[2].to_string(), expected),
            "{}",
            parts[0]
        );
    }
    assert_eq!(cell(&range, 4, 0), "I 人的セキュリティ");
    let all: Vec<String> = range.cells().map(|(_, _, v)| v.to_string()).collect();
    assert!(all.contains(&SEED_LEGEND.to_string()));
    assert!(all.contains(&"部署別の評価件数".to_string()));
    for remark in SEED_REMARKS {
        assert!(all.contains(&remark.to_string()), "{remark}");
    }

    let sheet = zip_part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains(r#"<pane xSplit="2" ySplit="4" topLeftCell="C5" activePane="bottomRight" state="frozen"/>"#),
        "{sheet}"
    );
    assert!(sheet.contains(r#"<col min="2" max="2" width="#), "{sheet}");
    assert!(sheet.contains(r#"customWidth="1""#));
    assert!(sheet.contains(r#"paperSize="9""#) && sheet.contains(r#"orientation="landscape""#));
    assert!(sheet.contains(r#"<pageSetUpPr fitToPage="1"/>"#));
    assert!(
        sheet.contains(r#"fitToHeight="0""#),
        "fit the width, any number of pages down"
    );
    assert!(sheet.contains(
        "<oddHeader>&amp;C令和6年度（上半期）情報セキュリティ内部監査 結果一覧</oddHeader>"
    ));
    assert!(sheet.contains("<oddFooter>&amp;C&amp;P / &amp;N ページ</oddFooter>"));
    // Marks are filled by meaning: × cells on the needs-improvement red.
    assert!(zip_part(&bytes, "xl/styles.xml").contains(r#"<fgColor rgb="FFF8CBAD"/>"#));
}

#[test]
fn the_xlsx_summary_has_the_report_and_the_figures() {
    use calamine::Reader;
    let bytes = export::write(&seed_session(), Report::Summary, Format::Xlsx, Lang::Ja).unwrap();
    let mut book = workbook(&bytes);
    assert_eq!(book.sheet_names(), ["実施報告書", "総評の集計"]);
    let range = book.worksheet_range("実施報告書").unwrap();
    // The sheet opens with the 監査概要, as the seed's 実施報告書; the table follows.
    assert_eq!(cell(&range, 4, 0), "1 監査概要");
    let top = (0..range.end().unwrap().0)
        .find(|&r| cell(&range, r, 0) == "項番")
        .unwrap();
    let header: Vec<String> = (0..5).map(|c| cell(&range, top, c)).collect();
    assert_eq!(
        header,
        [
            "項番",
            "監査項目",
            "適正に実施している課",
            "改善が必要な課",
            "改善内容等"
        ]
    );
    let iii7 = (0..range.end().unwrap().0)
        .find(|&r| cell(&range, r, 0) == "III-7")
        .unwrap();
    assert_eq!(cell(&range, iii7, 2), "防災安全課、管財課、福祉総務課");
    assert_eq!(cell(&range, iii7, 3), "保育課、障がい福祉課");
    let figures = book.worksheet_range("総評の集計").unwrap();
    let all: Vec<String> = figures.cells().map(|(_, _, v)| v.to_string()).collect();
    assert!(all.contains(&"I-2(2)、I-3、I-5(2)、III-7".to_string()));
    let total = (0..figures.end().unwrap().0)
        .find(|&r| cell(&figures, r, 0) == "計")
        .unwrap();
    let totals: Vec<String> = (1..6).map(|c| cell(&figures, total, c)).collect();
    assert_eq!(totals, ["126", "5", "5", "32", "0"]);
    let sheet = zip_part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"paperSize="9""#));
    // The table's header row repeats on every printed page (the opening does not).
    let book = zip_part(&bytes, "xl/workbook.xml");
    let titles = format!("実施報告書!${}:${}", top + 1, top + 1);
    assert!(book.contains(&titles), "{book}");
}

#[test]
fn the_html_reports_are_self_contained_and_hold_the_tables() {
    let session = seed_session();
    for report in [Report::Matrix, Report::Summary] {
        let html = text(&session, report, Format::Html, Lang::Ja);
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"ja\">"));
        for external in ["http:", "https:", "src=", "href=", "@import", "url("] {
            assert!(!html.contains(external), "{report}: {external}");
        }
        assert!(html.contains("@page"), "{report}: print CSS");
        assert!(html.contains("section + section { break-before: page; }"));
    }
    let html = text(&session, Report::Matrix, Format::Html, Lang::Ja);
    assert!(html.contains("<title>令和6年度（上半期）情報セキュリティ内部監査 結果一覧</title>"));
    assert!(html.contains("<p class=\"date\">監査実施日：令和6年9月27日（金）</p>"));
    assert!(html.contains("size: A4 landscape"));
    assert!(html.contains("<th>項番</th><th>監査内容</th><th>秘書</th><th>防災</th><th>管財</th><th>福祉総務</th><th>保育</th><th>障がい</th>"));
    assert!(html.contains(
        "<tr><td class=\"id\">I-2(2)</td><td>パソコンの取扱い（2）デスクトップ上でのデータの保存禁止</td><td class=\"improved\">△</td><td class=\"compliant\">○</td><td class=\"improved\">△</td><td class=\"improved\">△</td><td class=\"needs\">×</td><td class=\"improved\">△</td></tr>"
    ), "{html}");
    assert_eq!(html.matches("<tr><td class=\"id\">").count(), 28);
    assert!(html.contains("<td class=\"remark\">関係事務のみ</td>"));
    assert!(html.contains("<span class=\"compliant\">○：適正</span>"));
    let html = text(&session, Report::Summary, Format::Html, Lang::Ja);
    assert!(html.contains("size: A4 portrait"));
    assert!(html.contains("<td>保育課、障がい福祉課</td><td>保育課：e-Learningの受講状況が悪いため、早急な受講を促す。<br>障がい福祉課："));
    assert!(html.contains("<li>保育課：I-2(2)、I-3、I-5(2)、III-7</li>"));
}

#[test]
fn html_escapes_what_people_type() {
    let mut session = seed_session();
    let change = session
        .set_note("保育", "I-3", "<script>alert(1)</script> & \"x\"")
        .unwrap();
    record(&mut session, change);
    let html = text(&session, Report::Summary, Format::Html, Lang::Ja);
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
}

#[test]
fn the_docx_summary_holds_the_seeds_tables_in_japanese_fonts_on_a4() {
    let bytes = export::write(&seed_session(), Report::Summary, Format::Docx, Lang::Ja).unwrap();
    let document = zip_part(&bytes, "word/document.xml");
    let text = |s: &str| format!(">{s}</w:t>");
    for expected in [
        "令和6年度（上半期）情報セキュリティ内部監査 実施報告書",
        "監査実施日：令和6年9月27日（金）",
        "I 人的セキュリティ",
        "適正に実施している課",
        "改善が必要な課",
        "改善内容等",
        "防災安全課、管財課、福祉総務課",
        "保育課、障がい福祉課",
        "保育課：e-Learningの受講状況が悪いため、早急な受講を促す。",
        "総評のための集計",
        "保育課：I-2(2)、I-3、I-5(2)、III-7",
    ] {
        assert!(document.contains(&text(expected)), "{expected}");
    }
    // A4 portrait, the header rows repeated on every page, the page numbers below.
    assert!(
        document.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
        "{document}"
    );
    assert!(document.contains("<w:tblHeader />"));
    assert_eq!(document.matches("<w:tblHeader />").count(), 4 + 2);
    let footer = zip_part(&bytes, "word/footer1.xml");
    assert!(
        footer.contains("PAGE") && footer.contains("NUMPAGES"),
        "{footer}"
    );
    let styles = zip_part(&bytes, "word/styles.xml");
    assert!(styles.contains(r#"w:eastAsia="游明朝""#), "{styles}");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let part = archive.by_name("word/document.xml").unwrap();
    assert_eq!(part.compression(), zip::CompressionMethod::Deflated);
    drop(part);
    let core = zip_part(&bytes, "docProps/core.xml");
    assert!(
        core.contains(
            "<dc:title>令和6年度（上半期）情報セキュリティ内部監査 実施報告書</dc:title>"
        )
    );
    assert!(!core.contains("1970"), "{core}");
    let fonts = zip_part(&bytes, "word/fontTable.xml");
    assert!(fonts.contains(r#"<w:font w:name="游明朝"><w:altName w:val="MS 明朝"/>"#));
}

#[test]
fn refused_combinations_say_why_and_write_nothing() {
    let error = export::write(&seed_session(), Report::Matrix, Format::Docx, Lang::Ja).unwrap_err();
    assert!(matches!(error, export::ExportError::Unsupported { .. }));
    assert_eq!(
        error.to_string(),
        "the matrix report cannot be written as docx: DOCX is written for the summary (実施報告書); write the matrix as xlsx, html, md or csv"
    );
    assert!(!Format::Docx.is_text() && !Format::Xlsx.is_text());
    assert!(Format::Md.is_text() && Format::Csv.is_text() && Format::Html.is_text());
}

/// `kansa` on a data directory holding the seed round, saved through the store.
fn cli_on_seed() -> (tempfile::TempDir, String) {
    let root = tempfile::tempdir().unwrap();
    let store = kansa::store::Store::open(root.path()).unwrap();
    let session = seed_session();
    store.create(&session).unwrap();
    (root, session.id)
}

/// The binary on `data`, in Japanese unless `args` say `--lang`.
fn kansa(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    common::run(common::kansa_in(data).env("LANG", "ja_JP.UTF-8").args(args))
}

#[test]
fn kansa_export_writes_every_format_to_an_owner_only_file() {
    let (root, id) = cli_on_seed();
    for (format, report, magic) in [
        ("xlsx", "matrix", &b"PK"[..]),
        ("xlsx", "summary", b"PK"),
        ("docx", "summary", b"PK"),
        ("html", "matrix", b"<!DOCTYPE html>"),
        ("md", "summary", "# 令和6年度".as_bytes()),
        ("csv", "summary", b"\xEF\xBB\xBF"),
    ] {
        let path = root.path().join(format!("{report}.{format}"));
        let path_text = path.to_str().unwrap();
        let output = kansa(
            root.path(),
            &[
                "export", &id, "--format", format, "--report", report, "-o", path_text,
            ],
        );
        assert!(output.status.success(), "{format} {report}: {output:?}");
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(magic), "{format} {report}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{format} {report}");
        }
    }
    // Nothing else is left in the folder: the temporary file became the report.
    let leftovers: Vec<_> = std::fs::read_dir(root.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".kansa-export"))
        .collect();
    assert!(leftovers.is_empty());
    // Text formats go to standard output, in the language asked for.
    let output = kansa(
        root.path(),
        &[
            "--lang", "en", "export", &id, "--format", "html", "--report", "summary", "-o", "-",
        ],
    );
    assert!(output.status.success(), "{output:?}");
    let html = String::from_utf8(output.stdout).unwrap();
    assert!(html.contains("<html lang=\"en\">") && html.contains("Audit date: 2024-09-27"));
}

#[test]
fn kansa_export_refuses_with_a_reason_and_writes_nothing() {
    let (root, id) = cli_on_seed();
    let file = root.path().join("out.docx");
    let file_text = file.to_str().unwrap();
    for (args, reason) in [
        (
            vec!["--format", "docx", "--report", "matrix", "-o", file_text],
            "cannot be written as docx",
        ),
        (
            vec!["--format", "xlsx", "--report", "matrix", "-o", "-"],
            "--format xlsx is a binary file",
        ),
        (
            vec!["--format", "csv", "--report", "all", "-o", file_text],
            "a CSV file holds one table",
        ),
    ] {
        // The reasons are checked in English; the Japanese ones are the same messages.
        let mut all = vec!["--lang", "en", "export", id.as_str()];
        all.extend(args);
        let output = kansa(root.path(), &all);
        assert!(!output.status.success(), "{all:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains(reason), "{all:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(output.stdout.is_empty());
        assert!(!file.exists());
    }
}

#[test]
fn any_scale_works_since_reports_go_by_meaning() {
    use kansa::checklist::{Mark, Meaning};
    let mut checklist = Checklist::bundled();
    let mark = |symbol: &str, label: &str, key: char, meaning: Meaning| Mark {
        symbol: symbol.into(),
        ascii: symbol.into(),
        label: label.into(),
        key,
        meaning,
        note_required: false,
        severity: None,
        points: None,
        asks: Vec::new(),
    };
    checklist.scale = vec![
        mark("A", "良好", 'a', Meaning::Compliant),
        mark("B", "要改善", 'b', Meaning::NeedsImprovement),
        mark("C", "対象外", 'c', Meaning::NotApplicable),
    ];
    let departments = checklist.departments.clone();
    let mut session = Session::new(
        "abc".into(),
        checklist,
        departments,
        AuditFacts::default(),
        at(),
    );
    for (department, symbol) in [("秘書", "A"), ("防災", "B")] {
        let change = session.set_mark(department, "I-1", Some(symbol)).unwrap();
        record(&mut session, change);
    }
    let summary = export::model::Summary::of(&session);
    let i1 = &summary.areas[0].rows[0];
    assert_eq!(i1.complying, ["秘書広聴課"]);
    assert_eq!(i1.needing, ["防災安全課"]);
    let markdown = text(&session, Report::Matrix, Format::Md, Lang::Ja);
    assert!(
        markdown.contains("\nA：良好 B：要改善 C：対象外\n"),
        "{markdown}"
    );
    assert!(markdown.contains("| B 要改善 | 0 | 1 | 0 | 0 | 0 | 0 |"));
    for report in [Report::Matrix, Report::Summary] {
        for format in [
            Format::Md,
            Format::Csv,
            Format::Xlsx,
            Format::Html,
            Format::Docx,
        ] {
            let written = export::write(&session, report, format, Lang::En);
            assert!(
                written.is_ok() || (report, format) == (Report::Matrix, Format::Docx),
                "{report} {format}"
            );
        }
    }
}
