//! The commands of the record: `review`, `sign`, `verify`, `reopen` and `history`,
//! each a thin call into the core (`review`, `signoff`) and the store. Lines are in
//! the user's language; a refusal is a `CliError`, worded by the binary.

use std::path::Path;

use chrono::{Local, Timelike};

use super::args::Command;
use super::error::CliError;
use super::output::{out, outln};
use crate::i18n::{EvidenceWords, ReviewWords};
use crate::review::{self, Entry, Place};
use crate::session::{Change, Refusal, Session};
use crate::signoff::{self, Verification};
use crate::store::{BlobState, Store, StoreError};

type Outcome = Result<(), CliError>;

/// Runs one of the record's commands; `store` and `actor` are only asked for when
/// the command needs them (verify of a file needs neither).
pub fn run(
    command: &Command,
    store: impl FnOnce() -> Result<Store, CliError>,
    actor: impl FnOnce() -> Result<String, CliError>,
    w: &ReviewWords,
    e: &EvidenceWords,
) -> Outcome {
    match command {
        Command::Review { id } => review(&store()?, id, w),
        Command::Sign { id, by } => sign(&store()?, id, by, &actor()?, w),
        Command::Verify { target, digest } => verify(store, target, digest.as_deref(), w, e),
        Command::Reopen { id, reason } => reopen(&store()?, id, reason, &actor()?, w),
        Command::History {
            id,
            department,
            item,
        } => history(&store()?, id, department.as_deref(), item.as_deref(), w),
        // The caller sends only the commands above.
        _ => Ok(()),
    }
}

/// One review entry: kind, where (department and item or area), reason.
pub fn entry_line(entry: &Entry, w: &ReviewWords) -> String {
    let kind = if entry.blocks() { w.blocker } else { w.warning };
    let at = match (&entry.department, &entry.place) {
        (None, _) | (_, Place::Round) => w.round.to_string(),
        (Some(department), place) => {
            let place = (w.place)(place);
            [department.as_str(), place.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        }
    };
    format!("{kind} {at}: {}", (w.reason)(&entry.reason))
}

/// `kansa review ID`: every entry on stdout; Ok only when nothing blocks.
pub fn review(store: &Store, id: &str, w: &ReviewWords) -> Outcome {
    let session = store.load(id)?;
    let review = review::review(&session);
    for entry in &review.entries {
        outln!("{}", entry_line(entry, w));
    }
    let blockers = review.blockers().count();
    if blockers > 0 {
        return Err(CliError::Blocked(blockers));
    }
    eprintln!("kansa: {}", w.nothing_blocks);
    Ok(())
}

/// `kansa sign ID --by NAME`, recorded as `actor`: prints the digest, or the blockers
/// and refuses.
pub fn sign(store: &Store, id: &str, by: &str, actor: &str, w: &ReviewWords) -> Outcome {
    let mut writer = store.open_writer(id, actor)?;
    // Whole seconds: the time is printed and compared by people.
    let now = Local::now().fixed_offset();
    let at = now.with_nanosecond(0).unwrap_or(now);
    let change = match writer.session().sign(by, at) {
        Ok(change) => change,
        Err(refusal) => return Err(sign_refused(writer.session(), refusal, w)),
    };
    // Other auditors still writing beside it: refused, naming them.
    writer.record(change).map_err(|e| match e {
        crate::store::RecordError::Refused(refusal) => CliError::Refused(refusal),
        other => CliError::Store(StoreError::from(other)),
    })?;
    let digest = writer.session().signed.as_ref().map(|s| s.digest.clone());
    writer.close()?;
    outln!("{}", digest.unwrap_or_default());
    Ok(())
}

/// Why `sign` refused, with the blockers printed on stdout when they are the reason.
fn sign_refused(session: &Session, refusal: Refusal, w: &ReviewWords) -> CliError {
    match refusal {
        Refusal::Blocked(count) => {
            let blockers = review::review(session);
            for entry in blockers.blockers() {
                if let Err(error) = out(format_args!("{}\n", entry_line(entry, w))) {
                    return error;
                }
            }
            CliError::Blocked(count)
        }
        Refusal::NotASigner(name) => CliError::NotASigner {
            name,
            people: session.facts.people().map(str::to_string).collect(),
        },
        other => CliError::Refused(other),
    }
}

/// `kansa verify ID|FILE [--digest HEX]`: a path to an existing file is read as a
/// session file; anything else is an id in the store.
pub fn verify(
    store: impl FnOnce() -> Result<Store, CliError>,
    target: &str,
    digest: Option<&str>,
    w: &ReviewWords,
    e: &EvidenceWords,
) -> Outcome {
    let path = Path::new(target);
    let (session, store) = if path.is_file() {
        (Store::load_file(path)?, None)
    } else {
        let store = store()?;
        (store.load(target)?, Some(store))
    };
    // The stored copies of the attached files: each still there, with its hash.
    let blobs = match (&store, session.is_signed()) {
        (Some(store), true) => store.check_blobs(&session),
        (None, true) => Store::check_bundle(path, &session),
        _ => Vec::new(),
    };
    let print_blobs = || -> Outcome {
        for (attached, state) in &blobs {
            let a = &attached.attachment;
            let say = match state {
                BlobState::Missing => e.blob_missing,
                BlobState::Altered => e.blob_altered,
            };
            outln!("{}", say(&a.department, a.target.id(), &a.file.name, &a.id));
        }
        Ok(())
    };
    match session.verify() {
        Verification::NotSigned => Err(CliError::NotSigned),
        Verification::Changed { differences, .. } => {
            for difference in &differences {
                outln!("{}", (w.difference)(difference));
            }
            print_blobs()?;
            if differences.is_empty() && blobs.is_empty() {
                outln!("{}", w.record_altered);
            }
            Err(CliError::Changed((differences.len() + blobs.len()).max(1)))
        }
        Verification::Unchanged(_) if !blobs.is_empty() => {
            print_blobs()?;
            Err(CliError::EvidenceChanged(blobs.len()))
        }
        Verification::Unchanged(signed) => {
            if let Some(given) = digest
                && !signoff::digest_matches(given, &signed.digest)?
            {
                return Err(CliError::DigestDiffers {
                    given: given.trim().to_string(),
                    digest: signed.digest,
                });
            }
            let at = (w.moment)(&signed.at);
            outln!("{}", (w.unchanged)(&signed.by, &at, &signed.digest));
            Ok(())
        }
    }
}

/// `kansa reopen ID --reason TEXT`, recorded as `actor`.
pub fn reopen(store: &Store, id: &str, reason: &str, actor: &str, w: &ReviewWords) -> Outcome {
    let mut writer = store.open_writer(id, actor)?;
    let change = writer.session().reopen(reason)?;
    let digest = match &change {
        Change::Reopen { digest, .. } => digest.clone(),
        _ => String::new(),
    };
    writer.record(change).map_err(StoreError::from)?;
    writer.close()?;
    outln!("{}", (w.reopened)(&digest));
    Ok(())
}

/// `kansa history ID [--department D] [--item I]`: one line per change, oldest first.
pub fn history(
    store: &Store,
    id: &str,
    department: Option<&str>,
    item: Option<&str>,
    w: &ReviewWords,
) -> Outcome {
    let session = store.load(id)?;
    let department = match department {
        Some(name) => Some(
            session
                .hearing(name)
                .map(|h| h.department.short.clone())
                .ok_or_else(|| Refusal::UnknownDepartment(name.to_string()))?,
        ),
        None => None,
    };
    if let Some(item) = item
        && session.checklist.item(item).is_none()
    {
        return Err(Refusal::UnknownItem(item.to_string()).into());
    }
    let events = session.history.iter().filter(|event| {
        department
            .as_deref()
            .is_none_or(|d| event.change.department() == Some(d))
            && item.is_none_or(|i| event.change.names_item(i))
    });
    for event in events {
        let at = (w.moment)(&event.at);
        outln!("{at}  {}  {}", event.by, (w.change)(&event.change));
    }
    Ok(())
}
