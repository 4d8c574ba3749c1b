//! Deleting a session moves it, with the files kept beside it (`.prev`, a draft, the
//! writers' journals), into
//! `trash/` in the data directory; restoring moves it back. kansa never destroys a
//! session: findings deleted by mistake must be recoverable by whoever deleted them.

use std::fs;
use std::path::PathBuf;

use super::error::{StoreError, io_error};
use super::files::{owner_only, sync_folder};
use super::folder::{Store, valid_id};
use super::lock::{Lock, holder};
use super::shared::side_journals;

/// The files of a session, by what follows the id (and the writers' journals;
/// `.evidence`: the folder of its attached files).
const PARTS: [&str; 4] = [".ron", ".ron.prev", ".draft", ".evidence"];

impl Store {
    /// The trash folder beside the sessions folder.
    pub fn trash_dir(&self) -> PathBuf {
        self.dir
            .parent()
            .map_or_else(|| self.dir.join("trash"), |data| data.join("trash"))
    }

    /// Moves session `id` into the trash. A session open for writing elsewhere is
    /// refused, as is one whose id the trash already holds.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        self.existing(id)?;
        let lock = Lock::acquire(&self.dir.join(format!("{id}.lock")), id, "kansa delete")?;
        // Nor while another auditor writes beside it.
        for name in side_journals(&self.dir, id) {
            let stem = name.trim_end_matches(".journal");
            if let Some(holder) = holder(&self.dir.join(format!("{stem}.lock"))) {
                return Err(StoreError::Locked {
                    id: id.to_string(),
                    holder,
                });
            }
        }
        let trash = self.trash_dir();
        if !trash.exists() {
            owner_only::dir(fs::DirBuilder::new().recursive(true))
                .create(&trash)
                .map_err(io_error(&trash))?;
        }
        if trash.join(format!("{id}.ron")).exists() {
            return Err(StoreError::InTrash(id.to_string()));
        }
        move_parts(id, &self.dir, &trash)?;
        drop(lock);
        let _ = fs::remove_file(self.dir.join(format!("{id}.lock")));
        Ok(())
    }

    /// Brings session `id` back from the trash, unless a session has that id again.
    pub fn restore(&self, id: &str) -> Result<(), StoreError> {
        let trash = self.trash_dir();
        if !valid_id(id) || !trash.join(format!("{id}.ron")).exists() {
            return Err(StoreError::NotInTrash(id.to_string()));
        }
        if self.path_of(id).exists() {
            return Err(StoreError::Exists(id.to_string()));
        }
        move_parts(id, &trash, &self.dir)
    }
}

/// Renames each file of session `id` from one folder to the other, then makes the
/// renames durable in both.
fn move_parts(id: &str, from: &std::path::Path, to: &std::path::Path) -> Result<(), StoreError> {
    let parts = PARTS.iter().map(|part| format!("{id}{part}"));
    for name in parts.chain(side_journals(from, id)) {
        let source = from.join(&name);
        if source.exists() {
            fs::rename(&source, to.join(&name)).map_err(io_error(&source))?;
        }
    }
    sync_folder(from).map_err(io_error(from))?;
    sync_folder(to).map_err(io_error(to))
}
