//! Evidence sealed with the round: the sign-off digest covers each attached file
//! (name, size, SHA-256, note, cell) and leaves the digest of a round without evidence
//! as it was; `verify` names each attached file whose stored copy is missing or
//! altered, with its cell; a detach after sign-off is refused.

use std::path::Path;
use std::process::Command;

use crate::common::{run, stderr, stdout};
use kansa::evidence::Where;
use kansa::seed;
use kansa::session::{EvidenceTarget, Refusal, Session};
use kansa::signoff;
use kansa::store::Store;

fn kansa(data: &Path) -> Command {
    kansa_lang(data, "en")
}

fn kansa_lang(data: &Path, lang: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kansa"));
    command
        .env_remove("KANSA_DATA_DIR")
        .env_remove("KANSA_AUDITOR")
        .args(["--lang", lang, "--data-dir"])
        .arg(data);
    command
}

/// Attaches `bytes` as `name` to `department` × `item` through the store, as the
/// command line does: the copy first, then the change.
pub fn attach(
    store: &Store,
    id: &str,
    department: &str,
    target: EvidenceTarget,
    name: &str,
    bytes: &[u8],
) -> String {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join(name);
    std::fs::write(&source, bytes).unwrap();
    let kept = store.keep_evidence(id, &source, u64::MAX).unwrap();
    let mut writer = store.open_writer(id, seed::AUDITOR).unwrap();
    let at = Where {
        department: department.into(),
        target,
    };
    let change = writer.session().attach(&at, kept.file, "", name).unwrap();
    writer.record(change).unwrap();
    let session = writer.session().clone();
    writer.close().unwrap();
    session.evidence().last().unwrap().attachment.id.clone()
}

/// The digest of the seed round signed by its lead at the epoch, as it was before
/// evidence existed: a round without evidence keeps it, so its sign-off still holds.
const SEED_DIGEST: &str = "2cf82bdc635bdd5a03dfa49e0f8a6cce473cba97628fee667dc825003adb7347";

#[test]
fn a_round_without_evidence_keeps_its_digest_and_evidence_changes_it() {
    let session = seed::whole_round("digest").unwrap();
    let digest = signoff::content_digest(&session, seed::LEAD, seed::epoch());
    assert_eq!(digest, SEED_DIGEST);
    let seal = ron::to_string(&kansa::session::Seal::of(&session)).unwrap();
    assert!(
        !seal.contains("evidence"),
        "no evidence, no word of it in the seal"
    );

    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.create(&session).unwrap();
    attach(
        &store,
        "digest",
        "保育",
        EvidenceTarget::Item("I-3".into()),
        "画面.png",
        b"one",
    );
    let with = store.load("digest").unwrap();
    let digest_with = signoff::content_digest(&with, seed::LEAD, seed::epoch());
    assert_ne!(digest_with, SEED_DIGEST, "the attached file is content");
    // Its content is what counts: the same name with other bytes is another digest.
    let mut other: Session = with.clone();
    other.hearings.iter_mut().for_each(|h| {
        h.evidence
            .iter_mut()
            .for_each(|a| a.attachment.file.sha256 = "0".repeat(64))
    });
    assert_ne!(
        signoff::content_digest(&other, seed::LEAD, seed::epoch()),
        digest_with
    );
}

#[test]
fn verify_names_each_missing_or_altered_file_with_its_cell() {
    let session = seed::whole_round("sealed").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.create(&session).unwrap();
    let shot = attach(
        &store,
        "sealed",
        "保育",
        EvidenceTarget::Item("I-3".into()),
        "デスクトップ.png",
        b"screenshot",
    );
    let log = attach(
        &store,
        "sealed",
        "障がい",
        EvidenceTarget::Area("III".into()),
        "操作ログ.txt",
        b"log lines",
    );
    let output =
        run(kansa(dir.path()).args(["--as", seed::LEAD, "sign", "sealed", "--by", seed::LEAD]));
    assert!(output.status.success(), "{}", stderr(&output));
    let digest = stdout(&output).trim().to_string();
    let output = run(kansa(dir.path()).args(["verify", "sealed", "--digest", &digest]));
    assert!(output.status.success(), "{}", stderr(&output));

    // Signed: a detach is refused.
    let signed = store.load("sealed").unwrap();
    assert!(matches!(signed.detach(&shot), Err(Refusal::Signed { .. })));

    // One stored copy altered, the other removed: each named, with its cell.
    let sha = |s: &Session, id: &str| s.attached(id).unwrap().attachment.file.sha256.clone();
    std::fs::write(store.blob_path("sealed", &sha(&signed, &shot)), b"edited").unwrap();
    std::fs::remove_file(store.blob_path("sealed", &sha(&signed, &log))).unwrap();
    let output = run(kansa(dir.path()).args(["verify", "sealed"]));
    assert_eq!(output.status.code(), Some(3), "{output:?}");
    let said = stdout(&output);
    assert!(
        said.contains(&format!(
            "保育 I-3: evidence {shot} \"デスクトップ.png\" was altered"
        )),
        "{said}"
    );
    assert!(
        said.contains(&format!(
            "障がい III: evidence {log} \"操作ログ.txt\" is missing"
        )),
        "{said}"
    );
    assert!(
        stderr(&output).contains("2 attached files"),
        "{}",
        stderr(&output)
    );
    let japanese = run(kansa_lang(dir.path(), "ja").args(["verify", "sealed"]));
    assert!(
        stdout(&japanese).contains("は添付後に変更されています"),
        "{}",
        stdout(&japanese)
    );
    assert!(stdout(&japanese).contains("が保管場所にありません"));
}

#[test]
fn an_attachment_changed_in_the_file_after_sign_off_is_named() {
    let session = seed::whole_round("edited").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.create(&session).unwrap();
    let id = attach(
        &store,
        "edited",
        "保育",
        EvidenceTarget::Item("I-3".into()),
        "画面.png",
        b"shot",
    );
    let output =
        run(kansa(dir.path()).args(["--as", seed::LEAD, "sign", "edited", "--by", seed::LEAD]));
    assert!(output.status.success(), "{}", stderr(&output));
    // The file's name edited by hand in the session file.
    let path = store.path_of("edited");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replace("|画面.png|", "|別の画面.png|");
    assert_ne!(edited, text, "the name is in the snapshot");
    std::fs::write(&path, edited).unwrap();
    let output = run(kansa(dir.path()).args(["verify", "edited"]));
    assert_eq!(output.status.code(), Some(3), "{output:?}");
    assert!(
        stdout(&output).contains(&format!("保育 I-3: evidence {id}")),
        "{}",
        stdout(&output)
    );
}

fn zip_part(bytes: &[u8], name: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = archive.by_name(name).unwrap();
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut part, &mut out).unwrap();
    out
}

/// The seed round with two files on 保育 I-3 (the same name twice) and one on 障がい's
/// area III: saved in a data directory.
fn round_with_evidence() -> (tempfile::TempDir, Store) {
    let session = seed::whole_round("docs").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.create(&session).unwrap();
    let item = || EvidenceTarget::Item("I-3".into());
    attach(
        &store,
        "docs",
        "保育",
        item(),
        "デスクトップ.png",
        b"\x89PNG one",
    );
    attach(
        &store,
        "docs",
        "保育",
        item(),
        "デスクトップ.png",
        b"\x89PNG two",
    );
    attach(
        &store,
        "docs",
        "障がい",
        EvidenceTarget::Area("III".into()),
        "log:1.txt".replace(':', "_").as_str(),
        b"log",
    );
    (dir, store)
}

#[test]
fn the_reports_list_each_items_evidence_and_the_matrix_marks_its_cells() {
    use kansa::export::{self, Format, Report};
    use kansa::i18n::Lang;
    let (_dir, store) = round_with_evidence();
    let session = store.load("docs").unwrap();
    let docx = export::write(&session, Report::Departments, Format::Docx, Lang::Ja).unwrap();
    let xml = String::from_utf8(zip_part(&docx, "word/document.xml")).unwrap();
    let hash =
        kansa::evidence::short_hash(&session.evidence().next().unwrap().attachment.file.sha256)
            .to_string();
    let first = session.evidence().next().unwrap();
    let date = kansa::wareki::format_with_weekday(first.at.date_naive());
    assert!(date.starts_with("令和"), "{date}");
    let line = format!("証跡（I-3）：デスクトップ.png　{date}　SHA-256 {hash}");
    assert!(xml.contains(&line), "{line} not in the DOCX");
    // Under the 所見 of its area, before the 指摘事項 line.
    let report = xml.find("結果報告書（保育課）").unwrap();
    let observation = report + xml[report..].find("○人的セキュリティに関して").unwrap();
    let at = xml[observation..].find(&line).unwrap();
    let findings = xml[observation..].find("指摘事項：").unwrap();
    assert!(at < findings, "the evidence is listed under the 所見");
    assert!(xml.contains("証跡（III）：log_1.txt"), "an area's file");

    let html =
        String::from_utf8(export::write(&session, Report::Matrix, Format::Html, Lang::Ja).unwrap())
            .unwrap();
    assert_eq!(
        html.matches("class=\"evidence\"").count(),
        1,
        "one cell has files"
    );
    assert!(html.contains("title=\"証跡 2 件\">📎2</sup>"));
    let xlsx = export::write(&session, Report::Matrix, Format::Xlsx, Lang::Ja).unwrap();
    let notes: Vec<String> = {
        let archive = zip::ZipArchive::new(std::io::Cursor::new(&xlsx)).unwrap();
        archive
            .file_names()
            .filter_map(|n| n.ok().map(|n| n.to_string()))
            .filter(|n| n.contains("comments"))
            .collect()
    };
    assert_eq!(notes.len(), 1, "{notes:?}");
    let comments = String::from_utf8(zip_part(&xlsx, &notes[0])).unwrap();
    assert!(comments.contains("証跡 2 件"), "{comments}");

    // Without evidence: the seed's documents are as they were.
    let plain = seed::whole_round("docs").unwrap();
    let html =
        String::from_utf8(export::write(&plain, Report::Matrix, Format::Html, Lang::Ja).unwrap())
            .unwrap();
    assert!(!html.contains("evidence"));
    let xlsx = export::write(&plain, Report::Matrix, Format::Xlsx, Lang::Ja).unwrap();
    let archive = zip::ZipArchive::new(std::io::Cursor::new(&xlsx)).unwrap();
    assert!(
        !archive
            .file_names()
            .any(|n| n.is_ok_and(|n| n.contains("comments")))
    );
}

/// The index's rows: path → SHA-256, checked against the files themselves.
fn check_index(csv: &[u8], read: &dyn Fn(&str) -> Vec<u8>) -> usize {
    let text = String::from_utf8(csv.to_vec()).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a BOM for Excel");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut rows = 0;
    for record in reader.records() {
        let record = record.unwrap();
        let (path, sha) = (&record[2], &record[6]);
        use sha2::Digest;
        let actual: String = sha2::Sha256::digest(read(path))
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(actual, sha, "{path}");
        assert!(
            record[10].contains("not signed") || record[10].len() > 60,
            "{}",
            &record[10]
        );
        rows += 1;
    }
    rows
}

#[test]
fn the_body_of_evidence_as_a_folder_and_a_zip_matches_its_index() {
    let (dir, store) = round_with_evidence();
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("証跡");
    let output = run(kansa(dir.path())
        .args(["export", "docs", "--evidence"])
        .arg(&folder));
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = std::fs::read(folder.join("index.csv")).unwrap();
    let read = |p: &str| std::fs::read(folder.join(p)).unwrap();
    assert_eq!(check_index(&csv, &read), 3);
    // A folder per department and item, the files under their names, a second file
    // of the same name beside the first.
    assert!(folder.join("保育/I-3/デスクトップ.png").is_file());
    assert!(folder.join("保育/I-3/デスクトップ (2).png").is_file());
    assert!(folder.join("障がい/III/log_1.txt").is_file());
    let html = std::fs::read_to_string(folder.join("index.html")).unwrap();
    assert_eq!(
        html.matches("<img ").count(),
        2,
        "thumbnails of the two images"
    );

    let zip_path = out.path().join("body.zip");
    let output = run(kansa(dir.path())
        .args(["export", "docs", "--evidence"])
        .arg(&zip_path));
    assert!(output.status.success(), "{}", stderr(&output));
    let bytes = std::fs::read(&zip_path).unwrap();
    let csv = zip_part(&bytes, "index.csv");
    let read = |p: &str| zip_part(&bytes, p);
    assert_eq!(check_index(&csv, &read), 3);

    // Signed: the index gives the round's digest.
    let output =
        run(kansa(dir.path()).args(["--as", seed::LEAD, "sign", "docs", "--by", seed::LEAD]));
    assert!(output.status.success(), "{}", stderr(&output));
    let digest = stdout(&output).trim().to_string();
    let signed = out.path().join("signed");
    run(kansa(dir.path())
        .args(["export", "docs", "--evidence"])
        .arg(&signed));
    let csv = std::fs::read_to_string(signed.join("index.csv")).unwrap();
    assert!(csv.contains(&digest), "{csv}");
    let _ = store;
}

/// A bundle (a session file that carries its files) of the signed session, with the
/// carried copy of the first attachment replaced by `first`.
fn bundle(store: &Store, id: &str, path: &Path, first: Option<&[u8]>) {
    let session = store.load(id).unwrap();
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("session.ron", options).unwrap();
    let text = std::fs::read(store.path_of(id)).unwrap();
    std::io::Write::write_all(&mut zip, &text).unwrap();
    for (n, attached) in session.evidence().enumerate() {
        let sha = &attached.attachment.file.sha256;
        zip.start_file(format!("evidence/{sha}"), options).unwrap();
        let bytes = match (n, first) {
            (0, Some(bytes)) => bytes.to_vec(),
            _ => std::fs::read(store.blob_path(id, sha)).unwrap(),
        };
        std::io::Write::write_all(&mut zip, &bytes).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn verify_of_a_session_file_that_carries_its_files_checks_them() {
    let session = seed::whole_round("carried").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.create(&session).unwrap();
    let id = attach(
        &store,
        "carried",
        "保育",
        EvidenceTarget::Item("I-3".into()),
        "画面.png",
        b"shot",
    );
    let output =
        run(kansa(dir.path()).args(["--as", seed::LEAD, "sign", "carried", "--by", seed::LEAD]));
    assert!(output.status.success(), "{}", stderr(&output));
    let whole = dir.path().join("whole.zip");
    bundle(&store, "carried", &whole, None);
    let output = run(kansa(dir.path()).arg("verify").arg(&whole));
    assert!(output.status.success(), "{}", stdout(&output));
    let altered = dir.path().join("altered.zip");
    bundle(&store, "carried", &altered, Some(b"not the shot"));
    let output = run(kansa(dir.path()).arg("verify").arg(&altered));
    assert_eq!(output.status.code(), Some(3), "{output:?}");
    assert!(
        stdout(&output).contains(&format!("保育 I-3: evidence {id} \"画面.png\" was altered")),
        "{}",
        stdout(&output)
    );
}
