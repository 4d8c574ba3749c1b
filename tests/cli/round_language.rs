//! A round has a language: its documents are written in it whatever the operator's
//! screens speak (an English shell here), `--lang` overrides for one export, a round
//! made from a checklist that declares none records the language in force, and the
//! choice saved with `kansa config lang` is what an unflagged command speaks.

use std::io::Read;
use std::path::Path;

use crate::common::{kansa_in, run, stderr, stdout};
use kansa::store::Store;

fn docx_text(path: &Path) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut text = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The seed round as a file written before rounds recorded a language: its checklist
/// copy declares none, so the bundled checklist of the same id decides (Japanese).
fn seed_store() -> (tempfile::TempDir, String) {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let mut session = kansa::seed::whole_round("s1").unwrap();
    session.checklist.language = None;
    store.create(&session).unwrap();
    let text = std::fs::read_to_string(data.path().join("sessions/s1.ron")).unwrap();
    assert!(
        !text.contains("language"),
        "an older file: no language field"
    );
    (data, session.id)
}

fn export(data: &Path, id: &str, format: &str, extra: &[&str]) -> std::path::PathBuf {
    let out = data.join(format!("out-{format}-{}.{format}", extra.len()));
    let output = run(kansa_in(data)
        .env("LANG", "C")
        .env("LC_ALL", "C")
        .args([
            "export",
            id,
            "--report",
            "departments",
            "--format",
            format,
            "-o",
        ])
        .arg(&out)
        .args(extra));
    assert!(output.status.success(), "{}", stderr(&output));
    out
}

#[test]
fn the_seed_round_is_written_in_japanese_from_an_english_shell() {
    let (data, id) = seed_store();
    let md = std::fs::read_to_string(export(data.path(), &id, "md", &[])).unwrap();
    assert!(md.contains("情報セキュリティ内部監査結果報告書"), "{md}");
    assert!(!md.contains("Information security audit report"), "{md}");
    let xml = docx_text(&export(data.path(), &id, "docx", &[]));
    assert!(xml.contains("情報セキュリティ内部監査結果報告書"), "{xml}");

    // The shell's own messages stay English: only the documents follow the round.
    let list = stdout(&run(kansa_in(data.path()).env("LC_ALL", "C").arg("list")));
    assert!(list.starts_with("ID  TITLE"), "{list}");
}

#[test]
fn lang_overrides_the_rounds_language_for_one_export() {
    let (data, id) = seed_store();
    let md = std::fs::read_to_string(export(data.path(), &id, "md", &["--lang", "en"])).unwrap();
    assert!(md.contains("Information security audit report"), "{md}");
    assert!(!md.contains("結果報告書"), "{md}");
    let xml = docx_text(&export(data.path(), &id, "docx", &["--lang", "en"]));
    assert!(xml.contains("Information security audit report"), "{xml}");
    // Once only: the next export is Japanese again.
    let md = std::fs::read_to_string(export(data.path(), &id, "md", &[])).unwrap();
    assert!(md.contains("結果報告書"), "{md}");
}

/// A checklist of another shape that declares no language: the round records the
/// language in force when it is made, and keeps it.
#[test]
fn a_round_records_the_language_in_force_when_its_checklist_declares_none() {
    let data = tempfile::tempdir().unwrap();
    let bundled = std::fs::read_to_string("checklists/isms-severity.ron").unwrap();
    let undeclared = bundled.replace("    language: Ja,\n", "");
    assert_ne!(bundled, undeclared);
    let checklist = data.path().join("isms.ron");
    std::fs::write(&checklist, undeclared).unwrap();
    let new = |lang: &str| {
        let output = run(kansa_in(data.path())
            .args(["--lang", lang, "new", "--title", "t", "--checklist"])
            .arg(&checklist));
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output).trim().to_string()
    };
    let english = new("en");
    let japanese = new("ja");
    let store = Store::open(data.path()).unwrap();
    let language = |id: &str| store.load(id).unwrap().language();
    use kansa::language::Language;
    assert_eq!(language(&english), Some(Language::En));
    assert_eq!(language(&japanese), Some(Language::Ja));
    let md = std::fs::read_to_string(export(data.path(), &japanese, "md", &[])).unwrap();
    assert!(md.contains("結果報告書"), "{md}");
    let md = std::fs::read_to_string(export(data.path(), &english, "md", &[])).unwrap();
    assert!(md.contains("Information security audit report"), "{md}");
}

#[test]
fn the_saved_choice_is_spoken_until_auto() {
    let data = tempfile::tempdir().unwrap();
    let list = |lang: &str| stdout(&run(kansa_in(data.path()).env("LANG", lang).arg("list")));
    assert!(list("C").starts_with("ID  TITLE"));
    assert!(
        run(kansa_in(data.path()).args(["config", "lang", "ja"]))
            .status
            .success()
    );
    assert!(list("C").starts_with("ID  監査名"), "{}", list("C"));
    let flagged = stdout(&run(kansa_in(data.path()).args(["--lang", "en", "list"])));
    assert!(flagged.starts_with("ID  TITLE"), "the flag comes first");
    assert!(
        run(kansa_in(data.path()).args(["config", "lang", "auto"]))
            .status
            .success()
    );
    assert!(list("C").starts_with("ID  TITLE"));
    assert!(list("ja_JP.UTF-8").starts_with("ID  監査名"));
}
