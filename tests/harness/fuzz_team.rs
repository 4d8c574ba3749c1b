//! Fuzzing the merge of session files as `kansa merge-driver` (ours with theirs) and
//! `kansa merge ID FILE…` (the session with each file in turn) do it, the result
//! reviewed and written as they write it. Half the inputs are a round heard on two
//! laptops and merged as it is: random changes on each side to the same few cells,
//! in the same seconds, by the same or other auditors, now and then after an earlier
//! merge that left conflicts, on clocks that agree or not. The other half are such
//! files (base, ours, theirs; ours with a journal or not) mutated: bytes and RON
//! tokens, or quoted strings swapped for others of the file, so that the RON still
//! reads and the merge is reached. No input may panic; a file that does not load is
//! refused at its line and column; a merge is refused only for a file signed off or
//! of another round or checklist. Heard on clocks that agree or not, the merge is the
//! same in either order, and taking a side in again changes nothing.
//!
//! `cargo test` runs a thousand inputs. The full run, once:
//! `KANSA_FUZZ=1000000 cargo test --release --test harness fuzz_team:: -- --nocapture`

use std::ops::Range;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::common::fuzz::{Rng, Verdict, fuzz, mutate};
use chrono::{Duration, NaiveDate};
use kansa::checklist::Checklist;
use kansa::facts::{AuditFacts, FactField, FactKind, FactValue};
use kansa::merge::{self, MergeError, Merged};
use kansa::session::{Change, Session, Timestamp};
use kansa::store::Store;
use kansa::{review, seed};

const AUTHORS: [&str; 3] = ["田中 一郎", "佐藤 花子", seed::AUDITOR];
const TEXTS: [&str; 4] = [
    "付箋にID・パスワード。撤去を指示した。",
    "施錠管理を確認した。",
    "",
    "研修は全員受講済み。\n記録あり。",
];
const FILES: [&str; 3] = ["base.kansa", "ours.kansa", "theirs.kansa"];

/// Merges that left conflicts: how deep the inputs reach.
static CONFLICTED: AtomicUsize = AtomicUsize::new(0);

/// The rounds inputs start from: the seed round with a few answers, and a round of
/// the ISMS checklist, which has answer fields and severities.
fn rounds() -> Vec<Session> {
    let mut seeded = seed::session("r6-1");
    for (department, item) in [("秘書", "I-1"), ("保育", "I-3")] {
        let change = seeded.set_mark(department, item, Some("○")).unwrap();
        seed::record(&mut seeded, change).unwrap();
    }
    let isms = Checklist::load(Path::new("checklists/isms-severity.ron")).unwrap();
    let facts = AuditFacts {
        title: "ISMS 内部監査".into(),
        ..AuditFacts::default()
    };
    let departments = isms.departments.clone();
    let isms = Session::new("isms-1".into(), isms, departments, facts, seed::epoch());
    vec![seeded, isms]
}

/// A change someone could record in `session`, to one of a few cells and areas so
/// that both sides write the same places; None when the session refuses the one
/// drawn (a finding that is not there, a signed round, …).
fn change(rng: &mut Rng, session: &Session) -> Option<Change> {
    let hearing = session
        .hearings
        .get(rng.below(session.hearings.len().min(3)))?;
    let department = hearing.department.short.as_str();
    let items: Vec<_> = session.checklist.items().take(3).collect();
    let (area, item) = *rng.pick(&items);
    let (area, item) = (area.id.as_str(), item.id.as_str());
    let text = *rng.pick(&TEXTS);
    match rng.below(12) {
        0..=3 => {
            let marks: Vec<&str> = session
                .checklist
                .scale
                .iter()
                .map(|m| m.symbol.as_str())
                .collect();
            let mark = (!rng.one_in(5)).then(|| *rng.pick(&marks));
            session.set_mark(department, item, mark)
        }
        4 => session.set_note(department, item, text),
        5 => {
            let fields = &session.checklist.fields;
            let field = fields.get(rng.below(fields.len()))?.id.as_str();
            let value = *rng.pick(&["2024-10-01", "情報政策課長", ""]);
            session.set_field(department, item, field, Some(value))
        }
        6 => {
            let field = *rng.pick(&FactField::ALL);
            let value = match field.kind() {
                FactKind::Text => FactValue::Text(text.into()),
                FactKind::Date => {
                    FactValue::Date(NaiveDate::from_ymd_opt(2024, 10, 1 + rng.below(3) as u32))
                }
                FactKind::Names => FactValue::Names(vec![rng.pick(&AUTHORS).to_string()]),
            };
            session.set_fact(field, value)
        }
        7 => {
            let field = *rng.pick(&[FactField::Scope, FactField::Schedule]);
            session.set_department_fact(department, field, (!text.is_empty()).then_some(text))
        }
        8 => session.set_observation(department, area, text),
        9 => {
            let id = 1 + rng.below(2) as u32;
            let items = [item.to_string()];
            match rng.below(3) {
                0 => session.add_finding(department, area, &items, text),
                1 => session.edit_finding(department, area, id, &items, text),
                _ => session.remove_finding(department, area, id),
            }
        }
        10 => session.dismiss_proposal(department, item),
        _ if session.is_signed() => session.reopen("差し戻し"),
        _ => session.sign(seed::LEAD, session.last_change()),
    }
    .ok()
}

/// `change` recorded in `session` by `by` at `at` (that laptop's clock), stamped with
/// its hybrid logical time as the store's writer does, or refused as recording would.
fn record(session: &mut Session, by: &str, at: Timestamp, change: Change) {
    let event = session.stamp(change, by, at);
    let _ = session.apply(event);
}

/// Up to eight changes recorded in `session` by `by`, each one to three seconds after
/// the one before, from `at`: seconds that the other side's changes share.
fn hear(rng: &mut Rng, session: &mut Session, by: &str, at: &mut Timestamp) {
    for _ in 0..rng.below(8) {
        if let Some(change) = change(rng, session) {
            *at += Duration::seconds(1 + rng.below(3) as i64);
            record(session, by, *at, change);
        }
    }
}

/// A round heard on two laptops.
struct Heard {
    /// The round, and two copies of it (the whole or a part) heard apart.
    sessions: [Session; 3],
}

/// Base, ours and theirs. Now and then the copies met once before, ours taking theirs
/// in (and settling a conflict that left), and were heard apart again.
fn heard(rng: &mut Rng, rounds: &[Session]) -> Heard {
    let base = rng.pick(rounds).clone();
    let copy = |rng: &mut Rng| {
        if rng.one_in(3) {
            let names: Vec<String> = base
                .hearings
                .iter()
                .filter(|_| !rng.one_in(2))
                .map(|h| h.department.short.clone())
                .collect();
            merge::part(&base, &names).unwrap_or_else(|_| base.clone())
        } else {
            base.clone()
        }
    };
    let (mut ours, mut theirs) = (copy(rng), copy(rng));
    let (a, b) = (*rng.pick(&AUTHORS), *rng.pick(&AUTHORS));
    let (mut at_a, mut at_b) = (base.last_change(), base.last_change());
    // One laptop in four has a clock that stays behind the other's changes.
    let clocks_agree = !rng.one_in(4);
    for round in 0..1 + rng.below(2) {
        if round > 0 {
            if let Ok(merged) = merge::merge(&ours, &theirs) {
                ours = merged.session;
            }
            if clocks_agree {
                at_a = at_a.max(ours.last_change());
            }
            if let Some(conflict) = merge::conflicts(&ours).first() {
                let by = &rng.pick(&conflict.values).by;
                if let Some(change) = merge::choose(&ours, &conflict.place, by) {
                    at_a += Duration::seconds(1);
                    record(&mut ours, a, at_a, change);
                }
            }
        }
        hear(rng, &mut ours, a, &mut at_a);
        hear(rng, &mut theirs, b, &mut at_b);
    }
    Heard {
        sessions: [base, ours, theirs],
    }
}

/// The three files of a heard round, as `kansa export --format session` writes them;
/// ours as the store keeps it, with a journal after the snapshot, one time in two.
fn files(rng: &mut Rng, sessions: &[Session; 3]) -> [Vec<u8>; 3] {
    let text = |s: &Session| Store::file_text(s).unwrap().into_bytes();
    let [base, ours, theirs] = sessions;
    let ours = if rng.one_in(2) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.create(ours).unwrap();
        let mut writer = store.open_writer(&ours.id, AUTHORS[0]).unwrap();
        for _ in 0..3 {
            if let Some(change) = change(rng, writer.session()) {
                let _ = writer.record(change);
            }
        }
        drop(writer);
        std::fs::read(store.path_of(&ours.id)).unwrap()
    } else {
        text(ours)
    };
    [text(base), ours, text(theirs)]
}

/// Where each quoted string of RON `text` is, quotes included.
fn strings(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let (mut start, mut escaped) = (None, false);
    for (i, c) in text.char_indices() {
        match (start, c) {
            (Some(_), _) if escaped => escaped = false,
            (Some(_), '\\') => escaped = true,
            (Some(s), '"') => {
                found.push(s..i + 1);
                start = None;
            }
            (None, '"') => start = Some(i),
            _ => {}
        }
    }
    found
}

/// A file with a few of its quoted strings (departments, items, marks, authors,
/// times, texts) replaced by others of the same file: still RON, often still a
/// session, no longer the same round.
fn swap_strings(rng: &mut Rng, bytes: &[u8]) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return mutate(rng, bytes);
    };
    let mut text = text.to_string();
    for _ in 0..1 + rng.below(3) {
        let spans = strings(&text);
        // Mostly outside the checklist: a file of another checklist is refused whole.
        let checklist = text.find("checklist:").unwrap_or(0)..text.find("hearings:").unwrap_or(0);
        let elsewhere: Vec<&Range<usize>> = spans
            .iter()
            .filter(|s| !checklist.contains(&s.start))
            .collect();
        if elsewhere.is_empty() {
            break;
        }
        let from = text[rng.pick(&spans).clone()].to_string();
        let to = if rng.one_in(4) {
            rng.pick(&spans)
        } else {
            *rng.pick(&elsewhere)
        };
        text.replace_range(to.clone(), &from);
    }
    text.into_bytes()
}

/// Why a merge may be refused without a place in the file: the file as a whole is
/// signed off, or of another round or checklist. Any other refusal fails.
fn refused(error: &MergeError) -> Verdict {
    match error {
        MergeError::Signed(_) | MergeError::TheirsSigned(_) => Err("merge refused: signed off"),
        MergeError::OtherRound { .. } => Err("merge refused: another round"),
        MergeError::OtherChecklist => Err("merge refused: another checklist"),
        MergeError::Damaged(_) => panic!("a merge refused without a place: {error}"),
    }
}

/// What the commands do with a merge: review it, write it; and what they write reads
/// back as the same session.
fn written(merged: &Merged) {
    let listed = review::review(&merged.session)
        .entries
        .iter()
        .filter(|e| matches!(e.reason, review::Reason::Conflict { .. }))
        .count();
    assert_eq!(listed, merged.conflicts.len());
    let text = Store::file_text(&merged.session).unwrap();
    let back = Store::load_bytes(text.as_bytes(), Path::new("merged.kansa"), false).unwrap();
    assert!(
        back == merged.session,
        "the merged session is written as another"
    );
}

/// Merges as the merge driver and `kansa merge` do. For inputs as heard (`exact`),
/// on clocks that agree or not, also in the other order, and each side again, which
/// must change nothing: changes are ordered by their hybrid logical time, so a change
/// made after seeing another sorts after it whatever the laptop's clock said.
fn check([base, ours, theirs]: &[Session; 3], exact: bool) -> Verdict {
    let driver = merge::merge(ours, theirs);
    let command = merge::merge(base, ours).and_then(|m| merge::merge(&m.session, theirs));
    // Writing costs most of a run: one of the two is written, the command's.
    if let Some(merged) = command.as_ref().ok().or(driver.as_ref().ok()) {
        written(merged);
        if !merged.conflicts.is_empty() {
            CONFLICTED.fetch_add(1, Ordering::Relaxed);
        }
    }
    if exact && let Ok(merged) = &command {
        let other = merge::merge(base, theirs).and_then(|m| merge::merge(&m.session, ours));
        let other = other.unwrap().session;
        assert!(other == merged.session, "another order, another session");
        for side in [ours, theirs] {
            let again = merge::merge(&merged.session, side).unwrap();
            assert!(
                again.added == 0 && again.session == merged.session,
                "merged twice"
            );
        }
    }
    driver
        .as_ref()
        .err()
        .or(command.as_ref().err())
        .map_or(Ok(()), refused)
}

#[test]
fn merging_session_files_never_panics_and_places_every_error() {
    let rounds = rounds();
    // Heard rounds as files, to mutate: made once, as reading them is most of a run.
    let mut rng = Rng(0x006d_6572_6765);
    let pool: Vec<([Session; 3], [Vec<u8>; 3])> = (0..32)
        .map(|_| {
            let heard = heard(&mut rng, &rounds).sessions;
            let files = files(&mut rng, &heard);
            let read = |i: usize| Store::load_bytes(&files[i], Path::new(FILES[i]), false).unwrap();
            ([read(0), read(1), read(2)], files)
        })
        .collect();
    fuzz("merge", |case| {
        if case.rng.one_in(2) {
            let heard = heard(&mut case.rng, &rounds);
            // Whatever the clocks say: the hybrid logical time orders the changes.
            return check(&heard.sessions, true);
        }
        let (sessions, files) = case.rng.pick(&pool);
        let (mut sessions, mut files) = (sessions.clone(), files.clone());
        let (all, one) = (case.rng.one_in(4), case.rng.below(3));
        let mutated: Vec<usize> = (0..3).filter(|&i| all || i == one).collect();
        for &i in &mutated {
            files[i] = if case.rng.one_in(2) {
                swap_strings(&mut case.rng, &files[i])
            } else {
                mutate(&mut case.rng, &files[i])
            };
        }
        for (name, bytes) in FILES.iter().zip(&files) {
            case.keep(name, bytes);
        }
        for i in mutated {
            match Store::load_bytes(&files[i], Path::new(FILES[i]), false) {
                Ok(session) => sessions[i] = session,
                Err(e) => {
                    assert!(e.position.is_some() && e.path == Path::new(FILES[i]), "{e}");
                    return Err("a file refused at its line and column");
                }
            }
        }
        check(&sessions, false)
    });
    let conflicted = CONFLICTED.load(Ordering::Relaxed);
    eprintln!("merge: {conflicted} of the merges made left conflicts");
}
