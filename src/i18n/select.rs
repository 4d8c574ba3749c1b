//! Each language's tables, chosen by `Lang`.

use super::en_documents::{REPORT_EN, ROUND_EN, SCORES_EN, SELFCHECK_EN, SHEET_EN};
use super::en_messages::MESSAGES_EN;
use super::en_review::{REVIEW_EN, TEAM_EN};
use super::en_screens::EN;
use super::ja_documents::{REPORT_JA, ROUND_JA, SCORES_JA, SELFCHECK_JA, SHEET_JA};
use super::ja_messages::MESSAGES_JA;
use super::ja_review::{REVIEW_JA, TEAM_JA};
use super::ja_screens::JA;
use super::lang::Lang;
use super::messages::Messages;
use super::review::{ReviewWords, TeamWords};
use super::screens::Strings;
use crate::export::words::{DocumentWords, ReportWords, RoundWords};
use crate::matrix::ScoreWords;
use crate::selfcheck::words::SelfcheckWords;
use crate::sheet::words::SheetStrings;

impl Lang {
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Ja => &JA,
            Lang::En => &EN,
        }
    }
}

impl Lang {
    /// The words of the command line and of errors in this language.
    pub fn messages(self) -> &'static Messages {
        match self {
            Lang::Ja => &MESSAGES_JA,
            Lang::En => &MESSAGES_EN,
        }
    }
}

impl Lang {
    pub fn sheet(self) -> &'static SheetStrings {
        match self {
            Lang::Ja => &SHEET_JA,
            Lang::En => &SHEET_EN,
        }
    }

    /// The words of scores and of `kansa show`'s last rows.
    pub fn scores(self) -> &'static ScoreWords {
        match self {
            Lang::Ja => &SCORES_JA,
            Lang::En => &SCORES_EN,
        }
    }
}

impl Lang {
    pub fn review_words(self) -> &'static ReviewWords {
        match self {
            Lang::Ja => &REVIEW_JA,
            Lang::En => &REVIEW_EN,
        }
    }
}

impl Lang {
    pub fn report_words(self) -> &'static ReportWords {
        match self {
            Lang::Ja => &REPORT_JA,
            Lang::En => &REPORT_EN,
        }
    }
}

impl Lang {
    pub fn team_words(self) -> &'static TeamWords {
        match self {
            Lang::Ja => &TEAM_JA,
            Lang::En => &TEAM_EN,
        }
    }
}

impl Lang {
    pub fn round_words(self) -> &'static RoundWords {
        match self {
            Lang::Ja => &ROUND_JA,
            Lang::En => &ROUND_EN,
        }
    }
}

impl Lang {
    pub fn selfcheck_words(self) -> &'static SelfcheckWords {
        match self {
            Lang::Ja => &SELFCHECK_JA,
            Lang::En => &SELFCHECK_EN,
        }
    }
}

impl From<Lang> for DocumentWords {
    fn from(lang: Lang) -> DocumentWords {
        DocumentWords {
            report: lang.report_words(),
            rounds: lang.round_words(),
        }
    }
}

impl Lang {
    /// The index of the body of evidence.
    pub fn index_words(self) -> &'static crate::export::evidence_body::IndexWords {
        match self {
            Lang::Ja => &super::ja_evidence::INDEX_JA,
            Lang::En => &super::en_evidence::INDEX_EN,
        }
    }
}
