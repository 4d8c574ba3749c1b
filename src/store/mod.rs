//! Where sessions live and how they are saved: one file per session holding a summary
//! line, a RON snapshot, the history and a journal of changes, one RON line each
//! (`layout`). Recording a change is one fsync'd append (`writer`); the journal is
//! folded into the snapshot (an atomic replace, `files`) when it is long on open or
//! close, and at sign-off. The only module that touches session files; `doc` is the
//! handle the screens hold on one session, `folder` the sessions of a data directory,
//! `lock` who has one open for writing, `trash` what was deleted, `take_in` files
//! merged into a round, `blobs` the files attached as evidence, kept by their content
//! beside the session, `bundle` a session file that carries them.

mod blobs;
mod bundle;
mod doc;
mod draft;
mod error;
mod files;
mod folder;
mod layout;
mod lock;
mod shared;
mod take_in;
mod trash;
mod writer;
mod zipped;

pub use blobs::{BlobState, EvidenceError, Kept};
pub use doc::{Doc, Saved};
pub use draft::{Draft, DraftTarget};
pub use error::{RecordError, StoreError};
pub(crate) use files::write_atomically;
pub use folder::{Created, Store};
pub use layout::Summary;
pub use take_in::{IntoRoundError, MergedIn};
pub use writer::Writer;
