//! The commands of the record: `review`, `sign`, `verify`, `reopen` and `history`,
//! each a thin call into the core (`review`, `signoff`) and the store. Lines are in
//! the user's language; a refusal is the one-line reason the binary prints.

use std::path::Path;

use chrono::{Local, Timelike};

use super::Command;
use crate::i18n::ReviewWords;
use crate::review::{self, Entry, Place};
use crate::session::{Refusal, Session};
use crate::signoff::{self, Verification};
use crate::store::{Store, StoreError};

/// How a time is printed: to the second, with its offset.
const TIME: &str = "%Y-%m-%d %H:%M:%S%:z";

/// Runs one of the record's commands; `store` and `actor` are only asked for when
/// the command needs them (verify of a file needs neither).
pub fn run(
    command: &Command,
    store: impl FnOnce() -> Result<Store, String>,
    actor: impl FnOnce() -> Result<String, String>,
    w: &ReviewWords,
) -> Result<(), String> {
    match command {
        Command::Review { id } => review(&store()?, id, w),
        Command::Sign { id, by } => sign(&store()?, id, by, &actor()?, w),
        Command::Verify { target, digest } => verify(store, target, digest.as_deref(), w),
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
pub fn review(store: &Store, id: &str, w: &ReviewWords) -> Result<(), String> {
    let session = store.load(id).map_err(|e| e.to_string())?;
    let review = review::review(&session);
    for entry in &review.entries {
        println!("{}", entry_line(entry, w));
    }
    let blockers = review.blockers().count();
    if blockers > 0 {
        return Err((w.blocked)(blockers));
    }
    eprintln!("kansa: {}", w.nothing_blocks);
    Ok(())
}

/// `kansa sign ID --by NAME`, recorded as `actor`: prints the digest, or the blockers
/// and refuses.
pub fn sign(store: &Store, id: &str, by: &str, actor: &str, w: &ReviewWords) -> Result<(), String> {
    let mut writer = store.open_writer(id, actor).map_err(|e| e.to_string())?;
    // Whole seconds: the time is printed and compared by people.
    let now = Local::now().fixed_offset();
    let at = now.with_nanosecond(0).unwrap_or(now);
    let change = match writer.session().sign(by, at) {
        Ok(change) => change,
        Err(refusal) => return Err(sign_refused(writer.session(), &refusal, w)),
    };
    writer
        .record(change)
        .map_err(|e| StoreError::from(e).to_string())?;
    let digest = writer.session().signed.as_ref().map(|s| s.digest.clone());
    writer.close().map_err(|e| e.to_string())?;
    println!("{}", digest.unwrap_or_default());
    Ok(())
}

/// Why `sign` refused, with the blockers printed on stdout when they are the reason.
fn sign_refused(session: &Session, refusal: &Refusal, w: &ReviewWords) -> String {
    match refusal {
        Refusal::Blocked(count) => {
            for entry in review::review(session).blockers() {
                println!("{}", entry_line(entry, w));
            }
            (w.blocked)(*count)
        }
        Refusal::NotASigner(name) => {
            let people: Vec<&str> = session.facts.people().collect();
            match people.is_empty() {
                // No one to list: say so, rather than print empty brackets.
                true => (w.no_signers)(name),
                false => (w.not_a_signer)(name, &people.join("、")),
            }
        }
        other => other.to_string(),
    }
}

/// `kansa verify ID|FILE [--digest HEX]`: a path to an existing file is read as a
/// session file; anything else is an id in the store.
pub fn verify(
    store: impl FnOnce() -> Result<Store, String>,
    target: &str,
    digest: Option<&str>,
    w: &ReviewWords,
) -> Result<(), String> {
    let path = Path::new(target);
    let session = if path.is_file() {
        Store::load_file(path)
    } else {
        store()?.load(target)
    }
    .map_err(|e| e.to_string())?;
    match session.verify() {
        Verification::NotSigned => Err(w.not_signed.to_string()),
        Verification::Changed { differences, .. } => {
            for difference in &differences {
                println!("{}", (w.difference)(difference));
            }
            if differences.is_empty() {
                println!("{}", w.record_altered);
            }
            Err((w.changed)(differences.len().max(1)))
        }
        Verification::Unchanged(signed) => {
            if let Some(given) = digest
                && !signoff::digest_matches(given, &signed.digest).map_err(|e| e.to_string())?
            {
                return Err((w.digest_differs)(given.trim(), &signed.digest));
            }
            let at = signed.at.format(TIME).to_string();
            println!("{}", (w.unchanged)(&signed.by, &at, &signed.digest));
            Ok(())
        }
    }
}

/// `kansa reopen ID --reason TEXT`, recorded as `actor`.
pub fn reopen(
    store: &Store,
    id: &str,
    reason: &str,
    actor: &str,
    w: &ReviewWords,
) -> Result<(), String> {
    let mut writer = store.open_writer(id, actor).map_err(|e| e.to_string())?;
    let change = writer.session().reopen(reason).map_err(|e| e.to_string())?;
    let digest = match &change {
        crate::session::Change::Reopen { digest, .. } => digest.clone(),
        _ => String::new(),
    };
    writer
        .record(change)
        .map_err(|e| StoreError::from(e).to_string())?;
    writer.close().map_err(|e| e.to_string())?;
    println!("{}", (w.reopened)(&digest));
    Ok(())
}

/// `kansa history ID [--department D] [--item I]`: one line per change, oldest first.
pub fn history(
    store: &Store,
    id: &str,
    department: Option<&str>,
    item: Option<&str>,
    w: &ReviewWords,
) -> Result<(), String> {
    let session = store.load(id).map_err(|e| e.to_string())?;
    let department = match department {
        Some(name) => Some(
            session
                .hearing(name)
                .map(|h| h.department.short.clone())
                .ok_or_else(|| Refusal::UnknownDepartment(name.to_string()).to_string())?,
        ),
        None => None,
    };
    if let Some(item) = item
        && session.checklist.item(item).is_none()
    {
        return Err(Refusal::UnknownItem(item.to_string()).to_string());
    }
    let events = session.history.iter().filter(|event| {
        department
            .as_deref()
            .is_none_or(|d| event.change.department() == Some(d))
            && item.is_none_or(|i| event.change.names_item(i))
    });
    for event in events {
        let at = event.at.format(TIME);
        println!("{at}  {}  {}", event.by, (w.change)(&event.change));
    }
    Ok(())
}
