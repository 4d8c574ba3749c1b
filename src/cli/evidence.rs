//! The commands of evidence (証跡): `attach`, `evidence` and `detach`, and the limit
//! saved with `kansa config evidence-limit`. Every file is checked before any is
//! copied, and every copy is durable before the changes that refer to them are
//! recorded: an error leaves the round unchanged, at worst with an unreferenced copy.

use std::path::PathBuf;

use chrono::Local;

use super::args::Command;
use super::env::Env;
use super::error::CliError;
use super::output::{outln, print_table};
use crate::evidence::{DEFAULT_LIMIT_MB, MB, Where, short_hash};
use crate::i18n::EvidenceWords;
use crate::session::{Change, EvidenceTarget, Refusal, Session};
use crate::store::{Store, StoreError};

impl Env<'_> {
    /// `attach`, `evidence` and `detach`.
    pub fn evidence(&self, command: Command) -> Result<(), CliError> {
        let w = self.m.evidence;
        match command {
            Command::Attach {
                id,
                department,
                item,
                area,
                files,
                note,
            } => {
                let target = match (item, area) {
                    (Some(item), _) => EvidenceTarget::Item(item),
                    (None, Some(area)) => EvidenceTarget::Area(area),
                    // clap requires one of them.
                    (None, None) => return Ok(()),
                };
                let at = Where { department, target };
                let limit = self.evidence_limit()?;
                let note = note.unwrap_or_default();
                attach(
                    &self.store()?,
                    &id,
                    &at,
                    &files,
                    &note,
                    limit,
                    &self.auditor()?.name,
                    w,
                )
            }
            Command::Evidence {
                id,
                department,
                item,
            } => list(
                &self.store()?.load(&id)?,
                department.as_deref(),
                item.as_deref(),
                w,
            ),
            Command::Detach { id, evidence } => {
                detach(&self.store()?, &id, &evidence, &self.auditor()?.name, w)
            }
            _ => Ok(()),
        }
    }

    /// The per-file limit in bytes: the saved setting, else 100 MB.
    pub fn evidence_limit(&self) -> Result<u64, CliError> {
        let mb = self
            .settings()?
            .evidence_limit_mb
            .unwrap_or(DEFAULT_LIMIT_MB);
        Ok(mb.saturating_mul(MB))
    }
}

/// `kansa attach`: checks every file, copies each into the store, then records one
/// change per file, printing its id.
#[allow(clippy::too_many_arguments)]
pub fn attach(
    store: &Store,
    id: &str,
    at: &Where,
    files: &[PathBuf],
    note: &str,
    limit: u64,
    actor: &str,
    w: &EvidenceWords,
) -> Result<(), CliError> {
    let mut writer = store.open_writer(id, actor)?;
    // Refused before anything is copied: a signed round, an unknown place.
    writer.session().editable()?;
    writer.session().resolve(at)?;
    for file in files {
        Store::check_evidence(file, limit)?;
    }
    let mut kept = Vec::new();
    for file in files {
        kept.push(store.keep_evidence(id, file, limit)?);
    }
    // For the SIGKILL harness: a pause between the copies and the changes, the moment
    // a crash must leave no reference to a missing file.
    #[cfg(feature = "testkit")]
    if let Some(ms) = std::env::var("KANSA_TEST_PAUSE_BEFORE_RECORD")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
    let mut changes = Vec::new();
    for (n, copy) in kept.iter().enumerate() {
        let salt = format!("{} {n}", Local::now().to_rfc3339());
        changes.push(
            writer
                .session()
                .attach(at, copy.file.clone(), note, &salt)?,
        );
    }
    for (change, copy) in changes.into_iter().zip(&kept) {
        let line = match &change {
            Change::Attach { attachment } => (w.attached)(
                &attachment.id,
                &attachment.file.name,
                &attachment.department,
                attachment.target.id(),
                copy.existed,
            ),
            _ => String::new(),
        };
        writer.record(change).map_err(StoreError::from)?;
        outln!("{line}");
    }
    writer.close()?;
    Ok(())
}

/// `kansa evidence`: the attachments in force, one row each.
pub fn list(
    session: &Session,
    department: Option<&str>,
    item: Option<&str>,
    w: &EvidenceWords,
) -> Result<(), CliError> {
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
    let rows: Vec<[String; 9]> = session
        .evidence()
        .filter(|a| {
            department
                .as_deref()
                .is_none_or(|d| a.attachment.department == d)
        })
        .filter(|a| item.is_none_or(|i| a.attachment.target.item() == Some(i)))
        .map(|a| {
            let file = &a.attachment.file;
            [
                a.attachment.id.clone(),
                a.attachment.department.clone(),
                a.attachment.target.id().to_string(),
                crate::i18n::one_line(&file.name),
                file.size.to_string(),
                (w.moment)(&a.at),
                a.by.clone(),
                short_hash(&file.sha256).to_string(),
                crate::i18n::one_line(&a.attachment.note),
            ]
        })
        .collect();
    if rows.is_empty() {
        return Ok(());
    }
    print_table(&w.list_header.map(str::to_string), &rows)
}

/// `kansa detach ID EVIDENCE_ID`.
pub fn detach(
    store: &Store,
    id: &str,
    evidence: &str,
    actor: &str,
    w: &EvidenceWords,
) -> Result<(), CliError> {
    let mut writer = store.open_writer(id, actor)?;
    let change = writer.session().detach(evidence)?;
    let line = match &change {
        Change::Detach { attachment } => (w.detached)(&attachment.id, &attachment.file.name),
        _ => String::new(),
    };
    writer.record(change).map_err(StoreError::from)?;
    writer.close()?;
    outln!("{line}");
    Ok(())
}
