//! Rounds and orders the merge tests share: the seed round or a round of another
//! checklist, and every order in which copies can be merged.

use std::path::Path;

use kansa::checklist::Checklist;
use kansa::facts::AuditFacts;
use kansa::seed;
use kansa::session::Session;

/// The seed round (one mark given), or a round of the ISMS checklist (another scale,
/// other departments).
pub fn seed_or_isms(isms: bool) -> Session {
    if !isms {
        let mut session = seed::session("r6-1");
        let change = session.set_mark("保育", "I-3", Some("○")).unwrap();
        seed::record(&mut session, change).unwrap();
        return session;
    }
    let checklist = Checklist::load(Path::new("checklists/isms-severity.ron")).unwrap();
    let departments = checklist.departments.clone();
    let facts = AuditFacts {
        title: "ISMS 内部監査".into(),
        ..AuditFacts::default()
    };
    Session::new(
        "isms-1".into(),
        checklist,
        departments,
        facts,
        seed::epoch(),
    )
}

/// Every order of `n` copies (two or three).
pub fn orders(n: usize) -> Vec<Vec<usize>> {
    if n == 2 {
        vec![vec![0, 1], vec![1, 0]]
    } else {
        vec![
            vec![0, 1, 2],
            vec![0, 2, 1],
            vec![1, 0, 2],
            vec![1, 2, 0],
            vec![2, 0, 1],
            vec![2, 1, 0],
        ]
    }
}
