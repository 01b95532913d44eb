//! Checkups, vaccines, her own reminders and the notification plan.

use crate::*;

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Checkups, vaccines and your own reminders
    Reminders {
        #[command(subcommand)]
        action: RemindersAction,
    },
    /// Vaccine doses given to the baby
    Vaccine {
        #[command(subcommand)]
        action: VaccineAction,
    },
    /// What a phone would schedule as local notifications
    Notifications {
        #[command(subcommand)]
        action: NotificationsAction,
    },
}

#[derive(Subcommand)]
pub(crate) enum RemindersAction {
    /// Reminders due in a date range (default: today to 30 days on)
    List {
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
    },
    /// Add a recurring reminder (RFC 5545 RRULE) at a local time
    Add {
        #[arg(long)]
        title: String,
        /// e.g. FREQ=DAILY, or FREQ=WEEKLY;BYDAY=MO,TH
        #[arg(long)]
        rrule: String,
        /// HH:MM, local time
        #[arg(long)]
        time: String,
    },
    /// Mark a reminder done (a vaccine: given today)
    Done { id: String },
    /// Skip a reminder
    Skip { id: String },
    /// Snooze a reminder
    #[command(group(ArgGroup::new("how_long").required(true).args(["minutes", "until"])))]
    Snooze {
        id: String,
        #[arg(long)]
        minutes: Option<u32>,
        /// RFC 3339, e.g. 2027-05-01T09:00:00+08:00
        #[arg(long)]
        until: Option<String>,
    },
    /// Change a custom reminder (by its rule number)
    Edit {
        rule: i64,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        rrule: Option<String>,
        #[arg(long)]
        time: Option<String>,
    },
    /// Delete a custom reminder (by its rule number)
    Delete { rule: i64 },
    /// Prenatal schedule (cn-cma-2018 or who-2016) and quiet hours
    Settings {
        #[arg(long)]
        schedule: Option<String>,
        #[arg(long, requires = "quiet_end")]
        quiet_start: Option<String>,
        #[arg(long, requires = "quiet_start")]
        quiet_end: Option<String>,
    },
}

#[derive(Subcommand)]
pub(crate) enum VaccineAction {
    /// Record a dose given
    Given {
        /// Which baby of the birth (twins: 1 or 2)
        #[arg(long, default_value_t = 1)]
        baby: u8,
        #[arg(long)]
        code: String,
        #[arg(long)]
        dose: u32,
        #[arg(long)]
        date: String,
        #[arg(long)]
        lot: Option<String>,
        #[arg(long)]
        place: Option<String>,
    },
}

#[derive(Subcommand)]
pub(crate) enum NotificationsAction {
    /// The next notifications to schedule
    Plan {
        #[arg(long, default_value_t = 64)]
        limit: usize,
        /// Plan as of this instant (RFC 3339) instead of now
        #[arg(long)]
        now: Option<String>,
    },
}

pub(crate) fn run(cradle: &Cradle, out: &Output, command: Command) -> Result<(), CradleError> {
    match command {
        Command::Reminders { action } => reminders_command(cradle, out, action)?,
        Command::Vaccine {
            action:
                VaccineAction::Given {
                    baby,
                    code,
                    dose,
                    date,
                    lot,
                    place,
                },
        } => {
            let date = parse_date("date", &date)?;
            cradle.reminders().record_vaccine(&DoseGiven {
                baby,
                code: &code,
                dose,
                given_on: date,
                lot: lot.as_deref(),
                place: place.as_deref(),
            })?;
            out.reminders(
                cradle.language()?,
                &cradle.reminders().list(Some(date), None)?,
            );
        }
        Command::Notifications {
            action: NotificationsAction::Plan { limit, now },
        } => {
            let now = now
                .map(|t| reminders::parse_instant("now", &t))
                .transpose()?;
            out.notifications(
                &cradle.reminders().notification_plan(now, limit)?,
                &cradle.time_zone()?,
            );
        }
    }
    Ok(())
}

fn reminders_command(
    cradle: &Cradle,
    out: &Output,
    action: RemindersAction,
) -> Result<(), CradleError> {
    match action {
        RemindersAction::List { from, to } => {
            let from = from.map(|d| parse_date("from", &d)).transpose()?;
            let to = to.map(|d| parse_date("to", &d)).transpose()?;
            out.reminders(cradle.language()?, &cradle.reminders().list(from, to)?);
        }
        RemindersAction::Add { title, rrule, time } => {
            let rule = cradle.reminders().add(&title, &rrule, &time)?;
            out.added(cradle.language()?, rule);
        }
        RemindersAction::Done { id } => {
            cradle.reminders().complete_item(&id)?;
            out.ok(cradle.language()?, &id, Outcome::Done);
        }
        RemindersAction::Skip { id } => {
            cradle.reminders().skip_item(&id)?;
            out.ok(cradle.language()?, &id, Outcome::Skipped);
        }
        RemindersAction::Snooze { id, minutes, until } => {
            let snooze = match (minutes, until) {
                (Some(m), _) => Snooze::Minutes(m),
                // clap's "how_long" group guarantees one of the two.
                (None, until) => Snooze::Until(reminders::parse_instant(
                    "until",
                    until.as_deref().unwrap_or_default(),
                )?),
            };
            cradle.reminders().snooze_item(&id, snooze)?;
            out.ok(cradle.language()?, &id, Outcome::Snoozed);
        }
        RemindersAction::Edit {
            rule,
            title,
            rrule,
            time,
        } => {
            cradle
                .reminders()
                .edit(rule, title.as_deref(), rrule.as_deref(), time.as_deref())?;
            out.ok(cradle.language()?, &rule.to_string(), Outcome::Edited);
        }
        RemindersAction::Delete { rule } => {
            cradle.reminders().delete(rule)?;
            out.ok(cradle.language()?, &rule.to_string(), Outcome::Deleted);
        }
        RemindersAction::Settings {
            schedule,
            quiet_start,
            quiet_end,
        } => {
            let mut settings = cradle.reminders().settings()?;
            if let Some(schedule) = schedule {
                settings.prenatal_schedule = schedule;
            }
            if let (Some(start), Some(end)) = (quiet_start, quiet_end) {
                settings.quiet_start = parse_time("quiet_start", &start)?;
                settings.quiet_end = parse_time("quiet_end", &end)?;
            }
            cradle.reminders().set_settings(&settings)?;
            out.settings(cradle.language()?, &settings);
        }
    }
    Ok(())
}
