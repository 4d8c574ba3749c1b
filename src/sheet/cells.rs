//! A condition (which departments an item or a checklist is for) as a cell writes
//! it and reads it back: blank, a bare tag, a list of tags, or RON.

use crate::checklist::Condition;

/// A condition as its cell writes it: blank for every department, a lone tag as its
/// bare name, as people write it, else RON; import reads each back.
pub fn condition_cell(condition: &Condition) -> String {
    match condition {
        Condition::Always => String::new(),
        Condition::Tag(tag) if is_bare(tag) => tag.clone(),
        // Conditions always serialize.
        condition => ron::to_string(condition).unwrap_or_default(),
    }
}

/// True when a tag can stand alone in a cell and read back as that tag.
fn is_bare(tag: &str) -> bool {
    !tag.is_empty()
        && tag != "Always"
        && tag.trim() == tag
        && !tag.contains(['(', ',', '、', '，', ';', '\n'])
}

/// A condition cell: blank for every department, a bare tag name, a list of tags
/// (「a,b」 「a、b」 「a b」: a department with any of them), or a condition written as
/// in a RON checklist (`Not(Answer("M-1", "いいえ"))`).
pub fn parse_condition(cell: &str) -> Result<Condition, ron::error::SpannedError> {
    if cell.is_empty() {
        return Ok(Condition::Always);
    }
    if !cell.contains('(') && cell != "Always" {
        let mut tags: Vec<Condition> = cell
            .split([',', '、', '，', ';', ' ', '\u{3000}', '\n'])
            .filter(|t| !t.is_empty())
            .map(|t| Condition::Tag(t.to_string()))
            .collect();
        return Ok(match tags.len() {
            1 => tags.remove(0),
            _ => Condition::Any(tags),
        });
    }
    ron::from_str(cell)
}

/// The tags a condition names.
pub fn condition_tags(condition: &Condition, out: &mut Vec<String>) {
    match condition {
        Condition::Tag(tag) => out.push(tag.clone()),
        Condition::Any(all) | Condition::All(all) => {
            all.iter().for_each(|c| condition_tags(c, out))
        }
        Condition::Not(inner) => condition_tags(inner, out),
        Condition::Always | Condition::Answer(..) | Condition::AnswerMeans(..) => {}
    }
}
