//! Reading the spreadsheet layout: tables into a checklist, every problem located at
//! its cell.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use super::cells::{condition_tags, parse_condition};
use super::error::{SheetError, SheetProblem};
use super::layout::{
    ABOUT, ABOUT_APPLIES, ABOUT_BAND_UNIT, ABOUT_COLUMNS, ABOUT_FACTS, ABOUT_ID, ABOUT_LANGUAGE,
    ABOUT_ONLY, ABOUT_TITLE, BAND_COLUMNS, BAND_UNITS, BANDS, Columns, FIELD_COLUMNS, FIELDS,
    ITEM_COLUMNS, ITEMS, KINDS, MEANINGS, ROSTER, ROSTER_COLUMNS, Row, SCALE, SCALE_COLUMNS, Table,
    split_list,
};
use super::tables::{read_csv, read_workbook};
use crate::checklist::{
    Area, Band, BandUnit, Checklist, Condition, Department, FactDefaults, Field, Item, ItemPart,
    Mark, MarkPart, Place, Rule,
};
use crate::keymap;
use crate::language::Language;

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
    fn error(&self, file: &Path, place: &Place, rule: Rule) -> SheetError {
        let (sheet, rows, index, column) = match place {
            Place::Mark(n, part) => {
                let column = match part {
                    MarkPart::Symbol => "記号",
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
            problem: Box::new(SheetProblem::Rule(rule)),
        }
    }
}

/// A checklist from the spreadsheet `file` (a CSV of sections when its name ends in
/// .csv), checked by every rule a checklist file is held to, with where each part came
/// from.
pub fn read(file: &Path) -> Result<(Checklist, Origins), SheetError> {
    let is_csv = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let tables = if is_csv {
        read_csv(file)?
    } else {
        read_workbook(file)?
    };
    let book = Book {
        file,
        tables: &tables,
    };
    let mut origins = Origins::default();
    let checklist = book.checklist(&mut origins)?;
    checklist
        .check()
        .map_err(|p| origins.error(file, &p.place, p.rule))?;
    Ok((checklist, origins))
}

struct Book<'a> {
    file: &'a Path,
    tables: &'a [Table],
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
                ..SheetError::file(self.file, SheetProblem::MissingSheet(name.to_string()))
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
                    let headers: Vec<String> = cells
                        .iter()
                        .map(|c| c.trim())
                        .filter(|c| !c.is_empty())
                        .map(str::to_string)
                        .collect();
                    let problem = SheetProblem::MissingColumn {
                        column: column.to_string(),
                        headers,
                    };
                    return Err(SheetError {
                        sheet: Some(name.to_string()),
                        row: Some(table.rows[header].number),
                        column: Some(cells.len()),
                        ..SheetError::file(self.file, problem)
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
        let (id, title, language) = self.about()?;
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
        let band_unit = self.band_unit()?;
        let (applies, only) = self.audience()?;
        Ok(Checklist {
            format: crate::checklist::FORMAT,
            id,
            title,
            scale,
            areas,
            departments,
            bands,
            band_unit,
            fields,
            facts,
            language,
            applies,
            only,
        })
    }

    /// Which departments 概要 says the checklist is for beside a round's main one: the
    /// condition of 適用条件 (blank: all) and the names of 対象部署 (blank: any). Its
    /// tags are the round's roster's, not this checklist's, so they are not checked
    /// against its own 部署.
    fn audience(&self) -> Result<(Condition, Vec<String>), SheetError> {
        let Some(sheet) = self.sheet(ABOUT, ABOUT_COLUMNS, false)? else {
            return Ok((Condition::Always, Vec::new()));
        };
        let row = |key: &str| sheet.rows().find(|r| sheet.get(r, "項目") == key);
        let applies = match row(ABOUT_APPLIES) {
            Some(row) => parse_condition(sheet.get(row, "内容"))
                .map_err(|e| sheet.error(row, "内容", SheetProblem::BadCondition(e)))?,
            None => Condition::Always,
        };
        let only = row(ABOUT_ONLY).map_or_else(Vec::new, |r| split_list(sheet.get(r, "内容")));
        Ok((applies, only))
    }

    /// The report header's wording from 概要 (one RON cell), or none; its overrides'
    /// and systems' conditions name only the roster's tags, as items' do.
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
                .map_err(|e| sheet.error(row, "内容", SheetProblem::BadFacts(e.code)))?,
        };
        // The overrides' conditions and the 対象システム's both name tags.
        let systems = facts.systems.iter().map(|s| &s.applies);
        let conditions = facts.overrides.iter().map(|o| &o.applies).chain(systems);
        sheet.known_tags(row, "内容", conditions, tags)?;
        Ok(facts)
    }

    /// The id, title and documents' language 概要 gives, else the file's name and none.
    fn about(&self) -> Result<(String, String, Option<Language>), SheetError> {
        let stem = self
            .file
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let Some(sheet) = self.sheet(ABOUT, ABOUT_COLUMNS, false)? else {
            return Ok((stem.clone(), stem, None));
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
        let language = value(ABOUT_LANGUAGE).and_then(|v| match v.trim().to_lowercase().as_str() {
            "ja" | "日本語" => Some(Language::Ja),
            "en" | "英語" | "english" => Some(Language::En),
            _ => None,
        });
        Ok((id, title, language))
    }

    /// 概要's 得点区分の単位: 「%」 (or empty) for percent, 「点」 for points; another
    /// word is refused at its cell.
    fn band_unit(&self) -> Result<BandUnit, SheetError> {
        let Some(sheet) = self.sheet(ABOUT, ABOUT_COLUMNS, false)? else {
            return Ok(BandUnit::Percent);
        };
        let Some(row) = sheet
            .rows()
            .find(|r| sheet.get(r, "項目") == ABOUT_BAND_UNIT)
        else {
            return Ok(BandUnit::Percent);
        };
        match sheet.get(row, "内容").trim() {
            "" | "％" => Ok(BandUnit::Percent),
            value => sheet.choice(row, "内容", value, &BAND_UNITS, |u| format!("{u:?}")),
        }
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
        let mut scale: Vec<Mark> = Vec::new();
        for row in sheet.rows() {
            let mark = sheet.mark(row)?;
            if scale.iter().any(|m| m.symbol == mark.symbol) {
                return Err(sheet.error(row, "記号", duplicate("記号", &mark.symbol)));
            }
            let key = keymap::fold_width(mark.key);
            if scale.iter().any(|m| keymap::fold_width(m.key) == key) {
                return Err(sheet.error(row, "キー", duplicate("キー", &mark.key.to_string())));
            }
            scale.push(mark);
            origins.marks.push(row.number);
        }
        if scale.is_empty() {
            return Err(sheet.error_below_header("記号", SheetProblem::NoMarks));
        }
        Ok(scale)
    }

    fn roster(&self) -> Result<Vec<Department>, SheetError> {
        let Some(sheet) = self.sheet(ROSTER, ROSTER_COLUMNS, false)? else {
            return Ok(Vec::new());
        };
        let mut roster: Vec<Department> = Vec::new();
        for row in sheet.rows() {
            let name = sheet.required(row, "部署名")?.to_string();
            let short = match sheet.get(row, "略称") {
                "" => name.clone(),
                short => short.to_string(),
            };
            if roster.iter().any(|d| d.name == name) {
                return Err(sheet.error(row, "部署名", duplicate("部署名", &name)));
            }
            if roster.iter().any(|d| d.short == short) {
                return Err(sheet.error(row, "略称", duplicate("略称", &short)));
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
                return Err(sheet.error(row, "項目ID", duplicate("項目ID", &item.id)));
            }
            let title = sheet.get(row, "領域名");
            let seen = areas.iter().any(|a| a.id == area_id);
            match areas.last_mut() {
                Some(area) if area.id == area_id => {
                    if !title.is_empty() && title != area.title {
                        let problem = SheetProblem::AreaTitles {
                            area: area_id.to_string(),
                            first: area.title.clone(),
                            now: title.to_string(),
                        };
                        return Err(sheet.error(row, "領域名", problem));
                    }
                    area.items.push(item);
                }
                _ if seen => {
                    let problem = SheetProblem::AreaAgain(area_id.to_string());
                    return Err(sheet.error(row, "領域", problem));
                }
                _ if ids.contains(area_id) => {
                    return Err(sheet.error(row, "領域", duplicate("領域", area_id)));
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
            return Err(sheet.error_below_header("項目ID", SheetProblem::NoItems));
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
            ..SheetError::file(self.file, SheetProblem::MissingSheet(name.to_string()))
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

    fn error(&self, row: &Row, column: &str, problem: SheetProblem) -> SheetError {
        self.error_at(row.number, column, problem)
    }

    fn error_at(&self, row: u32, column: &str, problem: SheetProblem) -> SheetError {
        SheetError {
            sheet: Some(self.table.name.clone()),
            row: Some(row),
            column: self.columns.get(column).copied(),
            ..SheetError::file(self.book.file, problem)
        }
    }

    /// An error at the first row under the header, for a sheet with no rows.
    fn error_below_header(&self, column: &str, problem: SheetProblem) -> SheetError {
        self.error_at(self.table.rows[self.header].number + 1, column, problem)
    }

    fn required<'r>(&self, row: &'r Row, column: &str) -> Result<&'r str, SheetError> {
        match self.get(row, column) {
            "" => Err(self.error(row, column, SheetProblem::Required(column.to_string()))),
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
            .ok_or_else(|| {
                let problem = SheetProblem::NotInteger {
                    column: column.to_string(),
                    value: value.to_string(),
                };
                self.error(row, column, problem)
            })
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
                let problem = SheetProblem::UnknownValue {
                    column: column.to_string(),
                    value: value.to_string(),
                    expected: choices.iter().map(|(_, w)| w.to_string()).collect(),
                };
                self.error(row, column, problem)
            })
    }

    fn mark(&self, row: &Row) -> Result<Mark, SheetError> {
        let symbol = self.required(row, "記号")?.to_string();
        let key_text = self.required(row, "キー")?;
        let mut chars = key_text.chars();
        let (Some(key), None) = (chars.next(), chars.next()) else {
            return Err(self.error(row, "キー", SheetProblem::BadKey(key_text.to_string())));
        };
        if keymap::is_bound(key) || key.is_control() {
            return Err(self.error(row, "キー", SheetProblem::BoundKey(key)));
        }
        let ascii = match self.get(row, "ASCII") {
            "" if symbol.is_ascii() => symbol.clone(),
            "" => {
                // Without an ASCII column, at the symbol that needs one.
                let has_column = self.columns.contains_key("ASCII");
                let column = if has_column { "ASCII" } else { "記号" };
                return Err(self.error(row, column, SheetProblem::NotAscii(symbol)));
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
                let problem = SheetProblem::UnknownTag {
                    tag,
                    known: tags.iter().map(|t| t.to_string()).collect(),
                };
                Err(self.error(row, column, problem))
            }
            None => Ok(()),
        }
    }

    fn item(&self, row: &Row, tags: &BTreeSet<&str>) -> Result<Item, SheetError> {
        let applies = parse_condition(self.get(row, "適用条件"))
            .map_err(|e| self.error(row, "適用条件", SheetProblem::BadCondition(e)))?;
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

fn duplicate(column: &str, value: &str) -> SheetProblem {
    SheetProblem::Duplicate {
        column: column.to_string(),
        value: value.to_string(),
    }
}
