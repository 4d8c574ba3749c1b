//! kansa: information-security audit hearings in the terminal.
//!
//! The domain core (`checklist`, `session`, `export`, `wareki`) knows nothing of
//! terminals; `store` is the only module that touches session files; `cli` is the
//! command line.

pub mod checklist;
pub mod cli;
pub mod error;
pub mod export;
pub mod sample;
pub mod session;
pub mod store;
