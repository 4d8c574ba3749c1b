//! What the session screen does to the session beyond moving and editing: a mark and
//! what it asks for next, the department's own mark taken as the audit's, the answer
//! fields a mark asks for, a returned self-check workbook read in, signing off, and
//! writing a report (the export dialog offering the report and format last written).
//! Each changes the `Model` and says what should follow.

use std::path::Path;

use chrono::{Local, Timelike};

use crate::export::{self, ExportError, Format, Report};
use crate::i18n::{Describe, Lang, Strings};
use crate::session::Session;
use crate::settings::Settings;

use super::asks::FieldPrompt;
use super::context::Context;
use super::export_dialog::{ExportDialog, Outcome};
use super::model::Model;
use super::overlay::Overlay;

/// What a mark key led to.
pub enum Marked {
    /// No mark was given: the key is no mark, or the session refused it.
    Nothing,
    /// The gate's new mark would leave these answered items not applying: clear them?
    Gate {
        symbol: String,
        answered: Vec<String>,
    },
    /// The cell cannot apply (set by applicability): give the mark anyway?
    Outside { symbol: String },
    /// Marked; the answer fields the mark names are to be asked for.
    Ask(Box<FieldPrompt>),
    /// Marked; `needs_note` when the scale asks for a note with it.
    Given { needs_note: bool },
}

/// A mark key: the mark at the cursor, unless its gate asks first.
pub fn mark_with(model: &mut Model, key: char, t: &Strings) -> Marked {
    let session = model.session();
    let Some(symbol) = session
        .checklist
        .mark_for_key(key)
        .map(|m| m.symbol.clone())
    else {
        return Marked::Nothing;
    };
    let (department, item) = model.position();
    let outside = session
        .hearing(&department)
        .is_some_and(|h| h.by_applicability(&item));
    let applicable = session
        .checklist
        .mark(&symbol)
        .map(|m| m.meaning.is_applicable());
    if outside && applicable == Some(true) {
        return Marked::Outside { symbol };
    }
    match session.gate_effect(&department, &item, Some(&symbol)) {
        Ok(effect) if !effect.answered.is_empty() => Marked::Gate {
            symbol,
            answered: effect.answered,
        },
        _ => give_mark(model, &symbol, t),
    }
}

/// Records `symbol` at the cursor; says what the mark asks for next.
pub fn give_mark(model: &mut Model, symbol: &str, t: &Strings) -> Marked {
    let (department, item) = model.position();
    let session = model.session();
    let (asks, needs_note) = session
        .checklist
        .mark(symbol)
        .map(|m| (m.asks.clone(), m.note_required))
        .unwrap_or_default();
    let change = match session.set_mark(&department, &item, Some(symbol)) {
        Ok(change) => change,
        Err(refusal) => {
            // A signed session: say so rather than go on as if it were marked.
            model.refused(&refusal, t);
            return Marked::Nothing;
        }
    };
    model.record(change, t);
    match FieldPrompt::new(model.session(), &department, &item, &asks) {
        Some(prompt) if model.writable() => Marked::Ask(Box::new(prompt)),
        _ => Marked::Given { needs_note },
    }
}

/// Clears the marks of `items` in the department on screen (a gate will hide them).
pub fn clear_cells(model: &mut Model, items: &[String], t: &Strings) {
    let (department, _) = model.position();
    for item in items {
        if let Ok(change) = model.session().set_mark(&department, item, None) {
            model.record(change, t);
        }
    }
}

/// What answering a field led to.
pub enum Answered {
    /// The session refused the value: the field is asked again.
    Refused,
    /// The next field is asked.
    Next,
    /// No field is left.
    Done,
}

/// Records what was typed for the field `prompt` asks, then goes on to the next.
pub fn answer_field(model: &mut Model, prompt: &mut FieldPrompt, t: &Strings) -> Answered {
    if let Some((id, _)) = prompt.field() {
        let text = prompt.text();
        let value = (!text.is_empty()).then_some(text.as_str());
        let change = model
            .session()
            .set_field(&prompt.department, &prompt.item, id, value);
        match change {
            Ok(change) => model.record(change, t),
            Err(refusal) => {
                model.refused(&refusal, t);
                return Answered::Refused;
            }
        }
    }
    match prompt.advance(model.session()) {
        true => Answered::Next,
        false => Answered::Done,
    }
}

/// The department's own mark as the audit's, then on, as a mark key would.
pub fn accept_self(model: &mut Model, t: &Strings) {
    let (department, item) = model.position();
    match model.session().accept_self(&department, &item) {
        Some(Ok(change)) => {
            model.record(change, t);
            model.next_heard(t);
        }
        Some(Err(refusal)) => model.store_refused(refusal, t),
        None => model.say(t.no_self_mark),
    }
}

/// Reads a returned self-check workbook into the departments' self-assessment
/// (never their marks); a workbook with any problem changes nothing.
pub fn import_selfcheck(model: &mut Model, path: &str, context: &Context) {
    let t = context.t;
    let now = Local::now().fixed_offset();
    let file = Path::new(path);
    // A workbook holds sheets of every checklist: read against the whole round, and
    // taken in as a change of the whole round, on the main checklist's screens only.
    if model.session().checklist.id != model.round().checklist.id {
        return model.refused(&crate::session::Refusal::MainChecklistOnly, t);
    }
    match crate::selfcheck::workbook::read(model.round(), file, now) {
        Err(problems) => {
            let first = problems.first().map(|p| p.describe(t.messages));
            let first = first.unwrap_or_default();
            model.say((t.import_refused)(problems.len(), &first));
        }
        Ok(returned) => {
            let count = returned.len();
            let mut named = Vec::new();
            for r in returned {
                match model.round().set_selfcheck(&r.department, r.selfcheck) {
                    Ok(change) => model.record(change, t),
                    Err(refusal) => return model.refused(&refusal, t),
                }
                named.extend(r.files.into_iter().map(|f| (r.department.clone(), f)));
            }
            model.say((t.imported_selfcheck)(count));
            // The files the sheets name, each attached to its cell (a problem is said).
            for (department, (item, file)) in named {
                let target = crate::session::EvidenceTarget::Item(item);
                let at = crate::evidence::Where { department, target };
                super::evidence::attach(model, &at, &file.display().to_string(), context);
            }
        }
    }
}

/// Signs off as `by`, now.
pub fn sign(model: &mut Model, by: &str, t: &Strings) {
    // Whole seconds: the time is printed and compared by people.
    let now = Local::now().fixed_offset();
    let at = now.with_nanosecond(0).unwrap_or(now);
    let change = model.session().sign(by, at);
    model.try_record(change, t);
    if let Some(signed) = &model.session().signed {
        let said = (t.record.signed_now)(&signed.digest);
        model.say(said);
    }
}

/// The export dialog, on the report and format last written (kept in the settings, so
/// that the next sitting offers them too).
pub fn export_dialog(session: &Session, context: &Context) -> ExportDialog {
    let dialog = ExportDialog::new(&session.facts.title, context.t);
    match Settings::load(&context.data_dir) {
        Ok(Settings {
            export_report: Some(report),
            export_format: Some(format),
            ..
        }) => dialog.choosing(&report, &format, context.t),
        _ => dialog,
    }
}

/// Carries out what the export dialog (the `overlay`) asked for: asks before writing
/// over a file, writes, remembers the report and format, and says where; a report
/// that cannot be written keeps the dialog open with the reason.
pub fn export(
    model: &mut Model,
    overlay: &mut Option<Overlay>,
    outcome: Outcome,
    context: &Context,
) {
    let t = context.t;
    let Some(Overlay::Export(dialog)) = overlay else {
        return;
    };
    match outcome {
        Outcome::Nothing => {}
        Outcome::Closed => *overlay = None,
        Outcome::Write {
            path, overwrite, ..
        } if path.exists() && !overwrite => dialog.ask_overwrite(),
        Outcome::Write {
            report,
            format,
            path,
            ..
        } => match export_to(model.session(), report, format, &path, t) {
            Ok(()) => {
                *overlay = None;
                model.say((t.export_written)(&path.display().to_string()));
                let remembered = Settings::update(&context.data_dir, |s| {
                    s.export_report = Some(report.to_string());
                    s.export_format = Some(format.to_string());
                });
                if let Err(e) = remembered {
                    model.say((t.settings_not_saved)(&e.to_string()));
                }
            }
            Err(problem) => dialog.problem = Some(problem),
        },
    }
}

/// Writes `report` of `session` as `format` to `path`; the reason in the screen's
/// language when nothing was written.
pub fn export_to(
    session: &Session,
    report: Report,
    format: Format,
    path: &Path,
    t: &Strings,
) -> Result<(), String> {
    // Written in the round's language whatever the screens speak; a round that
    // records none is written in theirs.
    let lang = session.language().map(Lang::from).unwrap_or(t.report_lang);
    let bytes = export::write(session, report, format, lang).map_err(|e| match e {
        ExportError::Unsupported { .. } => {
            let words = t.report_lang.report_words();
            let name = match report {
                Report::Matrix => words.matrix,
                Report::Departments => words.departments,
                Report::Summary => words.summary,
                Report::All => t.export_all,
                Report::Compare => t.rounds.compare_report,
            };
            (t.export_unsupported)(name, &format.to_string())
        }
        other => (t.export_failed)(&other.describe(t.messages)),
    })?;
    export::save(path, &bytes).map_err(|e| {
        let reason = crate::error::IoReason::from(&e).describe(t.messages);
        (t.export_failed)(&crate::i18n::located(path, None, &reason))
    })
}
