//! What the builders carry, and the check that each builds every variant.

use std::collections::BTreeSet;
use std::io;
use std::path::PathBuf;

use crate::i18n::Lang;

/// The values a variant carries, in the language under test, so that what is left
/// of its words once they are taken out is the template's own.
#[derive(Clone, Copy)]
pub struct V(pub Lang);

impl V {
    pub fn s(self) -> String {
        match self.0 {
            Lang::Ja => "値".into(),
            Lang::En => "v".into(),
        }
    }

    pub fn list(self) -> Vec<String> {
        vec![self.s(), self.s()]
    }

    pub fn path(self) -> PathBuf {
        PathBuf::from(match self.0 {
            Lang::Ja => "フォルダ/値.ron",
            Lang::En => "dir/v.ron",
        })
    }

    pub fn io(self) -> io::Error {
        io::Error::from(io::ErrorKind::PermissionDenied)
    }
}

/// Asserts that `all` holds every arm `index` knows, `0..count`.
pub fn covers<T>(all: &[T], index: impl Fn(&T) -> usize, count: usize) {
    let seen: BTreeSet<usize> = all.iter().map(index).collect();
    assert_eq!(seen, (0..count).collect(), "a variant is not built");
}
