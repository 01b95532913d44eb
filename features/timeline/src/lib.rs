//! The pregnancy and baby timeline: dating, stages, ages and content, and
//! how they are stored. Every other feature reads her stage from here,
//! through this crate's public API.

// Its types cross to Kotlin and Swift as they are (uniffi.cradle.timeline).
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();

pub mod baby;
mod client;
pub mod content;
pub mod dating;
pub mod gestation;
pub mod journey;
pub mod schedules;
pub mod words;

pub use client::TimelineClient;
use cradle_store::storage::Migration;

/// The timeline's tables: pregnancies, dating, births, babies.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 2,
        sql: include_str!("../migrations/0002_timeline.sql"),
    },
    Migration {
        version: 22,
        sql: include_str!("../migrations/0022_babies.sql"),
    },
];

use crate::baby::Sex;
use baby::{BIRTH_WEIGHT_G, BabyAge, Birth, BirthFacts, HbsAg, Newborn};
use content::{MonthContent, WeekContent};
use cradle_store::error::{Error, Result};
use cradle_store::profile::Language;
use dating::{BestEstimate, DatingInput, Estimate, Method, Scan};
use gestation::{
    GestationalAge, TERM_DAYS, TermClass, Trimesters, days_between, start_of_pregnancy,
};
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// Where the user is in the journey. Shown by the CLI as `trying`,
/// `pregnant`, `postpartum`, `baby`, `after_loss` or `none`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Trying,
    Pregnant,
    Postpartum,
    Baby,
    /// Her last pregnancy ended in a loss, and she has not started trying
    /// or dated a new one: nothing about pregnancy is shown or suggested.
    AfterLoss,
    None,
}

impl Stage {
    pub fn code(self) -> &'static str {
        match self {
            Stage::Trying => "trying",
            Stage::Pregnant => "pregnant",
            Stage::Postpartum => "postpartum",
            Stage::Baby => "baby",
            Stage::AfterLoss => "after_loss",
            Stage::None => "none",
        }
    }
}

/// The puerperium: the first 42 days after birth, ending with the 42-day
/// postpartum check of China's basic public-health service.
pub const POSTPARTUM_DAYS: i64 = 42;

/// Births are accepted from 20w0d to 44w6d of gestation.
const BIRTH_GA: std::ops::RangeInclusive<i64> = (20 * 7)..=(44 * 7 + 6);
const MAX_BABIES: u32 = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PregnancyStatus {
    pub edd: Date,
    pub method: Method,
    pub redated: bool,
    pub gestational_age: GestationalAge,
    pub trimester: u8,
    pub term: TermClass,
    pub days_to_edd: i64,
    /// 0–100, by days of the 280.
    pub progress_percent: u8,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BabyStatus {
    pub birth: Birth,
    pub age: BabyAge,
}

/// The timeline as it stands on one date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    pub stage: Stage,
    pub pregnancy: Option<PregnancyStatus>,
    pub baby: Option<BabyStatus>,
    pub week: Option<WeekContent>,
    pub month: Option<MonthContent>,
}

/// One entry of the dating history, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub estimate: Estimate,
    pub recorded_at: String,
}

/// A stored row: its local id, for joins on this device, and its uid,
/// the same on every device, for ids that sync (reminder items).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowRef {
    pub id: i64,
    pub uid: String,
}

/// What is stored, loaded in one go.
#[derive(Debug, Clone, Default)]
pub struct State {
    ongoing: Option<(RowRef, Vec<Estimate>)>,
    last_birth: Option<(RowRef, Birth)>,
    /// The day the most recent lost pregnancy ended.
    last_loss: Option<Date>,
    trying_since: Option<Date>,
}

impl State {
    /// The ongoing pregnancy and its best estimate.
    pub fn ongoing(&self) -> Option<(&RowRef, BestEstimate)> {
        let (row, estimates) = self.ongoing.as_ref()?;
        Some((row, dating::best_estimate(estimates)?))
    }

    /// The ongoing pregnancy's estimates, oldest first (empty when none).
    pub fn estimates(&self) -> &[Estimate] {
        self.ongoing.as_ref().map_or(&[], |(_, e)| e.as_slice())
    }

    /// The most recent birth.
    pub fn last_birth(&self) -> Option<(&RowRef, Birth)> {
        self.last_birth.as_ref().map(|(row, birth)| (row, *birth))
    }

    fn best(&self) -> Option<BestEstimate> {
        self.ongoing().map(|(_, best)| best)
    }

    /// The journey's pages on `date`: the pregnancy's weeks while one is
    /// ongoing, else the last baby's months.
    pub fn journey(&self, date: Date, language: Language) -> Result<Vec<journey::Step>> {
        match (self.best(), self.last_birth()) {
            (Some(best), _) => journey::pregnancy(best.edd, date, language),
            (None, Some((_, birth))) => journey::baby(birth, date, language),
            (None, None) => Ok(Vec::new()),
        }
    }

    /// The timeline on `date`.
    pub fn on(&self, date: Date, language: Language, trimesters: &Trimesters) -> Timeline {
        let pregnancy = self.best().map(|best| {
            let ga = GestationalAge::on(date, best.edd);
            PregnancyStatus {
                edd: best.edd,
                method: best.method,
                redated: best.redated,
                gestational_age: ga,
                trimester: trimesters.of(ga),
                term: TermClass::of(ga),
                days_to_edd: days_between(date, best.edd),
                progress_percent: (ga.total_days.clamp(0, TERM_DAYS) * 100 / TERM_DAYS) as u8,
            }
        });
        let baby = self
            .last_birth()
            .and_then(|(_, birth)| birth.age_on(date).map(|age| BabyStatus { birth, age }));
        // A loss after the last birth (or with no birth) is her latest event.
        let lost_last = self
            .last_loss
            .is_some_and(|lost| self.last_birth().is_none_or(|(_, b)| b.date < lost));
        let stage = match (&pregnancy, &baby) {
            (Some(_), _) => Stage::Pregnant,
            (None, Some(b)) if b.age.days < POSTPARTUM_DAYS => Stage::Postpartum,
            (None, Some(_)) => Stage::Baby,
            (None, None) if self.trying_since.is_some() => Stage::Trying,
            (None, None) if lost_last => Stage::AfterLoss,
            (None, None) => Stage::None,
        };
        let week = pregnancy
            .as_ref()
            .and_then(|p| content::week(language, p.gestational_age.weeks()));
        let month = match (&pregnancy, &baby) {
            // A preterm baby's development follows corrected age.
            (None, Some(b)) => {
                content::month(language, b.age.corrected_months.unwrap_or(b.age.months))
            }
            _ => None,
        };
        Timeline {
            stage,
            pregnancy,
            baby,
            week,
            month,
        }
    }
}

/// Parses an ISO `YYYY-MM-DD` date from user input.
pub fn parse_date(field: &'static str, text: &str) -> Result<Date> {
    text.trim()
        .parse::<Date>()
        .map_err(|_| Error::invalid(field, "must be a date written YYYY-MM-DD"))
}

pub fn read_date(text: String) -> Result<Date> {
    text.parse::<Date>()
        .map_err(|_| Error::Corrupt("a stored date"))
}

pub fn load(conn: &Connection) -> Result<State> {
    // Two devices can each have started the pregnancy before syncing
    // (migration 0010): every ongoing row is the same pregnancy. The one with
    // the lowest uid names it on every device; the estimates of all count.
    let ongoing: Option<RowRef> = conn
        .query_row(
            "SELECT id, uid FROM pregnancy WHERE status = 'ongoing' ORDER BY uid LIMIT 1",
            [],
            |r| {
                Ok(RowRef {
                    id: r.get(0)?,
                    uid: r.get(1)?,
                })
            },
        )
        .optional()?;
    let ongoing = match ongoing {
        Some(row) => Some((
            row,
            ongoing_estimates(conn)?
                .into_iter()
                .map(|h| h.estimate)
                .collect(),
        )),
        None => None,
    };
    let last_birth = conn
        .query_row(
            "SELECT id, uid, birth_date, ga_days, baby_count FROM birth
             ORDER BY birth_date DESC, uid DESC LIMIT 1",
            [],
            |r| {
                Ok((
                    RowRef {
                        id: r.get(0)?,
                        uid: r.get(1)?,
                    },
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, u32>(4)?,
                ))
            },
        )
        .optional()?
        .map(|(row, date, ga, count)| {
            Ok::<_, Error>((
                row,
                Birth {
                    date: read_date(date)?,
                    ga_at_birth: GestationalAge::from_days(ga),
                    count,
                },
            ))
        })
        .transpose()?;
    let last_loss = conn
        .query_row(
            "SELECT max(ended_on) FROM pregnancy WHERE status = 'lost'",
            [],
            |r| r.get::<_, Option<String>>(0),
        )?
        .map(read_date)
        .transpose()?;
    let trying_since = conn
        .query_row(
            "SELECT since FROM trying_to_conceive WHERE id = 1",
            [],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .map(read_date)
        .transpose()?;
    Ok(State {
        ongoing,
        last_birth,
        last_loss,
        trying_since,
    })
}

/// The ongoing pregnancy's dating history, oldest first (empty when none).
pub fn ongoing_estimates(conn: &Connection) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare(
        "SELECT method, event_date, cycle_days, embryo_age, crl_tenth_mm, scan_ga_days, edd, recorded_at
         FROM dating_estimate
         WHERE pregnancy_id IN (SELECT id FROM pregnancy WHERE status = 'ongoing')
         ORDER BY recorded_at, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<u32>>(2)?,
            r.get::<_, Option<u32>>(3)?,
            r.get::<_, Option<u32>>(4)?,
            r.get::<_, Option<i64>>(5)?,
            r.get::<_, String>(6)?,
            r.get::<_, String>(7)?,
        ))
    })?;
    let corrupt = || Error::Corrupt("a dating estimate");
    let mut out = Vec::new();
    for row in rows {
        let (method, event, cycle, embryo, crl, scan_ga, edd, recorded_at) = row?;
        let event = read_date(event)?;
        let input = match Method::from_code(&method).ok_or_else(corrupt)? {
            Method::Lmp => DatingInput::Lmp {
                lmp: event,
                cycle_days: cycle.ok_or_else(corrupt)?,
            },
            Method::Conception => DatingInput::Conception { date: event },
            Method::Ivf => DatingInput::Ivf {
                transfer: event,
                embryo_age: embryo.ok_or_else(corrupt)?,
            },
            Method::Ultrasound => DatingInput::Ultrasound {
                scan_date: event,
                scan: match (crl, scan_ga) {
                    (Some(tenth_mm), _) => Scan::Crl { tenth_mm },
                    (None, Some(days)) => Scan::Stated(GestationalAge::from_days(days)),
                    (None, None) => return Err(corrupt()),
                },
            },
            Method::Edd => DatingInput::Edd { edd: event },
        };
        out.push(HistoryEntry {
            estimate: Estimate {
                input,
                edd: read_date(edd)?,
            },
            recorded_at,
        });
    }
    Ok(out)
}

/// Records a dating estimate for the ongoing pregnancy, starting one if
/// none is ongoing. `today` is the user's local date.
pub fn record_dating(
    tx: &Transaction<'_>,
    input: DatingInput,
    today: Date,
    now: &str,
) -> Result<()> {
    let edd = input.validate(today)?;
    let state = load(tx)?;
    let pregnancy_id = match state.ongoing {
        Some((row, _)) => row.id,
        None => {
            tx.execute(
                "INSERT INTO pregnancy (status, created_at) VALUES ('ongoing', ?1)",
                [now],
            )?;
            // Starting a pregnancy ends "trying to conceive".
            tx.execute("DELETE FROM trying_to_conceive", [])?;
            tx.last_insert_rowid()
        }
    };
    let (event, cycle, embryo, crl, scan_ga) = match input {
        DatingInput::Lmp { lmp, cycle_days } => (lmp, Some(cycle_days), None, None, None),
        DatingInput::Conception { date } => (date, None, None, None, None),
        DatingInput::Ivf {
            transfer,
            embryo_age,
        } => (transfer, None, Some(embryo_age), None, None),
        DatingInput::Ultrasound { scan_date, scan } => match scan {
            Scan::Crl { tenth_mm } => (scan_date, None, None, Some(tenth_mm), None),
            Scan::Stated(ga) => (scan_date, None, None, None, Some(ga.total_days)),
        },
        DatingInput::Edd { edd } => (edd, None, None, None, None),
    };
    tx.execute(
        "INSERT INTO dating_estimate
            (pregnancy_id, method, event_date, cycle_days, embryo_age, crl_tenth_mm, scan_ga_days, edd, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            pregnancy_id,
            input.method().code(),
            event.to_string(),
            cycle,
            embryo,
            crl,
            scan_ga,
            edd.to_string(),
            now
        ],
    )?;
    Ok(())
}

/// Records a birth; the ongoing pregnancy (if any) ends as born.
pub fn record_birth(
    tx: &Transaction<'_>,
    birth: Birth,
    facts: &BirthFacts,
    today: Date,
    now: &str,
) -> Result<()> {
    if birth.date > today {
        return Err(Error::invalid("birth_date", "must not be in the future"));
    }
    if !BIRTH_GA.contains(&birth.ga_at_birth.total_days) {
        return Err(Error::invalid("ga", "must be between 20w0d and 44w6d"));
    }
    if !(1..=MAX_BABIES).contains(&birth.count) {
        return Err(Error::invalid("count", "must be between 1 and 8"));
    }
    let weights = &facts.birth_weights_g;
    if !weights.is_empty() && weights.len() != birth.count as usize {
        return Err(Error::invalid(
            "birth_weights",
            "must give one weight per baby, or none",
        ));
    }
    if weights.iter().any(|w| !BIRTH_WEIGHT_G.contains(w)) {
        return Err(Error::invalid(
            "birth_weights",
            "must be between 300 and 7000 grams",
        ));
    }
    let state = load(tx)?;
    if let Some(best) = state.best()
        && birth.date < start_of_pregnancy(best.edd)?
    {
        return Err(Error::invalid(
            "birth_date",
            "must not be before the pregnancy began",
        ));
    }
    let pregnancy_id = state.ongoing.as_ref().map(|(row, _)| row.id);
    tx.execute(
        "UPDATE pregnancy SET status = 'born', ended_on = ?1 WHERE status = 'ongoing'",
        [birth.date.to_string()],
    )?;
    tx.execute(
        "INSERT INTO birth (pregnancy_id, birth_date, ga_days, baby_count, mother_hbsag, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            pregnancy_id,
            birth.date.to_string(),
            birth.ga_at_birth.total_days,
            birth.count,
            facts.mother_hbsag.map(HbsAg::code),
            now
        ],
    )?;
    let birth_id = tx.last_insert_rowid();
    for (ordinal, grams) in (1..).zip(weights) {
        tx.execute(
            "INSERT INTO baby (birth_id, ordinal, birth_weight_g) VALUES (?1, ?2, ?3)",
            params![birth_id, ordinal, grams],
        )?;
    }
    tx.execute("DELETE FROM trying_to_conceive", [])?;
    Ok(())
}

/// Every baby of birth `birth_id` (of `count`), in birth order, with what
/// was recorded of each.
pub fn newborns(conn: &Connection, birth_id: i64, count: u32) -> Result<Vec<Newborn>> {
    let mother_hbsag = conn
        .query_row(
            "SELECT mother_hbsag FROM birth WHERE id = ?1",
            [birth_id],
            |r| r.get::<_, Option<String>>(0),
        )?
        .map(|c| HbsAg::from_code(&c).map_err(|_| Error::Corrupt("a birth")))
        .transpose()?;
    let mut babies: Vec<Newborn> = (1..=count.min(MAX_BABIES) as u8)
        .map(|ordinal| Newborn {
            ordinal,
            sex: None,
            birth_weight_g: None,
            mother_hbsag,
        })
        .collect();
    let mut stmt = conn.prepare_cached(
        "SELECT ordinal, sex, birth_weight_g FROM baby WHERE birth_id = ?1 ORDER BY ordinal",
    )?;
    let rows = stmt.query_map([birth_id], |r| {
        Ok((
            r.get::<_, u8>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, Option<u32>>(2)?,
        ))
    })?;
    for row in rows {
        let (ordinal, sex, grams) = row?;
        let sex = sex
            .map(|c| Sex::from_code(&c).ok_or(Error::Corrupt("a baby")))
            .transpose()?;
        if let Some(baby) = babies.iter_mut().find(|b| b.ordinal == ordinal) {
            baby.sex = sex;
            baby.birth_weight_g = grams;
        }
    }
    Ok(babies)
}

/// Records a pregnancy loss. The pregnancy is archived, not deleted, and
/// from now on nothing about it (content, reminders, suggestions) is shown.
pub fn record_loss(tx: &Transaction<'_>, date: Date, today: Date) -> Result<()> {
    if date > today {
        return Err(Error::invalid("date", "must not be in the future"));
    }
    let state = load(tx)?;
    let Some(best) = state.best() else {
        return Err(Error::NotFound("ongoing pregnancy"));
    };
    if date < start_of_pregnancy(best.edd)? {
        return Err(Error::invalid(
            "date",
            "must not be before the pregnancy began",
        ));
    }
    tx.execute(
        "UPDATE pregnancy SET status = 'lost', ended_on = ?1 WHERE status = 'ongoing'",
        [date.to_string()],
    )?;
    Ok(())
}

/// Deletes the records of every lost pregnancy, at the user's request
/// (they are archived until then). Returns how many were deleted.
pub fn delete_lost_pregnancies(tx: &Transaction<'_>) -> Result<usize> {
    // Estimates go with them (ON DELETE CASCADE).
    Ok(tx.execute("DELETE FROM pregnancy WHERE status = 'lost'", [])?)
}

/// Starts (with a date) or stops "trying to conceive".
pub fn set_trying(tx: &Transaction<'_>, since: Option<Date>, today: Date) -> Result<()> {
    match since {
        Some(date) if date > today => Err(Error::invalid("since", "must not be in the future")),
        Some(date) => {
            tx.execute(
                "INSERT INTO trying_to_conceive (id, since) VALUES (1, ?1)
                 ON CONFLICT (id) DO UPDATE SET since = excluded.since",
                [date.to_string()],
            )?;
            Ok(())
        }
        None => {
            tx.execute("DELETE FROM trying_to_conceive", [])?;
            Ok(())
        }
    }
}
