//! Asking for consent: the facade's side of `cradle_store::consent`.

use crate::cradle::Cradle;
use crate::error::{Error, Result};
use crate::events::PROFILE;
use cradle_store::consent::{Consent, NOTICE_VERSION, Purpose, granted, load};
use rusqlite::params;

impl Cradle {
    /// Every purpose, in [`Purpose::ALL`] order.
    pub fn consents(&self) -> Result<Vec<Consent>> {
        let db = self.db();
        Purpose::ALL.into_iter().map(|p| load(&db, p)).collect()
    }

    /// Grants or withdraws one purpose; returns them all. Withdrawing sync
    /// pauses it (changes keep queueing here); withdrawing notifications
    /// empties the plan.
    pub fn set_consent(&self, purpose: Purpose, granted: bool) -> Result<Vec<Consent>> {
        self.write(PROFILE, |tx, c| {
            // A "no" at onboarding is an answer too; the same answer again is not.
            let current = load(tx, purpose)?;
            if current.answered_at.is_none() || current.granted != granted {
                tx.execute(
                    "INSERT INTO consent_log (purpose, granted, notice, at) VALUES (?1, ?2, ?3, ?4)",
                    params![purpose.as_str(), granted, NOTICE_VERSION, c.now_text],
                )?;
            }
            Ok(())
        })?;
        if purpose == Purpose::Sync {
            self.sync().refresh_status()?;
        }
        self.consents()
    }

    /// `Error::ConsentRequired` unless she has granted `purpose`.
    pub(crate) fn require_consent(&self, purpose: Purpose) -> Result<()> {
        if granted(&self.db(), purpose)? {
            Ok(())
        } else {
            Err(Error::ConsentRequired(purpose))
        }
    }
}
