//! An order of changes no clock can fool (issue 26, point 1): writers on laptops whose
//! clocks differ by up to a day each hear a copy of one round, the same cells among
//! them, and now and then take in another's copy (so that they have seen its changes).
//! Merging their copies in every order gives the same round, history and conflicts,
//! and every change made after seeing another sorts after it, in every copy's history
//! and in the merge.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::Duration;
use kansa::merge::{self, identity};
use kansa::session::{Change, Event, Session, Timestamp};
use kansa::store::Store;
use proptest::prelude::*;

use crate::rounds::{orders, seed_or_isms};

const AUTHORS: [&str; 3] = ["田中 一郎", "佐藤 花子", "鈴木 次郎"];
const TEXTS: [&str; 3] = ["付箋にID・パスワード。", "施錠管理を確認した。", ""];

/// One step of the hearings: a writer records a change, or takes another's copy in.
#[derive(Debug, Clone)]
enum Step {
    Record {
        writer: usize,
        kind: u8,
        cell: usize,
        value: usize,
        /// Seconds of real time since the step before.
        after: u8,
    },
    Sees {
        writer: usize,
        other: usize,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0..3usize, 0..3u8, 0..4usize, 0..4usize, 0..3u8).prop_map(
            |(writer, kind, cell, value, after)| Step::Record { writer, kind, cell, value, after }
        ),
        1 => (0..3usize, 0..3usize).prop_map(|(writer, other)| Step::Sees { writer, other }),
    ]
}

/// The change `kind` asks of `session` in one of a few cells that every writer hears.
fn change_of(session: &Session, kind: u8, cell: usize, value: usize) -> Option<Change> {
    let departments: Vec<&str> = session
        .hearings
        .iter()
        .take(2)
        .map(|h| h.department.short.as_str())
        .collect();
    let items: Vec<&str> = session
        .checklist
        .items()
        .take(2)
        .map(|(_, i)| i.id.as_str())
        .collect();
    let department = departments[cell % departments.len()];
    let item = items[cell / 2 % items.len()];
    let scale = &session.checklist.scale;
    match kind {
        0 => session.set_mark(department, item, Some(&scale[value % scale.len()].symbol)),
        1 => session.set_note(department, item, TEXTS[value % TEXTS.len()]),
        _ => {
            let area = session.area_of(item)?.id.clone();
            session.set_observation(department, &area, TEXTS[value % TEXTS.len()])
        }
    }
    .ok()
}

struct Heard {
    base: Session,
    copies: Vec<Session>,
    /// For each change recorded: the changes its writer had seen by then.
    seen: Vec<(String, HashSet<String>)>,
}

/// The steps heard by `writers` laptops whose clocks are `skews` seconds off.
fn hear(base: &Session, writers: usize, skews: &[i64], steps: &[Step]) -> Heard {
    let mut copies = vec![base.clone(); writers];
    let mut real: Timestamp = base.last_change();
    let mut seen = Vec::new();
    for step in steps {
        match *step {
            Step::Record {
                writer,
                kind,
                cell,
                value,
                after,
            } => {
                let writer = writer % writers;
                real += Duration::seconds(i64::from(after));
                let copy = &mut copies[writer];
                let Some(change) = change_of(copy, kind, cell, value) else {
                    continue;
                };
                let now = real + Duration::seconds(skews[writer]);
                let event = copy.stamp(change, AUTHORS[writer], now);
                let before: HashSet<String> = copy.history.iter().map(identity).collect();
                if copy.apply(event.clone()).is_ok() {
                    seen.push((identity(&event), before));
                }
            }
            Step::Sees { writer, other } => {
                let (writer, other) = (writer % writers, other % writers);
                if writer != other {
                    let theirs = copies[other].clone();
                    copies[writer] = merge::merge(&copies[writer], &theirs).unwrap().session;
                }
            }
        }
    }
    Heard {
        base: base.clone(),
        copies,
        seen,
    }
}

/// Every change sorts after those its writer had seen when making it.
fn causal(history: &[&Event], seen: &[(String, HashSet<String>)]) -> Result<(), TestCaseError> {
    let place: HashMap<String, usize> = history
        .iter()
        .enumerate()
        .map(|(i, e)| (identity(e), i))
        .collect();
    for (event, before) in seen {
        let Some(&at) = place.get(event) else {
            continue;
        };
        for earlier in before {
            if let Some(&was) = place.get(earlier) {
                prop_assert!(was < at, "a change sorts before one its writer had seen");
            }
        }
    }
    Ok(())
}

fn check(isms: bool, writers: usize, skews: &[i64], steps: &[Step]) -> Result<(), TestCaseError> {
    let heard = hear(&seed_or_isms(isms), writers, skews, steps);
    for copy in &heard.copies {
        causal(&copy.history.iter().collect::<Vec<_>>(), &heard.seen)?;
    }
    // Into the round as it was, one copy after another, in every order; and one copy
    // taking in the others (as `kansa merge` on a laptop would).
    let mut results = Vec::new();
    for order in orders(writers) {
        let into_base = order.iter().fold(heard.base.clone(), |s, &i| {
            merge::merge(&s, &heard.copies[i]).unwrap().session
        });
        let (first, rest) = order.split_first().unwrap();
        let into_copy = rest.iter().fold(heard.copies[*first].clone(), |s, &i| {
            merge::merge(&s, &heard.copies[i]).unwrap().session
        });
        results.push(into_base);
        results.push(into_copy);
    }
    let first = &results[0];
    for other in &results[1..] {
        prop_assert_eq!(
            &other.history,
            &first.history,
            "another order, another history"
        );
        prop_assert_eq!(merge::conflicts(other), merge::conflicts(first));
        prop_assert_eq!(other, first, "another order, another round");
    }
    causal(&first.history.iter().collect::<Vec<_>>(), &heard.seen)?;
    prop_assert_eq!(
        first.history.len(),
        heard.base.history.len() + heard.seen.len()
    );
    // Every conflict is between writers who had not seen each other's change.
    for conflict in merge::conflicts(first) {
        let writers: HashSet<&str> = conflict.values.iter().map(|w| w.by.as_str()).collect();
        prop_assert!(writers.len() >= 2, "{conflict:?}");
    }
    // The times are kept as recorded, and so is the order, through a file.
    let text = Store::file_text(first).unwrap();
    let back = Store::load_bytes(text.as_bytes(), Path::new("merged.kansa"), false).unwrap();
    prop_assert_eq!(&back, first);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn clocks_a_day_apart_merge_the_same_in_every_order(
        isms in any::<bool>(),
        writers in 2..=3usize,
        skews in prop::collection::vec(-86_400i64..=86_400, 3),
        steps in prop::collection::vec(step(), 0..40),
    ) {
        check(isms, writers, &skews, &steps)?;
    }
}

/// The case the README used to warn of: a laptop a day behind records a change after
/// taking in another's; it sorts after it, and the time shown is its own clock's.
#[test]
fn a_change_made_after_seeing_another_sorts_after_it_on_a_clock_a_day_behind() {
    let base = seed_or_isms(false);
    let at = base.last_change();
    let mut ahead = base.clone();
    let change = ahead.set_mark("保育", "I-3", Some("×")).unwrap();
    let first = ahead.stamp(change, "田中 一郎", at + Duration::hours(1));
    ahead.apply(first.clone()).unwrap();
    let mut behind = merge::merge(&base, &ahead).unwrap().session;
    let change = behind.set_mark("保育", "I-3", Some("△")).unwrap();
    let late = at - Duration::days(1);
    let second = behind.stamp(change, "佐藤 花子", late);
    behind.apply(second.clone()).unwrap();
    assert_eq!(second.at, late, "the time shown is the laptop's own");
    assert!(second.time() > first.time());
    for merged in [
        merge::merge(&ahead, &behind).unwrap(),
        merge::merge(&behind, &ahead).unwrap(),
    ] {
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        assert_eq!(
            merged.session.hearing("保育").unwrap().mark("I-3"),
            Some("△")
        );
        let last = merged.session.history.last().unwrap();
        assert_eq!(identity(last), identity(&second));
    }
}
