//! When something happened: a time with its offset, as events, answers, sign-offs
//! and imports record it.

use chrono::{DateTime, FixedOffset};

pub type Timestamp = DateTime<FixedOffset>;
