//! The session a screen works on: open for writing, or read-only when another kansa
//! holds it. Records changes, keeps failed saves pending and retries them, and lets a
//! read-only copy follow the writer.

use super::{RecordError, Seen, Store, StoreError, Writer};
use crate::session::{Change, Refusal, Session};

/// One session as a screen holds it: the writer, or a copy while another process
/// writes.
pub enum Doc {
    Writing {
        writer: Box<Writer>,
        /// Why the last save failed, while changes are pending.
        save_error: Option<StoreError>,
    },
    Reading {
        session: Box<Session>,
        holder: String,
        /// How far this copy has read the file.
        seen: Seen,
        store: Store,
    },
}

/// What a save attempt came to, for the screen to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    Yes,
    /// Saved now after earlier failures.
    Again,
    No,
    /// The session refused the change (an unknown department, item or mark): nothing
    /// changed and nothing is pending; earlier pending changes are as they were.
    Refused(Refusal),
    ReadOnly,
    /// The other process let go: this copy now holds the session for writing.
    Unlocked,
}

impl Doc {
    /// Opens `id` for writing, or read-only when another process holds it.
    pub fn open(store: &Store, id: &str, actor: &str) -> Result<Doc, StoreError> {
        match store.open_writer(id, actor) {
            Ok(writer) => Ok(Doc::Writing {
                writer: Box::new(writer),
                save_error: None,
            }),
            Err(StoreError::Locked { holder, .. }) => {
                let (session, seen) = store.load_following(id)?;
                Ok(Doc::Reading {
                    session: Box::new(session),
                    holder,
                    seen,
                    store: store.clone(),
                })
            }
            Err(e) => Err(e),
        }
    }

    pub fn session(&self) -> &Session {
        match self {
            Doc::Writing { writer, .. } => writer.session(),
            Doc::Reading { session, .. } => session,
        }
    }

    /// Who holds the session when this copy is read-only.
    pub fn holder(&self) -> Option<&str> {
        match self {
            Doc::Reading { holder, .. } => Some(holder),
            Doc::Writing { .. } => None,
        }
    }

    /// The writer, when this copy holds the session.
    pub fn writer_mut(&mut self) -> Option<&mut Writer> {
        match self {
            Doc::Writing { writer, .. } => Some(writer),
            Doc::Reading { .. } => None,
        }
    }

    pub fn save_error(&self) -> Option<&StoreError> {
        match self {
            Doc::Writing { save_error, .. } => save_error.as_ref(),
            Doc::Reading { .. } => None,
        }
    }

    pub fn pending(&self) -> usize {
        match self {
            Doc::Writing { writer, .. } => writer.pending(),
            Doc::Reading { .. } => 0,
        }
    }

    /// Applies a change and saves it; a failed save keeps it in memory, pending.
    pub fn record(&mut self, change: Change) -> Saved {
        match self {
            Doc::Writing { writer, save_error } => match writer.record(change) {
                Err(RecordError::Refused(refusal)) => Saved::Refused(refusal),
                Err(RecordError::Unsaved(e)) => settle(Err(e), writer, save_error),
                Ok(()) => settle(Ok(()), writer, save_error),
            },
            Doc::Reading { .. } => Saved::ReadOnly,
        }
    }

    /// Called now and then: retries pending saves; a read-only copy takes the session
    /// over once its writer has left, or else follows the writer's changes.
    pub fn tick(&mut self, actor: &str) -> Saved {
        match self {
            Doc::Writing { writer, save_error } if !writer.is_saved() => {
                let result = writer.retry();
                settle(result, writer, save_error)
            }
            Doc::Writing { .. } => Saved::Yes,
            Doc::Reading {
                session,
                seen,
                store,
                ..
            } => {
                if let Ok(writer) = store.open_writer(&session.id, actor) {
                    *self = Doc::Writing {
                        writer: Box::new(writer),
                        save_error: None,
                    };
                    return Saved::Unlocked;
                }
                // A failed look is tried again at the next tick.
                let _ = store.follow(session, seen);
                Saved::ReadOnly
            }
        }
    }

    /// Folds the journal on the way out; a failure leaves the journal, which is safe.
    pub fn close(self) {
        if let Doc::Writing { writer, .. } = self {
            let _ = writer.close();
        }
    }
}

fn settle(
    result: Result<(), StoreError>,
    writer: &Writer,
    save_error: &mut Option<StoreError>,
) -> Saved {
    match result {
        Ok(()) if save_error.take().is_some() => Saved::Again,
        Ok(()) => Saved::Yes,
        Err(e) => {
            *save_error = Some(e);
            debug_assert!(!writer.is_saved());
            Saved::No
        }
    }
}
