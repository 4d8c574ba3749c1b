//! The language kansa speaks: Japanese or English, chosen by `--lang` or the locale.

/// The UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Ja,
    En,
}

impl Lang {
    /// Japanese when the locale (LC_ALL, then LC_MESSAGES, then LANG) says so.
    pub fn from_env() -> Lang {
        Self::from_locale(|name| std::env::var(name).ok())
    }

    /// The language of the first locale variable that is set, as POSIX ranks them.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.is_empty())
            .unwrap_or_default();
        if locale.starts_with("ja") {
            Lang::Ja
        } else {
            Lang::En
        }
    }
}
