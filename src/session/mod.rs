//! An audit round in progress: the checklist snapshot, the departments heard, every
//! answer, the history of changes and where to resume. Pure data and rules; saving is
//! the store's job. One file per concern:
//! - `round`: the session itself and what can be read of it;
//! - `start`: a new round and the departments it hears;
//! - `hearing`: one department's answers and which items apply to it;
//! - `cursor`: where the hearing stands;
//! - `change`: every change as a value, with its inverse; `refusal`: why one is refused;
//! - `edit`: the changes the screens and the command line ask for;
//! - `apply`: a change checked and applied;
//! - `place`: the place a change writes, where merged changes compete;
//! - `history`: the history of changes, left unparsed until asked for;
//! - `several`, `ids`: the round's other checklists beside the main one, and the ids
//!   their answers are kept under;
//! - `sheet`, `previous`, `selfcheck`, `seal`, `evidence`: the data of a department's
//!   sheet, of the earlier round, of a self-assessment, of a sign-off and of the files
//!   attached as evidence, kept in a session.
//!
//! What is done with these (findings, follow-ups, self-check sheets, sign-off, merging)
//! lives in the modules above this one, each adding its methods to `Session`.

mod apply;
mod change;
mod cursor;
mod digest;
mod edit;
mod evidence;
mod hearing;
mod history;
mod ids;
pub mod place;
mod previous;
pub mod refusal;
mod round;
mod seal;
mod selfcheck;
mod several;
mod sheet;
mod start;
#[cfg(test)]
pub(crate) mod testing;
mod time;

pub use crate::facts::AuditFacts;
pub use change::{Change, Event};
pub use cursor::Cursor;
pub use digest::content_digest;
pub use edit::GateEffect;
pub use evidence::{Attached, Attachment, EvidenceTarget, FileInfo};
pub use hearing::{Answer, Hearing};
pub use history::History;
pub use ids::{QUALIFIER, qualified, unqualified};
pub use previous::{
    FollowUp, FollowUpState, FollowUpStatus, Previous, PreviousAnswer, RemovedItem,
};
pub use refusal::{Joining, Refusal};
pub use round::{FORMAT, Session};
pub use seal::{DepartmentSeal, EvidenceSeal, Seal, SignOff};
pub use selfcheck::{SelfAnswer, SelfCheck};
pub use sheet::{AreaSheet, Finding};
pub use start::{Chosen, choose_departments};
pub use time::{Hlc, Timestamp};
