//! Rounds over time through the binary: the seed round (上半期, signed) and a 下半期
//! started from it in which 保育課 fixed I-3 and not III-7; a newer checklist matched
//! item by item; a damaged source session; `kansa diff`.

use std::path::Path;

use crate::common::{kansa_in, run, stderr, stdout};
use kansa::checklist::Checklist;
use kansa::review::{self, Reason};
use kansa::rounds::{FollowUpState, FollowUpStatus};
use kansa::seed;
use kansa::session::Session;
use kansa::store::Store;

/// The seed round, whole and signed, saved as `seed` in a fresh data directory.
fn signed_seed() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let mut session = seed::whole_round("seed").expect("seed round");
    let change = session.sign(seed::LEAD, seed::epoch()).expect("signs");
    seed::record(&mut session, change).expect("recorded");
    store.create(&session).expect("saved");
    (dir, store)
}

/// `kansa new --from …` with `args`: the new id.
fn new_from(data: &Path, from: &str, args: &[&str]) -> String {
    let output = run(kansa_in(data)
        .args(["new", "--from", from, "--title", "令和6年度（下半期）"])
        .args(args));
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output).trim().to_string()
}

/// The 下半期 heard: the seed's marks, notes, 所見 and 指摘事項, except that 保育課
/// fixed I-3 (○); III-7 stays ×. Built in memory, then recorded through a writer as a
/// hearing would.
fn hear_second_half(store: &Store, id: &str) {
    let mut heard = store.load(id).expect("loads");
    let start = heard.history.len();
    seed::enter_marks(&mut heard).expect("marks");
    let fixed = heard.set_mark("保育", "I-3", Some("○")).expect("mark");
    seed::record(&mut heard, fixed).expect("recorded");
    seed::enter_notes(&mut heard).expect("notes");
    seed::enter_findings(&mut heard).expect("findings");
    let mut writer = store.open_writer(id, seed::AUDITOR).expect("writer");
    for event in heard.history.iter().skip(start) {
        writer.record(event.change.clone()).expect("recorded");
    }
    writer.close().expect("closed");
}

fn follow_up_blockers(session: &Session) -> Vec<(String, u32)> {
    review::review(session)
        .blockers()
        .filter_map(|e| match e.reason {
            Reason::FollowUpOpen(id) => Some((e.department.clone().unwrap_or_default(), id)),
            _ => None,
        })
        .collect()
}

#[test]
fn a_second_half_from_the_signed_seed_round_compares_and_follows_up() {
    let (dir, store) = signed_seed();
    let data = dir.path();
    let id = new_from(data, "seed", &[]);
    let fresh = store.load(&id).expect("loads");
    assert_eq!(fresh.facts.lead, seed::LEAD, "the facts come along");
    assert_eq!(fresh.facts.date, None, "not the date");
    assert_eq!(fresh.hearings.len(), 6);
    assert_eq!(fresh.answer("保育", "I-3"), None, "no mark is copied");
    let previous = fresh.previous.as_ref().expect("previous");
    let earlier = previous.answer("保育", "I-3").expect("earlier answer");
    assert_eq!(earlier.mark.as_deref(), Some("×"));
    assert!(earlier.note.contains("IDPW"));

    hear_second_half(&store, &id);
    let session = store.load(&id).expect("loads");

    let output = run(kansa_in(data).args([
        "export", &id, "--lang", "en", "--format", "md", "--report", "compare", "-o", "-",
    ]));
    assert!(output.status.success(), "{}", stderr(&output));
    let md = stdout(&output);
    assert!(md.contains("| 保育 | I | I-3 | × | ○ | improved |"), "{md}");
    assert!(
        md.contains("| 保育 | III | III-7 | × | × | unchanged |"),
        "{md}"
    );
    assert!(md.contains("| 保育 | Total | 1 | 0 | 27 |"), "{md}");
    assert!(
        md.contains("| 保育 | I | #2 | I-3, I-5(2) | ID・パスワードの取扱い | open |"),
        "{md}"
    );
    for format in ["csv", "html", "xlsx"] {
        let out = data.join(format!("compare.{format}"));
        let output = run(kansa_in(data)
            .args([
                "export", &id, "--report", "compare", "--format", format, "-o",
            ])
            .arg(&out));
        assert!(output.status.success(), "{format}: {}", stderr(&output));
        assert!(std::fs::metadata(&out).expect("written").len() > 100);
    }

    // Every earlier 指摘事項 is a follow-up, and the only thing still blocking.
    let open = follow_up_blockers(&session);
    assert!(
        open.contains(&("保育".into(), 2)),
        "I-3's finding: {open:?}"
    );
    assert_eq!(
        open.iter().filter(|(d, _)| d == "保育").count(),
        3,
        "{open:?}"
    );
    assert_eq!(open.len(), 4, "{open:?}");
    assert_eq!(review::review(&session).blockers().count(), 4);
    let output = run(kansa_in(data).args(["review", &id]));
    assert!(!output.status.success());
    assert!(stdout(&output).contains("last round's finding #2 has no follow-up status"));
    let sign = |data: &Path| {
        run(kansa_in(data).args(["--as", seed::LEAD, "sign", &id, "--by", seed::LEAD]))
    };
    assert!(
        !sign(data).status.success(),
        "open follow-ups block sign-off"
    );

    let mut writer = store.open_writer(&id, seed::AUDITOR).expect("writer");
    let count = writer
        .session()
        .previous
        .as_ref()
        .map_or(0, |p| p.followups.len());
    for index in 0..count {
        let finding = &writer
            .session()
            .previous
            .as_ref()
            .expect("previous")
            .followups[index];
        let status = match finding.finding.items.contains(&"III-7".to_string()) {
            true => FollowUpStatus::NotImproved,
            false => FollowUpStatus::Improved,
        };
        let state = FollowUpState {
            status: Some(status),
            note: "確認済".into(),
        };
        let change = writer
            .session()
            .set_followup(index, state)
            .expect("follow-up");
        writer.record(change).expect("recorded");
    }
    writer.close().expect("closed");
    let output = sign(data);
    assert!(
        output.status.success(),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );

    let output = run(kansa_in(data).args([
        "export", &id, "--lang", "en", "--format", "md", "--report", "compare", "-o", "-",
    ]));
    let md = stdout(&output);
    assert!(md.contains("| 保育 | III | #1 | III-7 | 特定個人情報事務取扱担当の監督，教育 | not improved | 確認済 |"), "{md}");
    let output = run(kansa_in(data).args(["history", &id]));
    assert!(stdout(&output).contains("follow-up: open → improved (確認済)"));

    // The follow-ups are part of what was signed: a hand edit is named.
    assert!(run(kansa_in(data).args(["verify", &id])).status.success());
    let path = store.path_of(&id);
    let text = std::fs::read_to_string(&path).expect("reads");
    std::fs::write(&path, text.replace("確認済", "未確認")).expect("written");
    let output = run(kansa_in(data).args(["verify", &id]));
    assert!(!output.status.success());
    let said = format!("{}{}", stdout(&output), stderr(&output));
    assert!(
        said.contains("follow-up of last round's findings"),
        "{said}"
    );
}

#[test]
fn kansa_diff_prints_the_cells_that_differ() {
    let (dir, store) = signed_seed();
    let data = dir.path();
    let id = new_from(data, "seed", &[]);
    hear_second_half(&store, &id);
    let output = run(kansa_in(data).args(["diff", "seed", &id]));
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert_eq!(
        text.lines().collect::<Vec<_>>(),
        ["保育\tI-3\t×\t○"],
        "{text}"
    );
    let output = run(kansa_in(data).args(["diff", "seed", "seed"]));
    assert_eq!(stdout(&output), "");
}

/// The bundled checklist with I-1 reworded, I-4 removed and I-9 added after I-8.
fn newer_checklist() -> Checklist {
    let mut checklist = Checklist::bundled();
    let area = &mut checklist.areas[0];
    area.items[0].text = format!("{}（端末を含む）", area.items[0].text);
    let removed = area.items.iter().position(|i| i.id == "I-4").expect("I-4");
    area.items.remove(removed);
    let mut added = area.items[0].clone();
    added.id = "I-9".into();
    added.text = "生成AIの利用ルールを周知しているか。".into();
    area.items.push(added);
    checklist
}

#[test]
fn a_newer_checklist_maps_items_by_id_and_text_and_lists_the_removed_one() {
    let (dir, store) = signed_seed();
    let data = dir.path();
    let file = data.join("newer.ron");
    let text = ron::ser::to_string_pretty(&newer_checklist(), ron::ser::PrettyConfig::new())
        .expect("serializes");
    std::fs::write(&file, text).expect("written");
    let output = run(kansa_in(data)
        .args(["new", "--from", "seed", "--title", "下半期", "--checklist"])
        .arg(&file));
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("last round's item I-4 is not in this checklist"));
    let session = store.load(stdout(&output).trim()).expect("loads");
    let previous = session.previous.as_ref().expect("previous");
    assert_eq!(previous.changed.iter().collect::<Vec<_>>(), ["I-1"]);
    assert_eq!(previous.added, ["I-9"]);
    assert_eq!(previous.removed.len(), 1);
    assert_eq!(previous.removed[0].id, "I-4");
    assert!(
        previous.answer("保育", "I-3").is_some(),
        "unchanged items carry on"
    );
    assert!(
        previous.answer("保育", "I-9").is_none(),
        "a new item has none"
    );
    assert!(previous.answer("保育", "I-4").is_none());
    assert!(session.checklist.item("I-9").is_some());
    let id = session.id.clone();
    let output = run(kansa_in(data).args([
        "export", &id, "--lang", "en", "--format", "md", "--report", "compare", "-o", "-",
    ]));
    let md = stdout(&output);
    assert!(md.contains("I-1: text changed"), "{md}");
    assert!(md.contains("I-9: new item"), "{md}");
    assert!(md.contains("I-4: removed ("), "{md}");
}

#[test]
fn a_damaged_source_is_located_and_nothing_is_created() {
    let (dir, store) = signed_seed();
    let data = dir.path();
    let file = data.join("copy.ron");
    let text = std::fs::read_to_string(store.path_of("seed")).expect("reads");
    let (line_no, _) = text
        .lines()
        .enumerate()
        // The snapshot's title, not the summary line's (a comment kept current by kansa).
        .find(|(_, l)| l.contains("title:") && !l.starts_with("//"))
        .expect("a title line");
    let damaged: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| match i == line_no {
            true => l.replacen("title:", "title: ]", 1),
            false => l.to_string(),
        })
        .collect();
    std::fs::write(&file, damaged.join("\n")).expect("written");
    let before = std::fs::read_dir(data.join("sessions"))
        .expect("dir")
        .count();
    let output = run(kansa_in(data)
        .args(["new", "--from"])
        .arg(&file)
        .args(["--title", "下半期"]));
    assert!(!output.status.success());
    let error = stderr(&output);
    let place = format!("{}:{}:", file.display(), line_no + 1);
    assert!(error.contains(&place), "{place} in {error}");
    assert_eq!(error.lines().count(), 1, "{error}");
    let after = std::fs::read_dir(data.join("sessions"))
        .expect("dir")
        .count();
    assert_eq!(before, after, "nothing created");
}
