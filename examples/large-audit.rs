//! Writes the generated large audit (300 items × 60 departments, every cell with a
//! note, 50,000 changes of history) into a data directory and prints its id, so that
//! anyone can open, list, follow and time it:
//!
//! `cargo run --release --features testkit --example large-audit -- DATA_DIR [PART]`
//!
//! With PART, also writes there the part of the round cut for its first department
//! with 100 changes heard on another laptop, for timing `kansa merge ID PART`.

use std::path::PathBuf;
use std::process::ExitCode;

use kansa::sample::{heard_part, large_session};
use kansa::store::Store;

fn main() -> ExitCode {
    let Some(data_dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: large-audit DATA_DIR");
        return ExitCode::FAILURE;
    };
    let store = match Store::open(&data_dir) {
        Ok(store) => store,
        Err(e) => {
            eprintln!("large-audit: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut session = large_session(300, 60, 50_000);
    session.id = store.new_id(chrono::Local::now().fixed_offset());
    let part = std::env::args_os().nth(2).map(PathBuf::from);
    let written = store.create(&session).and_then(|()| match &part {
        Some(file) => Store::write_file(file, &heard_part(&session, 100)),
        None => Ok(()),
    });
    match written {
        Ok(()) => {
            println!("{}", session.id);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("large-audit: {e}");
            ExitCode::FAILURE
        }
    }
}
