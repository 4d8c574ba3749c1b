//! kansa: information-security audit hearings in the terminal.
//!
//! The domain core (`checklist`, `session`, `facts`, `findings`, `review`, `signoff`,
//! `results`, `matrix`, `export`, `keymap`) knows nothing of terminals; `store` is the only module that touches session files;
//! `tui` is the interactive screens, `i18n` their words, and `cli` the command line.
//! `auditor` says who is working.

pub mod auditor;
pub mod checklist;
pub mod cli;
pub mod error;
pub mod export;
pub mod facts;
pub mod findings;
pub mod i18n;
pub mod keymap;
pub mod marks;
pub mod matrix;
pub mod results;
pub mod review;
pub mod sample;
#[cfg(feature = "testkit")]
pub mod seed;
pub mod session;
pub mod settings;
pub mod signoff;
pub mod store;
pub mod tui;
