//! A really full disk under the hearing: a small tmpfs, mounted where the test may
//! (root, as on CI), filled up while marks are entered.

use crate::screen::*;
use kansa::i18n::Lang;
use kansa::tui::{App, Input};

/// A real full disk: a small tmpfs, filled up while the hearing goes on. Needs the
/// right to mount (root, as on CI); elsewhere it says so and leaves the job to the
/// simulated failure above.
#[test]
fn a_really_full_disk_shows_the_banner_and_loses_nothing_once_space_is_back() {
    let dir = tempfile::tempdir().unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=512k,mode=0700", "tmpfs"])
        .arg(dir.path())
        .output()
        .is_ok_and(|o| o.status.success());
    if !mounted {
        eprintln!("skipped: cannot mount a tmpfs here");
        return;
    }
    struct Unmount<'a>(&'a std::path::Path);
    impl Drop for Unmount<'_> {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg(self.0).status();
        }
    }
    let _unmount = Unmount(dir.path());

    let id = new_session(dir.path(), "full", "満杯");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    let filler = dir.path().join("filler");
    {
        use std::io::Write;
        let mut file = std::fs::File::create(&filler).unwrap();
        while file.write_all(&[0u8; 4096]).is_ok() {}
        let _ = file.sync_all();
    }
    let mut keys = 0;
    while !screen_text(&app, 80, 24).contains("保存できません") {
        assert!(keys < 2000, "the disk never filled up");
        char_key(&mut app, if keys % 2 == 0 { '1' } else { 'u' });
        keys += 1;
    }
    type_marks(&mut app, "333");
    let shown = app.hearing().unwrap().session().clone();
    let saved = on_disk(dir.path(), &id);
    assert_ne!(
        saved.hearings, shown.hearings,
        "the marks entered meanwhile wait in memory"
    );
    assert!(screen_text(&app, 80, 24).contains("保存できません"));

    std::fs::remove_file(&filler).unwrap();
    app.handle(Input::Tick);
    let text = screen_text(&app, 80, 24);
    assert!(
        !text.contains("保存できません") && text.contains("保存しました"),
        "{text}"
    );
    let saved = on_disk(dir.path(), &id);
    assert_eq!(saved.hearings, app.hearing().unwrap().session().hearings);
    assert_eq!(
        saved.history.len(),
        shown.history.len(),
        "every change reached the disk"
    );
}
