//! `kansa export --report all` of a round of two checklists (issue 24, point 5), as a
//! user runs it on the round the store keeps: every checklist's 結果一覧 in the HTML
//! and Markdown files, and the 実施報告書's part per checklist.

use crate::common::{kansa_in, run, stderr, stdout};

#[test]
fn every_report_of_a_round_of_two_checklists_holds_both_matrices() {
    let data = tempfile::tempdir().unwrap();
    let output = run(kansa_in(data.path()).args([
        "--lang",
        "ja",
        "new",
        "--title",
        "上半期",
        "--checklist",
        "checklists/ryugasaki-2024-h1.ron",
        "--checklist",
        "checklists/tokutei-kojin-joho.ron",
    ]));
    assert!(output.status.success(), "{}", stderr(&output));
    let id = stdout(&output).trim().to_string();
    for format in ["md", "html"] {
        let file = data.path().join(format!("all.{format}"));
        let output = run(kansa_in(data.path())
            .args(["--lang", "ja", "export", &id, "--report", "all"])
            .args(["--format", format, "-o"])
            .arg(&file));
        assert!(output.status.success(), "{}", stderr(&output));
        let text = std::fs::read_to_string(&file).unwrap();
        let second = "上半期 結果一覧（特定個人情報の適正な取扱いに係るチェックリスト）";
        let main = text.find("上半期 結果一覧").unwrap();
        let at = text
            .find(second)
            .unwrap_or_else(|| panic!("{format}: no {second}"));
        assert!(main < at && text[at..].contains("T4-4"), "{format}");
        let part = "『特定個人情報の適正な取扱いに係るチェックリスト』による確認結果";
        let summary = text.rfind("上半期 実施報告書").unwrap();
        assert!(text[summary..].contains(part), "{format}");
    }
}
