//! Who is working: the name that the history, the lock and the read-only banner give
//! the person making changes, and whether they chose it or it is only a fallback.

/// The environment variable that names the auditor when `--as` does not.
pub const ENV: &str = "KANSA_AUDITOR";

/// The name used when nothing names anyone, not even the login.
const UNKNOWN: &str = "unknown";

/// Where the name came from, in order of precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `--as NAME`.
    Flag,
    /// `KANSA_AUDITOR`.
    Env,
    /// Chosen earlier and remembered in the data directory's settings.
    Remembered,
    /// The operating system's login name (or `unknown`): nobody chose it.
    Login,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Auditor {
    pub name: String,
    pub source: Source,
}

impl Auditor {
    /// The first name given, in order of precedence: `flag`, `env`, `remembered`,
    /// `login`. A blank name counts as none; control characters become spaces, since a
    /// lock file and an error message hold the name on one line.
    pub fn resolve(
        flag: Option<&str>,
        env: Option<&str>,
        remembered: Option<&str>,
        login: Option<&str>,
    ) -> Auditor {
        let candidates = [
            (Source::Flag, flag),
            (Source::Env, env),
            (Source::Remembered, remembered),
            (Source::Login, login),
        ];
        candidates
            .into_iter()
            .find_map(|(source, name)| {
                let name = one_line(name?)?;
                Some(Auditor { name, source })
            })
            .unwrap_or_else(|| Auditor {
                name: UNKNOWN.to_string(),
                source: Source::Login,
            })
    }

    /// This process's auditor: `flag`, else `KANSA_AUDITOR`, else the remembered name,
    /// else the login name. `remembered` is only called when neither names anyone, so
    /// that an unreadable settings file stops only those who rely on it.
    pub fn from_process<E>(
        flag: Option<&str>,
        remembered: impl FnOnce() -> Result<Option<String>, E>,
    ) -> Result<Auditor, E> {
        let env = std::env::var(ENV).ok();
        let named = |name: Option<&str>| name.and_then(one_line).is_some();
        let remembered = if named(flag) || named(env.as_deref()) {
            None
        } else {
            remembered()?
        };
        let login = login_name();
        Ok(Auditor::resolve(
            flag,
            env.as_deref(),
            remembered.as_deref(),
            login.as_deref(),
        ))
    }

    /// True when the person named themself (now or earlier); false for the login name,
    /// which the screens should offer to replace.
    pub fn is_chosen(&self) -> bool {
        self.source != Source::Login
    }
}

/// The operating system's login name, from the environment.
pub fn login_name() -> Option<String> {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
}

/// `name` trimmed, with control characters as spaces; None when nothing is left.
fn one_line(name: &str) -> Option<String> {
    let cleaned: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let trimmed = cleaned.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(
        flag: Option<&str>,
        env: Option<&str>,
        remembered: Option<&str>,
        login: Option<&str>,
    ) -> (String, Source, bool) {
        let auditor = Auditor::resolve(flag, env, remembered, login);
        let chosen = auditor.is_chosen();
        (auditor.name, auditor.source, chosen)
    }

    #[test]
    fn the_first_name_given_wins_and_only_the_login_is_a_fallback() {
        let all = (
            Some("監査 花子"),
            Some("監査 次郎"),
            Some("監査 太郎"),
            Some("taro"),
        );
        assert_eq!(
            resolved(all.0, all.1, all.2, all.3),
            ("監査 花子".into(), Source::Flag, true)
        );
        assert_eq!(
            resolved(None, all.1, all.2, all.3),
            ("監査 次郎".into(), Source::Env, true)
        );
        assert_eq!(
            resolved(None, None, all.2, all.3),
            ("監査 太郎".into(), Source::Remembered, true)
        );
        assert_eq!(
            resolved(None, None, None, all.3),
            ("taro".into(), Source::Login, false)
        );
        assert_eq!(
            resolved(None, None, None, None),
            ("unknown".into(), Source::Login, false)
        );
    }

    #[test]
    fn blank_names_are_skipped_and_names_kept_on_one_line() {
        assert_eq!(
            resolved(Some("  "), Some(""), Some(" 監査\n太郎\t"), Some("taro")),
            ("監査 太郎".into(), Source::Remembered, true)
        );
    }

    #[test]
    fn the_remembered_name_is_read_only_when_needed() {
        let flagged = Auditor::from_process(Some("監査 花子"), || -> Result<_, ()> {
            panic!("settings read although --as names the auditor")
        });
        assert_eq!(flagged.map(|a| a.source), Ok(Source::Flag));
        let failing = Auditor::from_process(None, || Err("settings.ron:1:1"));
        if std::env::var(ENV).is_err() {
            assert_eq!(failing, Err("settings.ron:1:1"));
        }
    }
}
