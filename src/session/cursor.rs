//! Where the hearing stands: the place to resume at.

use serde::{Deserialize, Serialize};

/// Where the hearing stands: a department (short name) and an item id.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cursor {
    pub department: String,
    pub item: String,
}
