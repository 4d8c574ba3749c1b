//! The bundled checklist, conditions, and where a problem in RON is located.

use std::path::Path;

use super::*;
use crate::error::Position;

#[test]
fn the_bundled_checklist_is_the_seed_round() {
    let checklist = Checklist::bundled();
    assert_eq!(checklist.areas.len(), 4);
    assert_eq!(checklist.item_count(), 28);
    assert_eq!(checklist.departments.len(), 6);
    assert_eq!(checklist.scale.len(), 4);
    let sizes: Vec<usize> = checklist.areas.iter().map(|a| a.items.len()).collect();
    assert_eq!(sizes, [8, 7, 7, 6]);
}

#[test]
fn conditions_combine_tags() {
    let tags = vec!["a".to_string()];
    assert!(Condition::Always.holds(&tags));
    assert!(Condition::Tag("a".into()).holds(&tags));
    assert!(!Condition::Tag("b".into()).holds(&tags));
    let any = Condition::Any(vec![Condition::Tag("b".into()), Condition::Tag("a".into())]);
    assert!(any.holds(&tags));
    let all = Condition::All(vec![Condition::Tag("b".into()), Condition::Tag("a".into())]);
    assert!(!all.holds(&tags));
    assert!(Condition::Not(Box::new(all)).holds(&tags));
}

#[test]
fn an_unknown_tag_written_across_lines_is_located() {
    // Found by the property test: a raw newline inside the tag name.
    let text = BUNDLED.replacen("Tag(\"own-server\")", "Tag(\"own\nserver\")", 1);
    let error = Checklist::parse(&text, Path::new("c.ron")).unwrap_err();
    let offset = text.find("Tag(\"own\n").unwrap();
    assert_eq!(error.position, Some(Position::of_offset(&text, offset)));
}
