//! The seed round end to end: every mark of the seed's 結果一覧 entered through the core
//! API, then `kansa export --format csv --report matrix` must give the table back cell
//! for cell.

use crate::common::kansa_in;
use kansa::store::Store;

/// The seed's 結果一覧 (all four tables), transcribed from its text: area, item id,
/// marks for 秘書 防災 管財 福祉総務 保育 障がい, and the item as the seed words it.
/// The seed writes 該当なし as `-` in tables I–II and `—` in III–IV; the PDF text's
/// `イン트라ネット` (I-4) is `イントラネット`.
const SEED_MATRIX: &str = "
I   | I-1     | ○ ○ ○ ○ ○ ○ | 情報資産等の業務以外の目的での使用禁止
I   | I-2(1)  | ○ ○ △ ○ ○ ○ | パソコンの取扱い（1）離席時におけるパソコンの第三者使用を防止措置
I   | I-2(2)  | △ ○ △ △ × △ | パソコンの取扱い（2）デスクトップ上でのデータの保存禁止
I   | I-3     | ○ ○ ○ ○ × ○ | ID・パスワードの取扱い（他人に教えない、ログイン時に記憶させない、失念しない）
I   | I-4     | ○ ○ ○ ○ ○ ○ | イントラネットにおけるメール送信（「to」、「cc」、「bcc」の使い分け）
I   | I-5(1)  | ○ ○ ○ ○ ○ ○ | 公務用USBメモリの取扱い（1）データの保存禁止
I   | I-5(2)  | ○ ○ ○ ○ × ○ | 公務用USBメモリの取扱い（2）適正な保管（施錠管理）
I   | I-6     | ○ ○ ○ ○ ○ ○ | セキュリティ研修への参加（職員の情報セキュリティ研修への参加）
II  | II-1(1) | ○ ○ ○ ○ ○ ○ | ノートパソコン等の取扱い（1）水濡れによる故障の予防
II  | II-1(2) | ○ ○ ○ ○ ○ ○ | ノートパソコン等の取扱い（2）衝撃、圧迫等による故障の予防
II  | II-1(3) | ○ ○ ○ ○ ○ ○ | ノートパソコン等の取扱い（3）管理方法（施錠管理）
II  | II-2(1) | ○ ○ ○ ○ - - | サーバ機器等の取り扱い（1）定期的な点検の実施
II  | II-2(2) | ○ ○ ○ ○ - - | サーバ機器等の取り扱い（2）障害発生時の対応手順を定め、文書化
II  | II-3    | ○ ○ ○ ○ ○ ○ | 周辺機器の取り扱い
II  | II-4    | ○ ○ ○ ○ ○ ○ | 情報資産の管理について
III | III-1   | — ○ — — ○ ○ | 特定個人情報の取得について（取得手順が定められているか。裏面を見ない等の対応が周知徹底されているか。）
III | III-2   | — ○ — — ○ ○ | 特定個人情報の利用について（利用職員が限定されているか。）
III | III-3   | — ○ — — ○ ○ | 特定個人情報の保存・削除・廃棄について（文書管理規定により正しい保存年限を設定しているか。また、機密文書として適切に削除・廃棄しているか。）
III | III-4   | — ○ — — ○ ○ | 特定個人情報の取扱い体制について（届出を行い、取扱者や範囲を定めているか。持ち運ぶ際の措置を講じているか。）
III | III-5   | — ○ — — ○ ○ | 特定個人情報の運用について（指定範囲の外に持ち出していないか。）
III | III-6   | ○ ○ ○ ○ ○ ○ | 情報漏えい事案に対する体制（龍ヶ崎市情報セキュリティ事故等手順書により対応できるか。）
III | III-7   | — ○ ○ ○ × × | 特定個人情報事務取扱担当の監督、教育（所属長による取扱い確認が行われているか。職員に対して研修等により教育を行っているか。）
IV  | IV-1    | — — ○ ○ ○ ○ | 基幹系ファイルサーバ内のデータは、原則、文書管理に準じて分類している。
IV  | IV-2    | — — ○ ○ ○ ○ | 職員の個人名等のフォルダにデータを保管していない。
IV  | IV-3    | — — ○ ○ ○ ○ | 使用しなくなったデータは適宜消去している。
IV  | IV-4    | — — ○ ○ ○ ○ | マイナンバーなど重要な電子データが含まれるファイルには、パスワードをかけて保存している。
IV  | IV-5    | — — ○ ○ ○ ○ | 基幹系システム（総合福祉システム、健康管理システム含む）の端末のデスクトップに電子データを貼り付けしていない。
IV  | IV-6    | — — ○ ○ ○ ○ | 原則、基幹系システムのデータ以外は、基幹系ファイルサーバに保管しない。
";

const DEPARTMENTS: [&str; 6] = ["秘書", "防災", "管財", "福祉総務", "保育", "障がい"];

struct Row {
    area: &'static str,
    item: &'static str,
    marks: Vec<&'static str>,
    text: &'static str,
}

fn seed_rows() -> Vec<Row> {
    SEED_MATRIX
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let [area, item, marks, text] = cells[..] else {
                panic!("bad row {line:?}")
            };
            // Our 該当なし symbol is `-`, whichever dash the seed used.
            let marks = marks
                .split(' ')
                .map(|m| if m == "—" { "-" } else { m })
                .collect();
            Row {
                area,
                item,
                marks,
                text,
            }
        })
        .collect()
}

#[test]
fn the_transcription_has_every_row_and_the_seeds_32_not_applicable_cells() {
    let rows = seed_rows();
    assert_eq!(rows.len(), 28);
    for area in ["I", "II", "III", "IV"] {
        let n = rows.iter().filter(|r| r.area == area).count();
        let expected = match area {
            "I" => 8,
            "II" => 7,
            "III" => 7,
            _ => 6,
        };
        assert_eq!(n, expected, "rows of area {area}");
    }
    assert!(rows.iter().all(|r| r.marks.len() == 6));
    let dashes = rows.iter().flat_map(|r| &r.marks).filter(|m| **m == "-");
    assert_eq!(dashes.count(), 32);
}

#[test]
fn entering_the_seeds_marks_exports_the_seeds_matrix() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path();
    let output = kansa_in(data)
        .args([
            "new",
            "--title",
            "令和6年度（上半期）情報セキュリティ内部監査",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let id = String::from_utf8(output.stdout).unwrap().trim().to_string();

    let rows = seed_rows();
    let store = Store::open(data).unwrap();
    let mut writer = store.open_writer(&id, "監査 太郎").unwrap();
    // The seed's 該当なし cells, and no others, are set before anyone answers.
    for row in &rows {
        for (department, mark) in DEPARTMENTS.iter().zip(&row.marks) {
            let set = writer.session().answer(department, row.item);
            let set = set.and_then(|a| a.mark.as_deref());
            let expected = (*mark == "-").then_some("-");
            assert_eq!(set, expected, "{department} {} at creation", row.item);
        }
    }
    for row in &rows {
        for (department, mark) in DEPARTMENTS.iter().zip(&row.marks) {
            let change = writer
                .session()
                .set_mark(department, row.item, Some(mark))
                .unwrap();
            writer.record(change).unwrap();
        }
    }
    assert_eq!(writer.session().answered_count(), 168);
    writer.close().unwrap();

    let output = kansa_in(data)
        .args([
            "export", &id, "--format", "csv", "--report", "matrix", "-o", "-",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let bytes = output.stdout;
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM first");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();

    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        records[0].iter().collect::<Vec<_>>(),
        [
            "area",
            "item",
            "text",
            "秘書",
            "防災",
            "管財",
            "福祉総務",
            "保育",
            "障がい"
        ]
    );
    assert_eq!(
        text.lines().next(),
        Some("area,item,text,秘書,防災,管財,福祉総務,保育,障がい")
    );
    assert_eq!(records.len(), 1 + 28);
    for (row, record) in rows.iter().zip(&records[1..]) {
        let mut expected = vec![row.area, row.item, row.text];
        expected.extend(&row.marks);
        assert_eq!(
            record.iter().collect::<Vec<_>>(),
            expected,
            "row {}",
            row.item
        );
    }

    // PRODUCT.md: 保育課 × on I-2(2), I-3, I-5(2) and III-7; 障がい福祉課 × on III-7.
    let mut crosses: Vec<(&str, &str)> = Vec::new();
    for record in &records[1..] {
        for column in 3..9 {
            if &record[column] == "×" {
                crosses.push((&records[0][column], &record[1]));
            }
        }
    }
    let expected = [
        ("保育", "I-2(2)"),
        ("保育", "I-3"),
        ("保育", "I-5(2)"),
        ("保育", "III-7"),
        ("障がい", "III-7"),
    ];
    crosses.sort();
    assert_eq!(crosses, expected);

    // The same report written to a file is the same bytes.
    let file = root.path().join("結果一覧.csv");
    let output = kansa_in(data)
        .args(["export", &id, "--format", "csv", "--report", "matrix", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(output.stdout.is_empty());
    assert_eq!(std::fs::read(&file).unwrap()[3..], *text.as_bytes());
}

#[test]
fn unanswered_cells_export_empty() {
    let root = tempfile::tempdir().unwrap();
    let output = kansa_in(root.path())
        .args(["new", "--title", "未回答"])
        .output()
        .unwrap();
    let id = String::from_utf8(output.stdout).unwrap().trim().to_string();
    let output = kansa_in(root.path())
        .args(["export", &id, "--format", "csv", "-o", "-"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    let i1 = text.lines().find(|l| l.starts_with("I,I-1,")).unwrap();
    assert!(i1.ends_with(",,,,,,"), "{i1}");
    let iii1 = text.lines().find(|l| l.starts_with("III,III-1,")).unwrap();
    assert!(iii1.ends_with(",-,,-,-,,"), "{iii1}");
}
