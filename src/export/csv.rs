//! Reports as CSV: UTF-8 with a BOM, which Excel in Japan needs to read the text as
//! UTF-8. The matrix (結果一覧) is the layout scripts rely on: a row per item, a
//! column per department, each cell the mark's symbol or empty.

use super::words::ReportWords;
use crate::session::Session;

use super::model::{Departments, Summary};

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
    for super::sections::Rows {
        title: checklist,
        heading,
        areas,
        ..
    } in super::sections::parts(summary)
    {
        // A round of several checklists: each one's rows under a row naming it.
        if let Some(title) = checklist {
            let section = (words.checklist_section)(title);
            writer.write_record(pad(vec![section.as_str()]))?;
        }
        for (area, row) in areas
            .iter()
            .flat_map(|a| a.rows.iter().map(move |r| (a, r)))
        {
            writer.write_record([
                area.id.as_str(),
                row.id.as_str(),
                row.text.as_str(),
                &row.complying.join(words.list_separator),
                &super::lines::graded(&row.needing, &row.needing_marks, heading, words)
                    .into_iter()
                    .map(|(name, _)| name)
                    .collect::<Vec<_>>()
                    .join(words.list_separator),
                &super::lines::improvements(row, words).join("\n"),
            ])?;
        }
    }
    scores(&mut writer, &summary.heading, words)?;
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(format!("{BOM}{}", String::from_utf8_lossy(&bytes)))
}

/// On a scale with points, the 実施報告書's scores below its items: a row per
/// department (its name, 点数, 区分), then the average; nothing otherwise.
fn scores(
    writer: &mut csv::Writer<Vec<u8>>,
    heading: &super::model::Heading,
    words: &ReportWords,
) -> Result<(), csv::Error> {
    let rows = super::lines::score_rows(heading, words);
    if rows.is_empty() {
        return Ok(());
    }
    let w = words.score_words;
    let mut header = vec![w.section, words.department];
    header.extend(rows.iter().map(|(label, _)| label.as_str()));
    writer.write_record(pad(header))?;
    for (d, department) in heading.departments.iter().enumerate() {
        let mut record = vec!["", department.name.as_str()];
        record.extend(
            rows.iter()
                .map(|(_, cells)| cells.get(d).map_or("", String::as_str)),
        );
        writer.write_record(pad(record))?;
    }
    if let Some(line) = super::lines::average_line(heading, words) {
        writer.write_record(pad(vec!["", line.as_str()]))?;
    }
    Ok(())
}

/// A record as wide as the 実施報告書's six columns.
fn pad(mut record: Vec<&str>) -> Vec<&str> {
    record.resize(6, "");
    record
}

/// The 結果報告書 as a table: a row per fact of each department's header table, then
/// a 所見 row and a 指摘事項 row per area it reports on. A draft's last row says it is
/// one, so a CSV never passes for a signed report.
pub fn departments(departments: &Departments, words: &ReportWords) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([words.department, words.section, words.entry, words.content])?;
    for report in &departments.reports {
        for (label, value) in super::lines::fact_rows(report, words) {
            writer.write_record([report.name.as_str(), words.outline, &label, &value])?;
        }
        let others = (report.others.iter())
            .map(|(title, areas)| (Some((words.checklist_section)(title)), areas));
        for (section, areas) in std::iter::once((None, &report.areas)).chain(others) {
            // Another checklist's section with nothing to report says so in a row.
            if let (Some(section), true) = (&section, areas.is_empty()) {
                writer.write_record([&report.name, section, words.findings, words.none])?;
            }
            for area in areas {
                let about = match &section {
                    Some(section) => [section.clone(), (words.about_area)(&area.title)].join(" "),
                    None => (words.about_area)(&area.title),
                };
                let findings = if area.findings.is_empty() {
                    words.none.to_string()
                } else {
                    area.findings.join(words.list_separator)
                };
                writer.write_record([
                    &report.name,
                    &about,
                    words.observation,
                    &area.observation,
                ])?;
                writer.write_record([&report.name, &about, words.findings, &findings])?;
            }
        }
    }
    let stamp = super::lines::stamp_line(&departments.heading, words);
    writer.write_record(["", "", "", stamp.as_str()])?;
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
