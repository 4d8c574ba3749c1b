//! Merging a part costs the part (issue 26, point 3): `Store::merge_in` of one part
//! streams the round's file and appends the merge as one journal line, and the round
//! read back is the very session a whole merge gives — history, heads, conflicts,
//! times — whether the round went on after the part was cut, the part conflicts with
//! it or the part was merged before.

use chrono::Duration;
use kansa::merge;
use kansa::session::{Change, Session};
use kansa::store::Store;
use proptest::prelude::*;

use crate::rounds::seed_or_isms;

const TEXTS: [&str; 3] = ["付箋にID・パスワード。", "施錠管理を確認した。", ""];

/// A change in one of a few cells of the first two departments.
fn change_of(session: &Session, kind: u8, cell: usize, value: usize) -> Option<Change> {
    let department = session.hearings.get(cell % 2)?.department.short.clone();
    let items: Vec<String> = (session.checklist.items().take(3))
        .map(|(_, i)| i.id.clone())
        .collect();
    let item = &items[cell / 2 % items.len()];
    let scale = &session.checklist.scale;
    match kind {
        0 => session.set_mark(&department, item, Some(&scale[value % scale.len()].symbol)),
        1 => session.set_note(&department, item, TEXTS[value % TEXTS.len()]),
        _ => {
            let area = session.area_of(item)?.id.clone();
            session.set_observation(&department, &area, TEXTS[value % TEXTS.len()])
        }
    }
    .ok()
}

/// Records `steps` (`part`: in the part, else in the round on disk), each a second of
/// real time after the one before, on clocks `skew` seconds apart.
fn hear(
    store: &Store,
    id: &str,
    part: &mut Session,
    steps: &[(bool, u8, usize, usize)],
    skew: i64,
) {
    let mut writer = store.open_writer(id, "監査 太郎").unwrap();
    let start = part.last_change();
    for (n, &(in_part, kind, cell, value)) in steps.iter().enumerate() {
        let now = start + Duration::seconds(n as i64 + 1);
        if in_part {
            if let Some(change) = change_of(part, kind, cell, value) {
                let event = part.stamp(change, "佐藤 花子", now + Duration::seconds(skew));
                part.apply(event).unwrap();
            }
        } else if let Some(change) = change_of(writer.session(), kind, cell, value) {
            writer.record(change).unwrap();
        }
    }
    writer.close().unwrap();
}

fn check(
    isms: bool,
    whole: bool,
    steps: &[(bool, u8, usize, usize)],
    skew: i64,
) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let base = seed_or_isms(isms);
    store.create(&base).unwrap();
    let names: Vec<String> = base
        .hearings
        .iter()
        .take(2)
        .map(|h| h.department.short.clone())
        .collect();
    let mut part = if whole {
        base.clone()
    } else {
        merge::part(&base, &names).unwrap()
    };
    hear(&store, &base.id, &mut part, steps, skew);
    let before = store.load(&base.id).unwrap();
    let whole_merge = merge::merge(&before, &part).unwrap();
    let merged = store
        .merge_in(&base.id, std::slice::from_ref(&part), "監査 太郎")
        .unwrap();
    prop_assert_eq!(merged.added, whole_merge.added);
    prop_assert_eq!(&merged.conflicts, &whole_merge.conflicts);
    let text = std::fs::read_to_string(store.path_of(&base.id)).unwrap();
    if merged.added > 0 {
        prop_assert!(text.contains("\n(taken:"), "merged at the cost of the part");
    }
    let after = store.load(&base.id).unwrap();
    prop_assert_eq!(&after.history, &whole_merge.session.history);
    prop_assert_eq!(&after.heads, &whole_merge.session.heads);
    prop_assert_eq!(&after, &whole_merge.session);
    // Again: nothing new, not a byte written.
    let again = store
        .merge_in(&base.id, std::slice::from_ref(&part), "監査 太郎")
        .unwrap();
    prop_assert_eq!(again.added, 0);
    prop_assert_eq!(&again.conflicts, &whole_merge.conflicts);
    prop_assert_eq!(
        std::fs::read_to_string(store.path_of(&base.id)).unwrap(),
        text
    );
    // Opened and folded, it stays that session; the part heard on and merged again
    // (the round's heads now read from its snapshot) is again the whole merge.
    let mut writer = store.open_writer(&base.id, "監査 太郎").unwrap();
    prop_assert_eq!(writer.session(), &whole_merge.session);
    writer.compact().unwrap();
    drop(writer);
    let more: Vec<_> = steps
        .iter()
        .map(|&(_, k, c, v)| (true, k, c, v + 1))
        .collect();
    hear(&store, &base.id, &mut part, &more, skew);
    let before = store.load(&base.id).unwrap();
    let whole_merge = merge::merge(&before, &part).unwrap();
    let merged = store
        .merge_in(&base.id, std::slice::from_ref(&part), "監査 太郎")
        .unwrap();
    prop_assert_eq!(merged.added, whole_merge.added);
    prop_assert_eq!(&merged.conflicts, &whole_merge.conflicts);
    prop_assert_eq!(&store.load(&base.id).unwrap(), &whole_merge.session);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_part_merged_at_its_cost_is_the_whole_merge(
        isms in any::<bool>(),
        whole in prop::bool::weighted(0.2),
        steps in prop::collection::vec((any::<bool>(), 0..3u8, 0..6usize, 0..4usize), 0..16),
        skew in -86_400i64..=86_400,
    ) {
        check(isms, whole, &steps, skew)?;
    }
}
