//! What a user chose that outlives a session (how marks are drawn), kept as RON in
//! the data directory, which is the user's own.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{FileError, Problem};
use crate::marks::MarksDisplay;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub marks: MarksDisplay,
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
}
