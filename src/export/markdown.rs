//! Reports as Markdown: one table per area, as the seed's 結果一覧 and 実施報告書 lay
//! them out, readable as plain text and convertible by any Markdown tool.

use std::fmt::Write;

use super::words::ReportWords;

use super::lines::{count_figures, count_labels, date_line, department_list, improvements, title};
use super::model::{Departments, Heading, Matrix, Summary};
use super::outline::Block;

#[derive(Clone, Copy)]
enum Align {
    Left,
    Center,
    Right,
}

/// A pipe table; cells are escaped here, so callers pass plain text.
fn table(out: &mut String, header: &[String], align: &[Align], rows: &[Vec<String>]) {
    let line = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| escape(c)).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    out.push_str(&line(header));
    let rule: Vec<&str> = (0..header.len())
        .map(|i| match align.get(i).copied().unwrap_or(Align::Left) {
            Align::Left => "---",
            Align::Center => ":-:",
            Align::Right => "--:",
        })
        .collect();
    out.push_str(&format!("| {} |\n", rule.join(" | ")));
    for row in rows {
        out.push_str(&line(row));
    }
    out.push('\n');
}

/// Text safe inside a table cell: pipes and backslashes escaped, `<` written as an
/// entity so a note cannot become markup, line breaks as `<br>`.
fn escape(text: &str) -> String {
    text.trim()
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace("\r\n", "\n")
        .replace('\n', "<br>")
}

/// The 結果一覧: a table per area (項番, 監査内容, a column per department), the legend,
/// the 備考 of the departments, and the count of each mark per department.
pub fn matrix(matrix: &Matrix, words: &ReportWords) -> String {
    matrix_named(matrix, words, words.matrix)
}

/// The 結果一覧 under the name `report` (one checklist's of a round of several).
pub fn matrix_named(matrix: &Matrix, words: &ReportWords, report: &str) -> String {
    let heading = &matrix.heading;
    let mut out = head(heading, words, report);
    let shorts: Vec<String> = heading
        .departments
        .iter()
        .map(|d| d.short.clone())
        .collect();
    let mut header = vec![words.item_id.to_string(), words.item_text.to_string()];
    header.extend(shorts.iter().cloned());
    let mut align = vec![Align::Left, Align::Left];
    align.extend(shorts.iter().map(|_| Align::Center));
    for (a, area) in matrix.areas.iter().enumerate() {
        let _ = write!(
            out,
            "## {}\n\n",
            (words.area_heading)(&area.id, &area.title)
        );
        let mut rows: Vec<Vec<String>> = area
            .rows
            .iter()
            .map(|row| {
                let marks = row
                    .cells
                    .iter()
                    .map(|c| heading.mark(*c).map_or(String::new(), |m| m.symbol.clone()));
                [row.id.clone(), row.text.clone()]
                    .into_iter()
                    .chain(marks)
                    .collect()
            })
            .collect();
        // The 備考 closes its area's table, as the seed's closes 特定個人情報.
        if heading.remarks_after(&area.id, a + 1 == matrix.areas.len()) {
            let label = super::lines::remark_label(heading, words).to_string();
            let remarks = heading.departments.iter().map(|d| d.remark.clone());
            rows.push([String::new(), label].into_iter().chain(remarks).collect());
        }
        table(&mut out, &header, &align, &rows);
    }
    let _ = write!(out, "{}\n\n", super::lines::legend_line(heading, words));
    let _ = write!(out, "## {}\n\n", words.counts_by_department);
    let mut header = vec![String::new()];
    header.extend(shorts.iter().cloned());
    let mut align = vec![Align::Left];
    align.extend(shorts.iter().map(|_| Align::Right));
    let figures: Vec<Vec<usize>> = matrix.counts.iter().map(count_figures).collect();
    let mut rows: Vec<Vec<String>> = count_labels(heading, words)
        .into_iter()
        .enumerate()
        .map(|(i, label)| {
            let counts = figures.iter().map(|f| f.get(i).copied().unwrap_or(0));
            std::iter::once(label)
                .chain(counts.map(|n| n.to_string()))
                .collect()
        })
        .collect();
    // On a scale with points: a 点数 row and a 区分 row, then the average below.
    let scores = super::lines::score_rows(heading, words).into_iter();
    rows.extend(scores.map(|(label, cells)| std::iter::once(label).chain(cells).collect()));
    table(&mut out, &header, &align, &rows);
    if let Some(line) = super::lines::average_line(heading, words) {
        let _ = write!(out, "{}\n\n", escape(&line));
    }
    foot(&mut out, heading, words);
    out
}

/// The 実施報告書: a table per area (項番, 監査項目, the departments complying and
/// needing improvement, 改善内容等), then the figures for the 総評.
pub fn summary(summary: &Summary, words: &ReportWords) -> String {
    let heading = &summary.heading;
    let mut out = head(heading, words, words.summary);
    let header = [
        words.item_id,
        words.audit_item,
        words.complying,
        words.needing,
        words.improvements,
    ]
    .map(String::from);
    outline(&mut out, summary, words);
    // A round of several checklists: a part per checklist, under its name.
    for super::sections::Rows {
        title: checklist,
        heading,
        areas,
        ..
    } in super::sections::parts(summary)
    {
        if let Some(title) = checklist {
            let _ = write!(out, "## {}\n\n", (words.checklist_section)(title));
        }
        for area in areas {
            let _ = write!(
                out,
                "### {}\n\n",
                (words.area_heading)(&area.id, &area.title)
            );
            let rows: Vec<Vec<String>> = area
                .rows
                .iter()
                .map(|row| {
                    vec![
                        row.id.clone(),
                        row.text.clone(),
                        department_list(&row.complying, words),
                        super::lines::needing_list(row, heading, words),
                        improvements(row, words).join("\n"),
                    ]
                })
                .collect();
            table(&mut out, &header, &[], &rows);
        }
    }
    overview(&mut out, summary, words);
    foot(&mut out, heading, words);
    out
}

/// The 総評 figures: marks per department and per area, and who must improve what.
/// In a round of several checklists, the figures of each checklist under its name,
/// their captions a level down.
fn overview(out: &mut String, summary: &Summary, words: &ReportWords) {
    let _ = write!(out, "## {}\n\n", words.overview);
    for (n, part) in super::sections::parts(summary).into_iter().enumerate() {
        let level = match part.title {
            Some(title) => {
                let _ = write!(out, "### {}\n\n", (words.checklist_section)(title));
                "####"
            }
            None => "###",
        };
        figures(out, part.heading, part.overview, level, words);
        let scores = super::sections::part_scores(n, &part, words);
        if !scores.is_empty() {
            let _ = write!(out, "{level} {}\n\n", words.score_words.section);
            for line in scores {
                let _ = writeln!(out, "- {line}");
            }
            out.push('\n');
        }
    }
}

/// One checklist's figures for the 総評, their captions at `level`.
fn figures(
    out: &mut String,
    heading: &Heading,
    overview: &super::model::Overview,
    level: &str,
    words: &ReportWords,
) {
    let labels = count_labels(heading, words);
    let align: Vec<Align> = std::iter::once(Align::Left)
        .chain(labels.iter().map(|_| Align::Right))
        .collect();
    let counts_row = |label: String, count: &crate::results::Count| -> Vec<String> {
        std::iter::once(label)
            .chain(count_figures(count).iter().map(usize::to_string))
            .collect()
    };
    for (caption, first, rows) in [
        (
            words.counts_by_department,
            words.department,
            overview
                .per_department
                .iter()
                .map(|d| counts_row(d.name.clone(), &d.count))
                .collect::<Vec<_>>(),
        ),
        (
            words.counts_by_area,
            words.area,
            overview
                .per_area
                .iter()
                .map(|(id, title, count)| counts_row((words.area_heading)(id, title), count))
                .collect(),
        ),
    ] {
        let _ = write!(out, "{level} {caption}\n\n");
        let mut header = vec![first.to_string()];
        header.extend(labels.iter().cloned());
        let mut rows = rows;
        rows.push(counts_row(words.total.to_string(), &overview.total));
        table(out, &header, &align, &rows);
    }
    let _ = write!(out, "{level} {}\n\n", words.needing_departments);
    if overview.needing.is_empty() {
        let _ = write!(out, "{}\n\n", words.none);
    }
    for needing in &overview.needing {
        let _ = writeln!(
            out,
            "- {}",
            super::lines::needing_items(needing, heading, words)
        );
    }
    if !overview.needing.is_empty() {
        out.push('\n');
    }
}

/// The title, the date and, for an unsigned session, the draft warning.
fn head(heading: &Heading, words: &ReportWords, report: &str) -> String {
    let mut out = format!(
        "# {}\n\n{}\n\n",
        title(heading, words, report),
        date_line(heading, words)
    );
    if super::lines::is_draft(heading) {
        let _ = write!(
            out,
            "> **{}**\n\n",
            super::lines::stamp_line(heading, words)
        );
    }
    out
}

/// A signed session's signer, time and digest under a rule; nothing for a draft,
/// which says so at the top.
fn foot(out: &mut String, heading: &Heading, words: &ReportWords) {
    if !super::lines::is_draft(heading) {
        let _ = write!(out, "---\n\n{}\n", super::lines::stamp_line(heading, words));
    }
}

/// The 監査概要, the 総評 and the line to the 結果一覧, above the tables: parts as
/// `##`, their sections as `###`.
fn outline(out: &mut String, summary: &Summary, words: &ReportWords) {
    for block in super::outline::blocks(summary, words) {
        let _ = match block {
            Block::Part(text) => write!(out, "## {text}\n\n"),
            Block::Section(text) => write!(out, "### {text}\n\n"),
            Block::Label(text) => write!(out, "**{text}**\n\n"),
            Block::Text(text) => write!(out, "{}\n\n", paragraphs(&text)),
            Block::List(items) => {
                for item in items {
                    let _ = writeln!(out, "- {}", item.replace('<', "&lt;"));
                }
                writeln!(out)
            }
        };
    }
}

/// A facts table: number, label, value, as the seed's 結果報告書 header.
fn facts_table(out: &mut String, facts: &[(String, String)], words: &ReportWords) {
    let header = ["", words.entry, words.content].map(String::from);
    let rows: Vec<Vec<String>> = facts
        .iter()
        .enumerate()
        .map(|(i, (label, value))| vec![(i + 1).to_string(), label.clone(), value.clone()])
        .collect();
    table(out, &header, &[Align::Right], &rows);
}

/// Free text as Markdown paragraphs: each line its own, `<` kept as text.
fn paragraphs(text: &str) -> String {
    text.lines()
        .map(|l| l.trim().replace('<', "&lt;"))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Every department's 結果報告書: the header table, then per area its 所見 and
/// 指摘事項.
pub fn departments(departments: &Departments, words: &ReportWords) -> String {
    let heading = &departments.heading;
    let mut out = head(heading, words, words.departments);
    for report in &departments.reports {
        let _ = write!(out, "## {}\n\n", (words.department_report)(&report.name));
        if let Some(line) = super::lines::report_date_line(departments, words) {
            let _ = write!(out, "{line}\n\n");
        }
        facts_table(&mut out, &super::lines::fact_rows(report, words), words);
        report_areas(&mut out, &report.areas, words, "###");
        for (title, areas) in &report.others {
            let _ = write!(out, "### {}\n\n", (words.checklist_section)(title));
            if areas.is_empty() {
                let _ = write!(out, "{}\n\n", super::lines::nothing_found(words));
            }
            report_areas(&mut out, areas, words, "####");
        }
    }
    foot(&mut out, heading, words);
    out
}

/// The areas of a 結果報告書: each its 所見, evidence and 指摘事項, under a heading at
/// `level` (another checklist's a level below its section's).
fn report_areas(
    out: &mut String,
    areas: &[super::model::AreaReport],
    words: &ReportWords,
    level: &str,
) {
    for area in areas {
        let _ = write!(out, "{level} {}\n\n", (words.about_area)(&area.title));
        if !area.observation.is_empty() {
            let _ = write!(out, "{}\n\n", paragraphs(&area.observation));
        }
        for line in super::lines::evidence_lines(area, words) {
            let _ = writeln!(out, "- {line}");
        }
        if !area.evidence.is_empty() {
            out.push('\n');
        }
        let _ = write!(out, "{}\n\n", super::lines::findings_line(area, words));
    }
}
