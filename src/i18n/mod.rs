//! Every word kansa shows or prints, once per language. Templates are functions, so a
//! wrong argument is a compile error, not a silently empty hole. Nothing below the CLI
//! and the screens imports this module: the layers that need words (documents,
//! spreadsheets, self-check workbooks, scores) define the shape of them, and the
//! tables here fill it. One file per area, the shape first, then its tables:
//! - `lang`: the language; `select`: each language's tables;
//! - `screens`, `ja_screens`, `en_screens`: the screens;
//! - `messages`, `ja_messages`, `en_messages`: what the command line prints, and the
//!   templates of every error;
//! - `errors`, `ja_errors`, `en_errors`: errors and refusals put in words
//!   (`describe`: the trait that does it);
//! - `review`, `ja_review`, `en_review`: review, sign-off, history and team work;
//! - `ja_evidence`, `en_evidence`: attached files (証跡), in the shape of `messages`;
//! - `ja_documents`, `en_documents`: the documents' words (the shapes live with the
//!   documents: `export::words`, `sheet::words`, `selfcheck::words`,
//!   `matrix::ScoreWords`);
//! - `ja_help`: `--help` and clap's usage errors in Japanese (English is clap's own);
//! - `ja_common`: Japanese the tables share.
//!
//! Files named `ja_*`/`en_*` hold tables: per-language words, and the matches that
//! choose them.

mod describe;
mod en_documents;
mod en_errors;
mod en_evidence;
mod en_messages;
mod en_review;
mod en_screens;
mod errors;
#[cfg(test)]
mod every_error;
mod ja_common;
mod ja_documents;
mod ja_errors;
mod ja_evidence;
mod ja_help;
mod ja_messages;
mod ja_review;
mod ja_screens;
mod lang;
mod messages;
mod review;
mod screens;
mod select;
#[cfg(test)]
mod tests;

pub use crate::export::words::{DocumentWords, ReportWords, RoundWords};
pub use crate::matrix::ScoreWords;
pub use crate::selfcheck::words::SelfcheckWords;
pub use crate::sheet::words::SheetStrings;
pub use crate::text::one_line;
pub use describe::Describe;
pub use en_documents::{REPORT_EN, ROUND_EN, SCORES_EN, SELFCHECK_EN, SHEET_EN};
pub use en_messages::{MESSAGES_EN, SELFCHECK_MESSAGES_EN, SHEET_MESSAGES_EN};
pub use en_review::{REVIEW_EN, TEAM_EN};
pub use en_screens::{EN, RECORD_EN};
pub use errors::located;
pub use ja_documents::{REPORT_JA, ROUND_JA, SCORES_JA, SELFCHECK_JA, SHEET_JA};
pub use ja_help::{HELP_JA, HelpWords};
pub use ja_messages::{MESSAGES_JA, SELFCHECK_MESSAGES_JA, SHEET_MESSAGES_JA};
pub use ja_review::{REVIEW_JA, TEAM_JA};
pub use ja_screens::{JA, RECORD_JA};
pub use lang::Lang;
pub use messages::{EvidenceWords, megabytes};
pub use messages::{Messages, SelfcheckMessages, SheetMessages};
pub use review::{ReviewWords, TeamWords};
pub use screens::{RecordStrings, Strings};
