//! The commands of working as a team: a part of a round written for another auditor
//! (`export --format session`), a file from another laptop brought in (`import
//! session`, `open FILE`), merged (`merge`, `merge-driver` for git) and conflicts
//! chosen (`resolve`). Thin calls into `merge` and the store; a refusal is the
//! one-line reason the binary prints, and refusing changes nothing.

use std::path::{Path, PathBuf};

use super::Command;
use super::record::entry_line;
use crate::i18n::{Describe, Messages, ReviewWords};
use crate::merge::{self, Merged, Place};
use crate::review::{self, Reason};
use crate::session::Session;
use crate::store::{Store, StoreError};

type Outcome<T = ()> = Result<T, String>;

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
        Command::MergeDriver { base, ours, theirs } => merge_driver(base, ours, theirs, m, w),
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
            resolve(&store()?, id, &target, keep, &actor()?, m)
        }
        // The caller sends only the commands above.
        _ => Ok(()),
    }
}

fn words(m: &Messages) -> impl Fn(StoreError) -> String + '_ {
    move |e| e.describe(m)
}

/// `kansa export ID --format session --departments A,B -o FILE`.
pub fn export_part(
    store: &Store,
    id: &str,
    departments: &[String],
    output: &Path,
    m: &Messages,
) -> Outcome {
    let session = store.load(id).map_err(words(m))?;
    let part = merge::part(&session, departments)
        .map_err(|refusal| StoreError::Refused(refusal).describe(m))?;
    if output == Path::new("-") {
        print!("{}", Store::file_text(&part).map_err(words(m))?);
        return Ok(());
    }
    Store::write_file(output, &part).map_err(words(m))
}

/// Reads a session file from another laptop: untrusted, so its id is checked before it
/// names anything in the data directory.
fn read(file: &Path, m: &Messages) -> Outcome<Session> {
    Store::load_file(file).map_err(words(m))
}

/// `kansa import session FILE`: the file's session into the data directory, under its
/// own id; prints the id. A session already there is merged instead, by `merge`.
pub fn import(store: &Store, file: &Path, m: &Messages) -> Outcome {
    let session = read(file, m)?;
    store.create(&session).map_err(words(m))?;
    println!("{}", session.id);
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
    let session = read(file, m)?;
    if store.contains(&session.id) {
        merge_files(store, &session.id, &[file.to_path_buf()], actor, m, w)?;
    } else {
        store.create(&session).map_err(words(m))?;
    }
    Ok(session.id)
}

/// Every file merged into `session` in turn, or the first reason one cannot be.
fn merge_all(session: &Session, theirs: &[Session], m: &Messages) -> Outcome<Merged> {
    let mut merged = Merged {
        session: session.clone(),
        added: 0,
        conflicts: merge::conflicts(session),
    };
    for other in theirs {
        let next = merge::merge(&merged.session, other).map_err(|e| (m.team.merge_error)(&e))?;
        merged = Merged {
            added: merged.added + next.added,
            ..next
        };
    }
    Ok(merged)
}

/// `kansa merge ID FILE…`: every file is read and merged in memory first, so a damaged
/// or unrelated one refuses the whole merge before the session is touched.
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
        .map(|f| read(f, m))
        .collect::<Outcome<Vec<Session>>>()?;
    let current = store.load(id).map_err(words(m))?;
    let trial = merge_all(&current, &theirs, m)?;
    if trial.session != current {
        let mut writer = store.open_writer(id, actor).map_err(words(m))?;
        let merged = merge_all(writer.session(), &theirs, m)?;
        writer.replace(merged.session).map_err(words(m))?;
        writer.close().map_err(words(m))?;
    }
    report(&store.load(id).map_err(words(m))?, trial.added, m, w);
    Ok(())
}

/// The conflicts of the session on stdout, as review lists them; the count on stderr.
fn report(session: &Session, added: usize, m: &Messages, w: &ReviewWords) {
    let review = review::review(session);
    let conflicts: Vec<_> = review
        .entries
        .iter()
        .filter(|e| matches!(e.reason, Reason::Conflict { .. }))
        .collect();
    for entry in &conflicts {
        println!("{}", entry_line(entry, w));
    }
    eprintln!("kansa: {}", (m.team.merged)(added, conflicts.len()));
}

/// `kansa merge-driver %O %A %B`: git's merge of one session file. The histories
/// carry what the common ancestor would tell, so %O is not read. The merged session
/// is written to %A; conflicts live in the session (review lists them), so the exit
/// is 0 unless a file cannot be merged at all.
pub fn merge_driver(
    _base: &Path,
    ours: &Path,
    theirs: &Path,
    m: &Messages,
    w: &ReviewWords,
) -> Outcome {
    let a = read(ours, m)?;
    let b = read(theirs, m)?;
    let merged = merge::merge(&a, &b).map_err(|e| (m.team.merge_error)(&e))?;
    if merged.session != a {
        Store::write_file(ours, &merged.session).map_err(words(m))?;
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
pub fn resolve(
    store: &Store,
    id: &str,
    target: &Target,
    keep: &str,
    actor: &str,
    m: &Messages,
) -> Outcome {
    if target.item.is_none() && target.area.is_none() {
        return Err(m.team.resolve_where.to_string());
    }
    let mut writer = store.open_writer(id, actor).map_err(words(m))?;
    let session = writer.session();
    let short = session
        .hearing(target.department)
        .map(|h| h.department.short.clone())
        .ok_or_else(|| (m.unknown_department)(target.department))?;
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
        return Err(m.team.no_conflict.to_string());
    }
    let changes: Vec<_> = places
        .iter()
        .filter_map(|p| merge::choose(writer.session(), p, keep))
        .collect();
    if changes.is_empty() {
        return Err((m.team.no_value_by)(keep));
    }
    for change in changes {
        writer
            .record(change)
            .map_err(|e| StoreError::from(e).describe(m))?;
    }
    writer.close().map_err(words(m))
}
