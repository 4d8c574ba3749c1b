//! Evidence (証跡) in the documents: the files attached to an area's items and to its
//! finding, as the 結果報告書 lists them under the 所見 (name, date, short hash), and
//! how many each cell of the 結果一覧 has.

use chrono::NaiveDate;

use crate::checklist::Area;
use crate::evidence::short_hash;
use crate::session::{EvidenceTarget, Hearing, Session};

/// One attached file as a document lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceLine {
    /// The item (or the area, for a finding's file) it is attached to.
    pub place: String,
    pub name: String,
    pub date: NaiveDate,
    /// The first digits of its SHA-256.
    pub hash: String,
}

/// The files of an area of a department: the area's own, then each item's in
/// checklist order, each in the order attached.
pub fn area_evidence(hearing: &Hearing, area: &Area) -> Vec<EvidenceLine> {
    let targets = std::iter::once(EvidenceTarget::Area(area.id.clone())).chain(
        area.items
            .iter()
            .map(|i| EvidenceTarget::Item(i.id.clone())),
    );
    targets
        .flat_map(|target| {
            hearing
                .evidence
                .iter()
                .filter(move |a| a.attachment.target == target)
        })
        .map(|a| EvidenceLine {
            place: a.attachment.target.id().to_string(),
            name: a.attachment.file.name.clone(),
            date: a.at.date_naive(),
            hash: short_hash(&a.attachment.file.sha256).to_string(),
        })
        .collect()
}

/// Per department (in roster order), how many files the cell of `item` has.
pub fn cell_counts(session: &Session, item: &str) -> Vec<usize> {
    let counts = session.hearings.iter();
    counts
        .map(|h| session.evidence_count(&h.department.short, item))
        .collect()
}
