//! The body of evidence (`kansa export ID --evidence DIR|FILE.zip`): one folder per
//! department, one per item (or area), each file under its original name, and an
//! index (CSV and HTML, images shown as thumbnails) with each file's hash, who
//! attached it and when, and the round's digest. Files are copied in a stream, one
//! at a time, into the folder or the zip: memory stays flat whatever their size.

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::evidence::{forbidden_on_windows, is_image};
use crate::session::{Attached, Session};

/// The words of the index, filled by the language tables.
pub struct IndexWords {
    pub title: fn(&str) -> String,
    /// Department, item or area, file (path in the body), original name, type, size,
    /// SHA-256, attached by, attached at, note.
    pub columns: [&'static str; 10],
    /// The round's digest as signed, or `unsigned`.
    pub digest: fn(&str) -> String,
    pub unsigned: &'static str,
    pub moment: fn(&crate::session::Timestamp) -> String,
}

/// One file of the body: where it goes and what it is.
pub struct Entry<'a> {
    pub path: String,
    pub attached: &'a Attached,
}

/// The path of each attached file in the body, `department/item/name`, each part
/// made safe on Windows and names made unique within their folder.
pub fn entries(session: &Session) -> Vec<Entry<'_>> {
    let mut taken = BTreeSet::new();
    session
        .evidence()
        .map(|attached| {
            let a = &attached.attachment;
            let folder = format!("{}/{}", safe(&a.department), safe(a.target.id()));
            let name = safe(&a.file.name);
            let mut path = format!("{folder}/{name}");
            let mut n = 2;
            while !taken.insert(path.clone()) {
                let (stem, ext) = match name.rsplit_once('.') {
                    Some((s, e)) if !s.is_empty() => (s.to_string(), format!(".{e}")),
                    _ => (name.clone(), String::new()),
                };
                path = format!("{folder}/{stem} ({n}){ext}");
                n += 1;
            }
            Entry { path, attached }
        })
        .collect()
}

/// A name as a folder or file of the body: characters Windows forbids become `_`.
fn safe(name: &str) -> String {
    let replaced: String = name
        .chars()
        .map(|c| {
            if c.is_control() || "<>:\"/\\|?*".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    if forbidden_on_windows(&replaced) {
        format!("_{}", replaced.trim_end_matches(['.', ' ']))
    } else {
        replaced
    }
}

/// The index as CSV (UTF-8 with a BOM, for Excel in Japan).
pub fn index_csv(session: &Session, entries: &[Entry], w: &IndexWords) -> io::Result<Vec<u8>> {
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let mut header: Vec<&str> = w.columns.to_vec();
    let digest = digest_text(session, w);
    header.push("");
    out.write_record(&header)?;
    for e in entries {
        let mut row = row(e, w).to_vec();
        row.push(digest.clone());
        out.write_record(&row)?;
    }
    out.into_inner()
        .map_err(|e| io::Error::other(e.to_string()))
}

fn digest_text(session: &Session, w: &IndexWords) -> String {
    match &session.signed {
        Some(signed) => (w.digest)(&signed.digest),
        None => (w.digest)(w.unsigned),
    }
}

fn row(e: &Entry, w: &IndexWords) -> [String; 10] {
    let a = &e.attached.attachment;
    [
        a.department.clone(),
        a.target.id().to_string(),
        e.path.clone(),
        a.file.name.clone(),
        a.file.kind.clone(),
        a.file.size.to_string(),
        a.file.sha256.clone(),
        e.attached.by.clone(),
        (w.moment)(&e.attached.at),
        a.note.clone(),
    ]
}

/// The index as an HTML page: a table with a thumbnail of each image.
pub fn index_html(session: &Session, entries: &[Entry], w: &IndexWords) -> String {
    let escape = super::html::escape;
    let title = escape(&(w.title)(&session.facts.title));
    let mut page = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title>\n\
         <style>td,th{{border:1px solid #888;padding:4px;vertical-align:top}}\
         table{{border-collapse:collapse}}img{{max-width:160px;max-height:120px}}</style>\n\
         </head><body>\n<h1>{title}</h1>\n<p>{}</p>\n<table>\n<tr>",
        escape(&digest_text(session, w))
    );
    for column in w.columns {
        page.push_str(&format!("<th>{}</th>", escape(column)));
    }
    page.push_str("<th></th></tr>\n");
    for e in entries {
        page.push_str("<tr>");
        for (n, cell) in row(e, w).iter().enumerate() {
            let text = escape(cell);
            if n == 2 {
                page.push_str(&format!(
                    "<td><a href=\"{}\">{text}</a></td>",
                    href(&e.path)
                ));
            } else {
                page.push_str(&format!("<td>{text}</td>"));
            }
        }
        if is_image(&e.attached.attachment.file.kind) {
            page.push_str(&format!(
                "<td><img src=\"{}\" alt=\"\"></td>",
                href(&e.path)
            ));
        } else {
            page.push_str("<td></td>");
        }
        page.push_str("</tr>\n");
    }
    page.push_str("</table>\n</body></html>\n");
    page
}

/// A relative URL of a path of the body: each part percent-encoded where needed.
fn href(path: &str) -> String {
    let mut out = String::new();
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' | b'~' => {
                out.push(char::from(byte))
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// Writes the body of evidence to `output`: a zip when it ends in `.zip`, else a
/// folder (created when missing). `blob` gives the stored copy of a hash.
pub fn write(
    session: &Session,
    output: &Path,
    blob: &dyn Fn(&str) -> PathBuf,
    w: &IndexWords,
) -> io::Result<usize> {
    let entries = entries(session);
    let csv = index_csv(session, &entries, w)?;
    let html = index_html(session, &entries, w);
    let zipped = output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    if zipped {
        write_zip(output, &entries, blob, &csv, &html)?;
    } else {
        for e in &entries {
            let target = output.join(&e.path);
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::copy(blob(&e.attached.attachment.file.sha256), &target)?;
        }
        super::file::save(&output.join("index.csv"), &csv)?;
        super::file::save(&output.join("index.html"), html.as_bytes())?;
    }
    Ok(entries.len())
}

fn write_zip(
    output: &Path,
    entries: &[Entry],
    blob: &dyn Fn(&str) -> PathBuf,
    csv: &[u8],
    html: &str,
) -> io::Result<()> {
    let folder = match output.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let temp = tempfile::Builder::new()
        .prefix(".kansa-export-")
        .tempfile_in(folder)?;
    let mut zip = zip::ZipWriter::new(temp.reopen()?);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for e in entries {
        zip.start_file(e.path.as_str(), options)?;
        let mut file = File::open(blob(&e.attached.attachment.file.sha256))?;
        io::copy(&mut file, &mut zip)?;
    }
    zip.start_file("index.csv", options)?;
    zip.write_all(csv)?;
    zip.start_file("index.html", options)?;
    zip.write_all(html.as_bytes())?;
    zip.finish()?.sync_all()?;
    temp.persist(output).map_err(|e| e.error)?;
    Ok(())
}
