//! The `kansa` binary as a user or a script runs it: one test binary (see tests/README.md).

#[path = "../common/mod.rs"]
mod common;

mod add_checklist;
mod band_units;
mod checklist_exports;
mod checklists;
mod checklists_rounds;
mod cli;
mod conventions;
mod evidence;
mod japanese_dates;
mod japanese_help;
mod round_language;
mod rounds;
mod scores;
mod seed_matrix;
mod sheets;
mod show;
mod team;
mod whole_round;
