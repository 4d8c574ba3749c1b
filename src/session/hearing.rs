//! One department's hearing: who they are, what they answered, and which items apply
//! to them given their tags and their answers so far.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::evidence::Attached;
use super::selfcheck::SelfCheck;
use super::sheet::AreaSheet;
use super::time::Timestamp;
use crate::checklist::{Checklist, Department, Item};
use crate::facts::DepartmentFacts;

/// One department's hearing: who they are and what they answered, by item id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hearing {
    pub department: Department,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// The department is off the checklist's roster: nothing is known of its profile,
    /// so only the conditions on answers decide which items apply to it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unlisted: bool,
    /// The department's own 監査範囲 and 監査実施日程, where they differ from the round's.
    #[serde(default)]
    pub facts: DepartmentFacts,
    /// By area id: the 所見, the 指摘事項 and the dismissed proposals.
    #[serde(default)]
    pub sheet: BTreeMap<String, AreaSheet>,
    /// The department's own answers, read from its returned self-check workbook: never
    /// the audit's marks, which the auditor gives (or accepts from these).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selfcheck: Option<SelfCheck>,
    /// The files attached as evidence in force, in the order attached.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Attached>,
}

impl Hearing {
    pub fn answer(&self, item: &str) -> Option<&Answer> {
        self.answers.get(item)
    }

    /// The symbol of the mark given to `item`, if any.
    pub fn mark(&self, item: &str) -> Option<&str> {
        self.answer(item)?.mark.as_deref()
    }

    /// True when `item` was marked at creation because it cannot apply here.
    pub fn by_applicability(&self, item: &str) -> bool {
        self.answer(item).is_some_and(|a| a.by_applicability)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The mark's symbol; None until a mark is given.
    #[serde(default)]
    pub mark: Option<String>,
    #[serde(default)]
    pub note: String,
    /// When the mark or note last changed; None for a mark set by applicability.
    #[serde(default)]
    pub set_at: Option<Timestamp>,
    /// The mark was set at creation because the item cannot apply to the department.
    #[serde(default)]
    pub by_applicability: bool,
    /// The values of the checklist's extra fields (確認日, 目標日…), by field id; a date
    /// as YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
}

impl Hearing {
    /// A department's hearing before any answer: the items that cannot apply to it (by
    /// its tags, the departments an item names, or a gate not yet answered) start
    /// 該当なし, marked as set by applicability. `unlisted`: see `Hearing::unlisted`.
    pub(crate) fn opening(
        checklist: &Checklist,
        department: Department,
        unlisted: bool,
    ) -> Hearing {
        let mut hearing = Hearing {
            department,
            answers: BTreeMap::new(),
            unlisted,
            facts: DepartmentFacts::default(),
            sheet: BTreeMap::new(),
            selfcheck: None,
            evidence: Vec::new(),
        };
        hearing.settle(checklist, |_| true);
        hearing
    }

    /// True when `item` applies to this department given its answers so far.
    pub fn applies(&self, checklist: &Checklist, item: &Item) -> bool {
        self.applies_with(checklist, item, &|id| self.mark(id))
    }

    pub(crate) fn applies_with<'a>(
        &self,
        checklist: &Checklist,
        item: &Item,
        symbol_of: &dyn Fn(&str) -> Option<&'a str>,
    ) -> bool {
        let mark_of = |id: &str| symbol_of(id).and_then(|s| checklist.mark(s));
        let tags = (!self.unlisted).then_some(self.department.tags.as_slice());
        (self.unlisted || item.lists(&self.department)) && item.applies.eval(tags, &mark_of)
    }

    /// Brings the applicability marks of the items chosen by `which` up to date, in
    /// checklist order (a condition only refers to earlier items, so one pass is
    /// enough): an unanswered item that cannot apply becomes 該当なし by applicability,
    /// and such a mark is cleared when the item applies again. Marks and notes set by
    /// hand are never touched.
    pub(crate) fn settle(&mut self, checklist: &Checklist, which: impl Fn(&Item) -> bool) {
        let not_applicable = checklist.not_applicable();
        for (_, item) in checklist.items().filter(|(_, i)| which(i)) {
            let applies = self.applies(checklist, item);
            let answer = self.answers.get(&item.id);
            if applies && answer.is_some_and(|a| a.by_applicability) {
                let Some(answer) = self.answers.get_mut(&item.id) else {
                    continue;
                };
                answer.mark = None;
                answer.by_applicability = false;
                if *answer == Answer::default() {
                    self.answers.remove(&item.id);
                }
            } else if !applies && answer.is_none_or(|a| a.mark.is_none()) {
                let answer = self.answers.entry(item.id.clone()).or_default();
                answer.mark = Some(not_applicable.symbol.clone());
                answer.by_applicability = true;
            }
        }
    }
}
