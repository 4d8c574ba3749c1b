//! The comparison with the last round (前回比較): per department and item the earlier
//! mark and this one and how it moved; improved, worsened and unchanged counts per
//! department and area; the follow-up of the earlier 指摘事項; what changed in the
//! checklist. Laid out as plain tables, so each format writes them the same way.

use std::fmt::Write;

use rust_xlsxwriter::{Format as Cell, Workbook, XlsxError};

use super::words::{ReportWords, RoundWords};
use crate::rounds::{self, TrendCount};
use crate::session::Session;

use super::html::escape;

/// One table of the report.
pub struct Table {
    pub heading: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The report as data: its title, the lines under it, and its tables.
pub struct Compare {
    pub title: String,
    pub lines: Vec<String>,
    pub tables: Vec<Table>,
}

impl Compare {
    /// The comparison of `session` with the round it was started from; a session
    /// with none compares every cell as new.
    pub fn of(session: &Session, report: &ReportWords, words: &RoundWords) -> Compare {
        let mut lines = Vec::new();
        if let Some(previous) = &session.previous {
            lines.push((words.previous_round)(&previous.title, &previous.id));
        }
        let mut tables = vec![cells(session, words), counts(session, words)];
        tables.push(followups(session, words));
        if let Some(table) = checklist_changes(session, words) {
            tables.push(table);
        }
        Compare {
            title: (report.title)(session.facts.title.trim(), words.compare_report),
            lines,
            tables,
        }
    }
}

fn strings(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

fn cells(session: &Session, words: &RoundWords) -> Table {
    let previous = session.previous.as_ref();
    let mut rows = Vec::new();
    for hearing in &session.hearings {
        let short = &hearing.department.short;
        for (area, item) in session.checklist.items() {
            let before = previous
                .and_then(|p| p.answer(short, &item.id))
                .and_then(|a| a.mark.clone())
                .unwrap_or_default();
            let now = hearing.mark(&item.id).unwrap_or(words.unanswered);
            let trend = rounds::trend(session, short, &item.id);
            rows.push(vec![
                short.clone(),
                area.id.clone(),
                item.id.clone(),
                before,
                now.to_string(),
                (words.trend)(trend).to_string(),
            ]);
        }
    }
    Table {
        heading: words.cells_heading.to_string(),
        columns: strings(&words.cell_columns),
        rows,
    }
}

fn counts(session: &Session, words: &RoundWords) -> Table {
    let figures = |c: &TrendCount| {
        [c.improved, c.worsened, c.unchanged]
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
    };
    let mut rows = Vec::new();
    for hearing in &session.hearings {
        let short = &hearing.department.short;
        let mut total = TrendCount::default();
        for (area, count) in rounds::trend_counts(session, short) {
            total.improved += count.improved;
            total.worsened += count.worsened;
            total.unchanged += count.unchanged;
            let mut row = vec![short.clone(), area];
            row.extend(figures(&count));
            rows.push(row);
        }
        let mut row = vec![short.clone(), words.all_areas.to_string()];
        row.extend(figures(&total));
        rows.push(row);
    }
    Table {
        heading: words.counts_heading.to_string(),
        columns: strings(&words.count_columns),
        rows,
    }
}

fn followups(session: &Session, words: &RoundWords) -> Table {
    let rows = session
        .previous
        .iter()
        .flat_map(|p| &p.followups)
        .map(|f| {
            vec![
                f.department.clone(),
                f.area.clone(),
                format!("#{}", f.finding.id),
                f.finding.items.join(", "),
                f.finding.text.clone(),
                (words.status)(f.state.status).to_string(),
                f.state.note.clone(),
            ]
        })
        .collect();
    Table {
        heading: words.followups_heading.to_string(),
        columns: strings(&words.followup_columns),
        rows,
    }
}

/// Items reworded, added and removed since the earlier round, if any.
fn checklist_changes(session: &Session, words: &RoundWords) -> Option<Table> {
    let previous = session.previous.as_ref()?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    rows.extend(
        previous
            .changed
            .iter()
            .map(|id| vec![(words.changed_item)(id)]),
    );
    rows.extend(previous.added.iter().map(|id| vec![(words.added_item)(id)]));
    rows.extend(
        previous
            .removed
            .iter()
            .map(|r| vec![(words.removed_item)(&r.id, &r.text)]),
    );
    (!rows.is_empty()).then(|| Table {
        heading: words.checklist_heading.to_string(),
        columns: vec![words.checklist_heading.to_string()],
        rows,
    })
}

/// Markdown: a heading and a pipe table per part.
pub fn markdown(report: &Compare) -> String {
    let cell = |c: &str| {
        c.trim()
            .replace('\\', "\\\\")
            .replace('|', "\\|")
            .replace('<', "&lt;")
            .replace('\n', "<br>")
    };
    let row = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    let mut out = format!("# {}\n\n", report.title);
    for line in &report.lines {
        let _ = writeln!(out, "{line}\n");
    }
    for table in &report.tables {
        let _ = writeln!(out, "## {}\n", table.heading);
        out.push_str(&row(&table.columns));
        out.push_str(&row(&vec!["---".to_string(); table.columns.len()]));
        for r in &table.rows {
            out.push_str(&row(r));
        }
        out.push('\n');
    }
    out
}

/// CSV with a BOM: each table under a line naming it, tables apart by a blank line.
pub fn csv(report: &Compare) -> Result<String, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for (i, table) in report.tables.iter().enumerate() {
        if i > 0 {
            writer.write_record([""])?;
        }
        writer.write_record([&table.heading])?;
        writer.write_record(&table.columns)?;
        for row in &table.rows {
            writer.write_record(row)?;
        }
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
}

/// One self-contained HTML page.
pub fn html(report: &Compare, lang: &str) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{0}</title>\n<style>body{{font-family:sans-serif}}table{{border-collapse:\
         collapse;margin-bottom:1.5em}}th,td{{border:1px solid #888;padding:2px 6px}}\
         th{{background:#D9E1F2}}</style>\n</head>\n<body>\n<h1>{0}</h1>\n",
        escape(&report.title)
    );
    for line in &report.lines {
        let _ = writeln!(out, "<p>{}</p>", escape(line));
    }
    for table in &report.tables {
        let _ = writeln!(out, "<h2>{}</h2>\n<table>", escape(&table.heading));
        let head: String = table
            .columns
            .iter()
            .map(|c| format!("<th>{}</th>", escape(c)))
            .collect();
        let _ = writeln!(out, "<tr>{head}</tr>");
        for row in &table.rows {
            let cells: String = row
                .iter()
                .map(|c| format!("<td>{}</td>", escape(c).replace('\n', "<br>")))
                .collect();
            let _ = writeln!(out, "<tr>{cells}</tr>");
        }
        out.push_str("</table>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// A workbook with a sheet per table, its header row frozen.
pub fn xlsx(report: &Compare) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Cell::new().set_bold();
    for table in &report.tables {
        let sheet = workbook.add_worksheet();
        // Sheet names are at most 31 characters and unique; headings are both.
        let name: String = table.heading.chars().take(31).collect();
        sheet.set_name(&name)?;
        sheet.write_string_with_format(0, 0, &report.title, &bold)?;
        for (c, column) in table.columns.iter().enumerate() {
            sheet.write_string_with_format(2, c as u16, column, &bold)?;
            sheet.set_column_width(c as u16, 14)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                sheet.write_string(3 + r as u32, c as u16, value)?;
            }
        }
        sheet.set_freeze_panes(3, 0)?;
    }
    workbook.save_to_buffer()
}
