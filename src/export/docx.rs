//! The 実施報告書 as a Word document (docx-rs): what the committee's secretary edits
//! before printing. A4 portrait, 游明朝 named for Japanese text with MS 明朝 as its
//! fallback, the seed's table per area (監査項目, 適正に実施している課, 改善が必要な課,
//! 改善内容等), the 総評 figures on a page of their own, page numbers in the footer.

use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, Header, HeightRule, LineSpacing, NumPages, PageMargin,
    PageNum, Paragraph, Run, RunFonts, Shading, SpecialIndentType, Table, TableCell, TableRow,
    VAlignType, WidthType,
};

use super::words::ReportWords;
use crate::results::Count;

use super::lines::{count_figures, count_labels, date_line, department_list, improvements, title};
use super::model::{Departments, Heading, Summary};
use super::outline::Block;

/// The Japanese font named in the document (`FONT_TABLE` names MS 明朝 as fallback).
const MINCHO: &str = "游明朝";
/// A4 in twentieths of a point, and a 20 mm margin.
const A4: (u32, u32) = (11906, 16838);
const MARGIN: i32 = 1134;
/// The width between the margins.
const TEXT_WIDTH: usize = 11906 - 2 * 1134;
/// The 実施報告書 table's columns: 項番, 監査項目, complying, needing, 改善内容等.
const SUMMARY_COLUMNS: [usize; 5] = [850, 2700, 2350, 1250, 2488];
const HEADER_FILL: &str = "D9E1F2";

/// docx-rs writes a font table of its own three Western fonts; this one names the
/// Japanese fonts too, with the fallback as `altName`, which is how Word is told what
/// to use where 游明朝 is missing.
const FONT_TABLE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:font w:name="游明朝"><w:altName w:val="MS 明朝"/><w:panose1 w:val="02020400000000000000"/><w:charset w:val="80"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font><w:font w:name="MS 明朝"><w:altName w:val="MS Mincho"/><w:panose1 w:val="02020609040205080304"/><w:charset w:val="80"/><w:family w:val="roman"/><w:pitch w:val="fixed"/></w:font><w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font><w:font w:name="Symbol"><w:charset w:val="02"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font><w:font w:name="Arial"><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>"#;

/// docx-rs has no repeated header rows. Every row is built with `cant_split` (a row
/// is never split across pages); header rows alone also have a minimum height of
/// `HEADER_HEIGHT`, and this marks them `tblHeader` so Word repeats them on every page.
const HEADER_ROW: (&str, &str) = (
    "<w:trPr><w:cantSplit /><w:trHeight w:val=\"397\" w:hRule=\"atLeast\" /></w:trPr>",
    "<w:trPr><w:cantSplit /><w:trHeight w:val=\"397\" w:hRule=\"atLeast\" /><w:tblHeader /></w:trPr>",
);
/// A header row's minimum height (twentieths of a point: 7 mm), as `HEADER_ROW` has it.
const HEADER_HEIGHT: f32 = 397.0;

/// The 実施報告書 as DOCX bytes.
pub fn summary(summary: &Summary, words: &ReportWords) -> Result<Vec<u8>, String> {
    let docx = summary_into(document(words, &summary.heading), summary, words);
    pack(docx, &title(&summary.heading, words, words.summary))
}

fn summary_into(docx: Docx, summary: &Summary, words: &ReportWords) -> Docx {
    let heading = &summary.heading;
    let mut docx = docx
        .add_paragraph(
            Paragraph::new().align(AlignmentType::Center).add_run(
                Run::new()
                    .add_text(title(heading, words, words.summary))
                    .bold()
                    .size(28),
            ),
        )
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(date_line(heading, words))));
    docx = outline(docx, summary, words);
    // A round of several checklists: a part per checklist, under its name.
    for (n, part) in super::sections::parts(summary).into_iter().enumerate() {
        let (heading, areas) = (part.heading, part.areas);
        if let Some(title) = part.title {
            // Each checklist after the first starts a page of its own.
            if n > 0 {
                docx = docx.add_paragraph(page_break());
            }
            let text = (words.checklist_section)(title);
            docx = docx.add_paragraph(part_heading(&text));
        }
        docx = level_legend(docx, heading, words);
        docx = summary_tables(docx, heading, areas, words);
    }
    overview(docx, summary, words)
}

/// A checklist's part of the 実施報告書: a heading above its areas', kept with them.
fn part_heading(text: &str) -> Paragraph {
    Paragraph::new()
        .keep_next(true)
        .line_spacing(LineSpacing::new().before(360).after(120))
        .add_run(Run::new().add_text(text).bold().size(24))
}

/// The 実施報告書's table per area of one checklist.
fn summary_tables(
    mut docx: Docx,
    heading: &Heading,
    areas: &[super::model::Area<super::model::SummaryRow>],
    words: &ReportWords,
) -> Docx {
    for area in areas {
        let heading_text = (words.area_heading)(&area.id, &area.title);
        docx = docx.add_paragraph(section_heading(&heading_text));
        let header = [
            words.item_id,
            words.audit_item,
            words.complying,
            words.needing,
            words.improvements,
        ];
        let mut rows = vec![header_row(&header.map(String::from), &SUMMARY_COLUMNS)];
        for row in &area.rows {
            let cells = [
                vec![row.id.clone()],
                vec![row.text.clone()],
                vec![department_list(&row.complying, words)],
                vec![super::lines::needing_list(row, heading, words)],
                improvements(row, words),
            ];
            let mut cells: Vec<TableCell> = (cells.iter().zip(&SUMMARY_COLUMNS))
                .map(|(lines, width)| text_cell(lines, *width))
                .collect();
            if let Some(cell) = needing_cell(row, heading, words) {
                cells[3] = cell;
            }
            rows.push(TableRow::new(cells).cant_split());
        }
        docx = docx.add_table(table(rows, &SUMMARY_COLUMNS));
    }
    docx
}

/// On a graded scale, the 改善が必要な課 of an item a line each, worst first, each on
/// the fill of its mark's level (as the XLSX fills the matrix) and named with its
/// label; None on a scale without severities.
fn needing_cell(
    row: &super::model::SummaryRow,
    heading: &Heading,
    words: &ReportWords,
) -> Option<TableCell> {
    let names = super::lines::graded(&row.needing, &row.needing_marks, heading, words);
    if names.iter().all(|(_, entry)| entry.is_none()) {
        return None;
    }
    let cell = TableCell::new().width(SUMMARY_COLUMNS[3], WidthType::Dxa);
    Some(names.iter().fold(cell, |cell, (name, entry)| {
        let run = Run::new().add_text(name.as_str());
        let run = match entry {
            Some(e) => {
                run.shading(Shading::new().fill(format!("{:06X}", super::lines::mark_fill(e))))
            }
            None => run,
        };
        cell.add_paragraph(Paragraph::new().add_run(run))
    }))
}

/// On a graded scale, the legend of the failing levels' fills above the tables (as
/// the HTML has it): each failing mark on its fill, gravest first.
fn level_legend(docx: Docx, heading: &Heading, words: &ReportWords) -> Docx {
    let mut levels: Vec<&super::model::LegendEntry> =
        heading.legend.iter().filter(|e| e.rank.is_some()).collect();
    if levels.is_empty() {
        return docx;
    }
    levels.sort_by_key(|e| e.rank);
    let mut paragraph = Paragraph::new()
        .line_spacing(LineSpacing::new().before(120).after(120))
        .add_run(Run::new().add_text(words.legend).bold());
    for entry in levels {
        let text = (words.legend_entry)(&entry.symbol, &entry.label);
        let fill = format!("{:06X}", super::lines::mark_fill(entry));
        paragraph = paragraph
            .add_run(Run::new().add_text(words.legend_separator))
            .add_run(Run::new().add_text(text).shading(Shading::new().fill(fill)));
    }
    docx.add_paragraph(paragraph)
}

/// An empty A4 document with the fonts and the page-number footer; a draft's header
/// says so on every page, a signed session's footer names signer, time and digest.
fn document(words: &ReportWords, heading: &Heading) -> Docx {
    let latin = if words.tag == "ja" {
        MINCHO
    } else {
        "Times New Roman"
    };
    let fonts = RunFonts::new()
        .ascii(latin)
        .hi_ansi(latin)
        .east_asia(MINCHO)
        .cs(latin);
    let (before, middle, after) = words.page_of;
    let footer = Paragraph::new()
        .align(AlignmentType::Center)
        .add_run(Run::new().add_text(before).size(18))
        .add_page_num(PageNum::new())
        .add_run(Run::new().add_text(middle).size(18))
        .add_num_pages(NumPages::new())
        .add_run(Run::new().add_text(after).size(18));
    let stamp = super::lines::stamp_line(heading, words);
    let mut footer_part = Footer::new();
    if !super::lines::is_draft(heading) {
        footer_part = footer_part.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(Run::new().add_text(&stamp).size(16)),
        );
    }
    let docx = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(PageMargin {
            top: MARGIN,
            left: MARGIN,
            bottom: MARGIN,
            right: MARGIN,
            header: 567,
            footer: 567,
            gutter: 0,
        })
        .default_fonts(fonts)
        .default_size(20)
        .footer(footer_part.add_paragraph(footer));
    if super::lines::is_draft(heading) {
        let banner = Paragraph::new()
            .align(AlignmentType::Right)
            .add_run(Run::new().add_text(&stamp).bold().size(22).color("C00000"));
        docx.header(Header::new().add_paragraph(banner))
    } else {
        docx
    }
}

/// A facts table without header row: number, label, value.
fn facts_table(facts: &[(String, String)]) -> Table {
    let columns = [500, 1900, TEXT_WIDTH - 2400];
    let rows = facts
        .iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let cells = [
                vec![(i + 1).to_string()],
                vec![label.clone()],
                value.lines().map(String::from).collect(),
            ];
            body_row(&cells, &columns)
        })
        .collect();
    table(rows, &columns)
}

/// Free text as paragraphs, one per line.
fn paragraphs(mut docx: Docx, text: &str) -> Docx {
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(line)));
    }
    docx
}

/// The 監査概要, the 総評 and the line to the 結果一覧, above the tables of the
/// 実施報告書, as the seed sets them: parts and sections as headings, text indented
/// under them, the 根拠 as a list of ・.
fn outline(mut docx: Docx, summary: &Summary, words: &ReportWords) -> Docx {
    let indented = |text: &str, bold: bool| {
        let run = Run::new().add_text(text);
        Paragraph::new()
            .indent(Some(420), None, None, None)
            .add_run(if bold { run.bold() } else { run })
    };
    for block in super::outline::blocks(summary, words) {
        docx = match block {
            Block::Part(text) => docx.add_paragraph(section_heading(&text)),
            Block::Section(text) => docx.add_paragraph(
                Paragraph::new()
                    .keep_next(true)
                    .line_spacing(LineSpacing::new().before(120))
                    .add_run(Run::new().add_text(text).bold()),
            ),
            Block::Label(text) => docx.add_paragraph(indented(&text, true).keep_next(true)),
            Block::Text(text) => super::outline::paragraphs(&text)
                .fold(docx, |docx, line| docx.add_paragraph(indented(line, false))),
            // Hanging: a line that wraps goes on under the text, not under the ・.
            Block::List(items) => items.iter().fold(docx, |docx, item| {
                docx.add_paragraph(
                    Paragraph::new()
                        .indent(Some(630), Some(SpecialIndentType::Hanging(210)), None, None)
                        .add_run(Run::new().add_text(format!("・{item}"))),
                )
            }),
        };
    }
    docx
}

/// Every department's 結果報告書 as DOCX bytes, each starting on a new page.
pub fn departments(departments: &Departments, words: &ReportWords) -> Result<Vec<u8>, String> {
    let docx = departments_into(document(words, &departments.heading), departments, words);
    pack(docx, &title(&departments.heading, words, words.departments))
}

fn departments_into(mut docx: Docx, departments: &Departments, words: &ReportWords) -> Docx {
    for (i, report) in departments.reports.iter().enumerate() {
        if i > 0 {
            docx = docx.add_paragraph(page_break());
        }
        docx = docx.add_paragraph(
            Paragraph::new().align(AlignmentType::Center).add_run(
                Run::new()
                    .add_text((words.department_report)(&report.name))
                    .bold()
                    .size(28),
            ),
        );
        if let Some(line) = super::lines::report_date_line(departments, words) {
            docx = docx.add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Right)
                    .add_run(Run::new().add_text(line)),
            );
        }
        docx = docx.add_table(facts_table(&super::lines::fact_rows(report, words)));
        docx = report_areas(docx, &report.areas, words);
        for (title, areas) in &report.others {
            docx = docx.add_paragraph(section_heading(&(words.checklist_section)(title)));
            if areas.is_empty() {
                let line = super::lines::nothing_found(words);
                docx =
                    docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(line).bold()));
            }
            docx = report_areas(docx, areas, words);
        }
    }
    docx
}

/// The areas of a 結果報告書: each its 所見, evidence and 指摘事項.
fn report_areas(mut docx: Docx, areas: &[super::model::AreaReport], words: &ReportWords) -> Docx {
    for area in areas {
        docx = docx.add_paragraph(section_heading(&(words.about_area)(&area.title)));
        docx = paragraphs(docx, &area.observation);
        for line in super::lines::evidence_lines(area, words) {
            docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(line).size(18)));
        }
        let line = super::lines::findings_line(area, words);
        docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(line).bold()));
    }
    docx
}

fn page_break() -> Paragraph {
    Paragraph::new().add_run(Run::new().add_break(BreakType::Page))
}

/// The departments' 結果報告書 and the 実施報告書 in one document; the matrix is a
/// spreadsheet's table and is left to the other formats.
pub fn all(
    departments: &Departments,
    summary: &Summary,
    words: &ReportWords,
) -> Result<Vec<u8>, String> {
    let docx = departments_into(document(words, &departments.heading), departments, words);
    let docx = summary_into(docx.add_paragraph(page_break()), summary, words);
    pack(docx, &title(&departments.heading, words, words.all))
}

/// A heading kept with the table after it, with room above (twentieths of a point).
fn section_heading(text: &str) -> Paragraph {
    Paragraph::new()
        .keep_next(true)
        .line_spacing(LineSpacing::new().before(240).after(80))
        .add_run(Run::new().add_text(text).bold().size(22))
}

fn table(rows: Vec<TableRow>, columns: &[usize]) -> Table {
    Table::new(rows).set_grid(columns.to_vec()).width(
        columns.iter().sum::<usize>().min(TEXT_WIDTH),
        WidthType::Dxa,
    )
}

fn header_row(texts: &[String], columns: &[usize]) -> TableRow {
    let cells = texts
        .iter()
        .zip(columns)
        .map(|(text, width)| {
            TableCell::new()
                .width(*width, WidthType::Dxa)
                .shading(Shading::new().fill(HEADER_FILL))
                .vertical_align(VAlignType::Center)
                .add_paragraph(
                    Paragraph::new()
                        .align(AlignmentType::Center)
                        .add_run(Run::new().add_text(text.as_str()).bold()),
                )
        })
        .collect();
    TableRow::new(cells)
        .cant_split()
        .row_height(HEADER_HEIGHT)
        .height_rule(HeightRule::AtLeast)
}

/// A row whose cells hold one paragraph per line, never split across pages.
fn body_row(cells: &[Vec<String>], columns: &[usize]) -> TableRow {
    let cells = (cells.iter().zip(columns))
        .map(|(lines, width)| text_cell(lines, *width))
        .collect();
    TableRow::new(cells).cant_split()
}

/// A cell of `width` holding a paragraph per line (an empty one when there are none).
fn text_cell(lines: &[String], width: usize) -> TableCell {
    let cell = TableCell::new().width(width, WidthType::Dxa);
    let empty = [String::new()];
    let lines = if lines.is_empty() { &empty[..] } else { lines };
    lines.iter().fold(cell, |cell, line| {
        cell.add_paragraph(Paragraph::new().add_run(Run::new().add_text(line.as_str())))
    })
}

/// The 総評 figures on a new page: marks per department and per area, and the
/// departments that must improve, with the items.
fn overview(docx: Docx, summary: &Summary, words: &ReportWords) -> Docx {
    let page_break = Paragraph::new().add_run(Run::new().add_break(BreakType::Page));
    let mut docx = docx
        .add_paragraph(page_break)
        .add_paragraph(section_heading(words.overview));
    // A round of several checklists: each one's figures under its name.
    for (n, part) in super::sections::parts(summary).into_iter().enumerate() {
        if let Some(title) = part.title {
            docx = docx.add_paragraph(part_heading(&(words.checklist_section)(title)));
        }
        docx = figures(docx, part.heading, part.overview, words);
        let scores = super::sections::part_scores(n, &part, words);
        if !scores.is_empty() {
            docx = docx.add_paragraph(section_heading(words.score_words.section));
        }
        for line in scores {
            docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(line)));
        }
    }
    docx
}

/// One checklist's figures for the 総評.
fn figures(
    mut docx: Docx,
    heading: &Heading,
    overview: &super::model::Overview,
    words: &ReportWords,
) -> Docx {
    let total = (words.total.to_string(), &overview.total);
    let mut per_department: Vec<(String, &Count)> = overview
        .per_department
        .iter()
        .map(|d| (d.name.clone(), &d.count))
        .collect();
    per_department.push(total.clone());
    let mut per_area: Vec<(String, &Count)> = overview
        .per_area
        .iter()
        .map(|(id, title, count)| ((words.area_heading)(id, title), count))
        .collect();
    per_area.push(total);
    for (caption, first, rows) in [
        (words.counts_by_department, words.department, per_department),
        (words.counts_by_area, words.area, per_area),
    ] {
        docx = docx
            .add_paragraph(section_heading(caption))
            .add_table(counts_table(heading, words, first, &rows));
    }
    docx = docx.add_paragraph(section_heading(words.needing_departments));
    if overview.needing.is_empty() {
        docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(words.none)));
    }
    for needing in &overview.needing {
        let text = super::lines::needing_items(needing, heading, words);
        docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(text)));
    }
    docx
}

fn counts_table(
    heading: &Heading,
    words: &ReportWords,
    first: &str,
    rows: &[(String, &Count)],
) -> Table {
    let labels = count_labels(heading, words);
    let name_width = 3400;
    let figure_width = (TEXT_WIDTH - name_width) / labels.len().max(1);
    let columns: Vec<usize> = std::iter::once(name_width)
        .chain(labels.iter().map(|_| figure_width))
        .collect();
    let header: Vec<String> = std::iter::once(first.to_string()).chain(labels).collect();
    let mut table_rows = vec![header_row(&header, &columns)];
    for (name, count) in rows {
        let cells: Vec<Vec<String>> = std::iter::once(vec![name.clone()])
            .chain(count_figures(count).iter().map(|n| vec![n.to_string()]))
            .collect();
        table_rows.push(body_row(&cells, &columns));
    }
    table(table_rows, &columns)
}

/// The package, with what docx-rs cannot write itself: the font table, header rows,
/// and the document's title and date.
fn pack(docx: Docx, title: &str) -> Result<Vec<u8>, String> {
    let mut xml = docx.build();
    xml.font_table = FONT_TABLE.as_bytes().to_vec();
    xml.doc_props.core = core_properties(title, chrono::Utc::now()).into_bytes();
    let document = String::from_utf8_lossy(&xml.document).replace(HEADER_ROW.0, HEADER_ROW.1);
    xml.document = document.into_bytes();
    let mut stored = std::io::Cursor::new(Vec::new());
    xml.pack(&mut stored).map_err(|e| e.to_string())?;
    deflate(stored.get_ref()).map_err(|e| e.to_string())
}

/// The title and dates Word shows in the document's properties (docx-rs would write
/// no title, and 1970 as the date).
fn core_properties(title: &str, now: chrono::DateTime<chrono::Utc>) -> String {
    let now = now.format("%Y-%m-%dT%H:%M:%SZ");
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:creator>kansa</dc:creator>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{now}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{now}</dcterms:modified>\
         </cp:coreProperties>",
        super::html::escape(title)
    )
}

/// docx-rs stores its parts uncompressed (1.4 MB for a 300-item round); deflated, the
/// file is a tenth of that, small enough to mail.
fn deflate(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(stored))?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut part = archive.by_index(i)?;
        let name = part.name()?.into_owned();
        out.start_file(name, options)?;
        std::io::copy(&mut part, &mut out)?;
    }
    Ok(out.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_columns_fill_the_text_width() {
        assert_eq!(SUMMARY_COLUMNS.iter().sum::<usize>(), TEXT_WIDTH);
        assert!(FONT_TABLE.contains(&format!(
            "<w:font w:name=\"{MINCHO}\"><w:altName w:val=\"MS 明朝\"/>"
        )));
    }
}
