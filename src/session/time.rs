//! When something happened: a time with its offset, as events, answers, sign-offs
//! and imports record it; and the hybrid logical time that orders changes whatever
//! the writers' clocks say.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

pub type Timestamp = DateTime<FixedOffset>;

/// A hybrid logical time (Kulkarni et al., 2014): the writer's wall clock in
/// milliseconds, raised past every change its writer had seen, and a counter for
/// changes within one such millisecond. A change made after seeing another has a
/// greater one, whatever the clocks of the two laptops said; the writer's name and the
/// change itself break ties (`merge`).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(deny_unknown_fields)]
pub struct Hlc {
    /// Milliseconds since 1970 (UTC).
    pub wall: i64,
    pub count: u32,
}

impl Hlc {
    /// The time of a change recorded before changes carried one: its time stamp.
    pub fn of_time(at: &Timestamp) -> Hlc {
        Hlc {
            wall: at.timestamp_millis(),
            count: 0,
        }
    }

    /// The time of a change made now by a writer whose latest seen time is `self`:
    /// the wall clock when it is ahead, else one count past what was seen.
    pub fn next(self, now: &Timestamp) -> Hlc {
        let wall = now.timestamp_millis();
        if wall > self.wall {
            Hlc { wall, count: 0 }
        } else {
            Hlc {
                wall: self.wall,
                count: self.count.saturating_add(1),
            }
        }
    }

    pub fn is_zero(&self) -> bool {
        *self == Hlc::default()
    }
}
