//! What every command may need, each made when first asked for: the data directory
//! and its store, the settings, who is working, the words of the user's language.

use std::path::PathBuf;

use super::args::Cli;
use super::error::CliError;
use crate::auditor::Auditor;
use crate::i18n::{Lang, Messages, ReviewWords};
use crate::marks::MarksDisplay;
use crate::settings::Settings;
use crate::store::Store;
use crate::tui::Context;

pub struct Env<'a> {
    pub cli: &'a Cli,
    pub lang: Lang,
    pub m: &'static Messages,
    pub words: &'static ReviewWords,
}

impl<'a> Env<'a> {
    pub fn new(cli: &'a Cli) -> Env<'a> {
        let lang = cli.language();
        Env {
            cli,
            lang,
            m: lang.messages(),
            words: lang.review_words(),
        }
    }

    pub fn data_dir(&self) -> Result<PathBuf, CliError> {
        Store::data_dir(self.cli.data_dir.clone()).ok_or(CliError::NoDataDir)
    }

    /// The store, saying once which folders it made owner-only.
    pub fn store(&self) -> Result<Store, CliError> {
        let store = Store::open(&self.data_dir()?)?;
        for folder in store.tightened() {
            eprintln!(
                "kansa: {}",
                (self.m.tightened)(&folder.display().to_string())
            );
        }
        Ok(store)
    }

    pub fn settings(&self) -> Result<Settings, CliError> {
        Ok(Settings::load(&self.data_dir()?)?)
    }

    pub fn marks(&self) -> Result<MarksDisplay, CliError> {
        match self.cli.marks {
            Some(marks) => Ok(marks),
            None => Ok(self.settings()?.marks),
        }
    }

    pub fn auditor(&self) -> Result<Auditor, CliError> {
        Auditor::from_process(self.cli.as_auditor.as_deref(), || {
            Ok(self.settings()?.auditor)
        })
    }

    pub fn context(&self) -> Result<Context, CliError> {
        let marks = self.marks()?;
        let auditor = self.auditor()?;
        Ok(Context {
            store: self.store()?,
            data_dir: self.data_dir()?,
            actor_chosen: auditor.is_chosen(),
            actor: auditor.name,
            t: self.lang.strings(),
            marks,
            // no-color.org: set and not empty.
            colors: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        })
    }
}
