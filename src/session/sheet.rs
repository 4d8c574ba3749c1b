//! A department's sheet as a session keeps it: per area, the 所見, the 指摘事項 and the
//! proposals dismissed. What is done with it is `findings`'.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// What a department's report says about one area.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaSheet {
    /// 所見: free text, several lines.
    #[serde(default)]
    pub observation: String,
    /// 指摘事項, in id order.
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// Items whose proposed 指摘事項 the auditor dismissed: they are not proposed again.
    #[serde(default)]
    pub dismissed: BTreeSet<String>,
}

impl AreaSheet {
    pub fn is_empty(&self) -> bool {
        *self == AreaSheet::default()
    }

    /// True when some 指摘事項 of the area names `item`.
    pub fn names(&self, item: &str) -> bool {
        self.findings.iter().any(|f| f.names(item))
    }
}

/// One 指摘事項: the items it is about and its wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Unique within its department and area; edits and removals name it.
    pub id: u32,
    pub items: Vec<String>,
    pub text: String,
}

impl Finding {
    pub fn names(&self, item: &str) -> bool {
        self.items.iter().any(|i| i == item)
    }
}
