//! Dates as Japanese documents write them wherever Japanese is printed (和暦 with the
//! weekday in `list`, `history` and `verify`), and ISO in English: `list`'s columns are
//! a script's contract, only the date's form changes.

use crate::common::{kansa_in, run, stderr, stdout};
use kansa::store::Store;

fn signed_seed() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let session = kansa::seed::whole_round("s1").unwrap();
    store.create(&session).unwrap();
    let sign = run(kansa_in(data.path()).args(["sign", "s1", "--by", kansa::seed::LEAD]));
    assert!(sign.status.success(), "{}", stderr(&sign));
    data
}

fn out(data: &std::path::Path, args: &[&str]) -> String {
    let output = run(kansa_in(data).args(args));
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    stdout(&output)
}

#[test]
fn japanese_lines_write_the_era_and_the_weekday_english_ones_iso() {
    let data = signed_seed();
    let era = |text: &str| text.contains("令和") && text.contains("）") && text.contains("日（");
    let iso = |text: &str| {
        text.split_whitespace()
            .any(|w| w.len() == 10 && w.as_bytes()[4] == b'-' && w.as_bytes()[7] == b'-')
    };

    let list = out(data.path(), &["--lang", "ja", "list"]);
    assert!(era(&list) && !iso(&list), "{list}");
    assert!(list.contains("署名済（"), "full-width brackets: {list}");
    let list = out(data.path(), &["--lang", "en", "list"]);
    assert!(iso(&list) && !list.contains("日（"), "{list}");
    let header: Vec<&str> = list.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(
        header,
        ["ID", "TITLE", "STATUS", "PROGRESS", "LAST", "CHANGE"]
    );

    let history = out(data.path(), &["--lang", "ja", "history", "s1"]);
    assert!(history.lines().all(|l| l.starts_with("令和")), "{history}");
    let history = out(data.path(), &["--lang", "en", "history", "s1"]);
    assert!(history.lines().all(iso), "{history}");

    let verify = out(data.path(), &["--lang", "ja", "verify", "s1"]);
    assert!(era(&verify), "{verify}");
    let verify = out(data.path(), &["--lang", "en", "verify", "s1"]);
    assert!(iso(&verify) && !verify.contains("日（"), "{verify}");
}
