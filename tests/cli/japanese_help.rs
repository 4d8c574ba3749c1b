//! No English on a Japanese command line: every subcommand's `--help` and a set of
//! failing commands (missing session, bad checklist, bad spreadsheet, signed-off
//! round, unwritable output, usage errors), run with `--lang ja`, hold no English word
//! but names: commands, options and their values (taken from the command itself),
//! placeholders, formats, ids and paths.

use std::collections::BTreeSet;
use std::path::Path;

use clap::CommandFactory;

use crate::common::{kansa_in, run, stderr, stdout};
use kansa::store::Store;

/// Every name the command line itself defines: commands, option names, values.
fn command_names(command: &clap::Command, names: &mut BTreeSet<String>) {
    names.insert(command.get_name().to_string());
    for arg in command.get_arguments() {
        names.insert(arg.get_id().to_string());
        names.extend(arg.get_long().map(str::to_string));
        for value in arg.get_possible_values() {
            names.insert(value.get_name().to_string());
        }
    }
    for sub in command.get_subcommands() {
        command_names(sub, names);
    }
}

/// Names that are not words: formats, placeholders clap writes itself, programs.
const ALLOWED: &[&str] = &[
    "XLSX",
    "xlsx",
    "CSV",
    "csv",
    "ASCII",
    "DOCX",
    "docx",
    "RON",
    "ron",
    "UTF",
    "md",
    "html",
    "ID",
    "Git",
    "KANSA_DATA_DIR",
    "KANSA_AUDITOR",
    "KANSA",
    "DATA",
    "DIR",
    "AUDITOR",
    "OPTIONS",
    // The program as Windows names it in the usage line: kansa.exe.
    "exe",
    "FILE",
    "PATH",
    "NAME",
    "HEX",
    "OS",
    "note",
    "auto",
    "session",
    "sessions",
    "xyz",
    "nosuch",
    // The test's own file names and the unknown command it types.
    "bad",
    "no",
    "such",
    "folder",
    "out",
    "frobnicate",
];

/// The English words of `text`: runs of two or more ASCII letters that are neither
/// an allowed name nor part of a path in the test's temporary folder.
fn english(text: &str, names: &BTreeSet<String>, paths: &[&Path]) -> Vec<String> {
    let mut text = text.to_string();
    for path in paths {
        text = text.replace(&path.display().to_string(), " ");
    }
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() > 1)
        .filter(|w| !names.contains(*w) && !ALLOWED.contains(w))
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}

fn subcommand_paths(command: &clap::Command, path: Vec<String>, all: &mut Vec<Vec<String>>) {
    all.push(path.clone());
    // clap's `help` commands take command names, not --help: the root's is run below.
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let mut next = path.clone();
        next.push(sub.get_name().to_string());
        subcommand_paths(sub, next, all);
    }
}

#[test]
fn every_help_and_failure_is_japanese_with_lang_ja() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    let mut command = kansa::cli::Cli::command();
    command.build();
    let mut names = BTreeSet::new();
    command_names(&command, &mut names);
    let mut paths = Vec::new();
    subcommand_paths(&command, Vec::new(), &mut paths);
    assert!(paths.len() > 20, "{paths:?}");

    let mut found = Vec::new();
    let mut check = |args: Vec<String>, success: bool| {
        let output = run(kansa_in(dir)
            .env("LANG", "C")
            .arg("--lang")
            .arg("ja")
            .args(&args));
        assert_eq!(
            output.status.success(),
            success,
            "{args:?}: {}",
            stderr(&output)
        );
        let text = format!("{}{}", stdout(&output), stderr(&output));
        assert!(!text.trim().is_empty(), "{args:?} says something");
        let words = english(&text, &names, &[dir]);
        if !words.is_empty() {
            found.push(format!("{args:?}: {words:?}\n{text}"));
        }
    };
    for path in &paths {
        let mut args = path.clone();
        args.push("--help".into());
        check(args, true);
    }
    check(vec!["help".into(), "export".into()], true);

    // A signed round, a bad checklist and a bad spreadsheet.
    let store = Store::open(dir).unwrap();
    store
        .create(&kansa::seed::whole_round("s1").unwrap())
        .unwrap();
    let sign = run(kansa_in(dir).args(["sign", "s1", "--by", kansa::seed::LEAD]));
    assert!(sign.status.success(), "{}", stderr(&sign));
    let bad_ron = dir.join("bad.ron");
    std::fs::write(
        &bad_ron,
        "(format: 1, id: \"x\", title: \"t\", scale: [\n  (symbol: 1),\n])",
    )
    .unwrap();
    let bad_csv = dir.join("bad.csv");
    std::fs::write(&bad_csv, "[項目]\n領域,領域名,項目ID,項目\nI,人,I-1,a\nI,人,I-1,b\n[評価]\n記号,名称,キー,意味\n○,適正,1,適合\n").unwrap();
    let bad_xlsx = dir.join("bad.xlsx");
    std::fs::write(&bad_xlsx, "not a workbook").unwrap();
    let unwritable = dir.join("no/such/folder/out.md");
    let failures: Vec<Vec<&str>> = vec![
        vec!["show", "nosuch"],
        vec!["export", "nosuch", "--format", "md", "-o", "-"],
        vec!["validate", bad_ron.to_str().unwrap()],
        vec!["import", "checklist", bad_csv.to_str().unwrap(), "-o", "-"],
        vec!["import", "checklist", bad_xlsx.to_str().unwrap(), "-o", "-"],
        vec!["sign", "s1", "--by", kansa::seed::LEAD],
        vec!["reopen", "s1"],
        vec![
            "export",
            "s1",
            "--format",
            "md",
            "-o",
            unwritable.to_str().unwrap(),
        ],
        vec!["frobnicate"],
        vec!["export", "s1", "--format", "xyz", "-o", "-"],
        vec!["sign", "s1"],
        vec!["list", "--nosuch"],
        vec!["new", "--title", "t", "--date", "2024-13-45"],
    ];
    for args in failures {
        check(args.into_iter().map(String::from).collect(), false);
    }
    assert!(
        found.is_empty(),
        "English on a Japanese command line:\n{}",
        found.join("\n\n")
    );
}
