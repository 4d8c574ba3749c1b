//! Reports made from a session. The matrix (結果一覧) as CSV: UTF-8 with a BOM, a row
//! per item, a column per department, each cell the mark's symbol or empty.

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
