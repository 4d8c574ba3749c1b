//! Reading the spreadsheet layout: workbook or CSV into tables, tables into a
//! checklist, every problem located at its cell.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{Read, Seek};
use std::path::Path;

use calamine::{Data, DataRef, Reader, Sheets, XlsxError};

use super::{
    ABOUT, ABOUT_COLUMNS, ABOUT_FACTS, ABOUT_ID, ABOUT_TITLE, BAND_COLUMNS, BANDS, Columns,
    FIELD_COLUMNS, FIELDS, ITEM_COLUMNS, ITEMS, KINDS, MEANINGS, ROSTER, ROSTER_COLUMNS, Row,
    SCALE, SCALE_COLUMNS, SheetError, Table, split_list,
};
use crate::checklist::{
    Area, Band, Checklist, Condition, Department, Field, Item, ItemPart, Mark, MarkPart, Place,
};
use crate::facts::FactDefaults;
use crate::i18n::SheetStrings;
use crate::keymap;

/// The rows each part of a checklist came from, so that a rule broken by the whole
/// (`Checklist::check`) is still reported at a cell.
#[derive(Debug, Clone, Default)]
pub struct Origins {
    pub marks: Vec<u32>,
    pub items: Vec<u32>,
    pub bands: Vec<u32>,
    pub fields: Vec<u32>,
    /// Each sheet's column of each header.
    columns: HashMap<&'static str, HashMap<&'static str, usize>>,
}

impl Origins {
    fn error(&self, file: &Path, place: &Place, message: String) -> SheetError {
        let (sheet, rows, index, column) = match place {
            Place::Mark(n, part) => {
                let column = match part {
                    MarkPart::Severity => "重大度",
                    MarkPart::Points => "点数",
                    MarkPart::Asks => "入力欄",
                };
                (SCALE, &self.marks, *n, column)
            }
            Place::Item(n, part) => {
                let column = match part {
                    ItemPart::Applies => "適用条件",
                    ItemPart::Departments => "対象部署",
                };
                (ITEMS, &self.items, *n, column)
            }
            Place::Band(n) => (BANDS, &self.bands, *n, "区分"),
            Place::Field(n) => (FIELDS, &self.fields, *n, "ID"),
        };
        SheetError {
            file: file.to_path_buf(),
            sheet: Some(sheet.to_string()),
            row: rows.get(index).copied(),
            column: self.columns.get(sheet).and_then(|c| c.get(column)).copied(),
            message,
        }
    }
}

/// A checklist from the spreadsheet `file` (a CSV of sections when its name ends in
/// .csv), checked by every rule a checklist file is held to, with where each part came
/// from.
pub fn read(file: &Path, t: &SheetStrings) -> Result<(Checklist, Origins), SheetError> {
    let is_csv = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let tables = if is_csv {
        read_csv(file, t)?
    } else {
        read_workbook(file, t)?
    };
    let book = Book {
        file,
        tables: &tables,
        t,
    };
    let mut origins = Origins::default();
    let checklist = book.checklist(&mut origins)?;
    checklist
        .check()
        .map_err(|p| origins.error(file, &p.place, p.rule.to_string()))?;
    Ok((checklist, origins))
}

fn read_workbook(file: &Path, t: &SheetStrings) -> Result<Vec<Table>, SheetError> {
    let mut workbook = calamine::open_workbook_auto(file)
        .map_err(|e| SheetError::file(file, (t.cannot_read)(&e.to_string())))?;
    tables(&mut workbook).map_err(|e| e.error(file, t.cannot_read))
}

/// The cells a sheet may spread over, the blank ones before each row's last cell
/// included: far more than a checklist or a self-check has, few enough to hold.
const MAX_CELLS: usize = 1_000_000;

/// Why a workbook's sheets could not be read as tables.
#[derive(Debug)]
pub(crate) enum Unread {
    Workbook(calamine::Error),
    /// A sheet spread over more than `MAX_CELLS`: the cell that went over.
    TooWide {
        sheet: String,
        row: u32,
        column: usize,
    },
}

impl Unread {
    /// The error to show: with `cannot_read`'s words, at the cell when there is one.
    pub(crate) fn error(self, file: &Path, cannot_read: fn(&str) -> String) -> SheetError {
        match self {
            Unread::Workbook(e) => SheetError::file(file, cannot_read(&e.to_string())),
            Unread::TooWide { sheet, row, column } => SheetError {
                sheet: Some(sheet),
                row: Some(row),
                column: Some(column),
                ..SheetError::file(
                    file,
                    cannot_read(&format!("cells spread over more than {MAX_CELLS}")),
                )
            },
        }
    }
}

/// Every sheet of a workbook as text, hidden ones included. XLSX cells are read one by
/// one, not as calamine's `Range`: a range spans from the first cell to the last, so
/// two cells at A1 and XFD1048576 ask for 17 billion and abort the process
/// (calamine#693). A row holds the cells up to its last; rows without cells are left
/// out.
pub(crate) fn tables<RS: Read + Seek>(workbook: &mut Sheets<RS>) -> Result<Vec<Table>, Unread> {
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
/// reads as "1", not "1.0".
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string().trim().to_string(),
    }
}

/// A CSV of sections: a row `[項目]` starts the section 項目, the next row is its
/// header. UTF-8, with or without the BOM Excel writes.
fn read_csv(file: &Path, t: &SheetStrings) -> Result<Vec<Table>, SheetError> {
    let bytes =
        std::fs::read(file).map_err(|e| SheetError::file(file, (t.cannot_read)(&e.to_string())))?;
    let text = String::from_utf8(bytes).map_err(|_| SheetError::file(file, t.not_utf8.into()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut tables: Vec<Table> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| SheetError::file(file, (t.cannot_read)(&e.to_string())))?;
        let line = record.position().map_or(0, |p| p.line()) as u32;
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
                    ..SheetError::file(file, t.outside_section.into())
                });
            }
        }
    }
    Ok(tables)
}

struct Book<'a> {
    file: &'a Path,
    tables: &'a [Table],
    t: &'a SheetStrings,
}

/// One sheet with its header read: a value by column name, an error at a cell.
struct Sheet<'a> {
    book: &'a Book<'a>,
    table: &'a Table,
    /// Where the header is in `table.rows`.
    header: usize,
    columns: HashMap<&'static str, usize>,
}

impl<'a> Book<'a> {
    /// The sheet `name` with its header checked; None when it is absent or empty and
    /// `required` is false.
    fn sheet(
        &'a self,
        name: &'static str,
        columns: Columns,
        required: bool,
    ) -> Result<Option<Sheet<'a>>, SheetError> {
        let table = self.tables.iter().find(|t| t.name.trim() == name);
        let header = table.and_then(|t| t.rows.iter().position(|r| !r.is_blank()));
        let (Some(table), Some(header)) = (table, header) else {
            if !required {
                return Ok(None);
            }
            return Err(SheetError {
                sheet: Some(name.to_string()),
                ..SheetError::file(self.file, (self.t.missing_sheet)(name))
            });
        };
        let cells = &table.rows[header].cells;
        let mut found = HashMap::new();
        for (column, needed) in columns {
            match cells.iter().position(|c| c.trim() == *column) {
                Some(index) => {
                    found.insert(*column, index);
                }
                None if *needed => {
                    let headers: Vec<&str> = cells
                        .iter()
                        .map(|c| c.trim())
                        .filter(|c| !c.is_empty())
                        .collect();
                    return Err(SheetError {
                        sheet: Some(name.to_string()),
                        row: Some(table.rows[header].number),
                        column: Some(headers.len().max(cells.len())),
                        ..SheetError::file(
                            self.file,
                            (self.t.missing_column)(column, &headers.join(", ")),
                        )
                    });
                }
                None => {}
            }
        }
        Ok(Some(Sheet {
            book: self,
            table,
            header,
            columns: found,
        }))
    }

    fn checklist(&self, origins: &mut Origins) -> Result<Checklist, SheetError> {
        let (id, title) = self.about()?;
        let fields = self.fields(origins)?;
        let scale = self.scale(origins)?;
        let departments = self.roster()?;
        let tags: BTreeSet<&str> = departments
            .iter()
            .flat_map(|d| d.tags.iter().map(String::as_str))
            .collect();
        let facts = self.facts(&tags)?;
        let areas = self.areas(&tags, origins)?;
        let bands = self.bands(origins)?;
        Ok(Checklist {
            format: crate::checklist::FORMAT,
            id,
            title,
            scale,
            areas,
            departments,
            bands,
            fields,
            facts,
        })
    }

    /// The report header's wording from 概要 (one RON cell), or none; its overrides'
    /// conditions name only the roster's tags, as items' do.
    fn facts(&self, tags: &BTreeSet<&str>) -> Result<FactDefaults, SheetError> {
        let Some(sheet) = self.sheet(ABOUT, ABOUT_COLUMNS, false)? else {
            return Ok(FactDefaults::default());
        };
        let Some(row) = sheet.rows().find(|r| sheet.get(r, "項目") == ABOUT_FACTS) else {
            return Ok(FactDefaults::default());
        };
        let facts: FactDefaults = match sheet.get(row, "内容").trim() {
            "" => return Ok(FactDefaults::default()),
            text => ron::from_str(text)
                .map_err(|e| sheet.error(row, "内容", format!("{ABOUT_FACTS}: {}", e.code)))?,
        };
        let conditions = facts.overrides.iter().map(|o| &o.applies);
        sheet.known_tags(row, "内容", conditions, tags)?;
        Ok(facts)
    }

    /// The id and title from 概要; without it, both are the file's name.
    fn about(&self) -> Result<(String, String), SheetError> {
        let stem = self
            .file
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let Some(sheet) = self.sheet(ABOUT, ABOUT_COLUMNS, false)? else {
            return Ok((stem.clone(), stem));
        };
        let value = |key: &str| {
            sheet
                .rows()
                .find(|r| sheet.get(r, "項目") == key)
                .map(|r| sheet.get(r, "内容").to_string())
                .filter(|v| !v.is_empty())
        };
        let id = value(ABOUT_ID).unwrap_or_else(|| stem.clone());
        let title = value(ABOUT_TITLE).unwrap_or(stem);
        Ok((id, title))
    }

    fn fields(&self, origins: &mut Origins) -> Result<Vec<Field>, SheetError> {
        let Some(sheet) = self.sheet(FIELDS, FIELD_COLUMNS, false)? else {
            return Ok(Vec::new());
        };
        origins.columns.insert(FIELDS, sheet.columns.clone());
        let mut fields = Vec::new();
        for row in sheet.rows() {
            let kind = match sheet.get(row, "種類") {
                "" => Default::default(),
                value => sheet.choice(row, "種類", value, &KINDS, |k| format!("{k:?}"))?,
            };
            fields.push(Field {
                id: sheet.required(row, "ID")?.to_string(),
                label: sheet.required(row, "名称")?.to_string(),
                kind,
            });
            origins.fields.push(row.number);
        }
        Ok(fields)
    }

    fn scale(&self, origins: &mut Origins) -> Result<Vec<Mark>, SheetError> {
        let sheet = self.required_sheet(SCALE, SCALE_COLUMNS)?;
        origins.columns.insert(SCALE, sheet.columns.clone());
        let t = self.t;
        let mut scale: Vec<Mark> = Vec::new();
        for row in sheet.rows() {
            let mark = sheet.mark(row)?;
            if scale.iter().any(|m| m.symbol == mark.symbol) {
                return Err(sheet.error(row, "記号", (t.duplicate)("記号", &mark.symbol)));
            }
            let key = keymap::fold_width(mark.key);
            if scale.iter().any(|m| keymap::fold_width(m.key) == key) {
                return Err(sheet.error(row, "キー", (t.duplicate)("キー", &mark.key.to_string())));
            }
            scale.push(mark);
            origins.marks.push(row.number);
        }
        if scale.is_empty() {
            return Err(sheet.error_below_header("記号", t.no_marks.into()));
        }
        Ok(scale)
    }

    fn roster(&self) -> Result<Vec<Department>, SheetError> {
        let Some(sheet) = self.sheet(ROSTER, ROSTER_COLUMNS, false)? else {
            return Ok(Vec::new());
        };
        let t = self.t;
        let mut roster: Vec<Department> = Vec::new();
        for row in sheet.rows() {
            let name = sheet.required(row, "部署名")?.to_string();
            let short = match sheet.get(row, "略称") {
                "" => name.clone(),
                short => short.to_string(),
            };
            if roster.iter().any(|d| d.name == name) {
                return Err(sheet.error(row, "部署名", (t.duplicate)("部署名", &name)));
            }
            if roster.iter().any(|d| d.short == short) {
                return Err(sheet.error(row, "略称", (t.duplicate)("略称", &short)));
            }
            roster.push(Department {
                name,
                short,
                tags: split_list(sheet.get(row, "タグ")),
                remark: sheet.get(row, "備考").to_string(),
            });
        }
        Ok(roster)
    }

    fn areas(&self, tags: &BTreeSet<&str>, origins: &mut Origins) -> Result<Vec<Area>, SheetError> {
        let sheet = self.required_sheet(ITEMS, ITEM_COLUMNS)?;
        origins.columns.insert(ITEMS, sheet.columns.clone());
        let mut areas: Vec<Area> = Vec::new();
        let mut ids = BTreeSet::new();
        for row in sheet.rows() {
            let area_id = sheet.required(row, "領域")?;
            let item = sheet.item(row, tags)?;
            if !ids.insert(item.id.clone()) || areas.iter().any(|a| a.id == item.id) {
                return Err(sheet.error(row, "項目ID", (self.t.duplicate)("項目ID", &item.id)));
            }
            let title = sheet.get(row, "領域名");
            let seen = areas.iter().any(|a| a.id == area_id);
            match areas.last_mut() {
                Some(area) if area.id == area_id => {
                    if !title.is_empty() && title != area.title {
                        return Err(sheet.error(
                            row,
                            "領域名",
                            (self.t.area_titles)(area_id, &area.title, title),
                        ));
                    }
                    area.items.push(item);
                }
                _ if seen => {
                    return Err(sheet.error(row, "領域", (self.t.area_again)(area_id)));
                }
                _ if ids.contains(area_id) => {
                    return Err(sheet.error(row, "領域", (self.t.duplicate)("領域", area_id)));
                }
                _ => areas.push(Area {
                    id: area_id.to_string(),
                    title: sheet.required(row, "領域名")?.to_string(),
                    items: vec![item],
                }),
            }
            origins.items.push(row.number);
        }
        if areas.is_empty() {
            return Err(sheet.error_below_header("項目ID", self.t.no_items.into()));
        }
        Ok(areas)
    }

    fn bands(&self, origins: &mut Origins) -> Result<Vec<Band>, SheetError> {
        let Some(sheet) = self.sheet(BANDS, BAND_COLUMNS, false)? else {
            return Ok(Vec::new());
        };
        origins.columns.insert(BANDS, sheet.columns.clone());
        let mut bands = Vec::new();
        for row in sheet.rows() {
            bands.push(Band {
                from: sheet.integer(row, "下限")?,
                to: sheet.integer(row, "上限")?,
                label: sheet.required(row, "区分")?.to_string(),
                advice: sheet.get(row, "助言").to_string(),
            });
            origins.bands.push(row.number);
        }
        Ok(bands)
    }

    fn required_sheet(
        &'a self,
        name: &'static str,
        columns: Columns,
    ) -> Result<Sheet<'a>, SheetError> {
        self.sheet(name, columns, true)?.ok_or_else(|| SheetError {
            sheet: Some(name.to_string()),
            ..SheetError::file(self.file, (self.t.missing_sheet)(name))
        })
    }
}

impl Sheet<'_> {
    /// The rows below the header that are not blank.
    fn rows(&self) -> impl Iterator<Item = &Row> {
        self.table.rows[self.header + 1..]
            .iter()
            .filter(|r| !r.is_blank())
    }

    /// The trimmed text of `column` in `row`; empty when the sheet lacks the column.
    fn get<'r>(&self, row: &'r Row, column: &str) -> &'r str {
        self.columns
            .get(column)
            .and_then(|&i| row.cells.get(i))
            .map_or("", |c| c.trim())
    }

    fn error(&self, row: &Row, column: &str, message: String) -> SheetError {
        self.error_at(row.number, column, message)
    }

    fn error_at(&self, row: u32, column: &str, message: String) -> SheetError {
        SheetError {
            sheet: Some(self.table.name.clone()),
            row: Some(row),
            column: self.columns.get(column).copied(),
            ..SheetError::file(self.book.file, message)
        }
    }

    /// An error at the first row under the header, for a sheet with no rows.
    fn error_below_header(&self, column: &str, message: String) -> SheetError {
        self.error_at(self.table.rows[self.header].number + 1, column, message)
    }

    fn required<'r>(&self, row: &'r Row, column: &str) -> Result<&'r str, SheetError> {
        match self.get(row, column) {
            "" => Err(self.error(row, column, (self.book.t.required)(column))),
            value => Ok(value),
        }
    }

    fn integer<T: TryFrom<i64>>(&self, row: &Row, column: &str) -> Result<Option<T>, SheetError> {
        let value = self.get(row, column);
        if value.is_empty() {
            return Ok(None);
        }
        value
            .parse::<i64>()
            .ok()
            .and_then(|n| T::try_from(n).ok())
            .map(Some)
            .ok_or_else(|| self.error(row, column, (self.book.t.not_integer)(column, value)))
    }

    /// One of `choices` by its word in the sheet or its Rust name (`name`).
    fn choice<T: Copy>(
        &self,
        row: &Row,
        column: &str,
        value: &str,
        choices: &[(T, &str)],
        name: impl Fn(T) -> String,
    ) -> Result<T, SheetError> {
        choices
            .iter()
            .find(|(c, word)| *word == value || name(*c) == value)
            .map(|(c, _)| *c)
            .ok_or_else(|| {
                let expected: Vec<&str> = choices.iter().map(|(_, w)| *w).collect();
                self.error(
                    row,
                    column,
                    (self.book.t.unknown_value)(column, value, &expected.join(", ")),
                )
            })
    }

    fn mark(&self, row: &Row) -> Result<Mark, SheetError> {
        let t = self.book.t;
        let symbol = self.required(row, "記号")?.to_string();
        let key_text = self.required(row, "キー")?;
        let mut chars = key_text.chars();
        let (Some(key), None) = (chars.next(), chars.next()) else {
            return Err(self.error(row, "キー", (t.bad_key)(key_text)));
        };
        if keymap::is_bound(key) || key.is_control() {
            return Err(self.error(row, "キー", (t.bound_key)(key)));
        }
        let ascii = match self.get(row, "ASCII") {
            "" if symbol.is_ascii() => symbol.clone(),
            "" => {
                // Without an ASCII column, at the symbol that needs one.
                let has_column = self.columns.contains_key("ASCII");
                let column = if has_column { "ASCII" } else { "記号" };
                return Err(self.error(row, column, (t.not_ascii)(&symbol)));
            }
            ascii => ascii.to_string(),
        };
        let meaning = self.required(row, "意味")?;
        Ok(Mark {
            ascii,
            label: self.required(row, "名称")?.to_string(),
            key,
            meaning: self.choice(row, "意味", meaning, &MEANINGS, |m| format!("{m:?}"))?,
            severity: self.integer(row, "重大度")?,
            points: self.integer(row, "点数")?,
            asks: split_list(self.get(row, "入力欄")),
            note_required: !self.get(row, "メモ必須").trim().is_empty(),
            symbol,
        })
    }

    /// Refuses, at `column` of `row`, a condition naming a tag no department has: a
    /// misspelt tag would otherwise make what it governs silently not apply.
    fn known_tags<'c>(
        &self,
        row: &Row,
        column: &str,
        conditions: impl IntoIterator<Item = &'c Condition>,
        tags: &BTreeSet<&str>,
    ) -> Result<(), SheetError> {
        let mut used = Vec::new();
        conditions
            .into_iter()
            .for_each(|c| condition_tags(c, &mut used));
        match used.into_iter().find(|tag| !tags.contains(tag.as_str())) {
            Some(tag) => {
                let expected: Vec<&str> = tags.iter().copied().collect();
                let message = (self.book.t.unknown_tag)(&tag, &expected.join(", "));
                Err(self.error(row, column, message))
            }
            None => Ok(()),
        }
    }

    fn item(&self, row: &Row, tags: &BTreeSet<&str>) -> Result<Item, SheetError> {
        let t = self.book.t;
        let applies = parse_condition(self.get(row, "適用条件"))
            .map_err(|e| self.error(row, "適用条件", (t.bad_condition)(&e)))?;
        self.known_tags(row, "適用条件", [&applies], tags)?;
        Ok(Item {
            id: self.required(row, "項目ID")?.to_string(),
            text: self.required(row, "項目")?.to_string(),
            guidance: self.get(row, "ヒアリングの観点").to_string(),
            applies,
            departments: split_list(self.get(row, "対象部署")),
        })
    }
}

/// A condition cell: blank for every department, a bare tag name, or a condition
/// written as in a RON checklist (`Not(Answer("M-1", "いいえ"))`).
fn parse_condition(cell: &str) -> Result<Condition, String> {
    if cell.is_empty() {
        return Ok(Condition::Always);
    }
    if !cell.contains('(') && cell != "Always" {
        return Ok(Condition::Tag(cell.to_string()));
    }
    ron::from_str(cell).map_err(|e| e.to_string())
}

fn condition_tags(condition: &Condition, out: &mut Vec<String>) {
    match condition {
        Condition::Tag(tag) => out.push(tag.clone()),
        Condition::Any(all) | Condition::All(all) => {
            all.iter().for_each(|c| condition_tags(c, out))
        }
        Condition::Not(inner) => condition_tags(inner, out),
        Condition::Always | Condition::Answer(..) | Condition::AnswerMeans(..) => {}
    }
}
