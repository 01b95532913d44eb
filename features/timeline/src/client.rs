//! The timeline as a sub-client over the store (`Cradle::timeline()`): how
//! the pregnancy is dated, a birth, a loss, trying to conceive, the babies'
//! sex, and where she stands. Each call reads her "now" from the store.

use crate::baby::{self, Birth, BirthFacts, Sex};
use crate::dating::DatingInput;
use crate::gestation::Trimesters;
use crate::journey::Journey;
use crate::{HistoryEntry, Stage};
use cradle_store::Store;
use cradle_store::error::Result;
use cradle_store::events::{DataArea, TIMELINE};
use jiff::civil::Date;

pub struct TimelineClient<'a> {
    store: &'a Store,
    trimesters: &'a Trimesters,
}

impl<'a> TimelineClient<'a> {
    pub fn new(store: &'a Store, trimesters: &'a Trimesters) -> Self {
        Self { store, trimesters }
    }

    /// Records a way of dating the pregnancy, starting one if none is ongoing.
    pub fn record_dating(&self, input: DatingInput) -> Result<()> {
        self.store.write(TIMELINE, |tx, c| {
            crate::record_dating(tx, input, c.today, &c.now_text)
        })
    }

    /// Records a birth, with each baby's birth weight (or none) and the
    /// mother's HBsAg result when she knows it.
    pub fn record_birth(&self, birth: Birth, facts: &BirthFacts) -> Result<()> {
        self.store.write(TIMELINE, |tx, c| {
            crate::record_birth(tx, birth, facts, c.today, &c.now_text)
        })
    }

    pub fn record_loss(&self, date: Date) -> Result<()> {
        self.store
            .write(TIMELINE, |tx, c| crate::record_loss(tx, date, c.today))
    }

    /// Deletes archived (lost) pregnancies; returns how many.
    pub fn delete_lost_pregnancies(&self) -> Result<usize> {
        self.store
            .write(TIMELINE, |tx, _| crate::delete_lost_pregnancies(tx))
    }

    /// `Some(since)` starts "trying to conceive"; `None` stops it.
    pub fn set_trying(&self, since: Option<Date>) -> Result<()> {
        self.store
            .write(TIMELINE, |tx, c| crate::set_trying(tx, since, c.today))
    }

    /// Records the sex of baby `ordinal` (1 for a singleton) of the latest
    /// birth, for growth percentiles (so the records change).
    pub fn set_baby_sex(&self, ordinal: u8, sex: Sex) -> Result<()> {
        self.store.write(&[DataArea::Records], |tx, _| {
            baby::set_sex(tx, ordinal, sex)
        })
    }

    /// Every dating estimate of the ongoing pregnancy, oldest first.
    pub fn dating_history(&self) -> Result<Vec<HistoryEntry>> {
        crate::ongoing_estimates(&self.store.conn())
    }

    /// Where she is today: trying, pregnant, postpartum, baby or none.
    pub fn stage(&self) -> Result<Stage> {
        let db = self.store.conn();
        let c = self.store.ctx(&db)?;
        Ok(crate::load(&db)?
            .on(c.today, c.language, self.trimesters)
            .stage)
    }

    /// Every journey page, dated for her, with today's marked.
    pub fn journey(&self) -> Result<Journey> {
        let db = self.store.conn();
        let c = self.store.ctx(&db)?;
        let state = crate::load(&db)?;
        drop(db);
        Ok(Journey {
            stage: state.on(c.today, c.language, self.trimesters).stage,
            steps: state.journey(c.today, c.language)?,
        })
    }
}
