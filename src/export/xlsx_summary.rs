//! The 実施報告書 as a workbook's sheets: the opening and the item rows (a part per
//! checklist in a round of several) on one, the figures for the 総評 on another.

use rust_xlsxwriter::{FormatAlign, Worksheet, XlsxError};

use super::words::ReportWords;
use crate::results::Count;

use super::lines::{count_figures, count_labels, department_list, improvements, title};
use super::model::{Heading, Summary};
use super::outline::Block;
use super::xlsx_page::{
    Formats, fit_height, header_text, page_setup, repeat_rows, spanning, title_rows, width_of,
};

/// Column widths of the 実施報告書 sheet: narrow id, then text, departments, notes;
/// together as wide as a portrait A4 page (`page_width(false, 5)`, 98).
const SUMMARY_WIDTHS: [f64; 5] = [8.0, 30.0, 23.0, 12.0, 25.0];

pub(crate) fn summary_sheet(
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
    // The tables start on a page of their own, never with their header and first area
    // left at the foot of the opening's last page; so does each checklist's part after
    // the first.
    let mut breaks = vec![top];
    for (n, rows) in super::sections::parts(summary).into_iter().enumerate() {
        if let Some(title) = rows.title {
            if n > 0 {
                breaks.push(row);
            }
            let text = (words.checklist_section)(title);
            spanning(sheet, row, header.len() as u16, &text, &part)?;
            sheet.set_row_height(row, 21)?;
            row += 1;
        }
        row = summary_rows(sheet, &f, rows.heading, rows.areas, words, row)?;
    }
    sheet.set_print_area(0, 0, row - 1, header.len() as u16 - 1)?;
    // The table's header on every page; not the opening above it (a draft's warning
    // is in the page header, `page_setup`). No frozen panes: the opening is taller
    // than a window.
    sheet.set_repeat_rows(top, top)?;
    sheet.set_page_breaks(&breaks)?;
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
pub(crate) fn overview_sheet(
    sheet: &mut Worksheet,
    summary: &Summary,
    words: &ReportWords,
) -> Result<(), XlsxError> {
    let f = Formats::new();
    let heading = &summary.heading;
    let mut row = title_rows(sheet, &f, heading, words, words.overview)?;
    let parts = super::sections::parts(summary);
    let names = (parts.iter().flat_map(|p| &p.overview.per_area))
        .map(|(id, title, _)| (words.area_heading)(id, title));
    let names: Vec<String> = names.collect();
    let widths = (
        width_of(names.iter().map(String::as_str), 16.0).min(40.0),
        FIGURE_WIDTH,
    );
    let columns = (parts.iter())
        .map(|p| count_labels(p.heading, words).len())
        .max()
        .unwrap_or(0);
    sheet.set_column_width(0, widths.0)?;
    for column in 1..=columns {
        sheet.set_column_width(column as u16, FIGURE_WIDTH)?;
    }
    // A round of several checklists: each one's figures under its name.
    let mut last = row;
    for (n, part) in parts.iter().enumerate() {
        if let Some(title) = part.title {
            let text = (words.checklist_section)(title);
            sheet.write_string_with_format(row, 0, text, &f.title.clone().set_font_size(12))?;
            row += 1;
        }
        last = figures(sheet, &f, part, widths, row, words)?;
        let scores = super::sections::part_scores(n, part, words);
        if !scores.is_empty() {
            last += 2;
            let caption = f.title.clone().set_font_size(11);
            sheet.write_string_with_format(last, 0, words.score_words.section, &caption)?;
        }
        for line in scores {
            last += 1;
            sheet.write_string_with_format(last, 0, line, &f.plain)?;
        }
        row = last + 2;
    }
    sheet.set_print_area(0, 0, last, columns as u16)?;
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

/// One checklist's figures for the 総評 from `row` on: the counts per department and
/// per area, then who must improve what; the last row written.
fn figures(
    sheet: &mut Worksheet,
    f: &Formats,
    part: &super::sections::Rows,
    widths: (f64, f64),
    mut row: u32,
    words: &ReportWords,
) -> Result<u32, XlsxError> {
    let (heading, overview) = (part.heading, part.overview);
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
    let caption = f.title.clone().set_font_size(11);
    for (caption_text, first, mut rows) in [
        (words.counts_by_department, words.department, per_department),
        (words.counts_by_area, words.area, per_area),
    ] {
        rows.push((words.total.to_string(), &overview.total));
        sheet.write_string_with_format(row, 0, caption_text, &caption)?;
        row = counts_table(sheet, f, &labels, widths, row + 1, first, &rows)? + 1;
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
    Ok(row + overview.needing.len().max(1) as u32)
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
