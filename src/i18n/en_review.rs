//! The record's words in English: review, sign-off, verify, history, team work.

use super::en_documents::ROUND_EN;
use super::en_errors::en_refusal;
use super::review::{ReviewWords, TeamWords, short_digest, where_of, written_values};
use crate::facts::FactField;
use crate::findings::Finding;
use crate::merge::{MergeError, Place as MergePlace};
use crate::review::{Place, Reason};
use crate::session::{Change, FollowUpState, SelfCheck};
use crate::signoff::{Changed, Difference};
use crate::text::one_line;

pub static REVIEW_EN: ReviewWords = ReviewWords {
    malformed_digest: |given, digits| {
        format!("expected a digest of at least {digits} hex digits, found {given:?}")
    },
    moment: |at| at.format("%Y-%m-%d %H:%M:%S%:z").to_string(),
    blocker: "blocks",
    warning: "warning",
    round: "round",
    place: |place| match place {
        Place::Round => "round".into(),
        Place::Department => String::new(),
        Place::Item(item) => item.clone(),
        Place::Area(area) => format!("area {area}"),
    },
    reason: en_reason,
    fact: en_fact,
    nothing_blocks: "nothing blocks sign-off",
    blocked: |n| format!("cannot sign: {n} entries block sign-off"),
    no_signers: |name| {
        format!(
            "{name} cannot sign: this round names no auditors and no lead auditor (kansa new --auditor/--lead, or the audit facts on screen)"
        )
    },
    not_a_signer: |name, people| {
        format!("{name} is neither an auditor nor the lead of this round ({people})")
    },
    not_signed: "not signed",
    unchanged: |by, at, digest| {
        format!("unchanged since sign-off (signed by {by} at {at}, digest {digest})")
    },
    changed: |n| format!("changed since sign-off ({n} differences)"),
    record_altered: "the sign-off record itself (signer, time or digest) was altered",
    difference: en_difference,
    digest_differs: |given, digest| {
        format!("digest {given} does not match the content's digest {digest}")
    },
    reopened: |digest| {
        format!(
            "reopened (sign-off {} lifted); sign it again when done",
            short_digest(digest)
        )
    },
    change: en_change,
};

pub(crate) fn en_reason(reason: &Reason) -> String {
    match reason {
        Reason::Unanswered => "not answered".into(),
        Reason::NoteRequired(mark) => format!("{mark} needs a note"),
        Reason::NoObservation => "no 所見 (observation) in any area".into(),
        Reason::NotInFinding { mark, severity } => {
            let mark = match severity {
                Some(label) => format!("{mark} ({label})"),
                None => mark.clone(),
            };
            format!("{mark} is in no 指摘事項 (finding): accept or dismiss the proposal")
        }
        Reason::AreaWithoutObservation { marks } => {
            format!("{} marks but no 所見 (observation)", marks.join("/"))
        }
        Reason::FindingOnItem { finding, item } => {
            format!("finding #{finding} names {item}, whose mark does not need improvement")
        }
        Reason::EmptyFinding(finding) => format!("finding #{finding} has no text"),
        Reason::MissingFact(field) => format!("no {}", en_fact(*field)),
        Reason::FollowUpOpen(finding) => format!(
            "last round's finding #{finding} has no follow-up status (improved, partly, not improved)"
        ),
        Reason::NoSelfCheck => "no self-check sheet returned".into(),
        Reason::Conflict { place, values } => (TEAM_EN.conflict)(place, values),
    }
}

pub(crate) fn en_fact(field: FactField) -> &'static str {
    match field {
        FactField::Title => "title",
        FactField::Date => "audit date",
        FactField::Auditors => "auditors",
        FactField::Lead => "lead auditor (監査実施責任者)",
        FactField::Purpose => "purpose (監査目的)",
        FactField::Scope => "scope (監査範囲)",
        FactField::Method => "method (監査方法)",
        FactField::Subjects => "audit subjects (監査項目)",
        FactField::Criteria => "criteria (適用基準)",
        FactField::Schedule => "schedule (監査実施日程)",
        FactField::ReportDate => "report date (報告日)",
        FactField::Division => "auditing division (監査担当部門)",
        FactField::Overall => "overall remarks (総評)",
        FactField::Objective => "objective, as the summary states it (監査目的)",
        FactField::Systems => "systems audited (対象システム)",
        FactField::LeadBasis => "lead auditor's mandate (監査実施責任者の根拠規定)",
        FactField::DivisionBasis => "audit division's mandate (監査担当部門の根拠規定)",
        FactField::Grounds => "grounds, one a line (監査の基準となる根拠)",
    }
}

pub(crate) fn en_difference(difference: &Difference) -> String {
    let at = where_of(
        difference.department.as_deref(),
        difference.place.as_deref(),
    );
    let at = if at.is_empty() {
        "round".to_string()
    } else {
        at
    };
    let what = match &difference.what {
        Changed::Mark { from, to } => {
            let shown = |m: &Option<String>| m.clone().unwrap_or_else(|| "not answered".into());
            return format!("{at}: {} → {} since sign-off", shown(from), shown(to));
        }
        Changed::Checklist => "checklist".to_string(),
        Changed::Departments => "departments".to_string(),
        Changed::Profile => "department profile".to_string(),
        Changed::Fact(field) => en_fact(*field).to_string(),
        Changed::Note => "note".to_string(),
        Changed::Observation => "所見 (observation)".to_string(),
        Changed::Findings => "指摘事項 (findings)".to_string(),
        Changed::FollowUps => "follow-up of last round's findings".to_string(),
        Changed::Improvement => "improvements".to_string(),
        Changed::Evidence { id, name } => format!("evidence {id} {name:?}"),
    };
    format!("{at}: {what} changed since sign-off")
}

pub(crate) fn en_text(text: &str) -> String {
    if text.is_empty() {
        "(empty)".into()
    } else {
        format!("\"{}\"", one_line(text))
    }
}

pub(crate) fn en_finding(finding: &Option<Finding>) -> String {
    match finding {
        Some(f) => format!("{} {}", f.items.join(","), en_text(&f.text)),
        None => "(none)".into(),
    }
}

pub(crate) fn en_change(change: &Change) -> String {
    let mark = |m: &Option<String>| m.clone().unwrap_or_else(|| "not answered".into());
    match change {
        Change::Mark {
            department,
            item,
            from,
            to,
            ..
        } => format!("{department} {item} mark: {} → {}", mark(from), mark(to)),
        Change::Note {
            department,
            item,
            from,
            to,
        } => format!(
            "{department} {item} note: {} → {}",
            en_text(from),
            en_text(to)
        ),
        Change::Move(cursor) => format!("move: {} {}", cursor.department, cursor.item),
        Change::Field {
            department,
            item,
            field,
            from,
            to,
        } => format!(
            "{department} {item} {field}: {} → {}",
            from.as_deref().unwrap_or("(none)"),
            to.as_deref().unwrap_or("(none)")
        ),
        Change::Improvement { item, from, to } => {
            format!("{item} improvements: {} → {}", en_text(from), en_text(to))
        }
        Change::Fact { field, from, to } => format!(
            "{}: {} → {}",
            en_fact(*field),
            en_text(&from.display()),
            en_text(&to.display())
        ),
        Change::DepartmentFact {
            department,
            field,
            from,
            to,
        } => {
            let own = |v: &Option<String>| v.as_deref().map_or("(the round's)".into(), en_text);
            format!(
                "{department} {}: {} → {}",
                en_fact(*field),
                own(from),
                own(to)
            )
        }
        Change::Observation {
            department,
            area,
            from,
            to,
        } => format!(
            "{department} area {area} 所見: {} → {}",
            en_text(from),
            en_text(to)
        ),
        Change::Finding {
            department,
            area,
            from,
            to,
        } => {
            let id = from.as_ref().or(to.as_ref()).map_or(0, |f| f.id);
            let (a, b) = (en_finding(from), en_finding(to));
            format!("{department} area {area} finding #{id}: {a} → {b}")
        }
        Change::Dismissal {
            department,
            item,
            dismissed,
        } => match dismissed {
            true => format!("{department} {item} proposed finding: proposed → dismissed"),
            false => format!("{department} {item} proposed finding: dismissed → proposed"),
        },
        Change::Attach { attachment } => format!(
            "{} {} evidence {}: attached {} ({})",
            attachment.department,
            attachment.target.id(),
            attachment.id,
            en_text(&attachment.file.name),
            short_digest(&attachment.file.sha256)
        ),
        Change::Detach { attachment } => format!(
            "{} {} evidence {}: detached {}",
            attachment.department,
            attachment.target.id(),
            attachment.id,
            en_text(&attachment.file.name)
        ),
        Change::SignOff { by, digest, .. } => format!(
            "sign-off: open → signed by {by} (digest {})",
            short_digest(digest)
        ),
        Change::Reopen { reason, digest } => format!(
            "reopen: signed {} → open (reason: {})",
            short_digest(digest),
            one_line(reason)
        ),
        Change::AddChecklist { checklist } => format!(
            "checklist added: {} (id {}, {} items)",
            one_line(&checklist.title),
            checklist.id,
            checklist.item_count()
        ),
        Change::FollowUp {
            department,
            area,
            finding,
            from,
            to,
        } => {
            let state = |s: &FollowUpState| {
                let status = (ROUND_EN.status)(s.status);
                match s.note.is_empty() {
                    true => status.to_string(),
                    false => format!("{status} ({})", one_line(&s.note)),
                }
            };
            format!(
                "{department} area {area} last round's finding #{finding} follow-up: {} → {}",
                state(from),
                state(to)
            )
        }
        Change::SelfCheck {
            department,
            from,
            to,
        } => {
            let file = |c: &Option<Box<SelfCheck>>| {
                c.as_ref().map_or("(none)".to_string(), |c| {
                    format!("{} ({})", c.file, short_digest(&c.digest))
                })
            };
            format!(
                "{department} self-assessment: {} → {}",
                file(from),
                file(to)
            )
        }
    }
}

pub static TEAM_EN: TeamWords = TeamWords {
    conflict: |place, values| {
        format!(
            "conflict ({}): {} — choose with kansa resolve, or record a new value",
            en_place(place),
            written_values(values, "(none)")
        )
    },
    merge_error: |error| match error {
        MergeError::Signed(by) => {
            format!("signed off by {by}: reopen it, with a reason, before merging")
        }
        MergeError::TheirsSigned(by) => {
            format!("the file is signed off by {by}: reopen it, with a reason, before merging")
        }
        MergeError::OtherRound { ours, theirs } => {
            format!("another round: the session is {ours}, the file is {theirs}")
        }
        MergeError::OtherChecklist => "the file follows another checklist than the session".into(),
        MergeError::Damaged(refusal) => {
            let refusal = en_refusal(refusal);
            format!("the file holds a change the session cannot take: {refusal}")
        }
    },
    merged: |added, conflicts| format!("merged {added} changes ({conflicts} conflicts)"),
    exists: |id| {
        format!("session {id} is already here: bring the file in with kansa merge {id} FILE")
    },
    bad_id: |id| format!("session id {id:?} would name a file outside the data directory"),
    no_conflict: "no conflict there",
    no_value_by: |by| format!("{by} wrote no value in this conflict"),
    resolve_where: "give --item or --area",
};

pub(crate) fn en_place(place: &MergePlace) -> String {
    match place {
        MergePlace::Mark(..) => "mark".into(),
        MergePlace::Note(..) => "note".into(),
        MergePlace::Field(_, _, field) => format!("field {field}"),
        MergePlace::Fact(field) | MergePlace::DepartmentFact(_, field) => en_fact(*field).into(),
        MergePlace::Observation(..) => "所見 (observation)".into(),
        MergePlace::Finding(_, _, id) => format!("finding #{id}"),
        MergePlace::Dismissal(..) => "dismissal of the proposal".into(),
        MergePlace::SelfCheck(..) => "self-assessment".into(),
        MergePlace::FollowUp(_, _, id) => format!("follow-up of last round's finding #{id}"),
        MergePlace::Improvement(item) => format!("improvements of {item}"),
        MergePlace::Evidence(_, _, id) => format!("evidence {id}"),
    }
}
