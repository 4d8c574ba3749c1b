//! Reports as CSV: UTF-8 with a BOM, which Excel in Japan needs to read the text as
//! UTF-8. The matrix (結果一覧) is the layout scripts rely on: a row per item, a
//! column per department, each cell the mark's symbol or empty.

use crate::i18n::ReportWords;
use crate::session::Session;

use super::model::Summary;

const BOM: &str = "\u{feff}";

pub fn matrix_csv(session: &Session) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["area", "item", "text"];
    header.extend(session.hearings.iter().map(|h| h.department.short.as_str()));
    writer.write_record(&header)?;
    for (area, item) in session.checklist.items() {
        let mut row = vec![area.id.as_str(), item.id.as_str(), item.text.as_str()];
        row.extend(session.hearings.iter().map(|h| {
            h.answers
                .get(&item.id)
                .and_then(|a| a.mark.as_deref())
                .unwrap_or("")
        }));
        writer.write_record(&row)?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(format!("{BOM}{}", String::from_utf8_lossy(&bytes)))
}

/// The 実施報告書 as a table for people: a header in the report's language, a row per
/// item; departments joined as the language joins them, notes one per line.
pub fn summary(summary: &Summary, words: &ReportWords) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        words.area,
        words.item_id,
        words.audit_item,
        words.complying,
        words.needing,
        words.improvements,
    ])?;
    for area in &summary.areas {
        for row in &area.rows {
            writer.write_record([
                area.id.as_str(),
                row.id.as_str(),
                row.text.as_str(),
                &row.complying.join(words.list_separator),
                &row.needing.join(words.list_separator),
                &super::improvements(row, words).join("\n"),
            ])?;
        }
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(format!("{BOM}{}", String::from_utf8_lossy(&bytes)))
}
