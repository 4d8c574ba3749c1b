//! kansa: information-security audit hearings in the terminal.
//!
//! The module map, one line each, in layers: a module names only those above it in
//! this list (a test in `tests/` checks that no two modules name each other, a parent
//! and its child included). The domain core knows nothing of terminals, and nothing
//! above `i18n` imports it: errors and refusals are values, worded only there.
//! - `error`: problems located in a file (path:line:column), as values; `text`: text on
//!   one line; `keymap`: every key each view binds; `wareki`: the era calendar;
//!   `auditor`: who is working (`--as`, `KANSA_AUDITOR`, remembered); `language`: a
//!   language as files keep it, and how the one in force is chosen.
//! - `checklist`: the checklist a round follows (scale, areas, items, roster), checked;
//!   `marks`: how mark symbols are drawn (narrow, wide, ASCII).
//! - `facts`: the audit's facts (監査目的, 監査範囲, …), per round and per department.
//! - `session`: a round's answers and history; every change is a value, every refusal
//!   a typed one. It holds the data of findings, follow-ups, self-checks, sign-offs
//!   and merged heads; the modules below add what is done with them.
//! - `findings`: each department's 所見 and 指摘事項 per area, and the proposals;
//!   `improvements`: the 実施報告書's 改善内容等 per item, written or proposed;
//!   `evidence`: files attached to cells and findings (証跡), as changes.
//! - `rounds`: a round started from an earlier one; follow-ups, trends, differences.
//! - `merge`: a round heard in parts brought back together: change identity,
//!   conflicts; `take_in`: a part merged at the cost of the part, kept as one journal
//!   line.
//! - `review`: what blocks sign-off, and warnings; `signoff`: signing, reopening,
//!   verifying.
//! - `results`: the results as numbers: filters, counts per mark per item and
//!   department; `matrix`: the 結果一覧 laid out, the text of `kansa show`.
//! - `store`: where sessions live; the only module that touches session files;
//!   `settings`: what a user chose that outlives a session, in the data directory.
//! - `sheet`: checklists read from and written to spreadsheets (XLSX, CSV);
//!   `selfcheck`: the departments' self-check workbooks out and back, their answers as
//!   a layer beside the audit's marks, and where the two disagree; `export`: the
//!   committee's documents. Each defines the shape of the words it needs.
//! - `i18n`: every word kansa shows or prints, once per language: it fills those
//!   shapes and words every error.
//! - `tui`: the interactive screens; `cli`: the command line.
//! - `sample`, `seed` (feature `testkit`): a generated large audit and the seed round's
//!   findings, for tests and benchmarks.

pub mod auditor;
pub mod checklist;
pub mod cli;
pub mod error;
pub mod evidence;
pub mod export;
pub mod facts;
pub mod findings;
pub mod i18n;
pub mod improvements;
pub mod keymap;
pub mod language;
pub mod marks;
pub mod matrix;
pub mod merge;
pub mod results;
pub mod review;
pub mod rounds;
#[cfg(feature = "testkit")]
pub mod sample;
#[cfg(feature = "testkit")]
pub mod seed;
pub mod selfcheck;
pub mod session;
pub mod settings;
pub mod sheet;
pub mod signoff;
pub mod store;
pub mod take_in;
pub mod text;
pub mod tui;
pub mod wareki;
