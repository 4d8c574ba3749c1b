//! The command line: clap definitions, and each subcommand as a thin call into the core.

use std::cell::Cell;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate};
use clap::{Parser, Subcommand, ValueEnum};
use unicode_width::UnicodeWidthStr;

use crate::checklist::{Checklist, Department};
use crate::export;
use crate::i18n::Lang;
use crate::marks::MarksDisplay;
use crate::matrix::{self, Filter};
use crate::session::{AuditFacts, Session};
use crate::settings::Settings;
use crate::store::Store;
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Md,
    Csv,
    Xlsx,
    Html,
    Docx,
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
    let marks = || -> Result<MarksDisplay, String> {
        match cli.marks {
            Some(marks) => Ok(marks),
            None => Ok(Settings::load(&data_dir()?)
                .map_err(|e| e.to_string())?
                .marks),
        }
    };
    let context = || -> Result<Context, String> {
        let t = cli.lang.unwrap_or_else(Lang::from_env).strings();
        let marks = Cell::new(marks()?);
        Ok(Context {
            store: store()?,
            data_dir: data_dir()?,
            actor: actor(),
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
            let app = App::at_session(context()?, id, department.as_deref())?;
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
            };
            new_session(&store()?, checklist.as_deref(), &departments, facts)
        }
        Some(Command::List) => list(&store()?),
        Some(Command::Export {
            id,
            format,
            report,
            output,
        }) => {
            let lang = cli.lang.unwrap_or_else(Lang::from_env);
            export(&store()?, &id, format, report, &output, lang)
        }
    }
}

/// Who is making changes, for the history: the login name.
fn actor() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        .unwrap_or_else(|| "unknown".to_string())
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
    let departments = choose_departments(&checklist, names);
    if departments.is_empty() {
        return Err("no departments: the checklist has no roster; pass --departments".into());
    }
    let now = Local::now().fixed_offset();
    let session = Session::new(store.new_id(now), checklist, departments, facts, now);
    store.create(&session).map_err(|e| e.to_string())?;
    println!("{}", session.id);
    Ok(())
}

/// The roster entries named (full or short name), in the order given; a name not on the
/// roster becomes a department of its own, to which every item applies.
fn choose_departments(checklist: &Checklist, names: &[String]) -> Vec<Department> {
    if names.is_empty() {
        return checklist.departments.clone();
    }
    names
        .iter()
        .map(|name| name.trim())
        .filter(|name| !name.is_empty())
        .map(|name| {
            let known = checklist.departments.iter().find(|d| d.name == name || d.short == name);
            known.cloned().unwrap_or_else(|| {
                eprintln!("kansa: {name} is not on the checklist's roster; added with every item applicable");
                Department { name: name.into(), short: name.into(), tags: Vec::new(), remark: String::new() }
            })
        })
        .collect()
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
            [
                s.id.clone(),
                s.title.clone(),
                s.status.clone(),
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
    lang: Lang,
) -> Result<(), String> {
    let report = match report {
        Report::Matrix => export::Report::Matrix,
        Report::Summary => export::Report::Summary,
        other => {
            let name = format!("{other:?}").to_lowercase();
            return Err(format!(
                "--report {name} is not available yet (it needs the findings); use matrix or summary"
            ));
        }
    };
    let format = match format {
        Format::Md => export::Format::Md,
        Format::Csv => export::Format::Csv,
        Format::Xlsx => export::Format::Xlsx,
        Format::Html => export::Format::Html,
        Format::Docx => export::Format::Docx,
    };
    if output == Path::new("-") && !format.is_text() {
        return Err(format!(
            "--format {format} is a binary file: write it with -o PATH, not to standard output"
        ));
    }
    let session = store.load(id).map_err(|e| e.to_string())?;
    let bytes = export::write(&session, report, format, lang).map_err(|e| e.to_string())?;
    write_output(output, &bytes)
}

/// Writes to standard output for `-`, else the file whole or not at all: a temporary
/// file beside it, renamed over it. tempfile creates it 0600 on Unix, as reports hold
/// findings about people and systems, like the sessions they come from.
fn write_output(output: &Path, bytes: &[u8]) -> Result<(), String> {
    if output == Path::new("-") {
        let mut stdout = std::io::stdout().lock();
        return stdout
            .write_all(bytes)
            .and_then(|_| stdout.flush())
            .map_err(|e| format!("stdout: {e}"));
    }
    let fail = |e: std::io::Error| format!("{}: {e}", output.display());
    let folder = match output.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".kansa-export-")
        .tempfile_in(folder)
        .map_err(fail)?;
    file.write_all(bytes)
        .and_then(|_| file.as_file().sync_all())
        .map_err(fail)?;
    file.persist(output).map_err(|e| fail(e.error))?;
    Ok(())
}
