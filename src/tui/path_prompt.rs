//! A one-line prompt for a file's path (a department's returned self-check workbook, a
//! file to attach as evidence, a checklist to add to the round),
//! typed or pasted, in a pop-up with the terminal cursor where the input method needs it.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui_textarea::{CursorMove, TextArea};
use std::path::{MAIN_SEPARATOR_STR, PathBuf};

use crate::evidence::Where;
use crate::keymap::{self, Action};

use super::{editor, keys, widgets};

/// What a key did to a one-line prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompted {
    Typing,
    /// Enter: what was typed is the answer.
    Done,
    /// Esc: no answer.
    Closed,
}

/// What the file is for.
#[derive(Default)]
pub enum PathFor {
    /// A department's returned self-check workbook.
    #[default]
    Workbook,
    /// A file to attach as evidence here.
    Evidence(Where),
    /// A checklist to add to the round.
    Checklist,
}

#[derive(Default)]
pub struct PathPrompt {
    input: TextArea<'static>,
    pub purpose: PathFor,
}

impl PathPrompt {
    /// A prompt for a file to attach as evidence at `at`.
    pub fn attaching(at: Where) -> PathPrompt {
        PathPrompt::for_(PathFor::Evidence(at))
    }

    /// A prompt for the file of `purpose`.
    pub fn for_(purpose: PathFor) -> PathPrompt {
        PathPrompt {
            purpose,
            ..PathPrompt::default()
        }
    }

    /// A key, through `PATH`: Enter gives the path, Tab completes it, Esc leaves, any
    /// other types.
    pub fn handle(&mut self, event: &KeyEvent) -> Prompted {
        let action = keys::action_of(keymap::PATH, event);
        if action == Some(Action::CompletePath) {
            if let Some(completed) = complete(&self.path()) {
                self.input = TextArea::new(vec![completed]);
                self.input.move_cursor(CursorMove::End);
            }
            return Prompted::Typing;
        }
        if editor::clear(&mut self.input, action) {
            return Prompted::Typing;
        }
        match action {
            Some(Action::Confirm) => Prompted::Done,
            Some(Action::Close) => Prompted::Closed,
            _ => {
                self.input.input(*event);
                Prompted::Typing
            }
        }
    }

    /// Pasted text, a path dragged from a file manager included (quotes removed).
    pub fn paste(&mut self, text: &str) {
        let text = text.trim().trim_matches(['\'', '"']);
        self.input.insert_str(text.replace(['\r', '\n'], ""));
    }

    /// The path typed or pasted, as `path_of` reads it.
    pub fn path(&self) -> String {
        path_of(&self.input.lines().join("")).display().to_string()
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, title: &str) {
        let inner = widgets::popup(frame, area, area.width.min(72), 3, title);
        widgets::text_area(frame, &self.input, inner, true);
    }
}

/// A path as typed or pasted: quotes around it dropped (Explorer's "Copy as path"
/// adds them) and, off Windows, a path written with Windows separators read with
/// the system's own when only that names a file.
pub fn path_of(text: &str) -> PathBuf {
    let text = text.trim().trim_matches(['"', '\'']).trim();
    let given = PathBuf::from(text);
    if cfg!(windows) || given.exists() || !text.contains('\\') {
        return given;
    }
    PathBuf::from(text.replace('\\', "/"))
}

/// `typed` completed from its folder's entries: the one name it starts, or what the
/// names it starts share; None when that adds nothing.
pub fn complete(typed: &str) -> Option<String> {
    let text = path_of(typed).display().to_string();
    let cut = text
        .rfind(['/', std::path::MAIN_SEPARATOR])
        .map_or(0, |at| at + 1);
    let (folder, start) = text.split_at(cut);
    let read = if folder.is_empty() { "." } else { folder };
    let mut names: Vec<(String, bool)> = std::fs::read_dir(read)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                e.path().is_dir(),
            )
        })
        .filter(|(name, _)| name.starts_with(start))
        .collect();
    names.sort();
    let shared = match names.as_slice() {
        [] => return None,
        [(name, true)] => format!("{name}{MAIN_SEPARATOR_STR}"),
        [(name, false)] => name.clone(),
        [(first, _), rest @ ..] => rest.iter().fold(first.clone(), |shared, (name, _)| {
            shared
                .chars()
                .zip(name.chars())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect()
        }),
    };
    (shared.len() > start.len()).then(|| format!("{folder}{shared}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pasted_path_loses_its_quotes_and_windows_separators_when_they_name_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("画面.png");
        std::fs::write(&file, b"x").unwrap();
        let unix = file.display().to_string();
        assert_eq!(path_of(&format!("  \"{unix}\" ")), file);
        assert_eq!(path_of(&format!("'{unix}'")), file);
        if !cfg!(windows) {
            let windows = unix.replace('/', "\\");
            assert_eq!(path_of(&format!("\"{windows}\"")), file);
        }
    }

    #[test]
    fn tab_completes_a_name_and_what_several_share() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("受領")).unwrap();
        std::fs::write(dir.path().join("画面1.png"), b"x").unwrap();
        std::fs::write(dir.path().join("画面2.png"), b"x").unwrap();
        let at = |name: &str| format!("{}/{name}", dir.path().display());
        assert_eq!(
            complete(&at("受")),
            Some(at(&format!("受領{MAIN_SEPARATOR_STR}")))
        );
        assert_eq!(complete(&at("画")), Some(at("画面")));
        assert_eq!(complete(&at("画面")), None, "nothing more to add");
        assert_eq!(complete(&at("画面2")), Some(at("画面2.png")));
        assert_eq!(complete(&at("無")), None);
    }
}
