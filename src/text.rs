//! Text as kansa shows it, whatever language it is in: on one line, or wrapped to a
//! width as Japanese is set.

use unicode_width::UnicodeWidthStr;

/// Characters a line may not start with (行頭禁則): closing brackets and marks, small
/// kana, the prolonged sound mark. The character before comes down with them.
pub const NO_LINE_START: &str =
    "、。，．・：；？！）」』】〕｝〉》ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.:;?!)]}%";

/// Characters a line may not end with (行末禁則): opening brackets go down with what
/// they open.
const NO_LINE_END: &str = "（「『【〔｛〈《([{";

/// Text on one line, as history, verify and conflict lines print it: line breaks as
/// `\n`.
pub fn one_line(text: &str) -> String {
    text.replace("\r\n", "\\n").replace('\n', "\\n")
}

/// `text` in lines of at most `width` terminal cells: its own line breaks kept, words
/// of Latin letters kept whole where they fit, Japanese broken between any two
/// characters but never before a closing mark (「。」 does not start a line) nor after
/// an opening one; a space at a break is dropped.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    text.split('\n')
        .flat_map(|line| wrap_line(line.trim_end_matches('\r'), width))
        .collect()
}

fn wrap_line(line: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for piece in pieces(line) {
        if cells(&current) + piece.width() <= width {
            current.push(piece.to_string());
            continue;
        }
        if piece.trim().is_empty() {
            continue;
        }
        let mut next = vec![piece.to_string()];
        if !current.is_empty() {
            carry(&mut current, &mut next);
            lines.push(current.concat().trim_end().to_string());
        }
        current = next;
        while cells(&current) > width {
            let (head, rest) = split_at_width(&current.concat(), width);
            lines.push(head);
            current = vec![rest];
        }
    }
    lines.push(current.concat().trim_end().to_string());
    lines
}

/// Moves to the front of the next line what may not end this one or what the next
/// one may not start with; this line always keeps its first piece.
fn carry(current: &mut Vec<String>, next: &mut Vec<String>) {
    let starts_closed = |next: &[String]| next[0].starts_with(|c| NO_LINE_START.contains(c));
    let ends_open = |current: &[String]| {
        (current.last()).is_some_and(|p| p.ends_with(|c| NO_LINE_END.contains(c)))
    };
    while current.len() > 1 && (starts_closed(next) || ends_open(current)) {
        if let Some(piece) = current.pop() {
            next.insert(0, piece);
        }
    }
    // A space that would start the next line goes.
    while next.len() > 1 && next[0].trim().is_empty() {
        next.remove(0);
    }
}

fn cells(pieces: &[String]) -> usize {
    pieces.iter().map(|p| p.width()).sum()
}

/// A word wider than a line, cut where the line is full.
fn split_at_width(text: &str, width: usize) -> (String, String) {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width && used > 0 {
            return (text[..i].to_string(), text[i..].to_string());
        }
        used += w;
    }
    (text.to_string(), String::new())
}

/// A line cut where it may break: runs of ASCII letters and digits (and the marks
/// inside words) stay together; every other character stands alone. The screens and
/// the spreadsheets' row heights (`export::wrap`) cut lines alike.
pub fn pieces(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    let in_word = |c: char| c.is_ascii_alphanumeric() || "-_'/.@()".contains(c);
    for (i, c) in line.char_indices() {
        match (start, in_word(c)) {
            (None, true) => start = Some(i),
            (Some(_), true) => {}
            (Some(s), false) => {
                out.push(&line[s..i]);
                start = None;
                out.push(&line[i..i + c.len_utf8()]);
            }
            (None, false) => out.push(&line[i..i + c.len_utf8()]),
        }
    }
    if let Some(s) = start {
        out.push(&line[s..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closing_mark_never_starts_a_line() {
        // 「尋ねる。」 at 6 cells a line: 「る」 comes down with 「。」.
        assert_eq!(wrap("誰が尋ねる。", 10), ["誰が尋ね", "る。"]);
        assert_eq!(wrap("あいうえお、かき", 10), ["あいうえ", "お、かき"]);
    }

    #[test]
    fn an_opening_bracket_never_ends_a_line() {
        assert_eq!(wrap("あいう「えお」", 8), ["あいう", "「えお」"]);
    }

    #[test]
    fn latin_words_stay_whole_and_spaces_at_a_break_go() {
        assert_eq!(
            wrap("lock the screen when away", 12),
            ["lock the", "screen when", "away"]
        );
        assert_eq!(wrap("受講e-Learning", 12), ["受講", "e-Learning"]);
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_and_line_breaks_are_kept() {
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("あ\nい", 10), ["あ", "い"]);
        assert_eq!(wrap("", 10), [""]);
    }

    #[test]
    fn every_line_fits() {
        let text = "職員等による業務以外の目的での情報資産の持ち出し、又は情報システムへのアクセスが行われていないか。";
        for width in 2..40 {
            for line in wrap(text, width) {
                assert!(line.width() <= width.max(2), "{width}: {line}");
            }
        }
    }
}
