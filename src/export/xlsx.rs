//! Reports as Excel workbooks (rust_xlsxwriter), the form auditors already keep: one
//! sheet per report, header rows and item columns frozen, marks centred on a fill by
//! their meaning, columns wide enough for Japanese text, A4 pages fitting the width
//! with the title in the header and page numbers in the footer.

use rust_xlsxwriter::{FormatAlign, Workbook, Worksheet, XlsxError};

use super::words::ReportWords;
use crate::results::Count;

use super::lines::{count_figures, count_labels, department_list, improvements, title};
use super::model::{DepartmentReport, Departments, FactRow, Matrix, Summary};
use super::xlsx_page::{
    Formats, MAX_TEXT_WIDTH, draft_row, fit_height, page_setup, repeat_rows, spanning, title_rows,
    width_of, workbook,
};

/// The 結果一覧 as one sheet.
pub fn matrix(matrix: &Matrix, words: &ReportWords) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = workbook(&matrix.heading, words, words.matrix);
    let sheet = workbook.add_worksheet();
    sheet.set_name(words.matrix)?;
    matrix_sheet(sheet, matrix, words)?;
    workbook.save_to_buffer()
}

fn matrix_sheet(
    sheet: &mut Worksheet,
    matrix: &Matrix,
    words: &ReportWords,
) -> Result<(), XlsxError> {
    let f = Formats::new();
    let heading = &matrix.heading;
    let departments = heading.departments.len() as u16;
    let columns = 2 + departments;
    let widths = matrix_columns(sheet, matrix)?;
    let text_width = widths.get(1).copied().unwrap_or(MAX_TEXT_WIDTH);
    let top = title_rows(sheet, &f, heading, words, words.matrix)?;
    sheet.write_string_with_format(top, 0, words.item_id, &f.header)?;
    sheet.write_string_with_format(top, 1, words.item_text, &f.header)?;
    for (i, department) in heading.departments.iter().enumerate() {
        sheet.write_string_with_format(top, 2 + i as u16, &department.short, &f.header)?;
    }
    let mut row = top + 1;
    for area in &matrix.areas {
        spanning(
            sheet,
            row,
            columns,
            &(words.area_heading)(&area.id, &area.title),
            &f.area,
        )?;
        row += 1;
        for item in &area.rows {
            sheet.write_string_with_format(row, 0, &item.id, &f.centre)?;
            sheet.write_string_with_format(row, 1, &item.text, &f.text)?;
            fit_height(sheet, row, [(item.text.as_str(), text_width)])?;
            for (i, cell) in item.cells.iter().enumerate() {
                let mark = heading.mark(*cell);
                let symbol = mark.map_or("", |m| m.symbol.as_str());
                let format = f.mark(mark);
                sheet.write_string_with_format(row, 2 + i as u16, symbol, &format)?;
            }
            row += 1;
        }
    }
    if heading.has_remarks() {
        sheet.write_string_with_format(row, 0, "", &f.header)?;
        sheet.write_string_with_format(row, 1, words.remark, &f.header)?;
        for (i, department) in heading.departments.iter().enumerate() {
            let format = f.text.clone().set_align(FormatAlign::Center);
            sheet.write_string_with_format(row, 2 + i as u16, &department.remark, &format)?;
        }
        let remarks = heading.departments.iter().map(|d| d.remark.as_str());
        fit_height(sheet, row, remarks.zip(widths.iter().skip(2).copied()))?;
        row += 1;
    }
    let legend = super::lines::legend_line(heading, words);
    sheet.write_string_with_format(row + 1, 1, &legend, &f.plain)?;
    counts_block(sheet, &f, matrix, words, row + 3)?;
    sheet.set_freeze_panes(top + 1, 2)?;
    repeat_rows(sheet, heading, Some(top))?;
    let title = title(heading, words, words.matrix);
    page_setup(sheet, heading, &title, words, true);
    Ok(())
}

/// Each mark (symbol on its fill, label) and 未回答, counted per department.
fn counts_block(
    sheet: &mut Worksheet,
    f: &Formats,
    matrix: &Matrix,
    words: &ReportWords,
    top: u32,
) -> Result<(), XlsxError> {
    let heading = &matrix.heading;
    sheet.write_string_with_format(top, 1, words.counts_by_department, &f.header)?;
    for (i, department) in heading.departments.iter().enumerate() {
        sheet.write_string_with_format(top, 2 + i as u16, &department.short, &f.header)?;
    }
    let figures: Vec<Vec<usize>> = matrix.counts.iter().map(count_figures).collect();
    for (r, label) in count_labels(heading, words).iter().enumerate() {
        let row = top + 1 + r as u32;
        let entry = heading.legend.get(r);
        let symbol = entry.map_or("", |m| m.symbol.as_str());
        sheet.write_string_with_format(row, 0, symbol, &f.mark(entry))?;
        let label = entry.map_or(label.as_str(), |m| m.label.as_str());
        sheet.write_string_with_format(row, 1, label, &f.text)?;
        for (i, counts) in figures.iter().enumerate() {
            let n = counts.get(r).copied().unwrap_or(0);
            sheet.write_number_with_format(row, 2 + i as u16, n as f64, &f.number)?;
        }
    }
    Ok(())
}

/// Sets the matrix's column widths and returns them, for the row heights.
fn matrix_columns(sheet: &mut Worksheet, matrix: &Matrix) -> Result<Vec<f64>, XlsxError> {
    let rows = || matrix.areas.iter().flat_map(|a| &a.rows);
    let mut widths = vec![
        width_of(rows().map(|r| r.id.as_str()), 6.0),
        width_of(rows().map(|r| r.text.as_str()), 30.0),
    ];
    widths.extend(matrix.heading.departments.iter().map(|d| {
        let texts = [d.short.as_str(), d.remark.as_str()];
        width_of(texts, 6.0).min(14.0)
    }));
    for (i, width) in widths.iter().enumerate() {
        sheet.set_column_width(i as u16, *width)?;
    }
    Ok(widths)
}

/// The 実施報告書 as one sheet, and the 総評 figures on a second.
pub fn summary(summary: &Summary, words: &ReportWords) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = workbook(&summary.heading, words, words.summary);
    let sheet = workbook.add_worksheet();
    sheet.set_name(words.summary)?;
    summary_sheet(sheet, summary, words)?;
    let sheet = workbook.add_worksheet();
    sheet.set_name(words.overview_sheet)?;
    overview_sheet(sheet, summary, words)?;
    workbook.save_to_buffer()
}

/// Column widths of the 実施報告書 sheet: narrow id, then text, departments, notes.
const SUMMARY_WIDTHS: [f64; 5] = [8.0, 36.0, 28.0, 16.0, 36.0];

fn summary_sheet(
    sheet: &mut Worksheet,
    summary: &Summary,
    words: &ReportWords,
) -> Result<(), XlsxError> {
    let f = Formats::new();
    let heading = &summary.heading;
    let top = title_rows(sheet, &f, heading, words, words.summary)?;
    let header = [
        words.item_id,
        words.audit_item,
        words.complying,
        words.needing,
        words.improvements,
    ];
    for (i, text) in header.iter().enumerate() {
        sheet.write_string_with_format(top, i as u16, *text, &f.header)?;
        sheet.set_column_width(i as u16, SUMMARY_WIDTHS[i])?;
    }
    fit_height(sheet, top, header.into_iter().zip(SUMMARY_WIDTHS))?;
    let mut row = top + 1;
    for area in &summary.areas {
        let text = (words.area_heading)(&area.id, &area.title);
        spanning(sheet, row, header.len() as u16, &text, &f.area)?;
        row += 1;
        for item in &area.rows {
            let cells = [
                item.id.clone(),
                item.text.clone(),
                department_list(&item.complying, words),
                department_list(&item.needing, words),
                improvements(item, words).join("\n"),
            ];
            for (i, text) in cells.iter().enumerate() {
                let format = if i == 0 { &f.centre } else { &f.text };
                sheet.write_string_with_format(row, i as u16, text, format)?;
            }
            let texts = cells.iter().map(String::as_str);
            fit_height(sheet, row, texts.zip(SUMMARY_WIDTHS))?;
            row += 1;
        }
    }
    sheet.set_freeze_panes(top + 1, 0)?;
    repeat_rows(sheet, heading, Some(top))?;
    page_setup(
        sheet,
        heading,
        &title(heading, words, words.summary),
        words,
        false,
    );
    Ok(())
}

/// The figures for the 総評: marks per department, per area, and who must improve
/// what.
fn overview_sheet(
    sheet: &mut Worksheet,
    summary: &Summary,
    words: &ReportWords,
) -> Result<(), XlsxError> {
    let f = Formats::new();
    let heading = &summary.heading;
    let overview = &summary.overview;
    let mut row = title_rows(sheet, &f, heading, words, words.overview)?;
    let labels = count_labels(heading, words);
    row = outline_rows(sheet, &f, summary, words, row, labels.len() as u16)?;
    let per_department: Vec<(String, &Count)> = overview
        .per_department
        .iter()
        .map(|d| (d.name.clone(), &d.count))
        .collect();
    let per_area: Vec<(String, &Count)> = overview
        .per_area
        .iter()
        .map(|(id, title, count)| ((words.area_heading)(id, title), count))
        .collect();
    let names = per_area.iter().map(|(name, _)| name.as_str());
    let widths = (width_of(names, 16.0).min(40.0), FIGURE_WIDTH);
    sheet.set_column_width(0, widths.0)?;
    for column in 1..=labels.len() {
        sheet.set_column_width(column as u16, FIGURE_WIDTH)?;
    }
    let caption = f.title.clone().set_font_size(11);
    for (caption_text, first, mut rows) in [
        (words.counts_by_department, words.department, per_department),
        (words.counts_by_area, words.area, per_area),
    ] {
        rows.push((words.total.to_string(), &overview.total));
        sheet.write_string_with_format(row, 0, caption_text, &caption)?;
        row = counts_table(sheet, &f, &labels, widths, row + 1, first, &rows)? + 1;
    }
    sheet.write_string_with_format(row, 0, words.needing_departments, &caption)?;
    if overview.needing.is_empty() {
        sheet.write_string_with_format(row + 1, 0, words.none, &f.plain)?;
    }
    for (i, needing) in overview.needing.iter().enumerate() {
        let r = row + 1 + i as u32;
        sheet.write_string_with_format(r, 0, &needing.name, &f.text)?;
        let items = needing.items.join(words.list_separator);
        sheet.write_string_with_format(r, 1, &items, &f.text)?;
    }
    repeat_rows(sheet, heading, None)?;
    page_setup(
        sheet,
        heading,
        &title(heading, words, words.overview),
        words,
        false,
    );
    Ok(())
}

/// The width of a column of figures in the 総評 sheet.
const FIGURE_WIDTH: f64 = 12.0;

/// A table of counts: a row per name, a column per mark and 未回答; `widths` are the
/// name column's and a figure column's. Returns the row after it.
fn counts_table(
    sheet: &mut Worksheet,
    f: &Formats,
    labels: &[String],
    widths: (f64, f64),
    top: u32,
    first: &str,
    rows: &[(String, &Count)],
) -> Result<u32, XlsxError> {
    sheet.write_string_with_format(top, 0, first, &f.header)?;
    for (i, label) in labels.iter().enumerate() {
        sheet.write_string_with_format(top, 1 + i as u16, label, &f.header)?;
    }
    fit_height(sheet, top, labels.iter().map(|l| (l.as_str(), widths.1)))?;
    let mut row = top + 1;
    for (name, count) in rows {
        sheet.write_string_with_format(row, 0, name, &f.text)?;
        fit_height(sheet, row, [(name.as_str(), widths.0)])?;
        for (i, n) in count_figures(count).iter().enumerate() {
            sheet.write_number_with_format(row, 1 + i as u16, *n as f64, &f.number)?;
        }
        row += 1;
    }
    Ok(row)
}

/// The 監査概要 and the 総評 at the top of the figures' sheet: a label in the first
/// column, the text across the `figures` columns after it. Returns the next free row.
fn outline_rows(
    sheet: &mut Worksheet,
    f: &Formats,
    summary: &Summary,
    words: &ReportWords,
    top: u32,
    figures: u16,
) -> Result<u32, XlsxError> {
    let overall = FactRow {
        label: super::model::FactLabel::Fact(crate::facts::FactField::Overall),
        value: summary.overall.clone(),
    };
    let rows = summary
        .facts
        .iter()
        .chain((!summary.overall.is_empty()).then_some(&overall));
    let width = figures as f64 * FIGURE_WIDTH;
    let mut row = top;
    for fact in rows {
        sheet.write_string_with_format(row, 0, (words.fact)(fact.label), &f.header)?;
        sheet.merge_range(row, 1, row, figures.max(2), &fact.value, &f.text)?;
        fit_height(sheet, row, [(fact.value.as_str(), width)])?;
        row += 1;
    }
    Ok(if row > top { row + 1 } else { row })
}

/// Column widths of a 結果報告書 sheet: number, label, text.
const DEPARTMENT_WIDTHS: [f64; 3] = [5.0, 16.0, 70.0];

/// Every department's 結果報告書, a sheet each, named after the department.
pub fn departments(departments: &Departments, words: &ReportWords) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = workbook(&departments.heading, words, words.departments);
    department_sheets(&mut workbook, departments, words)?;
    workbook.save_to_buffer()
}

fn department_sheets(
    workbook: &mut Workbook,
    departments: &Departments,
    words: &ReportWords,
) -> Result<(), XlsxError> {
    let mut used: Vec<String> = Vec::new();
    for report in &departments.reports {
        let name = sheet_name(&report.name, &used);
        used.push(name.clone());
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name)?;
        department_sheet(sheet, departments, report, words)?;
    }
    Ok(())
}

/// A sheet name Excel accepts: none of `[]:*?/\`, at most 31 characters, unique.
fn sheet_name(name: &str, used: &[String]) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(28)
        .collect();
    let mut candidate = clean.clone();
    let mut n = 2;
    while used.contains(&candidate) {
        candidate = format!("{clean}({n})");
        n += 1;
    }
    candidate
}

fn department_sheet(
    sheet: &mut Worksheet,
    departments: &Departments,
    report: &DepartmentReport,
    words: &ReportWords,
) -> Result<(), XlsxError> {
    let f = Formats::new();
    let heading = &departments.heading;
    let title = (words.department_report)(&report.name);
    sheet.write_string_with_format(0, 0, &title, &f.title)?;
    if let Some(line) = super::lines::report_date_line(departments, words) {
        sheet.write_string_with_format(1, 0, &line, &f.plain)?;
    }
    draft_row(sheet, heading, words)?;
    repeat_rows(sheet, heading, None)?;
    for (i, width) in DEPARTMENT_WIDTHS.iter().enumerate() {
        sheet.set_column_width(i as u16, *width)?;
    }
    let mut row = 3;
    for (i, fact) in report.facts.iter().enumerate() {
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &f.centre)?;
        sheet.write_string_with_format(row, 1, (words.fact)(fact.label), &f.header)?;
        sheet.write_string_with_format(row, 2, &fact.value, &f.text)?;
        fit_height(sheet, row, [(fact.value.as_str(), DEPARTMENT_WIDTHS[2])])?;
        row += 1;
    }
    let width = DEPARTMENT_WIDTHS.iter().sum::<f64>();
    for area in &report.areas {
        row += 1;
        sheet.write_string_with_format(
            row,
            0,
            (words.about_area)(&area.title),
            &f.title.clone().set_font_size(11),
        )?;
        row += 1;
        sheet.merge_range(row, 0, row, 2, &area.observation, &f.text)?;
        fit_height(sheet, row, [(area.observation.as_str(), width)])?;
        row += 1;
        sheet.write_string_with_format(
            row,
            0,
            super::lines::findings_line(area, words),
            &f.plain,
        )?;
        row += 1;
    }
    page_setup(sheet, heading, &title, words, false);
    Ok(())
}

/// Every report in one workbook: 結果一覧, a 結果報告書 sheet per department, the
/// 実施報告書 and its figures.
pub fn all(
    matrix: &Matrix,
    departments: &Departments,
    summary: &Summary,
    words: &ReportWords,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = workbook(&matrix.heading, words, words.all);
    let sheet = workbook.add_worksheet();
    sheet.set_name(words.matrix)?;
    matrix_sheet(sheet, matrix, words)?;
    department_sheets(&mut workbook, departments, words)?;
    let sheet = workbook.add_worksheet();
    sheet.set_name(words.summary)?;
    summary_sheet(sheet, summary, words)?;
    let sheet = workbook.add_worksheet();
    sheet.set_name(words.overview_sheet)?;
    overview_sheet(sheet, summary, words)?;
    workbook.save_to_buffer()
}
