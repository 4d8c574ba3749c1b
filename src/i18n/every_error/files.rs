//! Every error of a file kansa reads: a checklist, a session, a spreadsheet, a date.

use chrono::NaiveDate;

use super::values::{V, covers};
use crate::checklist::{Meaning, Rule};
use crate::error::{FileError, IoReason, Position, Problem};
use crate::facts::FactField;
use crate::session::Refusal;
use crate::sheet::{SheetError, SheetProblem, Unreadable};
use crate::wareki::{DateError, Era, JapaneseDate};

pub(crate) fn rules(v: V) -> Vec<Rule> {
    let all = vec![
        Rule::SeverityNotFailing {
            symbol: v.s(),
            meaning: Meaning::Compliant,
        },
        Rule::ZeroSeverity,
        Rule::PointsNotApplicable(v.s()),
        Rule::UnknownField {
            id: v.s(),
            known: v.list(),
        },
        Rule::EmptyFieldId,
        Rule::DuplicateFieldId(v.s()),
        Rule::BandsWithoutPoints,
        Rule::BandBackwards {
            label: v.s(),
            from: 2,
            to: 1,
        },
        Rule::BandsOverlap {
            label: v.s(),
            other: v.s(),
        },
        Rule::NotOnRoster {
            item: v.s(),
            department: v.s(),
        },
        Rule::NoGate {
            gate: v.s(),
            item: v.s(),
        },
        Rule::GateNotBefore {
            item: v.s(),
            gate: v.s(),
        },
        Rule::UnknownGateMark {
            symbol: v.s(),
            known: v.list(),
        },
        Rule::OutOfScopeTaken(v.s()),
        Rule::BandsGap {
            below: v.s(),
            above: v.s(),
            from: 50,
            to: 59,
        },
        Rule::BandOutOfReach {
            label: v.s(),
            from: 120,
            top: 100,
            unit: crate::checklist::BandUnit::Points,
        },
    ];
    let index = |r: &Rule| match r {
        Rule::SeverityNotFailing { .. } => 0,
        Rule::ZeroSeverity => 1,
        Rule::PointsNotApplicable(_) => 2,
        Rule::UnknownField { .. } => 3,
        Rule::EmptyFieldId => 4,
        Rule::DuplicateFieldId(_) => 5,
        Rule::BandsWithoutPoints => 6,
        Rule::BandBackwards { .. } => 7,
        Rule::BandsOverlap { .. } => 8,
        Rule::NotOnRoster { .. } => 9,
        Rule::NoGate { .. } => 10,
        Rule::GateNotBefore { .. } => 11,
        Rule::UnknownGateMark { .. } => 12,
        Rule::OutOfScopeTaken(_) => 13,
        Rule::BandsGap { .. } => 14,
        Rule::BandOutOfReach { .. } => 15,
    };
    covers(&all, index, 16);
    all
}

pub(crate) fn refusals(v: V) -> Vec<Refusal> {
    let all = vec![
        Refusal::UnknownDepartment(v.s()),
        Refusal::UnknownItem(v.s()),
        Refusal::UnknownMark(v.s()),
        Refusal::UnknownField(v.s()),
        Refusal::BadDate {
            field: v.s(),
            value: v.s(),
        },
        Refusal::Signed { by: v.s() },
        Refusal::UnknownArea(v.s()),
        Refusal::NotInArea {
            item: v.s(),
            area: v.s(),
        },
        Refusal::UnknownFinding {
            department: v.s(),
            area: v.s(),
            id: 3,
        },
        Refusal::NoItems,
        Refusal::NotProposed {
            department: v.s(),
            item: v.s(),
        },
        Refusal::FactKind(FactField::Date),
        Refusal::NotPerDepartment(FactField::Purpose),
        Refusal::NotSigned,
        Refusal::NoReason,
        Refusal::NotASigner(v.s()),
        Refusal::Blocked(2),
        Refusal::UnknownFollowUp(4),
        Refusal::OthersWriting(vec![v.s(), v.s()]),
        Refusal::EvidenceExists(v.s()),
        Refusal::UnknownEvidence(v.s()),
        Refusal::MainChecklistOnly,
    ];
    let index = |r: &Refusal| match r {
        Refusal::UnknownDepartment(_) => 0,
        Refusal::UnknownItem(_) => 1,
        Refusal::UnknownMark(_) => 2,
        Refusal::UnknownField(_) => 3,
        Refusal::BadDate { .. } => 4,
        Refusal::Signed { .. } => 5,
        Refusal::UnknownArea(_) => 6,
        Refusal::NotInArea { .. } => 7,
        Refusal::UnknownFinding { .. } => 8,
        Refusal::NoItems => 9,
        Refusal::NotProposed { .. } => 10,
        Refusal::FactKind(_) => 11,
        Refusal::NotPerDepartment(_) => 12,
        Refusal::NotSigned => 13,
        Refusal::NoReason => 14,
        Refusal::NotASigner(_) => 15,
        Refusal::Blocked(_) => 16,
        Refusal::UnknownFollowUp(_) => 17,
        Refusal::OthersWriting(_) => 18,
        Refusal::EvidenceExists(_) => 19,
        Refusal::UnknownEvidence(_) => 20,
        Refusal::MainChecklistOnly => 21,
    };
    covers(&all, index, 22);
    all
}

pub(crate) fn problems(v: V) -> Vec<Problem> {
    let mut all = vec![
        Problem::CannotRead(IoReason::from(&v.io())),
        Problem::NotUtf8,
        Problem::Ron(ron::error::Error::ExpectedComma),
        Problem::ChecklistFormat {
            expected: 1,
            found: 2,
        },
        Problem::SessionFormat {
            expected: 1,
            found: 2,
        },
        Problem::EmptyScale,
        Problem::NoItems,
        Problem::EmptySymbol,
        Problem::DuplicateSymbol(v.s()),
        Problem::DuplicateKey('1'),
        Problem::ReservedKey('q'),
        Problem::DuplicateArea(v.s()),
        Problem::DuplicateItem(v.s()),
        Problem::DuplicateDepartment(v.s()),
        Problem::DuplicateShort(v.s()),
        Problem::UnknownTag {
            tag: v.s(),
            known: v.list(),
        },
        Problem::UnknownDepartment(v.s()),
        Problem::UnknownItem(v.s()),
        Problem::UnknownMark(v.s()),
    ];
    all.extend(rules(v).into_iter().map(Problem::Rule));
    all.extend(refusals(v).into_iter().map(Problem::Refused));
    let index = |p: &Problem| match p {
        Problem::CannotRead(_) => 0,
        Problem::NotUtf8 => 1,
        Problem::Ron(_) => 2,
        Problem::ChecklistFormat { .. } => 3,
        Problem::SessionFormat { .. } => 4,
        Problem::EmptyScale => 5,
        Problem::NoItems => 6,
        Problem::EmptySymbol => 7,
        Problem::DuplicateSymbol(_) => 8,
        Problem::DuplicateKey(_) => 9,
        Problem::ReservedKey(_) => 10,
        Problem::DuplicateArea(_) => 11,
        Problem::DuplicateItem(_) => 12,
        Problem::DuplicateDepartment(_) => 13,
        Problem::DuplicateShort(_) => 14,
        Problem::UnknownTag { .. } => 15,
        Problem::Rule(_) => 16,
        Problem::UnknownDepartment(_) => 17,
        Problem::UnknownItem(_) => 18,
        Problem::UnknownMark(_) => 19,
        Problem::Refused(_) => 20,
    };
    covers(&all, index, 21);
    all
}

pub(crate) fn file_error(v: V) -> FileError {
    let at = Position { line: 3, column: 5 };
    FileError::new(&v.path(), Some(at), Problem::EmptyScale)
}

pub(crate) fn dates() -> Vec<DateError> {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a date");
    let heisei_32 = JapaneseDate {
        era: Era::Heisei,
        year: 32,
        month: 1,
        day: 1,
    };
    let all = vec![
        DateError::Empty,
        DateError::Unrecognised("x".into()),
        DateError::NoSuchDay("2024-02-30".into()),
        DateError::OutsideEra(heisei_32),
        DateError::BeforeGregorian(JapaneseDate {
            era: Era::Meiji,
            year: 5,
            month: 12,
            day: 31,
        }),
        DateError::WeekdayMismatch {
            date: day(2024, 9, 27),
            written: '土',
            actual: '金',
        },
    ];
    let index = |e: &DateError| match e {
        DateError::Empty => 0,
        DateError::Unrecognised(_) => 1,
        DateError::NoSuchDay(_) => 2,
        DateError::OutsideEra(_) => 3,
        DateError::BeforeGregorian(_) => 4,
        DateError::WeekdayMismatch { .. } => 5,
    };
    covers(&all, index, 6);
    all
}

pub(crate) fn unreadable(v: V) -> Vec<Unreadable> {
    let all = vec![
        Unreadable::Io(IoReason::from(&v.io())),
        Unreadable::Reader(v.s()),
        Unreadable::TooWide(1_000_000),
    ];
    let index = |u: &Unreadable| match u {
        Unreadable::Io(_) => 0,
        Unreadable::Reader(_) => 1,
        Unreadable::TooWide(_) => 2,
    };
    covers(&all, index, 3);
    all
}

/// A condition cell RON cannot read, as the importer meets one.
pub(crate) fn bad_condition() -> ron::error::SpannedError {
    ron::from_str::<crate::checklist::Condition>("Tag(").expect_err("not a condition")
}

pub(crate) fn sheet_problems(v: V) -> Vec<SheetProblem> {
    let mut all = vec![
        SheetProblem::NotUtf8,
        SheetProblem::MissingSheet("項目".into()),
        SheetProblem::MissingColumn {
            column: "項目ID".into(),
            headers: vec!["領域".into(), "項目".into()],
        },
        SheetProblem::OutsideSection,
        SheetProblem::Required("項目".into()),
        SheetProblem::NotInteger {
            column: "点数".into(),
            value: v.s(),
        },
        SheetProblem::BadKey(v.s()),
        SheetProblem::BoundKey('q'),
        SheetProblem::NotAscii(v.s()),
        SheetProblem::UnknownValue {
            column: "意味".into(),
            value: v.s(),
            expected: v.list(),
        },
        SheetProblem::BadCondition(bad_condition()),
        SheetProblem::BadFacts(ron::error::Error::ExpectedComma),
        SheetProblem::Duplicate {
            column: "項目ID".into(),
            value: v.s(),
        },
        SheetProblem::NoMarks,
        SheetProblem::NoItems,
        SheetProblem::UnknownTag {
            tag: v.s(),
            known: v.list(),
        },
        SheetProblem::AreaAgain(v.s()),
        SheetProblem::AreaTitles {
            area: v.s(),
            first: v.s(),
            now: v.s(),
        },
        SheetProblem::Rule(Rule::ZeroSeverity),
        SheetProblem::GeneratedInvalid(Box::new(file_error(v))),
        SheetProblem::NotSelfcheck,
        SheetProblem::OtherRound {
            found: v.s(),
            id: v.s(),
        },
        SheetProblem::OtherDepartment(v.s()),
        SheetProblem::OtherChecklist(v.s()),
        SheetProblem::NotForDepartment {
            checklist: v.s(),
            department: v.s(),
        },
        SheetProblem::NoHeader,
        SheetProblem::NotAnItem(v.s()),
        SheetProblem::Twice(v.s()),
        SheetProblem::UnknownMark {
            given: v.s(),
            labels: v.list(),
        },
    ];
    for reason in unreadable(v) {
        all.push(SheetProblem::CannotRead(reason.clone()));
        all.push(SheetProblem::NotAWorkbook(reason));
    }
    covers(&all, sheet_index, 31);
    all
}

pub(crate) fn sheet_error(v: V, problem: SheetProblem) -> SheetError {
    SheetError {
        file: v.path(),
        sheet: Some("評価".into()),
        row: Some(3),
        column: Some(2),
        problem: Box::new(problem),
    }
}

fn sheet_index(p: &SheetProblem) -> usize {
    match p {
        SheetProblem::CannotRead(_) => 0,
        SheetProblem::NotUtf8 => 1,
        SheetProblem::MissingSheet(_) => 2,
        SheetProblem::MissingColumn { .. } => 3,
        SheetProblem::OutsideSection => 4,
        SheetProblem::Required(_) => 5,
        SheetProblem::NotInteger { .. } => 6,
        SheetProblem::BadKey(_) => 7,
        SheetProblem::BoundKey(_) => 8,
        SheetProblem::NotAscii(_) => 9,
        SheetProblem::UnknownValue { .. } => 10,
        SheetProblem::BadCondition(_) => 11,
        SheetProblem::BadFacts(_) => 12,
        SheetProblem::Duplicate { .. } => 13,
        SheetProblem::NoMarks => 14,
        SheetProblem::NoItems => 15,
        SheetProblem::UnknownTag { .. } => 16,
        SheetProblem::AreaAgain(_) => 17,
        SheetProblem::AreaTitles { .. } => 18,
        SheetProblem::Rule(_) => 19,
        SheetProblem::GeneratedInvalid(_) => 20,
        SheetProblem::NotAWorkbook(_) => 21,
        SheetProblem::NotSelfcheck => 22,
        SheetProblem::OtherRound { .. } => 23,
        SheetProblem::OtherDepartment(_) => 24,
        SheetProblem::NoHeader => 25,
        SheetProblem::NotAnItem(_) => 26,
        SheetProblem::Twice(_) => 27,
        SheetProblem::UnknownMark { .. } => 28,
        SheetProblem::OtherChecklist(_) => 29,
        SheetProblem::NotForDepartment { .. } => 30,
    }
}
