//! What the session screen and its views share, below both: the cursor, which view is
//! on screen, what an open editor is for, the `Effect` a view asks the screen for, and
//! the read-only `Scene` a view reads to act and to draw. Views never change the
//! screen's state; they return an `Effect` and the screen's `update` carries it out.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::checklist::Mark;
use crate::facts::FactField;
use crate::i18n::{Describe, Strings};
use crate::keymap::{self, Action, Binding, Key};
use crate::marks::MarksDisplay;
use crate::session::{Change, Refusal, Session};
use crate::store::Doc;

use super::editor::Editor;
use super::help::Reader;

/// Where the session's views stand: a department and an item, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cursor {
    pub department: usize,
    pub item: usize,
}

/// A view of the session: it owns its state, turns a key into an `Action` through
/// its table, carries out the actions that concern only itself (what the screen
/// should do comes back as an `Effect`), and draws without changing anything.
pub trait Component {
    /// The view's key table.
    fn keys(&self) -> &'static [Binding];

    /// The action `key` is bound to in the view's table.
    fn action(&self, key: Key) -> Option<Action> {
        keymap::lookup(self.keys(), key)
    }

    /// Carries out an action of the view's own.
    fn update(&mut self, action: Action, scene: &Scene) -> Effect;

    /// Draws the view from `scene`.
    fn draw(&self, frame: &mut Frame, area: Rect, scene: &Scene);
}

/// Which view of the session is on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Item,
    Matrix,
    Sheet,
    Review,
    History,
    Facts,
    /// Last round's 指摘事項 of the department, to follow up.
    FollowUps,
}

impl View {
    /// True for the views in which the checklist's mark keys record marks.
    pub fn marks(self) -> bool {
        matches!(self, View::Item | View::Matrix)
    }
}

/// What the open editor's text is for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Editing {
    /// The note of the cell under the cursor.
    #[default]
    Note,
    /// The note the scale asked for with the mark just given: leaving it goes on to
    /// the next heard item.
    NoteThenNext,
    /// The 所見 of an area of the department under the cursor.
    Observation(String),
    /// A 指摘事項 of an area: an existing one (by id) reworded, or a new one naming
    /// `items`.
    Finding {
        area: String,
        id: Option<u32>,
        items: Vec<String>,
    },
    /// A proposal accepted with this wording.
    Proposal(String),
    Fact(FactField),
    DepartmentFact(FactField),
    /// The round's 改善内容等 of an item (by id).
    Improvement(String),
    ReopenReason,
}

/// What a view asks the screen to do after an action of its own.
#[derive(Debug)]
pub enum Effect {
    Nothing,
    /// Say this on the message line.
    Say(String),
    /// The session refuses changes (it is signed): say why.
    Refused(Refusal),
    /// Record a change the core built, or say why it refused.
    Record(Result<Change, Refusal>),
    /// Open the editor on `text`, for `editing`.
    Edit {
        editing: Editing,
        text: String,
        title: String,
    },
    /// Put the cursor here without saving it as the place to resume (the matrix moves).
    Place(Cursor),
    /// Show `view` at its line `row`, the cursor first going to `at`.
    Show {
        view: View,
        row: usize,
        at: Option<Cursor>,
    },
    /// Leave the view for the hearing.
    Hearing,
    /// Ask who signs off.
    PickSigner,
    /// Choose the items 指摘事項 `id` of `area` names.
    PickFindingItems {
        area: String,
        id: u32,
    },
}

/// How much of the digest the signed banner shows: enough to tell sign-offs apart
/// on screen (`kansa verify` and the review show more).
const BANNER_DIGEST: usize = 8;

/// What a view reads, to act and to draw: the session and its cursor, the language,
/// the message line and the open editor. Built by the screen; read-only.
pub struct Scene<'a> {
    pub doc: &'a Doc,
    pub cursor: Cursor,
    pub t: &'static Strings,
    pub marks: MarksDisplay,
    /// Who reads the footers and the help.
    pub reader: Reader,
    pub message: Option<&'a str>,
    /// The note (所見, fact) editor, when one is open.
    pub editor: Option<&'a Editor>,
}

impl<'a> Scene<'a> {
    pub fn session(&self) -> &'a Session {
        self.doc.session()
    }

    /// The department short name and item id under the cursor.
    pub fn position(&self) -> (String, String) {
        position(self.session(), self.cursor)
    }

    /// The round's title, and the checklist on screen when the round has several.
    pub fn title(&self) -> String {
        let session = self.session();
        if self.doc.round().extra.is_empty() {
            return session.facts.title.clone();
        }
        [&session.facts.title, " / ", &session.checklist.title].concat()
    }

    /// `title` in `width` cells: the round's title gives way to the checklist's, which
    /// says what the mark keys mark.
    pub fn title_within(&self, width: usize) -> String {
        use unicode_width::UnicodeWidthStr;
        let full = self.title();
        if full.width() <= width || self.doc.round().extra.is_empty() {
            return full;
        }
        let session = self.session();
        let checklist = &session.checklist.title;
        let room = width.saturating_sub(checklist.width() + 3);
        if room < 4 {
            return clip(checklist, width);
        }
        [&clip(&session.facts.title, room), " / ", checklist].concat()
    }

    /// The short name of the department under the cursor.
    pub fn department(&self) -> String {
        self.position().0
    }

    /// A save failure or read-only notice, which stays until it no longer holds.
    pub fn banner(&self) -> Option<String> {
        banner(self.doc, self.t)
    }

    /// `署名済（by、when、digest…）` while the round is signed.
    pub fn signed_banner(&self) -> Option<String> {
        let t = self.t;
        let signed = self.session().signed.as_ref()?;
        let digest = signed.digest.get(..BANNER_DIGEST).unwrap_or(&signed.digest);
        Some((t.record.signed_banner)(
            &signed.by,
            &(t.moment)(&signed.at),
            digest,
        ))
    }

    /// The lines that stay on top of every view while they hold, in order: the round
    /// is signed; this copy cannot save, or is someone else's.
    pub fn banners(&self) -> Vec<String> {
        self.signed_banner()
            .into_iter()
            .chain(self.banner())
            .collect()
    }

    /// The message, unless a banner already says it.
    pub fn message_line(&self) -> Option<&'a str> {
        let banners = self.banners();
        self.message.filter(|m| !banners.iter().any(|b| b == m))
    }

    /// The scale, for footers and help, when this copy may mark.
    pub fn markable_scale(&self) -> Option<&'a [Mark]> {
        let scale = &self.session().checklist.scale;
        self.reader.writable.then_some(scale.as_slice())
    }

    /// The saved note of the cell under the cursor.
    pub fn current_note(&self) -> String {
        current_note(self.session(), self.cursor)
    }
}

/// The department short name and item id at `cursor`.
pub fn position(session: &Session, cursor: Cursor) -> (String, String) {
    let department = session
        .hearings
        .get(cursor.department)
        .map_or("", |h| h.department.short.as_str());
    let item = session
        .checklist
        .items()
        .nth(cursor.item)
        .map_or("", |(_, i)| i.id.as_str());
    (department.to_string(), item.to_string())
}

/// The saved note of the cell at `cursor`.
pub fn current_note(session: &Session, cursor: Cursor) -> String {
    let (department, item) = position(session, cursor);
    session
        .answer(&department, &item)
        .map(|a| a.note.clone())
        .unwrap_or_default()
}

/// A save failure or read-only notice stays on screen until it no longer holds.
pub fn banner(doc: &Doc, t: &Strings) -> Option<String> {
    if doc.save_error().is_some() {
        return save_problem(doc, t);
    }
    doc.holder().map(|holder| (t.read_only)(holder))
}

/// Why the last save failed and how many changes wait, in the screen's language.
pub fn save_problem(doc: &Doc, t: &Strings) -> Option<String> {
    let reason = doc.save_error()?.describe(t.messages);
    Some((t.save_failed)(&reason, doc.pending()))
}

/// The department of `name` (full or short) in the session, by index.
pub fn department_index(session: &Session, name: &str) -> Option<usize> {
    session
        .hearings
        .iter()
        .position(|h| h.department.name == name || h.department.short == name)
}

pub fn item_index(session: &Session, id: &str) -> Option<usize> {
    session.checklist.items().position(|(_, i)| i.id == id)
}

/// The line chosen in a list of `count` lines after a select key; None for any other
/// action.
pub fn select(selected: usize, action: Action, count: usize) -> Option<usize> {
    match action {
        Action::SelectUp => Some(selected.saturating_sub(1)),
        Action::SelectDown => Some((selected + 1).min(count.saturating_sub(1))),
        _ => None,
    }
}

/// `text` in `width` cells at most, an ellipsis marking where it was cut.
fn clip(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut kept = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            kept.push('…');
            return kept;
        }
        used += w;
        kept.push(c);
    }
    kept
}
