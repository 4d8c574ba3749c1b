//! The session's own rules: marks, notes, refusals, departments chosen, moves.

use super::testing::{now, seed_session};
use super::*;
use crate::checklist::{Checklist, Department};

fn record(session: &mut Session, change: Change) {
    session
        .apply(Event {
            at: now(),
            by: "tester".into(),
            change,
            hlc: None,
        })
        .unwrap();
}

#[test]
fn a_new_round_marks_only_the_seeds_not_applicable_cells() {
    let session = seed_session();
    assert_eq!(session.cell_count(), 168);
    assert_eq!(session.answered_count(), 32);
    assert!(session.answer("秘書", "III-7").unwrap().by_applicability);
    assert!(session.answer("管財", "III-7").is_none());
    assert_eq!(
        session.cursor,
        Cursor {
            department: "秘書".into(),
            item: "I-1".into()
        }
    );
}

#[test]
fn marks_and_notes_are_recorded_with_their_history() {
    let mut session = seed_session();
    let change = session.set_mark("保育課", "I-3", Some("×")).unwrap();
    assert_eq!(
        change,
        Change::Mark {
            department: "保育".into(),
            item: "I-3".into(),
            from: None,
            to: Some("×".into()),
            from_applicability: false,
            to_applicability: false,
        }
    );
    record(&mut session, change);
    let change = session
        .set_note("保育", "I-3", "付箋にID・パスワード")
        .unwrap();
    record(&mut session, change);
    let answer = session.answer("保育", "I-3").unwrap();
    assert_eq!(answer.mark.as_deref(), Some("×"));
    assert_eq!(answer.note, "付箋にID・パスワード");
    assert_eq!(session.history.len(), 2);
    let undo = session.history[0].change.inverse().unwrap();
    record(&mut session, undo);
    assert_eq!(session.answer("保育", "I-3").unwrap().mark, None);
    assert_eq!(session.answered_count(), 32);
}

#[test]
fn overriding_an_applicability_mark_makes_it_the_auditors() {
    let mut session = seed_session();
    let change = session.set_mark("秘書", "III-7", Some("○")).unwrap();
    record(&mut session, change);
    assert!(!session.answer("秘書", "III-7").unwrap().by_applicability);
}

#[test]
fn undoing_an_override_gives_the_cell_back_to_applicability_exactly() {
    let mut session = seed_session();
    let before = session.answer("秘書", "III-7").cloned();
    let change = session.set_mark("秘書", "III-7", Some("○")).unwrap();
    record(&mut session, change.clone());
    record(&mut session, change.inverse().unwrap());
    assert_eq!(session.answer("秘書", "III-7").cloned(), before);
    let line = ron::to_string(&session.set_mark("保育", "I-1", Some("○")).unwrap()).unwrap();
    assert!(
        !line.contains("applicability"),
        "plain marks journal as before: {line}"
    );
}

#[test]
fn unknown_names_are_refused() {
    let session = seed_session();
    assert_eq!(
        session.set_mark("総務", "I-1", None),
        Err(Refusal::UnknownDepartment("総務".into()))
    );
    assert_eq!(
        session.set_mark("保育", "X-1", None),
        Err(Refusal::UnknownItem("X-1".into()))
    );
    assert_eq!(
        session.set_mark("保育", "I-1", Some("◎")),
        Err(Refusal::UnknownMark("◎".into()))
    );
}

#[test]
fn departments_are_chosen_by_either_name_once_and_unlisted_ones_reported() {
    let checklist = Checklist::bundled();
    let whole = choose_departments(&checklist, None);
    assert_eq!(whole.departments, checklist.departments);
    assert!(whole.unlisted.is_empty());

    let names = ["保育課", " 秘書 ", "", "総務課", "保育", "総務課"].map(String::from);
    let chosen = choose_departments(&checklist, Some(&names));
    let shorts: Vec<_> = chosen.departments.iter().map(|d| &d.short[..]).collect();
    assert_eq!(shorts, ["保育", "秘書", "総務課"]);
    assert_eq!(chosen.unlisted, ["総務課"]);
    assert_eq!(chosen.departments[2], Department::unlisted("総務課"));

    let tagged = Session::new(
        "t".into(),
        checklist.clone(),
        chosen.departments.clone(),
        AuditFacts::default(),
        now(),
    );
    assert!(
        !tagged.hearing("総務課").unwrap().answers.is_empty(),
        "with no tags, items that need one would not apply"
    );
    let session = Session::start("t".into(), checklist, chosen, AuditFacts::default(), now());
    assert_eq!(
        session.hearing("保育").unwrap(),
        tagged.hearing("保育").unwrap()
    );
    assert!(
        session.hearing("総務課").unwrap().answers.is_empty(),
        "every item applies to an unlisted department"
    );
    assert!(
        choose_departments(&Checklist::bundled(), Some(&[]))
            .departments
            .is_empty()
    );
}

#[test]
fn moving_changes_the_cursor_but_not_the_history() {
    let mut session = seed_session();
    let change = session.move_to("障がい福祉課", "IV-2").unwrap();
    record(&mut session, change);
    assert_eq!(
        session.cursor,
        Cursor {
            department: "障がい".into(),
            item: "IV-2".into()
        }
    );
    assert!(session.history.is_empty());
}
