//! `kansa export ID --report selfcheck` and `kansa import selfcheck ID FILE…`: the
//! departments' self-check workbooks out and back, and the comparison report. Thin
//! calls into `selfcheck`; refusals come back in words.

use std::path::{Path, PathBuf};

use chrono::Local;

use super::args::{Format, Report};
use super::error::CliError;
use super::output::{outln, write_output};
use crate::export::ExportError;
use crate::i18n::{Describe, Lang};
use crate::selfcheck::report::Comparison;
use crate::selfcheck::{asked_count, workbook};
use crate::session::Refusal;
use crate::session::Session;
use crate::store::{Store, StoreError};

/// The self-check workbooks (`--report selfcheck --format xlsx`), or the comparison
/// of the departments' own view with the audit's (any other format, or
/// `--report selfcheck-results`).
pub fn export(
    session: &Session,
    format: Format,
    report: Report,
    departments: &[String],
    output: &Path,
    lang: Lang,
) -> Result<(), CliError> {
    let w = lang.selfcheck_words();
    if output == Path::new("-") && matches!(format, Format::Xlsx | Format::Docx) {
        return Err(CliError::BinaryToStdout(
            format!("{format:?}").to_lowercase(),
        ));
    }
    if report == Report::Selfcheck && format == Format::Xlsx {
        let hearings =
            workbook::choose(session, departments).map_err(Refusal::UnknownDepartment)?;
        let xlsx = |e| CliError::Export(ExportError::Xlsx(e));
        if !is_folder(output) {
            return write_output(
                output,
                &workbook::write(session, &hearings, w).map_err(xlsx)?,
            );
        }
        std::fs::create_dir_all(output).map_err(|source| CliError::Output {
            path: output.to_path_buf(),
            source,
        })?;
        for hearing in hearings {
            let path = output.join(format!("自己点検_{}.xlsx", workbook::sheet_name(hearing)));
            write_output(
                &path,
                &workbook::write(session, &[hearing], w).map_err(xlsx)?,
            )?;
            let written = lang.messages().selfcheck.written;
            eprintln!("kansa: {}", written(&path.display().to_string()));
        }
        return Ok(());
    }
    if output == Path::new("-") && matches!(format, Format::Xlsx | Format::Docx) {
        return Err(CliError::BinaryToStdout(
            format!("{format:?}").to_lowercase(),
        ));
    }
    let comparison = Comparison::of(session);
    let bytes = match format {
        Format::Md => comparison.markdown(w).into_bytes(),
        Format::Csv => comparison.csv(w)?.into_bytes(),
        Format::Html => comparison.html(w).into_bytes(),
        Format::Xlsx => comparison
            .xlsx(w)
            .map_err(|e| CliError::Export(ExportError::Xlsx(e)))?,
        Format::Docx | Format::Session => return Err(CliError::SelfcheckNotDocx),
    };
    write_output(output, &bytes)
}

/// A folder: one that exists, or a path ending in a separator or without `.xlsx`.
fn is_folder(output: &Path) -> bool {
    let text = output.to_string_lossy();
    output.is_dir()
        || text.ends_with('/')
        || text.ends_with(std::path::MAIN_SEPARATOR)
        || !output
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// Reads every file before changing anything: one problem anywhere and nothing is
/// imported, each problem printed as `file:sheet!cell: reason`.
pub fn import(
    store: &Store,
    id: &str,
    files: &[PathBuf],
    actor: &str,
    lang: Lang,
    limit: u64,
) -> Result<(), CliError> {
    let m = lang.messages();
    let session = store.load(id)?;
    let now = Local::now().fixed_offset();
    let mut returned = Vec::new();
    let mut errors = Vec::new();
    for file in files {
        match workbook::read(&session, file, now) {
            Ok(found) => returned.extend(found),
            Err(found) => errors.extend(found),
        }
    }
    if !errors.is_empty() {
        for error in &errors {
            eprintln!("kansa: {}", error.describe(m));
        }
        return Err(CliError::NothingImported(errors.len()));
    }
    // The files the sheets name as evidence: each checked before anything is recorded.
    for (_, path) in returned.iter().flat_map(|r| &r.files) {
        Store::check_evidence(path, limit)?;
    }
    let mut writer = store.open_writer(id, actor)?;
    for r in returned {
        let session = writer.session();
        let Some(hearing) = session.hearing(&r.department) else {
            continue;
        };
        let asked = asked_count(session, &hearing.department.short);
        let same = hearing.selfcheck.as_ref().map(|c| &c.digest) == Some(&r.selfcheck.digest);
        if same {
            outln!("{}", (m.selfcheck.unchanged)(&r.department));
            continue;
        }
        let marked = r
            .selfcheck
            .answers
            .values()
            .filter(|a| a.mark.is_some())
            .count();
        let change = session
            .set_selfcheck(&r.department, r.selfcheck)
            .map_err(StoreError::Refused)?;
        writer.record(change).map_err(StoreError::from)?;
        outln!("{}", (m.selfcheck.imported)(&r.department, marked, asked));
        attach_named(store, &mut writer, (&r.department, &r.files), limit, m)?;
    }
    writer.close()?;
    Ok(())
}

/// Attaches the files a department's sheet names to their cells: each copied into the
/// store (durable) before its change is recorded.
fn attach_named(
    store: &Store,
    writer: &mut crate::store::Writer,
    (department, files): (&str, &[(String, PathBuf)]),
    limit: u64,
    m: &crate::i18n::Messages,
) -> Result<(), CliError> {
    let id = writer.session().id.clone();
    for (n, (item, path)) in files.iter().enumerate() {
        let kept = store.keep_evidence(&id, path, limit)?;
        let at = crate::evidence::Where {
            department: department.to_string(),
            target: crate::session::EvidenceTarget::Item(item.clone()),
        };
        let salt = format!("{} {n}", Local::now().to_rfc3339());
        let name = kept.file.name.clone();
        let change = writer.session().attach(&at, kept.file, "", &salt)?;
        let evidence = match &change {
            crate::session::Change::Attach { attachment } => attachment.id.clone(),
            _ => String::new(),
        };
        writer.record(change).map_err(StoreError::from)?;
        outln!(
            "{}",
            (m.evidence.attached)(&evidence, &name, department, item, kept.existed)
        );
    }
    Ok(())
}
