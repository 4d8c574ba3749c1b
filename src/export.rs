//! Reports made from a session. The matrix (結果一覧) as CSV: UTF-8 with a BOM, a row
//! per item, a column per department, each cell the mark's symbol or empty. Every
//! answer as CSV: a row per department and item, with its meaning, points, note and
//! answer fields.

use crate::session::Session;

const BOM: &str = "\u{feff}";

pub fn matrix_csv(session: &Session) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["area", "item", "text"];
    header.extend(session.hearings.iter().map(|h| h.department.short.as_str()));
    writer.write_record(&header)?;
    for (area, item) in session.checklist.items() {
        let mut row = vec![area.id.as_str(), item.id.as_str(), item.text.as_str()];
        row.extend(
            session
                .hearings
                .iter()
                .map(|h| h.mark(&item.id).unwrap_or("")),
        );
        writer.write_record(&row)?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(format!("{BOM}{}", String::from_utf8_lossy(&bytes)))
}

/// Every answer: a row per department and item (unanswered ones too, so the file is a
/// complete checklist per department), then one column per answer field of the
/// checklist, headed by its label.
pub fn answers_csv(session: &Session) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "department",
        "area",
        "item",
        "text",
        "mark",
        "label",
        "meaning",
        "points",
        "note",
    ];
    header.extend(session.checklist.fields.iter().map(|f| f.label.as_str()));
    writer.write_record(&header)?;
    for hearing in &session.hearings {
        for (area, item) in session.checklist.items() {
            let answer = hearing.answer(&item.id);
            let mark = answer
                .and_then(|a| a.mark.as_deref())
                .and_then(|s| session.checklist.mark(s));
            let mut row = vec![
                hearing.department.short.clone(),
                area.id.clone(),
                item.id.clone(),
                item.text.clone(),
                mark.map(|m| m.symbol.clone()).unwrap_or_default(),
                mark.map(|m| m.label.clone()).unwrap_or_default(),
                mark.map(|m| format!("{:?}", m.meaning)).unwrap_or_default(),
                mark.and_then(|m| m.points)
                    .map(|p| p.to_string())
                    .unwrap_or_default(),
                answer.map(|a| a.note.clone()).unwrap_or_default(),
            ];
            row.extend(session.checklist.fields.iter().map(|f| {
                answer
                    .and_then(|a| a.fields.get(&f.id).cloned())
                    .unwrap_or_default()
            }));
            writer.write_record(&row)?;
        }
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(format!("{BOM}{}", String::from_utf8_lossy(&bytes)))
}
