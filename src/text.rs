//! Text as kansa shows it on one line, whatever language it is in.

/// Text on one line, as history, verify and conflict lines print it: line breaks as
/// `\n`.
pub fn one_line(text: &str) -> String {
    text.replace("\r\n", "\\n").replace('\n', "\\n")
}
