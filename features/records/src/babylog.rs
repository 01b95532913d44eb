//! The baby's day at a glance: feeds, nappies and sleep logged since her
//! local midnight, and when the last feed was, for the Records screen.

use super::journal::{Entry, JournalEntry};
use jiff::Timestamp;
use jiff::tz::TimeZone;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BabyDay {
    /// 1 for a singleton; twins are 1 and 2.
    pub baby: u8,
    pub feeds: u32,
    pub wet: u32,
    pub dirty: u32,
    pub sleep_minutes: u32,
    pub last_feed: Option<Timestamp>,
    /// The last feed at her local `HH:MM`.
    pub last_feed_local: Option<String>,
}

/// Sums `entries` (already limited to today) for baby `baby`, with times
/// in `zone`.
pub fn summarize(entries: &[JournalEntry], baby: u8, zone: &TimeZone) -> BabyDay {
    let start = BabyDay {
        baby,
        ..BabyDay::default()
    };
    let mut day = entries.iter().fold(start, |mut day, e| {
        match &e.entry {
            Entry::Feed { baby: b, .. } if *b == baby => {
                day.feeds = day.feeds.saturating_add(1);
                day.last_feed = day.last_feed.max(Some(e.at));
            }
            Entry::Diaper {
                baby: b,
                wet,
                dirty,
            } if *b == baby => {
                day.wet = day.wet.saturating_add(u32::from(*wet));
                day.dirty = day.dirty.saturating_add(u32::from(*dirty));
            }
            Entry::Sleep { baby: b, minutes } if *b == baby => {
                day.sleep_minutes = day.sleep_minutes.saturating_add(*minutes);
            }
            _ => {}
        }
        day
    });
    day.last_feed_local = day
        .last_feed
        .map(|t| zone.to_datetime(t).strftime("%H:%M").to_string());
    day
}
