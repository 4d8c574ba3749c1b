//! The commands of working as a team: a part of a round written for another auditor
//! (`export --format session`), a file from another laptop brought in (`import
//! session`, `open FILE`), merged (`merge`, `merge-driver` for git) and conflicts
//! chosen (`resolve`). Thin calls into `merge` and the store; a refusal is a
//! `CliError`, worded by the binary, and refusing changes nothing.

use std::path::{Path, PathBuf};

use super::args::Command;
use super::error::CliError;
use super::output::{out, outln};
use super::record::entry_line;
use crate::i18n::{Messages, ReviewWords};
use crate::merge::{self, Place};
use crate::review::{self, Reason};
use crate::session::{Refusal, Session};
use crate::store::{Store, StoreError};

type Outcome<T = ()> = Result<T, CliError>;

/// Runs `merge`, `merge-driver` or `resolve`; `store` and `actor` are only asked for
/// when the command needs them (the merge driver needs neither).
pub fn run(
    command: &Command,
    store: impl FnOnce() -> Outcome<Store>,
    actor: impl FnOnce() -> Outcome<String>,
    m: &Messages,
    w: &ReviewWords,
) -> Outcome {
    match command {
        Command::Merge { id, files } => merge_files(&store()?, id, files, &actor()?, m, w),
        Command::MergeDriver { base, ours, theirs } => merge_driver(base, ours, theirs, w),
        Command::Resolve {
            id,
            department,
            item,
            area,
            keep,
        } => {
            let target = Target {
                department,
                item: item.as_deref(),
                area: area.as_deref(),
            };
            resolve(&store()?, id, &target, keep, &actor()?)
        }
        // The caller sends only the commands above.
        _ => Ok(()),
    }
}

/// `kansa export ID --format session [--departments A,B] -o FILE`: without
/// departments, the whole round.
pub fn export_part(store: &Store, id: &str, departments: &[String], output: &Path) -> Outcome {
    let session = store.load(id)?;
    let part = if departments.iter().all(|d| d.trim().is_empty()) {
        session
    } else {
        merge::part(&session, departments)?
    };
    if output == Path::new("-") {
        out(format_args!("{}", Store::file_text(&part)?))?;
        return Ok(());
    }
    // A part whose changes refer to attached files is written as one zip with them.
    store.write_part(output, &part, id)?;
    Ok(())
}

/// Reads a session file from another laptop: untrusted, so its id is checked before it
/// names anything in the data directory.
fn read(file: &Path) -> Outcome<Session> {
    Ok(Store::load_file(file)?)
}

/// `kansa import session FILE`: the file's session into the data directory, under its
/// own id; prints the id. A session already there is merged instead, by `merge`.
pub fn import(store: &Store, file: &Path) -> Outcome {
    let session = read(file)?;
    // The carried files first: a session here never refers to a file not kept.
    store.import_bundled(&session.id, file)?;
    store.create(&session)?;
    outln!("{}", session.id);
    Ok(())
}

/// `kansa open FILE`: imports the file when its round is not here yet, else merges it
/// into the session here (merging again changes nothing). Gives the id to open.
pub fn open_file(
    store: &Store,
    file: &Path,
    actor: &str,
    m: &Messages,
    w: &ReviewWords,
) -> Outcome<String> {
    let session = read(file)?;
    store.import_bundled(&session.id, file)?;
    if store.contains(&session.id) {
        merge_files(store, &session.id, &[file.to_path_buf()], actor, m, w)?;
    } else {
        store.create(&session)?;
    }
    Ok(session.id)
}

/// `kansa merge ID FILE…`: every file is read and merged in memory first, so a damaged
/// or unrelated one refuses the whole merge before the session is touched. One part
/// costs the part, not the round (`Store::merge_in`).
pub fn merge_files(
    store: &Store,
    id: &str,
    files: &[PathBuf],
    actor: &str,
    m: &Messages,
    w: &ReviewWords,
) -> Outcome {
    let theirs = files
        .iter()
        .map(|f| read(f))
        .collect::<Outcome<Vec<Session>>>()?;
    // The carried files first: the round never refers to a file not kept here.
    for file in files {
        store.import_bundled(id, file)?;
    }
    let merged = store.merge_in(id, &theirs, actor)?;
    // The conflicts as review lists them: one blocker line each, on stdout.
    let entries = review::conflict_entries(merged.conflicts);
    for entry in &entries {
        outln!("{}", entry_line(entry, w));
    }
    eprintln!("kansa: {}", (m.team.merged)(merged.added, entries.len()));
    Ok(())
}

/// `kansa merge-driver %O %A %B`: git's merge of one session file. The histories
/// carry what the common ancestor would tell, so %O is not read. The merged session
/// is written to %A; conflicts live in the session (review lists them), so the exit
/// is 0 unless a file cannot be merged at all.
pub fn merge_driver(_base: &Path, ours: &Path, theirs: &Path, w: &ReviewWords) -> Outcome {
    let a = read(ours)?;
    let b = read(theirs)?;
    let merged = merge::merge(&a, &b)?;
    if merged.session != a {
        Store::write_file(ours, &merged.session)?;
    }
    for entry in review::review(&merged.session).entries {
        if matches!(entry.reason, Reason::Conflict { .. }) {
            eprintln!("kansa: {}", entry_line(&entry, w));
        }
    }
    Ok(())
}

/// Where `kansa resolve` settles conflicts: a department's item (mark, note, fields)
/// or area (所見, 指摘事項).
pub struct Target<'a> {
    pub department: &'a str,
    pub item: Option<&'a str>,
    pub area: Option<&'a str>,
}

/// `kansa resolve ID --department D --item I|--area A --keep NAME`: each conflict
/// there settled with NAME's value, recorded as a new change by `actor`.
pub fn resolve(store: &Store, id: &str, target: &Target, keep: &str, actor: &str) -> Outcome {
    if target.item.is_none() && target.area.is_none() {
        return Err(CliError::ResolveWhere);
    }
    let mut writer = store.open_writer(id, actor)?;
    let session = writer.session();
    let short = session
        .hearing(target.department)
        .map(|h| h.department.short.clone())
        .ok_or_else(|| Refusal::UnknownDepartment(target.department.to_string()))?;
    let here = |place: &Place| {
        place.department() == Some(short.as_str())
            && (target.item.is_some_and(|i| place.item() == Some(i))
                || target.area.is_some_and(|a| place.area() == Some(a)))
    };
    let places: Vec<Place> = merge::conflicts(session)
        .into_iter()
        .map(|c| c.place)
        .filter(here)
        .collect();
    if places.is_empty() {
        return Err(CliError::NoConflict);
    }
    let changes: Vec<_> = places
        .iter()
        .filter_map(|p| merge::choose(writer.session(), p, keep))
        .collect();
    if changes.is_empty() {
        return Err(CliError::NoValueBy(keep.to_string()));
    }
    for change in changes {
        writer.record(change).map_err(StoreError::from)?;
    }
    Ok(writer.close()?)
}
