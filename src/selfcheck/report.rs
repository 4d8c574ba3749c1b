//! What the committee learns from the self-checks: per department how often the audit
//! agreed with the department's own view, each item where it did not (自己評価 ○ →
//! 監査 ×), and the departments that returned no sheet. Computed as data, then laid
//! out as Markdown, CSV, HTML or XLSX.

use std::fmt::Write as _;

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::layer::sheet_items;
use super::words::SelfcheckWords;
use crate::session::{Hearing, Session, qualified};

/// One department's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DepartmentCount {
    pub department: String,
    pub returned: bool,
    /// Items both marked alike, and differently.
    pub agree: usize,
    pub disagree: usize,
    /// Items on its sheet the department left without a mark.
    pub no_self: usize,
    /// Items the department marked that the audit has not yet.
    pub no_audit: usize,
}

/// An item where the audit's mark differs from the department's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub department: String,
    pub item: String,
    pub own: String,
    pub audit: String,
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Comparison {
    pub title: String,
    pub departments: Vec<DepartmentCount>,
    pub differences: Vec<Difference>,
    /// Short names of the departments that returned no sheet.
    pub missing: Vec<String>,
}

impl Comparison {
    /// The comparison over every checklist of the round: a department's figures count
    /// the items of each of its sheets, another checklist's items named by their
    /// qualified ids.
    pub fn of(session: &Session) -> Comparison {
        let mut comparison = Comparison {
            title: session.facts.title.clone(),
            ..Comparison::default()
        };
        // The main checklist's sheets ask its items only: the round itself serves.
        for hearing in &session.hearings {
            comparison.add(session, hearing, &|item| item.to_string());
        }
        for view in (1..=session.extra.len()).filter_map(|index| session.view(index)) {
            let name = |item: &str| qualified(&view.checklist.id, item);
            for hearing in &view.hearings {
                comparison.add(&view, hearing, &name);
            }
        }
        comparison
    }

    /// One department's sheet of the checklist `view` sees the round through.
    fn add(&mut self, view: &Session, hearing: &Hearing, name: &dyn Fn(&str) -> String) {
        let department = hearing.department.short.clone();
        let at = match self
            .departments
            .iter()
            .position(|d| d.department == department)
        {
            Some(at) => at,
            None => {
                self.departments.push(DepartmentCount {
                    department: department.clone(),
                    returned: hearing.selfcheck.is_some(),
                    agree: 0,
                    disagree: 0,
                    no_self: 0,
                    no_audit: 0,
                });
                if hearing.selfcheck.is_none() {
                    self.missing.push(department.clone());
                }
                self.departments.len() - 1
            }
        };
        let Some(selfcheck) = &hearing.selfcheck else {
            return;
        };
        let count = &mut self.departments[at];
        for item in sheet_items(view, hearing) {
            let own = selfcheck.answer(&item.id);
            match (own.and_then(|a| a.mark.as_deref()), hearing.mark(&item.id)) {
                (None, _) => count.no_self += 1,
                (Some(_), None) => count.no_audit += 1,
                (Some(own), Some(audit)) if own == audit => count.agree += 1,
                (Some(own_mark), Some(audit)) => {
                    count.disagree += 1;
                    self.differences.push(Difference {
                        department: department.clone(),
                        item: name(&item.id),
                        own: own_mark.to_string(),
                        audit: audit.to_string(),
                        comment: own.map_or(String::new(), |a| a.comment.clone()),
                    });
                }
            }
        }
    }

    /// The report's tables: heading, header and rows of each.
    fn tables(&self, w: &SelfcheckWords) -> Vec<(String, Vec<String>, Vec<Vec<String>>)> {
        let counts = self
            .departments
            .iter()
            .map(|d| {
                let returned = if d.returned {
                    w.returned
                } else {
                    w.not_returned
                };
                let figures = [d.agree, d.disagree, d.no_self, d.no_audit].map(|n| n.to_string());
                let mut row = vec![d.department.clone(), returned.to_string()];
                row.extend(figures);
                row
            })
            .collect();
        let differences = self
            .differences
            .iter()
            .map(|d| {
                vec![
                    d.department.clone(),
                    d.item.clone(),
                    (w.own_to_audit)(&d.own, &d.audit),
                    d.comment.clone(),
                ]
            })
            .collect();
        let missing = self.missing.iter().map(|m| vec![m.clone()]).collect();
        let header = |names: &[&str]| names.iter().map(|s| s.to_string()).collect();
        vec![
            (w.counts_heading.into(), header(&w.counts_header), counts),
            (
                w.differences_heading.into(),
                header(&w.differences_header),
                differences,
            ),
            (w.missing_heading.into(), header(&[w.department]), missing),
        ]
    }

    pub fn markdown(&self, w: &SelfcheckWords) -> String {
        let cell = |s: &str| s.replace('|', "\\|").replace('\n', "<br>");
        let mut out = format!("# {}\n", (w.report_title)(&self.title));
        for (heading, header, rows) in self.tables(w) {
            let _ = write!(out, "\n## {heading}\n\n");
            if rows.is_empty() {
                let _ = writeln!(out, "{}", w.none);
                continue;
            }
            let _ = writeln!(out, "| {} |", header.join(" | "));
            let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
            for row in rows {
                let row: Vec<String> = row.iter().map(|c| cell(c)).collect();
                let _ = writeln!(out, "| {} |", row.join(" | "));
            }
        }
        out
    }

    /// CSV with a BOM (Excel in Japan needs it): one section per table, each starting
    /// with a row naming it, then its header and rows.
    pub fn csv(&self, w: &SelfcheckWords) -> Result<String, csv::Error> {
        let mut writer = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(Vec::new());
        for (heading, header, rows) in self.tables(w) {
            writer.write_record([format!("[{heading}]")])?;
            writer.write_record(&header)?;
            for row in rows {
                writer.write_record(&row)?;
            }
        }
        let bytes = writer.into_inner().map_err(|e| e.into_error())?;
        Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
    }

    pub fn html(&self, w: &SelfcheckWords) -> String {
        let title = escape(&(w.report_title)(&self.title));
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head><meta charset=\"utf-8\"><title>{title}</title>\
             <style>table{{border-collapse:collapse}}td,th{{border:1px solid #888;padding:2px 6px}}</style>\
             </head>\n<body>\n<h1>{title}</h1>\n",
            w.tag
        );
        for (heading, header, rows) in self.tables(w) {
            let _ = writeln!(out, "<h2>{}</h2>", escape(&heading));
            if rows.is_empty() {
                let _ = writeln!(out, "<p>{}</p>", escape(w.none));
                continue;
            }
            out.push_str("<table>\n<tr>");
            for name in &header {
                let _ = write!(out, "<th>{}</th>", escape(name));
            }
            out.push_str("</tr>\n");
            for row in rows {
                out.push_str("<tr>");
                for cell in &row {
                    let _ = write!(out, "<td>{}</td>", escape(cell));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</table>\n");
        }
        out.push_str("</body>\n</html>\n");
        out
    }

    pub fn xlsx(&self, w: &SelfcheckWords) -> Result<Vec<u8>, XlsxError> {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name(w.report_sheet)?;
        let bold = Format::new().set_bold();
        sheet.write_string_with_format(0, 0, (w.report_title)(&self.title), &bold)?;
        for (c, width) in [14, 12, 30, 50].into_iter().enumerate() {
            sheet.set_column_width(c as u16, width)?;
        }
        let mut r = 2;
        for (heading, header, rows) in self.tables(w) {
            sheet.write_string_with_format(r, 0, heading, &bold)?;
            r += 1;
            for (c, name) in header.iter().enumerate() {
                sheet.write_string_with_format(r, c as u16, name, &bold)?;
            }
            r += 1;
            for row in rows {
                for (c, cell) in row.iter().enumerate() {
                    match cell.parse::<f64>() {
                        Ok(n) if c >= 2 && header.len() > 4 => {
                            sheet.write_number(r, c as u16, n)?
                        }
                        _ => sheet.write_string(r, c as u16, cell)?,
                    };
                }
                r += 1;
            }
            r += 1;
        }
        workbook.save_to_buffer()
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\n', "<br>")
}
