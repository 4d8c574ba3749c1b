//! Footers and the `?` help, generated from the view's key table (`keymap`) and the
//! session's scale, so that what they say is what the keys do.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Stylize;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::checklist::{Mark, finding_symbols};
use crate::i18n::Strings;
use crate::keymap::{Action, Binding, Group};

use super::widgets;

/// One entry of a footer or the help: the keys as written, and what they do.
struct Entry {
    /// The first key of each binding, then the other keys (`↑↓←→` and `hjkl`).
    keys: Vec<String>,
    others: Vec<String>,
    footer: String,
    help: String,
}

impl Entry {
    /// `↑↓←→ hjkl`, or `PageUp/PageDown` where a key is a word.
    fn written(&self, footer: bool) -> String {
        let join = |keys: &[String]| {
            let glue = if keys.iter().all(|k| k.chars().count() == 1) {
                ""
            } else {
                "/"
            };
            keys.join(glue)
        };
        if footer || self.others.is_empty() {
            join(&self.keys)
        } else {
            format!("{} {}", join(&self.keys), join(&self.others))
        }
    }
}

/// Who reads a footer or help: whether they may change the session (a read-only copy
/// is shown only what it can do), whether it is signed (then only viewing, export and
/// reopening are offered) and whether leaving goes back to the list.
#[derive(Debug, Clone, Copy)]
pub struct Reader {
    pub writable: bool,
    pub signed: bool,
    pub back: bool,
    /// The round has self-checks: their keys are worth showing.
    pub selfchecks: bool,
}

impl Reader {
    pub const ANY: Reader = Reader {
        writable: true,
        signed: false,
        back: false,
        selfchecks: true,
    };

    /// True when `action` is worth offering: what changes the round only to a copy
    /// that may change it, and then reopening only once it is signed, everything else
    /// only before.
    pub fn allows(self, action: Action) -> bool {
        match action {
            Action::Reopen => self.writable && self.signed,
            action if action.writes() => self.writable && !self.signed,
            _ => true,
        }
    }
}

/// The entries of `table`: grouped actions merged (`←→ 移動`), the mark keys written
/// from `scale` (left out when `scale` is None: a read-only copy cannot mark).
fn entries(
    table: &[Binding],
    t: &Strings,
    scale: Option<&[Mark]>,
    footer: bool,
    reader: Reader,
) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    let mut last_group: Option<Group> = None;
    let shown = |b: &&Binding| {
        let in_footer = b.footer || (reader.signed && b.footer_signed);
        (in_footer || !footer)
            && reader.allows(b.action)
            && (reader.selfchecks || !b.action.needs_selfchecks())
    };
    for binding in table.iter().filter(shown) {
        let action = match binding.action {
            Action::Leave if reader.back => Action::Back,
            action => action,
        };
        let group = binding.action.group();
        let (first, others) = keys_of(binding, scale);
        if first.is_empty() {
            continue;
        }
        match (group, out.last_mut()) {
            (Some(g), Some(entry)) if last_group == Some(g) => {
                entry.keys.push(first);
                entry.others.extend(others);
            }
            _ => out.push(Entry {
                keys: vec![first],
                others,
                footer: group.map_or((t.hint)(action), t.group_hint).to_string(),
                help: explain(action, t, scale),
            }),
        }
        last_group = group;
    }
    out
}

/// The first key of a binding as written and its other keys; mark bindings show the
/// scale's keys (`1 2 3 0`).
fn keys_of(binding: &Binding, scale: Option<&[Mark]>) -> (String, Vec<String>) {
    if matches!(binding.action, Action::MarkAndNext | Action::MarkCell) {
        let keys: Vec<String> = scale
            .unwrap_or_default()
            .iter()
            .filter(|m| m.by_hand())
            .map(|m| m.key.to_string())
            .collect();
        return (keys.join(" "), Vec::new());
    }
    let mut labels = binding.keys.iter().map(|k| k.label());
    let first = labels.next().unwrap_or_default();
    (first, labels.collect())
}

fn explain(action: Action, t: &Strings, scale: Option<&[Mark]>) -> String {
    match (action, action.group()) {
        (Action::FilterMark, _) => {
            let chain: Vec<&str> = crate::checklist::worst_first(scale.unwrap_or_default())
                .into_iter()
                .map(|m| m.symbol.as_str())
                .collect();
            (t.filter_cycle)(&chain.join(" → "))
        }
        (Action::FindingsList, _) if let Some(scale) = scale => {
            (t.findings_explain)(&finding_symbols(scale))
        }
        (_, Some(group)) => (t.group_explain)(group).to_string(),
        (action, None) => (t.explain)(action).to_string(),
    }
}

/// The footer of a view, packed into lines of `width` cells.
pub fn footer(
    table: &[Binding],
    t: &Strings,
    scale: Option<&[Mark]>,
    width: u16,
) -> Vec<Line<'static>> {
    footer_for(table, t, scale, width, Reader::ANY)
}

/// The footer of a view for `reader`.
pub fn footer_for(
    table: &[Binding],
    t: &Strings,
    scale: Option<&[Mark]>,
    width: u16,
    reader: Reader,
) -> Vec<Line<'static>> {
    let entries: Vec<(String, String)> = entries(table, t, scale, true, reader)
        .into_iter()
        .map(|e| (e.written(true), e.footer))
        .collect();
    widgets::key_hints(
        entries
            .iter()
            .map(|(keys, what)| (keys.as_str(), what.as_str())),
        width,
    )
}

/// The help of a view: every binding of `table`, then the keys every screen knows,
/// then `legend` lines.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    tables: &[&[Binding]],
    t: &Strings,
    scale: Option<&[Mark]>,
    legend: &[&str],
) {
    draw_for(frame, area, tables, t, scale, legend, Reader::ANY)
}

/// Entries two to a line, keys and footer words, for a help taller than the screen.
fn paired(all: Vec<Entry>) -> Vec<(String, String)> {
    let short: Vec<String> = all
        .into_iter()
        .map(|e| format!("{} {}", e.written(false), e.footer))
        .collect();
    let half = short.len().div_ceil(2);
    let width = short[..half]
        .iter()
        .map(|s| unicode_width::UnicodeWidthStr::width(s.as_str()))
        .max()
        .unwrap_or(0);
    (0..half)
        .map(|i| {
            let right = short.get(i + half).cloned().unwrap_or_default();
            (widgets::pad(&short[i], width + 2), right)
        })
        .collect()
}

/// The help of a view for `reader`.
pub fn draw_for(
    frame: &mut Frame,
    area: Rect,
    tables: &[&[Binding]],
    t: &Strings,
    scale: Option<&[Mark]>,
    legend: &[&str],
    reader: Reader,
) {
    let all: Vec<Entry> = tables
        .iter()
        .flat_map(|table| entries(table, t, scale, false, reader))
        .collect();
    // A terminal too short for a line per key gets the keys two to a line, each with
    // its footer word: every key stays in view.
    let fits = all.len() + legend.len() + 2 <= usize::from(area.height);
    let entries: Vec<(String, String)> = if fits {
        all.into_iter()
            .map(|e| (e.written(false), e.help))
            .collect()
    } else {
        paired(all)
    };
    let key_width = entries
        .iter()
        .map(|(keys, _)| unicode_width::UnicodeWidthStr::width(keys.as_str()))
        .max()
        .unwrap_or(0);
    let mut rows: Vec<Line> = entries
        .into_iter()
        .map(|(keys, help)| {
            Line::from(vec![
                Span::raw(widgets::pad(&keys, key_width + 1)).bold(),
                Span::raw(help),
            ])
        })
        .collect();
    rows.extend(legend.iter().map(|l| Line::from(*l)));
    let width = rows.iter().map(Line::width).max().unwrap_or(0) as u16 + 2;
    let inner = widgets::popup(frame, area, width, rows.len() as u16 + 2, t.help);
    frame.render_widget(Paragraph::new(rows).wrap(Wrap { trim: false }), inner);
}
