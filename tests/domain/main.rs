//! The library without a screen: sessions and the store, meanings, merging, sign-off
//! and the committee's documents: one test binary (see tests/README.md).

#[path = "../common/mod.rs"]
mod common;
#[path = "../screen/mod.rs"]
mod screen;

mod architecture;
mod checklist_documents;
mod clocks;
mod evidence;
mod export;
mod guide;
mod meanings;
mod merge_cost;
mod paper;
mod reports;
mod rounds;
mod scales;
mod signoff;
mod store;
mod team_merge;
mod writers;
