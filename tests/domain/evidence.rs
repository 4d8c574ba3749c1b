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
    std::fs::write(&path, text.replace("\"画面.png\"", "\"別の画面.png\"")).unwrap();
    let output = run(kansa(dir.path()).args(["verify", "edited"]));
    assert_eq!(output.status.code(), Some(3), "{output:?}");
    assert!(
        stdout(&output).contains(&format!("保育 I-3: evidence {id}")),
        "{}",
        stdout(&output)
    );
}
