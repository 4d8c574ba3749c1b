//! Which fact of the round a change, a refusal or a report row is about, and the kind
//! of value it holds. A leaf: errors and refusals name facts without reaching up.

use serde::{Deserialize, Serialize};

/// One fact of the round, as a change and the history name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum FactField {
    Title,
    Date,
    Auditors,
    Lead,
    Purpose,
    Scope,
    Method,
    Subjects,
    Criteria,
    Schedule,
    ReportDate,
    Division,
    Overall,
    Objective,
    Systems,
    LeadBasis,
    DivisionBasis,
    Grounds,
}

impl FactField {
    pub const ALL: [FactField; 18] = [
        FactField::Title,
        FactField::Date,
        FactField::Auditors,
        FactField::Lead,
        FactField::Purpose,
        FactField::Scope,
        FactField::Method,
        FactField::Subjects,
        FactField::Criteria,
        FactField::Schedule,
        FactField::ReportDate,
        FactField::Division,
        FactField::Overall,
        FactField::Objective,
        FactField::Systems,
        FactField::LeadBasis,
        FactField::DivisionBasis,
        FactField::Grounds,
    ];

    /// The facts added after rounds were first signed off: a sign-off seals them only
    /// when they are set, so that the digest of a round signed before they existed
    /// still verifies.
    pub fn sealed_when_set(self) -> bool {
        matches!(
            self,
            FactField::Objective
                | FactField::Systems
                | FactField::LeadBasis
                | FactField::DivisionBasis
                | FactField::Grounds
        )
    }

    /// True for the facts a department may have its own value of (the seed's 監査範囲
    /// names 住民情報基幹系システム only for the departments that use it).
    pub fn per_department(self) -> bool {
        matches!(self, FactField::Scope | FactField::Schedule)
    }

    /// The kind of value the fact holds; a change of another kind is refused.
    pub fn kind(self) -> FactKind {
        match self {
            FactField::Date | FactField::ReportDate => FactKind::Date,
            FactField::Auditors => FactKind::Names,
            _ => FactKind::Text,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactKind {
    Text,
    Date,
    Names,
}
