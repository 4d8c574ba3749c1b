//! Reports as Excel workbooks (rust_xlsxwriter), the form auditors already keep: one
//! sheet per report, header rows and item columns frozen, marks centred on a fill by
//! their meaning, columns wide enough for Japanese text, A4 pages fitting the width
//! with the title in the header and page numbers in the footer.

use rust_xlsxwriter::{FormatAlign, Note, Workbook, Worksheet, XlsxError};

use super::words::ReportWords;

use super::lines::{count_figures, count_labels, title};
use super::model::{DepartmentReport, Departments, Heading, Matrix, Summary};
use super::xlsx_page::{
    Formats, MAX_TEXT_WIDTH, draft_row, fit_height, page_setup, page_width, repeat_rows, spanning,
    title_rows, width_of, workbook,
};
use super::xlsx_summary::{overview_sheet, summary_sheet};
use unicode_width::UnicodeWidthStr;

/// The 結果一覧 as one sheet.
pub fn matrix(matrix: &Matrix, words: &ReportWords) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = workbook(&matrix.heading, words, words.matrix);
    let sheet = workbook.add_worksheet();
    sheet.set_name(words.matrix)?;
    matrix_sheet(sheet, matrix, words, words.matrix)?;
    workbook.save_to_buffer()
}

/// The 結果一覧 on `sheet`, titled with the name `report`.
fn matrix_sheet(
    sheet: &mut Worksheet,
    matrix: &Matrix,
    words: &ReportWords,
    report: &str,
) -> Result<(), XlsxError> {
    let f = Formats::new();
    let heading = &matrix.heading;
    let departments = heading.departments.len() as u16;
    let columns = 2 + departments;
    let widths = matrix_columns(sheet, matrix)?;
    let text_width = widths.get(1).copied().unwrap_or(MAX_TEXT_WIDTH);
    let top = title_rows(sheet, &f, heading, words, report)?;
    sheet.write_string_with_format(top, 0, words.item_id, &f.header)?;
    sheet.write_string_with_format(top, 1, words.item_text, &f.header)?;
    for (i, department) in heading.departments.iter().enumerate() {
        sheet.write_string_with_format(top, 2 + i as u16, &department.short, &f.header)?;
    }
    let mut row = top + 1;
    for (a, area) in matrix.areas.iter().enumerate() {
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
                let files = item.evidence.get(i).copied().unwrap_or(0);
                if files > 0 {
                    let note = Note::new((words.evidence_cell)(files)).set_author("kansa");
                    sheet.insert_note(row, 2 + i as u16, &note)?;
                }
            }
            row += 1;
        }
        // The 備考 closes its area's table, as the seed's closes 特定個人情報.
        if heading.remarks_after(&area.id, a + 1 == matrix.areas.len()) {
            remark_row(sheet, &f, heading, words, row, &widths)?;
            row += 1;
        }
    }
    let legend = super::lines::legend_line(heading, words);
    sheet.write_string_with_format(row + 1, 1, &legend, &f.plain)?;
    let last = counts_block(sheet, &f, matrix, words, (row + 3, &widths))?;
    sheet.set_print_area(0, 0, last, columns - 1)?;
    sheet.set_freeze_panes(top + 1, 2)?;
    repeat_rows(sheet, heading, Some(top))?;
    let title = title(heading, words, report);
    page_setup(sheet, heading, &title, words, true);
    Ok(())
}

/// The departments' 備考 as a row of the matrix, under its label.
fn remark_row(
    sheet: &mut Worksheet,
    f: &Formats,
    heading: &Heading,
    words: &ReportWords,
    row: u32,
    widths: &[f64],
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(row, 0, "", &f.header)?;
    let label = super::lines::remark_label(heading, words);
    sheet.write_string_with_format(row, 1, label, &f.header)?;
    let centred = f.text.clone().set_align(FormatAlign::Center);
    for (i, department) in heading.departments.iter().enumerate() {
        sheet.write_string_with_format(row, 2 + i as u16, &department.remark, &centred)?;
    }
    let remarks = heading.departments.iter().map(|d| d.remark.as_str());
    let texts = std::iter::once(label).chain(remarks);
    fit_height(sheet, row, texts.zip(widths.iter().skip(1).copied()))
}

/// Each mark (symbol on its fill, label) and 未回答, counted per department; on a
/// scale with points a 点数 and a 区分 row and the average under them. Returns the last
/// row written.
fn counts_block(
    sheet: &mut Worksheet,
    f: &Formats,
    matrix: &Matrix,
    words: &ReportWords,
    (top, widths): (u32, &[f64]),
) -> Result<u32, XlsxError> {
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
    let mut last = top + count_labels(heading, words).len() as u32;
    let centred = f.text.clone().set_align(FormatAlign::Center);
    for (label, cells) in super::lines::score_rows(heading, words) {
        last += 1;
        sheet.write_string_with_format(last, 1, &label, &f.text)?;
        for (i, cell) in cells.iter().enumerate() {
            sheet.write_string_with_format(last, 2 + i as u16, cell, &centred)?;
        }
        let texts = cells.iter().map(String::as_str);
        fit_height(sheet, last, texts.zip(widths.iter().skip(2).copied()))?;
    }
    if let Some(line) = super::lines::average_line(heading, words) {
        last += 1;
        sheet.write_string_with_format(last, 1, &line, &f.plain)?;
    }
    Ok(last)
}

/// Sets the matrix's column widths and returns them, for the row heights.
fn matrix_columns(sheet: &mut Worksheet, matrix: &Matrix) -> Result<Vec<f64>, XlsxError> {
    let rows = || matrix.areas.iter().flat_map(|a| &a.rows);
    let departments: Vec<f64> = (matrix.heading.departments.iter())
        .map(|d| width_of([d.short.as_str(), d.remark.as_str()], 6.0).min(14.0))
        .collect();
    let id = width_of(rows().map(|r| r.id.as_str()), 6.0);
    // The text takes what the page leaves, so that most items print on one line.
    let room = page_width(true, 2 + departments.len()) - id - departments.iter().sum::<f64>();
    let widest = rows().map(|r| r.text.width()).max().unwrap_or(0) as f64 * 0.96 + 1.5;
    let mut widths = vec![id, widest.min(room).max(30.0)];
    widths.extend(departments);
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

/// An area of a 結果報告書 sheet from `row` on: its heading, 所見 and 指摘事項; the
/// row after.
fn area_rows(
    sheet: &mut Worksheet,
    f: &Formats,
    area: &super::model::AreaReport,
    mut row: u32,
    words: &ReportWords,
) -> Result<u32, XlsxError> {
    let width = DEPARTMENT_WIDTHS.iter().sum::<f64>();
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
    sheet.write_string_with_format(row, 0, super::lines::findings_line(area, words), &f.plain)?;
    Ok(row + 1)
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
    // The department's title (and a draft's warning) on every page of its report.
    sheet.set_repeat_rows(0, 2)?;
    for (i, width) in DEPARTMENT_WIDTHS.iter().enumerate() {
        sheet.set_column_width(i as u16, *width)?;
    }
    let mut row = 3;
    for (i, (label, value)) in super::lines::fact_rows(report, words).iter().enumerate() {
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &f.centre)?;
        sheet.write_string_with_format(row, 1, label, &f.header)?;
        sheet.write_string_with_format(row, 2, value, &f.text)?;
        fit_height(sheet, row, [(value.as_str(), DEPARTMENT_WIDTHS[2])])?;
        row += 1;
    }
    let sections = (report.others.iter())
        .map(|(title, areas)| (Some((words.checklist_section)(title)), areas));
    for (section, areas) in std::iter::once((None, &report.areas)).chain(sections) {
        if let Some(section) = section {
            row += 1;
            sheet.write_string_with_format(row, 0, section, &f.title.clone().set_font_size(12))?;
            // Another checklist's section with nothing to report says so.
            if areas.is_empty() {
                row += 1;
                let line = super::lines::nothing_found(words);
                sheet.write_string_with_format(row, 0, line, &f.plain)?;
                row += 1;
            }
        }
        for area in areas {
            row = area_rows(sheet, &f, area, row, words)?;
        }
    }
    sheet.set_print_area(0, 0, row.max(4) - 1, 2)?;
    page_setup(sheet, heading, &title, words, false);
    Ok(())
}

/// Every report in one workbook: the 結果一覧 of each checklist (`matrices`: the
/// sheet's name, the report's as its title gives it, the matrix), a 結果報告書 sheet
/// per department, the 実施報告書 and its figures.
pub fn all(
    matrices: &[(String, String, Matrix)],
    departments: &Departments,
    summary: &Summary,
    words: &ReportWords,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = workbook(&departments.heading, words, words.all);
    for (sheet_name, report, matrix) in matrices {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name.chars().take(31).collect::<String>())?;
        matrix_sheet(sheet, matrix, words, report)?;
    }
    department_sheets(&mut workbook, departments, words)?;
    let sheet = workbook.add_worksheet();
    sheet.set_name(words.summary)?;
    summary_sheet(sheet, summary, words)?;
    let sheet = workbook.add_worksheet();
    sheet.set_name(words.overview_sheet)?;
    overview_sheet(sheet, summary, words)?;
    workbook.save_to_buffer()
}
