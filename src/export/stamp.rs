//! Whether a report may be handed in: the draft warning or the signer's stamp.

use crate::session::Session;

/// Whether a report may be handed in: a draft says so on every page; a signed one
/// prints who signed, when, and the digest `kansa verify --digest` checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stamp {
    Draft,
    Signed {
        by: String,
        at: crate::session::Timestamp,
        digest: String,
    },
}

impl Stamp {
    pub(crate) fn of(session: &Session) -> Stamp {
        match &session.signed {
            Some(signed) => Stamp::Signed {
                by: signed.by.clone(),
                at: signed.at,
                digest: signed.digest.clone(),
            },
            None => Stamp::Draft,
        }
    }
}
