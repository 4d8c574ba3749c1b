//! Findings, review and sign-off on the seed round: the whole round walked to
//! sign-off through the core, what review lists on marks alone, hand edits of a
//! signed file named by `kansa verify`, reopening, the history and drafts.

use std::path::Path;
use std::process::{Command, Output};

use kansa::facts::{FactField, FactValue};
use kansa::findings::Finding;
use kansa::review::{self, Place, Reason};
use kansa::seed;
use kansa::session::{Change, Event, Refusal, Session};
use kansa::signoff::{self, Verification};
use kansa::store::{DraftTarget, Store};

fn kansa(data: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kansa"));
    command
        .env_remove("KANSA_DATA_DIR")
        .env_remove("KANSA_AUDITOR")
        .args(["--lang", "en", "--data-dir"])
        .arg(data);
    command
}

use crate::common::run;

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8")
}

/// A session saved in a fresh data directory.
fn saved(session: &Session) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.create(session).unwrap();
    (dir, store)
}

/// Signs through `kansa sign` and returns the digest it printed.
fn sign(data: &Path, id: &str, by: &str) -> String {
    let output = run(kansa(data).args(["--as", by, "sign", id, "--by", by]));
    assert!(output.status.success(), "{}", stderr(&output));
    let digest = stdout(&output).trim().to_string();
    assert_eq!(digest.len(), 64, "a SHA-256 digest alone: {digest:?}");
    digest
}

/// Every kind of edit a signed session must refuse, built by hand so that the core
/// itself (not only the builders) is seen to refuse them.
fn every_edit(session: &Session) -> Vec<Change> {
    let finding = Finding {
        id: 9,
        items: vec!["I-1".into()],
        text: "x".into(),
    };
    vec![
        Change::Mark {
            department: "保育".into(),
            item: "I-3".into(),
            from: Some("×".into()),
            to: Some("○".into()),
            from_applicability: false,
            to_applicability: false,
        },
        Change::Note {
            department: "保育".into(),
            item: "I-3".into(),
            from: String::new(),
            to: "x".into(),
        },
        Change::Fact {
            field: FactField::Overall,
            from: session.facts.get(FactField::Overall),
            to: FactValue::Text("x".into()),
        },
        Change::DepartmentFact {
            department: "保育".into(),
            field: FactField::Scope,
            from: None,
            to: Some("x".into()),
        },
        Change::Observation {
            department: "保育".into(),
            area: "I".into(),
            from: String::new(),
            to: "x".into(),
        },
        Change::Finding {
            department: "保育".into(),
            area: "I".into(),
            from: None,
            to: Some(finding),
        },
        Change::Dismissal {
            department: "障がい".into(),
            item: "III-7".into(),
            dismissed: true,
        },
        Change::SignOff {
            by: seed::LEAD.into(),
            at: seed::epoch(),
            digest: "0".repeat(64),
        },
    ]
}

#[test]
fn the_seed_round_walks_to_sign_off_and_then_refuses_every_edit() {
    let mut session = seed::whole_round("seed").unwrap();
    let review = review::review(&session);
    assert!(review.entries.is_empty(), "{:#?}", review.entries);
    assert_eq!(
        session.sign("監査 花子", seed::epoch()),
        Err(Refusal::NotASigner("監査 花子".into()))
    );
    let change = session.sign(seed::LEAD, seed::epoch()).unwrap();
    seed::record(&mut session, change).unwrap();
    assert!(session.is_signed());
    let signed = Refusal::Signed {
        by: seed::LEAD.into(),
    };

    // The builders refuse …
    let items = ["I-1".to_string()];
    let text = FactValue::Text("x".into());
    let built = [
        session.set_mark("保育", "I-3", Some("○")),
        session.set_note("保育", "I-3", "x"),
        session.set_fact(FactField::Purpose, text),
        session.set_department_fact("保育", FactField::Scope, Some("x")),
        session.set_observation("保育", "I", "x"),
        session.add_finding("保育", "I", &items, "x"),
        session.edit_finding("保育", "I", 1, &items, "x"),
        session.remove_finding("保育", "I", 1),
        session.sign(seed::LEAD, seed::epoch()),
    ];
    for result in built {
        assert_eq!(result, Err(signed.clone()));
    }
    // … and so does the session itself, whatever a caller sends it.
    let before = session.clone();
    for change in every_edit(&session) {
        let event = Event {
            at: seed::epoch(),
            by: seed::AUDITOR.into(),
            change: change.clone(),
            hlc: None,
        };
        assert_eq!(session.apply(event), Err(signed.clone()), "{change:?}");
    }
    assert_eq!(session, before, "nothing refused was applied");
    // Moving the cursor is not an edit.
    let change = session.move_to("保育", "I-3").unwrap();
    seed::record(&mut session, change).unwrap();

    let (dir, store) = saved(&session);
    assert!(matches!(
        store
            .open_writer("seed", "x")
            .unwrap()
            .record(every_edit(&session).remove(0)),
        Err(kansa::store::RecordError::Refused(Refusal::Signed { .. }))
    ));
    let digest = session.signed.as_ref().unwrap().digest.clone();
    let output = run(kansa(dir.path()).args(["verify", "seed"]));
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains(&digest), "{}", stdout(&output));
    for given in [&digest[..8], &digest.to_uppercase()[..]] {
        let output = run(kansa(dir.path()).args(["verify", "seed", "--digest", given]));
        assert!(output.status.success(), "{given}: {}", stderr(&output));
    }
    for wrong in ["0123456789", "abc", "xyzxyzxyz"] {
        let output = run(kansa(dir.path()).args(["verify", "seed", "--digest", wrong]));
        assert!(!output.status.success(), "{wrong}");
        assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));
    }
    let list = stdout(&run(kansa(dir.path()).arg("list")));
    let line = list.lines().find(|l| l.starts_with("seed")).unwrap();
    assert!(line.contains(&format!("signed ({})", seed::LEAD)), "{line}");
}

#[test]
fn on_the_seeds_marks_alone_review_lists_exactly_what_the_seed_leaves_to_write() {
    let mut session = seed::session("marks");
    seed::enter_marks(&mut session).unwrap();
    let (dir, _store) = saved(&session);

    let mut expected = Vec::new();
    for (department, item, _) in seed::NOTES {
        let mark = session.hearing(department).unwrap().mark(item).unwrap();
        expected.push(format!("blocks {department} {item}: {mark} needs a note"));
        if mark == "×" {
            expected.push(format!(
                "blocks {department} {item}: × is in no 指摘事項 (finding): accept or dismiss the proposal"
            ));
        }
    }
    for department in ["秘書", "防災", "管財", "福祉総務", "保育", "障がい"] {
        expected.push(format!(
            "blocks {department}: no 所見 (observation) in any area"
        ));
    }
    // No 総評 written yet (issue 27: an empty 総評 blocks sign-off).
    expected.push("blocks round: no overall remarks (総評)".to_string());
    expected.sort();
    assert_eq!(expected.len(), 10 + 5 + 6 + 1);

    let output = run(kansa(dir.path()).args(["review", "marks"]));
    assert!(!output.status.success());
    let mut lines: Vec<String> = stdout(&output).lines().map(String::from).collect();
    lines.sort();
    assert_eq!(lines, expected);
    assert!(
        stderr(&output).contains("22 entries block"),
        "{}",
        stderr(&output)
    );

    let output = run(kansa(dir.path()).args(["sign", "marks", "--by", seed::LEAD]));
    assert!(!output.status.success(), "sign must refuse");
    let mut lines: Vec<String> = stdout(&output).lines().map(String::from).collect();
    lines.sort();
    assert_eq!(lines, expected, "sign prints the blockers");
    assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));
    assert!(
        Store::open(dir.path())
            .unwrap()
            .load("marks")
            .unwrap()
            .signed
            .is_none()
    );

    // In Japanese too, one line per entry.
    let mut ja = Command::new(env!("CARGO_BIN_EXE_kansa"));
    ja.env_remove("KANSA_DATA_DIR")
        .args(["--lang", "ja", "--data-dir"]);
    let output = run(ja.arg(dir.path()).args(["review", "marks"]));
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 22, "{out}");
    assert!(out.contains("要対応 全体: 総評が未入力です"), "{out}");
    assert!(
        out.contains("要対応 保育 I-3: × にはメモが必要です"),
        "{out}"
    );
    assert!(out.contains("要対応 秘書: 所見がありません"), "{out}");
}

#[test]
fn review_names_places_and_warns_without_blocking() {
    let mut session = seed::whole_round("warn").unwrap();
    // A 指摘事項 on an item marked ○, an empty one, and an area with △ but no 所見.
    let items = ["I-1".to_string()];
    let change = session.add_finding("防災", "I", &items, "").unwrap();
    seed::record(&mut session, change).unwrap();
    let change = session.set_observation("管財", "I", "").unwrap();
    seed::record(&mut session, change).unwrap();
    let review = review::review(&session);
    let reasons: Vec<(Option<&str>, &Place, &Reason)> = review
        .entries
        .iter()
        .map(|e| (e.department.as_deref(), &e.place, &e.reason))
        .collect();
    let area = |a: &str| Place::Area(a.to_string());
    assert_eq!(
        reasons,
        [
            (Some("防災"), &area("I"), &Reason::EmptyFinding(1)),
            (
                Some("防災"),
                &area("I"),
                &Reason::FindingOnItem {
                    finding: 1,
                    item: "I-1".into()
                }
            ),
            (
                Some("管財"),
                &area("I"),
                &Reason::AreaWithoutObservation {
                    marks: vec!["△".into(), "×".into()],
                },
            ),
        ]
    );
    assert!(review.is_clean());
}

/// The seed round signed through `kansa sign`, as a file on disk.
fn signed_seed() -> (tempfile::TempDir, Session, String, String) {
    let session = seed::whole_round("signed").unwrap();
    let (dir, store) = saved(&session);
    let digest = sign(dir.path(), "signed", seed::LEAD);
    let text = std::fs::read_to_string(store.path_of("signed")).unwrap();
    let session = store.load("signed").unwrap();
    (dir, session, text, digest)
}

/// Byte offsets of the values written after `field: ` in `text`, in the content (the
/// history and sign-off that follow it change nothing signed).
fn values_of(text: &str, field: &str) -> Vec<usize> {
    let needle = format!("{field}: ");
    let history = text
        .find("\n    history: ")
        .or_else(|| text.find("\n    signed: "))
        .expect("a history");
    text.match_indices(&needle)
        .map(|(at, _)| at + needle.len())
        .filter(|&at| at < history)
        .collect()
}

/// Runs `kansa verify` on `text` as a file; returns its success and stdout.
fn verify_text(dir: &Path, text: &str) -> (bool, String) {
    let path = dir.join("edited.ron");
    std::fs::write(&path, text).unwrap();
    let output = run(kansa(dir).arg("verify").arg(&path));
    (output.status.success(), stdout(&output))
}

#[test]
fn hand_edits_of_a_signed_file_are_each_named_and_a_reformat_still_verifies() {
    let (dir, signed, text, _) = signed_seed();
    let work = dir.path();
    let mut checked = 0;
    // Every mark.
    for at in values_of(&text, "mark") {
        let rest = &text[at..];
        let Some(symbol) = rest
            .strip_prefix("Some(\"")
            .and_then(|r| r.split('"').next())
        else {
            continue;
        };
        let other = if symbol == "○" { "×" } else { "○" };
        let start = at + "Some(\"".len();
        let edited = format!("{}{other}{}", &text[..start], &text[start + symbol.len()..]);
        let changed = Store::load_file(&write(work, &edited)).unwrap();
        let (department, item) = changed_cell(&signed, &changed);
        let (ok, out) = verify_text(work, &edited);
        assert!(!ok, "{department} {item}");
        let line = format!("{department} {item}: {symbol} → {other} since sign-off");
        assert!(out.contains(&line), "{line}\n{out}");
        checked += 1;
    }
    assert_eq!(checked, 168, "every cell has a mark");
    // Every note, 所見 and 指摘事項 (and the checklist's texts).
    let texts = [
        ("note", "note changed since sign-off"),
        ("observation", "所見 (observation) changed since sign-off"),
        ("text", "changed since sign-off"),
    ];
    for (field, expected) in texts {
        for at in values_of(&text, field) {
            checked += usize::from(edit_string(work, &text, at, expected));
        }
    }
    // Every text of the round's facts (the checklist's defaults are the checklist's).
    let facts = text.find("\n    facts: (").unwrap()..text.find("\n    checklist: (").unwrap();
    let round_facts = [
        ("title", "round: title changed since sign-off"),
        (
            "lead",
            "round: lead auditor (監査実施責任者) changed since sign-off",
        ),
        (
            "purpose",
            "round: purpose (監査目的) changed since sign-off",
        ),
        ("scope", "round: scope (監査範囲) changed since sign-off"),
        ("method", "round: method (監査方法) changed since sign-off"),
        (
            "subjects",
            "round: audit subjects (監査項目) changed since sign-off",
        ),
        (
            "criteria",
            "round: criteria (適用基準) changed since sign-off",
        ),
        (
            "schedule",
            "round: schedule (監査実施日程) changed since sign-off",
        ),
        (
            "division",
            "round: auditing division (監査担当部門) changed since sign-off",
        ),
        (
            "overall",
            "round: overall remarks (総評) changed since sign-off",
        ),
    ];
    for (field, expected) in round_facts {
        let ats: Vec<usize> = values_of(&text, field)
            .into_iter()
            .filter(|at| facts.contains(at))
            .collect();
        assert_eq!(ats.len(), 1, "{field}");
        assert!(edit_string(work, &text, ats[0], expected), "{field}");
        checked += 1;
    }
    // The departments' own scope (保育, 障がい and 福祉総務 name 住民情報基幹系システム).
    let own_scope: Vec<usize> = values_of(&text, "scope")
        .into_iter()
        .filter(|at| text[*at..].starts_with("Some(\"(1)") && !facts.contains(at))
        .filter(|at| text[..*at].rfind("answers: {") > text[..*at].rfind("checklist: ("))
        .collect();
    assert_eq!(own_scope.len(), 3);
    for at in own_scope {
        assert!(edit_string(
            work,
            &text,
            at,
            "scope (監査範囲) changed since sign-off"
        ));
        checked += 1;
    }
    // Dates and the auditors.
    for (from, to, expected) in [
        (
            "date: Some(\"2024-09-27\")",
            "date: Some(\"2024-09-28\")",
            "round: audit date",
        ),
        (
            "report_date: Some(\"2024-10-15\")",
            "report_date: Some(\"2024-10-16\")",
            "round: report date",
        ),
        (
            "\"監査 太郎\",\n        ]",
            "\"監査 次郎\",\n        ]",
            "round: auditors",
        ),
    ] {
        assert!(text.contains(from), "{from}");
        let (ok, out) = verify_text(work, &text.replacen(from, to, 1));
        assert!(!ok && out.contains(expected), "{expected}\n{out}");
    }
    assert!(checked > 168 + 10 + 18 + 4 + 28, "{checked} edits");

    // Whitespace only: every line re-indented with tabs, blank lines between.
    let reformatted: String = text
        .lines()
        .map(|line| format!("\t{}\n\n", line.trim_start()))
        .collect();
    let (ok, out) = verify_text(work, &reformatted);
    assert!(ok, "{out}");
    assert!(out.contains("unchanged since sign-off"), "{out}");
}

/// Edits the string value at `at` (if it is a non-empty one) and checks that verify
/// fails naming `expected`; false when there was no string to edit.
fn edit_string(dir: &Path, text: &str, at: usize, expected: &str) -> bool {
    let Some(start) = string_start(text, at) else {
        return false;
    };
    let edited = format!("{}追記{}", &text[..start], &text[start..]);
    let (ok, out) = verify_text(dir, &edited);
    assert!(!ok, "an edit at {at}");
    assert!(out.contains(expected), "{expected}\n{out}");
    true
}

fn write(dir: &Path, text: &str) -> std::path::PathBuf {
    let path = dir.join("probe.ron");
    std::fs::write(&path, text).unwrap();
    path
}

/// The offset just inside the opening quote of a non-empty string value at `at`
/// (plain or in `Some(…)`), if the value is one.
fn string_start(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let skip = if rest.starts_with("Some(\"") {
        "Some(\"".len()
    } else if rest.starts_with('"') {
        1
    } else {
        return None;
    };
    (!rest[skip..].starts_with('"')).then_some(at + skip)
}

/// The one cell whose mark differs between two sessions.
fn changed_cell(a: &Session, b: &Session) -> (String, String) {
    for (ha, hb) in a.hearings.iter().zip(&b.hearings) {
        for (item, answer) in &ha.answers {
            if hb.mark(item) != answer.mark.as_deref() {
                return (ha.department.short.clone(), item.clone());
            }
        }
    }
    panic!("no mark changed")
}

#[test]
fn a_reopen_needs_a_reason_is_in_the_history_and_signing_again_gives_a_new_digest() {
    let (dir, _, _, first) = signed_seed();
    let data = dir.path();
    let output = run(kansa(data).args(["reopen", "signed"]));
    assert!(!output.status.success(), "--reason is required");
    let output = run(kansa(data).args(["reopen", "signed", "--reason", "  "]));
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("needs a reason"),
        "{}",
        stderr(&output)
    );

    let reason = "保育課から追加資料の提出があったため";
    let output =
        run(kansa(data).args(["--as", "監査 花子", "reopen", "signed", "--reason", reason]));
    assert!(output.status.success(), "{}", stderr(&output));
    let output = run(kansa(data).args(["verify", "signed"]));
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("not signed"),
        "{}",
        stderr(&output)
    );

    let history = stdout(&run(kansa(data).args(["history", "signed"])));
    let lines: Vec<&str> = history.lines().collect();
    let reopen = lines.last().unwrap();
    assert!(reopen.contains("監査 花子"), "{reopen}");
    assert!(
        reopen.contains(&format!(
            "reopen: signed {} → open (reason: {reason})",
            &first[..16]
        )),
        "{reopen}"
    );
    let when = reopen.split("  ").next().unwrap();
    chrono::DateTime::parse_from_str(when, "%Y-%m-%d %H:%M:%S%:z").expect("a time with its offset");
    let sign_off = lines[lines.len() - 2];
    assert!(
        sign_off.contains(&format!("sign-off: open → signed by {}", seed::LEAD)),
        "{sign_off}"
    );

    // Editable again, through the core.
    let store = Store::open(data).unwrap();
    let mut writer = store.open_writer("signed", "監査 花子").unwrap();
    let change = writer
        .session()
        .set_note("保育", "I-3", "撤去を確認した。")
        .unwrap();
    writer.record(change).unwrap();
    writer.close().unwrap();
    let second = sign(data, "signed", seed::LEAD);
    assert_ne!(second, first);
    let output = run(kansa(data).args(["verify", "signed", "--digest", &second[..12]]));
    assert!(output.status.success(), "{}", stderr(&output));
    let output = run(kansa(data).args(["verify", "signed", "--digest", &first[..12]]));
    assert!(!output.status.success(), "the first digest no longer holds");
    let history = stdout(&run(kansa(data).args(["history", "signed"])));
    assert_eq!(
        history.matches("sign-off: open → signed").count(),
        2,
        "{history}"
    );
}

#[test]
fn history_lists_every_change_and_filters_by_department_and_item() {
    let (dir, _, _, _) = signed_seed();
    let data = dir.path();
    let all = stdout(&run(kansa(data).args(["history", "signed"])));
    let session = Store::open(data).unwrap().load("signed").unwrap();
    assert_eq!(all.lines().count(), session.history.len());
    for kind in [
        "mark: ",
        "note: ",
        "所見: ",
        "finding #",
        "overall remarks (総評): ",
        "sign-off: ",
    ] {
        assert!(all.contains(kind), "{kind}");
    }
    let output = run(kansa(data).args([
        "history",
        "signed",
        "--department",
        "保育課",
        "--item",
        "I-3",
    ]));
    let lines: Vec<String> = stdout(&output).lines().map(String::from).collect();
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert!(
        lines[0].ends_with("保育 I-3 mark: not answered → ×"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains("保育 I-3 note: (empty) → \"IDPW"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2]
            .ends_with("保育 area I finding #2: (none) → I-3,I-5(2) \"ID・パスワードの取扱い\""),
        "{}",
        lines[2]
    );
    let output = run(kansa(data).args(["history", "signed", "--department", "総務"]));
    assert!(!output.status.success());
}

#[test]
fn proposals_are_accepted_reworded_or_dismissed_through_the_core() {
    let mut session = seed::session("proposals");
    seed::enter_marks(&mut session).unwrap();
    seed::enter_notes(&mut session).unwrap();
    let proposed: Vec<(String, String)> = session
        .hearings
        .iter()
        .flat_map(|h| session.proposals(&h.department.short))
        .map(|p| (p.department, p.item))
        .collect();
    let cell = |d: &str, i: &str| (d.to_string(), i.to_string());
    assert_eq!(
        proposed,
        [
            cell("保育", "I-2(2)"),
            cell("保育", "I-3"),
            cell("保育", "I-5(2)"),
            cell("保育", "III-7"),
            cell("障がい", "III-7"),
        ]
    );
    let change = session
        .accept_proposal("保育", "I-2(2)", Some("デスクトップ貼り付け"))
        .unwrap();
    seed::record(&mut session, change).unwrap();
    let change = session.accept_proposal("保育", "III-7", None).unwrap();
    seed::record(&mut session, change).unwrap();
    let change = session.dismiss_proposal("障がい", "III-7").unwrap();
    seed::record(&mut session, change).unwrap();
    let sheet = session.sheet("保育", "III").unwrap();
    assert!(
        sheet.findings[0]
            .text
            .starts_with("特定個人情報事務取扱担当の監督")
    );
    let left: Vec<Reason> = review::review(&session)
        .blockers()
        .map(|e| e.reason.clone())
        .filter(|r| matches!(r, Reason::NotInFinding { .. }))
        .collect();
    assert_eq!(left.len(), 2, "I-3 and I-5(2) of 保育: {left:?}");
    // The dismissal is kept in the file and survives a save and a load.
    let (_dir, store) = saved(&session);
    let loaded = store.load("proposals").unwrap();
    assert!(
        loaded
            .sheet("障がい", "III")
            .unwrap()
            .dismissed
            .contains("III-7")
    );
    assert!(loaded.proposals("障がい").is_empty());
}

#[test]
fn facts_come_from_the_checklist_differ_per_department_and_are_edited_as_changes() {
    let mut session = seed::session("facts");
    assert_eq!(session.facts.division, "デジタル都市推進課");
    assert_eq!(
        session.facts.report_date,
        chrono::NaiveDate::from_ymd_opt(2024, 10, 15)
    );
    assert!(
        session
            .facts
            .purpose
            .starts_with("各課等において、情報セキュリティを維持・管理する")
    );
    let scope = |s: &Session, d: &str| s.fact_for(d, FactField::Scope).display();
    assert!(!scope(&session, "秘書").contains("住民情報基幹系システム"));
    assert!(scope(&session, "保育課").contains("(2) 住民情報基幹系システム"));
    assert_eq!(
        session.set_fact(FactField::Date, FactValue::Text("昨日".into())),
        Err(Refusal::FactKind(FactField::Date))
    );
    assert_eq!(
        session.set_department_fact("保育", FactField::Purpose, Some("x")),
        Err(Refusal::NotPerDepartment(FactField::Purpose))
    );
    let change = session
        .set_department_fact("秘書", FactField::Schedule, Some("令和6年9月30日（月）"))
        .unwrap();
    seed::record(&mut session, change.clone()).unwrap();
    assert_eq!(
        session.fact_for("秘書", FactField::Schedule),
        FactValue::Text("令和6年9月30日（月）".into())
    );
    seed::record(&mut session, change.inverse().unwrap()).unwrap();
    assert_eq!(
        session.fact_for("秘書", FactField::Schedule),
        FactValue::Text("令和6年9月27日（金）".into())
    );
    assert_eq!(session.history.len(), 2, "both edits are in the history");
}

#[test]
fn the_digest_covers_content_signer_and_time_but_not_history_or_cursor() {
    let session = seed::whole_round("digest").unwrap();
    let at = seed::epoch();
    let digest = signoff::content_digest(&session, seed::LEAD, at);
    let mut moved = session.clone();
    moved.history.clear();
    moved.cursor = kansa::session::Cursor {
        department: "障がい".into(),
        item: "IV-6".into(),
    };
    assert_eq!(signoff::content_digest(&moved, seed::LEAD, at), digest);
    assert_ne!(signoff::content_digest(&session, seed::AUDITOR, at), digest);
    let later = at + chrono::Duration::seconds(1);
    assert_ne!(signoff::content_digest(&session, seed::LEAD, later), digest);
    assert_eq!(signoff::digest_matches("ABCDEF01", "abcdef0123"), Ok(true));
    assert!(signoff::digest_matches("abcdef0", "abcdef0123").is_err());
    assert_eq!(seed::session("x").verify(), Verification::NotSigned);
}

#[test]
fn drafts_are_kept_beside_the_session_outside_its_history() {
    let session = seed::session("draft");
    let (dir, store) = saved(&session);
    assert_eq!(store.take_draft("draft").unwrap(), None);
    let target = DraftTarget::Note {
        department: "保育".into(),
        item: "I-3".into(),
    };
    store
        .save_draft("draft", target.clone(), "付箋にID")
        .unwrap();
    store
        .save_draft("draft", target.clone(), "付箋にID・パスワード")
        .unwrap();
    let draft = store.take_draft("draft").unwrap().unwrap();
    assert_eq!(
        (draft.target, draft.text.as_str()),
        (target, "付箋にID・パスワード")
    );
    assert!(
        store.take_draft("draft").unwrap().is_some(),
        "taking leaves it on disk"
    );
    let path = dir.path().join("sessions").join("draft.draft");
    assert!(path.is_file());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert_eq!(
        store.load("draft").unwrap(),
        session,
        "not part of the session"
    );
    let (summaries, errors) = store.list().unwrap();
    assert_eq!((summaries.len(), errors.len()), (1, 0));
    store.clear_draft("draft").unwrap();
    store.clear_draft("draft").unwrap();
    assert_eq!(store.take_draft("draft").unwrap(), None);
    assert!(
        store
            .save_draft("none", DraftTarget::Fact(FactField::Overall), "x")
            .is_err()
    );
    assert!(store.clear_draft("../x").is_err());
}

#[test]
fn a_session_written_before_findings_and_sign_off_still_loads() {
    let old = r#"// kansa session
(
    format: 1,
    id: "old",
    created: "2024-09-27T10:00:00+09:00",
    facts: (title: "旧形式", date: Some("2024-09-27"), auditors: ["監査 太郎"], lead: "責任 一郎"),
    checklist: (
        format: 1,
        id: "c",
        title: "c",
        scale: [(symbol: "○", ascii: "o", label: "適正", key: '1', meaning: Compliant)],
        areas: [(id: "I", title: "人的", items: [(id: "I-1", text: "項目")])],
        departments: [(name: "保育課", short: "保育")],
    ),
    hearings: [(department: (name: "保育課", short: "保育"), answers: {"I-1": (mark: Some("○"))})],
    cursor: (department: "保育", item: "I-1"),
    history: [],
)
// journal
"#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.ron");
    std::fs::write(&path, old).unwrap();
    let session = Store::load_file(&path).unwrap();
    assert_eq!(session.signed, None);
    assert!(session.hearings[0].sheet.is_empty());
    assert!(!session.checklist.scale[0].note_required);
    assert_eq!(session.facts.purpose, "");
    let review = review::review(&session);
    assert_eq!(
        review.blockers().count(),
        2,
        "保育 has no 所見, the round no 総評: {review:?}"
    );
}
