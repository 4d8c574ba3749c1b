//! The screens, driven through the app on ratatui's TestBackend: one test binary (see
//! tests/README.md).

#[path = "../common/mod.rs"]
mod common;
#[path = "../screen/mod.rs"]
mod screen;

mod evidence;
mod full_disk;
mod hearing_flow;
mod keymap;
mod no_color;
mod selfcheck;
mod selfcheck_checklists;
mod tui_checklists;
mod tui_export;
mod tui_frictions;
mod tui_hearing;
mod tui_matrix;
mod tui_record;
mod tui_rounds;
mod tui_scales;
mod tui_signed;
mod tui_snapshots;
mod tui_wide;
