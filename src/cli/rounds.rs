//! The commands of rounds and what is printed of them: new, list, show, diff, delete,
//! restore, validate and config.

use std::path::Path;

use chrono::Local;

use super::args::{Command, Setting};
use super::env::Env;
use super::error::CliError;
use super::output::{load_either, out, outln, print_table, write_output};
use crate::checklist::Checklist;
use crate::i18n::{Describe, Lang, Messages, ScoreWords};
use crate::marks::MarksDisplay;
use crate::matrix;
use crate::results::Filter;
use crate::session::{AuditFacts, Session};
use crate::settings::Settings;
use crate::store::Store;

impl Env<'_> {
    /// Rounds and what is printed of them: new, list, show, diff, delete, restore,
    /// validate.
    pub fn rounds(&self, command: Command) -> Result<(), CliError> {
        let m = self.m;
        match command {
            Command::Show { id, checklist } => {
                let round = self.store()?.load(&id)?;
                let index = match checklist {
                    Some(name) => round
                        .checklist_index(&name)
                        .ok_or(CliError::NoChecklist(name))?,
                    None => 0,
                };
                let session = round.view(index).unwrap_or(round);
                let words = self.lang.scores();
                let marks = self.marks()?;
                let text = matrix::text(&session, &Filter::default(), marks, words);
                out(format_args!("{text}"))?;
                print_scores(&session, words, marks)
            }
            Command::Validate { file } => validate(&file, m),
            Command::AddChecklist { id, file } => {
                add_checklist(&self.store()?, &id, &file, &self.auditor()?.name, m)
            }
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
                    Some(from) => new_round(
                        &store,
                        &from,
                        checklist.first().map(|p| p.as_path()),
                        facts,
                        self,
                    ),
                    None => new_session(&store, &checklist, &departments, facts, self),
                }
            }
            Command::Diff { a, b } => diff(&self.store()?, &a, &b),
            Command::List => list(&self.store()?, m),
            Command::Delete { id } => Ok(self.store()?.delete(&id)?),
            Command::Restore { id } => Ok(self.store()?.restore(&id)?),
            Command::Config {
                setting: Setting::Lang { choice },
            } => {
                let dir = self.data_dir()?;
                Settings::update(&dir, |s| s.lang = choice.saved())?;
                Ok(())
            }
            Command::Config {
                setting: Setting::EvidenceLimit { mb },
            } => {
                let dir = self.data_dir()?;
                Settings::update(&dir, |s| s.evidence_limit_mb = Some(mb))?;
                eprintln!("kansa: {}", (m.evidence.limit_saved)(mb));
                Ok(())
            }
            // The layout is Japanese, and so is its explaining sheet unless --lang says so.
            Command::ExportChecklist { file, output } => super::exchange::export_checklist(
                file.as_deref(),
                &output,
                self.cli.lang.unwrap_or(Lang::Ja),
            ),
            _ => Ok(()),
        }
    }
}

/// Each department's score and band after the matrix, when the scale has points.
fn print_scores(
    session: &Session,
    words: &ScoreWords,
    marks: MarksDisplay,
) -> Result<(), CliError> {
    let scores = matrix::score_text(session, words, marks);
    if !scores.is_empty() {
        out(format_args!("\n{scores}"))?;
    }
    Ok(())
}

fn validate(file: &Path, m: &Messages) -> Result<(), CliError> {
    let checklist = Checklist::load(file)?;
    outln!("{}", checklist.summary(file, m));
    if checklist.lacks_not_applicable() {
        let mark = checklist.not_applicable();
        outln!("{}", (m.out_of_scope)(&mark.symbol, &mark.label));
    }
    Ok(())
}

/// `kansa add-checklist ID FILE`: the checklist joins the open round, recorded as
/// `actor`; what it adds is printed.
fn add_checklist(
    store: &Store,
    id: &str,
    file: &Path,
    actor: &str,
    m: &Messages,
) -> Result<(), CliError> {
    let checklist = Checklist::load(file)?;
    let mut writer = store.open_writer(id, actor)?;
    let change = writer.session().adding_checklist(checklist)?;
    writer
        .record(change)
        .map_err(crate::store::StoreError::from)?;
    let session = writer.session();
    let added = session.extra.last().expect("the checklist just added");
    let departments = session
        .hearings
        .iter()
        .filter(|h| added.is_for(&h.department))
        .count();
    outln!(
        "{}",
        (m.checklist_added)(&added.title, &added.id, departments)
    );
    writer.close()?;
    Ok(())
}

fn new_session(
    store: &Store,
    checklists: &[std::path::PathBuf],
    names: &[String],
    facts: AuditFacts,
    env: &Env,
) -> Result<(), CliError> {
    let m = env.m;
    let checklist = match checklists.first() {
        Some(path) => Checklist::load(path)?,
        None => Checklist::bundled(),
    }
    .with_language(env.lang.into());
    let extra = checklists
        .iter()
        .skip(1)
        .map(|path| Checklist::load(path))
        .collect::<Result<Vec<_>, _>>()?;
    let names = (!names.is_empty()).then_some(names);
    let now = Local::now().fixed_offset();
    let chosen = crate::session::choose_departments(&checklist, names);
    if chosen.departments.is_empty() {
        return Err(CliError::NoDepartments);
    }
    let mut session = Session::start(store.new_id(now), checklist, chosen.clone(), facts, now);
    for more in extra {
        session.add_checklist(more).map_err(CliError::Joining)?;
    }
    store.create(&session)?;
    for name in &chosen.unlisted {
        eprintln!("kansa: {}", (m.not_on_roster)(name));
    }
    outln!("{}", session.id);
    Ok(())
}

/// `kansa new --from`: a new round from an earlier one; what was given on the command
/// line (date, auditors, lead) replaces what the earlier round had.
fn new_round(
    store: &Store,
    from: &str,
    checklist: Option<&Path>,
    given: AuditFacts,
    env: &Env,
) -> Result<(), CliError> {
    let m = env.m;
    let earlier = load_either(store, from)?;
    let checklist = checklist.map(Checklist::load).transpose()?;
    let now = Local::now().fixed_offset();
    let mut session =
        Session::next_round(&earlier, store.new_id(now), &given.title, checklist, now);
    session.checklist.language.get_or_insert(env.lang.into());
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
    outln!("{}", session.id);
    Ok(())
}

/// `kansa diff A B`: one tab-separated line per cell that differs.
fn diff(store: &Store, a: &str, b: &str) -> Result<(), CliError> {
    let (a, b) = (load_either(store, a)?, load_either(store, b)?);
    let mut out = String::new();
    for cell in crate::rounds::diff_all(&a, &b) {
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
                Some(by) => (m.status_by)(shown, by),
                None => shown.to_string(),
            };
            [
                s.id.clone(),
                s.title.clone(),
                status,
                format!("{}/{} ({percent}%)", s.answered, s.cells),
                (m.list_moment)(&s.last_change),
            ]
        })
        .collect();
    let header = m.list_header.map(String::from);
    print_table(&header, &rows)
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
