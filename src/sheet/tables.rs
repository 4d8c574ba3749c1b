//! Reading a workbook (XLSX, or any workbook calamine reads) or a CSV of sections as
//! tables of text, whatever they hold.

use std::collections::BTreeMap;
use std::io::{Read, Seek};
use std::path::Path;

use calamine::{Data, DataRef, Reader, Sheets, XlsxError};

use super::error::{SheetError, SheetProblem, Unreadable};
use super::layout::{Row, Table};
use crate::error::IoReason;

/// The tables of the workbook `file`.
pub(crate) fn read_workbook(file: &Path) -> Result<Vec<Table>, SheetError> {
    let mut workbook = calamine::open_workbook_auto(file).map_err(|e| {
        SheetError::file(
            file,
            SheetProblem::CannotRead(Unreadable::Reader(e.to_string())),
        )
    })?;
    tables(&mut workbook).map_err(|e| e.error(file, SheetProblem::CannotRead))
}

/// The cells a sheet may spread over, the blank ones before each row's last cell
/// included: far more than a checklist or a self-check has, few enough to hold.
const MAX_CELLS: usize = 1_000_000;

/// Why a workbook's sheets could not be read as tables.
#[derive(Debug)]
pub enum Unread {
    Workbook(calamine::Error),
    /// A sheet spread over more than `MAX_CELLS`: the cell that went over.
    TooWide {
        sheet: String,
        row: u32,
        column: usize,
    },
}

impl Unread {
    /// The error to show, as `problem` says it (a checklist sheet's or a self-check
    /// workbook's), at the cell when there is one.
    pub fn error(self, file: &Path, problem: fn(Unreadable) -> SheetProblem) -> SheetError {
        match self {
            Unread::Workbook(e) => {
                SheetError::file(file, problem(Unreadable::Reader(e.to_string())))
            }
            Unread::TooWide { sheet, row, column } => SheetError {
                sheet: Some(sheet),
                row: Some(row),
                column: Some(column),
                ..SheetError::file(file, problem(Unreadable::TooWide(MAX_CELLS)))
            },
        }
    }
}

/// Every sheet of a workbook as text, hidden ones included. XLSX cells are read one by
/// one, not as calamine's `Range`: a range spans from the first cell to the last, so
/// two cells at A1 and XFD1048576 ask for 17 billion and abort the process
/// (calamine#693). A row holds the cells up to its last; rows without cells are left
/// out.
pub fn tables<RS: Read + Seek>(workbook: &mut Sheets<RS>) -> Result<Vec<Table>, Unread> {
    let mut tables = Vec::new();
    for name in workbook.sheet_names() {
        let mut rows: BTreeMap<u32, Vec<String>> = BTreeMap::new();
        let mut spread = 0;
        let mut put = |(row, column): (u32, u32), value: &Data| {
            let cells = rows.entry(row).or_default();
            let column = column as usize;
            if column >= cells.len() {
                spread += column + 1 - cells.len();
                if spread > MAX_CELLS {
                    let (sheet, row) = (name.clone(), row.saturating_add(1));
                    return Err(Unread::TooWide { sheet, row, column });
                }
                cells.resize(column + 1, String::new());
            }
            cells[column] = cell_text(value);
            Ok(())
        };
        match &mut *workbook {
            Sheets::Xlsx(xlsx) => match xlsx.worksheet_cells_reader(&name) {
                Ok(mut cells) => {
                    while let Some(cell) = cells.next_cell().map_err(unread)? {
                        if *cell.get_value() != DataRef::Empty {
                            put(cell.get_position(), &cell.get_value().clone().into())?;
                        }
                    }
                }
                // A chart sheet: no cells, as calamine's range reads it.
                Err(XlsxError::NotAWorksheet(_)) => {}
                Err(e) => return Err(unread(e)),
            },
            other => {
                let range = other.worksheet_range(&name).map_err(Unread::Workbook)?;
                let (top, left) = range.start().unwrap_or((0, 0));
                for (r, c, value) in range.used_cells() {
                    put((top + r as u32, left + c as u32), value)?;
                }
            }
        }
        let rows = rows
            .into_iter()
            .map(|(r, cells)| Row {
                number: r.saturating_add(1),
                cells,
            })
            .collect();
        tables.push(Table { name, rows });
    }
    Ok(tables)
}

fn unread(e: XlsxError) -> Unread {
    Unread::Workbook(e.into())
}

/// A cell as text: a whole number without a decimal point, so that a key typed as 1
/// reads as "1", not "1.0"; a date as Excel shows it (2024/1/1), not as the serial
/// number it stores (45292), since Excel turns an ID such as 2024-1-1 into a date.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::DateTime(d) if d.is_datetime() => date_text(d.as_f64()),
        other => other.to_string().trim().to_string(),
    }
}

/// An Excel serial date (days since 1899-12-30, in the 1900 system every Windows
/// Excel writes) as Excel shows it in Japan: 2024/1/1, with the time if it has one.
fn date_text(serial: f64) -> String {
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    let days = serial.floor();
    let seconds = ((serial - days) * 86_400.0).round() as i64;
    let at = epoch.and_hms_opt(0, 0, 0).unwrap_or_default()
        + chrono::Duration::days(days as i64)
        + chrono::Duration::seconds(seconds);
    match seconds {
        0 => at.format("%Y/%-m/%-d").to_string(),
        _ => at.format("%Y/%-m/%-d %-H:%M").to_string(),
    }
}

/// A CSV of sections: a row `[項目]` starts the section 項目, the next row is its
/// header. UTF-8, with or without the BOM Excel writes.
pub(crate) fn read_csv(file: &Path) -> Result<Vec<Table>, SheetError> {
    let cannot_read = |reason| SheetError::file(file, SheetProblem::CannotRead(reason));
    let bytes = std::fs::read(file).map_err(|e| cannot_read(Unreadable::Io(IoReason::from(&e))))?;
    let text =
        String::from_utf8(bytes).map_err(|_| SheetError::file(file, SheetProblem::NotUtf8))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut tables: Vec<Table> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| cannot_read(Unreadable::Reader(e.to_string())))?;
        // The line of the record's first cell: the reader's position is where it began
        // to read, before the blank lines it passed over.
        let mut byte = record
            .position()
            .map_or(0, |p| p.byte() as usize)
            .min(text.len());
        while matches!(text.as_bytes().get(byte), Some(b'\n' | b'\r')) {
            byte += 1;
        }
        let line = text.as_bytes()[..byte]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u32
            + 1;
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        let first = cells.first().map(String::as_str).unwrap_or("");
        let rest_blank = cells.iter().skip(1).all(String::is_empty);
        if let Some(name) = first.strip_prefix('[').and_then(|s| s.strip_suffix(']'))
            && rest_blank
        {
            tables.push(Table {
                name: name.trim().to_string(),
                rows: Vec::new(),
            });
            continue;
        }
        let row = Row {
            number: line,
            cells,
        };
        match tables.last_mut() {
            Some(table) => table.rows.push(row),
            None if row.is_blank() => {}
            None => {
                return Err(SheetError {
                    row: Some(line),
                    ..SheetError::file(file, SheetProblem::OutsideSection)
                });
            }
        }
    }
    Ok(tables)
}
