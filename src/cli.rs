//! The command line: clap definitions, and each subcommand as a thin call into the core.
//! `record` holds the commands of review, sign-off and history.

mod record;

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate};
use clap::{Parser, Subcommand, ValueEnum};
use unicode_width::UnicodeWidthStr;

use crate::auditor::Auditor;
use crate::checklist::Checklist;
use crate::export;
use crate::i18n::Lang;
use crate::marks::MarksDisplay;
use crate::matrix;
use crate::results::Filter;
use crate::session::AuditFacts;
use crate::settings::Settings;
use crate::store::{Store, StoreError};
use crate::tui::{self, App, Context};

#[derive(Debug, Parser)]
#[command(
    name = "kansa",
    version,
    about = "Information-security audit hearings in the terminal"
)]
pub struct Cli {
    /// Where sessions are kept (default: the platform's data directory).
    #[arg(long, global = true, env = "KANSA_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Language of the screens (default: from the locale).
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
        /// 監査実施日, as YYYY-MM-DD.
        #[arg(long)]
        date: Option<NaiveDate>,
        /// An auditor; repeat for several.
        #[arg(long = "auditor", value_name = "NAME")]
        auditors: Vec<String>,
        /// 監査実施責任者.
        #[arg(long, value_name = "NAME")]
        lead: Option<String>,
    },
    /// Open a session's hearing: at the saved position, or at a department's first item.
    Open {
        id: String,
        /// Full or short name of the department to start at.
        #[arg(long, value_name = "NAME")]
        department: Option<String>,
    },
    /// List the sessions: id, title, status, progress, last change.
    List,
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
        /// Output file, or - for standard output.
        #[arg(short = 'o', long = "output", value_name = "PATH")]
        output: PathBuf,
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Md,
    Csv,
    Xlsx,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Report {
    Matrix,
    Departments,
    Summary,
    All,
}

/// Runs the command line; the error is the one-line reason for a non-zero exit.
pub fn run(cli: Cli) -> Result<(), String> {
    let data_dir =
        || Store::data_dir(cli.data_dir.clone()).ok_or("no data directory: pass --data-dir");
    let store =
        || -> Result<Store, String> { Store::open(&data_dir()?).map_err(|e| e.to_string()) };
    let settings =
        || -> Result<Settings, String> { Settings::load(&data_dir()?).map_err(|e| e.to_string()) };
    let marks = || -> Result<MarksDisplay, String> {
        match cli.marks {
            Some(marks) => Ok(marks),
            None => Ok(settings()?.marks),
        }
    };
    let auditor = || -> Result<Auditor, String> {
        Auditor::from_process(cli.as_auditor.as_deref(), || Ok(settings()?.auditor))
    };
    let words = cli.lang.unwrap_or_else(Lang::from_env).review_words();
    let context = || -> Result<Context, String> {
        let t = cli.lang.unwrap_or_else(Lang::from_env).strings();
        let marks = marks()?;
        Ok(Context {
            store: store()?,
            data_dir: data_dir()?,
            actor: auditor()?.name,
            t,
            marks,
        })
    };
    match cli.command {
        None => tui::run(App::at_list(context()?)).map_err(|e| format!("terminal: {e}")),
        Some(Command::Open {
            ref id,
            ref department,
        }) => {
            let context = context()?;
            let t = context.t;
            let app =
                App::at_session(context, id, department.as_deref()).map_err(|e| e.describe(t))?;
            tui::run(app).map_err(|e| format!("terminal: {e}"))
        }
        Some(Command::Show { ref id }) => {
            let session = store()?.load(id).map_err(|e| e.to_string())?;
            print!("{}", matrix::text(&session, &Filter::default(), marks()?));
            Ok(())
        }
        Some(Command::Validate { file }) => validate(&file),
        Some(Command::New {
            checklist,
            title,
            departments,
            date,
            auditors,
            lead,
        }) => {
            let facts = AuditFacts {
                title,
                date,
                auditors,
                lead: lead.unwrap_or_default(),
                ..AuditFacts::default()
            };
            new_session(&store()?, checklist.as_deref(), &departments, facts)
        }
        Some(Command::List) => list(&store()?),
        Some(Command::Export {
            id,
            format,
            report,
            output,
        }) => export(&store()?, &id, format, report, &output),
        Some(
            ref command @ (Command::Review { .. }
            | Command::Sign { .. }
            | Command::Verify { .. }
            | Command::Reopen { .. }
            | Command::History { .. }),
        ) => record::run(command, store, || Ok(auditor()?.name), words),
    }
}

fn validate(file: &Path) -> Result<(), String> {
    let checklist = Checklist::load(file).map_err(|e| e.to_string())?;
    println!("{}: ok — {}", file.display(), checklist.summary());
    Ok(())
}

fn new_session(
    store: &Store,
    checklist: Option<&Path>,
    names: &[String],
    facts: AuditFacts,
) -> Result<(), String> {
    let checklist = match checklist {
        Some(path) => Checklist::load(path).map_err(|e| e.to_string())?,
        None => Checklist::bundled(),
    };
    let names = (!names.is_empty()).then_some(names);
    let now = Local::now().fixed_offset();
    let created = store
        .create_session(checklist, names, facts, now)
        .map_err(|e| match e {
            StoreError::NoDepartments => {
                "no departments: the checklist has no roster; pass --departments".to_string()
            }
            e => e.to_string(),
        })?;
    for name in &created.unlisted {
        eprintln!(
            "kansa: {name} is not on the checklist's roster; added with every item applicable"
        );
    }
    println!("{}", created.session.id);
    Ok(())
}

fn list(store: &Store) -> Result<(), String> {
    let (summaries, errors) = store.list().map_err(|e| e.to_string())?;
    for error in &errors {
        eprintln!("kansa: {error}");
    }
    let rows: Vec<[String; 5]> = summaries
        .iter()
        .map(|s| {
            let percent = (s.answered * 100).checked_div(s.cells).unwrap_or(0);
            let status = match &s.signed_by {
                Some(by) => format!("{} ({by})", s.status),
                None => s.status.clone(),
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
    let header = ["ID", "TITLE", "STATUS", "PROGRESS", "LAST CHANGE"].map(String::from);
    print_table(&header, &rows);
    Ok(())
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
) -> Result<(), String> {
    let session = store.load(id).map_err(|e| e.to_string())?;
    let text = match (format, report) {
        (Format::Csv, Report::Matrix) => export::matrix_csv(&session).map_err(|e| e.to_string())?,
        (Format::Csv, _) => return Err("CSV holds the matrix only: use --report matrix".into()),
        (other, _) => {
            return Err(format!("--format {other:?} is not available yet; use csv").to_lowercase());
        }
    };
    write_output(output, text.as_bytes())
}

fn write_output(output: &Path, bytes: &[u8]) -> Result<(), String> {
    if output == Path::new("-") {
        let mut stdout = std::io::stdout().lock();
        return stdout
            .write_all(bytes)
            .and_then(|_| stdout.flush())
            .map_err(|e| format!("stdout: {e}"));
    }
    std::fs::write(output, bytes).map_err(|e| format!("{}: {e}", output.display()))
}
