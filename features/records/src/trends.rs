//! The series the Records charts draw, in one query per series: weight
//! with the recommended band, blood pressure, glucose by context, and each
//! baby's weight, length and head circumference against WHO percentile
//! curves.
//!
//! Vitals are read from `measurement_day`, one row per local day that
//! triggers keep in the same transaction as each write (migration 19), so a
//! chart over five years reads about 1,800 rows a kind, not every reading.
//! Days are cut at the zone's current UTC offset: exact for zones without
//! daylight saving (China), and at most an hour off at midnight elsewhere.
//! When that offset changes (a new zone, or daylight saving) the table is
//! rebuilt once, on the next chart.

use super::gain::{self, Band};
use super::growth::{self, Indicator};
use super::journal::{self, Entry, Filter};
use cradle_store::clock::local_date;
use cradle_store::error::{Error, Result};
use cradle_store::profile::Language;
use cradle_timeline::State;
use cradle_timeline::baby::Birth;
use cradle_timeline::baby::Sex;
use cradle_timeline::gestation::{GestationalAge, add_days, days_between};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use rusqlite::{Connection, OptionalExtension, params};

#[derive(Debug, Clone, PartialEq)]
pub struct WeightPoint {
    pub day: Date,
    pub kg: f64,
    /// Gestational age that day, in days, when it fell in the ongoing pregnancy.
    pub ga_days: Option<i64>,
}

impl WeightPoint {
    /// Gestational age in (fractional) weeks: where the point sits on the
    /// chart's week axis, beside the band's whole weeks.
    pub fn ga_weeks(&self) -> Option<f64> {
        self.ga_days.map(|d| d as f64 / 7.0)
    }
}

/// The recommended weight range, in kg on the scale, for one week.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BandPoint {
    pub week: i64,
    pub low_kg: f64,
    pub high_kg: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WeightBand {
    pub bmi: f64,
    pub class: &'static str,
    pub total_gain_kg: [f64; 2],
    pub points: Vec<BandPoint>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PressurePoint {
    pub day: Date,
    pub readings: u32,
    pub systolic_mean: f64,
    pub diastolic_mean: f64,
    pub systolic_max: u32,
    pub diastolic_max: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GlucosePoint {
    pub day: Date,
    /// `fasting`, `1h`, `2h` or `random`.
    pub context: String,
    pub mmol_mean: f64,
    pub mmol_max: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GrowthPoint {
    pub day: Date,
    /// Corrected for a preterm baby, as WHO charts are read until 2 years.
    pub age_days: i64,
    pub weight_kg: Option<f64>,
    pub length_cm: Option<f64>,
    pub head_cm: Option<f64>,
    /// WHO percentiles, when the sex is known and age ≤ 24 months.
    pub weight_percentile: Option<f64>,
    pub length_percentile: Option<f64>,
    pub head_percentile: Option<f64>,
}

impl GrowthPoint {
    /// A growth entry measured on `day`, in chart units, placed at the
    /// baby's corrected age while that applies (else her age), with each
    /// measurement's percentile. `None` for a day before the birth.
    pub fn on(
        birth: &Birth,
        day: Date,
        sex: Option<Sex>,
        weight_grams: Option<u32>,
        length_mm: Option<u32>,
        head_mm: Option<u32>,
    ) -> Option<Self> {
        let age = birth.age_on(day)?;
        let age_days = age.corrected_days.unwrap_or(age.days);
        let weight_kg = weight_grams.map(|g| f64::from(g) / 1000.0);
        let length_cm = length_mm.map(|mm| f64::from(mm) / 10.0);
        let head_cm = head_mm.map(|mm| f64::from(mm) / 10.0);
        let pct = |i: Indicator, v: Option<f64>| {
            sex.zip(v)
                .and_then(|(s, v)| growth::percentile(i, s, age_days, v))
        };
        Some(Self {
            day,
            age_days,
            weight_percentile: pct(Indicator::Weight, weight_kg),
            length_percentile: pct(Indicator::Length, length_cm),
            head_percentile: pct(Indicator::Head, head_cm),
            weight_kg,
            length_cm,
            head_cm,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Curve {
    pub indicator: Indicator,
    pub percentile: u8,
    /// (age in days, kg or cm), monthly.
    pub points: Vec<(i64, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GrowthSeries {
    pub baby: u8,
    pub sex: Option<Sex>,
    pub points: Vec<GrowthPoint>,
    /// WHO curves, five percentiles for each indicator; empty until the
    /// sex is recorded.
    pub curves: Vec<Curve>,
    pub source: &'static str,
}

/// Her daily weights and, once her height and pre-pregnancy weight are
/// known, the recommended band.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WeightChart {
    pub days: Vec<WeightPoint>,
    pub band: Option<WeightBand>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Trends {
    pub weight: Vec<WeightPoint>,
    pub weight_band: Option<WeightBand>,
    pub blood_pressure: Vec<PressurePoint>,
    pub glucose: Vec<GlucosePoint>,
    pub growth: Vec<GrowthSeries>,
}

pub const WHO_GROWTH: &str = "WHO Child Growth Standards (2006): weight-for-age, \
     length-for-age and head-circumference-for-age, birth to 24 months";

/// Local days `from..=to`, as days since 1970-01-01.
struct Days {
    first: i64,
    last: i64,
}

const EPOCH: Date = Date::constant(1970, 1, 1);

impl Days {
    fn new(from: Option<Date>, to: Option<Date>) -> Self {
        Self {
            first: from.map_or(i64::MIN, |d| days_between(EPOCH, d)),
            last: to.map_or(i64::MAX, |d| days_between(EPOCH, d)),
        }
    }
}

/// The local date of a `measurement_day` row's day number.
fn date(day_number: i64) -> Result<Date> {
    add_days(EPOCH, day_number)
}

/// The first instant of local day `d`.
fn start_of(zone: &TimeZone, d: Date) -> Option<Timestamp> {
    zone.to_timestamp(d.to_datetime(jiff::civil::Time::midnight()))
        .ok()
}

/// Makes `measurement_day` cut days at the zone's offset now. A no-op unless
/// the offset changed or the table was never built; then it is rebuilt at
/// once by touching one reading of each day (the trigger recomputes the
/// day), in a savepoint so a screen's read transaction can hold it.
fn cut_days(conn: &Connection, zone: &TimeZone, now: Timestamp) -> Result<()> {
    let offset = i64::from(zone.to_offset(now).seconds());
    // Asked on every chart: a cached statement.
    let built: Option<i64> = conn
        .prepare_cached("SELECT utc_offset FROM day_cut")?
        .query_row([], |r| r.get(0))
        .optional()?;
    if built == Some(offset) {
        return Ok(());
    }
    conn.execute_batch("SAVEPOINT cut_days")?;
    let rebuilt = (|| -> Result<()> {
        conn.execute("DELETE FROM measurement_day", [])?;
        conn.execute(
            "INSERT OR REPLACE INTO day_cut (id, utc_offset) VALUES (1, ?1)",
            [offset],
        )?;
        conn.execute(
            "INSERT INTO measurement_touch (kind, taken_at, utc_offset)
             SELECT kind, min(taken_at), ?1 FROM measurement WHERE deleted_at IS NULL
             GROUP BY kind, ((taken_at + ?1) - (((taken_at + ?1) % 86400) + 86400) % 86400) / 86400",
            [offset],
        )?;
        Ok(())
    })();
    match rebuilt {
        Ok(()) => conn.execute_batch("RELEASE cut_days")?,
        Err(e) => {
            // Leaves the table as it was; the next chart tries again.
            let _ = conn.execute_batch("ROLLBACK TO cut_days; RELEASE cut_days");
            return Err(e);
        }
    }
    Ok(())
}

fn weight(conn: &Connection, days: &Days) -> Result<Vec<(Date, f64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT day, CAST(value_sum AS REAL) / readings FROM measurement_day
         WHERE kind = 'weight' AND day BETWEEN ?1 AND ?2 ORDER BY day",
    )?;
    let rows = stmt.query_map(params![days.first, days.last], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (d, grams) = row?;
        out.push((date(d)?, (grams / 10.0).round() / 100.0));
    }
    Ok(out)
}

fn pressure(conn: &Connection, days: &Days) -> Result<Vec<PressurePoint>> {
    let mut stmt = conn.prepare_cached(
        "SELECT day, readings, CAST(value_sum AS REAL) / readings, CAST(diastolic_sum AS REAL) / readings,
                value_max, diastolic_max
         FROM measurement_day
         WHERE kind = 'blood_pressure' AND day BETWEEN ?1 AND ?2 ORDER BY day",
    )?;
    let rows = stmt.query_map(params![days.first, days.last], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, u32>(1)?,
            r.get::<_, f64>(2)?,
            r.get::<_, f64>(3)?,
            r.get::<_, u32>(4)?,
            r.get::<_, u32>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (d, readings, sys, dia, sys_max, dia_max) = row?;
        out.push(PressurePoint {
            day: date(d)?,
            readings,
            systolic_mean: (sys * 10.0).round() / 10.0,
            diastolic_mean: (dia * 10.0).round() / 10.0,
            systolic_max: sys_max,
            diastolic_max: dia_max,
        });
    }
    Ok(out)
}

fn glucose(conn: &Connection, days: &Days) -> Result<Vec<GlucosePoint>> {
    let mut stmt = conn.prepare_cached(
        "SELECT day, context, CAST(value_sum AS REAL) / readings, value_max FROM measurement_day
         WHERE kind = 'glucose' AND day BETWEEN ?1 AND ?2 ORDER BY day, context",
    )?;
    let rows = stmt.query_map(params![days.first, days.last], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, f64>(2)?,
            r.get::<_, f64>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (d, context, mean, max) = row?;
        out.push(GlucosePoint {
            day: date(d)?,
            context,
            mmol_mean: (mean / 10.0).round() / 10.0,
            mmol_max: max / 100.0,
        });
    }
    Ok(out)
}

/// The band for the ongoing pregnancy, weeks 0–42, when the baseline is known.
pub fn band(conn: &Connection, language: Language) -> Result<Option<Band<'static>>> {
    Ok(gain::baseline(conn)?
        .map(|b| gain::standard_for(language).band(b.height_cm / 100.0, b.pre_pregnancy_kg)))
}

fn growth(
    conn: &Connection,
    state: &State,
    zone: &TimeZone,
    from: Option<Timestamp>,
    to: Option<Timestamp>,
) -> Result<Vec<GrowthSeries>> {
    let Some((birth_row, birth)) = state.last_birth() else {
        return Ok(Vec::new());
    };
    let babies = cradle_timeline::newborns(conn, birth_row.id, birth.count)?;
    let entries = journal::list(
        conn,
        &Filter {
            kinds: vec!["growth".into()],
            from,
            to,
        },
    )?;
    let mut out = Vec::new();
    for baby in 1..=birth.count.min(8) as u8 {
        let sex = babies
            .iter()
            .find(|b| b.ordinal == baby)
            .and_then(|b| b.sex);
        let mut points = Vec::new();
        for e in &entries {
            let Entry::Growth {
                baby: b,
                weight_grams,
                length_mm,
                head_mm,
            } = e.entry
            else {
                continue;
            };
            let day = local_date(e.at, zone);
            if b != baby {
                continue;
            }
            points.extend(GrowthPoint::on(
                &birth,
                day,
                sex,
                weight_grams,
                length_mm,
                head_mm,
            ));
        }
        let curves = sex.map_or_else(Vec::new, curves);
        out.push(GrowthSeries {
            baby,
            sex,
            points,
            curves,
            source: WHO_GROWTH,
        });
    }
    Ok(out)
}

/// WHO's percentile curves for `sex`, monthly from birth to 24 months.
fn curves(sex: Sex) -> Vec<Curve> {
    let mut out = Vec::new();
    for indicator in Indicator::ALL {
        for (percentile, z) in growth::CURVES {
            out.push(Curve {
                indicator,
                percentile,
                points: (0..=growth::LAST_MONTH)
                    .filter_map(|m| {
                        let days = (f64::from(m) * growth::DAYS_PER_MONTH).floor() as i64;
                        growth::curve_at(indicator, sex, days, z)
                            .map(|v| (days, (v * 100.0).round() / 100.0))
                    })
                    .collect(),
            });
        }
    }
    out
}

/// The weight chart over `days`, with each weight's gestational age.
fn weight_chart(
    conn: &Connection,
    state: &State,
    days: &Days,
    language: Language,
) -> Result<WeightChart> {
    let edd = state.ongoing().map(|(_, best)| best.edd);
    let ga_on = |day: Date| {
        edd.map(|edd| GestationalAge::on(day, edd).total_days)
            .filter(|d| (0..=44 * 7).contains(d))
    };
    let weight: Vec<WeightPoint> = weight(conn, days)?
        .into_iter()
        .map(|(day, kg)| WeightPoint {
            day,
            kg,
            ga_days: ga_on(day),
        })
        .collect();
    let weight_band = match (edd, band(conn, language)?, gain::baseline(conn)?) {
        (Some(_), Some(b), Some(base)) => Some(WeightBand {
            bmi: b.bmi,
            class: b.class,
            total_gain_kg: b.total_kg,
            points: (0..=42)
                .map(|week| {
                    let [lo, hi] = b.gain_at(week * 7);
                    BandPoint {
                        week,
                        low_kg: ((base.pre_pregnancy_kg + lo) * 10.0).round() / 10.0,
                        high_kg: ((base.pre_pregnancy_kg + hi) * 10.0).round() / 10.0,
                    }
                })
                .collect(),
            source: b.source.to_owned(),
        }),
        _ => None,
    };
    Ok(WeightChart {
        days: weight,
        band: weight_band,
    })
}

/// The weight chart alone, over all her days: the Records screen draws it on
/// every refresh, so it skips the other series.
pub fn weights(
    conn: &Connection,
    state: &State,
    zone: &TimeZone,
    now: Timestamp,
    language: Language,
) -> Result<WeightChart> {
    cut_days(conn, zone, now)?;
    weight_chart(conn, state, &Days::new(None, None), language)
}

/// Every chart's series for local days `from..=to` (both optional).
pub fn trends(
    conn: &Connection,
    state: &State,
    zone: &TimeZone,
    now: Timestamp,
    language: Language,
    from: Option<Date>,
    to: Option<Date>,
) -> Result<Trends> {
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(Error::invalid("from", "must not be after to"));
    }
    cut_days(conn, zone, now)?;
    let days = Days::new(from, to);
    let WeightChart {
        days: weight,
        band: weight_band,
    } = weight_chart(conn, state, &days, language)?;
    let instant = |d: Option<Date>, end: bool| -> Option<Timestamp> {
        d.and_then(|d| {
            let d = if end { d.checked_add(1.day()).ok()? } else { d };
            start_of(zone, d)
        })
    };
    let growth = growth(
        conn,
        state,
        zone,
        instant(from, false),
        instant(to, true).map(|t| t - jiff::SignedDuration::from_secs(1)),
    )?;
    Ok(Trends {
        weight,
        weight_band,
        blood_pressure: pressure(conn, &days)?,
        glucose: glucose(conn, &days)?,
        growth,
    })
}
