//! A key as the tables know it, folded from the terminal's full-width characters.

/// A key as the tables know it. Characters arrive folded to their ASCII form, so a
/// full-width `２` typed with the input method on is the key `2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    PageUp,
    PageDown,
    Tab,
    BackTab,
    Backspace,
    CtrlC,
    /// Clears the line of a text field, as in a shell.
    CtrlU,
    /// Clears the whole text field.
    CtrlL,
    /// Takes back the last change to the text being typed.
    CtrlZ,
}

impl Key {
    /// A character key, folded from its full-width form (NFKC for the ASCII range).
    pub fn char(c: char) -> Key {
        Key::Char(fold_width(c))
    }

    /// How a footer or the help writes the key.
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::PageUp => "PageUp".into(),
            Key::PageDown => "PageDown".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift-Tab".into(),
            Key::Backspace => "Backspace".into(),
            Key::CtrlC => "Ctrl-C".into(),
            Key::CtrlU => "Ctrl-U".into(),
            Key::CtrlL => "Ctrl-L".into(),
            Key::CtrlZ => "Ctrl-Z".into(),
        }
    }
}

/// The ASCII form of a full-width character (`２` → `2`, `ｑ` → `q`, the ideographic
/// space → space); any other character as it is.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}
