//! Evidence (証跡) on the screens: where a file is attached from the view on screen
//! (the cell under the cursor, or on the sheet the area chosen), attaching the file
//! whose path was typed or pasted (copied into the store first, then recorded), the
//! list of a cell's files, and handing a file to the system's viewer without waiting
//! for it.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use chrono::Local;

use crate::evidence::{DEFAULT_LIMIT_MB, MB, Where};
use crate::i18n::Describe;
use crate::session::{EvidenceTarget, Session};
use crate::settings::Settings;

use super::context::Context;
use super::model::Model;
use super::picker::Picker;
use super::shared::{self, Cursor};

/// Where the key was pressed: the cell under the cursor, or (on the sheet) an area.
pub fn target(session: &Session, cursor: Cursor, sheet_area: Option<String>) -> Where {
    let (department, item) = shared::position(session, cursor);
    let target = match sheet_area {
        Some(area) => EvidenceTarget::Area(area),
        None => EvidenceTarget::Item(item),
    };
    Where { department, target }
}

/// Attaches the file at `typed` to `at`: copied into the store (durable) before the
/// change is recorded; an error is said on the message line, the round unchanged.
pub fn attach(model: &mut Model, at: &Where, typed: &str, context: &Context) {
    let t = context.t;
    if let Err(refusal) = model.session().resolve(at) {
        return model.refused(&refusal, t);
    }
    let limit = Settings::load(&context.data_dir)
        .ok()
        .and_then(|s| s.evidence_limit_mb)
        .unwrap_or(DEFAULT_LIMIT_MB)
        .saturating_mul(MB);
    let id = model.session().id.clone();
    let kept = match context.store.keep_evidence(&id, Path::new(typed), limit) {
        Ok(kept) => kept,
        Err(error) => return model.say(error.describe(t.messages)),
    };
    let name = kept.file.name.clone();
    let salt = Local::now().to_rfc3339();
    let change = model.session().attach(at, kept.file, "", &salt);
    let ok = change.is_ok();
    model.try_record(change, t);
    if ok && model.message.is_none() {
        model.say((t.attached)(&name, at.target.id()));
    }
}

/// A line of the evidence list: the stored copy, the original name, the line shown.
pub type Row = (PathBuf, String, String);

/// The list of the files attached at `at`, oldest first: each line its name, when and
/// by whom, and its short hash; None when there are none.
pub fn list(session: &Session, at: &Where, context: &Context) -> Option<(Picker, Vec<Row>)> {
    let t = context.t;
    let rows: Vec<Row> = session
        .evidence_of(&at.department, &at.target)
        .map(|a| {
            let file = &a.attachment.file;
            let line = format!(
                "{}  {}  {}  {}",
                file.name,
                (t.moment)(&a.at),
                a.by,
                crate::evidence::short_hash(&file.sha256)
            );
            let blob = context.store.blob_path(&session.id, &file.sha256);
            (blob, file.name.clone(), line)
        })
        .collect();
    let mut rows = rows;
    rows.extend(previous_rows(session, at, context));
    if rows.is_empty() {
        return None;
    }
    let names = rows.iter().map(|r| r.2.clone()).collect();
    Some((Picker::new(0, names), rows))
}

/// The files the earlier round (`new --from`) attached to the cell, marked as its:
/// opened where that round keeps them, never copied.
fn previous_rows(session: &Session, at: &Where, context: &Context) -> Vec<Row> {
    let Some(previous) = &session.previous else {
        return Vec::new();
    };
    let Some(item) = at.target.item() else {
        return Vec::new();
    };
    let files = previous
        .answer(&at.department, item)
        .map_or(&[][..], |a| &a.evidence[..]);
    files
        .iter()
        .map(|file| {
            let blob = context.store.blob_path(&previous.id, &file.sha256);
            let line = format!("{}  {}", context.t.rounds.previous, file.name);
            (blob, file.name.clone(), line)
        })
        .collect()
}

/// Hands the stored copy of `sha256` (of the file named `name`) to the system's
/// viewer: copied first under its own name (a viewer goes by the extension), in a
/// thread of its own, so the hearing never waits for the copy or the viewer.
/// `KANSA_VIEWER` names another program (tests use it).
pub fn open(blob: &Path, name: &str) {
    let blob = blob.to_path_buf();
    let name = name.to_string();
    std::thread::spawn(move || {
        let folder = std::env::temp_dir().join("kansa-evidence");
        let stem: String = blob.file_name().map_or(String::new(), |n| {
            n.to_string_lossy().chars().take(12).collect()
        });
        let copy = folder.join(stem).join(&name);
        let copied = copy
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|_| std::fs::copy(&blob, &copy));
        if copied.is_err() {
            return;
        }
        let mut command = viewer(&copy);
        let started = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        if let Ok(mut child) = started {
            let _ = child.wait();
        }
    });
}

/// The command that opens `file` with the system's viewer.
fn viewer(file: &Path) -> Command {
    if let Some(program) = std::env::var_os("KANSA_VIEWER") {
        let mut command = Command::new(program);
        command.arg(file);
        return command;
    }
    let mut command = if cfg!(windows) {
        let mut command = Command::new("cmd");
        command.args(["/C", "start", ""]);
        command
    } else if cfg!(target_os = "macos") {
        Command::new("open")
    } else {
        Command::new("xdg-open")
    };
    command.arg(file);
    command
}
