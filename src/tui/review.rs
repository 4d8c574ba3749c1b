//! Review before sign-off on screen: what blocks and what deserves a look, each line
//! leading to its place; signing off when nothing blocks, and reopening with a reason.

use ratatui::style::Stylize;
use ratatui::text::Line;

use crate::i18n::{ReviewWords, Strings};
use crate::keymap::Action;
use crate::review::{Entry, Place};

use super::picker::Picker;
use super::record::{self, Editing, Page};
use super::session::{Cursor, Overlay, SessionScreen, View, department_index, item_index};
use super::sheet;

/// How the time of a sign-off is shown: to the minute, with its offset.
const TIME: &str = "%Y-%m-%d %H:%M %:z";

pub fn apply(screen: &mut SessionScreen, action: Action, t: &Strings) {
    let session = screen.session();
    match action {
        Action::Choose => {
            let review = crate::review::review(session);
            if let Some(entry) = review.entries.get(screen.pages.selected) {
                go_to(screen, &entry.clone(), t);
            }
        }
        Action::Sign if session.is_signed() => {
            screen.message = Some(t.record.already_signed.to_string())
        }
        Action::Sign => {
            let blockers = crate::review::review(session).blockers().count();
            if blockers > 0 {
                screen.message = Some((t.review.blocked)(blockers));
            } else {
                let people = record::people(session);
                screen.overlay = Some(Overlay::Signer(Picker::new(0, people)));
            }
        }
        Action::Reopen if session.is_signed() => {
            screen.edit(Editing::ReopenReason, "", t.record.reopen_reason)
        }
        Action::Reopen => screen.message = Some(t.review.not_signed.to_string()),
        _ => {}
    }
}

/// Goes to the place of `entry`: the item in the hearing, the area in the sheet, the
/// facts for the round.
fn go_to(screen: &mut SessionScreen, entry: &Entry, t: &Strings) {
    let session = screen.session();
    let department = entry
        .department
        .as_deref()
        .and_then(|d| department_index(session, d))
        .unwrap_or(screen.cursor.department);
    let short = entry.department.clone().unwrap_or_default();
    match &entry.place {
        Place::Item(item) => {
            let item = item_index(session, item).unwrap_or(0);
            screen.view = View::Item;
            screen.go_to(Cursor { department, item }, t);
        }
        Place::Area(area) => {
            let row = sheet::observation_row(session, &short, area);
            screen.go_to(
                Cursor {
                    department,
                    ..screen.cursor
                },
                t,
            );
            screen.pages.selected = row;
            screen.view = View::Sheet;
        }
        Place::Department => {
            screen.go_to(
                Cursor {
                    department,
                    ..screen.cursor
                },
                t,
            );
            screen.pages.selected = 0;
            screen.view = View::Sheet;
        }
        Place::Round => {
            screen.pages.selected = 0;
            screen.view = View::Facts;
        }
    }
}

/// One entry: where (department and item or area), why.
fn entry_line(entry: &Entry, w: &ReviewWords) -> String {
    let at = match (&entry.department, &entry.place) {
        (None, _) | (_, Place::Round) => w.round.to_string(),
        (Some(department), place) => {
            let place = (w.place)(place);
            format!("{department} {place}").trim().to_string()
        }
    };
    format!("{at}: {}", (w.reason)(&entry.reason))
}

/// The review's title and lines: the state of the sign-off, then each entry.
pub fn page(screen: &SessionScreen, t: &Strings) -> (String, Page) {
    let session = screen.session();
    let review = crate::review::review(session);
    let w = t.review;
    let mut page = Page::new();
    let blockers = review.blockers().count();
    let warnings = review.entries.len() - blockers;
    match &session.signed {
        Some(signed) => {
            let at = signed.at.format(TIME).to_string();
            let digest = signed.digest.get(..16).unwrap_or(&signed.digest);
            page.line(Line::from((t.record.signed)(&signed.by, &at, digest)).bold());
        }
        None => page.line(Line::from(format!(
            "{}　{}",
            t.record.unsigned,
            (t.record.counts)(blockers, warnings)
        ))),
    }
    if session.signed.is_none() && blockers == 0 {
        page.line(Line::from(t.record.can_sign).bold());
    }
    page.line(Line::default());
    for entry in &review.entries {
        let kind = if entry.blocks() { w.blocker } else { w.warning };
        let line = Line::from(format!("{kind}  {}", entry_line(entry, w)));
        page.choice(if entry.blocks() { line.bold() } else { line });
    }
    (t.record.review_title.to_string(), page)
}
