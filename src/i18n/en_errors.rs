//! The words of errors and refusals in English.

use crate::checklist::{BandUnit, Rule};
use crate::export::{ExportError, Report as ExportReport};
use crate::session::{Joining, Refusal};
use crate::wareki::{self, DateError};

pub(crate) fn en_rule(rule: &Rule) -> String {
    match rule {
        Rule::SeverityNotFailing { symbol, meaning } => format!(
            "mark {symbol:?} means {meaning:?}: only a mark meaning NeedsImprovement has a severity"
        ),
        Rule::ZeroSeverity => "expected a severity of 1 or more".into(),
        Rule::PointsNotApplicable(symbol) => format!(
            "mark {symbol:?} means NotApplicable: items that do not apply are left out of the score, so it has no points"
        ),
        Rule::UnknownField { id, known } => {
            format!("no field {id:?}; expected one of: {}", known.join(", "))
        }
        Rule::EmptyFieldId => "expected a non-empty field id".into(),
        Rule::DuplicateFieldId(id) => format!("duplicate field id {id:?}"),
        Rule::BandsWithoutPoints => "bands need a scale with points".into(),
        Rule::BandBackwards { label, from, to } => {
            format!("band {label:?} runs from {from} down to {to}")
        }
        Rule::BandsOverlap { label, other } => format!("band {label:?} overlaps band {other:?}"),
        Rule::NotOnRoster { item, department } => {
            format!("item {item:?} names {department:?}, which is not on the roster")
        }
        Rule::NoGate { gate, item } => format!("no item {gate:?} for {item:?} to depend on"),
        Rule::GateNotBefore { item, gate } => {
            format!("item {item:?} depends on {gate:?}, which does not come before it")
        }
        Rule::UnknownGateMark { symbol, known } => format!(
            "no mark {symbol:?} in the scale; expected one of: {}",
            known.join(", ")
        ),
        Rule::BandsGap {
            below,
            above,
            from,
            to,
        } => {
            format!("scores {from} to {to}, between bands {below:?} and {above:?}, are in no band")
        }
        Rule::BandOutOfReach {
            label,
            from,
            top,
            unit,
        } => format!(
            "band {label:?} starts at {from}, above the highest score a department can reach ({top}{})",
            match unit {
                BandUnit::Percent => "%",
                BandUnit::Points => " points",
            }
        ),
        Rule::OutOfScopeTaken(symbol) => format!(
            "the scale has no mark meaning NotApplicable, so cells that cannot apply show {symbol:?} (out of scope), but another mark has that symbol"
        ),
    }
}

pub(crate) fn en_refusal(refusal: &Refusal) -> String {
    match refusal {
        Refusal::UnknownDepartment(name) => format!("no department {name:?} in this session"),
        Refusal::UnknownItem(id) => format!("no item {id:?} in this checklist"),
        Refusal::UnknownMark(symbol) => format!("no mark {symbol:?} in this checklist's scale"),
        Refusal::UnknownField(field) => format!("no answer field {field:?} in this checklist"),
        Refusal::BadDate { field, value } => {
            format!("{field}: expected a date as YYYY-MM-DD, found {value:?}")
        }
        Refusal::Signed { by } => {
            format!("signed off by {by}: reopen it, with a reason, to change it")
        }
        Refusal::UnknownArea(area) => format!("no area {area:?} in this checklist"),
        Refusal::NotInArea { item, area } => format!("item {item:?} is not in area {area:?}"),
        Refusal::UnknownFinding {
            department,
            area,
            id,
        } => format!("no finding {id} in {department} {area}"),
        Refusal::NoItems => "a finding names at least one item".into(),
        Refusal::NotProposed { department, item } => {
            format!("{item} of {department} is not proposed as a finding")
        }
        Refusal::FactKind(field) => format!("{field:?} does not take a value of that kind"),
        Refusal::NotPerDepartment(field) => format!("{field:?} is the same for every department"),
        Refusal::NotSigned => "not signed off".into(),
        Refusal::NoReason => "a reopen needs a reason".into(),
        Refusal::MainChecklistOnly => {
            "sign-off, reopen, self-assessments, evidence and follow-ups are done on the main checklist"
                .into()
        }
        Refusal::NotASigner(name) => {
            format!("{name} is neither an auditor nor the lead of this round")
        }
        Refusal::Blocked(count) => format!("{count} entries block sign-off (see kansa review)"),
        Refusal::OthersWriting(names) => format!(
            "others still have this round open: {} (sign off once they have left)",
            names.join(", ")
        ),
        Refusal::UnknownFollowUp(index) => format!("no follow-up #{index} in this round"),
        Refusal::EvidenceExists(id) => format!("evidence {id} is attached already"),
        Refusal::UnknownEvidence(id) => {
            format!("no evidence {id} is attached in this round (see kansa evidence)")
        }
        Refusal::Joining(joining) => en_joining(joining),
    }
}

fn en_joining(joining: &Joining) -> String {
    match joining {
        Joining::SameId(id) => {
            format!(
                "the round has a checklist {id} already: a round's checklists need different ids"
            )
        }
        Joining::Qualifier(id) => format!(
            "the id \"{id}\" holds \"::\", which a round of several checklists keeps for its own ids"
        ),
        Joining::ReservedKey(key) => {
            format!("the key {key:?} of a mark is a key of the screens (see kansa validate)")
        }
        Joining::NoDepartment(id) => {
            format!(
                "checklist {id} is for none of the round's departments: nothing to hear with it"
            )
        }
    }
}

pub(crate) fn en_date(error: &DateError) -> String {
    match error {
        DateError::Empty => "no date given".into(),
        DateError::Unrecognised(text) => format!(
            "{text:?} is not a date: write it as 2024-09-27, 2024/9/27, 令和6年9月27日 or R6.9.27"
        ),
        DateError::NoSuchDay(text) => format!("{text} does not exist"),
        DateError::OutsideEra(date) => {
            let era = date.era;
            let first = wareki::format(era.first_day().max(wareki::FIRST_SUPPORTED));
            let span = match era.last_day() {
                Some(last) => format!("ran from {first} to {}", wareki::format(last)),
                None => format!("began on {first}"),
            };
            format!(
                "{date} is not a date of {}: {} {span}",
                era.name(),
                era.name()
            )
        }
        DateError::BeforeGregorian(date) => format!(
            "{date} is before 明治6年1月1日 (1873-01-01), when Japan adopted the Gregorian calendar"
        ),
        DateError::WeekdayMismatch {
            date,
            written,
            actual,
        } => format!(
            "{} is a {actual}曜日, not a {written}曜日",
            wareki::format(*date)
        ),
    }
}

pub(crate) fn en_export(error: &ExportError) -> String {
    match error {
        ExportError::Unsupported { report, format } => {
            let hint = match report {
                ExportReport::Matrix => {
                    "DOCX is written for the summary (実施報告書); write the matrix as xlsx, html, md or csv"
                }
                ExportReport::All => {
                    "a CSV file holds one table; write each report on its own, or all of them as xlsx"
                }
                ExportReport::Compare => "write the comparison as xlsx, html, md or csv",
                ExportReport::Summary | ExportReport::Departments => "write it in another format",
            };
            format!("the {report} report cannot be written as {format}: {hint}")
        }
        ExportError::Csv(e) => format!("CSV: {e}"),
        ExportError::Xlsx(e) => format!("XLSX: {e}"),
        ExportError::Docx(e) => format!("DOCX: {e}"),
    }
}
