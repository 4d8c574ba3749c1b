//! The 実施報告書's 改善内容等 per item: one text the auditors write for the round
//! (the seed writes a sentence per item), proposed from the departments' notes; where
//! none is written, the report prints the departments' notes as they are.

use crate::checklist::Meaning;
use crate::session::{Change, Refusal, Session};

impl Session {
    /// The round's 改善内容等 of `item`, empty while none is written.
    pub fn improvement(&self, item: &str) -> &str {
        self.facts.improvements.get(item).map_or("", String::as_str)
    }

    /// The change that gives `item` the round's 改善内容等 `text` (empty: print the
    /// departments' notes again).
    pub fn set_improvement(&self, item: &str, text: &str) -> Result<Change, Refusal> {
        self.editable()?;
        let item = self
            .checklist
            .item(item)
            .ok_or_else(|| Refusal::UnknownItem(item.to_string()))?;
        Ok(Change::Improvement {
            item: item.id.clone(),
            from: self.improvement(&item.id).to_string(),
            to: text.trim().to_string(),
        })
    }

    /// A 改善内容等 for `item` to start from: the notes of the cells improved under
    /// guidance or needing improvement, in roster order, each different note once (the
    /// same remark made in five departments is one line), without department names
    /// (the 改善が必要な課 column names them).
    pub fn proposed_improvement(&self, item: &str) -> String {
        let mut lines: Vec<&str> = Vec::new();
        for hearing in &self.hearings {
            let short = &hearing.department.short;
            let meaning = self.mark_of(short, item).map(|m| m.meaning);
            if !matches!(
                meaning,
                Some(Meaning::ImprovedUnderGuidance | Meaning::NeedsImprovement)
            ) {
                continue;
            }
            let note = hearing.answer(item).map_or("", |a| a.note.trim());
            if !note.is_empty() && !lines.contains(&note) {
                lines.push(note);
            }
        }
        lines.join("\n")
    }
}
