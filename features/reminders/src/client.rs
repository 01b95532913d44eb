//! The reminders as a sub-client over the store (`Cradle::reminders()`):
//! the plan she sees, her custom reminders, what she did with each item,
//! her settings and the notification plan the shells schedule. Each call
//! reads her "now", zone and language from the store.

use crate::notify::{self, Notification, PlanDiff};
use crate::repeat::{self, Draft, Repeat};
use crate::{DoseGiven, Item, RuleCache, Settings};
use cradle_store::consent::{self, Purpose};
use cradle_store::error::{Error, Result};
use cradle_store::events::DataArea;
use cradle_store::profile::Language;
use cradle_store::{Ctx, Store};
use cradle_timeline::gestation::add_days;
use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::Connection;

/// How long to snooze.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Snooze {
    Minutes(u32),
    Until(Timestamp),
}

/// What other features want on the lock screen beside the reminders (the
/// shop's order news); the facade supplies it.
pub trait News {
    fn news(
        &self,
        db: &Connection,
        language: Language,
        now: Timestamp,
    ) -> Result<Vec<Notification>>;
}

pub struct Reminders<'a> {
    store: &'a Store,
    rules: &'a RuleCache,
    news: &'a dyn News,
}

impl<'a> Reminders<'a> {
    pub fn new(store: &'a Store, rules: &'a RuleCache, news: &'a dyn News) -> Self {
        Self { store, rules, news }
    }

    fn write<T>(&self, f: impl FnOnce(&rusqlite::Transaction<'_>, &Ctx) -> Result<T>) -> Result<T> {
        self.store.write(&[DataArea::Reminders], f)
    }

    /// Reminders due from `from` to `to` (default: today to 30 days on).
    pub fn list(&self, from: Option<Date>, to: Option<Date>) -> Result<Vec<Item>> {
        let db = self.store.conn();
        let c = self.store.ctx(&db)?;
        let from = from.unwrap_or(c.today);
        let to = match to {
            Some(to) => to,
            None => add_days(from, 30)?,
        };
        if to < from {
            return Err(Error::invalid("to", "must not be before from"));
        }
        crate::load(&db, c.language, self.rules)?.list(from, to)
    }

    /// Adds a custom reminder at local `time` ("HH:MM") following `rrule`; returns its rule id.
    pub fn add(&self, title: &str, rrule: &str, time: &str) -> Result<i64> {
        self.write(|tx, c| crate::add_custom(tx, title, rrule, time, c.today, &c.now_text))
    }

    /// Checks the recurrence picker's choices as saving would and previews
    /// them; save with [`Reminders::add`] and the draft's rule.
    pub fn draft(&self, title: &str, repeat: &Repeat, time: &str) -> Result<Draft> {
        let c = self.store.ctx(&self.store.conn())?;
        let now = c.zone.to_datetime(c.now);
        repeat::draft(title, repeat, time, now, c.language)
    }

    /// Edits a custom reminder; `None` keeps a field.
    pub fn edit(
        &self,
        rule_id: i64,
        title: Option<&str>,
        rrule: Option<&str>,
        time: Option<&str>,
    ) -> Result<()> {
        self.write(|tx, c| {
            let inputs = crate::load(tx, c.language, self.rules)?;
            crate::edit_custom(tx, &inputs, rule_id, title, rrule, time)
        })
    }

    pub fn delete(&self, rule_id: i64) -> Result<()> {
        self.write(|tx, _| crate::delete_custom(tx, rule_id))
    }

    /// Completes an item by id; a vaccine dose is recorded as given today.
    pub fn complete_item(&self, id: &str) -> Result<()> {
        self.write(|tx, c| {
            let inputs = crate::load(tx, c.language, self.rules)?;
            crate::complete(tx, &inputs, id, c.today, &c.now_text)
        })
    }

    pub fn skip_item(&self, id: &str) -> Result<()> {
        self.write(|tx, c| {
            let inputs = crate::load(tx, c.language, self.rules)?;
            crate::skip(tx, &inputs, id, &c.now_text)
        })
    }

    /// Snoozes an item for `minutes` (1 to 43,200), or until an instant.
    pub fn snooze_item(&self, id: &str, snooze: Snooze) -> Result<()> {
        self.write(|tx, c| {
            let until = match snooze {
                Snooze::Minutes(m) if (1..=43_200).contains(&m) => c
                    .now
                    .checked_add(jiff::SignedDuration::from_mins(i64::from(m)))
                    .map_err(|_| Error::invalid("minutes", "is too large"))?,
                Snooze::Minutes(_) => {
                    return Err(Error::invalid("minutes", "must be between 1 and 43200"));
                }
                Snooze::Until(t) => t,
            };
            let inputs = crate::load(tx, c.language, self.rules)?;
            crate::snooze(tx, &inputs, id, until, c.now)
        })
    }

    /// Records a dose given to one baby of the last birth.
    pub fn record_vaccine(&self, dose: &DoseGiven<'_>) -> Result<()> {
        self.write(|tx, c| {
            let inputs = crate::load(tx, c.language, self.rules)?;
            crate::record_dose(tx, &inputs, dose, c.today, &c.now_text)
        })
    }

    pub fn settings(&self) -> Result<Settings> {
        let db = self.store.conn();
        let c = self.store.ctx(&db)?;
        Ok(crate::load(&db, c.language, self.rules)?.settings)
    }

    pub fn set_settings(&self, settings: &Settings) -> Result<()> {
        self.write(|tx, _| crate::save_settings(tx, settings))
    }

    /// The next `limit` notifications after `now` (default: the clock's now);
    /// none without her consent to notifications.
    pub fn notification_plan(
        &self,
        now: Option<Timestamp>,
        limit: usize,
    ) -> Result<Vec<Notification>> {
        let db = self.store.conn();
        let c = self.store.ctx(&db)?;
        self.plan(&db, &c, now.unwrap_or(c.now), limit)
    }

    /// The notification plan as a change against the plan last returned
    /// here: ids to add and ids to cancel (all of them once she withdraws
    /// consent).
    pub fn notification_plan_diff(&self, limit: usize) -> Result<PlanDiff> {
        // No data area: the plan she sees is unchanged, only what was sent.
        self.store.write(&[], |tx, c| {
            let plan = self.plan(tx, c, c.now, limit)?;
            notify::diff_and_save(tx, plan)
        })
    }

    fn plan(
        &self,
        db: &Connection,
        c: &Ctx,
        now: Timestamp,
        limit: usize,
    ) -> Result<Vec<Notification>> {
        if !consent::granted(db, Purpose::Notifications)? {
            return Ok(Vec::new());
        }
        let inputs = crate::load(db, c.language, self.rules)?;
        let plan = notify::plan(&inputs, now, &c.zone, limit)?;
        let news = self.news.news(db, c.language, now)?;
        Ok(notify::with_news(
            plan,
            news,
            &inputs.settings,
            &c.zone,
            limit,
        ))
    }
}
