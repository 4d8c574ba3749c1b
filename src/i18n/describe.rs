//! Something kansa tells its user (an error, a refusal, a notice) is kept as a value
//! until it is shown, and put in words there, in the language of whoever reads it.

use super::lang::Lang;
use super::messages::Messages;

/// Something kansa tells its user (an error, a notice), kept as data until it is
/// shown and put in words there, in the language of whoever reads it.
pub trait Describe {
    /// The words for this, from `m`.
    fn describe(&self, m: &Messages) -> String;

    /// The words for this in `lang`.
    fn localized(&self, lang: Lang) -> String {
        self.describe(lang.messages())
    }
}
