//! The words of evidence in English.

use super::messages::EvidenceWords;
use crate::export::evidence_body::IndexWords;

pub static EVIDENCE_EN: EvidenceWords = EvidenceWords {
    missing: "no such file",
    folder: "a folder, not a file: attach the files in it",
    unreadable: |reason| format!("cannot be read: {reason}"),
    empty: "the file is empty (0 bytes): nothing to attach",
    too_large: |size, limit| {
        format!(
            "{size} MB is over the limit of {limit} MB per file (kansa config evidence-limit MB)"
        )
    },
    forbidden_name: |name| {
        format!(
            "{name:?} is a name Windows forbids (< > : \" / \\ | ? *, CON, NUL…): rename the file first"
        )
    },
    write: |reason| {
        format!(
            "the copy could not be written ({reason}); nothing was kept and the round is unchanged"
        )
    },
    attached: |id, name, department, target, again| {
        let kept = if again {
            " (same content as a file kept before)"
        } else {
            ""
        };
        format!("{id}  {department} {target}: attached {name}{kept}")
    },
    detached: |id, name| format!("{id}: {name} detached (the stored copy is kept for the history)"),
    list_header: [
        "ID",
        "DEPARTMENT",
        "ITEM/AREA",
        "FILE",
        "SIZE",
        "ATTACHED",
        "BY",
        "SHA-256",
        "NOTE",
    ],
    moment: |at| at.format("%Y-%m-%d %H:%M").to_string(),
    blob_missing: |department, place, name, id| {
        format!("{department} {place}: evidence {id} {name:?} is missing from the store")
    },
    blob_altered: |department, place, name, id| {
        format!("{department} {place}: evidence {id} {name:?} was altered since it was attached")
    },
    files_changed: |count| format!("{count} attached files are missing or altered"),
    limit_saved: |mb| format!("files over {mb} MB will be refused"),
};

pub static INDEX_EN: IndexWords = IndexWords {
    title: |title| format!("Body of evidence: {title}"),
    columns: [
        "Department",
        "Item/area",
        "File",
        "Original name",
        "Type",
        "Size (bytes)",
        "SHA-256",
        "Attached by",
        "Attached at",
        "Note",
    ],
    digest: |digest| format!("Digest of the round's sign-off: {digest}"),
    unsigned: "not signed",
    moment: |at| at.format("%Y-%m-%d %H:%M:%S %:z").to_string(),
};
