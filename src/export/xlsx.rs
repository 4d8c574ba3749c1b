//! Reports as Excel workbooks (rust_xlsxwriter), the form auditors already keep: one
//! sheet per report, header rows and item columns frozen, marks centred on a fill by
//! their meaning, columns wide enough for Japanese text, A4 pages fitting the width
//! with the title in the header and page numbers in the footer.

use rust_xlsxwriter::{FormatAlign, Note, Workbook, Worksheet, XlsxError};

use super::words::ReportWords;
use crate::results::Count;

use super::lines::{count_figures, count_labels, department_list, improvements, title};
use super::model::{DepartmentReport, Departments, Heading, Matrix, Summary};
use super::outline::Block;
use super::xlsx_page::{
    Formats, MAX_TEXT_WIDTH, draft_row, fit_height, header_text, page_setup, page_width,
    repeat_rows, spanning, title_rows, width_of, workbook,
};
use unicode_width::UnicodeWidthStr;

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
    let title = title(heading, words, words.matrix);
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

/// Column widths of the 実施報告書 sheet: narrow id, then text, departments, notes;
/// together as wide as a portrait A4 page (`page_width(false, 5)`, 98).
const SUMMARY_WIDTHS: [f64; 5] = [8.0, 30.0, 23.0, 12.0, 25.0];

fn summary_sheet(
    sheet: &mut Worksheet,
    summary: &Summary,
    words: &ReportWords,
) -> Result<(), XlsxError> {
    let f = Formats::new();
    let heading = &summary.heading;
    for (i, width) in SUMMARY_WIDTHS.iter().enumerate() {
        sheet.set_column_width(i as u16, *width)?;
    }
    let top = title_rows(sheet, &f, heading, words, words.summary)?;
    let top = outline_rows(sheet, &f, summary, words, top)?;
    let header = [
        words.item_id,
        words.audit_item,
        words.complying,
        words.needing,
        words.improvements,
    ];
    for (i, text) in header.iter().enumerate() {
        sheet.write_string_with_format(top, i as u16, *text, &f.header)?;
    }
    fit_height(sheet, top, header.into_iter().zip(SUMMARY_WIDTHS))?;
    let mut row = top + 1;
    // A round of several checklists: a part per checklist, under a row naming it.
    let part = f
        .header
        .clone()
        .set_align(FormatAlign::Left)
        .set_font_size(11);
    for (checklist, heading, areas) in super::sections::parts(summary) {
        if let Some(title) = checklist {
            let text = (words.checklist_section)(title);
            spanning(sheet, row, header.len() as u16, &text, &part)?;
            sheet.set_row_height(row, 21)?;
            row += 1;
        }
        row = summary_rows(sheet, &f, heading, areas, words, row)?;
    }
    sheet.set_print_area(0, 0, row - 1, header.len() as u16 - 1)?;
    // The table's header on every page; not the opening above it (a draft's warning
    // is in the page header, `page_setup`). No frozen panes: the opening is taller
    // than a window.
    sheet.set_repeat_rows(top, top)?;
    // The tables start on a page of their own, never with their header and first area
    // left at the foot of the opening's last page.
    sheet.set_page_breaks(&[top])?;
    let title = title(heading, words, words.summary);
    page_setup(sheet, heading, &title, words, false);
    if super::lines::is_draft(heading) {
        // Its title rows are not repeated (the opening is): the page header says it.
        let draft = header_text(&super::lines::stamp_line(heading, words));
        sheet.set_header(format!("&C{}&R{draft}", header_text(&title)));
    }
    Ok(())
}

/// The 実施報告書's rows of one checklist from `row` on: a row per area, then its
/// items; the row after the last.
fn summary_rows(
    sheet: &mut Worksheet,
    f: &Formats,
    heading: &Heading,
    areas: &[super::model::Area<super::model::SummaryRow>],
    words: &ReportWords,
    mut row: u32,
) -> Result<u32, XlsxError> {
    for area in areas {
        let text = (words.area_heading)(&area.id, &area.title);
        spanning(sheet, row, SUMMARY_WIDTHS.len() as u16, &text, &f.area)?;
        row += 1;
        for item in &area.rows {
            let cells = [
                item.id.clone(),
                item.text.clone(),
                department_list(&item.complying, words),
                super::lines::needing_list(item, heading, words),
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
    Ok(row)
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
        let items = super::lines::graded(&needing.items, &needing.marks, heading, words);
        let items: Vec<String> = items.into_iter().map(|(item, _)| item).collect();
        let items = items.join(words.list_separator);
        // Across the figures' columns, as tall as the list needs: a long list in one
        // narrow cell ran over the next department's.
        let figures = labels.len() as u16;
        sheet.merge_range(r, 1, r, figures, &items, &f.text)?;
        let width = figures as f64 * FIGURE_WIDTH;
        fit_height(
            sheet,
            r,
            [(items.as_str(), width), (needing.name.as_str(), widths.0)],
        )?;
    }
    let last = row + overview.needing.len().max(1) as u32;
    sheet.set_print_area(0, 0, last, labels.len() as u16)?;
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
const FIGURE_WIDTH: f64 = 10.0;

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

/// The 実施報告書's opening (監査概要, 総評, the line to the 結果一覧) at the top of its
/// sheet, as the seed sets it: parts and sections in the first column, labels in the
/// second, text across the second to the last, each row as tall as its text. Returns
/// the next free row.
fn outline_rows(
    sheet: &mut Worksheet,
    f: &Formats,
    summary: &Summary,
    words: &ReportWords,
    top: u32,
) -> Result<u32, XlsxError> {
    let last = SUMMARY_WIDTHS.len() as u16 - 1;
    let width: f64 = SUMMARY_WIDTHS[1..].iter().sum();
    let part = f.title.clone().set_font_size(12);
    let label = f.plain.clone().set_bold();
    let paragraph = f.plain.clone().set_text_wrap().set_align(FormatAlign::Top);
    let mut row = top;
    let line = |sheet: &mut Worksheet, row: &mut u32, text: &str| {
        sheet.merge_range(*row, 1, *row, last, text, &paragraph)?;
        fit_height(sheet, *row, [(text, width)])?;
        *row += 1;
        Ok::<(), XlsxError>(())
    };
    for block in super::outline::blocks(summary, words) {
        match block {
            Block::Part(text) => {
                row += 1;
                sheet.write_string_with_format(row, 0, text, &part)?;
                row += 1;
            }
            Block::Section(text) => {
                sheet.write_string_with_format(row, 0, text, &label)?;
                row += 1;
            }
            Block::Label(text) => {
                sheet.write_string_with_format(row, 1, text, &label)?;
                row += 1;
            }
            Block::Text(text) => {
                for paragraph in super::outline::paragraphs(&text) {
                    line(sheet, &mut row, paragraph)?;
                }
            }
            Block::List(items) => {
                for item in items {
                    line(sheet, &mut row, &format!("・{item}"))?;
                }
            }
        }
    }
    Ok(row + 1)
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
    let width = DEPARTMENT_WIDTHS.iter().sum::<f64>();
    let others = report.others.iter().flat_map(|(title, areas)| {
        let section = (words.checklist_section)(title);
        areas
            .iter()
            .enumerate()
            .map(move |(i, a)| ((i == 0).then(|| section.clone()), a))
    });
    for (section, area) in report.areas.iter().map(|a| (None, a)).chain(others) {
        if let Some(section) = section {
            row += 1;
            sheet.write_string_with_format(row, 0, section, &f.title.clone().set_font_size(12))?;
        }
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
    sheet.set_print_area(0, 0, row.max(4) - 1, 2)?;
    page_setup(sheet, heading, &title, words, false);
    Ok(())
}

/// Every report in one workbook: 結果一覧, a 結果報告書 sheet per department, the
/// 実施報告書 and its figures.
pub fn all(
    matrix: &Matrix,
    others: &[(String, Matrix)],
    departments: &Departments,
    summary: &Summary,
    words: &ReportWords,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = workbook(&matrix.heading, words, words.all);
    let sheet = workbook.add_worksheet();
    sheet.set_name(words.matrix)?;
    matrix_sheet(sheet, matrix, words)?;
    // The 結果一覧 of each other checklist of the round, on a sheet of its own.
    for (id, other) in others {
        let sheet = workbook.add_worksheet();
        let name: String = (words.matrix_of)(id).chars().take(31).collect();
        sheet.set_name(name)?;
        matrix_sheet(sheet, other, words)?;
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
