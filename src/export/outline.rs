//! The 実施報告書's opening as the seed writes it — 1 監査概要 ((1) 監査目的 … (5)
//! 監査の基準となる根拠), 2 監査結果 (総評), 3 課別監査結果 (別紙「…結果一覧」のとおり)
//! — as a list of blocks that each format lays out in its own way.

use super::words::ReportWords;

use super::model::{Post, Summary};

/// One piece of the opening.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A numbered part (1 監査概要).
    Part(String),
    /// A numbered section of a part (（1）監査目的).
    Section(String),
    /// A label over the text after it (監査対象課).
    Label(String),
    /// Text; its line breaks are paragraphs.
    Text(String),
    /// A list, a line each (the 根拠).
    List(Vec<String>),
}

/// The blocks of the 実施報告書's opening, down to the line that sends the reader to
/// the 結果一覧; what is not written shows as 未設定.
pub fn blocks(summary: &Summary, words: &ReportWords) -> Vec<Block> {
    let o = words.outline_words;
    let outline = &summary.outline;
    let text = |value: &str| {
        Block::Text(if value.trim().is_empty() {
            words.no_date.to_string()
        } else {
            value.to_string()
        })
    };
    let post = |label: &str, post: &Post| {
        let name = if post.name.is_empty() {
            words.no_date
        } else {
            &post.name
        };
        (o.post)(label, name, &post.basis)
    };
    let date = outline.date.map_or(words.no_date.to_string(), words.date);
    let grounds = if outline.grounds.is_empty() {
        text("")
    } else {
        Block::List(outline.grounds.clone())
    };
    let audit = summary.heading.title.trim();
    // On a scale with points, the scores and bands close 2 監査結果.
    let scores = super::lines::score_lines(&summary.heading, words);
    let scores = match scores.is_empty() {
        true => Vec::new(),
        false => vec![
            Block::Section(words.score_words.section.into()),
            Block::List(scores),
        ],
    };
    let mut blocks = vec![
        Block::Part(o.outline.into()),
        Block::Section(o.objective.into()),
        text(&outline.objective),
        Block::Section(o.scope.into()),
        Block::Label(o.departments.into()),
        text(&outline.departments.join(words.list_separator)),
        Block::Label(o.systems.into()),
        text(&outline.systems.join(o.list_separator)),
    ];
    if !outline.checklists.is_empty() {
        let line = |(title, departments): &(String, Vec<String>)| {
            (o.checklist_line)(title, &departments.join(words.list_separator))
        };
        blocks.push(Block::Label(o.checklists.into()));
        blocks.push(Block::List(outline.checklists.iter().map(line).collect()));
    }
    blocks.extend([
        Block::Section(o.date.into()),
        Block::Text(date),
        Block::Section(o.organisation.into()),
        Block::Text(
            [
                post(o.lead, &outline.lead),
                post(o.division, &outline.division),
            ]
            .join("\n"),
        ),
        Block::Section(o.grounds.into()),
        grounds,
        Block::Part(o.results.into()),
        Block::Section(o.overall.into()),
        text(&outline.overall),
    ]);
    blocks.extend(scores);
    // A round of several checklists has a 結果一覧 per checklist, each an appendix.
    let others = (outline.checklists.iter().skip(1))
        .map(|(title, _)| (o.appendix)(audit, &(words.checklist_matrix)(title)));
    let appendix = std::iter::once((o.appendix)(audit, words.matrix)).chain(others);
    blocks.extend([
        Block::Part(o.by_department.into()),
        Block::Text(appendix.collect::<Vec<_>>().join("\n")),
    ]);
    blocks
}

/// Free text as its paragraphs: a line each, trimmed, empty lines left out.
pub fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}
