//! Journal entries: baby logs, medications, labs and notes.

use super::*;

#[derive(uniffi::Record)]
pub struct JournalItem {
    pub id: i64,
    /// RFC 3339.
    pub at: String,
    pub entry: Entry,
    pub unusual: bool,
}

impl From<JournalEntry> for JournalItem {
    fn from(e: JournalEntry) -> Self {
        Self {
            id: e.id,
            at: e.at.to_string(),
            entry: e.entry,
            unusual: e.unusual,
        }
    }
}

/// Height and pre-pregnancy weight, asked only for the weight-gain band.
#[derive(uniffi::Record)]
pub struct BodyBaseline {
    pub height_cm: f64,
    pub pre_pregnancy_kg: f64,
}

#[uniffi::export]
impl RecordsClient {
    /// Adds a journal entry at `at` (RFC 3339; default now). Returns its id.
    pub fn add_entry(&self, entry: Entry, at: Option<String>) -> Result<i64> {
        let at = at
            .map(|t| cradle_core::reminders::parse_instant("at", &t))
            .transpose()?;
        Ok(self.records().add_entry(entry, at)?)
    }

    pub fn update_entry(&self, id: i64, entry: Entry, at: String) -> Result<()> {
        let at = cradle_core::reminders::parse_instant("at", &at)?;
        Ok(self.records().update_entry(id, entry, at)?)
    }

    pub fn delete_entry(&self, id: i64) -> Result<()> {
        Ok(self.records().delete_entry(id)?)
    }

    /// Live entries of `kinds` (all when empty) between two RFC 3339
    /// instants (both optional), oldest first.
    pub fn entries(
        &self,
        kinds: Vec<String>,
        from: Option<String>,
        to: Option<String>,
    ) -> Result<Vec<JournalItem>> {
        let instant = |field, t: Option<String>| {
            t.map(|t| cradle_core::reminders::parse_instant(field, &t))
                .transpose()
        };
        let filter = Filter {
            kinds,
            from: instant("from", from)?,
            to: instant("to", to)?,
        };
        Ok(self
            .records()
            .entries(&filter)?
            .into_iter()
            .map(Into::into)
            .collect())
    }
}
