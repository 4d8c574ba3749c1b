//! The earlier round a session was started from, as the session keeps it: its
//! answers, how its checklist changed, and its 指摘事項 with their follow-ups. How a
//! round is started from another is `rounds`'.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::sheet::Finding;
use crate::checklist::Mark;

/// The earlier round a session was started from, as it stood then.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Previous {
    /// The earlier session's id and title.
    pub id: String,
    pub title: String,
    /// The earlier scale: a previous mark keeps its label and meaning even when the
    /// new checklist's scale differs.
    #[serde(default)]
    pub scale: Vec<Mark>,
    /// By department (short name), by this round's item id: the earlier answer.
    #[serde(default)]
    pub answers: BTreeMap<String, BTreeMap<String, PreviousAnswer>>,
    /// Items of this round whose text changed since the earlier round.
    #[serde(default)]
    pub changed: BTreeSet<String>,
    /// Items of this round the earlier checklist did not have.
    #[serde(default)]
    pub added: Vec<String>,
    /// Items of the earlier checklist this round no longer has.
    #[serde(default)]
    pub removed: Vec<RemovedItem>,
    /// The earlier round's 指摘事項, each with how it was followed up.
    #[serde(default)]
    pub followups: Vec<FollowUp>,
    /// The earlier round's other checklists this round has too, by checklist id: each
    /// its own earlier round (its scale, its answers by its own item ids, how it
    /// changed), without follow-ups (the round's are all in `followups`). Absent when
    /// the earlier round had one checklist.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub others: BTreeMap<String, Previous>,
}

/// An earlier answer: the mark's symbol (of the earlier scale) and the note.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreviousAnswer {
    #[serde(default)]
    pub mark: Option<String>,
    #[serde(default)]
    pub note: String,
    /// The files attached to the cell in the earlier round: shown beside the cell,
    /// never copied (they stay in the earlier round's evidence).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<super::evidence::FileInfo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RemovedItem {
    pub id: String,
    pub text: String,
}

/// An earlier 指摘事項 and its follow-up (フォローアップ).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// Short name.
    pub department: String,
    pub area: String,
    pub finding: Finding,
    #[serde(default)]
    pub state: FollowUpState,
}

/// What the auditor found of an earlier 指摘事項: a status (None while open) and a note.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpState {
    #[serde(default)]
    pub status: Option<FollowUpStatus>,
    #[serde(default)]
    pub note: String,
}

/// 改善済 / 一部改善 / 未改善.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FollowUpStatus {
    Improved,
    Partly,
    NotImproved,
}

impl FollowUpStatus {
    pub const ALL: [FollowUpStatus; 3] = [
        FollowUpStatus::Improved,
        FollowUpStatus::Partly,
        FollowUpStatus::NotImproved,
    ];
}

impl Previous {
    pub fn answer(&self, department: &str, item: &str) -> Option<&PreviousAnswer> {
        self.answers.get(department)?.get(item)
    }

    /// The earlier mark of a cell, from the earlier scale.
    pub fn mark_of(&self, department: &str, item: &str) -> Option<&Mark> {
        let symbol = self.answer(department, item)?.mark.as_deref()?;
        self.scale.iter().find(|m| m.symbol == symbol)
    }

    pub fn text_changed(&self, item: &str) -> bool {
        self.changed.contains(item)
    }

    /// The follow-ups of one department, with their index in `followups`.
    pub fn followups_of<'a>(
        &'a self,
        department: &'a str,
    ) -> impl Iterator<Item = (usize, &'a FollowUp)> + 'a {
        self.followups
            .iter()
            .enumerate()
            .filter(move |(_, f)| f.department == department)
    }
}
