//! The command line: clap definitions, and each subcommand as a thin call into the core.
//! `record` holds the commands of review, sign-off and history; `team` those of parts,
//! merges and conflicts.

mod record;
mod selfcheck;
mod team;

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate};
use clap::{Parser, Subcommand, ValueEnum};
use unicode_width::UnicodeWidthStr;

use crate::auditor::Auditor;
use crate::checklist::Checklist;
use crate::error::{FileError, IoReason};
use crate::export;
use crate::i18n::{Describe, Lang, MESSAGES_EN, Messages, SheetStrings, located};
use crate::marks::MarksDisplay;
use crate::matrix;
use crate::results::Filter;
use crate::session::{AuditFacts, Session};
use crate::settings::Settings;
use crate::sheet;
use crate::store::{Store, StoreError};
use crate::tui::{self, App, Context};

#[derive(Debug, Parser)]
#[command(
    name = "kansa",
    version = concat!(env!("CARGO_PKG_VERSION"), " (", env!("KANSA_TARGET"), ")"),
    about = "Information-security audit hearings in the terminal"
)]
pub struct Cli {
    /// Where sessions are kept (default: the platform's data directory).
    #[arg(long, global = true, env = "KANSA_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Language of the screens and messages (default: from the locale).
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
        /// Checklist file (default: the bundled seed checklist).
        #[arg(long, value_name = "FILE")]
        checklist: Option<PathBuf>,
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
    Show { id: String },
    /// Check a checklist file.
    Validate { file: PathBuf },
    /// Write a report of a session.
    Export {
        id: String,
        #[arg(long, value_enum)]
        format: Format,
        #[arg(long, value_enum, default_value = "matrix")]
        report: Report,
        /// Output file, or - for standard output (a folder for one self-check workbook
        /// per department).
        #[arg(short = 'o', long = "output", value_name = "PATH")]
        output: PathBuf,
        /// Only these departments (full or short names): the part handed out with
        /// --format session, or the self-check sheets.
        #[arg(long, value_delimiter = ',', value_name = "A,B,…")]
        departments: Vec<String>,
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
    /// Read something kansa keeps from a spreadsheet.
    Import {
        #[command(subcommand)]
        what: Import,
    },
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
    /// A part of the round for another auditor (with --departments).
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

impl Cli {
    /// The language of the screens and of what kansa prints: `--lang`, else the locale.
    pub fn language(&self) -> Lang {
        self.lang.unwrap_or_else(Lang::from_env)
    }
}

/// Why a command failed: kept typed up to the edge, which words it in the user's
/// language (`Describe`) as the one-line reason for a non-zero exit.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// No --data-dir, no KANSA_DATA_DIR and no platform data directory.
    NoDataDir,
    File(#[from] FileError),
    Store(#[from] StoreError),
    NoDepartments,
    /// `--report answers` is a CSV of every answer, nothing else.
    AnswersCsvOnly,
    /// A report that needs what this build does not have yet.
    ReportNotYet(String),
    /// A binary format (xlsx, docx) asked for on standard output.
    BinaryToStdout(String),
    /// A report that cannot be made in a format, or failed to be written.
    Export(#[from] crate::export::ExportError),
    Csv(#[from] csv::Error),
    /// Writing the output failed; `path` is `-` for standard output.
    Output {
        path: PathBuf,
        source: io::Error,
    },
    Terminal(#[source] io::Error),
    /// Why the screens could not start, already in words.
    Screen(String),
    /// Review, sign-off, verify, reopen or history failed or refused, already in words.
    Record(String),
    /// A spreadsheet checklist that cannot be read or written, already in words
    /// (naming the file, sheet and cell).
    Sheet(String),
    /// A part, import, merge or resolve refused, already in words.
    Team(String),
}

impl Describe for CliError {
    fn describe(&self, m: &Messages) -> String {
        match self {
            CliError::NoDataDir => m.no_data_dir.to_string(),
            CliError::File(error) => error.describe(m),
            CliError::Store(error) => error.describe(m),
            CliError::NoDepartments => m.no_departments.to_string(),
            CliError::AnswersCsvOnly => m.answers_csv_only.to_string(),
            CliError::ReportNotYet(report) => (m.report_not_yet)(report),
            CliError::BinaryToStdout(format) => (m.binary_to_stdout)(format),
            CliError::Export(error) => error.describe(m),
            CliError::Csv(error) => (m.csv_failed)(&error.to_string()),
            CliError::Output { path, source } => {
                let reason = IoReason::from(source).describe(m);
                if path == Path::new("-") {
                    format!("{}: {reason}", m.stdout)
                } else {
                    located(path, None, &reason)
                }
            }
            CliError::Terminal(error) => (m.terminal)(&IoReason::from(error).describe(m)),
            CliError::Screen(reason)
            | CliError::Sheet(reason)
            | CliError::Record(reason)
            | CliError::Team(reason) => reason.clone(),
        }
    }
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(&MESSAGES_EN))
    }
}

/// A date as people type it, in any form the era conversion reads.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    crate::wareki::parse(text).map_err(|e| e.to_string())
}

/// Runs the command line, printing in `cli.language()`; the caller words the error.
pub fn run(mut cli: Cli) -> Result<(), CliError> {
    let command = cli.command.take();
    let env = Env::new(&cli);
    match command {
        None => tui::run(App::at_list(env.context()?)).map_err(CliError::Terminal),
        Some(Command::Open { id, department }) => env.open(&id, department.as_deref()),
        Some(command @ (Command::Export { .. } | Command::Import { .. })) => env.exchange(command),
        Some(
            ref command @ (Command::Merge { .. }
            | Command::MergeDriver { .. }
            | Command::Resolve { .. }),
        ) => team::run(
            command,
            || env.store().map_err(|e| e.describe(env.m)),
            || env.auditor().map(|a| a.name).map_err(|e| e.describe(env.m)),
            env.m,
            env.words,
        )
        .map_err(CliError::Team),
        Some(
            ref command @ (Command::Review { .. }
            | Command::Sign { .. }
            | Command::Verify { .. }
            | Command::Reopen { .. }
            | Command::History { .. }),
        ) => record::run(
            command,
            || env.store().map_err(|e| e.describe(env.m)),
            || env.auditor().map(|a| a.name).map_err(|e| e.describe(env.m)),
            env.words,
        )
        .map_err(CliError::Record),
        Some(command) => env.rounds(command),
    }
}

/// What every command may need, each made when first asked for: the data directory
/// and its store, the settings, who is working, the words of the user's language.
struct Env<'a> {
    cli: &'a Cli,
    lang: Lang,
    m: &'static Messages,
    words: &'static crate::i18n::ReviewWords,
}

impl<'a> Env<'a> {
    fn new(cli: &'a Cli) -> Env<'a> {
        let lang = cli.language();
        Env {
            cli,
            lang,
            m: lang.messages(),
            words: lang.review_words(),
        }
    }

    fn data_dir(&self) -> Result<PathBuf, CliError> {
        Store::data_dir(self.cli.data_dir.clone()).ok_or(CliError::NoDataDir)
    }

    /// The store, saying once which folders it made owner-only.
    fn store(&self) -> Result<Store, CliError> {
        let store = Store::open(&self.data_dir()?)?;
        for folder in store.tightened() {
            eprintln!(
                "kansa: {}",
                (self.m.tightened)(&folder.display().to_string())
            );
        }
        Ok(store)
    }

    fn settings(&self) -> Result<Settings, CliError> {
        Ok(Settings::load(&self.data_dir()?)?)
    }

    fn marks(&self) -> Result<MarksDisplay, CliError> {
        match self.cli.marks {
            Some(marks) => Ok(marks),
            None => Ok(self.settings()?.marks),
        }
    }

    fn auditor(&self) -> Result<Auditor, CliError> {
        Auditor::from_process(self.cli.as_auditor.as_deref(), || {
            Ok(self.settings()?.auditor)
        })
    }

    fn context(&self) -> Result<Context, CliError> {
        let marks = self.marks()?;
        let auditor = self.auditor()?;
        Ok(Context {
            store: self.store()?,
            data_dir: self.data_dir()?,
            actor_chosen: auditor.is_chosen(),
            actor: auditor.name,
            t: self.lang.strings(),
            marks,
        })
    }

    /// `kansa open ID|FILE`: a session file from another laptop is brought in first.
    fn open(&self, id: &str, department: Option<&str>) -> Result<(), CliError> {
        let id = match session_file(id) {
            Some(file) => {
                let actor = self.auditor()?.name;
                team::open_file(&self.store()?, file, &actor, self.m, self.words)
                    .map_err(CliError::Team)?
            }
            None => id.to_string(),
        };
        let context = self.context()?;
        let t = context.t;
        let app = App::at_session(context, &id, department)
            .map_err(|e| CliError::Screen(e.describe(t)))?;
        tui::run(app).map_err(CliError::Terminal)
    }

    /// Rounds and what is printed of them: new, list, show, diff, delete, restore,
    /// validate.
    fn rounds(&self, command: Command) -> Result<(), CliError> {
        let m = self.m;
        match command {
            Command::Show { id } => {
                let session = self.store()?.load(&id)?;
                let words = self.lang.sheet();
                let marks = self.marks()?;
                print!(
                    "{}",
                    matrix::text(&session, &Filter::default(), marks, words)
                );
                print_scores(&session, words, marks);
                Ok(())
            }
            Command::Validate { file } => validate(&file, m),
            Command::New {
                checklist,
                title,
                departments,
                date,
                auditors,
                lead,
                from,
            } => {
                let facts = AuditFacts {
                    title,
                    date,
                    auditors,
                    lead: lead.unwrap_or_default(),
                    ..AuditFacts::default()
                };
                let store = self.store()?;
                match from {
                    Some(from) => new_round(&store, &from, checklist.as_deref(), facts, m),
                    None => new_session(&store, checklist.as_deref(), &departments, facts, m),
                }
            }
            Command::Diff { a, b } => diff(&self.store()?, &a, &b),
            Command::List => list(&self.store()?, m),
            Command::Delete { id } => Ok(self.store()?.delete(&id)?),
            Command::Restore { id } => Ok(self.store()?.restore(&id)?),
            // The layout is Japanese, and so is its explaining sheet unless --lang says so.
            Command::ExportChecklist { file, output } => {
                export_checklist(file.as_deref(), &output, self.cli.lang.unwrap_or(Lang::Ja))
            }
            _ => Ok(()),
        }
    }

    /// Files in and out: reports, parts of a round, self-check sheets, checklists.
    fn exchange(&self, command: Command) -> Result<(), CliError> {
        let (m, lang) = (self.m, self.lang);
        match command {
            Command::Export {
                id,
                format,
                report: report @ (Report::Selfcheck | Report::SelfcheckResults),
                output,
                departments,
            } => {
                let session = self.store()?.load(&id)?;
                selfcheck::export(&session, format, report, &departments, &output, lang)
            }
            Command::Export {
                id,
                format: Format::Session,
                departments,
                output,
                ..
            } => team::export_part(&self.store()?, &id, &departments, &output, m)
                .map_err(CliError::Team),
            Command::Export {
                id,
                format,
                report,
                output,
                ..
            } => export(&self.store()?, &id, format, report, &output, lang),
            Command::Import {
                what: Import::Selfcheck { id, files },
            } => selfcheck::import(&self.store()?, &id, &files, &self.auditor()?.name, lang),
            Command::Import {
                what: Import::Session { file },
            } => team::import(&self.store()?, &file, m).map_err(CliError::Team),
            Command::Import {
                what: Import::Checklist { file, output },
            } => import_checklist(&file, &output, lang),
            _ => Ok(()),
        }
    }
}

/// The path `kansa open` was given, when it names a session file rather than an id:
/// an existing file, named with a folder or ending in .ron.
fn session_file(target: &str) -> Option<&Path> {
    let path = Path::new(target);
    let named_as_file = target.contains(['/', '\\']) || target.ends_with(".ron");
    (named_as_file && path.is_file()).then_some(path)
}

/// Each department's score and band after the matrix, when the scale has points.
fn print_scores(session: &Session, words: &SheetStrings, marks: MarksDisplay) {
    let scores = matrix::score_text(session, words, marks);
    if !scores.is_empty() {
        print!("\n{scores}");
    }
}

fn validate(file: &Path, m: &Messages) -> Result<(), CliError> {
    let checklist = Checklist::load(file)?;
    println!("{}", checklist.summary(file, m));
    Ok(())
}

fn new_session(
    store: &Store,
    checklist: Option<&Path>,
    names: &[String],
    facts: AuditFacts,
    m: &Messages,
) -> Result<(), CliError> {
    let checklist = match checklist {
        Some(path) => Checklist::load(path)?,
        None => Checklist::bundled(),
    };
    let names = (!names.is_empty()).then_some(names);
    let now = Local::now().fixed_offset();
    let created = store
        .create_session(checklist, names, facts, now)
        .map_err(|e| match e {
            StoreError::NoDepartments => CliError::NoDepartments,
            e => CliError::Store(e),
        })?;
    for name in &created.unlisted {
        eprintln!("kansa: {}", (m.not_on_roster)(name));
    }
    println!("{}", created.session.id);
    Ok(())
}

/// A session named by id, or by the path of a session file.
fn load_either(store: &Store, target: &str) -> Result<Session, CliError> {
    let path = Path::new(target);
    if path.is_file() {
        return Ok(Store::load_file(path)?);
    }
    Ok(store.load(target)?)
}

/// `kansa new --from`: a new round from an earlier one; what was given on the command
/// line (date, auditors, lead) replaces what the earlier round had.
fn new_round(
    store: &Store,
    from: &str,
    checklist: Option<&Path>,
    given: AuditFacts,
    m: &Messages,
) -> Result<(), CliError> {
    let earlier = load_either(store, from)?;
    let checklist = checklist.map(Checklist::load).transpose()?;
    let now = Local::now().fixed_offset();
    let mut session =
        Session::next_round(&earlier, store.new_id(now), &given.title, checklist, now);
    session.facts.date = given.date;
    if !given.auditors.is_empty() {
        session.facts.auditors = given.auditors;
    }
    if !given.lead.is_empty() {
        session.facts.lead = given.lead;
    }
    store.create(&session)?;
    if let Some(previous) = &session.previous {
        for removed in &previous.removed {
            eprintln!("kansa: {}", (m.item_removed)(&removed.id, &removed.text));
        }
    }
    println!("{}", session.id);
    Ok(())
}

/// `kansa diff A B`: one tab-separated line per cell that differs.
fn diff(store: &Store, a: &str, b: &str) -> Result<(), CliError> {
    let (a, b) = (load_either(store, a)?, load_either(store, b)?);
    let mut out = String::new();
    for cell in crate::rounds::diff(&a, &b) {
        let note = if cell.note_changed { "\tnote" } else { "" };
        out.push_str(&format!(
            "{}\t{}\t{}\t{}{note}\n",
            cell.department,
            cell.item,
            cell.before.unwrap_or_default(),
            cell.after.unwrap_or_default()
        ));
    }
    write_output(Path::new("-"), out.as_bytes())
}

fn list(store: &Store, m: &Messages) -> Result<(), CliError> {
    let (summaries, errors) = store.list()?;
    for error in &errors {
        eprintln!("kansa: {}", error.describe(m));
    }
    let rows: Vec<[String; 5]> = summaries
        .iter()
        .map(|s| {
            let percent = (s.answered * 100).checked_div(s.cells).unwrap_or(0);
            let shown = status(&s.status, m);
            let status = match &s.signed_by {
                Some(by) => format!("{shown} ({by})"),
                None => shown.to_string(),
            };
            [
                s.id.clone(),
                s.title.clone(),
                status,
                format!("{}/{} ({percent}%)", s.answered, s.cells),
                s.last_change.format("%Y-%m-%d %H:%M").to_string(),
            ]
        })
        .collect();
    let header = m.list_header.map(String::from);
    print_table(&header, &rows);
    Ok(())
}

/// A session's status in words; one this build does not know is shown as stored.
fn status<'a>(status: &'a str, m: &'a Messages) -> &'a str {
    match status {
        "open" => m.status_open,
        "signed" => m.status_signed,
        "answered" => m.status_answered,
        other => other,
    }
}

/// Prints rows in columns padded to their display width (Japanese takes two cells).
fn print_table<const N: usize>(header: &[String; N], rows: &[[String; N]]) {
    let mut widths = header.clone().map(|h| h.width());
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    for row in std::iter::once(header).chain(rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(cell, width)| format!("{cell}{}", " ".repeat(width - cell.width())))
            .collect();
        println!("{}", cells.join("  ").trim_end());
    }
}

fn export(
    store: &Store,
    id: &str,
    format: Format,
    report: Report,
    output: &Path,
    lang: Lang,
) -> Result<(), CliError> {
    let session = store.load(id)?;
    if report == Report::Answers {
        if format != Format::Csv {
            return Err(CliError::AnswersCsvOnly);
        }
        return write_output(output, export::answers_csv(&session)?.as_bytes());
    }
    let report = match report {
        Report::Matrix => export::Report::Matrix,
        Report::Summary => export::Report::Summary,
        Report::Departments => export::Report::Departments,
        Report::All => export::Report::All,
        Report::Answers => return Err(CliError::AnswersCsvOnly),
        // Dispatched to the self-check sheets before this function is reached.
        Report::Selfcheck | Report::SelfcheckResults => {
            return Err(CliError::ReportNotYet("selfcheck".into()));
        }
        Report::Compare => export::Report::Compare,
    };
    let format = match format {
        Format::Md => export::Format::Md,
        Format::Csv => export::Format::Csv,
        Format::Xlsx => export::Format::Xlsx,
        Format::Html => export::Format::Html,
        Format::Docx => export::Format::Docx,
        Format::Session => return Err(CliError::ReportNotYet("session".into())),
    };
    if output == Path::new("-") && !format.is_text() {
        return Err(CliError::BinaryToStdout(format.to_string()));
    }
    let bytes = export::write(&session, report, format, lang)?;
    write_output(output, &bytes)
}

/// Writes to standard output for `-`, else the file whole or not at all, 0600
/// (`export::save`).
fn write_output(output: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let fail = |source: std::io::Error| CliError::Output {
        path: output.to_path_buf(),
        source,
    };
    if output == Path::new("-") {
        let mut stdout = std::io::stdout().lock();
        return stdout
            .write_all(bytes)
            .and_then(|_| stdout.flush())
            .map_err(fail);
    }
    export::save(output, bytes).map_err(fail)
}

fn import_checklist(file: &Path, output: &Path, lang: Lang) -> Result<(), CliError> {
    let words = lang.sheet();
    let (checklist, text) =
        sheet::import(file, output, words).map_err(|e| CliError::Sheet(e.to_string()))?;
    write_output(output, text.as_bytes())?;
    if output != Path::new("-") {
        println!("{}", checklist.summary(output, lang.messages()));
    }
    Ok(())
}

fn export_checklist(file: Option<&Path>, output: &Path, lang: Lang) -> Result<(), CliError> {
    let checklist = match file {
        Some(path) => Checklist::load(path)?,
        None => Checklist::bundled(),
    };
    let csv = output == Path::new("-")
        || output
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let bytes = if csv {
        sheet::to_csv(&checklist)
            .map_err(|e| CliError::Sheet(e.to_string()))?
            .into_bytes()
    } else {
        sheet::to_xlsx(&checklist, lang.sheet())
            .map_err(|e| CliError::Sheet(format!("{}: {e}", output.display())))?
    };
    write_output(output, &bytes)
}
