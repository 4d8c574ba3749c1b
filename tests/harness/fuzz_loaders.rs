//! Mutation fuzzing of the loaders: the checklist loader (RON), the session loader
//! (snapshot, history section and journal; strict and as opened for work) and the
//! spreadsheet importer, CSV and XLSX. Inputs are real files mutated (bytes flipped,
//! cut, spliced, duplicated, RON punctuation and marks inserted; for XLSX mostly the
//! XML inside the zip: cells and shared strings rewritten, rows and cells deleted or
//! doubled, sheets renamed) and random bytes. No input may panic; every session and
//! checklist error must carry a line and column, every spreadsheet error its cell
//! unless it is about a whole sheet or a file that cannot be read at all.
//!
//! `cargo test` runs a thousand inputs each. The full run, once:
//! `KANSA_FUZZ=1000000 cargo test --release --test harness fuzz_loaders:: -- --nocapture`

use std::io::{Cursor, Read, Write};
use std::ops::Range;
use std::path::Path;

use crate::common::fuzz::{Rng, Verdict, fuzz, mutate, mutate_with};
use kansa::checklist::Checklist;
use kansa::error::FileError;
use kansa::i18n::Lang;
use kansa::sample::large_session;
use kansa::sheet::{SheetError, SheetProblem};
use kansa::store::Store;

/// A loader's error must say where: line and column.
fn placed(e: &FileError) -> Verdict {
    assert!(e.position.is_some(), "an error without a position: {e}");
    Err("with line and column")
}

#[test]
fn the_checklist_loader_never_panics_and_places_every_error() {
    let seeds: Vec<Vec<u8>> = std::fs::read_dir("checklists")
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    let path = Path::new("fuzz.ron");
    fuzz("checklist", |case| {
        let bytes = mutate(&mut case.rng, &seeds[case.index % seeds.len()]);
        case.keep("input.ron", &bytes);
        match Checklist::parse(&String::from_utf8_lossy(&bytes), path) {
            Ok(_) => Ok(()),
            Err(e) => placed(&e),
        }
    });
}

/// Small session files in every layout part: snapshot, history lines, journal lines.
fn session_seeds() -> Vec<Vec<u8>> {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut seeds = Vec::new();
    for (items, departments, history) in [(3, 2, 6), (5, 3, 20)] {
        let mut session = large_session(items, departments, history);
        session.id = format!("s{items}");
        store.create(&session).unwrap();
        let mut writer = store.open_writer(&session.id, "監査 太郎").unwrap();
        let item = session.checklist.items().next().unwrap().1.id.clone();
        let department = session.hearings[0].department.short.clone();
        let change = writer
            .session()
            .set_note(&department, &item, "鍵なし。")
            .unwrap();
        writer.record(change).unwrap();
        drop(writer);
        seeds.push(std::fs::read(store.path_of(&session.id)).unwrap());
    }
    seeds
}

#[test]
fn the_session_loader_never_panics_and_places_every_error() {
    let seeds = session_seeds();
    let path = Path::new("fuzz.ron");
    fuzz("session", |case| {
        let bytes = mutate(&mut case.rng, &seeds[case.index % seeds.len()]);
        case.keep("input.ron", &bytes);
        let strict = Store::load_bytes(&bytes, path, false);
        let lazy = Store::load_bytes(&bytes, path, true);
        match &lazy {
            // The history left as text is read when asked for, never panicking.
            Ok(session) => _ = session.history.iter().count(),
            Err(e) => _ = placed(e),
        }
        match strict {
            Ok(_) => Ok(()),
            Err(e) => placed(&e),
        }
    });
}

/// How a spreadsheet error is placed: at a cell; only the sheet when the sheet is
/// missing, only the line for a CSV row outside any section; nowhere when the file
/// cannot be read as a workbook (or as UTF-8) at all. Anything less fails.
fn located(e: &SheetError) -> Verdict {
    match (&e.sheet, e.row, e.column) {
        (Some(_), Some(_), Some(_)) => Err("at a cell"),
        (Some(sheet), None, None) if *e.problem == SheetProblem::MissingSheet(sheet.clone()) => {
            Err("a sheet missing")
        }
        (None, Some(_), None) if *e.problem == SheetProblem::OutsideSection => {
            Err("a line outside a section")
        }
        (None, None, None)
            if matches!(
                *e.problem,
                SheetProblem::CannotRead(_) | SheetProblem::NotUtf8
            ) =>
        {
            Err("the file unreadable")
        }
        _ => panic!("a spreadsheet error without its cell: {e}"),
    }
}

/// The bundled checklists, each as the spreadsheet `export` writes.
fn sheets<T>(export: impl Fn(&Checklist) -> T) -> Vec<T> {
    let mut files: Vec<_> = std::fs::read_dir("checklists")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| export(&Checklist::load(p).unwrap()))
        .collect()
}

#[test]
fn the_csv_importer_never_panics_and_places_every_error() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = sheets(|c| kansa::sheet::to_csv(c).unwrap().into_bytes());
    let file = dir.path().join("fuzz.csv");
    fuzz("sheet-csv", |case| {
        let bytes = mutate(&mut case.rng, &seeds[case.index % seeds.len()]);
        case.keep("input.csv", &bytes);
        std::fs::write(&file, &bytes).unwrap();
        match kansa::sheet::import(&file, Path::new("fuzz.ron")) {
            Ok(_) => Ok(()),
            Err(e) => located(&e),
        }
    });
}

/// A workbook's files: name and bytes, in the zip's order.
type Entries = Vec<(String, Vec<u8>)>;

fn unzip(bytes: &[u8]) -> Entries {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            (file.name().unwrap().to_string(), bytes)
        })
        .collect()
}

fn rezip(entries: &Entries) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    // Stored, not deflated: deflating a million workbooks would cost more than
    // reading them, and the XML reader sees the same bytes either way.
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Inserted into the XML (and the zip) as they are: markup, entities, a BOM, marks.
const XML_TOKENS: &[&str] = &[
    "<",
    ">",
    "/>",
    "</c>",
    "<c>",
    "</row>",
    "<row>",
    "<v>",
    "</v>",
    "<t>",
    "</t>",
    "&amp;",
    "&#0;",
    "&#x10FFFF;",
    "&bogus;",
    "\"",
    "=",
    "<![CDATA[",
    "]]>",
    "<!--",
    " t=\"s\"",
    " r=\"A1\"",
    "\u{feff}",
    "○",
    "保育",
    "\u{0}",
    "PK",
];

/// Cell values: marks, ids, Japanese, blanks, numbers too large or not numbers,
/// conditions and facts as RON (good and broken), headers, a formula's text.
const VALUES: &[&str] = &[
    "",
    " ",
    "\u{3000}",
    "○",
    "×",
    "△",
    "-",
    "◎",
    "重",
    "o",
    "I",
    "II",
    "I-1",
    "I-3",
    "A-1",
    "I-1, I-3",
    "保育課",
    "保育",
    "総務課",
    "kikan",
    "適合",
    "要改善",
    "指導により改善",
    "該当なし",
    "不明",
    "Compliant",
    "文字",
    "日付",
    "deadline",
    "1",
    "2",
    "0",
    "-1",
    "3.5",
    "1e308",
    "-1e308",
    "99999999999999999999",
    "NaN",
    "q",
    "?",
    "ab",
    "Tag(\"kikan\")",
    "Not(Answer(\"I-1\", \"○\"))",
    "AnswerMeans(\"I-1\", NotApplicable)",
    "Any([Tag(\"kikan\"), ",
    "Always",
    "(purpose: \"目的\")",
    "(purpose: ",
    "=SUM(A1:A3)",
    "#REF!",
    "TRUE",
    "項目ID",
    "記号",
    "キー",
    "意味",
    "領域",
    "部署名",
    "区分",
    "[項目]",
    "a\nb",
    "\u{1F600}",
];

/// A cell's `<v>` as a number, or as what is not one.
const NUMBERS: &[&str] = &[
    "0",
    "1",
    "2",
    "-1",
    "3.5",
    "1e308",
    "1E+400",
    "4294967296",
    "99999999999999999999",
    "NaN",
    "",
    "x",
    " 7 ",
];

const CELL_TYPES: &[&str] = &["s", "n", "str", "inlineStr", "b", "e", "d", "zz", ""];
const REFS: &[&str] = &[
    "A1",
    "B2",
    "G1",
    "Z9",
    "XFD1048576",
    "XFE1",
    "A0",
    "A1048577",
    "",
    "1A",
    "AAAAAAAAA1",
    "A99999999999",
    "a1",
];
const SHEET_NAMES: &[&str] = &[
    "項目",
    "評価",
    "部署",
    "得点区分",
    "入力欄",
    "概要",
    "説明",
    "",
    " 項目",
    "Sheet1",
];
const FORMULAS: &[&str] = &["1+1", "A1&amp;B1", "SUM(A1:A3)", "NA()", ""];

/// A value for a cell, escaped for XML, though not one time in ten; now and then one
/// very long.
fn text(rng: &mut Rng) -> String {
    if rng.one_in(50) {
        return "監査".repeat(rng.below(50_000));
    }
    let value = *rng.pick(VALUES);
    if rng.one_in(10) {
        return value.to_string();
    }
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Where each `<tag …>…</tag>` or `<tag …/>` of `xml` is (none of the tags fuzzed
/// here nests in itself).
fn elements(xml: &str, tag: &str) -> Vec<Range<usize>> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = xml[from..].find(&open).map(|i| from + i) {
        from = at + open.len();
        let rest = &xml[from..];
        if !rest.starts_with([' ', '>', '/']) {
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let end = if rest[..gt].ends_with('/') {
            from + gt + 1
        } else {
            match rest.find(&close) {
                Some(c) => from + c + close.len(),
                None => break,
            }
        };
        found.push(at..end);
        from = end;
    }
    found
}

/// `element` with the attribute `name` set to `value` (added when absent).
fn attribute(element: &str, name: &str, value: &str) -> String {
    let key = format!(" {name}=\"");
    let start_tag = element.find('>').unwrap_or(element.len());
    match element[..start_tag].find(&key) {
        Some(at) => {
            let from = at + key.len();
            let to = from + element[from..].find('"').unwrap_or(0);
            format!("{}{value}{}", &element[..from], &element[to..])
        }
        None => {
            let after_name = element.find([' ', '>', '/']).unwrap_or(element.len());
            format!(
                "{}{key}{value}\"{}",
                &element[..after_name],
                &element[after_name..]
            )
        }
    }
}

/// A cell rewritten: an inline string, a number, a value of another type, a formula,
/// or the same cell with another type or reference.
fn cell(rng: &mut Rng, element: &str) -> String {
    let key = " r=\"";
    let r = element
        .find(key)
        .map(|at| &element[at + key.len()..])
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("A1");
    match rng.below(6) {
        0 => format!(
            r#"<c r="{r}" t="inlineStr"><is><t>{}</t></is></c>"#,
            text(rng)
        ),
        1 => format!(r#"<c r="{r}"><v>{}</v></c>"#, rng.pick(NUMBERS)),
        2 => format!(
            r#"<c r="{r}" t="{}"><v>{}</v></c>"#,
            rng.pick(CELL_TYPES),
            rng.pick(NUMBERS)
        ),
        3 => format!(
            r#"<c r="{r}" t="str"><f>{}</f><v>{}</v></c>"#,
            rng.pick(FORMULAS),
            text(rng)
        ),
        4 => attribute(element, "t", rng.pick::<&str>(CELL_TYPES)),
        _ => attribute(element, "r", rng.pick::<&str>(REFS)),
    }
}

/// One change to a workbook's XML: an element (cell, text, row, shared string, sheet)
/// deleted, doubled, or rewritten.
fn change_xml(rng: &mut Rng, xml: &mut String) {
    let tag = *rng.pick(&["c", "c", "t", "v", "row", "si", "sheet"]);
    let spans = elements(xml, tag);
    if spans.is_empty() {
        return;
    }
    let span = rng.pick(&spans).clone();
    let element = &xml[span.clone()];
    let new = match (tag, rng.below(5)) {
        (_, 0) => String::new(),
        // Doubled: the same item id twice, a row number twice, strings shifted.
        (_, 1) => element.repeat(2),
        ("t" | "v", _) if !element.ends_with("/>") => {
            let inner = element.find('>').unwrap() + 1..element.rfind('<').unwrap();
            format!(
                "{}{}{}",
                &element[..inner.start],
                text(rng),
                &element[inner.end..]
            )
        }
        ("c", _) => cell(rng, element),
        ("row", _) => attribute(element, "r", &rng.below(2000).to_string()),
        ("si", _) => format!("<si><t>{}</t></si>", text(rng)),
        ("sheet", _) => attribute(element, "name", rng.pick::<&str>(SHEET_NAMES)),
        _ => return,
    };
    xml.replace_range(span, &new);
}

/// An XLSX input from the seed's files: one time in ten the zip's bytes mutated, which
/// the zip reader mostly refuses; else one file of it changed (mostly a worksheet or
/// the shared strings, as XML, then now and then as bytes) or left out, rezipped.
fn xlsx_input(rng: &mut Rng, seed: &Entries) -> Vec<u8> {
    if rng.one_in(10) {
        return mutate_with(rng, &rezip(seed), XML_TOKENS);
    }
    let mut entries = seed.clone();
    let find = |name: &str| seed.iter().position(|(n, _)| n == name).unwrap();
    let index = match rng.below(10) {
        0..=4 => find(&format!("xl/worksheets/sheet{}.xml", 1 + rng.below(7))),
        5..=7 => find("xl/sharedStrings.xml"),
        8 => find("xl/workbook.xml"),
        _ if rng.one_in(3) => {
            entries.remove(rng.below(entries.len()));
            return rezip(&entries);
        }
        _ => rng.below(entries.len()),
    };
    let bytes = &mut entries[index].1;
    if let Ok(mut xml) = String::from_utf8(bytes.clone()) {
        for _ in 0..1 + rng.below(3) {
            change_xml(rng, &mut xml);
        }
        *bytes = xml.into_bytes();
    }
    if rng.one_in(4) {
        *bytes = mutate_with(rng, bytes, XML_TOKENS);
    }
    rezip(&entries)
}

#[test]
fn the_xlsx_importer_never_panics_and_places_every_error() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = sheets(|c| unzip(&kansa::sheet::to_xlsx(c, Lang::Ja.sheet()).unwrap()));
    let file = dir.path().join("fuzz.xlsx");
    fuzz("sheet-xlsx", |case| {
        let bytes = xlsx_input(&mut case.rng, &seeds[case.index % seeds.len()]);
        case.keep("input.xlsx", &bytes);
        std::fs::write(&file, &bytes).unwrap();
        match kansa::sheet::import(&file, Path::new("fuzz.ron")) {
            Ok(_) => Ok(()),
            Err(e) => located(&e),
        }
    });
}
