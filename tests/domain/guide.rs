//! The Japanese guide (`docs/ja/guide.md`) tells the truth: every command it shows
//! parses as kansa's command line parses it, and every key it names is bound where it
//! says. A guide that lies is worse than none.

use clap::CommandFactory;
use kansa::checklist::Checklist;
use kansa::keymap::{self, Binding};

const GUIDE: &str = include_str!("../../docs/ja/guide.md");

/// A command line as a shell splits it: words, with "…" kept together.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut started = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                started = true;
            }
            c if c.is_whitespace() && !quoted => {
                if started {
                    words.push(std::mem::take(&mut word));
                }
                started = false;
            }
            c => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        words.push(word);
    }
    words
}

/// Every command the guide shows: the lines of its console blocks, and `kansa …` in
/// the text; `.\kansa.exe` is the same program.
fn commands() -> Vec<String> {
    let mut found = Vec::new();
    let mut in_console = false;
    for line in GUIDE.lines() {
        if line.starts_with("```") {
            in_console = line == "```console";
            continue;
        }
        if in_console && let Some(command) = line.strip_prefix("> ") {
            found.push(command.replace(r".\kansa.exe", "kansa"));
        }
        for span in line.split('`').skip(1).step_by(2) {
            if span.starts_with("kansa ") {
                found.push(span.to_string());
            }
        }
    }
    found
}

#[test]
fn every_command_in_the_guide_parses() {
    let commands = commands();
    assert!(
        commands.len() >= 20,
        "the guide shows {} commands",
        commands.len()
    );
    for command in commands {
        let args = words(&command);
        assert_eq!(args.first().map(String::as_str), Some("kansa"), "{command}");
        // The text names a subcommand alone (「`kansa verify` で…」): it must exist.
        if let [_, name] = args.as_slice()
            && !name.starts_with('-')
        {
            let cli = kansa::cli::Cli::command();
            assert!(
                cli.find_subcommand(name).is_some(),
                "the guide names `{command}`"
            );
            continue;
        }
        let parsed = kansa::cli::Cli::command().try_get_matches_from(&args);
        let help = parsed
            .as_ref()
            .err()
            .is_some_and(|e| e.kind() == clap::error::ErrorKind::DisplayHelp);
        let error = parsed.as_ref().err().map(|e| e.render().to_string());
        assert!(
            parsed.is_ok() || help,
            "the guide shows `{command}`: {error:?}"
        );
    }
}

/// The key table a `<!-- keys: NAME -->` comment names.
fn table(name: &str) -> &'static [Binding] {
    match name {
        "ITEM" => keymap::ITEM,
        "MATRIX" => keymap::MATRIX,
        "SHEET" => keymap::SHEET,
        "REVIEW" => keymap::REVIEW,
        "EDITOR" => keymap::EDITOR,
        "EXPORT" => keymap::EXPORT,
        "LIST" => keymap::LIST,
        "PATH" => keymap::PATH,
        other => panic!("the guide names a key table kansa does not have: {other}"),
    }
}

fn bound(table: &[Binding], key: &str) -> bool {
    table.iter().flat_map(|b| b.keys).any(|k| k.label() == key)
}

/// The keys in the first column of each table the guide heads with the name of a key
/// table, as (table, key).
fn keys_in_tables() -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut current: Option<String> = None;
    for line in GUIDE.lines() {
        if let Some(name) = line
            .strip_prefix("<!-- keys: ")
            .and_then(|l| l.strip_suffix(" -->"))
        {
            current = Some(name.to_string());
        } else if !line.starts_with('|') {
            if !line.is_empty() {
                current = None;
            }
        } else if let Some(name) = &current {
            let first = line.split('|').nth(1).unwrap_or("");
            for key in first.split('`').skip(1).step_by(2) {
                found.push((name.clone(), key.to_string()));
            }
        }
    }
    found
}

#[test]
fn every_key_in_the_guides_tables_is_bound_there() {
    let marks: Vec<String> = Checklist::bundled()
        .scale
        .iter()
        .map(|m| m.key.to_string())
        .collect();
    let keys = keys_in_tables();
    assert!(
        keys.len() >= 40,
        "the guide's tables name {} keys",
        keys.len()
    );
    for (name, key) in keys {
        let is_mark = marks.contains(&key) && (name == "ITEM" || name == "MATRIX");
        assert!(
            is_mark || bound(table(&name), &key),
            "the guide says `{key}` works in {name}, but that table does not bind it"
        );
    }
}

#[test]
fn every_key_the_guide_names_in_its_text_is_bound_somewhere() {
    let marks: Vec<String> = Checklist::bundled()
        .scale
        .iter()
        .flat_map(|m| [m.key.to_string(), keymap::Key::char(m.key).label()])
        .collect();
    let full_width = ["１", "２", "３", "０"];
    for line in GUIDE.lines().filter(|l| !l.starts_with('|')) {
        for span in line.split('`').skip(1).step_by(2) {
            let is_key = span.chars().count() == 1 || ["Enter", "Esc", "Tab"].contains(&span);
            if !is_key || full_width.contains(&span) || marks.contains(&span.to_string()) {
                continue;
            }
            assert!(
                keymap::ALL.iter().any(|t| bound(t, span)),
                "the guide names the key `{span}`, which no screen binds"
            );
        }
    }
}
