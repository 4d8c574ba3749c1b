//! An XLSX sheet set up for paper, the same for every report: cell formats, column
//! widths and row heights for Japanese text, A4 pages with the title and page numbers,
//! the title rows and a draft's warning.

use rust_xlsxwriter::{
    Color, DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};
use unicode_width::UnicodeWidthStr;

use super::lines::{date_line, title};
use super::model::{Heading, LegendEntry};
use super::words::ReportWords;

/// A Japanese font every Office since 2016 has; others substitute their own Gothic.
pub(crate) const FONT: &str = "游ゴシック";
/// Excel's paper size code for A4.
pub(crate) const A4: u8 = 9;
/// The widest a text column grows; longer text wraps.
pub(crate) const MAX_TEXT_WIDTH: f64 = 60.0;

/// The cell formats of a workbook, made once.
pub(crate) struct Formats {
    pub(crate) title: Format,
    pub(crate) plain: Format,
    pub(crate) header: Format,
    pub(crate) area: Format,
    pub(crate) text: Format,
    pub(crate) centre: Format,
    pub(crate) number: Format,
}

impl Formats {
    pub(crate) fn new() -> Formats {
        let base = Format::new().set_font_name(FONT).set_font_size(10);
        let cell = base
            .clone()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        Formats {
            title: base.clone().set_bold().set_font_size(14),
            plain: base.clone(),
            header: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_text_wrap()
                .set_background_color(Color::RGB(0xD9E1F2)),
            area: cell
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xF2F2F2)),
            text: cell.clone().set_text_wrap().set_align(FormatAlign::Top),
            centre: cell.clone().set_align(FormatAlign::Center),
            number: cell.set_align(FormatAlign::Right),
        }
    }

    /// A mark's cell: centred, on the fill of its meaning and severity (none while
    /// unanswered).
    pub(crate) fn mark(&self, mark: Option<&LegendEntry>) -> Format {
        match mark {
            Some(mark) => self
                .centre
                .clone()
                .set_background_color(Color::RGB(super::lines::mark_fill(mark))),
            None => self.centre.clone(),
        }
    }
}

/// The column width (Excel's unit, about one ASCII digit) that shows `text` on one
/// line: a Japanese character takes two, plus a margin, up to `MAX_TEXT_WIDTH`.
pub(crate) fn width_of<'a>(texts: impl IntoIterator<Item = &'a str>, at_least: f64) -> f64 {
    let widest = texts.into_iter().map(|t| t.width()).max().unwrap_or(0);
    (widest as f64 * 1.1 + 2.0).clamp(at_least, MAX_TEXT_WIDTH)
}

/// Excel's header and footer codes start with `&`; a literal one is `&&`. Excel also
/// refuses more than 255 characters, so a long title is cut.
pub(crate) fn header_text(text: &str) -> String {
    let cut: String = text.chars().take(100).collect();
    cut.replace('&', "&&")
}

/// A4 pages that fit the sheet's width, the title on top and page numbers below; a
/// signed report names signer, time and digest at the bottom left. (A draft says so
/// in its title rows, which `repeat_rows` prints on every page.)
pub(crate) fn page_setup(
    sheet: &mut Worksheet,
    heading: &Heading,
    title: &str,
    words: &ReportWords,
    landscape: bool,
) {
    sheet.set_paper_size(A4);
    if landscape {
        sheet.set_landscape();
    } else {
        sheet.set_portrait();
    }
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_print_center_horizontally(true);
    sheet.set_header(format!("&C{}", header_text(title)));
    if super::lines::is_draft(heading) {
        sheet.set_footer(format!("&C{}", words.xlsx_footer));
    } else {
        let stamp = header_text(&super::lines::stamp_line(heading, words));
        sheet.set_footer(format!("&L{stamp}&R{}", words.xlsx_footer));
    }
}

/// The title and date lines at the top of a sheet; returns the next free row.
pub(crate) fn title_rows(
    sheet: &mut Worksheet,
    f: &Formats,
    heading: &Heading,
    words: &ReportWords,
    report: &str,
) -> Result<u32, XlsxError> {
    sheet.write_string_with_format(0, 0, title(heading, words, report), &f.title)?;
    sheet.write_string_with_format(1, 0, date_line(heading, words), &f.plain)?;
    draft_row(sheet, heading, words)?;
    Ok(3)
}

/// A draft's warning in the third row, bold red: with `repeat_rows`, on every page.
pub(crate) fn draft_row(
    sheet: &mut Worksheet,
    heading: &Heading,
    words: &ReportWords,
) -> Result<(), XlsxError> {
    if super::lines::is_draft(heading) {
        let format = Format::new()
            .set_font_name(FONT)
            .set_bold()
            .set_font_color(Color::RGB(0xC00000));
        sheet.write_string_with_format(2, 0, super::lines::stamp_line(heading, words), &format)?;
    }
    Ok(())
}

/// Rows printed at the top of every page: a draft's title rows down to `header` (the
/// table's header row, if any), so that every page says it is a draft.
pub(crate) fn repeat_rows(
    sheet: &mut Worksheet,
    heading: &Heading,
    header: Option<u32>,
) -> Result<(), XlsxError> {
    match (super::lines::is_draft(heading), header) {
        (true, Some(header)) => sheet.set_repeat_rows(0, header),
        (true, None) => sheet.set_repeat_rows(0, 2),
        (false, Some(header)) => sheet.set_repeat_rows(header, header),
        (false, None) => Ok(sheet),
    }?;
    Ok(())
}

/// A row spanning `columns` columns (an area's heading).
pub(crate) fn spanning(
    sheet: &mut Worksheet,
    row: u32,
    columns: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if columns > 1 {
        sheet.merge_range(row, 0, row, columns - 1, text, format)?;
    } else {
        sheet.write_string_with_format(row, 0, text, format)?;
    }
    Ok(())
}

pub(crate) fn workbook(heading: &Heading, words: &ReportWords, report: &str) -> Workbook {
    let mut workbook = Workbook::new();
    let properties = DocProperties::new().set_title(title(heading, words, report));
    workbook.set_properties(&properties);
    workbook
}

/// Points per line of 10-point 游ゴシック, whose line gap is generous.
pub(crate) const LINE_HEIGHT: f64 = 15.0;

/// Lines `text` takes when wrapped in a column `width` wide (a Japanese character
/// takes two units of width, as in `width_of`).
pub(crate) fn lines_in(text: &str, width: f64) -> usize {
    let per_line = (width - 1.5).max(1.0);
    text.lines()
        .map(|line| (line.width() as f64 / per_line).ceil().max(1.0) as usize)
        .sum::<usize>()
        .max(1)
}

/// Gives a row the height its wrapped cells need. Neither Excel nor LibreOffice fits
/// rows to wrapped text when it opens a file, so text would overlap the next row.
pub(crate) fn fit_height<'a>(
    sheet: &mut Worksheet,
    row: u32,
    cells: impl IntoIterator<Item = (&'a str, f64)>,
) -> Result<(), XlsxError> {
    let lines = cells
        .into_iter()
        .map(|(text, width)| lines_in(text, width))
        .max()
        .unwrap_or(1);
    if lines > 1 {
        sheet.set_row_height(row, lines as f64 * LINE_HEIGHT + 2.0)?;
    }
    Ok(())
}
