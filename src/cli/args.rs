//! The command line as clap reads it: the options, the commands and their arguments.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::{Describe, Lang};
use crate::marks::MarksDisplay;

#[derive(Debug, Parser)]
#[command(
    name = "kansa",
    version = concat!(
        env!("CARGO_PKG_VERSION"),
        " commit ",
        env!("KANSA_COMMIT"),
        " (",
        env!("KANSA_TARGET"),
        ")"
    ),
    about = "Information-security audit hearings in the terminal"
)]
pub struct Cli {
    /// Where sessions are kept (default: the platform's data directory).
    #[arg(long, global = true, env = "KANSA_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Language of the screens and messages (default: the choice saved with `kansa config lang`, else the OS's language).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// How marks are drawn: narrow, wide (terminals that draw ○△× two cells wide) or
    /// ascii (default: the last choice made in the matrix, else narrow).
    #[arg(long, global = true, value_enum)]
    pub marks: Option<MarksDisplay>,
    /// Who is working, as the history and the lock name them (default: $KANSA_AUDITOR,
    /// else the name chosen in the screens, else the login name).
    #[arg(long = "as", global = true, value_name = "NAME")]
    pub as_auditor: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a session and print its id.
    New {
        /// Checklist file (default: the bundled seed checklist); repeat for several
        /// checklists in one round, the first being the main one.
        #[arg(long, value_name = "FILE")]
        checklist: Vec<PathBuf>,
        #[arg(long)]
        title: String,
        /// Departments of this round, full or short names (default: the roster).
        #[arg(long, value_delimiter = ',', value_name = "A,B,…")]
        departments: Vec<String>,
        /// 監査実施日: 2024-09-27, 2024/9/27, 令和6年9月27日 or R6.9.27.
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// An auditor; repeat for several.
        #[arg(long = "auditor", value_name = "NAME")]
        auditors: Vec<String>,
        /// 監査実施責任者.
        #[arg(long, value_name = "NAME")]
        lead: Option<String>,
        /// Start from an earlier round (a session id or file): its departments, facts
        /// and checklist (or --checklist, matched item by item); its answers are kept
        /// as the previous ones, never copied as marks.
        #[arg(long, value_name = "ID|FILE", conflicts_with = "departments")]
        from: Option<String>,
    },
    /// Add a checklist to an open round, after its others, for the departments the
    /// checklist says; recorded in its history.
    AddChecklist {
        id: String,
        /// The checklist file to add (its id must differ from the round's checklists').
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Print the cells that differ between two sessions, one line each:
    /// department, item, mark in A, mark in B (tab-separated; a fifth column `note`
    /// when the note differs).
    Diff {
        #[arg(value_name = "A")]
        a: String,
        #[arg(value_name = "B")]
        b: String,
    },
    /// Open a session's hearing: at the saved position, or at a department's first item.
    /// A session file (from another auditor) is brought in first: imported, or merged
    /// into the session here.
    Open {
        #[arg(value_name = "ID|FILE")]
        id: String,
        /// Full or short name of the department to start at.
        #[arg(long, value_name = "NAME")]
        department: Option<String>,
    },
    /// List the sessions: id, title, status, progress, last change.
    List,
    /// Move a session into the trash folder of the data directory (nothing is destroyed).
    Delete { id: String },
    /// Bring a session back from the trash.
    Restore { id: String },
    /// Print a session's results matrix (結果一覧) as text.
    Show {
        id: String,
        /// One of the round's checklists, by id or title (default: the main one).
        #[arg(long, value_name = "NAME")]
        checklist: Option<String>,
    },
    /// Check a checklist file.
    Validate { file: PathBuf },
    /// Save a choice that outlives this command.
    Config {
        #[command(subcommand)]
        setting: Setting,
    },
    /// Write a report of a session.
    Export {
        id: String,
        #[arg(long, value_enum, required_unless_present = "evidence")]
        format: Option<Format>,
        #[arg(long, value_enum, default_value = "matrix")]
        report: Report,
        /// Output file, or - for standard output (a folder for one self-check workbook
        /// per department).
        #[arg(
            short = 'o',
            long = "output",
            value_name = "PATH",
            required_unless_present = "evidence"
        )]
        output: Option<PathBuf>,
        /// Write the body of evidence instead: a folder per department and item with
        /// the attached files and an index (CSV, HTML), in DIR or FILE.zip.
        #[arg(long, value_name = "DIR|FILE.zip", conflicts_with_all = ["format", "output"])]
        evidence: Option<PathBuf>,
        /// Only these departments (full or short names): the part handed out with
        /// --format session (without it, the whole round), or the self-check sheets.
        #[arg(long, value_delimiter = ',', value_name = "A,B,…")]
        departments: Vec<String>,
        /// The report of one of the round's checklists, by id or title (default: the
        /// main one): its 結果一覧, 実施報告書 and 結果報告書.
        #[arg(long, value_name = "NAME")]
        checklist: Option<String>,
    },
    /// Bring every change of session files (parts of this round heard by others) into
    /// the session; conflicts are listed, never resolved silently.
    Merge {
        id: String,
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Git's merge driver for session files: `kansa merge-driver %O %A %B` writes the
    /// merged session to %A.
    MergeDriver {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
    },
    /// Settle the conflicts of an item (mark, note, fields) or an area (所見, 指摘事項)
    /// of a department with the value one auditor wrote.
    Resolve {
        id: String,
        #[arg(long, value_name = "NAME")]
        department: String,
        #[arg(long, value_name = "I")]
        item: Option<String>,
        #[arg(long, value_name = "A")]
        area: Option<String>,
        /// The auditor whose value is kept.
        #[arg(long, value_name = "NAME")]
        keep: String,
    },
    /// List what blocks sign-off, one line each; exit 0 only when nothing blocks.
    Review { id: String },
    /// Sign a session off when nothing blocks it, and print the digest.
    Sign {
        id: String,
        /// The signer: one of the round's auditors or its 監査実施責任者.
        #[arg(long, value_name = "NAME")]
        by: String,
    },
    /// Check that a signed session is unchanged since sign-off.
    Verify {
        /// A session id, or the path of a session file.
        #[arg(value_name = "ID|FILE")]
        target: String,
        /// The digest printed at sign-off (at least 8 hex digits).
        #[arg(long, value_name = "HEX")]
        digest: Option<String>,
    },
    /// Make a signed session editable again; it must then be signed again.
    Reopen {
        id: String,
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
    /// Print every change: when, who, what, old → new.
    History {
        id: String,
        /// Only the changes of this department (full or short name).
        #[arg(long, value_name = "D")]
        department: Option<String>,
        /// Only the changes of this item.
        #[arg(long, value_name = "I")]
        item: Option<String>,
    },
    /// Attach files as evidence (証跡) to a cell (--item) or to a department's finding
    /// (--area); each file is kept by its content beside the session.
    Attach {
        id: String,
        /// Full or short name of the department.
        #[arg(long, value_name = "D")]
        department: String,
        /// The item (the cell) the files are evidence of.
        #[arg(
            long,
            value_name = "I",
            required_unless_present = "area",
            conflicts_with = "area"
        )]
        item: Option<String>,
        /// The area whose 所見 and 指摘事項 the files are evidence of.
        #[arg(long, value_name = "A")]
        area: Option<String>,
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// A note kept with each file.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// List the files attached as evidence, one line each with its id.
    Evidence {
        id: String,
        /// Only this department's (full or short name).
        #[arg(long, value_name = "D")]
        department: Option<String>,
        /// Only this item's.
        #[arg(long, value_name = "I")]
        item: Option<String>,
    },
    /// Detach a file given as evidence; its stored copy stays for the history.
    Detach {
        id: String,
        /// The id `kansa evidence` lists (or a unique start of it).
        #[arg(value_name = "EVIDENCE_ID")]
        evidence: String,
    },
    /// Read something kansa keeps from a spreadsheet.
    Import {
        #[command(subcommand)]
        what: Import,
    },
    /// Print a completion script for a shell: bash, zsh, fish or powershell (e.g.
    /// `kansa completions bash > /etc/bash_completion.d/kansa`).
    Completions { shell: clap_complete::Shell },
    /// Write a checklist in the spreadsheet layout `import checklist` reads: XLSX with a
    /// sheet explaining each column, or a CSV of sections when PATH ends in .csv.
    ExportChecklist {
        /// Checklist file (default: the bundled seed checklist).
        file: Option<PathBuf>,
        /// Output file (.xlsx or .csv), or - for the CSV on standard output.
        #[arg(short = 'o', long = "output", value_name = "PATH")]
        output: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum Import {
    /// A checklist from FILE.xlsx or FILE.csv (sheets 項目, 評価, 部署…), written as
    /// commented RON and validated.
    Checklist {
        file: PathBuf,
        /// The RON checklist to write, or - for standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },
    /// Departments' returned self-check workbooks, as their self-assessment (never as
    /// the audit's marks). Nothing is imported when any file has a problem.
    Selfcheck {
        id: String,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// A session file from another auditor, into the data directory under its own id.
    Session { file: PathBuf },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Md,
    Csv,
    Xlsx,
    Html,
    Docx,
    /// The round for another auditor: a part with --departments, else the whole.
    Session,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Report {
    Matrix,
    Departments,
    Summary,
    /// This round against the one it was started from (`new --from`).
    Compare,
    All,
    /// Every answer, one row per department and item: mark, meaning, points, note and
    /// the answer fields (CSV).
    Answers,
    /// As xlsx: the departments' self-check workbooks (`-o` a folder: one per
    /// department; a file: a sheet per department). As md, csv or html: the comparison
    /// of the departments' own view with the audit's.
    Selfcheck,
    /// The comparison of the departments' own view with the audit's, in any format.
    SelfcheckResults,
}

/// What `kansa config` saves.
#[derive(Debug, Clone, Copy, Subcommand)]
pub enum Setting {
    /// The language of the screens and messages: ja, en, or auto (the OS's language).
    Lang {
        #[arg(value_enum)]
        choice: LangChoice,
    },
    /// The largest file accepted as evidence, in MB (default 100).
    EvidenceLimit {
        #[arg(value_name = "MB", value_parser = clap::value_parser!(u64).range(1..))]
        mb: u64,
    },
}

/// A saved language, or none (`auto`: the OS decides).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangChoice {
    Ja,
    En,
    Auto,
}

impl LangChoice {
    pub fn saved(self) -> Option<crate::language::Language> {
        match self {
            LangChoice::Ja => Some(crate::language::Language::Ja),
            LangChoice::En => Some(crate::language::Language::En),
            LangChoice::Auto => None,
        }
    }
}

impl Cli {
    /// The language of the screens and of what kansa prints: `--lang`, else the
    /// choice saved with `kansa config lang`, else the OS's language, else English.
    pub fn language(&self) -> Lang {
        let saved = crate::store::Store::data_dir(self.data_dir.clone())
            .and_then(|dir| crate::settings::Settings::load(&dir).ok())
            .and_then(|settings| settings.lang);
        Lang::choose(self.lang, saved)
    }
}

/// A date as people type it, in any form the era conversion reads; the reason it is
/// not one is worded in the locale's language (`--lang` is not read yet).
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    crate::wareki::parse(text).map_err(|e| e.localized(Lang::from_os()))
}
