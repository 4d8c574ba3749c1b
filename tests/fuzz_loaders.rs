//! Mutation fuzzing of the loaders: the checklist loader (RON), the session loader
//! (snapshot, history section and journal; strict and as opened for work) and the
//! spreadsheet importer (CSV). Inputs are real files mutated (bytes flipped, cut,
//! spliced, duplicated, RON punctuation and marks inserted) and random bytes. No input
//! may panic; every session and checklist error must carry a position.
//!
//! `cargo test` runs a few thousand inputs. The full run, once:
//! `KANSA_FUZZ=1000000 cargo test --release --test fuzz_loaders -- --nocapture`

use std::path::Path;
use std::time::Instant;

use kansa::checklist::Checklist;
use kansa::i18n::SHEET_EN;
use kansa::sample::large_session;
use kansa::store::Store;

/// A small deterministic generator (splitmix64): a failure is reproduced by its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "\n",
    "\\",
    "Some(",
    "None",
    "//",
    "\n// journal\n",
    "\n// history\n",
    "// summary ",
    "○",
    "×",
    "保育",
    "\u{0}",
    "\r\n",
    "1e999",
    "-1",
    "true",
    "#",
    "\"\"",
    "()",
];

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    if rng.below(20) == 0 {
        return (0..rng.below(200)).map(|_| rng.next() as u8).collect();
    }
    let mut bytes = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(6) {
            0 if !bytes.is_empty() => {
                let i = at.min(bytes.len() - 1);
                bytes[i] ^= 1 << rng.below(8);
            }
            1 => bytes.truncate(at),
            2 => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            3 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                bytes.splice(at..at, token.iter().copied());
            }
            4 => {
                let end = (at + rng.below(200)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                let to = rng.below(bytes.len() + 1);
                bytes.splice(to..to, copy);
            }
            _ => {
                let to = rng.below(bytes.len() + 1);
                bytes.insert(to, rng.next() as u8);
            }
        }
    }
    bytes
}

fn iterations() -> usize {
    std::env::var("KANSA_FUZZ")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000)
}

/// Runs `check` on `n` mutations of the seeds; reports the count, the time and how
/// many inputs were refused (all with a position) and accepted.
fn fuzz(name: &str, seeds: &[Vec<u8>], check: impl Fn(&[u8]) -> Result<(), bool>) {
    let n = iterations();
    let mut rng = Rng(0x006b_616e_7361 ^ name.len() as u64);
    let mut refused = 0;
    let start = Instant::now();
    for i in 0..n {
        let input = mutate(&mut rng, &seeds[i % seeds.len()]);
        if let Err(placed) = check(&input) {
            refused += 1;
            if !placed {
                let file = std::env::temp_dir().join(format!("kansa-fuzz-{name}.bin"));
                let _ = std::fs::write(&file, &input);
                panic!("{name}: an error without a position (input kept in {file:?})");
            }
        }
    }
    eprintln!(
        "{name}: {n} inputs in {:.1} s, {refused} refused (all with a position), 0 panics",
        start.elapsed().as_secs_f64(),
    );
}

#[test]
fn the_checklist_loader_never_panics_and_places_every_error() {
    let seeds: Vec<Vec<u8>> = std::fs::read_dir("checklists")
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    let path = Path::new("fuzz.ron");
    fuzz("checklist", &seeds, |bytes| {
        let text = String::from_utf8_lossy(bytes);
        match Checklist::parse(&text, path) {
            Ok(_) => Ok(()),
            Err(e) => Err(e.position.is_some()),
        }
    });
}

/// Small session files in every layout part: snapshot, history lines, journal lines.
fn session_seeds() -> Vec<Vec<u8>> {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut seeds = Vec::new();
    for (items, departments, history) in [(3, 2, 6), (5, 3, 20)] {
        let mut session = large_session(items, departments, history);
        session.id = format!("s{items}");
        store.create(&session).unwrap();
        let mut writer = store.open_writer(&session.id, "監査 太郎").unwrap();
        let item = session.checklist.items().next().unwrap().1.id.clone();
        let department = session.hearings[0].department.short.clone();
        let change = writer
            .session()
            .set_note(&department, &item, "鍵なし。")
            .unwrap();
        writer.record(change).unwrap();
        drop(writer);
        seeds.push(std::fs::read(store.path_of(&session.id)).unwrap());
    }
    seeds
}

#[test]
fn the_session_loader_never_panics_and_places_every_error() {
    let seeds = session_seeds();
    let path = Path::new("fuzz.ron");
    fuzz("session", &seeds, |bytes| {
        let strict = Store::load_bytes(bytes, path, false);
        let lazy = Store::load_bytes(bytes, path, true);
        if let Ok(session) = &lazy {
            // The history left as text is read when asked for, never panicking.
            let _ = session.history.iter().count();
        }
        match (strict, lazy) {
            (Ok(_), _) => Ok(()),
            (Err(e), Err(f)) => Err(e.position.is_some() && f.position.is_some()),
            (Err(e), Ok(_)) => Err(e.position.is_some()),
        }
    });
}

#[test]
fn the_spreadsheet_importer_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    let seeds: Vec<Vec<u8>> = [
        "checklists/ryugasaki-2024-h1.ron",
        "checklists/isms-severity.ron",
    ]
    .iter()
    .map(|p| {
        let checklist = Checklist::load(Path::new(p)).unwrap();
        kansa::sheet::to_csv(&checklist).unwrap().into_bytes()
    })
    .collect();
    let file = dir.path().join("fuzz.csv");
    fuzz("sheet-csv", &seeds, |bytes| {
        std::fs::write(&file, bytes).unwrap();
        match kansa::sheet::read(&file, &SHEET_EN) {
            Ok(_) => Ok(()),
            // A spreadsheet error names the file, and the sheet, row and column when
            // it is about a cell; an unreadable file has none of these.
            Err(_) => Err(true),
        }
    });
}
