//! The language kansa speaks: Japanese or English, chosen by `--lang`, the saved
//! choice, the OS (see `language::Language::choose`), else English.

use crate::language::Language;

/// The UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Ja,
    En,
}

impl Lang {
    /// The OS's language for this user, else English (no flag, no saved choice).
    pub fn from_os() -> Lang {
        Language::choose(None, None, &Language::os_locales()).into()
    }

    /// The words of `--help` and of usage errors; `None`: clap's own (English).
    pub fn help_words(self) -> Option<&'static super::ja_help::HelpWords> {
        match self {
            Lang::Ja => Some(&super::ja_help::HELP_JA),
            Lang::En => None,
        }
    }

    /// `--lang`, else the saved choice, else the OS's language, else English.
    pub fn choose(flag: Option<Lang>, saved: Option<Language>) -> Lang {
        Language::choose(flag.map(Into::into), saved, &Language::os_locales()).into()
    }
}

impl From<Language> for Lang {
    fn from(language: Language) -> Lang {
        match language {
            Language::Ja => Lang::Ja,
            Language::En => Lang::En,
        }
    }
}

impl From<Lang> for Language {
    fn from(lang: Lang) -> Language {
        match lang {
            Lang::Ja => Language::Ja,
            Lang::En => Language::En,
        }
    }
}
