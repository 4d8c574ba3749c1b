//! Shared by the fuzz harnesses (tests/harness/fuzz_loaders.rs,
//! tests/harness/fuzz_team.rs): a small deterministic generator, byte and token
//! mutations of real files, and a driver that runs one check per input, tallies how
//! each refusal was located, and keeps the files of an input that failed.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::time::Instant;

/// A small deterministic generator (splitmix64): a failure is reproduced by its seed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True once in `n` times.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    pub fn pick<'a, T>(&mut self, choices: &'a [T]) -> &'a T {
        &choices[self.below(choices.len())]
    }
}

/// RON punctuation, the session file's section marks, marks and Japanese, odd numbers.
pub const RON_TOKENS: &[&str] = &[
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

/// `seed` with RON tokens inserted, bytes flipped, cut, spliced and duplicated; one
/// time in twenty random bytes instead.
pub fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    mutate_with(rng, seed, RON_TOKENS)
}

/// `mutate`, inserting `tokens`.
pub fn mutate_with(rng: &mut Rng, seed: &[u8], tokens: &[&str]) -> Vec<u8> {
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
                let token = tokens[rng.below(tokens.len())].as_bytes();
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

/// `KANSA_FUZZ` inputs per harness; a thousand, a few seconds, under `cargo test`.
pub fn iterations() -> usize {
    std::env::var("KANSA_FUZZ")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000)
}

/// One input being checked: its generator, and the files it was made of, kept so
/// that a failure leaves them behind.
pub struct Case {
    pub rng: Rng,
    /// Which input of the run this is, from 0.
    pub index: usize,
    files: Vec<(&'static str, Vec<u8>)>,
}

impl Case {
    /// Keeps `bytes` as the input's file `name`.
    pub fn keep(&mut self, name: &'static str, bytes: &[u8]) {
        self.files.push((name, bytes.to_vec()));
    }
}

/// What came of one input: accepted, or refused, named by where its error pointed
/// ("line and column", "a cell", …). An error placed less well than it must be is a
/// failure: the check panics.
pub type Verdict = Result<(), &'static str>;

/// Runs `check` on `iterations()` inputs that it makes with the case's generator (one
/// generator through the run: the inputs are the same at every count). Reports the
/// count, the time and the refusals by how they were placed; a panic, in kansa or in
/// the check, leaves the input's files in the temporary folder.
pub fn fuzz(name: &str, mut check: impl FnMut(&mut Case) -> Verdict) {
    let n = iterations();
    let mut case = Case {
        rng: Rng(0x006b_616e_7361 ^ name.len() as u64),
        index: 0,
        files: Vec::new(),
    };
    let mut refused: BTreeMap<&str, usize> = BTreeMap::new();
    let start = Instant::now();
    for i in 0..n {
        case.files.clear();
        case.index = i;
        match catch_unwind(AssertUnwindSafe(|| check(&mut case))) {
            Ok(Ok(())) => {}
            Ok(Err(placed)) => *refused.entry(placed).or_default() += 1,
            Err(panic) => {
                for (file, bytes) in &case.files {
                    let path = std::env::temp_dir().join(format!("kansa-fuzz-{name}-{file}"));
                    let _ = std::fs::write(&path, bytes);
                    eprintln!("{name}: input {i} failed; its {file} is kept in {path:?}");
                }
                resume_unwind(panic);
            }
        }
    }
    let total: usize = refused.values().sum();
    let how: Vec<String> = refused.iter().map(|(k, v)| format!("{v} {k}")).collect();
    eprintln!(
        "{name}: {n} inputs in {:.1} s, {total} refused ({}), 0 panics",
        start.elapsed().as_secs_f64(),
        how.join(", "),
    );
}
