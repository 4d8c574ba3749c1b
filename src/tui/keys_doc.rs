//! The key reference, `docs/keys.md`, made from the key tables (`keymap::NAMED`) and
//! the words the help shows for each action in Japanese and English, so that it says
//! what the keys do. A test compares the file with `keys_markdown` and fails when the
//! file is stale; `UPDATE_KEYS_DOC=1` rewrites it.

use std::fmt::Write;

use crate::i18n::{EN, JA, Strings};
use crate::keymap::{self, Action, Binding};

/// What each table is for, in the reference's headings.
fn title(name: &str) -> &'static str {
    match name {
        "ITEM" => "The hearing: one item of one department",
        "MATRIX" => "The results matrix (結果一覧)",
        "SHEET" => "The department sheet (所見・指摘事項)",
        "REVIEW" => "Review and sign-off (確認・署名)",
        "HISTORY" => "The history of a cell or of the session (履歴)",
        "FACTS" => "The audit's facts (監査情報)",
        "FOLLOWUPS" => "The follow-up of last round's 指摘事項 (フォローアップ)",
        "EDITOR" => "The note editor: every other key types",
        "PICKER" => {
            "A pop-up list (departments, items, search, signers): every other key types into its filter"
        }
        "SIGNER" => {
            "Who signs off (a pop-up list of the round's people): every other key types into its filter"
        }
        "SEAL" => "The confirmation before signing off: what is sealed, by whom",
        "CONFIRM" => "A question that needs a yes",
        "PROMPT" => {
            "A one-line prompt (a workbook's path, the answer fields a mark asks for): every other key types"
        }
        "PATH" => {
            "The prompt for a file's path (a self-check workbook, a file to attach as evidence): every other key types"
        }
        "EXPORT" => "The export dialog: every other key types into the path",
        "LIST" => "The session list",
        "RENAME" => "A session's new title, typed in the list: every other key types",
        "FORM" => "The new-session form: every other key types into the field",
        "FORM_DEPARTMENTS" => {
            "The form's list of departments (before `FORM`; past either end the arrows move to the next field)"
        }
        "WHO" => "Choosing who is working: every other key types a name",
        "APP" => "Every screen",
        _ => "",
    }
}

/// The Markdown of `docs/keys.md`.
pub fn keys_markdown() -> String {
    let mut out = String::from(
        "# Keys\n\
         \n\
         <!-- Made from src/keymap.rs by kansa::tui::keys_markdown; do not edit by hand.\n     \
         Regenerate: UPDATE_KEYS_DOC=1 cargo test --test tui keys_doc -->\n\
         \n\
         Every key kansa's screens bind, one table per view, as `src/keymap.rs` holds them.\n\
         The footers, the `?` help and the keys `kansa validate` keeps from a checklist's\n\
         marks are made from the same tables. Characters typed in full width (`ｍ`, `？`)\n\
         are the same keys. The mark keys come from the checklist's scale (`1 2 3 0` in\n\
         the bundled one) and may be none of the keys below. In a text field every key\n\
         its table does not bind is typed (Backspace erases; Ctrl-U clears the line,\n\
         Ctrl-L the whole field).\n\
         \n\
         The footer column says whether the view's footer shows the key (`signed`: only\n\
         on a signed round); the `?` help shows them all. On a signed round the footers\n\
         and the help leave out every key that would change the round (marks, notes,\n\
         undo, editing, signing) and offer reopening (`R`, with a reason) instead.\n",
    );
    for (name, table) in keymap::NAMED {
        let _ = write!(out, "\n## {}\n\n`{name}`\n\n", title(name));
        out.push_str("| Keys | Action | 日本語 | English | Footer |\n");
        out.push_str("|---|---|---|---|---|\n");
        for binding in *table {
            out.push_str(&row(binding));
        }
    }
    out
}

/// One binding as a table row.
fn row(binding: &Binding) -> String {
    let keys = if binding.keys.is_empty() {
        "the checklist's mark keys".to_string()
    } else {
        let keys: Vec<String> = binding
            .keys
            .iter()
            .map(|k| format!("`{}`", k.label()))
            .collect();
        keys.join(" ")
    };
    let footer = match (binding.footer, binding.footer_signed) {
        (true, _) => "yes",
        (false, true) => "signed",
        (false, false) => "",
    };
    let action = binding.action;
    format!(
        "| {keys} | {action:?} | {} | {} | {footer} |\n",
        words(&JA, action),
        words(&EN, action)
    )
}

/// The footer's word for `action` and the help's line, as `t` writes them.
fn words(t: &Strings, action: Action) -> String {
    let (hint, explain) = ((t.hint)(action), (t.explain)(action));
    if hint == explain {
        hint.to_string()
    } else {
        format!("**{hint}** — {explain}")
    }
}
