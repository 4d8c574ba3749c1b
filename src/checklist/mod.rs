//! The checklist an audit round follows: its mark scale, areas and items, and the
//! department roster. Written by hand in RON, so every field is checked strictly.
//! - `scale`: the marks, their meanings, score bands and answer fields;
//! - `items`: areas, items, the conditions that make an item apply, departments;
//! - `definition`: the checklist as a whole and what can be read of it;
//! - `load`: reading it from RON, every problem located at its line and column;
//! - `rules`: the rules RON's types cannot state, whatever file the checklist came
//!   from; `rule`: each broken rule as a value.

mod definition;
mod items;
mod load;
pub mod rule;
mod rules;
pub mod scale;
#[cfg(test)]
mod tests;

pub use definition::{Checklist, FactDefaults, FactOverride};
pub use items::{Area, Condition, Department, Item};
pub use load::{BUNDLED, BUNDLED_PATH, FORMAT};
pub use rule::Rule;
pub use rules::{Broken, ItemPart, MarkPart, Place};
pub use scale::{
    Band, BandUnit, Field, FieldKind, Mark, Meaning, finding_marks, finding_symbols, worst_first,
};
