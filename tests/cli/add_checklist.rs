//! `kansa add-checklist ID FILE` (issue 24): a checklist joins an open round as a change
//! of its history, carried by parts and merges; what cannot join is refused in words,
//! with exit 3 for the round's state and 1 for a file `validate` refuses.

use std::path::Path;

use kansa::session::{Change, qualified};
use kansa::store::Store;

use crate::common::{kansa_in, mark_as, run, stderr, stdout};

const TOKUTEI: &str = "checklists/tokutei-kojin-joho.ron";
const ISMS: &str = "checklists/isms-severity.ron";

/// Runs kansa in Japanese: (exit code, stdout, stderr).
fn kansa(data: &Path, args: &[&str]) -> (i32, String, String) {
    let output = run(kansa_in(data).args(["--lang", "ja"]).args(args));
    (
        output.status.code().unwrap_or(-1),
        stdout(&output),
        stderr(&output),
    )
}

/// A new round of the seed's checklist only.
fn seed_round(data: &Path) -> String {
    let (code, id, err) = kansa(data, &["new", "--title", "上半期", "--lead", "田中 一郎"]);
    assert_eq!(code, 0, "{err}");
    id.trim().to_string()
}

#[test]
fn a_checklist_added_to_an_open_round_is_heard_and_in_its_history() {
    let data = tempfile::tempdir().unwrap();
    let id = seed_round(data.path());
    let (code, out, err) = kansa(data.path(), &["add-checklist", &id, TOKUTEI]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("追加しました") && out.contains("3 部署"),
        "{out}"
    );

    let session = Store::open(data.path()).unwrap().load(&id).unwrap();
    let ids: Vec<&str> = session.checklists().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["ryugasaki-2024-h1", "tokutei-kojin-joho"]);
    assert_eq!(session.cell_count(), 6 * 28 + 3 * 15);
    mark_as(
        "鈴木 花子",
        data.path(),
        &id,
        "保育",
        "tokutei-kojin-joho::T2-1",
        "×",
    );
    let (code, shown, err) = kansa(
        data.path(),
        &["show", &id, "--checklist", "tokutei-kojin-joho"],
    );
    assert_eq!(code, 0, "{err}");
    let t21 = shown.lines().find(|l| l.starts_with("T2-1 ")).unwrap();
    assert!(t21.contains('×'), "{t21}");

    // Who added it, and which: in Japanese and in English.
    let (code, history, _) = kansa(data.path(), &["--as", "佐藤", "history", &id]);
    assert_eq!(code, 0);
    let line = history
        .lines()
        .find(|l| l.contains("チェックリストを追加"))
        .unwrap_or_else(|| panic!("{history}"));
    assert!(
        line.contains("tokutei-kojin-joho") && line.contains("15項目"),
        "{line}"
    );
    let output = run(kansa_in(data.path()).args(["--lang", "en", "history", &id]));
    let english = stdout(&output);
    assert!(
        english.contains("checklist added:")
            && english.contains("(id tokutei-kojin-joho, 15 items)"),
        "{english}"
    );
}

#[test]
fn a_checklist_of_another_scale_added_keeps_its_own_marks() {
    let data = tempfile::tempdir().unwrap();
    let id = seed_round(data.path());
    let (code, out, err) = kansa(data.path(), &["add-checklist", &id, ISMS]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("6 部署"), "{out}");
    let store = Store::open(data.path()).unwrap();
    let session = store.load(&id).unwrap();
    let second = &session.extra[0];
    assert_eq!(second.scale[1].symbol, "重");
    let (_, item) = second.items().next().unwrap();
    let cell = qualified(&second.id, &item.id);
    assert!(session.set_mark("保育", &cell, Some("×")).is_err());
    mark_as("鈴木 花子", data.path(), &id, "保育", &cell, "重");
    let view = store.load(&id).unwrap().view(1).unwrap();
    assert_eq!(view.hearing("保育").unwrap().mark(&item.id), Some("重"));
    // And a third: the two added ones each keep their place after the main one.
    let (code, _, err) = kansa(data.path(), &["add-checklist", &id, TOKUTEI]);
    assert_eq!(code, 0, "{err}");
    let session = store.load(&id).unwrap();
    let ids: Vec<&str> = session.checklists().map(|c| c.id.as_str()).collect();
    assert_eq!(ids[1..], [second.id.as_str(), "tokutei-kojin-joho"]);
}

#[test]
fn a_checklist_the_round_has_already_is_refused_with_exit_3() {
    let data = tempfile::tempdir().unwrap();
    let id = seed_round(data.path());
    assert_eq!(kansa(data.path(), &["add-checklist", &id, TOKUTEI]).0, 0);
    let (code, out, err) = kansa(data.path(), &["add-checklist", &id, TOKUTEI]);
    assert_eq!(code, 3, "{out}{err}");
    assert!(
        err.contains("すでに") && err.contains("tokutei-kojin-joho"),
        "{err}"
    );
    // The main checklist's id too.
    let (code, _, err) = kansa(
        data.path(),
        &["add-checklist", &id, "checklists/ryugasaki-2024-h1.ron"],
    );
    assert_eq!(code, 3, "{err}");
    let output = run(kansa_in(data.path()).args(["--lang", "en", "add-checklist", &id, TOKUTEI]));
    assert!(stderr(&output).contains("already"), "{}", stderr(&output));
    let session = Store::open(data.path()).unwrap().load(&id).unwrap();
    assert_eq!(session.extra.len(), 1);
}

#[test]
fn a_signed_round_refuses_a_checklist_with_exit_3() {
    let data = tempfile::tempdir().unwrap();
    let id = seed_round(data.path());
    let store = Store::open(data.path()).unwrap();
    let mut writer = store.open_writer(&id, "田中 一郎").unwrap();
    let at = writer.session().created;
    let signed = Change::SignOff {
        by: "田中 一郎".into(),
        at,
        digest: "0".repeat(64),
    };
    writer.record(signed).unwrap();
    writer.close().unwrap();
    let (code, _, err) = kansa(data.path(), &["add-checklist", &id, TOKUTEI]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("田中 一郎") && err.contains("署名"), "{err}");
    assert!(store.load(&id).unwrap().extra.is_empty());
}

#[test]
fn a_checklist_for_none_of_the_rounds_departments_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let (code, id, err) = kansa(
        data.path(),
        &["new", "--title", "t", "--departments", "秘書,財政"],
    );
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = kansa(data.path(), &["add-checklist", id.trim(), TOKUTEI]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("対象になる部署がこの回にありません"), "{err}");
}

#[test]
fn a_checklist_whose_mark_takes_a_screen_key_is_refused_as_validate_does() {
    let data = tempfile::tempdir().unwrap();
    let id = seed_round(data.path());
    let text = std::fs::read_to_string(TOKUTEI)
        .unwrap()
        .replace("key: '3'", "key: 'C'");
    let file = data.path().join("c.ron");
    std::fs::write(&file, text).unwrap();
    let (code, _, err) = kansa(data.path(), &["add-checklist", &id, file.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    let (_, _, validated) = kansa(data.path(), &["validate", file.to_str().unwrap()]);
    assert_eq!(err, validated);
    // No file, no round: failures, exit 1.
    let (code, _, err) = kansa(data.path(), &["add-checklist", &id, "none.ron"]);
    assert_eq!(code, 1, "{err}");
    let (code, _, err) = kansa(data.path(), &["add-checklist", "nope", TOKUTEI]);
    assert_eq!(code, 1, "{err}");
    assert!(
        Store::open(data.path())
            .unwrap()
            .load(&id)
            .unwrap()
            .extra
            .is_empty()
    );
}

/// Exports `departments` (all when empty) of round `id` in `from` to `file`.
fn export(from: &Path, id: &str, departments: &str, file: &Path) {
    let mut command = kansa_in(from);
    command.args(["export", id, "--format", "session"]);
    if !departments.is_empty() {
        command.args(["--departments", departments]);
    }
    let output = run(command.arg("-o").arg(file));
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn a_part_that_added_a_checklist_merges_back_into_the_round() {
    let root = tempfile::tempdir().unwrap();
    let (main, laptop) = (root.path().join("main"), root.path().join("laptop"));
    let id = seed_round(&main);
    let part = root.path().join("hoiku.ron");
    export(&main, &id, "保育", &part);
    let output = run(kansa_in(&laptop).args(["import", "session"]).arg(&part));
    assert!(output.status.success(), "{}", stderr(&output));
    let (code, _, err) = kansa(&laptop, &["add-checklist", &id, TOKUTEI]);
    assert_eq!(code, 0, "{err}");
    mark_as(
        "鈴木 花子",
        &laptop,
        &id,
        "保育",
        "tokutei-kojin-joho::T4-3",
        "×",
    );
    // Meanwhile the round goes on at the main laptop.
    mark_as("鈴木 花子", &main, &id, "防災", "I-1", "○");
    let back = root.path().join("back.ron");
    export(&laptop, &id, "", &back);
    let (code, out, err) = kansa(&main, &["merge", &id, back.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");

    let session = Store::open(&main).unwrap().load(&id).unwrap();
    let ids: Vec<&str> = session.checklists().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["ryugasaki-2024-h1", "tokutei-kojin-joho"]);
    assert_eq!(
        session
            .hearing("保育")
            .unwrap()
            .mark("tokutei-kojin-joho::T4-3"),
        Some("×")
    );
    assert_eq!(session.hearing("防災").unwrap().mark("I-1"), Some("○"));
    // Every department it is for can be heard with it, not only the part's.
    assert_eq!(session.cell_count(), 6 * 28 + 3 * 15);
    let view = session.view(1).unwrap();
    let shorts: Vec<&str> = view
        .hearings
        .iter()
        .map(|h| h.department.short.as_str())
        .collect();
    assert_eq!(shorts, ["防災", "保育", "障がい"]);
    let (_, history, _) = kansa(&main, &["history", &id]);
    assert!(history.contains("チェックリストを追加"), "{history}");
    // Merged again: nothing new.
    let (code, _, err) = kansa(&main, &["merge", &id, back.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let again = Store::open(&main).unwrap().load(&id).unwrap();
    assert_eq!(again.history.len(), session.history.len());
    assert_eq!(again.extra, session.extra);
}

#[test]
fn one_checklist_id_with_two_contents_is_still_refused_by_merge() {
    let root = tempfile::tempdir().unwrap();
    let (main, laptop) = (root.path().join("main"), root.path().join("laptop"));
    let id = seed_round(&main);
    let copy = root.path().join("copy.ron");
    export(&main, &id, "", &copy);
    let output = run(kansa_in(&laptop).args(["import", "session"]).arg(&copy));
    assert!(output.status.success(), "{}", stderr(&output));
    let changed = root.path().join("t.ron");
    let text = std::fs::read_to_string(TOKUTEI).unwrap();
    std::fs::write(&changed, text.replacen("title: \"", "title: \"改 ", 1)).unwrap();
    assert_eq!(kansa(&main, &["add-checklist", &id, TOKUTEI]).0, 0);
    assert_eq!(
        kansa(&laptop, &["add-checklist", &id, changed.to_str().unwrap()]).0,
        0
    );
    let back = root.path().join("back.ron");
    export(&laptop, &id, "", &back);
    let (code, _, err) = kansa(&main, &["merge", &id, back.to_str().unwrap()]);
    assert_ne!(code, 0);
    assert!(!err.is_empty());
}

#[test]
fn checklists_added_on_two_laptops_merge_in_the_same_order_either_way() {
    let root = tempfile::tempdir().unwrap();
    let (a, b) = (root.path().join("a"), root.path().join("b"));
    let id = seed_round(&a);
    let copy = root.path().join("copy.ron");
    export(&a, &id, "", &copy);
    let output = run(kansa_in(&b).args(["import", "session"]).arg(&copy));
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(kansa(&a, &["add-checklist", &id, ISMS]).0, 0);
    assert_eq!(kansa(&b, &["add-checklist", &id, TOKUTEI]).0, 0);
    let (from_a, from_b) = (
        root.path().join("from-a.ron"),
        root.path().join("from-b.ron"),
    );
    export(&a, &id, "", &from_a);
    export(&b, &id, "", &from_b);
    assert_eq!(kansa(&a, &["merge", &id, from_b.to_str().unwrap()]).0, 0);
    assert_eq!(kansa(&b, &["merge", &id, from_a.to_str().unwrap()]).0, 0);
    let order = |data: &Path| {
        let session = Store::open(data).unwrap().load(&id).unwrap();
        session
            .checklists()
            .map(|c| c.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(order(&a), order(&b));
    assert_eq!(order(&a).len(), 3);
}

#[test]
fn a_checklist_added_by_one_writer_is_followed_by_the_other_beside_it() {
    let data = tempfile::tempdir().unwrap();
    let id = seed_round(data.path());
    let store = Store::open(data.path()).unwrap();
    let mut first = store.open_writer(&id, "田中 一郎").unwrap();
    let mut second = store.open_side_writer(&id, "鈴木 花子").unwrap();
    let checklist = kansa::checklist::Checklist::load(Path::new(TOKUTEI)).unwrap();
    let change = second.session().adding_checklist(checklist).unwrap();
    second.record(change).unwrap();
    // The other writer takes it in, and can mark its cells at once.
    first.follow();
    assert_eq!(first.session().extra.len(), 1);
    let change = first
        .session()
        .set_mark("保育", "tokutei-kojin-joho::T1-1", Some("○"))
        .unwrap();
    first.record(change).unwrap();
    second.close().unwrap();
    first.close().unwrap();
    let session = store.load(&id).unwrap();
    assert_eq!(session.extra.len(), 1);
    assert_eq!(
        session
            .hearing("保育")
            .unwrap()
            .mark("tokutei-kojin-joho::T1-1"),
        Some("○")
    );
}

#[test]
fn new_refuses_a_second_checklist_for_none_of_the_departments_chosen() {
    let data = tempfile::tempdir().unwrap();
    let (code, _, err) = kansa(
        data.path(),
        &[
            "new",
            "--title",
            "t",
            "--departments",
            "秘書",
            "--checklist",
            "checklists/ryugasaki-2024-h1.ron",
            "--checklist",
            TOKUTEI,
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("tokutei-kojin-joho") && err.contains("対象になる部署"),
        "{err}"
    );
    let (_, list, _) = kansa(data.path(), &["list"]);
    assert_eq!(list.lines().count(), 1, "only the header:\n{list}");
}
