//! What a user chose that outlives a session (how marks are drawn, who they are), kept
//! as RON in the data directory, which is the user's own.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{FileError, Problem};
use crate::language::Language;
use crate::marks::MarksDisplay;

/// Every field has a default, so a file written before a field existed still reads.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub marks: MarksDisplay,
    /// The name the auditor chose for themself (see `auditor::Auditor`).
    #[serde(default)]
    pub auditor: Option<String>,
    /// The report and format last exported from the screen (`matrix`, `xlsx`), which
    /// its export dialog offers first.
    #[serde(default)]
    pub export_report: Option<String>,
    #[serde(default)]
    pub export_format: Option<String>,
    /// The language chosen with `kansa config lang` (none: the OS's, `auto`).
    #[serde(default)]
    pub lang: Option<Language>,
    /// The largest file accepted as evidence, in MB (`kansa config evidence-limit`;
    /// none: `evidence::DEFAULT_LIMIT_MB`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_limit_mb: Option<u64>,
}

impl Settings {
    pub fn path(data_dir: &Path) -> PathBuf {
        data_dir.join("settings.ron")
    }

    /// The saved settings; defaults when there are none yet.
    pub fn load(data_dir: &Path) -> Result<Settings, FileError> {
        let path = Self::path(data_dir);
        match std::fs::read_to_string(&path) {
            Ok(text) => ron::from_str(&text).map_err(|e| FileError::from_ron(&path, &e, &text, 0)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
            Err(e) => Err(FileError::cannot_read(&path, &e)),
        }
    }

    /// Changes the saved settings with `change` and saves them, keeping what `change`
    /// leaves alone: saving one choice must not forget another.
    pub fn update(
        data_dir: &Path,
        change: impl FnOnce(&mut Settings),
    ) -> Result<Settings, crate::store::StoreError> {
        let mut settings = Settings::load(data_dir)?;
        change(&mut settings);
        settings.save(data_dir)?;
        Ok(settings)
    }

    pub fn save(&self, data_dir: &Path) -> Result<(), crate::store::StoreError> {
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new().new_line("\n"))
            .map_err(|e| FileError::new(&Self::path(data_dir), None, Problem::Ron(e)))?;
        crate::store::write_atomically(&Self::path(data_dir), &format!("{text}\n"), true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_default_when_absent() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Settings::load(dir.path()).unwrap(), Settings::default());
        Settings {
            marks: MarksDisplay::Wide,
            ..Settings::default()
        }
        .save(dir.path())
        .unwrap();
        assert_eq!(
            Settings::load(dir.path()).unwrap().marks,
            MarksDisplay::Wide
        );
        std::fs::write(Settings::path(dir.path()), "(marks: Huge)").unwrap();
        let error = Settings::load(dir.path()).unwrap_err();
        assert!(error.position.is_some(), "{error}");
    }

    #[test]
    fn the_auditor_is_remembered_and_older_files_still_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(Settings::path(dir.path()), "(marks: Wide)\n").unwrap();
        let old = Settings::load(dir.path()).unwrap();
        assert_eq!((old.marks, old.auditor), (MarksDisplay::Wide, None));

        let chosen =
            Settings::update(dir.path(), |s| s.auditor = Some("監査 花子".into())).unwrap();
        assert_eq!(Settings::load(dir.path()).unwrap(), chosen);
        assert_eq!(chosen.marks, MarksDisplay::Wide, "kept");

        Settings::update(dir.path(), |s| s.marks = MarksDisplay::Ascii).unwrap();
        let both = Settings::load(dir.path()).unwrap();
        assert_eq!(both.auditor.as_deref(), Some("監査 花子"), "kept");
        assert_eq!(both.marks, MarksDisplay::Ascii);

        let none = Settings::update(dir.path(), |s| s.auditor = None).unwrap();
        assert_eq!(Settings::load(dir.path()).unwrap(), none);
    }
}
