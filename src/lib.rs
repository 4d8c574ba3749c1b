//! kansa: information-security audit hearings in the terminal.
//!
//! The module map, one line each. The domain core knows nothing of terminals:
//! - `checklist`: the checklist a round follows (scale, areas, items, roster), checked.
//! - `session`: a round's answers and history; every change is a value, every refusal
//!   a typed one. It knows the data of findings, follow-ups, self-checks and sign-offs;
//!   the modules below add what is done with them.
//! - `results`: the results as numbers: filters, counts per mark per item and department.
//! - `matrix`: the 結果一覧 laid out: cells, column widths, the text of `kansa show`.
//! - `keymap`: every key each view binds; footers, help and validate derive from it.
//! - `export`: reports made from a session (the CSV matrix).
//! - `marks`: how mark symbols are drawn (narrow, wide, ASCII).
//! - `facts`: the audit's facts (監査目的, 監査範囲, …), per round and per department.
//! - `findings`: each department's 所見 and 指摘事項 per area, and the proposals.
//! - `merge`: a round heard in parts brought back together: change identity, places,
//!   conflicts.
//! - `review`: what blocks sign-off, and warnings.
//! - `selfcheck`: the departments' self-check workbooks out and back, their answers as a
//!   layer beside the audit's marks, and where the two disagree.
//! - `rounds`: a round started from an earlier one; follow-ups, trends, differences.
//! - `signoff`: the sign-off, its digest and seal, reopening, verifying.
//! - `error`: problems located in a file (path:line:column) and what they are.
//!
//! Around it:
//! - `store`: where sessions live; the only module that touches session files.
//! - `auditor`: who is working (`--as`, `KANSA_AUDITOR`, remembered).
//! - `settings`: what a user chose that outlives a session, in the data directory.
//! - `i18n`: every word kansa shows or prints, once per language.
//! - `tui`: the interactive screens; `cli`: the command line.
//! - `sample`, `seed` (feature `testkit`): a generated large audit and the seed round's
//!   findings, for tests and benchmarks.
//! - `sheet`: checklists read from and written to spreadsheets (XLSX, CSV).
//! - `text`: text on one line, in any language.

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
pub mod text;
pub mod tui;
pub mod wareki;
