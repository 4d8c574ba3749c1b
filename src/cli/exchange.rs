//! Files in and out: reports, parts of a round, self-check sheets, checklists.

use std::path::Path;

use super::args::{Command, Format, Import, Report};
use super::env::Env;
use super::error::CliError;
use super::output::{outln, write_output};
use super::{selfcheck, team};
use crate::checklist::Checklist;
use crate::export;
use crate::i18n::Lang;
use crate::session::Session;
use crate::sheet;

impl Env<'_> {
    /// Files in and out: reports, parts of a round, self-check sheets, checklists.
    pub fn exchange(&self, command: Command) -> Result<(), CliError> {
        let lang = self.lang;
        match command {
            Command::Export {
                id,
                evidence: Some(body),
                ..
            } => {
                let store = self.store()?;
                let session = store.load(&id)?;
                let words = self.document_lang(&session).index_words();
                let blob = |sha: &str| store.blob_path(&id, sha);
                export::evidence_body::write(&session, &body, &blob, words).map_err(|source| {
                    CliError::Output {
                        path: body.clone(),
                        source,
                    }
                })?;
                Ok(())
            }
            // clap asks for both unless --evidence is given.
            Command::Export { format: None, .. } | Command::Export { output: None, .. } => Ok(()),
            Command::Export {
                id,
                format: Some(format),
                report: report @ (Report::Selfcheck | Report::SelfcheckResults),
                output: Some(output),
                departments,
                ..
            } => {
                let session = self.store()?.load(&id)?;
                let lang = self.document_lang(&session);
                selfcheck::export(&session, format, report, &departments, &output, lang)
            }
            Command::Export {
                id,
                format: Some(Format::Session),
                departments,
                output: Some(output),
                ..
            } => team::export_part(&self.store()?, &id, &departments, &output),
            Command::Export {
                id,
                format: Some(format),
                report,
                output: Some(output),
                checklist,
                ..
            } => self.export(&id, format, report, &output, checklist),
            Command::Import {
                what: Import::Selfcheck { id, files },
            } => {
                let actor = self.auditor()?.name;
                let limit = self.evidence_limit()?;
                selfcheck::import(&self.store()?, &id, &files, &actor, lang, limit)
            }
            Command::Import {
                what: Import::Session { file },
            } => team::import(&self.store()?, &file),
            Command::Import {
                what: Import::Checklist { file, output },
            } => import_checklist(&file, &output, lang),
            _ => Ok(()),
        }
    }
}

impl Env<'_> {
    /// The language a round's documents are written in: `--lang` given to this
    /// command, else the round's own, else (a round that records none) the language
    /// in force.
    fn document_lang(&self, session: &Session) -> Lang {
        self.cli
            .lang
            .or(session.language().map(Lang::from))
            .unwrap_or(self.lang)
    }

    fn export(
        &self,
        id: &str,
        format: Format,
        report: Report,
        output: &Path,
        checklist: Option<String>,
    ) -> Result<(), CliError> {
        let round = self.store()?.load(id)?;
        let session = match checklist {
            Some(name) => {
                let index = round
                    .checklist_index(&name)
                    .ok_or(CliError::NoChecklist(name))?;
                round.view(index).unwrap_or(round)
            }
            None => round,
        };
        let lang = self.document_lang(&session);
        export(&session, format, report, output, lang)
    }
}

fn export(
    session: &Session,
    format: Format,
    report: Report,
    output: &Path,
    lang: Lang,
) -> Result<(), CliError> {
    if report == Report::Answers {
        if format != Format::Csv {
            return Err(CliError::AnswersCsvOnly);
        }
        return write_output(output, export::answers_csv(session)?.as_bytes());
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
    let bytes = export::write(session, report, format, lang)?;
    write_output(output, &bytes)
}

fn import_checklist(file: &Path, output: &Path, lang: Lang) -> Result<(), CliError> {
    let (checklist, text) = sheet::import(file, output)?;
    write_output(output, text.as_bytes())?;
    if output != Path::new("-") {
        outln!("{}", checklist.summary(output, lang.messages()));
    }
    Ok(())
}

pub(crate) fn export_checklist(
    file: Option<&Path>,
    output: &Path,
    lang: Lang,
) -> Result<(), CliError> {
    let checklist = match file {
        Some(path) => Checklist::load(path)?,
        None => Checklist::bundled(),
    };
    let csv = output == Path::new("-")
        || output
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let bytes = if csv {
        sheet::to_csv(&checklist)?.into_bytes()
    } else {
        sheet::to_xlsx(&checklist, lang.sheet()).map_err(export::ExportError::Xlsx)?
    };
    write_output(output, &bytes)
}
