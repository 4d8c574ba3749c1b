//! The shape of the words the committee's documents print (結果一覧, 実施報告書, 結果報告書,
//! 前回比較): what a report needs said, as fields the language tables (`i18n`) fill
//! once per language. A missing word is a compile error there.

use super::model::FactLabel;
use crate::rounds::{FollowUpStatus, Trend};

/// Every word the committee's documents print (結果一覧, 実施報告書), once per language.
/// Kept apart from the screens' `Strings`: reports are read on paper, by the committee.
pub struct ReportWords {
    /// The document's language tag (HTML `lang`).
    pub tag: &'static str,
    /// Report names; also the XLSX sheet names (at most 31 characters).
    pub matrix: &'static str,
    pub summary: &'static str,
    pub overview_sheet: &'static str,
    /// The document title: the audit's title and the report's name.
    pub title: fn(&str, &str) -> String,
    /// A date as the documents write it (Japanese: 令和6年9月27日（金）; English: ISO).
    pub date: fn(chrono::NaiveDate) -> String,
    pub date_line: fn(&str) -> String,
    pub no_date: &'static str,
    pub item_id: &'static str,
    pub item_text: &'static str,
    pub audit_item: &'static str,
    pub area_heading: fn(&str, &str) -> String,
    pub remark: &'static str,
    pub legend: &'static str,
    /// One step of the legend: symbol and label (○：適正).
    pub legend_entry: fn(&str, &str) -> String,
    pub legend_separator: &'static str,
    pub unanswered: &'static str,
    pub department: &'static str,
    pub area: &'static str,
    pub total: &'static str,
    pub counts_by_department: &'static str,
    pub counts_by_area: &'static str,
    pub overview: &'static str,
    pub needing_departments: &'static str,
    pub complying: &'static str,
    pub needing: &'static str,
    pub improvements: &'static str,
    pub none: &'static str,
    /// Separates department names in one cell (、).
    pub list_separator: &'static str,
    /// A department's note in the 改善内容 column.
    pub note: fn(&str, &str) -> String,
    /// Departments not answered yet, in the 改善内容 column of a draft.
    pub unanswered_list: fn(&str) -> String,
    /// The departments that answered "don't know" (a mark meaning Unknown).
    pub unknown_list: fn(&str) -> String,
    /// A department or item named with the label of its failing mark, on a scale that
    /// grades them: 保育課（重大な不適合）.
    pub graded: fn(&str, &str) -> String,
    /// A department and the items it must improve, in the 総評 figures.
    pub needing_items: fn(&str, &str) -> String,
    /// Page footer of the spreadsheet (Excel codes: &P page, &N pages).
    pub xlsx_footer: &'static str,
    /// Page footer of the Word document, around the page and page-count fields.
    pub page_of: (&'static str, &'static str, &'static str),
    /// The 結果報告書: the report's name (and sheet name), and one department's title.
    pub departments: &'static str,
    pub department_report: fn(&str) -> String,
    /// Every report in one document or workbook.
    pub all: &'static str,
    /// The label of a row of the facts tables (監査目的, 被監査部門, …).
    pub fact: fn(FactLabel) -> &'static str,
    /// An area's heading in a 結果報告書 (○人的セキュリティに関して).
    pub about_area: fn(&str) -> String,
    /// The heading of another checklist's section of a 結果報告書 (its title).
    pub checklist_section: fn(&str) -> String,
    /// The name of the sheet of another checklist's 結果一覧 (its id).
    pub matrix_of: fn(&str) -> String,
    /// The name of another checklist's 結果一覧 as a document or a part of one (its
    /// title), as its heading and file name give it.
    pub checklist_matrix: fn(&str) -> String,
    pub observation: &'static str,
    pub findings: &'static str,
    /// The 指摘事項 line of an area: its findings, or なし.
    pub findings_line: fn(&str) -> String,
    /// A file attached as evidence, under the 所見: item, file name, date, short hash.
    pub evidence_line: fn(&str, &str, &str, &str) -> String,
    /// A cell of the 結果一覧 with files attached: how many (a note, a title).
    pub evidence_cell: fn(usize) -> String,
    pub report_date_line: fn(&str) -> String,
    pub outline: &'static str,
    pub overall: &'static str,
    /// The columns of the 結果報告書 as CSV.
    pub section: &'static str,
    pub entry: &'static str,
    pub content: &'static str,
    /// What an unsigned session's reports say on every page.
    pub draft: &'static str,
    /// The watermark across a draft's pages: one short word.
    pub draft_mark: &'static str,
    /// The footer of a signed session's reports: signer, time, short digest.
    pub signed: fn(&str, &str, &str) -> String,
    /// The 実施報告書's opening, numbered as the seed numbers it.
    pub outline_words: &'static OutlineWords,
    /// Scores on a scale with points, as the documents print them.
    pub score_words: &'static ScoreLineWords,
}

/// The words of scores and bands in the documents (結果一覧's rows, 結果報告書's header
/// rows, 実施報告書's section).
pub struct ScoreLineWords {
    /// The labels of the rows: 点数, 区分, 区分に応じた対応, 平均.
    pub score: &'static str,
    pub band: &'static str,
    pub advice: &'static str,
    pub average: &'static str,
    /// A department's score: total, maximum and percent when scored (13点／100点（13%）).
    pub figure: fn(i32, i32, Option<i32>) -> String,
    /// The round's average: mean points and mean percent, each with one decimal.
    pub average_figure: fn(&str, &str) -> String,
    /// A band read before every item is answered: the band, the items unanswered.
    pub provisional: fn(&str, usize) -> String,
    /// The same in a narrow cell of the 結果一覧, whose 未回答 row gives the count.
    pub provisional_short: fn(&str) -> String,
    /// The 実施報告書's section of scores, and a line of it: who, score, band.
    pub section: &'static str,
    pub line: fn(&str, &str, &str) -> String,
}

/// The headings and lines of the 実施報告書's 監査概要, 監査結果 and 課別監査結果.
pub struct OutlineWords {
    pub outline: &'static str,
    pub objective: &'static str,
    pub scope: &'static str,
    pub departments: &'static str,
    pub systems: &'static str,
    /// The checklists of a round of several, and one's line: its title and departments.
    pub checklists: &'static str,
    pub checklist_line: fn(&str, &str) -> String,
    pub date: &'static str,
    pub organisation: &'static str,
    pub lead: &'static str,
    pub division: &'static str,
    /// A post and who holds it, with the article that gives it where there is one:
    /// 監査実施責任者：デジタル都市推進課長（監査規程第3条第2項）.
    pub post: fn(&str, &str, &str) -> String,
    pub grounds: &'static str,
    pub results: &'static str,
    pub overall: &'static str,
    pub by_department: &'static str,
    /// The line that sends the reader to the 結果一覧: the audit's title, the
    /// matrix's name.
    pub appendix: fn(&str, &str) -> String,
    /// Separates the 対象システム on one line.
    pub list_separator: &'static str,
}

/// The words of rounds over time: the previous answer beside the current one, the
/// matrix compared, follow-ups of earlier 指摘事項, the comparison report.
pub struct RoundWords {
    /// The item view's line of the earlier answer.
    pub previous: &'static str,
    pub previous_none: &'static str,
    pub text_changed: &'static str,
    /// A follow-up's status; None: not yet set.
    pub status: fn(Option<FollowUpStatus>) -> &'static str,
    /// The matrix's title in compare mode: how a cell reads.
    pub compare_legend: &'static str,
    /// The follow-up list's title, given the department's name.
    pub followups_title: fn(&str) -> String,
    pub no_followups: &'static str,
    pub no_previous: &'static str,
    pub followup_note: &'static str,
    /// The comparison report's name, and its line naming the earlier round.
    pub compare_report: &'static str,
    pub previous_round: fn(&str, &str) -> String,
    pub cells_heading: &'static str,
    /// Department, area, item, previous, current, trend.
    pub cell_columns: [&'static str; 6],
    pub trend: fn(Trend) -> &'static str,
    pub counts_heading: &'static str,
    /// Department, area, improved, worsened, unchanged.
    pub count_columns: [&'static str; 5],
    pub all_areas: &'static str,
    pub followups_heading: &'static str,
    /// Department, area, number, items, finding, status, note.
    pub followup_columns: [&'static str; 7],
    pub checklist_heading: &'static str,
    pub changed_item: fn(&str) -> String,
    pub added_item: fn(&str) -> String,
    pub removed_item: fn(&str, &str) -> String,
    pub unanswered: &'static str,
}

/// The words a document is written in: the reports' and the comparison's, of one
/// language. `write` takes anything that gives them, a language included (`i18n`
/// turns a `Lang` into its words).
#[derive(Clone, Copy)]
pub struct DocumentWords {
    pub report: &'static ReportWords,
    pub rounds: &'static RoundWords,
}
