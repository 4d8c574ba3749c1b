//! Reports as one self-contained HTML page: the styles inline and no external
//! resource (no fonts, scripts or images to fetch), so the file can be mailed,
//! opened offline and printed on A4 from any browser. Sections start on a new page.

use std::fmt::Write;

use super::words::ReportWords;
use crate::results::Count;

use super::html_marks::mark_class;
pub(crate) use super::html_page::escape;
use super::html_page::{lines, page};
use super::lines::{count_figures, count_labels, department_list, improvements, title};
use super::model::{Departments, Heading, Matrix, Summary};
use super::outline::Block;

/// The 結果一覧: the table (area rows between items, the 備考 row at the foot) and
/// the legend; then, on a page of its own, the count of each mark per department.
pub fn matrix(matrix: &Matrix, words: &ReportWords) -> String {
    page(
        &[&matrix.heading],
        words,
        words.matrix,
        true,
        &matrix_body(matrix, words),
    )
}

fn matrix_body(matrix: &Matrix, words: &ReportWords) -> String {
    let heading = &matrix.heading;
    let columns = 2 + heading.departments.len();
    let mut body = format!(
        "<section class=\"matrix\">\n<table class=\"matrix\">\n<thead><tr{}>",
        if short_names_fit(heading) {
            " class=\"nowrap\""
        } else {
            ""
        }
    );
    let _ = write!(
        body,
        "<th>{}</th><th>{}</th>",
        escape(words.item_id),
        escape(words.item_text)
    );
    for department in &heading.departments {
        let _ = write!(body, "<th>{}</th>", escape(&department.short));
    }
    body.push_str("</tr></thead>\n");
    for (a, area) in matrix.areas.iter().enumerate() {
        let name = escape(&(words.area_heading)(&area.id, &area.title));
        let _ = writeln!(
            body,
            "<tbody>\n<tr class=\"area\"><th colspan=\"{columns}\">{name}</th></tr>"
        );
        for row in &area.rows {
            let _ = write!(
                body,
                "<tr><td class=\"id\">{}</td><td>{}</td>",
                escape(&row.id),
                escape(&row.text)
            );
            for (d, cell) in row.cells.iter().enumerate() {
                let mark = heading.mark(*cell);
                let mut symbol = mark.map_or(String::new(), |m| escape(&m.symbol));
                let files = row.evidence.get(d).copied().unwrap_or(0);
                if files > 0 {
                    let title = escape(&(words.evidence_cell)(files));
                    let _ = write!(
                        symbol,
                        "<sup class=\"evidence\" title=\"{title}\">📎{files}</sup>"
                    );
                }
                let _ = write!(body, "<td class=\"{}\">{symbol}</td>", mark_class(mark));
            }
            body.push_str("</tr>\n");
        }
        // The 備考 closes its area's table, as the seed's closes 特定個人情報.
        if heading.remarks_after(&area.id, a + 1 == matrix.areas.len()) {
            remark_row(&mut body, heading, words);
        }
        body.push_str("</tbody>\n");
    }
    body.push_str("</table>\n");
    legend(&mut body, heading, words);
    body.push_str("</section>\n<section class=\"counts\">\n");
    let _ = writeln!(body, "<h2>{}</h2>", escape(words.counts_by_department));
    let rows: Vec<(String, &Count)> = heading
        .departments
        .iter()
        .zip(&matrix.counts)
        .map(|(d, c)| (d.short.clone(), c))
        .collect();
    counts_table(&mut body, heading, words, words.department, &rows);
    scores_table(&mut body, heading, words);
    body.push_str("</section>\n");
    body
}

/// On a scale with points, each department's 点数 and 区分 (a column each), then the
/// round's average; nothing otherwise.
fn scores_table(body: &mut String, heading: &Heading, words: &ReportWords) {
    let rows = super::lines::score_rows(heading, words);
    if rows.is_empty() {
        return;
    }
    let _ = write!(
        body,
        "<table class=\"counts scores\">\n<thead><tr><th>{}</th>",
        escape(words.department)
    );
    for (label, _) in &rows {
        let _ = write!(body, "<th>{}</th>", escape(label));
    }
    body.push_str("</tr></thead>\n<tbody>\n");
    for (d, department) in heading.departments.iter().enumerate() {
        let _ = write!(body, "<tr><th>{}</th>", escape(&department.short));
        for (_, cells) in &rows {
            let cell = cells.get(d).map_or("", String::as_str);
            let _ = write!(body, "<td>{}</td>", escape(cell));
        }
        body.push_str("</tr>\n");
    }
    body.push_str("</tbody>\n</table>\n");
    if let Some(line) = super::lines::average_line(heading, words) {
        let _ = writeln!(body, "<p class=\"average\">{}</p>", escape(&line));
    }
}

/// The departments' 備考 as a row of the matrix, under its label.
fn remark_row(body: &mut String, heading: &Heading, words: &ReportWords) {
    let label = escape(super::lines::remark_label(heading, words));
    let _ = write!(body, "<tr class=\"remark\"><td></td><th>{label}</th>");
    for department in &heading.departments {
        let remark = escape(&department.remark);
        let _ = write!(body, "<td class=\"remark\">{remark}</td>");
    }
    body.push_str("</tr>\n");
}

/// True when every department's short name fits on one line of the matrix's header on
/// a landscape A4 page (about 73 em of 10.5 pt type), leaving the item's text 20 em and
/// its id 5: a name broken over two lines (福祉総 / 務) is hard to read, a table wider
/// than the paper is cut off.
fn short_names_fit(heading: &Heading) -> bool {
    use unicode_width::UnicodeWidthStr;
    let ems: f64 = heading
        .departments
        .iter()
        .map(|d| d.short.width() as f64 / 2.0 + 1.0)
        .sum();
    ems <= 48.0
}

/// The legend under the table, each mark on its fill, as the seed writes it.
fn legend(body: &mut String, heading: &Heading, words: &ReportWords) {
    body.push_str("<p class=\"legend\">");
    for entry in &heading.legend {
        let text = (words.legend_entry)(&entry.symbol, &entry.label);
        let _ = write!(
            body,
            "<span class=\"{}\">{}</span>",
            mark_class(Some(entry)),
            escape(&text)
        );
    }
    body.push_str("</p>\n");
}

/// A table with a row per name and a column per mark and 未回答.
fn counts_table(
    body: &mut String,
    heading: &Heading,
    words: &ReportWords,
    first: &str,
    rows: &[(String, &Count)],
) {
    let _ = write!(
        body,
        "<table class=\"counts\">\n<thead><tr><th>{}</th>",
        escape(first)
    );
    for label in count_labels(heading, words) {
        let _ = write!(body, "<th>{}</th>", escape(&label));
    }
    body.push_str("</tr></thead>\n<tbody>\n");
    for (name, count) in rows {
        let _ = write!(body, "<tr><th>{}</th>", escape(name));
        for n in count_figures(count) {
            let _ = write!(body, "<td class=\"number\">{n}</td>");
        }
        body.push_str("</tr>\n");
    }
    body.push_str("</tbody>\n</table>\n");
}

/// The 実施報告書: a table per area; then, on a page of its own, the 総評 figures.
pub fn summary(summary: &Summary, words: &ReportWords) -> String {
    let body = summary_body(summary, words);
    page(
        &summary_headings(summary),
        words,
        words.summary,
        false,
        &body,
    )
}

/// The headings whose scales the 実施報告書 shows: its own, then each checklist's.
fn summary_headings(summary: &Summary) -> Vec<&Heading> {
    let parts = summary.parts.iter().map(|p| &p.heading);
    std::iter::once(&summary.heading).chain(parts).collect()
}

fn summary_body(summary: &Summary, words: &ReportWords) -> String {
    let mut body = String::from("<section class=\"summary\">\n");
    outline(&mut body, summary, words);
    // A round of several checklists: a part per checklist, under its name.
    for (n, part) in super::sections::parts(summary).into_iter().enumerate() {
        let (heading, areas) = (part.heading, part.areas);
        if let Some(title) = part.title {
            let title = escape(&(words.checklist_section)(title));
            let _ = writeln!(body, "<h2 class=\"checklist\"{}>{title}</h2>", after(n));
        }
        // On a graded scale the 改善が必要な課 take their level's fill: the legend says which.
        if heading.legend.iter().any(|e| e.rank.is_some()) {
            legend(&mut body, heading, words);
        }
        summary_tables(&mut body, heading, areas, words);
    }
    body.push_str("</section>\n");
    overview(&mut body, summary, words);
    body
}

/// The 実施報告書's table per area of one checklist.
fn summary_tables(
    body: &mut String,
    heading: &Heading,
    areas: &[super::model::Area<super::model::SummaryRow>],
    words: &ReportWords,
) {
    for area in areas {
        let name = escape(&(words.area_heading)(&area.id, &area.title));
        let _ = writeln!(body, "<h3>{name}</h3>\n<table class=\"summary\">");
        body.push_str("<colgroup><col style=\"width:7%\"><col style=\"width:31%\"><col style=\"width:24%\"><col style=\"width:14%\"><col style=\"width:24%\"></colgroup>\n<thead><tr>");
        for header in [
            words.item_id,
            words.audit_item,
            words.complying,
            words.needing,
            words.improvements,
        ] {
            let _ = write!(body, "<th>{}</th>", escape(header));
        }
        body.push_str("</tr></thead>\n<tbody>\n");
        for row in &area.rows {
            let _ = writeln!(
                body,
                "<tr><td class=\"id\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&row.id),
                escape(&row.text),
                escape(&department_list(&row.complying, words)),
                needing_cell(row, heading, words),
                lines(&improvements(row, words).join("\n")),
            );
        }
        body.push_str("</tbody>\n</table>\n");
    }
}

/// The 総評 figures: marks per department, per area, and who must improve what.
fn overview(body: &mut String, summary: &Summary, words: &ReportWords) {
    let _ = writeln!(
        body,
        "<section class=\"overview\">\n<h2>{}</h2>",
        escape(words.overview)
    );
    // A round of several checklists: each one's figures under its name, their
    // captions a level down.
    for (n, part) in super::sections::parts(summary).into_iter().enumerate() {
        let level = match part.title {
            Some(title) => {
                let title = escape(&(words.checklist_section)(title));
                let _ = writeln!(body, "<h3 class=\"checklist\"{}>{title}</h3>", after(n));
                "h4"
            }
            None => "h3",
        };
        figures(body, part.heading, part.overview, level, words);
        let scores = super::sections::part_scores(n, &part, words);
        if !scores.is_empty() {
            let caption = escape(words.score_words.section);
            let _ = writeln!(body, "<{level}>{caption}</{level}>\n<ul>");
            for line in scores {
                let _ = writeln!(body, "<li>{}</li>", escape(&line));
            }
            body.push_str("</ul>\n");
        }
    }
    body.push_str("</section>\n");
}

/// The style of the heading of the `n`th checklist's part: each after the first starts
/// a page of its own.
fn after(n: usize) -> &'static str {
    match n {
        0 => "",
        _ => " style=\"break-before: page\"",
    }
}

/// One checklist's figures for the 総評, their captions as `level` headings (an `h4`
/// kept with its table: the style sheet keeps only `h2` and `h3` so).
fn figures(
    body: &mut String,
    heading: &Heading,
    overview: &super::model::Overview,
    level: &str,
    words: &ReportWords,
) {
    let total = (words.total.to_string(), &overview.total);
    let keep = match level {
        "h4" => " style=\"break-after: avoid\"",
        _ => "",
    };
    let caption = |body: &mut String, text: &str| {
        let _ = writeln!(body, "<{level}{keep}>{}</{level}>", escape(text));
    };
    let mut per_department: Vec<(String, &Count)> = overview
        .per_department
        .iter()
        .map(|d| (d.name.clone(), &d.count))
        .collect();
    per_department.push(total.clone());
    caption(body, words.counts_by_department);
    counts_table(body, heading, words, words.department, &per_department);
    let mut per_area: Vec<(String, &Count)> = overview
        .per_area
        .iter()
        .map(|(id, title, count)| ((words.area_heading)(id, title), count))
        .collect();
    per_area.push(total);
    caption(body, words.counts_by_area);
    counts_table(body, heading, words, words.area, &per_area);
    caption(body, words.needing_departments);
    if overview.needing.is_empty() {
        let _ = writeln!(body, "<p>{}</p>", escape(words.none));
    } else {
        body.push_str("<ul>\n");
        for needing in &overview.needing {
            let line = super::lines::needing_items(needing, heading, words);
            let _ = writeln!(body, "<li>{}</li>", escape(&line));
        }
        body.push_str("</ul>\n");
    }
}

/// The 改善が必要な課 of an item: on a graded scale each department on the fill of its
/// mark's level, named with its label, worst first; else the names as one text.
fn needing_cell(row: &super::model::SummaryRow, heading: &Heading, words: &ReportWords) -> String {
    let names = super::lines::graded(&row.needing, &row.needing_marks, heading, words);
    if names.iter().all(|(_, entry)| entry.is_none()) {
        return escape(&super::lines::needing_list(row, heading, words));
    }
    let spans: Vec<String> = (names.iter())
        .map(|(name, entry)| {
            let class = mark_class(*entry);
            format!("<span class=\"{class}\">{}</span>", escape(name))
        })
        .collect();
    spans.join(&escape(words.list_separator))
}

/// A facts table: number, label, value.
fn facts_table(body: &mut String, facts: &[(String, String)]) {
    body.push_str("<table class=\"facts\">\n<tbody>\n");
    for (i, (label, value)) in facts.iter().enumerate() {
        let _ = writeln!(
            body,
            "<tr><td class=\"number\">{}</td><th>{}</th><td>{}</td></tr>",
            i + 1,
            escape(label),
            lines(value)
        );
    }
    body.push_str("</tbody>\n</table>\n");
}

/// The 監査概要, the 総評 and the line to the 結果一覧, above the tables of the
/// 実施報告書: parts as `h2`, their sections as `h3`.
fn outline(body: &mut String, summary: &Summary, words: &ReportWords) {
    body.push_str("<div class=\"outline\">\n");
    for block in super::outline::blocks(summary, words) {
        let _ = match block {
            Block::Part(text) => writeln!(body, "<h2>{}</h2>", escape(&text)),
            Block::Section(text) => writeln!(body, "<h3>{}</h3>", escape(&text)),
            Block::Label(text) => writeln!(body, "<p class=\"label\">{}</p>", escape(&text)),
            Block::Text(text) => {
                for paragraph in super::outline::paragraphs(&text) {
                    let _ = writeln!(body, "<p>{}</p>", escape(paragraph));
                }
                Ok(())
            }
            Block::List(items) => {
                body.push_str("<ul>\n");
                for item in items {
                    let _ = writeln!(body, "<li>{}</li>", escape(&item));
                }
                writeln!(body, "</ul>")
            }
        };
    }
    body.push_str("</div>\n");
}

/// Every department's 結果報告書, each on pages of its own.
pub fn departments(departments: &Departments, words: &ReportWords) -> String {
    let body = departments_body(departments, words);
    page(
        &[&departments.heading],
        words,
        words.departments,
        false,
        &body,
    )
}

/// Each department's report is laid out as a table whose header is the department's
/// heading: browsers print a table's header on every page the table runs onto, so a
/// report longer than a page names its department on each; an area (a row) is never
/// split from its heading.
fn departments_body(departments: &Departments, words: &ReportWords) -> String {
    let mut body = String::new();
    for report in &departments.reports {
        let _ = writeln!(
            body,
            "<section class=\"department\">\n<table class=\"report\">\n\
             <thead><tr><th><h2>{}</h2></th></tr></thead>\n<tbody>\n<tr><td>",
            escape(&(words.department_report)(&report.name))
        );
        if let Some(line) = super::lines::report_date_line(departments, words) {
            let _ = writeln!(body, "<p class=\"date\">{}</p>", escape(&line));
        }
        facts_table(&mut body, &super::lines::fact_rows(report, words));
        body.push_str("</td></tr>\n");
        report_areas(&mut body, &report.areas, words, "");
        // Another checklist's heading is in the row of its first area, so that a page
        // never ends with it; a section with nothing to report says so.
        for (title, areas) in &report.others {
            let title = escape(&(words.checklist_section)(title));
            let title = format!("<h3 class=\"checklist\">{title}</h3>\n");
            if areas.is_empty() {
                let line = escape(&super::lines::nothing_found(words));
                let _ = writeln!(
                    body,
                    "<tr><td>\n{title}<p class=\"findings\">{line}</p>\n</td></tr>"
                );
            }
            report_areas(&mut body, areas, words, &title);
        }
        body.push_str("</tbody>\n</table>\n</section>\n");
    }
    body
}

/// The areas of a 結果報告書, a row each: its 所見, evidence and 指摘事項; `first`
/// (markup) opens the first area's row.
fn report_areas(
    body: &mut String,
    areas: &[super::model::AreaReport],
    words: &ReportWords,
    first: &str,
) {
    for (n, area) in areas.iter().enumerate() {
        let _ = writeln!(
            body,
            "<tr><td>\n{}<h3 class=\"area\">{}</h3>",
            if n == 0 { first } else { "" },
            escape(&(words.about_area)(&area.title))
        );
        if !area.observation.is_empty() {
            let _ = writeln!(body, "<p>{}</p>", lines(&area.observation));
        }
        for line in super::lines::evidence_lines(area, words) {
            let _ = writeln!(body, "<p class=\"evidence\">{}</p>", escape(&line));
        }
        let _ = writeln!(
            body,
            "<p class=\"findings\">{}</p>\n</td></tr>",
            escape(&super::lines::findings_line(area, words))
        );
    }
}

/// Every report in one page: the 結果一覧 of each checklist (`matrices`, each named;
/// on landscape pages), each department's 結果報告書, and the 実施報告書, each
/// starting on a new page.
pub fn all(
    matrices: &[(String, Matrix)],
    departments: &Departments,
    summary: &Summary,
    words: &ReportWords,
) -> String {
    let heading = &departments.heading;
    let mut reports: Vec<(&str, bool, String)> = (matrices.iter())
        .map(|(name, matrix)| (name.as_str(), true, matrix_body(matrix, words)))
        .collect();
    reports.push((
        words.departments,
        false,
        departments_body(departments, words),
    ));
    reports.push((words.summary, false, summary_body(summary, words)));
    let body: String = (reports.iter())
        .map(|(report, landscape, body)| {
            let name = escape(&title(heading, words, report));
            // The matrices' pages are landscape, their headings' (and the document's) too.
            let class = if *landscape {
                "report landscape"
            } else {
                "report"
            };
            format!("<div class=\"{class}\">\n<h1 class=\"report\">{name}</h1>\n{body}</div>\n")
        })
        .collect();
    let mut headings = summary_headings(summary);
    headings.extend(matrices.iter().skip(1).map(|(_, m)| &m.heading));
    page(&headings, words, words.all, false, &body)
}
