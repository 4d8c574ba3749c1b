//! The documents' words in English; the self-check workbook departments fill in stays
//! Japanese.

use super::ja_documents::{
    SHEET_CHOOSE_MARK, SHEET_INSTRUCTIONS, SHEET_ROUND_LINE, SHEET_SHEET_HINT, SHEET_SHEET_TITLE,
};
use crate::export::model::FactLabel;
use crate::export::words::{OutlineWords, ReportWords, RoundWords, ScoreLineWords};
use crate::facts::FactField;
use crate::matrix::ScoreWords;
use crate::rounds::{FollowUpStatus, Trend};
use crate::selfcheck::words::SelfcheckWords;
use crate::sheet::words::SheetStrings;

pub static REPORT_EN: ReportWords = ReportWords {
    tag: "en",
    matrix: "Results matrix",
    summary: "Audit summary",
    overview_sheet: "Figures",
    title: |audit, report| format!("{audit} — {report}"),
    date: |date| date.format("%Y-%m-%d").to_string(),
    date_line: |date| format!("Audit date: {date}"),
    no_date: "(not set)",
    item_id: "No.",
    item_text: "Audit item",
    audit_item: "Audit item",
    area_heading: |id, title| format!("{id} {title}"),
    remark: "Remarks",
    legend: "Legend",
    legend_entry: |symbol, label| format!("{symbol}: {label}"),
    legend_separator: "   ",
    unanswered: "Not answered",
    department: "Department",
    area: "Area",
    total: "Total",
    counts_by_department: "Marks per department",
    counts_by_area: "Marks per area",
    overview: "Figures for the overall assessment",
    needing_departments: "Departments with items needing improvement",
    complying: "Departments complying",
    needing: "Departments needing improvement",
    improvements: "Improvements",
    none: "none",
    list_separator: ", ",
    note: |department, note| format!("{department}: {note}"),
    unanswered_list: |departments| format!("Not answered: {departments}"),
    unknown_list: |departments| format!("Could not be confirmed: {departments}"),
    graded: |name, label| format!("{name} ({label})"),
    needing_items: |department, items| format!("{department}: {items}"),
    xlsx_footer: "Page &P of &N",
    page_of: ("Page ", " of ", ""),
    departments: "Audit reports",
    department_report: |name| format!("Information security audit report: {name}"),
    all: "Audit reports",
    fact: |label| match label {
        FactLabel::Fact(field) => en_report_fact(field),
        FactLabel::Audited => "Department audited",
        FactLabel::Departments => "Departments audited",
    },
    about_area: |title| title.to_string(),
    checklist_section: |title| format!("Results of the checklist {title}"),
    matrix_of: |id| format!("Matrix {id}"),
    checklist_matrix: |title| format!("Results matrix ({title})"),
    observation: "Observations",
    findings: "Findings",
    findings_line: |list| format!("Findings: {list}"),
    evidence_line: |place, name, date, hash| {
        format!("Evidence ({place}): {name}, {date}, SHA-256 {hash}")
    },
    evidence_cell: |count| match count {
        1 => "1 file of evidence".to_string(),
        n => format!("{n} files of evidence"),
    },
    report_date_line: |date| format!("Report date: {date}"),
    outline: "Audit outline",
    overall: "Overall assessment",
    section: "Section",
    entry: "Entry",
    content: "Content",
    draft: "DRAFT (not signed off)",
    draft_mark: "DRAFT",
    signed: |by, at, digest| format!("Signed off by {by} at {at}, digest {digest}"),
    outline_words: &OUTLINE_EN,
    score_words: &SCORE_LINES_EN,
};

pub static SCORE_LINES_EN: ScoreLineWords = ScoreLineWords {
    score: "Score",
    band: "Band",
    advice: "What the band calls for",
    average: "Average",
    figure: |total, maximum, percent| match percent {
        Some(p) => format!("{total} / {maximum} points ({p}%)"),
        None => format!("{total} / {maximum} points"),
    },
    average_figure: |total, percent| format!("{total} points ({percent}%)"),
    provisional: |band, n| format!("{band} (provisional: {n} items not answered)"),
    provisional_short: |band| format!("{band} (provisional)"),
    section: "(Scores and bands by department)",
    line: |name, figure, band| match band {
        "" => format!("{name}: {figure}"),
        band => format!("{name}: {figure}, {band}"),
    },
};

pub static OUTLINE_EN: OutlineWords = OutlineWords {
    outline: "1 Outline of the audit",
    objective: "(1) Objective",
    scope: "(2) Departments and systems audited",
    departments: "Departments audited",
    systems: "Systems audited",
    checklists: "Checklists used",
    checklist_line: |title, departments| format!("{title} ({departments})"),
    date: "(3) Audit date",
    organisation: "(4) Organisation",
    lead: "Lead auditor",
    division: "Audit division",
    post: |post, name, basis| {
        if basis.is_empty() {
            format!("{post}: {name}")
        } else {
            format!("{post}: {name} ({basis})")
        }
    },
    grounds: "(5) Grounds of the audit",
    results: "2 Results",
    overall: "(Overall assessment)",
    by_department: "3 Results by department",
    appendix: |audit, matrix| format!("See the attached {audit} — {matrix}."),
    list_separator: ", ",
};

pub static ROUND_EN: RoundWords = RoundWords {
    previous: "Last round",
    previous_none: "no answer last round",
    text_changed: "(the item's text changed since)",
    status: |status| match status {
        Some(FollowUpStatus::Improved) => "improved",
        Some(FollowUpStatus::Partly) => "partly improved",
        Some(FollowUpStatus::NotImproved) => "not improved",
        None => "open",
    },
    compare_legend: "compared: last round then now, + improved - worsened",
    followups_title: |department| format!("{department}: follow-up of last round's findings"),
    no_followups: "This department had no findings last round",
    no_previous: "This session was not started from an earlier round (kansa new --from)",
    followup_note: "Follow-up note",
    compare_report: "Comparison with the last round",
    previous_round: |title, id| format!("Last round: {title} ({id})"),
    cells_heading: "By department and item",
    cell_columns: ["Department", "Area", "Item", "Last round", "Now", "Change"],
    trend: |trend| match trend {
        Trend::Improved => "improved",
        Trend::Worsened => "worsened",
        Trend::Unchanged => "unchanged",
        Trend::Other => "changed",
        Trend::Pending => "not answered",
        Trend::New => "new",
    },
    counts_heading: "Counts by department and area",
    count_columns: ["Department", "Area", "Improved", "Worsened", "Unchanged"],
    all_areas: "Total",
    followups_heading: "Follow-up of last round's findings",
    followup_columns: [
        "Department",
        "Area",
        "No.",
        "Items",
        "Finding",
        "Status",
        "Note",
    ],
    checklist_heading: "Changes to the checklist",
    changed_item: |id| format!("{id}: text changed"),
    added_item: |id| format!("{id}: new item"),
    removed_item: |id, text| format!("{id}: removed ({text})"),
    unanswered: "not answered",
};

pub static SHEET_EN: SheetStrings = SheetStrings {
    help_headers: ["Sheet", "Column", "Required", "What it holds"],
    required_mark: "required",
    help: HELP_EN,
    help_csv: "As CSV: one file of sections, each starting with a row [項目], [評価], [部署], [得点区分], [入力欄] or [概要]; the next row is its header, then its rows. Errors name file:section!column+line (the file's line).",
};

pub(crate) const HELP_EN: &[(&str, &str, &str)] = &[
    (
        "概要",
        "項目",
        "Rows チェックリストID and 名称 (the id defaults to the file name); 文書の言語 and 得点区分の単位 may follow. For a checklist used beside a round's main one for some departments only, rows 適用条件 (their tags, written as in the 項目 sheet's 適用条件) and 対象部署 (names or short names, comma-separated) say which",
    ),
    (
        "概要",
        "内容",
        "Their values; 得点区分の単位 is % (percent of the maximum, the default) or 点 (points)",
    ),
    (
        "項目",
        "領域",
        "The area's id (I, II…); keep an area's items together",
    ),
    (
        "項目",
        "領域名",
        "The area's title, on its first row at least",
    ),
    (
        "項目",
        "項目ID",
        "The item's id (I-1…), unique among areas and items",
    ),
    ("項目", "項目", "The audit item"),
    (
        "項目",
        "ヒアリングの観点",
        "What to ask and look at (optional)",
    ),
    (
        "項目",
        "適用条件",
        "Blank: every department. A tag name: departments with that tag. Or Tag(\"x\"), Any([...]), All([...]), Not(...), Answer(\"M-1\", \"いいえ\"), AnswerMeans(\"C-1\", NotApplicable) on an earlier item",
    ),
    (
        "項目",
        "対象部署",
        "Names or short names of the departments the item applies to, comma-separated (blank: all)",
    ),
    ("評価", "記号", "The symbol in the matrix"),
    (
        "評価",
        "ASCII",
        "Its ASCII form (may be blank when the symbol is ASCII)",
    ),
    ("評価", "名称", "The mark's label"),
    (
        "評価",
        "キー",
        "The key that records it; keys the screens use are refused",
    ),
    (
        "評価",
        "意味",
        "適合, 指導により改善, 要改善, 該当なし or 不明 (or Compliant, ImprovedUnderGuidance, NeedsImprovement, NotApplicable, Unknown)",
    ),
    ("評価", "重大度", "For 要改善: 1 the mildest"),
    (
        "評価",
        "点数",
        "Points (a whole number, may be negative); a mark without points is left out of the maximum",
    ),
    (
        "評価",
        "入力欄",
        "Ids of the answer fields this mark asks for, comma-separated",
    ),
    ("部署", "部署名", "The department's name"),
    ("部署", "略称", "Its short name (defaults to the name)"),
    ("部署", "タグ", "Tags for conditions, comma-separated"),
    ("部署", "備考", "Free text"),
    (
        "得点区分",
        "下限",
        "Lowest percent of the maximum, or points when 得点区分の単位 is 点 (blank: none)",
    ),
    (
        "得点区分",
        "上限",
        "Highest percent or points (blank: none)",
    ),
    ("得点区分", "区分", "The band's label"),
    ("得点区分", "助言", "Advice for departments in the band"),
    ("入力欄", "ID", "The id marks use in 入力欄"),
    ("入力欄", "名称", "Its label (確認日…)"),
    ("入力欄", "種類", "文字 (text) or 日付 (a date, YYYY-MM-DD)"),
];

pub static SCORES_EN: ScoreWords = ScoreWords {
    score: "score",
    band: "band",
    average: "average",
    provisional: |n| format!(" ({n} items unanswered: provisional)"),
    unanswered_row: "not answered",
    answered_row: "answered",
};

pub static SELFCHECK_EN: SelfcheckWords = SelfcheckWords {
    tag: "en",
    instructions_sheet: "記入方法",
    instructions: SHEET_INSTRUCTIONS,
    sheet_title: SHEET_SHEET_TITLE,
    round_line: SHEET_ROUND_LINE,
    sheet_hint: SHEET_SHEET_HINT,
    choose_mark: SHEET_CHOOSE_MARK,
    report_title: |title| format!("{title} — self-assessment and audit"),
    report_sheet: "Self and audit",
    counts_heading: "Agreement per department",
    counts_header: [
        "Department",
        "Returned",
        "Agree",
        "Disagree",
        "No own mark",
        "Not audited",
    ],
    differences_heading: "Where the audit differs from the department's own view",
    differences_header: ["Department", "Item", "Own → audit", "Department's comment"],
    missing_heading: "Departments that returned no sheet",
    department: "Department",
    returned: "yes",
    not_returned: "no",
    own_to_audit: |own, audit| format!("self {own} → audit {audit}"),
    none: "none",
};

/// A fact's label in English reports.
pub(crate) fn en_report_fact(field: FactField) -> &'static str {
    match field {
        FactField::Title => "Audit",
        FactField::Date => "Audit date",
        FactField::Auditors => "Auditors",
        FactField::Lead => "Lead auditor",
        FactField::Purpose => "Purpose",
        FactField::Scope => "Scope",
        FactField::Method => "Method",
        FactField::Subjects => "Subjects",
        FactField::Criteria => "Criteria",
        FactField::Schedule => "Schedule",
        FactField::ReportDate => "Report date",
        FactField::Division => "Audit division",
        FactField::Overall => "Overall assessment",
        FactField::Objective => "Objective",
        FactField::Systems => "Systems audited",
        FactField::LeadBasis => "Lead auditor's mandate",
        FactField::DivisionBasis => "Audit division's mandate",
        FactField::Grounds => "Grounds",
    }
}
