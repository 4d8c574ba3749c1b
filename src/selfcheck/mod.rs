//! The departments answer first: each fills in a self-check workbook (`workbook`
//! writes it and reads it back), and its answers become a layer of the session beside
//! the audit's marks — never the marks themselves. `Comparison` is where the audit
//! and a department's own view differ, for the committee.

mod layer;
pub mod report;
pub mod words;
pub mod workbook;

pub use crate::session::{SelfAnswer, SelfCheck};
pub use layer::{asked_count, sheet_items};
pub use words::SelfcheckWords;
