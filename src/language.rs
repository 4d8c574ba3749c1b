//! The language a round's documents are written in, and the one a user saved for the
//! screens: a code the core can keep in its files without knowing any words (`i18n`
//! maps it to its word tables).

use serde::{Deserialize, Serialize};

/// Japanese or English, as files name them (`Ja`, `En`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    Ja,
    En,
}

impl Language {
    /// The language a locale name speaks, in any of the forms operating systems give:
    /// POSIX `ja_JP.UTF-8`, BCP 47 `ja-JP` (Windows, macOS), a bare `ja`. `None` for
    /// names that say nothing (`C`, `POSIX`, empty): English is then only a default.
    pub fn from_locale_name(name: &str) -> Option<Language> {
        let primary = name
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "ja" | "jpn" => Some(Language::Ja),
            "" | "c" | "posix" => None,
            _ => Some(Language::En),
        }
    }

    /// The language in force: `--lang`, else the saved choice, else the first locale
    /// the OS names that says something, else English. Pure, so that each source can
    /// be tested in its order.
    pub fn choose<S: AsRef<str>>(
        flag: Option<Language>,
        saved: Option<Language>,
        os_locales: &[S],
    ) -> Language {
        flag.or(saved)
            .or_else(|| {
                os_locales
                    .iter()
                    .find_map(|name| Language::from_locale_name(name.as_ref()))
            })
            .unwrap_or(Language::En)
    }

    /// The locales the OS names for this user, most preferred first: on Windows the
    /// user's UI language, on macOS the preferred languages (both through
    /// `sys-locale`); elsewhere the POSIX variables LC_ALL, LC_MESSAGES, LANG in the
    /// order POSIX ranks them (the first one set is the only one that counts). Windows
    /// itself sets none of them: one that is set there was chosen by the user's shell
    /// (Git Bash, MSYS) or a script, and comes first.
    pub fn os_locales() -> Vec<String> {
        let posix = Self::posix_locale(|name| std::env::var(name).ok());
        if cfg!(target_vendor = "apple") {
            sys_locale::get_locales().collect()
        } else if cfg!(windows) {
            posix.into_iter().chain(sys_locale::get_locales()).collect()
        } else {
            posix.into_iter().collect()
        }
    }

    /// The first POSIX locale variable that is set and not empty.
    pub fn posix_locale(var: impl Fn(&str) -> Option<String>) -> Option<String> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::Language::{self, En, Ja};

    const NONE: [&str; 0] = [];

    #[test]
    fn the_flag_comes_first() {
        assert_eq!(Language::choose(Some(En), Some(Ja), &["ja-JP"]), En);
        assert_eq!(Language::choose(Some(Ja), Some(En), &["en-US"]), Ja);
        assert_eq!(Language::choose(Some(Ja), None, &NONE), Ja);
    }

    #[test]
    fn then_the_saved_choice() {
        assert_eq!(Language::choose(None, Some(Ja), &["en-US"]), Ja);
        assert_eq!(Language::choose(None, Some(En), &["ja_JP.UTF-8"]), En);
    }

    #[test]
    fn then_windows_locale_names() {
        // GetUserDefaultLocaleName / the UI language as sys-locale gives them.
        assert_eq!(Language::choose(None, None, &["ja-JP"]), Ja);
        assert_eq!(Language::choose(None, None, &["ja"]), Ja);
        assert_eq!(Language::choose(None, None, &["en-US"]), En);
        assert_eq!(Language::choose(None, None, &["en-JP"]), En);
    }

    #[test]
    fn then_macos_preferred_languages_first_first() {
        assert_eq!(Language::choose(None, None, &["ja-JP", "en-US"]), Ja);
        assert_eq!(Language::choose(None, None, &["en-US", "ja-JP"]), En);
        assert_eq!(Language::choose(None, None, &["ja-Jpan-JP"]), Ja);
    }

    #[test]
    fn then_posix_variables_in_their_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let pick = |pairs| {
            let os: Vec<String> = Language::posix_locale(env(pairs)).into_iter().collect();
            Language::choose(None, None, &os)
        };
        assert_eq!(pick(&[("LANG", "ja_JP.UTF-8")]), Ja);
        assert_eq!(pick(&[("LANG", "en_US.UTF-8")]), En);
        assert_eq!(pick(&[("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")]), En);
        assert_eq!(pick(&[("LC_ALL", ""), ("LC_MESSAGES", "ja_JP.UTF-8")]), Ja);
        assert_eq!(pick(&[("LC_MESSAGES", "ja_JP"), ("LANG", "en_US")]), Ja);
    }

    #[test]
    fn nothing_said_is_english() {
        assert_eq!(Language::choose(None, None, &NONE), En);
        assert_eq!(Language::choose(None, None, &["C"]), En);
        assert_eq!(Language::choose(None, None, &["POSIX", "ja-JP"]), Ja);
    }
}
