//! A session file that carries its evidence. A round handed to another auditor
//! (`export --format session`) stays the plain RON file it always was while no change
//! of it refers to an attached file; once one does, the file becomes one zip: the
//! session as `session.ron` and every file its changes refer to as
//! `evidence/<sha256>`. One file to hand over (a USB stick, a mail), where a folder
//! beside the file would be forgotten; the git merge driver never meets a bundle, as
//! the store's own session files stay plain text and their evidence folder merges by
//! name. Reading a bundle checks each carried file against its hash before keeping it.

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

use super::blobs::BlobState;
use super::error::{StoreError, io_error};
use super::files::{owner_only, sync_folder};
use super::folder::Store;
use super::layout::snapshot_text;
use super::zipped::{EVIDENCE, SESSION, is_bundle, zip_error};
use crate::session::{Attached, Change, Session};

/// The hashes of every file the session's evidence and history refer to.
pub fn referenced(session: &Session) -> BTreeSet<String> {
    let in_force = session.evidence().map(|a| a.attachment.file.sha256.clone());
    let in_history = session.history.iter().filter_map(|e| match &e.change {
        Change::Attach { attachment } | Change::Detach { attachment } => {
            Some(attachment.file.sha256.clone())
        }
        _ => None,
    });
    in_force.chain(in_history).collect()
}

impl Store {
    /// Writes `session` (a part of round `id` here) to `path`: plain, or as a bundle
    /// with the files it refers to that this store keeps. True when bundled.
    pub fn write_part(&self, path: &Path, session: &Session, id: &str) -> Result<bool, StoreError> {
        let carried: Vec<String> = referenced(session)
            .into_iter()
            .filter(|sha| self.blob_path(id, sha).is_file())
            .collect();
        if carried.is_empty() {
            Store::write_file(path, session)?;
            return Ok(false);
        }
        let path = std::path::absolute(path).map_err(io_error(path))?;
        let folder = path.parent().unwrap_or(Path::new("."));
        let temp = tempfile::Builder::new()
            .prefix(".kansa-")
            .tempfile_in(folder)
            .map_err(io_error(folder))?;
        let mut zip = zip::ZipWriter::new(temp.reopen().map_err(io_error(&path))?);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        zip.start_file(SESSION, options).map_err(zip_error(&path))?;
        zip.write_all(snapshot_text(session, &path)?.as_bytes())
            .map_err(io_error(&path))?;
        for sha in &carried {
            zip.start_file(format!("{EVIDENCE}{sha}"), options)
                .map_err(zip_error(&path))?;
            let blob = self.blob_path(id, sha);
            let mut file = File::open(&blob).map_err(io_error(&blob))?;
            io::copy(&mut file, &mut zip).map_err(io_error(&path))?;
        }
        let file = zip.finish().map_err(zip_error(&path))?;
        file.sync_all().map_err(io_error(&path))?;
        temp.persist(&path).map_err(|e| StoreError::Io {
            path: path.clone(),
            source: e.error,
        })?;
        sync_folder(folder).map_err(io_error(folder))?;
        Ok(true)
    }

    /// Keeps the files a bundle carries in round `id`'s evidence here, each checked
    /// against its hash and made durable before it is named; files kept already are
    /// skipped. A plain session file carries none: 0.
    pub fn import_bundled(&self, id: &str, path: &Path) -> Result<usize, StoreError> {
        if !is_bundle(path) {
            return Ok(0);
        }
        let file = File::open(path).map_err(io_error(path))?;
        let mut archive = zip::ZipArchive::new(file).map_err(zip_error(path))?;
        let dir = self.evidence_dir(id);
        let mut kept = 0;
        for index in 0..archive.len() {
            let mut entry = archive.by_index(index).map_err(zip_error(path))?;
            let name = entry.name().map_err(zip_error(path))?.to_string();
            let Some(sha) = name.strip_prefix(EVIDENCE).map(str::to_string) else {
                continue;
            };
            let well_named = sha.len() == 64 && sha.bytes().all(|b| b.is_ascii_hexdigit());
            if !well_named || self.blob_path(id, &sha).is_file() {
                continue;
            }
            if !dir.exists() {
                owner_only::dir(fs::DirBuilder::new().recursive(true))
                    .create(&dir)
                    .map_err(io_error(&dir))?;
            }
            let mut temp = tempfile::Builder::new()
                .prefix(".kansa-")
                .tempfile_in(&dir)
                .map_err(io_error(&dir))?;
            let actual =
                super::blobs::hash_into(&mut entry, temp.as_file_mut()).map_err(io_error(path))?;
            if actual != sha {
                return Err(StoreError::Io {
                    path: path.to_path_buf(),
                    source: io::Error::new(io::ErrorKind::InvalidData, format!("{EVIDENCE}{sha}")),
                });
            }
            temp.as_file().sync_all().map_err(io_error(&dir))?;
            let blob = self.blob_path(id, &sha);
            temp.persist(&blob).map_err(|e| StoreError::Io {
                path: blob.clone(),
                source: e.error,
            })?;
            kept += 1;
        }
        if kept > 0 {
            sync_folder(&dir).map_err(io_error(&dir))?;
        }
        Ok(kept)
    }
}

impl Store {
    /// Each attachment in force of `session`, read from the file at `path`, whose
    /// carried copy is missing from it or no longer has its hash. A plain session
    /// file carries none: nothing to check.
    pub fn check_bundle<'a>(path: &Path, session: &'a Session) -> Vec<(&'a Attached, BlobState)> {
        if !is_bundle(path) {
            return Vec::new();
        }
        let archive = File::open(path)
            .ok()
            .and_then(|f| zip::ZipArchive::new(f).ok());
        let Some(mut archive) = archive else {
            return session
                .evidence()
                .map(|a| (a, BlobState::Missing))
                .collect();
        };
        let mut found = Vec::new();
        for attached in session.evidence() {
            let sha = &attached.attachment.file.sha256;
            let state = match archive.by_name(&format!("{EVIDENCE}{sha}")) {
                Err(_) => Some(BlobState::Missing),
                Ok(mut entry) => match super::blobs::hash_into(&mut entry, &mut io::sink()) {
                    Ok(actual) if &actual == sha => None,
                    _ => Some(BlobState::Altered),
                },
            };
            if let Some(state) = state {
                found.push((attached, state));
            }
        }
        found
    }
}
