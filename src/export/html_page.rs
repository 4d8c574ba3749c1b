//! The HTML page around a report: the style sheet (A4, fills that print, headers
//! that repeat), the title and date, a draft's watermark or a signed session's
//! signer, and the escaping of text.

use super::words::ReportWords;
use crate::checklist::Meaning;

use super::html_marks::class;
use super::lines::{date_line, title};
use super::model::Heading;

/// Text as HTML (or XML): the five characters with a meaning in markup become entities.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escaped text whose line breaks show.
pub(crate) fn lines(text: &str) -> String {
    escape(text.trim())
        .replace("\r\n", "\n")
        .replace('\n', "<br>")
}

/// A CSS string literal.
fn css_string(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\a ");
    format!("\"{escaped}\"")
}

/// The style sheet: screen and print. The page is A4 (landscape for the matrix);
/// fills print as they show; table headers repeat on every printed page.
fn style(words: &ReportWords, headings: &[&Heading], landscape: bool) -> String {
    let (before, middle, after) = words.page_of;
    let fills = [
        Meaning::Compliant,
        Meaning::ImprovedUnderGuidance,
        Meaning::NeedsImprovement,
        Meaning::NotApplicable,
    ]
    .map(|m| {
        format!(
            "td.{}, span.{0} {{ background: #{:06x}; }}\n",
            class(Some(m)),
            super::lines::fill(m)
        )
    })
    .concat()
        + &super::html_marks::level_rules(headings);
    format!(
        r#"@page {{ size: A4 {orientation}; margin: 14mm 12mm 16mm;
  @bottom-center {{ content: {before} counter(page) {middle} counter(pages) {after}; font-size: 9pt; }} }}
html {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ font-family: "Yu Gothic", "游ゴシック", "Hiragino Sans", "Noto Sans CJK JP", "IPAexGothic", "IPAGothic", sans-serif;
  font-size: 10.5pt; line-height: 1.45; color: #111; margin: 1.5em auto; max-width: 70em; padding: 0 1em; }}
h1 {{ font-size: 15pt; margin: 0 0 .2em; }}
h2 {{ font-size: 12pt; margin: 1.2em 0 .4em; break-after: avoid; }}
h3 {{ font-size: 11pt; margin: 1em 0 .3em; break-after: avoid; }}
p.date {{ margin: 0 0 1em; }}
table {{ border-collapse: collapse; width: 100%; margin: 0 0 .8em; }}
th, td {{ border: 1px solid #555; padding: .2em .4em; vertical-align: top; }}
thead th {{ background: #d9e1f2; text-align: center; vertical-align: middle; }}
thead {{ display: table-header-group; }}
thead tr.nowrap th {{ white-space: nowrap; }}
tr {{ break-inside: avoid; }}
table.matrix tbody {{ break-inside: avoid; }}
tr.area {{ break-after: avoid; }}
tr.area th {{ background: #f2f2f2; text-align: left; }}
table.counts {{ width: auto; min-width: 50%; }}
table.counts td {{ min-width: 4em; }}
td.id {{ white-space: nowrap; text-align: center; }}
td.compliant, td.improved, td.needs, td.na, td.unanswered {{ text-align: center; vertical-align: middle; min-width: 3em; }}
td.number {{ text-align: right; }}
td.remark {{ text-align: center; font-size: 9pt; }}
span.compliant, span.improved, span.needs, span.na {{ padding: 0 .3em; }}
p.legend span + span {{ margin-left: 1em; }}
{fills}section + section {{ break-before: page; }}
div.report + div.report {{ break-before: page; }}
h1.report {{ font-size: 13pt; }}
section.matrix, section.counts, div.landscape {{ page: landscape; }}
body > header:has(~ div.landscape, ~ section.matrix), body > p.draft:has(~ div.landscape, ~ section.matrix) {{ page: landscape; }}
table.report, table.report > * > tr > th, table.report > * > tr > td {{ border: none; padding: 0; background: none; text-align: left; font-weight: normal; }}
table.report {{ margin: 0; }}
table.report > thead h2 {{ margin-top: 0; }}
@page landscape {{ size: A4 landscape; }}
div.draft {{ position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 96pt; white-space: nowrap;
  font-weight: bold; color: rgba(200, 0, 0, .13); transform: rotate(-30deg); pointer-events: none; z-index: 10; }}
p.draft {{ color: #b00; font-weight: bold; border: 2px solid #b00; padding: .2em .5em; width: fit-content; margin: 0 0 .5em; }}
footer.stamp {{ font-size: 9pt; border-top: 1px solid #555; margin-top: 1em; padding-top: .2em; }}
@media print {{ footer.stamp {{ display: none; }} }}
table.facts th {{ width: 9em; text-align: left; background: #f2f2f2; white-space: nowrap; }}
table.facts td.number {{ width: 2em; }}
h3.area {{ margin-top: 1.2em; }}
p.findings {{ font-weight: bold; }}
div.outline h3 {{ margin-top: .8em; }}
div.outline p, div.outline ul {{ margin: .2em 0 .2em 1.5em; }}
div.outline p.label {{ font-weight: bold; margin-bottom: 0; }}
@media print {{ body {{ margin: 0; max-width: none; padding: 0; }} }}
"#,
        orientation = if landscape { "landscape" } else { "portrait" },
        before = css_string(before),
        middle = css_string(middle),
        after = css_string(after),
    )
}

/// The page around `body`: language, title, the style sheet, the heading. The page is
/// `headings[0]`'s; the others (other checklists' tables on the page) add the fills of
/// their scales' levels.
pub(crate) fn page(
    headings: &[&Heading],
    words: &ReportWords,
    report: &str,
    landscape: bool,
    body: &str,
) -> String {
    let heading = headings[0];
    let title = escape(&title(heading, words, report));
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{style}</style>\n</head>\n<body>\n\
         {stamp}<header>\n<h1>{title}</h1>\n<p class=\"date\">{date}</p>\n</header>\n{body}</body>\n</html>\n",
        stamp = stamp(heading, words),
        lang = words.tag,
        style = style(words, headings, landscape) + &signed_margin(heading, words),
        date = escape(&date_line(heading, words)),
    )
}

/// A signed session's signer, time and digest in the bottom margin of every printed
/// page, before the page numbers (one margin box, so neither is squeezed): in the
/// margin, it never covers the text.
fn signed_margin(heading: &Heading, words: &ReportWords) -> String {
    if super::lines::is_draft(heading) {
        return String::new();
    }
    let stamp = css_string(&super::lines::stamp_line(heading, words));
    let (before, middle, after) = words.page_of;
    let (before, middle, after) = (css_string(before), css_string(middle), css_string(after));
    format!(
        "@page {{ @bottom-center {{ content: {stamp} \"\u{3000}\u{3000}\" {before} counter(page) {middle} counter(pages) {after}; font-size: 8pt; }} }}\n"
    )
}

/// A draft's watermark (fixed, so every printed page shows it) and banner, or a signed
/// session's footer with signer, time and digest (on screen; printed pages carry it in
/// their margin, `signed_margin`).
fn stamp(heading: &Heading, words: &ReportWords) -> String {
    let line = escape(&super::lines::stamp_line(heading, words));
    if super::lines::is_draft(heading) {
        let mark = escape(words.draft_mark);
        format!(
            "<div class=\"draft\" aria-hidden=\"true\">{mark}</div>\n<p class=\"draft\">{line}</p>\n"
        )
    } else {
        format!("<footer class=\"stamp\">{line}</footer>\n")
    }
}
