//! Writes every document of the seed's round (龍ヶ崎市 令和6年度上半期, marks, notes,
//! 所見, 指摘事項 and 総評 entered through the core, then signed off) into a folder, in
//! every format a committee prints: what `scripts/print-check` renders to PDF.
//!
//! `cargo run --features testkit --example seed-documents -- DIR [--draft]`
//!
//! Files: `{matrix,departments,summary,all}.{html,xlsx,docx,md}` (no DOCX matrix, as
//! kansa writes none), and for the checks `rows.tsv` (item id and text, a line each)
//! and `departments.txt` (the short names). `--draft` leaves the round unsigned.

use std::path::PathBuf;
use std::process::ExitCode;

use kansa::export::{self, Format, Report};
use kansa::i18n::Lang;
use kansa::seed;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: seed-documents DIR [--draft]");
        return ExitCode::FAILURE;
    };
    let draft = args.any(|a| a == "--draft");
    match write(&dir, draft) {
        Ok(n) => {
            println!("seed-documents: {n} files in {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("seed-documents: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write(dir: &std::path::Path, draft: bool) -> Result<usize, Box<dyn std::error::Error>> {
    std::fs::create_dir_all(dir)?;
    let mut session = seed::whole_round("seed").map_err(|e| format!("{e:?}"))?;
    if !draft {
        let at = session.last_change() + chrono::Duration::minutes(5);
        let change = session.sign(seed::LEAD, at).map_err(|e| format!("{e:?}"))?;
        seed::record(&mut session, change).map_err(|e| format!("{e:?}"))?;
    }
    let rows: String = session
        .checklist
        .items()
        .map(|(_, item)| format!("{}\t{}\n", item.id, item.text))
        .collect();
    std::fs::write(dir.join("rows.tsv"), rows)?;
    let shorts: Vec<&str> = session
        .hearings
        .iter()
        .map(|h| h.department.short.as_str())
        .collect();
    std::fs::write(dir.join("departments.txt"), shorts.join("\n") + "\n")?;
    let mut written = 2;
    for (report, name) in [
        (Report::Matrix, "matrix"),
        (Report::Departments, "departments"),
        (Report::Summary, "summary"),
        (Report::All, "all"),
    ] {
        for (format, ext) in [
            (Format::Html, "html"),
            (Format::Xlsx, "xlsx"),
            (Format::Docx, "docx"),
            (Format::Md, "md"),
        ] {
            if (report, format) == (Report::Matrix, Format::Docx) {
                continue;
            }
            let bytes = export::write(&session, report, format, Lang::Ja)?;
            std::fs::write(dir.join(format!("{name}.{ext}")), bytes)?;
            written += 1;
        }
    }
    Ok(written)
}
