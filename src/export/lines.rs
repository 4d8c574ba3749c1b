//! The lines every format prints the same way: titles, dates, legends, department
//! lists, the draft warning or the signer, the 指摘事項 line.

use super::model::{self, Stamp};
use super::scores::ScoreLine;
use super::words::ReportWords;

/// "令和6年度… 結果一覧": the audit's title, then the report's name.
pub(crate) fn title(heading: &model::Heading, words: &ReportWords, report: &str) -> String {
    (words.title)(heading.title.trim(), report)
}

/// "監査実施日：令和6年9月27日（金）", or a visible blank while no date is set.
pub(crate) fn date_line(heading: &model::Heading, words: &ReportWords) -> String {
    let date = heading.date.map_or(words.no_date.to_string(), words.date);
    (words.date_line)(&date)
}

/// "○：適正 △：監査指導により改善 ×：改善を要する -：該当なし", from the scale.
pub(crate) fn legend_line(heading: &model::Heading, words: &ReportWords) -> String {
    heading
        .legend
        .iter()
        .map(|m| (words.legend_entry)(&m.symbol, &m.label))
        .collect::<Vec<_>>()
        .join(words.legend_separator)
}

/// The 備考 row's label: the checklist's (備考（特定個人情報の取扱い）), else 備考.
pub(crate) fn remark_label<'a>(heading: &'a model::Heading, words: &'a ReportWords) -> &'a str {
    heading.remark_label.as_deref().unwrap_or(words.remark)
}

/// Department names in one cell, or なし.
pub(crate) fn department_list(names: &[String], words: &ReportWords) -> String {
    if names.is_empty() {
        words.none.to_string()
    } else {
        names.join(words.list_separator)
    }
}

/// The 改善内容 of an item, one entry per line: what the auditors wrote for the item,
/// else each department's note; then the departments that answered "don't know", then
/// those not answered yet.
pub(crate) fn improvements(row: &model::SummaryRow, words: &ReportWords) -> Vec<String> {
    let mut lines: Vec<String> = if row.improvement.is_empty() {
        row.improvements
            .iter()
            .map(|(department, note)| (words.note)(department, note))
            .collect()
    } else {
        row.improvement.lines().map(String::from).collect()
    };
    if !row.unknown.is_empty() {
        let names = row.unknown.join(words.list_separator);
        lines.push((words.unknown_list)(&names));
    }
    if !row.unanswered.is_empty() {
        let names = row.unanswered.join(words.list_separator);
        lines.push((words.unanswered_list)(&names));
    }
    lines
}

/// Departments or items with their failing marks (indices into the scale), each named
/// with its mark's label on a scale that grades them (保育課（重大な不適合）), paired
/// with the legend entry whose fill it takes there; as they are otherwise.
pub(crate) fn graded<'a>(
    names: &[String],
    marks: &[usize],
    heading: &'a model::Heading,
    words: &ReportWords,
) -> Vec<(String, Option<&'a model::LegendEntry>)> {
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let entry = marks.get(i).and_then(|m| heading.legend.get(*m));
            match entry.filter(|e| e.rank.is_some()) {
                Some(e) => ((words.graded)(name, &e.label), Some(e)),
                None => (name.clone(), None),
            }
        })
        .collect()
}

/// The 改善が必要な課 of an item in one cell, worst first, or なし.
pub(crate) fn needing_list(
    row: &model::SummaryRow,
    heading: &model::Heading,
    words: &ReportWords,
) -> String {
    let names = graded(&row.needing, &row.needing_marks, heading, words);
    let names: Vec<String> = names.into_iter().map(|(n, _)| n).collect();
    department_list(&names, words)
}

/// "保育課：I-2(2)、I-3": a department and the items it must improve, worst first.
pub(crate) fn needing_items(
    needing: &model::Needing,
    heading: &model::Heading,
    words: &ReportWords,
) -> String {
    let items = graded(&needing.items, &needing.marks, heading, words);
    let items: Vec<String> = items.into_iter().map(|(n, _)| n).collect();
    (words.needing_items)(&needing.name, &items.join(words.list_separator))
}

/// "○ 適正" and the other marks, then 未回答: the row labels of the counts.
pub(crate) fn count_labels(heading: &model::Heading, words: &ReportWords) -> Vec<String> {
    let marks = heading
        .legend
        .iter()
        .map(|m| format!("{} {}", m.symbol, m.label));
    marks.chain([words.unanswered.to_string()]).collect()
}

/// A count's figures in the order of `count_labels`.
pub(crate) fn count_figures(count: &crate::results::Count) -> Vec<usize> {
    let mut figures = count.marks.clone();
    figures.push(count.unanswered);
    figures
}

/// The fill of a mark's cell: by its meaning, and for a failing mark of a scale with
/// severities by its rank, gravest first, so that 重大な不適合 stands out from 観察事項
/// (the gravest is a stronger red than the seed's, the milder ones paler).
pub(crate) fn mark_fill(entry: &model::LegendEntry) -> u32 {
    const FAILING: [u32; 4] = [0xFF8C8C, 0xF8CBAD, 0xFCE4D6, 0xFDF3EC];
    match entry.rank {
        Some(rank) => FAILING[rank.min(FAILING.len() - 1)],
        None => fill(entry.meaning),
    }
}

/// The fill of a cell by its mark's meaning (RGB), the same in every format: green
/// complies, yellow improved under guidance, red needs improvement, grey not applicable.
pub(crate) fn fill(meaning: crate::checklist::Meaning) -> u32 {
    use crate::checklist::Meaning;
    match meaning {
        Meaning::Compliant => 0xE2EFDA,
        Meaning::ImprovedUnderGuidance => 0xFFF2CC,
        Meaning::NeedsImprovement => 0xF8CBAD,
        Meaning::NotApplicable => 0xEDEDED,
        Meaning::Unknown => 0xDDEBF7,
    }
}

/// The draft warning, or the signer, time and short digest, as one line.
pub(crate) fn stamp_line(heading: &model::Heading, words: &ReportWords) -> String {
    match &heading.stamp {
        Stamp::Draft => words.draft.to_string(),
        Stamp::Signed { by, at, digest } => {
            let when = format!("{} {}", (words.date)(at.date_naive()), at.format("%H:%M"));
            (words.signed)(by, &when, short_digest(digest))
        }
    }
}

/// The digest as printed: long enough to be unique in practice, short enough to copy
/// from paper into `kansa verify --digest`.
pub fn short_digest(digest: &str) -> &str {
    digest.get(..16).unwrap_or(digest)
}

/// True for a report of an unsigned session.
pub(crate) fn is_draft(heading: &model::Heading) -> bool {
    heading.stamp == Stamp::Draft
}

/// "指摘事項：デスクトップ貼り付け、ID・パスワードの取扱い", or "指摘事項：なし".
pub(crate) fn findings_line(area: &model::AreaReport, words: &ReportWords) -> String {
    let list = if area.findings.is_empty() {
        words.none.to_string()
    } else {
        area.findings.join(words.list_separator)
    };
    (words.findings_line)(&list)
}

/// What another checklist's section of a 結果報告書 says when none of its areas has a
/// 所見 or a 指摘事項: "指摘事項：なし", so the section is never a bare heading.
pub(crate) fn nothing_found(words: &ReportWords) -> String {
    (words.findings_line)(words.none)
}

/// "結果報告書" dated with the 報告日 where one is set.
pub(crate) fn report_date_line(
    departments: &model::Departments,
    words: &ReportWords,
) -> Option<String> {
    departments
        .report_date
        .map(|d| (words.report_date_line)(&(words.date)(d)))
}

/// The lines an area's files take under its 所見, worded.
pub(crate) fn evidence_lines(area: &model::AreaReport, words: &ReportWords) -> Vec<String> {
    let date = |d| (words.date)(d);
    area.evidence
        .iter()
        .map(|e| (words.evidence_line)(&e.place, &e.name, &date(e.date), &e.hash))
        .collect()
}

/// A department's band as printed: said to be provisional while items are unanswered.
fn band_text(line: &ScoreLine, words: &ReportWords) -> String {
    let Some(band) = &line.band else {
        return String::new();
    };
    match line.unanswered {
        0 => band.label.clone(),
        n => (words.score_words.provisional)(&band.label, n),
    }
}

fn score_figure(line: &ScoreLine, words: &ReportWords) -> String {
    (words.score_words.figure)(line.total, line.maximum, line.percent)
}

/// The 結果一覧's last rows on a scale with points: a 点数 row and (when the checklist
/// has bands) a 区分 row, a cell per department in the heading's order.
pub(crate) fn score_rows(
    heading: &model::Heading,
    words: &ReportWords,
) -> Vec<(String, Vec<String>)> {
    let Some(scores) = &heading.scores else {
        return Vec::new();
    };
    let w = words.score_words;
    let cells = |text: &dyn Fn(&ScoreLine) -> String| {
        let by_name = |d: &model::Column| {
            let line = scores.departments.iter().find(|l| l.name == d.name);
            line.map_or(String::new(), text)
        };
        heading.departments.iter().map(by_name).collect::<Vec<_>>()
    };
    let mut rows = vec![(w.score.to_string(), cells(&|l| score_figure(l, words)))];
    if scores.has_bands {
        // Narrow cells: the 未回答 row above gives the count of a provisional band.
        let band = |l: &ScoreLine| match (&l.band, l.unanswered) {
            (Some(band), 1..) => (w.provisional_short)(&band.label),
            _ => band_text(l, words),
        };
        rows.push((w.band.to_string(), cells(&band)));
    }
    rows
}

/// "平均：13.0点（13.0%）　区分": the round's average, once some department is scored.
pub(crate) fn average_line(heading: &model::Heading, words: &ReportWords) -> Option<String> {
    let average = heading.scores.as_ref()?.average.as_ref()?;
    let tenths = |t: i64| format!("{}.{}", t.div_euclid(10), t.rem_euclid(10));
    let w = words.score_words;
    let figure = (w.average_figure)(
        &tenths(average.total_tenths),
        &tenths(average.percent_tenths),
    );
    let band = average.band.as_ref().map_or("", |b| b.label.as_str());
    Some((w.line)(w.average, &figure, band))
}

/// The lines of the 実施報告書's scores: a department a line, then the average.
pub(crate) fn score_lines(heading: &model::Heading, words: &ReportWords) -> Vec<String> {
    let Some(scores) = &heading.scores else {
        return Vec::new();
    };
    let w = words.score_words;
    let lines = scores
        .departments
        .iter()
        .map(|l| (w.line)(&l.name, &score_figure(l, words), &band_text(l, words)));
    lines.chain(average_line(heading, words)).collect()
}

/// A 結果報告書's header rows: its facts, then on a scale with points its 点数, 区分
/// and the band's advice.
pub(crate) fn fact_rows(
    report: &model::DepartmentReport,
    words: &ReportWords,
) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = (report.facts.iter())
        .map(|row| ((words.fact)(row.label).to_string(), row.value.clone()))
        .collect();
    let Some(line) = &report.score else {
        return rows;
    };
    let w = words.score_words;
    rows.push((w.score.to_string(), score_figure(line, words)));
    if let Some(band) = &line.band {
        rows.push((w.band.to_string(), band_text(line, words)));
        if !band.advice.is_empty() {
            rows.push((w.advice.to_string(), band.advice.clone()));
        }
    }
    rows
}
