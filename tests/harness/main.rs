//! The proof harnesses (random inputs, fuzzing, SIGKILL, the real terminal) and the
//! property tests of the loaders: one test binary (see tests/README.md).

#[path = "../common/mod.rs"]
mod common;
#[path = "../screen/mod.rs"]
mod screen;
#[path = "../tmux/mod.rs"]
mod tmux;

mod e2e_pty;
mod evidence_kill;
mod fuzz_loaders;
mod fuzz_team;
mod loaders;
mod sigkill;
mod size_sweep;
mod tui_props;
