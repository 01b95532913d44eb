//! The mother's own measurements: weight, blood pressure and glucose. The
//! other record types live in `journal`; charts in `trends`.
//!
//! Values are validated and stored in fixed units. A physiologically
//! impossible value is refused with the field named and nothing written; a
//! possible but unusual one is kept and flagged. Errors never echo the value.

// Its types cross to Kotlin and Swift as they are (uniffi.cradle.records).
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();

pub mod babylog;
mod client;
pub mod clinic;
pub mod gain;
pub mod growth;
pub mod insights;
pub mod journal;
pub mod sessions;
pub mod symptoms;
pub mod trends;
pub mod words;

pub use client::{KickAction, Records};

use cradle_store::storage::Migration;

/// The records' tables: readings, kicks and contractions, symptoms, the
/// journal, and the indexes her screens read from.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 4,
        sql: include_str!("../migrations/0004_records.sql"),
    },
    Migration {
        version: 5,
        sql: include_str!("../migrations/0005_sessions.sql"),
    },
    Migration {
        version: 6,
        sql: include_str!("../migrations/0006_symptoms.sql"),
    },
    Migration {
        version: 7,
        sql: include_str!("../migrations/0007_journal.sql"),
    },
    Migration {
        version: 19,
        sql: include_str!("../migrations/0019_measurement_day.sql"),
    },
    Migration {
        version: 21,
        sql: include_str!("../migrations/0021_ogtt.sql"),
    },
    Migration {
        version: 23,
        sql: include_str!("../migrations/0023_screen_indexes.sql"),
    },
];

use cradle_store::clock::whole_seconds;
use cradle_store::error::{Error, Result};
use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use std::ops::RangeInclusive;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum GlucoseContext {
    Fasting,
    #[serde(rename = "1h")]
    OneHour,
    #[serde(rename = "2h")]
    TwoHours,
    Random,
}

impl GlucoseContext {
    pub fn code(self) -> &'static str {
        match self {
            GlucoseContext::Fasting => "fasting",
            GlucoseContext::OneHour => "1h",
            GlucoseContext::TwoHours => "2h",
            GlucoseContext::Random => "random",
        }
    }

    pub fn from_code(code: &str) -> Result<Self> {
        match code {
            "fasting" => Ok(GlucoseContext::Fasting),
            "1h" => Ok(GlucoseContext::OneHour),
            "2h" => Ok(GlucoseContext::TwoHours),
            "random" => Ok(GlucoseContext::Random),
            _ => Err(Error::invalid(
                "context",
                "must be fasting, 1h, 2h or random",
            )),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum WeightUnit {
    Kg,
    /// 市斤: exactly 500 g.
    Jin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum GlucoseUnit {
    MmolPerL,
    /// Converted with 18.0 mg/dL per mmol/L, the factor under which the
    /// IADPSG cut-offs (92, 180, 153 mg/dL) equal 5.1, 10.0 and 8.5 mmol/L.
    MgPerDl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Measurement {
    Weight {
        grams: u32,
    },
    BloodPressure {
        systolic: u32,
        diastolic: u32,
        pulse: Option<u32>,
    },
    /// Hundredths of a mmol/L (`--json`: `"mmol_per_l": 5.6`).
    Glucose {
        #[serde(rename = "mmol_per_l", serialize_with = "as_mmol")]
        cmmol: u32,
        context: GlucoseContext,
    },
}

fn as_mmol<S: serde::Serializer>(cmmol: &u32, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_f64(f64::from(*cmmol) / 100.0)
}

/// Possible (else refused) and usual (else flagged) ranges.
pub struct Bounds {
    pub possible: RangeInclusive<f64>,
    pub usual: RangeInclusive<f64>,
}

const WEIGHT_KG: Bounds = Bounds {
    possible: 25.0..=250.0,
    usual: 35.0..=150.0,
};
const SYSTOLIC: Bounds = Bounds {
    possible: 50.0..=300.0,
    usual: 80.0..=200.0,
};
const DIASTOLIC: Bounds = Bounds {
    possible: 30.0..=200.0,
    usual: 40.0..=130.0,
};
const PULSE: Bounds = Bounds {
    possible: 30.0..=250.0,
    usual: 45.0..=150.0,
};
const GLUCOSE_MMOL: Bounds = Bounds {
    possible: 1.0..=40.0,
    usual: 2.5..=25.0,
};

/// Refuses a value outside the possible range (naming the field, never the
/// value); returns whether it is unusual.
pub fn check(field: &'static str, value: f64, bounds: &Bounds, unit: &str) -> Result<bool> {
    if !value.is_finite() || !bounds.possible.contains(&value) {
        return Err(Error::invalid(
            field,
            format!(
                "must be between {} and {} {unit}",
                bounds.possible.start(),
                bounds.possible.end()
            ),
        ));
    }
    Ok(!bounds.usual.contains(&value))
}

/// A validated measurement and whether it is unusual (kept, but flagged).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checked {
    pub measurement: Measurement,
    pub unusual: bool,
}

impl Measurement {
    /// The value as a screen shows it, in her language: "61.5 kg",
    /// "142/91 mmHg, 84/min", "5.6 mmol/L (fasting)".
    pub fn text(&self, language: cradle_store::profile::Language) -> String {
        let zh = language == cradle_store::profile::Language::ZhHans;
        match *self {
            Measurement::Weight { grams } => format!("{:.1} kg", f64::from(grams) / 1000.0),
            Measurement::BloodPressure {
                systolic,
                diastolic,
                pulse: Some(p),
            } => format!("{systolic}/{diastolic} mmHg, {p}/min"),
            Measurement::BloodPressure {
                systolic,
                diastolic,
                pulse: None,
            } => format!("{systolic}/{diastolic} mmHg"),
            Measurement::Glucose { cmmol, context } => {
                let when = match (zh, context) {
                    (true, GlucoseContext::Fasting) => "空腹",
                    (true, GlucoseContext::OneHour) => "餐后1小时",
                    (true, GlucoseContext::TwoHours) => "餐后2小时",
                    (true, GlucoseContext::Random) => "随机",
                    (false, c) => c.code(),
                };
                format!("{:.1} mmol/L ({when})", Self::mmol_per_l(cmmol))
            }
        }
    }

    pub fn weight(value: f64, unit: WeightUnit) -> Result<Checked> {
        let kg = match unit {
            WeightUnit::Kg => value,
            WeightUnit::Jin => value / 2.0,
        };
        let unusual = check("weight", kg, &WEIGHT_KG, "kg")?;
        Ok(Checked {
            measurement: Measurement::Weight {
                grams: (kg * 1000.0).round() as u32,
            },
            unusual,
        })
    }

    pub fn blood_pressure(systolic: u32, diastolic: u32, pulse: Option<u32>) -> Result<Checked> {
        let mut unusual = check("systolic", f64::from(systolic), &SYSTOLIC, "mmHg")?;
        unusual |= check("diastolic", f64::from(diastolic), &DIASTOLIC, "mmHg")?;
        if diastolic >= systolic {
            return Err(Error::invalid("diastolic", "must be lower than systolic"));
        }
        if let Some(p) = pulse {
            unusual |= check("pulse", f64::from(p), &PULSE, "beats per minute")?;
        }
        Ok(Checked {
            measurement: Measurement::BloodPressure {
                systolic,
                diastolic,
                pulse,
            },
            unusual,
        })
    }

    pub fn glucose(value: f64, unit: GlucoseUnit, context: GlucoseContext) -> Result<Checked> {
        let mmol = match unit {
            GlucoseUnit::MmolPerL => value,
            GlucoseUnit::MgPerDl => value / 18.0,
        };
        let unusual = check("glucose", mmol, &GLUCOSE_MMOL, "mmol/L")?;
        Ok(Checked {
            measurement: Measurement::Glucose {
                cmmol: (mmol * 100.0).round() as u32,
                context,
            },
            unusual,
        })
    }

    /// A stored glucose (hundredths of a mmol/L) in mmol/L.
    pub fn mmol_per_l(cmmol: u32) -> f64 {
        f64::from(cmmol) / 100.0
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Measurement::Weight { .. } => "weight",
            Measurement::BloodPressure { .. } => "blood_pressure",
            Measurement::Glucose { .. } => "glucose",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Record {
    pub id: i64,
    pub taken_at: Timestamp,
    #[serde(flatten)]
    pub measurement: Measurement,
    pub unusual: bool,
}

/// A reading as a list shows it: in her language, at her local minute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownRecord {
    pub record: Record,
    /// The value in words, in her language.
    pub text: String,
    /// Local `YYYY-MM-DD HH:MM`.
    pub taken_at_local: String,
}

impl ShownRecord {
    pub fn new(
        record: Record,
        language: cradle_store::profile::Language,
        zone: &jiff::tz::TimeZone,
    ) -> Self {
        Self {
            text: record.measurement.text(language),
            taken_at_local: cradle_store::clock::local_minute(record.taken_at, zone),
            record,
        }
    }
}

type Columns = (
    Option<u32>,
    Option<u32>,
    Option<u32>,
    Option<u32>,
    Option<u32>,
    Option<&'static str>,
);

fn columns(m: &Measurement) -> Columns {
    match *m {
        Measurement::Weight { grams } => (Some(grams), None, None, None, None, None),
        Measurement::BloodPressure {
            systolic,
            diastolic,
            pulse,
        } => (None, Some(systolic), Some(diastolic), pulse, None, None),
        Measurement::Glucose { cmmol, context } => {
            (None, None, None, None, Some(cmmol), Some(context.code()))
        }
    }
}

/// Adds a measurement taken at `taken_at` (not in the future).
pub fn add(tx: &Transaction<'_>, c: Checked, taken_at: Timestamp, now: Timestamp) -> Result<i64> {
    if taken_at > now {
        return Err(Error::invalid("taken_at", "must not be in the future"));
    }
    let (grams, sys, dia, pulse, glucose, context) = columns(&c.measurement);
    // Cached: preparing it also compiles the sync and chart triggers.
    tx.prepare_cached(
        "INSERT INTO measurement (kind, taken_at, grams, systolic, diastolic, pulse, glucose_cmmol, context,
             unusual, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
    )?
    .execute(params![
        c.measurement.kind(),
        taken_at.as_second(),
        grams,
        sys,
        dia,
        pulse,
        glucose,
        context,
        c.unusual,
        now.to_string()
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Replaces a measurement's value and time; the kind cannot change.
pub fn update(
    tx: &Transaction<'_>,
    id: i64,
    c: Checked,
    taken_at: Timestamp,
    now: Timestamp,
) -> Result<()> {
    let kind: Option<String> = tx
        .query_row(
            "SELECT kind FROM measurement WHERE id = ?1 AND deleted_at IS NULL",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    match kind {
        None => return Err(Error::NotFound("record")),
        Some(k) if k != c.measurement.kind() => {
            return Err(Error::invalid(
                "kind",
                "a record keeps its kind; delete it and add a new one",
            ));
        }
        Some(_) => {}
    }
    let taken_at = whole_seconds(taken_at);
    if taken_at > now {
        return Err(Error::invalid("taken_at", "must not be in the future"));
    }
    let (grams, sys, dia, pulse, glucose, context) = columns(&c.measurement);
    tx.execute(
        "UPDATE measurement SET taken_at = ?2, grams = ?3, systolic = ?4, diastolic = ?5, pulse = ?6,
             glucose_cmmol = ?7, context = ?8, unusual = ?9, updated_at = ?10 WHERE id = ?1",
        params![id, taken_at.as_second(), grams, sys, dia, pulse, glucose, context, c.unusual, now.to_string()],
    )?;
    Ok(())
}

/// Deletes a measurement, leaving a tombstone for sync.
/// A delete keeps the row (for sync) without its value; `?1` id, `?2` now.
pub const TOMBSTONE: &str = "UPDATE measurement SET deleted_at = ?2, updated_at = ?2,
    grams = NULL, systolic = NULL, diastolic = NULL, pulse = NULL, glucose_cmmol = NULL
    WHERE id = ?1 AND deleted_at IS NULL";

pub fn delete(tx: &Transaction<'_>, id: i64, now: Timestamp) -> Result<()> {
    let changed = tx.execute(TOMBSTONE, params![id, now.to_string()])?;
    if changed == 0 {
        return Err(Error::NotFound("record"));
    }
    Ok(())
}

const COLUMNS: &str =
    "SELECT id, kind, taken_at, grams, systolic, diastolic, pulse, glucose_cmmol, context, unusual
     FROM measurement WHERE deleted_at IS NULL";

/// Live records, oldest first; `kind` filters. The whole series: for a
/// chart or an export, never for a screen (see [`latest`] and [`recent`]).
pub fn list(conn: &Connection, kind: Option<&str>) -> Result<Vec<Record>> {
    // Two statements, so a kind's series reads straight off its index.
    match kind {
        Some(k) => read(
            &mut conn.prepare_cached(&format!("{COLUMNS} AND kind = ?1 ORDER BY taken_at, id"))?,
            [k],
        ),
        None => read(
            &mut conn.prepare_cached(&format!("{COLUMNS} ORDER BY taken_at, id"))?,
            [],
        ),
    }
}

/// The newest live reading of a kind (a glucose reading of one context),
/// read off the end of `measurement_kind_context_time`: a screen's cost does
/// not grow with her history.
pub fn latest(
    conn: &Connection,
    kind: &str,
    context: Option<GlucoseContext>,
) -> Result<Option<Record>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{COLUMNS} AND kind = ?1 AND context IS ?2 ORDER BY taken_at DESC, id DESC LIMIT 1"
    ))?;
    Ok(read(&mut stmt, params![kind, context.map(|c| c.code())])?.pop())
}

/// The latest reading of each kind the advice reads (blood pressure, weight,
/// and glucose per context), oldest first, as [`list`] orders them.
pub fn latest_each(conn: &Connection) -> Result<Vec<Record>> {
    let mut out = Vec::new();
    for (kind, context) in [
        ("blood_pressure", None),
        ("weight", None),
        ("glucose", Some(GlucoseContext::Fasting)),
        ("glucose", Some(GlucoseContext::OneHour)),
        ("glucose", Some(GlucoseContext::TwoHours)),
        ("glucose", Some(GlucoseContext::Random)),
    ] {
        out.extend(latest(conn, kind, context)?);
    }
    out.sort_by_key(|r| (r.taken_at, r.id));
    Ok(out)
}

/// Live records taken at or after `from`, oldest first, off
/// `measurement_time`; `None` reads them all.
pub fn since(conn: &Connection, from: Option<Timestamp>) -> Result<Vec<Record>> {
    let Some(from) = from else {
        return list(conn, None);
    };
    read(
        &mut conn.prepare_cached(&format!(
            "{COLUMNS} AND taken_at >= ?1 ORDER BY taken_at, id"
        ))?,
        [from.as_second()],
    )
}

/// Her `limit` newest live readings, newest first, off `measurement_time`.
pub fn recent(conn: &Connection, limit: u32) -> Result<Vec<Record>> {
    read(
        &mut conn.prepare_cached(&format!(
            "{COLUMNS} ORDER BY taken_at DESC, id DESC LIMIT ?1"
        ))?,
        [limit],
    )
}

fn read(
    stmt: &mut rusqlite::CachedStatement<'_>,
    params: impl rusqlite::Params,
) -> Result<Vec<Record>> {
    let rows = stmt.query_map(params, |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, Option<u32>>(3)?,
            r.get::<_, Option<u32>>(4)?,
            r.get::<_, Option<u32>>(5)?,
            r.get::<_, Option<u32>>(6)?,
            r.get::<_, Option<u32>>(7)?,
            r.get::<_, Option<String>>(8)?,
            r.get::<_, bool>(9)?,
        ))
    })?;
    let corrupt = || Error::Corrupt("a measurement");
    let mut out = Vec::new();
    for row in rows {
        let (id, kind, at, grams, sys, dia, pulse, glucose, context, unusual) = row?;
        let measurement = match kind.as_str() {
            "weight" => Measurement::Weight {
                grams: grams.ok_or_else(corrupt)?,
            },
            "blood_pressure" => Measurement::BloodPressure {
                systolic: sys.ok_or_else(corrupt)?,
                diastolic: dia.ok_or_else(corrupt)?,
                pulse,
            },
            _ => Measurement::Glucose {
                cmmol: glucose.ok_or_else(corrupt)?,
                context: GlucoseContext::from_code(context.as_deref().unwrap_or_default())
                    .map_err(|_| corrupt())?,
            },
        };
        out.push(Record {
            id,
            taken_at: Timestamp::from_second(at).map_err(|_| corrupt())?,
            measurement,
            unusual,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(r: Result<Checked>) -> &'static str {
        match r {
            Err(Error::Invalid { field, .. }) => field,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn impossible_values_name_the_field() {
        assert_eq!(
            field(Measurement::blood_pressure(400, 80, None)),
            "systolic"
        );
        assert_eq!(
            field(Measurement::blood_pressure(120, 20, None)),
            "diastolic"
        );
        assert_eq!(
            field(Measurement::blood_pressure(120, 125, None)),
            "diastolic"
        );
        assert_eq!(
            field(Measurement::blood_pressure(120, 80, Some(10))),
            "pulse"
        );
        assert_eq!(
            field(Measurement::glucose(
                0.0,
                GlucoseUnit::MmolPerL,
                GlucoseContext::Fasting
            )),
            "glucose"
        );
        assert_eq!(
            field(Measurement::glucose(
                f64::NAN,
                GlucoseUnit::MmolPerL,
                GlucoseContext::Fasting
            )),
            "glucose"
        );
        assert_eq!(field(Measurement::weight(300.0, WeightUnit::Kg)), "weight");
        assert_eq!(field(Measurement::weight(20.0, WeightUnit::Jin)), "weight");
        // Messages state the rule, never the value given.
        let Err(e) = Measurement::blood_pressure(400, 80, None) else {
            panic!()
        };
        assert!(!e.to_string().contains("400"));
    }

    #[test]
    fn units_convert_and_unusual_values_are_flagged() {
        let w = Measurement::weight(120.0, WeightUnit::Jin).unwrap();
        assert_eq!(w.measurement, Measurement::Weight { grams: 60_000 });
        assert!(!w.unusual);
        let g = Measurement::glucose(92.0, GlucoseUnit::MgPerDl, GlucoseContext::Fasting).unwrap();
        assert_eq!(
            g.measurement,
            Measurement::Glucose {
                cmmol: 511,
                context: GlucoseContext::Fasting
            }
        );
        assert!(Measurement::blood_pressure(210, 100, None).unwrap().unusual);
        assert!(
            Measurement::glucose(30.0, GlucoseUnit::MmolPerL, GlucoseContext::Random)
                .unwrap()
                .unusual
        );
        assert!(
            !Measurement::blood_pressure(118, 76, Some(80))
                .unwrap()
                .unusual
        );
    }
}
