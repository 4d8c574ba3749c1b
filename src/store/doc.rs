//! The session a screen works on: open for writing, or read-only when another kansa
//! holds it. Records changes, keeps failed saves pending and retries them, and lets a
//! read-only copy follow the writer. Keeps the tally of the session's cells (marks,
//! notes, counts) current as changes come in, so that a screen never looks every cell
//! up to draw.

use std::cell::OnceCell;

use super::error::{RecordError, StoreError};
use super::folder::Store;
use super::shared::Shared;
use super::writer::Writer;
use crate::results::Tally;
use crate::session::{Change, Refusal, Session};

/// One session as a screen holds it, with the tally of its cells.
pub struct Doc {
    hold: Hold,
    /// Counted in full when first asked for (the matrix), then kept current: a change
    /// recounts its department; the writer's changes read by a read-only copy, or a
    /// take-over, which reads the file again, drop it to be counted afresh.
    tally: OnceCell<Tally>,
    /// Which of the round's checklists the screens show (0: the main one), and that
    /// checklist's `Session::view`, made when first asked for and dropped with the tally.
    lens: usize,
    view: OnceCell<Box<Session>>,
}

/// The writer, or a copy while another process writes.
enum Hold {
    Writing {
        writer: Box<Writer>,
        /// Why the last save failed, while changes are pending.
        save_error: Option<StoreError>,
    },
    Reading {
        session: Box<Session>,
        holder: String,
        /// The round's journals, followed.
        shared: Box<Shared>,
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
    /// Opens `id` for writing: as the session file's writer, else (another auditor
    /// has it) beside them in a journal of this auditor's own; read-only when this
    /// auditor has it open on this laptop already.
    pub fn open(store: &Store, id: &str, actor: &str) -> Result<Doc, StoreError> {
        let opened = match store.open_writer(id, actor) {
            Err(StoreError::Locked { .. }) => store.open_side_writer(id, actor),
            other => other,
        };
        let hold = match opened {
            Ok(writer) => Hold::Writing {
                writer: Box::new(writer),
                save_error: None,
            },
            Err(StoreError::Locked { holder, .. }) => {
                let (session, shared, _) = Shared::load(&store.dir, id, None)?;
                Hold::Reading {
                    session: Box::new(session),
                    holder,
                    shared: Box::new(shared),
                    store: store.clone(),
                }
            }
            Err(e) => return Err(e),
        };
        Ok(Doc {
            hold,
            tally: OnceCell::new(),
            lens: 0,
            view: OnceCell::new(),
        })
    }

    /// The round as the screens show it: through the checklist chosen (`set_lens`).
    pub fn session(&self) -> &Session {
        if self.lens == 0 {
            return self.hold.session();
        }
        self.view.get_or_init(|| {
            let round = self.hold.session();
            Box::new(round.view(self.lens).unwrap_or_else(|| round.clone()))
        })
    }

    /// The whole round, whichever checklist the screens show.
    pub fn round(&self) -> &Session {
        self.hold.session()
    }

    /// Which of the round's checklists the screens show (0: the main one).
    pub fn lens(&self) -> usize {
        self.lens
    }

    /// Shows the round through its checklist at `lens` (0: the main one; past the
    /// last: the main one).
    pub fn set_lens(&mut self, lens: usize) {
        self.lens = if lens <= self.hold.session().extra.len() {
            lens
        } else {
            0
        };
        self.forget();
    }

    /// Drops what was counted or made of the session: made afresh when next asked for.
    fn forget(&mut self) {
        self.tally.take();
        self.view.take();
    }

    /// The session's cells and the counts of their marks, as they are now.
    pub fn tally(&self) -> &Tally {
        self.tally.get_or_init(|| Tally::new(self.session()))
    }

    /// Who holds the session when this copy is read-only.
    pub fn holder(&self) -> Option<&str> {
        match &self.hold {
            Hold::Reading { holder, .. } => Some(holder),
            Hold::Writing { .. } => None,
        }
    }

    /// The writer, when this copy holds the session.
    pub fn writer_mut(&mut self) -> Option<&mut Writer> {
        // Whatever is done through it, the tally does not see: it is counted afresh.
        self.forget();
        match &mut self.hold {
            Hold::Writing { writer, .. } => Some(writer),
            Hold::Reading { .. } => None,
        }
    }

    pub fn save_error(&self) -> Option<&StoreError> {
        match &self.hold {
            Hold::Writing { save_error, .. } => save_error.as_ref(),
            Hold::Reading { .. } => None,
        }
    }

    pub fn pending(&self) -> usize {
        match &self.hold {
            Hold::Writing { writer, .. } => writer.pending(),
            Hold::Reading { .. } => 0,
        }
    }

    /// `change`, made on the screens, as the round records it (`Change::qualified`);
    /// None for a change of the whole round asked for off the main checklist.
    pub fn as_recorded(&self, change: Change) -> Option<Change> {
        match self.lens {
            0 => Some(change),
            lens => change.qualified(&self.hold.session().extra[lens - 1].id),
        }
    }

    /// Applies a change and saves it; a failed save keeps it in memory, pending.
    pub fn record(&mut self, change: Change) -> Saved {
        // A change touches cells of its own department only (a gate item marks others
        // of the same hearing): recounting that one column is cheap enough to do
        // whatever came of the change.
        let department = department_of(&change, self.session());
        // Another checklist's view: its ids as the round keeps them.
        let Some(change) = self.as_recorded(change) else {
            return Saved::Refused(Refusal::MainChecklistOnly);
        };
        let saved = match &mut self.hold {
            Hold::Writing { writer, save_error } => match writer.record(change) {
                Err(RecordError::Refused(refusal)) => Saved::Refused(refusal),
                Err(RecordError::Unsaved(e)) => settle(Err(e), writer, save_error),
                Ok(()) => settle(Ok(()), writer, save_error),
            },
            Hold::Reading { .. } => Saved::ReadOnly,
        };
        if self.lens > 0 {
            self.forget();
        } else if let (Some(department), Some(tally)) = (department, self.tally.get_mut()) {
            tally.recount(self.hold.session(), department);
        }
        saved
    }

    /// Called now and then: retries pending saves; a read-only copy takes the session
    /// over once its writer has left, or else follows the writer's changes.
    pub fn tick(&mut self, actor: &str) -> Saved {
        match &mut self.hold {
            Hold::Writing { writer, save_error } => {
                // The others' changes: any cell may have changed.
                if writer.follow() {
                    self.tally.take();
                    self.view.take();
                }
                if writer.is_saved() {
                    return Saved::Yes;
                }
                let result = writer.retry();
                settle(result, writer, save_error)
            }
            Hold::Reading {
                session,
                shared,
                store,
                ..
            } => {
                // The writer this copy waited for has left: this auditor writes now,
                // in the session file or beside it.
                let opened = match store.open_writer(&session.id, actor) {
                    Err(StoreError::Locked { .. }) => store.open_side_writer(&session.id, actor),
                    other => other,
                };
                if let Ok(writer) = opened {
                    self.hold = Hold::Writing {
                        writer: Box::new(writer),
                        save_error: None,
                    };
                    self.forget();
                    return Saved::Unlocked;
                }
                // A fold replaced the file: read again. A failed look is tried again
                // at the next tick.
                let changed = if shared.main_replaced() {
                    match Shared::load(&store.dir, &session.id, None) {
                        Ok((fresh, now, _)) if fresh.is_hearable() => {
                            **session = fresh;
                            **shared = now;
                            true
                        }
                        _ => false,
                    }
                } else {
                    shared.follow(session)
                };
                // Any change read may have touched any cell.
                if changed {
                    self.forget();
                }
                Saved::ReadOnly
            }
        }
    }

    /// The other writers' changes taken in since last asked (who, what), for the
    /// screen to say.
    pub fn news(&mut self) -> Vec<crate::session::Event> {
        match &mut self.hold {
            Hold::Writing { writer, .. } => writer.news(),
            Hold::Reading { shared, .. } => shared.news(),
        }
    }

    /// The journals beside the session that do not read: named, skipped, kept.
    pub fn damaged(&self) -> Vec<std::path::PathBuf> {
        match &self.hold {
            Hold::Writing { writer, .. } => writer.damaged(),
            Hold::Reading { shared, .. } => shared.damaged(),
        }
    }

    /// Folds the journal on the way out; a failure leaves the journal, which is safe.
    pub fn close(self) {
        if let Hold::Writing { writer, .. } = self.hold {
            let _ = writer.close();
        }
    }
}

impl Hold {
    fn session(&self) -> &Session {
        match self {
            Hold::Writing { writer, .. } => writer.session(),
            Hold::Reading { session, .. } => session,
        }
    }
}

/// The index of the department whose cells `change` may touch; None for a move of the
/// cursor and for changes of the round as a whole.
fn department_of(change: &Change, session: &Session) -> Option<usize> {
    if matches!(change, Change::Move(_)) {
        return None;
    }
    let named = change.department()?;
    session
        .hearings
        .iter()
        .position(|h| h.department.short == named || h.department.name == named)
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
