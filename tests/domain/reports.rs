//! The 結果報告書 of each department and the 実施報告書's outline, from the seed round
//! (`kansa::seed`: its marks, notes, 所見, 指摘事項 and 総評), in every format; and
//! draft or signed on the page.

use crate::common;

use kansa::export::{self, Format, Report};
use kansa::i18n::Lang;
use kansa::seed;
use kansa::session::Session;

fn round() -> Session {
    seed::whole_round("seed").unwrap()
}

fn signed() -> Session {
    let mut session = round();
    let at = session.last_change() + chrono::Duration::minutes(5);
    let change = session.sign(seed::AUDITOR, at).unwrap();
    seed::record(&mut session, change).unwrap();
    session
}

fn text(session: &Session, report: Report, format: Format) -> String {
    let bytes = export::write(session, report, format, Lang::Ja).unwrap();
    String::from_utf8(bytes).unwrap()
}

/// The Markdown of one department's 結果報告書: from its heading to the next one.
fn department_md<'a>(markdown: &'a str, name: &str) -> &'a str {
    let heading = format!("## 情報セキュリティ内部監査結果報告書（{name}）");
    let start = markdown.find(&heading).unwrap();
    let rest = &markdown[start + heading.len()..];
    let end = rest.find("\n## ").map_or(rest.len(), |e| e + 1);
    &rest[..end]
}

/// The areas of a department's report and their 指摘事項 lines, in order.
fn areas_and_findings(report: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut area = String::new();
    for line in report.lines() {
        if let Some(title) = line.strip_prefix("### ") {
            area = title.to_string();
        } else if line.starts_with("指摘事項：") {
            out.push((area.clone(), line.to_string()));
        }
    }
    out
}

#[test]
fn the_departments_reports_carry_the_seeds_findings_and_only_areas_with_a_finding() {
    let markdown = text(&round(), Report::Departments, Format::Md);
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(a, f)| (a.to_string(), f.to_string()))
            .collect()
    };
    assert_eq!(
        areas_and_findings(department_md(&markdown, "保育課")),
        pairs(&[
            (
                "○人的セキュリティに関して",
                "指摘事項：デスクトップ貼り付け、ID・パスワードの取扱い"
            ),
            ("○物的セキュリティに関して", "指摘事項：なし"),
            (
                "○特定個人情報の適切な取扱いに関して",
                "指摘事項：特定個人情報事務取扱担当の監督，教育"
            ),
            (
                "○住民情報基幹系ファイルサーバ内の電子データ等の適正な取扱いに関して",
                "指摘事項：なし"
            ),
        ])
    );
    assert_eq!(
        areas_and_findings(department_md(&markdown, "障がい福祉課")),
        pairs(&[
            ("○人的セキュリティに関して", "指摘事項：なし"),
            ("○物的セキュリティに関して", "指摘事項：なし"),
            (
                "○特定個人情報の適切な取扱いに関して",
                "指摘事項：特定個人情報事務取扱担当の監督，教育"
            ),
            (
                "○住民情報基幹系ファイルサーバ内の電子データ等の適正な取扱いに関して",
                "指摘事項：なし"
            ),
        ])
    );
    assert_eq!(
        areas_and_findings(department_md(&markdown, "秘書広聴課")),
        pairs(&[
            ("○人的セキュリティに関して", "指摘事項：なし"),
            ("○物的セキュリティに関して", "指摘事項：なし"),
        ])
    );
}

#[test]
fn a_departments_report_has_the_seeds_header_table() {
    let markdown = text(&round(), Report::Departments, Format::Md);
    let report = department_md(&markdown, "福祉総務課");
    let labels: Vec<&str> = report
        .lines()
        .filter_map(|l| l.strip_prefix("| "))
        .filter_map(|l| l.split(" | ").nth(1))
        .collect();
    assert_eq!(
        labels,
        [
            "項目",
            "---",
            "監査目的",
            "監査範囲",
            "被監査部門",
            "監査方法",
            "監査実施日程",
            "監査項目",
            "適用基準"
        ]
    );
    assert!(
        report.contains("| 3 | 被監査部門 | 福祉総務課 |"),
        "{report}"
    );
    // 福祉総務課 works with the 住民情報基幹系 systems: its own 監査範囲, as the seed's.
    assert!(report.contains("(2) 住民情報基幹系システム"), "{report}");
    let secretary = department_md(&markdown, "秘書広聴課");
    assert!(!secretary.contains("住民情報基幹系システム"), "{secretary}");
}

/// The 実施報告書 opens as the seed's does (issue 27): 1 監査概要 with its five
/// sections, 2 監査結果 with the 総評, 3 課別監査結果 sending the reader to the 結果一覧,
/// then the tables and the figures.
#[test]
fn the_summary_opens_with_the_outline_and_the_overall_assessment() {
    let markdown = text(&round(), Report::Summary, Format::Md);
    let at = |s: &str| {
        markdown
            .find(s)
            .unwrap_or_else(|| panic!("{s}:\n{markdown}"))
    };
    let order = [
        at("## 1 監査概要"),
        at("### （1）監査目的"),
        at("### （5）監査の基準となる根拠"),
        at("## 2 監査結果"),
        at("### （総評）"),
        at("## 3 課別監査結果"),
        at("### I 人的セキュリティ"),
        at("## 総評のための集計"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(markdown.contains("直ちに是正を指示した。"));
}

#[test]
fn a_draft_says_so_and_a_signed_report_prints_signer_and_digest() {
    let draft = round();
    let markdown = text(&draft, Report::Departments, Format::Md);
    assert!(markdown.contains("> **下書き（署名前・提出不可）**"));
    let html = text(&draft, Report::Summary, Format::Html);
    assert!(html.contains("<div class=\"draft\""));
    let signed = signed();
    let digest = signed.signed.as_ref().unwrap().digest.clone();
    let short = &digest[..16];
    for report in [Report::Matrix, Report::Departments, Report::Summary] {
        let markdown = text(&signed, report, Format::Md);
        assert!(!markdown.contains("下書き"), "{report}");
        assert!(
            markdown.contains("署名：監査 太郎　令和6年9月27日（金）"),
            "{report}"
        );
        assert!(
            markdown.contains(&format!("ダイジェスト：{short}")),
            "{report}"
        );
        let html = text(&signed, report, Format::Html);
        assert!(html.contains("<footer class=\"stamp\">") && html.contains(short));
    }
    // What the page prints is what `kansa verify --digest` takes.
    assert_eq!(short, export::short_digest(&digest));
    assert_eq!(kansa::signoff::digest_matches(short, &digest), Ok(true));
    let docx = export::write(&signed, Report::Departments, Format::Docx, Lang::Ja).unwrap();
    assert!(zip_part(&docx, "word/footer1.xml").contains(short));
    let docx = export::write(&draft, Report::Departments, Format::Docx, Lang::Ja).unwrap();
    assert!(zip_part(&docx, "word/header1.xml").contains("下書き"));
}

fn zip_part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = archive.by_name(name).unwrap();
    let mut text = String::new();
    part.read_to_string(&mut text).unwrap();
    text
}

#[test]
fn the_departments_docx_holds_each_report() {
    let bytes = export::write(&round(), Report::Departments, Format::Docx, Lang::Ja).unwrap();
    let document = zip_part(&bytes, "word/document.xml");
    let text = |s: &str| format!(">{s}</w:t>");
    for expected in [
        "情報セキュリティ内部監査結果報告書（保育課）",
        "被監査部門",
        "○人的セキュリティに関して",
        "指摘事項：デスクトップ貼り付け、ID・パスワードの取扱い",
        "指摘事項：特定個人情報事務取扱担当の監督，教育",
        "指摘事項：なし",
    ] {
        assert!(document.contains(&text(expected)), "{expected}");
    }
    // A page break between departments: five for six reports.
    assert_eq!(document.matches(r#"<w:br w:type="page" />"#).count(), 5);
}

#[test]
fn the_departments_xlsx_has_a_sheet_per_department() {
    use calamine::Reader;
    let bytes = export::write(&round(), Report::Departments, Format::Xlsx, Lang::Ja).unwrap();
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "秘書広聴課",
            "防災安全課",
            "管財課",
            "福祉総務課",
            "保育課",
            "障がい福祉課"
        ]
    );
    let range = book.worksheet_range("保育課").unwrap();
    let all: Vec<String> = range.cells().map(|(_, _, v)| v.to_string()).collect();
    assert!(all.contains(&"指摘事項：デスクトップ貼り付け、ID・パスワードの取扱い".to_string()));
    assert!(all.contains(&"被監査部門".to_string()) && all.contains(&"保育課".to_string()));
    let secretary = book.worksheet_range("秘書広聴課").unwrap();
    let areas = secretary
        .cells()
        .filter(|(_, _, v)| v.to_string().starts_with('○'))
        .count();
    assert_eq!(areas, 2);
}

#[test]
fn all_reports_go_in_one_file_and_csv_says_why_not() {
    use calamine::Reader;
    let session = round();
    let bytes = export::write(&session, Report::All, Format::Xlsx, Lang::Ja).unwrap();
    let book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = book.sheet_names();
    assert_eq!(names.first().map(String::as_str), Some("結果一覧"));
    assert!(names.contains(&"保育課".to_string()) && names.contains(&"実施報告書".to_string()));
    let html = text(&session, Report::All, Format::Html);
    assert!(
        html.contains("<table class=\"matrix\">") && html.contains("○人的セキュリティに関して")
    );
    assert!(html.contains("<section class=\"summary\">"));
    let markdown = text(&session, Report::All, Format::Md);
    assert!(markdown.contains("結果一覧") && markdown.contains("実施報告書"));
    let docx = export::write(&session, Report::All, Format::Docx, Lang::Ja).unwrap();
    let document = zip_part(&docx, "word/document.xml");
    assert!(document.contains("適正に実施している課") && document.contains("被監査部門"));
    let error = export::write(&session, Report::All, Format::Csv, Lang::Ja).unwrap_err();
    assert!(error.to_string().contains("one table"), "{error}");
}

#[test]
fn the_departments_csv_has_a_row_per_fact_observation_and_finding() {
    let csv = text(&round(), Report::Departments, Format::Csv);
    assert!(csv.starts_with("\u{feff}部署,区分,項目,内容\n"));
    assert!(csv.contains(
        "保育課,○人的セキュリティに関して,指摘事項,デスクトップ貼り付け、ID・パスワードの取扱い"
    ));
    assert!(csv.contains("秘書広聴課,○物的セキュリティに関して,指摘事項,なし"));
    assert!(!csv.contains("秘書広聴課,○特定個人情報"));
    assert!(csv.trim_end().ends_with("下書き（署名前・提出不可）"));
}

#[test]
fn the_departments_markdown_is_golden() {
    let session = round();
    insta::assert_snapshot!(
        "departments_ja",
        text(&session, Report::Departments, Format::Md)
    );
    let bytes = export::write(&session, Report::Departments, Format::Md, Lang::En).unwrap();
    insta::assert_snapshot!("departments_en", String::from_utf8(bytes).unwrap());
}

/// The seed round's reports for the scripts that check them in real programs
/// (`scripts/render-html.sh`, `scripts/xlsx-libreoffice.sh`): run with
/// `KANSA_DUMP=DIR cargo test --test domain reports::write_the_seed_reports -- --ignored`.
#[test]
#[ignore = "writes the seed's reports to the folder KANSA_DUMP names, for the scripts"]
fn write_the_seed_reports() {
    let dir = std::path::PathBuf::from(std::env::var("KANSA_DUMP").unwrap());
    let session = round();
    for (report, format, name) in [
        (Report::Matrix, Format::Html, "matrix.html"),
        (Report::All, Format::Html, "all.html"),
        (Report::Matrix, Format::Xlsx, "matrix.xlsx"),
        (Report::Matrix, Format::Csv, "matrix-kansa.csv"),
        (Report::Departments, Format::Md, "departments.md"),
        (Report::All, Format::Xlsx, "all.xlsx"),
        (Report::All, Format::Docx, "all.docx"),
    ] {
        let bytes = export::write(&session, report, format, Lang::Ja).unwrap();
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let signed = signed();
    let bytes = export::write(&signed, Report::Departments, Format::Html, Lang::Ja).unwrap();
    std::fs::write(dir.join("departments-signed.html"), bytes).unwrap();
}

/// The binary on `data`, in Japanese unless `args` say `--lang`.
fn kansa_cli(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    common::run(common::kansa_in(data).env("LANG", "ja_JP.UTF-8").args(args))
}

#[test]
fn the_digest_printed_on_a_signed_report_verifies_its_session() {
    let root = tempfile::tempdir().unwrap();
    let store = kansa::store::Store::open(root.path()).unwrap();
    let session = signed();
    store.create(&session).unwrap();
    let output = kansa_cli(
        root.path(),
        &[
            "export",
            "seed",
            "--format",
            "md",
            "--report",
            "departments",
            "-o",
            "-",
        ],
    );
    assert!(output.status.success(), "{output:?}");
    let markdown = String::from_utf8(output.stdout).unwrap();
    let footer = markdown.lines().last().unwrap();
    let printed = footer.rsplit("ダイジェスト：").next().unwrap();
    assert_eq!(printed.len(), 16, "{footer}");
    let output = kansa_cli(root.path(), &["verify", "seed", "--digest", printed]);
    assert!(output.status.success(), "{output:?}");
    let file = root.path().join("all.xlsx");
    let output = kansa_cli(
        root.path(),
        &[
            "export",
            "seed",
            "--format",
            "xlsx",
            "--report",
            "all",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{output:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
