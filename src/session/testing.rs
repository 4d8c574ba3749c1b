//! The seed round as it starts, for the core's unit tests.

use chrono::DateTime;

use super::round::Session;
use super::time::Timestamp;
use crate::checklist::Checklist;
use crate::facts::AuditFacts;

pub fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2024-09-27T10:00:00+09:00").expect("a fixed time")
}

pub fn seed_session() -> Session {
    let checklist = Checklist::bundled();
    let departments = checklist.departments.clone();
    let facts = AuditFacts {
        title: "上半期".into(),
        ..AuditFacts::default()
    };
    Session::new("t".into(), checklist, departments, facts, now())
}
