//! Reminders, vaccines and the notification plan.

use super::*;

#[derive(uniffi::Enum)]
pub enum ReminderKind {
    Checkup,
    Vaccine,
    Custom,
}

#[derive(uniffi::Enum)]
pub enum ReminderStatus {
    Pending,
    Done,
    Skipped,
    Snoozed,
}

#[derive(uniffi::Record)]
pub struct ReminderItem {
    /// Stable across plan regenerations; pass it back to complete, skip or snooze.
    pub id: String,
    pub kind: ReminderKind,
    pub title: String,
    /// `YYYY-MM-DD`, or the local `YYYY-MM-DDTHH:MM` for custom reminders.
    pub due: String,
    pub status: ReminderStatus,
    pub window_start: Option<String>,
    pub window_end: Option<String>,
    /// Checkups: what is checked in this window.
    pub checks: Vec<String>,
    /// Vaccines: which baby of the birth (1 unless twins or more).
    pub baby: Option<u8>,
    pub vaccine: Option<String>,
    pub dose: Option<u32>,
    pub given_on: Option<String>,
    pub snoozed_until: Option<String>,
}

impl From<Item> for ReminderItem {
    fn from(i: Item) -> Self {
        Self {
            id: i.id,
            kind: match i.kind {
                Kind::Checkup => ReminderKind::Checkup,
                Kind::Vaccine => ReminderKind::Vaccine,
                Kind::Custom => ReminderKind::Custom,
            },
            title: i.title,
            due: i.due.to_string(),
            status: match i.status {
                Status::Pending => ReminderStatus::Pending,
                Status::Done => ReminderStatus::Done,
                Status::Skipped => ReminderStatus::Skipped,
                Status::Snoozed => ReminderStatus::Snoozed,
            },
            window_start: i.window.map(|(s, _)| s.to_string()),
            window_end: i.window.map(|(_, e)| e.to_string()),
            checks: i.checks,
            baby: i.baby,
            dose: i.vaccine.as_ref().map(|(_, d)| *d),
            vaccine: i.vaccine.map(|(c, _)| c),
            given_on: i.given_on.map(|d| d.to_string()),
            snoozed_until: i.snoozed_until.map(|t| t.to_string()),
        }
    }
}

/// One local notification for the shell to schedule.
#[derive(uniffi::Record)]
pub struct NotificationInfo {
    /// Stable: reuse it as the platform's notification id.
    pub id: String,
    /// Milliseconds since the Unix epoch, for AlarmManager and UNCalendarNotificationTrigger.
    pub fire_at_epoch_ms: i64,
    pub title: String,
    pub body: String,
    pub deep_link: String,
}

impl From<Notification> for NotificationInfo {
    fn from(n: Notification) -> Self {
        Self {
            id: n.id,
            fire_at_epoch_ms: n.fire_at.as_millisecond(),
            title: n.title,
            body: n.body,
            deep_link: n.deep_link,
        }
    }
}

/// What to change in the platform's pending notifications.
#[derive(uniffi::Record)]
pub struct NotificationPlanDiff {
    pub add: Vec<NotificationInfo>,
    pub cancel: Vec<String>,
}

#[uniffi::remote(Enum)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

// One enum is all the reminders crate hands over as it is, and a crate of
// its own UniFFI scaffolding costs about 7.4 KB of library
// (docs/benchmarks.md): declared here instead.
#[uniffi::remote(Enum)]
pub enum Every {
    Day,
    Week,
    Month,
    Year,
}

/// When a repeating reminder stops.
#[derive(uniffi::Enum)]
pub enum RepeatEnds {
    Never,
    After {
        count: u32,
    },
    /// `YYYY-MM-DD`, included.
    On {
        date: String,
    },
}

/// The recurrence picker's choices.
#[derive(uniffi::Record)]
pub struct RepeatChoice {
    pub every: Every,
    pub interval: u16,
    /// Weekly only; empty means the weekday of the first occurrence.
    pub weekdays: Vec<Weekday>,
    pub ends: RepeatEnds,
}

impl TryFrom<RepeatChoice> for Repeat {
    type Error = CradleError;

    fn try_from(r: RepeatChoice) -> Result<Self> {
        Ok(Repeat {
            every: r.every,
            interval: r.interval,
            weekdays: r.weekdays,
            ends: match r.ends {
                RepeatEnds::Never => Ends::Never,
                RepeatEnds::After { count } => Ends::After(count),
                RepeatEnds::On { date } => {
                    Ends::On(cradle_core::timeline::parse_date("until", &date)?)
                }
            },
        })
    }
}

/// The add-reminder screen before saving: the rule to pass to
/// `add_reminder`, her sentence for it and the next times it rings.
#[derive(uniffi::Record)]
pub struct ReminderDraft {
    pub rrule: String,
    pub summary: String,
    /// Local `YYYY-MM-DDTHH:MM`.
    pub next: Vec<String>,
}

impl From<Draft> for ReminderDraft {
    fn from(d: Draft) -> Self {
        Self {
            next: d.next_local(),
            rrule: d.rrule,
            summary: d.summary,
        }
    }
}

#[derive(uniffi::Record)]
pub struct ReminderSettings {
    /// `cn-cma-2018` (default) or `who-2016`.
    pub prenatal_schedule: String,
    /// `HH:MM`, local.
    pub quiet_start: String,
    pub quiet_end: String,
}

/// A weekday's short name, for the recurrence picker's day buttons.
#[uniffi::export]
pub fn weekday_name(language: Language, day: Weekday) -> String {
    repeat::weekday_name(language, day).to_owned()
}

impl From<Settings> for ReminderSettings {
    fn from(s: Settings) -> Self {
        Self {
            prenatal_schedule: s.prenatal_schedule,
            quiet_start: cradle_core::reminders::hh_mm(s.quiet_start),
            quiet_end: cradle_core::reminders::hh_mm(s.quiet_end),
        }
    }
}

/// Her reminders, as `core.reminders()` hands them out: the plan, her
/// custom reminders, what she did with each item, the notification plan and
/// the settings.
#[derive(uniffi::Object)]
pub struct RemindersClient {
    core: Arc<CradleCore>,
}

#[uniffi::export]
impl CradleCore {
    pub fn reminders(self: Arc<Self>) -> Arc<RemindersClient> {
        Arc::new(RemindersClient { core: self })
    }
}

impl RemindersClient {
    fn reminders(&self) -> cradle_core::reminders::Reminders<'_> {
        self.core.core.reminders()
    }
}

#[uniffi::export]
impl RemindersClient {
    /// Reminders due from `from` to `to` (ISO dates; default today to 30 days on).
    pub fn list(&self, from: Option<String>, to: Option<String>) -> Result<Vec<ReminderItem>> {
        let from = from
            .map(|d| cradle_core::timeline::parse_date("from", &d))
            .transpose()?;
        let to = to
            .map(|d| cradle_core::timeline::parse_date("to", &d))
            .transpose()?;
        Ok(self
            .reminders()
            .list(from, to)?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Adds a custom reminder: an RFC 5545 RRULE and a local `HH:MM`. Returns its rule id.
    pub fn add(&self, title: String, rrule: String, time: String) -> Result<i64> {
        Ok(self.reminders().add(&title, &rrule, &time)?)
    }

    /// Checks the picker's choices as saving would; nothing is saved.
    pub fn draft(
        &self,
        title: String,
        repeat: RepeatChoice,
        time: String,
    ) -> Result<ReminderDraft> {
        Ok(self
            .reminders()
            .draft(&title, &repeat.try_into()?, &time)?
            .into())
    }

    pub fn edit(
        &self,
        rule_id: i64,
        title: Option<String>,
        rrule: Option<String>,
        time: Option<String>,
    ) -> Result<()> {
        Ok(self
            .reminders()
            .edit(rule_id, title.as_deref(), rrule.as_deref(), time.as_deref())?)
    }

    pub fn delete(&self, rule_id: i64) -> Result<()> {
        Ok(self.reminders().delete(rule_id)?)
    }

    pub fn complete_item(&self, id: String) -> Result<()> {
        Ok(self.reminders().complete_item(&id)?)
    }

    pub fn skip_item(&self, id: String) -> Result<()> {
        Ok(self.reminders().skip_item(&id)?)
    }

    pub fn snooze_item(&self, id: String, minutes: u32) -> Result<()> {
        Ok(self
            .reminders()
            .snooze_item(&id, Snooze::Minutes(minutes))?)
    }

    /// Snoozes until an RFC 3339 instant.
    pub fn snooze_item_until(&self, id: String, until: String) -> Result<()> {
        let until = cradle_core::reminders::parse_instant("until", &until)?;
        Ok(self.reminders().snooze_item(&id, Snooze::Until(until))?)
    }

    /// Records a dose given to `baby` (1 unless twins or more) of the last birth.
    pub fn record_vaccine(
        &self,
        baby: u8,
        code: String,
        dose: u32,
        date: String,
        lot: Option<String>,
        place: Option<String>,
    ) -> Result<()> {
        Ok(self.reminders().record_vaccine(&DoseGiven {
            baby,
            code: &code,
            dose,
            given_on: cradle_core::timeline::parse_date("date", &date)?,
            lot: lot.as_deref(),
            place: place.as_deref(),
        })?)
    }

    /// The next `limit` notifications (iOS keeps at most 64 pending).
    pub fn notification_plan(&self, limit: u32) -> Result<Vec<NotificationInfo>> {
        Ok(self
            .reminders()
            .notification_plan(None, limit as usize)?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The plan as a change since the last call: schedule `add`, cancel `cancel`.
    pub fn notification_plan_diff(&self, limit: u32) -> Result<NotificationPlanDiff> {
        let diff = self.reminders().notification_plan_diff(limit as usize)?;
        Ok(NotificationPlanDiff {
            add: diff.add.into_iter().map(Into::into).collect(),
            cancel: diff.cancel,
        })
    }

    pub fn settings(&self) -> Result<ReminderSettings> {
        Ok(self.reminders().settings()?.into())
    }

    pub fn set_settings(&self, settings: ReminderSettings) -> Result<()> {
        Ok(self.reminders().set_settings(&Settings {
            prenatal_schedule: settings.prenatal_schedule,
            quiet_start: cradle_core::reminders::custom::parse_time(
                "quiet_start",
                &settings.quiet_start,
            )?,
            quiet_end: cradle_core::reminders::custom::parse_time(
                "quiet_end",
                &settings.quiet_end,
            )?,
        })?)
    }
}
