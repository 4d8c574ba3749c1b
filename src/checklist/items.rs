//! Areas and their items, the conditions that make an item apply to a department
//! (its tags, its answers to earlier items), and the departments themselves.

use serde::{Deserialize, Serialize};

use super::scale::{Mark, Meaning};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub title: String,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub text: String,
    /// What to ask and what to look at.
    #[serde(default)]
    pub guidance: String,
    /// Departments for which the item can apply; the others start as not applicable.
    #[serde(default)]
    pub applies: Condition,
    /// The departments (full or short names) the item applies to, as audit sheets mark
    /// ● per department; empty: every department. Both this and `applies` must hold.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<String>,
}

impl Item {
    /// True when `department` is one the item names, or the item names none.
    pub fn lists(&self, department: &Department) -> bool {
        self.departments.is_empty()
            || self
                .departments
                .iter()
                .any(|d| *d == department.name || *d == department.short)
    }
}

/// A condition over a department's tags and its answers to earlier items.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Condition {
    #[default]
    Always,
    Tag(String),
    Any(Vec<Condition>),
    All(Vec<Condition>),
    Not(Box<Condition>),
    /// The department gave the earlier item (a gate) this mark, by symbol:
    /// `Answer("M-1", "はい")`.
    Answer(String, String),
    /// The department's mark for the earlier item has this meaning:
    /// `AnswerMeans("M-1", Compliant)`.
    AnswerMeans(String, Meaning),
}

impl Condition {
    pub fn is_always(&self) -> bool {
        *self == Condition::Always
    }

    /// Whether the condition holds for these tags before anything is answered.
    pub fn holds(&self, tags: &[String]) -> bool {
        self.eval(Some(tags), &|_| None)
    }

    /// Whether the condition holds for a department with these tags and these marks
    /// (`mark_of(item id)`). `tags` is None for a department off the roster: nothing is
    /// known of its profile, so a part of the condition that is not about answers
    /// counts as holding, as every item applies to such a department.
    pub fn eval<'a>(
        &self,
        tags: Option<&[String]>,
        mark_of: &dyn Fn(&str) -> Option<&'a Mark>,
    ) -> bool {
        let Some(known) = tags else {
            if !self.refers_to_answers() {
                return true;
            }
            return self.eval_parts(None, mark_of);
        };
        self.eval_parts(Some(known), mark_of)
    }

    fn eval_parts<'a>(
        &self,
        tags: Option<&[String]>,
        mark_of: &dyn Fn(&str) -> Option<&'a Mark>,
    ) -> bool {
        match self {
            Condition::Always => true,
            Condition::Tag(tag) => tags.is_none_or(|t| t.contains(tag)),
            Condition::Any(all) => all.iter().any(|c| c.eval(tags, mark_of)),
            Condition::All(all) => all.iter().all(|c| c.eval(tags, mark_of)),
            Condition::Not(inner) => !inner.eval(tags, mark_of),
            Condition::Answer(item, symbol) => mark_of(item).is_some_and(|m| m.symbol == *symbol),
            Condition::AnswerMeans(item, meaning) => {
                mark_of(item).is_some_and(|m| m.meaning == *meaning)
            }
        }
    }

    /// True when the condition depends on some answer, so a mark can change it.
    pub fn refers_to_answers(&self) -> bool {
        let mut items = Vec::new();
        self.answers(&mut items);
        !items.is_empty()
    }

    /// The conditions on answers within, with the item each refers to.
    pub fn answers<'a>(&'a self, out: &mut Vec<&'a Condition>) {
        match self {
            Condition::Always | Condition::Tag(_) => {}
            Condition::Any(all) | Condition::All(all) => all.iter().for_each(|c| c.answers(out)),
            Condition::Not(inner) => inner.answers(out),
            Condition::Answer(..) | Condition::AnswerMeans(..) => out.push(self),
        }
    }

    pub(crate) fn tags<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Condition::Always | Condition::Answer(..) | Condition::AnswerMeans(..) => {}
            Condition::Tag(tag) => out.push(tag),
            Condition::Any(all) | Condition::All(all) => all.iter().for_each(|c| c.tags(out)),
            Condition::Not(inner) => inner.tags(out),
        }
    }
}

/// A department audited in a round: the seed's 被監査部門 with its profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    pub name: String,
    pub short: String,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Free text such as the seed's 備考 (which work handles 特定個人情報).
    #[serde(default)]
    pub remark: String,
}
