//! Writes the seed's whole round (龍ヶ崎市 令和6年度（上半期）: every mark of its
//! 結果一覧, the notes, 所見, 指摘事項 and 総評) into a data directory and prints its id,
//! ready to review, sign and export, so that anyone can try a finished round:
//!
//! `cargo run --features testkit --example seed-round -- DATA_DIR`

use std::path::PathBuf;
use std::process::ExitCode;

use kansa::seed::whole_round;
use kansa::store::Store;

fn main() -> ExitCode {
    let Some(data_dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: seed-round DATA_DIR");
        return ExitCode::FAILURE;
    };
    let store = match Store::open(&data_dir) {
        Ok(store) => store,
        Err(e) => {
            eprintln!("seed-round: {e}");
            return ExitCode::FAILURE;
        }
    };
    let id = store.new_id(chrono::Local::now().fixed_offset());
    let session = match whole_round(&id) {
        Ok(session) => session,
        Err(e) => {
            eprintln!("seed-round: {e:?}");
            return ExitCode::FAILURE;
        }
    };
    match store.create(&session) {
        Ok(()) => {
            println!("{}", session.id);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("seed-round: {e}");
            ExitCode::FAILURE
        }
    }
}
