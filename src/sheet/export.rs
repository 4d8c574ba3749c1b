//! Writing a checklist: in the spreadsheet layout (XLSX with an explaining sheet, or a
//! CSV of sections) and as commented RON.

use std::fmt::Write as _;
use std::path::Path;

use rust_xlsxwriter::{Color, DataValidation, Format, Workbook, Worksheet, XlsxError};
use serde::Serialize;

use super::cells::condition_cell;
use super::import::Origins;
use super::layout::{
    ABOUT, ABOUT_APPLIES, ABOUT_BAND_UNIT, ABOUT_COLUMNS, ABOUT_FACTS, ABOUT_ID, ABOUT_LANGUAGE,
    ABOUT_ONLY, ABOUT_TITLE, BAND_COLUMNS, BAND_UNITS, BANDS, Columns, FIELD_COLUMNS, FIELDS, HELP,
    ITEM_COLUMNS, ITEMS, KINDS, MEANINGS, ROSTER, ROSTER_COLUMNS, SCALE, SCALE_COLUMNS,
};
use super::words::SheetStrings;
use crate::checklist::{Checklist, Condition};
use crate::text::one_line;

/// Columns holding numbers: written as numbers, so that Excel sorts and sums them.
const NUMERIC: [&str; 4] = ["重大度", "点数", "下限", "上限"];

/// One sheet to write: its name, columns and rows of text.
struct Page {
    name: &'static str,
    columns: Columns,
    rows: Vec<Vec<String>>,
}

fn list(values: &[String]) -> String {
    values.join(", ")
}

fn number<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The checklist as the layout's sheets, in the order they are written.
fn pages(checklist: &Checklist) -> Vec<Page> {
    let mut about = vec![
        vec![ABOUT_ID.to_string(), checklist.id.clone()],
        vec![ABOUT_TITLE.to_string(), checklist.title.clone()],
        vec![ABOUT_FACTS.to_string(), facts_text(checklist)],
        vec![
            ABOUT_LANGUAGE.to_string(),
            match checklist.language {
                Some(crate::language::Language::Ja) => "ja",
                Some(crate::language::Language::En) => "en",
                None => "",
            }
            .to_string(),
        ],
    ];
    // Which departments it is for beside a round's main checklist, when not all.
    if checklist.applies != Condition::Always {
        about.push(vec![
            ABOUT_APPLIES.to_string(),
            condition_cell(&checklist.applies),
        ]);
    }
    if !checklist.only.is_empty() {
        about.push(vec![ABOUT_ONLY.to_string(), list(&checklist.only)]);
    }
    if !checklist.bands.is_empty() {
        let unit = BAND_UNITS.iter().find(|(u, _)| *u == checklist.band_unit);
        let unit = unit.map_or("", |(_, word)| *word).to_string();
        about.push(vec![ABOUT_BAND_UNIT.to_string(), unit]);
    }
    let roster = checklist
        .departments
        .iter()
        .map(|d| {
            vec![
                d.name.clone(),
                d.short.clone(),
                list(&d.tags),
                d.remark.clone(),
            ]
        })
        .collect();
    let bands = checklist
        .bands
        .iter()
        .map(|b| {
            vec![
                number(b.from),
                number(b.to),
                b.label.clone(),
                b.advice.clone(),
            ]
        })
        .collect();
    let fields = checklist
        .fields
        .iter()
        .map(|f| {
            let kind = KINDS
                .iter()
                .find(|(k, _)| *k == f.kind)
                .map_or("", |(_, w)| *w);
            vec![f.id.clone(), f.label.clone(), kind.to_string()]
        })
        .collect();
    let page = |name, columns, rows| Page {
        name,
        columns,
        rows,
    };
    vec![
        page(ITEMS, ITEM_COLUMNS, item_rows(checklist)),
        page(SCALE, SCALE_COLUMNS, scale_rows(checklist)),
        page(ROSTER, ROSTER_COLUMNS, roster),
        page(BANDS, BAND_COLUMNS, bands),
        page(FIELDS, FIELD_COLUMNS, fields),
        page(ABOUT, ABOUT_COLUMNS, about),
    ]
}

fn item_rows(checklist: &Checklist) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for area in &checklist.areas {
        for (n, item) in area.items.iter().enumerate() {
            // The area's title on its first row only, as people fill the sheet in.
            let title = if n == 0 {
                area.title.clone()
            } else {
                String::new()
            };
            let applies = condition_cell(&item.applies);
            rows.push(vec![
                area.id.clone(),
                title,
                item.id.clone(),
                item.text.clone(),
                item.guidance.clone(),
                applies,
                list(&item.departments),
            ]);
        }
    }
    rows
}

fn scale_rows(checklist: &Checklist) -> Vec<Vec<String>> {
    checklist
        .scale
        .iter()
        .map(|m| {
            let meaning = MEANINGS
                .iter()
                .find(|(x, _)| *x == m.meaning)
                .map_or("", |(_, w)| *w);
            vec![
                m.symbol.clone(),
                m.ascii.clone(),
                m.label.clone(),
                m.key.to_string(),
                meaning.to_string(),
                number(m.severity),
                number(m.points),
                list(&m.asks),
                if m.note_required { "○" } else { "" }.to_string(),
            ]
        })
        .collect()
}

/// A value as RON writes it on one line (strings quoted and escaped, conditions by
/// variant name).
/// The report header's wording as one line of RON; empty when the checklist has none.
fn facts_text(checklist: &Checklist) -> String {
    if checklist.facts == Default::default() {
        return String::new();
    }
    ron_text(&checklist.facts)
}

fn ron_text<T: Serialize + ?Sized>(value: &T) -> String {
    // Strings, chars, numbers and conditions always serialize.
    ron::to_string(value).unwrap_or_default()
}

/// The checklist as an XLSX workbook: the explaining sheet first, then the layout's.
pub fn to_xlsx(checklist: &Checklist, t: &SheetStrings) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7));
    let wrap = Format::new().set_text_wrap();
    write_help(workbook.add_worksheet(), t, &header, &wrap)?;
    for page in pages(checklist) {
        let sheet = workbook.add_worksheet();
        sheet.set_name(page.name)?;
        write_page(sheet, &page, &header, &wrap)?;
    }
    workbook.save_to_buffer()
}

fn write_page(
    sheet: &mut Worksheet,
    page: &Page,
    header: &Format,
    wrap: &Format,
) -> Result<(), XlsxError> {
    for (c, (name, _)) in page.columns.iter().enumerate() {
        let c = c as u16;
        sheet.write_string_with_format(0, c, *name, header)?;
        let width = match *name {
            "項目" | "ヒアリングの観点" | "助言" | "内容" => 60,
            "適用条件" | "領域名" | "備考" | "区分" => 30,
            _ => 12,
        };
        sheet.set_column_width(c, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (r, row) in page.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, ((name, _), value)) in page.columns.iter().zip(row).enumerate() {
            let c = c as u16;
            match value.parse::<f64>() {
                Ok(n) if NUMERIC.contains(name) => sheet.write_number(r, c, n)?,
                _ if value.is_empty() => sheet,
                _ => sheet.write_string_with_format(r, c, value, wrap)?,
            };
        }
    }
    let choices: Option<Vec<&str>> = match page.name {
        SCALE => Some(MEANINGS.iter().map(|(_, w)| *w).collect()),
        FIELDS => Some(KINDS.iter().map(|(_, w)| *w).collect()),
        _ => None,
    };
    let column = page
        .columns
        .iter()
        .position(|(n, _)| *n == "意味" || *n == "種類");
    if let (Some(choices), Some(column)) = (choices, column) {
        let validation = DataValidation::new().allow_list_strings(&choices)?;
        sheet.add_data_validation(1, column as u16, 1000, column as u16, &validation)?;
    }
    Ok(())
}

fn write_help(
    sheet: &mut Worksheet,
    t: &SheetStrings,
    header: &Format,
    wrap: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name(HELP)?;
    for (c, name) in t.help_headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *name, header)?;
    }
    for (c, width) in [12, 18, 8, 90].into_iter().enumerate() {
        sheet.set_column_width(c as u16, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (r, (page, column, text)) in t.help.iter().enumerate() {
        let r = r as u32 + 1;
        let required = all_columns()
            .iter()
            .find(|(p, _)| p == page)
            .and_then(|(_, columns)| columns.iter().find(|(n, _)| n == column))
            .is_some_and(|(_, required)| *required);
        sheet.write_string(r, 0, *page)?;
        sheet.write_string(r, 1, *column)?;
        if required {
            sheet.write_string(r, 2, t.required_mark)?;
        }
        sheet.write_string_with_format(r, 3, *text, wrap)?;
    }
    let last = t.help.len() as u32 + 2;
    sheet.write_string_with_format(last, 3, t.help_csv, wrap)?;
    Ok(())
}

fn all_columns() -> [(&'static str, Columns); 6] {
    [
        (ITEMS, ITEM_COLUMNS),
        (SCALE, SCALE_COLUMNS),
        (ROSTER, ROSTER_COLUMNS),
        (BANDS, BAND_COLUMNS),
        (FIELDS, FIELD_COLUMNS),
        (ABOUT, ABOUT_COLUMNS),
    ]
}

/// The checklist as one CSV of sections (`[項目]`, then its header and rows), UTF-8
/// with the BOM that Excel in Japan needs.
pub fn to_csv(checklist: &Checklist) -> Result<String, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for page in pages(checklist) {
        writer.write_record([format!("[{}]", page.name)])?;
        writer.write_record(page.columns.iter().map(|(n, _)| *n))?;
        for row in &page.rows {
            writer.write_record(row)?;
        }
        writer.write_record([""])?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
}

/// The checklist as RON in the bundled files' style, with comments that say where it
/// came from and, with `origins`, the spreadsheet row of each mark and item.
pub fn to_ron(checklist: &Checklist, source: &Path, origins: Option<&Origins>) -> String {
    let q = |s: &str| ron_text(s);
    let mut out = String::new();
    // On one line each: a line break in a title or a file name would end the comment.
    let _ = writeln!(
        out,
        "// {} — imported from {} by `kansa import checklist`.",
        one_line(&checklist.title),
        one_line(&source.display().to_string())
    );
    let _ = writeln!(
        out,
        "// Comments name the spreadsheet rows; edit here or in the spreadsheet and import again."
    );
    let _ = writeln!(
        out,
        "(\n    format: {},\n    id: {},\n    title: {},",
        checklist.format,
        q(&checklist.id),
        q(&checklist.title)
    );
    if let Some(language) = checklist.language {
        let _ = writeln!(out, "    language: {language:?},");
    }
    if checklist.applies != Condition::Always {
        let _ = writeln!(out, "    applies: {},", ron_text(&checklist.applies));
    }
    if !checklist.only.is_empty() {
        let _ = writeln!(out, "    only: {},", ron_text(&checklist.only));
    }
    let _ = writeln!(out, "    scale: [");
    for (n, mark) in checklist.scale.iter().enumerate() {
        if let Some(row) = origins.and_then(|o| o.marks.get(n)) {
            let _ = writeln!(out, "        // {SCALE} row {row}");
        }
        let mut line = format!(
            "symbol: {}, ascii: {}, label: {}, key: {}, meaning: {:?}",
            q(&mark.symbol),
            q(&mark.ascii),
            q(&mark.label),
            ron_text(&mark.key),
            mark.meaning
        );
        if let Some(severity) = mark.severity {
            let _ = write!(line, ", severity: {severity}");
        }
        if let Some(points) = mark.points {
            let _ = write!(line, ", points: {points}");
        }
        if !mark.asks.is_empty() {
            let _ = write!(line, ", asks: {}", ron_text(&mark.asks));
        }
        if mark.note_required {
            line.push_str(", note_required: true");
        }
        let _ = writeln!(out, "        ({line}),");
    }
    let _ = writeln!(out, "    ],\n    areas: [");
    write_areas(&mut out, checklist, origins);
    let _ = writeln!(out, "    ],");
    write_tail(&mut out, checklist);
    out.push_str(")\n");
    out
}

fn write_areas(out: &mut String, checklist: &Checklist, origins: Option<&Origins>) {
    let q = |s: &str| ron_text(s);
    let mut n = 0;
    for area in &checklist.areas {
        let _ = writeln!(
            out,
            "        (\n            id: {},\n            title: {},\n            items: [",
            q(&area.id),
            q(&area.title)
        );
        for item in &area.items {
            if let Some(row) = origins.and_then(|o| o.items.get(n)) {
                let _ = writeln!(out, "                // {ITEMS} row {row}");
            }
            n += 1;
            let _ = writeln!(
                out,
                "                (\n                    id: {},\n                    text: {},",
                q(&item.id),
                q(&item.text)
            );
            if !item.guidance.is_empty() {
                let _ = writeln!(out, "                    guidance: {},", q(&item.guidance));
            }
            if item.applies != Condition::Always {
                let _ = writeln!(
                    out,
                    "                    applies: {},",
                    ron_text(&item.applies)
                );
            }
            if !item.departments.is_empty() {
                let _ = writeln!(
                    out,
                    "                    departments: {},",
                    ron_text(&item.departments)
                );
            }
            let _ = writeln!(out, "                ),");
        }
        let _ = writeln!(out, "            ],\n        ),");
    }
}

/// The roster, bands and fields.
fn write_tail(out: &mut String, checklist: &Checklist) {
    let q = |s: &str| ron_text(s);
    if checklist.facts != Default::default() {
        let _ = writeln!(out, "    facts: {},", ron_text(&checklist.facts));
    }
    let _ = writeln!(out, "    departments: [");
    for d in &checklist.departments {
        let mut line = format!("name: {}, short: {}", q(&d.name), q(&d.short));
        if !d.tags.is_empty() {
            let _ = write!(line, ", tags: {}", ron_text(&d.tags));
        }
        if !d.remark.is_empty() {
            let _ = write!(line, ", remark: {}", q(&d.remark));
        }
        let _ = writeln!(out, "        ({line}),");
    }
    let _ = writeln!(out, "    ],");
    if !checklist.bands.is_empty() {
        if checklist.band_unit.is_percent() {
            let _ = writeln!(
                out,
                "    // Read against the percent of each department's maximum."
            );
        } else {
            let _ = writeln!(out, "    // Read against the points themselves.");
            let _ = writeln!(out, "    band_unit: Points,");
        }
        let _ = writeln!(out, "    bands: [");
        for b in &checklist.bands {
            let mut line = String::new();
            if let Some(from) = b.from {
                let _ = write!(line, "from: {from}, ");
            }
            if let Some(to) = b.to {
                let _ = write!(line, "to: {to}, ");
            }
            let _ = write!(line, "label: {}, advice: {}", q(&b.label), q(&b.advice));
            let _ = writeln!(out, "        ({line}),");
        }
        let _ = writeln!(out, "    ],");
    }
    if !checklist.fields.is_empty() {
        let _ = writeln!(out, "    fields: [");
        for f in &checklist.fields {
            let _ = writeln!(
                out,
                "        (id: {}, label: {}, kind: {:?}),",
                q(&f.id),
                q(&f.label),
                f.kind
            );
        }
        let _ = writeln!(out, "    ],");
    }
}
