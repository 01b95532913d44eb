//! Everything the user logs beyond the three vitals: medications and
//! supplements, allergies, lab results, scans, diary notes, questions for
//! the doctor, and the baby's feeds, sleep, diapers, temperature and growth.
//!
//! Each entry is validated here and stored as JSON in one `entry` table,
//! with its kind, time and baby in columns so lists and charts read off an
//! index. Messages name the field and the rule, never the value.

use super::{Bounds, check};
use cradle_store::clock::whole_seconds;
use cradle_store::error::{Error, Result};
use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Side {
    Left,
    Right,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Milk {
    Breast,
    Formula,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Feed {
    Breast { side: Side, minutes: u32 },
    Bottle { ml: u32, milk: Milk },
    Solids { food: String },
}

/// One logged entry. `baby` is the baby's place in the latest birth (1 for
/// a singleton; twins are 1 and 2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Entry {
    Medication {
        name: String,
        dose: Option<String>,
        /// A supplement (folic acid, iron, calcium…) rather than a medicine.
        supplement: bool,
    },
    Allergy {
        substance: String,
        reaction: Option<String>,
    },
    /// Her statement that she has no known allergies: the clinic summary
    /// says so, where no entry at all means nobody asked.
    NoKnownAllergies,
    Lab {
        name: String,
        value: f64,
        unit: String,
        low: Option<f64>,
        high: Option<f64>,
    },
    /// A 75 g oral glucose tolerance test from the lab: venous plasma,
    /// mmol/L, fasting then 1 and 2 hours after the drink.
    Ogtt {
        fasting: f64,
        one_hour: Option<f64>,
        two_hours: Option<f64>,
    },
    /// Fetal biometry from a scan report, in millimetres and grams.
    Ultrasound {
        crl_mm: Option<f64>,
        bpd_mm: Option<f64>,
        hc_mm: Option<f64>,
        ac_mm: Option<f64>,
        fl_mm: Option<f64>,
        efw_grams: Option<u32>,
    },
    Note {
        text: String,
    },
    /// A question the user wants to ask at the next visit.
    Question {
        text: String,
    },
    Feed {
        baby: u8,
        feed: Feed,
    },
    Sleep {
        baby: u8,
        minutes: u32,
    },
    Diaper {
        baby: u8,
        wet: bool,
        dirty: bool,
    },
    Temperature {
        baby: u8,
        celsius: f64,
    },
    Growth {
        baby: u8,
        weight_grams: Option<u32>,
        length_mm: Option<u32>,
        head_mm: Option<u32>,
    },
}

/// Kinds in the order the shells list them.
pub const KINDS: [&str; 13] = [
    "medication",
    "allergy",
    "no_known_allergies",
    "lab",
    "ogtt",
    "ultrasound",
    "note",
    "question",
    "feed",
    "sleep",
    "diaper",
    "temperature",
    "growth",
];

/// A stored entry.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct JournalEntry {
    pub id: i64,
    pub at: Timestamp,
    pub entry: Entry,
    /// Possible but unusual (kept, and flagged for the user).
    pub unusual: bool,
}

const fn bounds(possible: RangeInclusive<f64>, usual: RangeInclusive<f64>) -> Bounds {
    Bounds { possible, usual }
}

// Fetal biometry: the possible ranges span the earliest scan to term with
// margin; CRL's usual range is the one it dates by (Robinson–Fleming).
const CRL_MM: Bounds = bounds(1.0..=120.0, 2.0..=84.0);
const BPD_MM: Bounds = bounds(5.0..=120.0, 10.0..=105.0);
const HC_MM: Bounds = bounds(30.0..=420.0, 50.0..=380.0);
const AC_MM: Bounds = bounds(30.0..=480.0, 40.0..=420.0);
const FL_MM: Bounds = bounds(3.0..=95.0, 5.0..=85.0);
const EFW_G: Bounds = bounds(20.0..=7000.0, 50.0..=5000.0);
const BREAST_MIN: Bounds = bounds(1.0..=180.0, 1.0..=60.0);
const BOTTLE_ML: Bounds = bounds(1.0..=500.0, 5.0..=300.0);
const SLEEP_MIN: Bounds = bounds(1.0..=1440.0, 1.0..=720.0);
/// 38.0 °C and above is a fever in a baby (NICE NG143); kept and flagged.
const BABY_CELSIUS: Bounds = bounds(30.0..=45.0, 35.5..=37.9);
const BABY_GRAMS: Bounds = bounds(300.0..=30000.0, 1500.0..=20000.0);
const BABY_LENGTH_MM: Bounds = bounds(200.0..=1300.0, 400.0..=1100.0);
const BABY_HEAD_MM: Bounds = bounds(150.0..=600.0, 300.0..=530.0);

fn check_opt(field: &'static str, value: Option<f64>, b: &Bounds, unit: &str) -> Result<bool> {
    value.map_or(Ok(false), |v| check(field, v, b, unit))
}

/// Trims free text and enforces a length; empty is refused.
fn text(field: &'static str, value: &str, max_chars: usize) -> Result<String> {
    let t = value.trim();
    if t.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if t.chars().count() > max_chars {
        return Err(Error::invalid(
            field,
            format!("must be at most {max_chars} characters"),
        ));
    }
    Ok(t.to_owned())
}

fn opt_text(field: &'static str, value: Option<&str>, max_chars: usize) -> Result<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => text(field, v, max_chars).map(Some),
    }
}

fn baby_number(baby: u8) -> Result<()> {
    if (1..=8).contains(&baby) {
        Ok(())
    } else {
        Err(Error::invalid("baby", "must be between 1 and 8"))
    }
}

/// Rounds to a tenth, the precision scan reports give.
fn tenth(v: Option<f64>) -> Option<f64> {
    v.map(|x| (x * 10.0).round() / 10.0)
}

impl Entry {
    pub fn kind(&self) -> &'static str {
        match self {
            Entry::Medication { .. } => "medication",
            Entry::Allergy { .. } => "allergy",
            Entry::NoKnownAllergies => "no_known_allergies",
            Entry::Lab { .. } => "lab",
            Entry::Ogtt { .. } => "ogtt",
            Entry::Ultrasound { .. } => "ultrasound",
            Entry::Note { .. } => "note",
            Entry::Question { .. } => "question",
            Entry::Feed { .. } => "feed",
            Entry::Sleep { .. } => "sleep",
            Entry::Diaper { .. } => "diaper",
            Entry::Temperature { .. } => "temperature",
            Entry::Growth { .. } => "growth",
        }
    }

    pub fn baby(&self) -> Option<u8> {
        match *self {
            Entry::Feed { baby, .. }
            | Entry::Sleep { baby, .. }
            | Entry::Diaper { baby, .. }
            | Entry::Temperature { baby, .. }
            | Entry::Growth { baby, .. } => Some(baby),
            _ => None,
        }
    }

    /// Validates and normalises untrusted input; returns the entry to store
    /// and whether it is unusual.
    pub fn validate(self) -> Result<(Entry, bool)> {
        let mut unusual = false;
        let entry = match self {
            Entry::Medication {
                name,
                dose,
                supplement,
            } => Entry::Medication {
                name: text("name", &name, 80)?,
                dose: opt_text("dose", dose.as_deref(), 60)?,
                supplement,
            },
            Entry::Allergy {
                substance,
                reaction,
            } => Entry::Allergy {
                substance: text("substance", &substance, 80)?,
                reaction: opt_text("reaction", reaction.as_deref(), 120)?,
            },
            Entry::Lab {
                name,
                value,
                unit,
                low,
                high,
            } => {
                if !value.is_finite() {
                    return Err(Error::invalid("value", "must be a number"));
                }
                for (field, v) in [("low", low), ("high", high)] {
                    if v.is_some_and(|v| !v.is_finite()) {
                        return Err(Error::invalid(field, "must be a number"));
                    }
                }
                if let (Some(l), Some(h)) = (low, high)
                    && l > h
                {
                    return Err(Error::invalid("low", "must not be above high"));
                }
                unusual = low.is_some_and(|l| value < l) || high.is_some_and(|h| value > h);
                Entry::Lab {
                    name: text("name", &name, 80)?,
                    value,
                    unit: text("unit", &unit, 20)?,
                    low,
                    high,
                }
            }
            Entry::Ogtt {
                fasting,
                one_hour,
                two_hours,
            } => {
                let hundredth = |v: f64| (v * 100.0).round() / 100.0;
                unusual = check("fasting", fasting, &super::GLUCOSE_MMOL, "mmol/L")?;
                unusual |= check_opt("one_hour", one_hour, &super::GLUCOSE_MMOL, "mmol/L")?;
                unusual |= check_opt("two_hours", two_hours, &super::GLUCOSE_MMOL, "mmol/L")?;
                Entry::Ogtt {
                    fasting: hundredth(fasting),
                    one_hour: one_hour.map(hundredth),
                    two_hours: two_hours.map(hundredth),
                }
            }
            Entry::Ultrasound {
                crl_mm,
                bpd_mm,
                hc_mm,
                ac_mm,
                fl_mm,
                efw_grams,
            } => {
                if [crl_mm, bpd_mm, hc_mm, ac_mm, fl_mm]
                    .iter()
                    .all(Option::is_none)
                    && efw_grams.is_none()
                {
                    return Err(Error::invalid(
                        "ultrasound",
                        "needs at least one measurement",
                    ));
                }
                unusual |= check_opt("crl_mm", crl_mm, &CRL_MM, "mm")?;
                unusual |= check_opt("bpd_mm", bpd_mm, &BPD_MM, "mm")?;
                unusual |= check_opt("hc_mm", hc_mm, &HC_MM, "mm")?;
                unusual |= check_opt("ac_mm", ac_mm, &AC_MM, "mm")?;
                unusual |= check_opt("fl_mm", fl_mm, &FL_MM, "mm")?;
                unusual |= check_opt("efw_grams", efw_grams.map(f64::from), &EFW_G, "g")?;
                Entry::Ultrasound {
                    crl_mm: tenth(crl_mm),
                    bpd_mm: tenth(bpd_mm),
                    hc_mm: tenth(hc_mm),
                    ac_mm: tenth(ac_mm),
                    fl_mm: tenth(fl_mm),
                    efw_grams,
                }
            }
            Entry::Note { text: t } => Entry::Note {
                text: text("text", &t, 2000)?,
            },
            Entry::Question { text: t } => Entry::Question {
                text: text("text", &t, 300)?,
            },
            Entry::NoKnownAllergies => Entry::NoKnownAllergies,
            Entry::Feed { baby, feed } => {
                baby_number(baby)?;
                let feed = match feed {
                    Feed::Breast { side, minutes } => {
                        unusual = check("minutes", f64::from(minutes), &BREAST_MIN, "minutes")?;
                        Feed::Breast { side, minutes }
                    }
                    Feed::Bottle { ml, milk } => {
                        unusual = check("ml", f64::from(ml), &BOTTLE_ML, "ml")?;
                        Feed::Bottle { ml, milk }
                    }
                    Feed::Solids { food } => Feed::Solids {
                        food: text("food", &food, 80)?,
                    },
                };
                Entry::Feed { baby, feed }
            }
            Entry::Sleep { baby, minutes } => {
                baby_number(baby)?;
                unusual = check("minutes", f64::from(minutes), &SLEEP_MIN, "minutes")?;
                Entry::Sleep { baby, minutes }
            }
            Entry::Diaper { baby, wet, dirty } => {
                baby_number(baby)?;
                Entry::Diaper { baby, wet, dirty }
            }
            Entry::Temperature { baby, celsius } => {
                baby_number(baby)?;
                unusual = check("celsius", celsius, &BABY_CELSIUS, "°C")?;
                Entry::Temperature {
                    baby,
                    celsius: (celsius * 10.0).round() / 10.0,
                }
            }
            Entry::Growth {
                baby,
                weight_grams,
                length_mm,
                head_mm,
            } => {
                baby_number(baby)?;
                if weight_grams.is_none() && length_mm.is_none() && head_mm.is_none() {
                    return Err(Error::invalid("growth", "needs at least one measurement"));
                }
                unusual |= check_opt(
                    "weight_grams",
                    weight_grams.map(f64::from),
                    &BABY_GRAMS,
                    "g",
                )?;
                unusual |= check_opt("length_mm", length_mm.map(f64::from), &BABY_LENGTH_MM, "mm")?;
                unusual |= check_opt("head_mm", head_mm.map(f64::from), &BABY_HEAD_MM, "mm")?;
                Entry::Growth {
                    baby,
                    weight_grams,
                    length_mm,
                    head_mm,
                }
            }
        };
        Ok((entry, unusual))
    }
}

/// How many babies the latest birth brought; a baby entry must name one.
fn check_baby_exists(conn: &Connection, entry: &Entry) -> Result<()> {
    let Some(baby) = entry.baby() else {
        return Ok(());
    };
    let count: Option<u32> = conn
        .query_row(
            "SELECT baby_count FROM birth ORDER BY birth_date DESC, id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    match count {
        None => Err(Error::invalid("baby", "record the birth first")),
        Some(n) if u32::from(baby) > n => Err(Error::invalid(
            "baby",
            "is not one of the babies of the latest birth",
        )),
        Some(_) => Ok(()),
    }
}

fn prepare(
    conn: &Connection,
    entry: Entry,
    at: Timestamp,
    now: Timestamp,
) -> Result<(Entry, bool, Timestamp)> {
    let (entry, unusual) = entry.validate()?;
    let at = whole_seconds(at);
    if at > now {
        return Err(Error::invalid("at", "must not be in the future"));
    }
    check_baby_exists(conn, &entry)?;
    Ok((entry, unusual, at))
}

fn to_json(entry: &Entry) -> Result<String> {
    serde_json::to_string(entry).map_err(|_| Error::Corrupt("an entry"))
}

pub fn add(tx: &Transaction<'_>, entry: Entry, at: Timestamp, now: Timestamp) -> Result<i64> {
    let (entry, unusual, at) = prepare(tx, entry, at, now)?;
    let live = |kind: &str| -> Result<bool> {
        Ok(tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM entry WHERE kind = ?1 AND deleted_at IS NULL)",
            [kind],
            |r| r.get(0),
        )?)
    };
    match entry {
        // One statement is enough, and it cannot stand beside an allergy.
        Entry::NoKnownAllergies if live("allergy")? => {
            return Err(Error::invalid(
                "kind",
                "an allergy is recorded; delete it first",
            ));
        }
        Entry::NoKnownAllergies if live("no_known_allergies")? => {
            return Err(Error::invalid("kind", "is already recorded"));
        }
        // An allergy she adds ends the earlier "none known".
        Entry::Allergy { .. } => {
            let ids: Vec<i64> = tx
                .prepare(
                    "SELECT id FROM entry WHERE kind = 'no_known_allergies' AND deleted_at IS NULL",
                )?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for id in ids {
                tx.execute(TOMBSTONE, params![id, now.to_string()])?;
            }
        }
        _ => {}
    }
    tx.execute(
        "INSERT INTO entry (kind, baby, at, data, unusual, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![
            entry.kind(),
            entry.baby(),
            at.as_second(),
            to_json(&entry)?,
            unusual,
            now.to_string()
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Replaces an entry's fields and time; the kind cannot change.
pub fn update(
    tx: &Transaction<'_>,
    id: i64,
    entry: Entry,
    at: Timestamp,
    now: Timestamp,
) -> Result<()> {
    let kind: Option<String> = tx
        .query_row(
            "SELECT kind FROM entry WHERE id = ?1 AND deleted_at IS NULL",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    match kind {
        None => return Err(Error::NotFound("entry")),
        Some(k) if k != entry.kind() => {
            return Err(Error::invalid(
                "kind",
                "an entry keeps its kind; delete it and add a new one",
            ));
        }
        Some(_) => {}
    }
    let (entry, unusual, at) = prepare(tx, entry, at, now)?;
    tx.execute(
        "UPDATE entry SET baby = ?2, at = ?3, data = ?4, unusual = ?5, updated_at = ?6 WHERE id = ?1",
        params![
            id,
            entry.baby(),
            at.as_second(),
            to_json(&entry)?,
            unusual,
            now.to_string()
        ],
    )?;
    Ok(())
}

/// Deletes an entry: a tombstone stays for sync, its content does not.
/// A delete keeps the row (for sync) with its content cleared; `?1` id, `?2` now.
pub const TOMBSTONE: &str = "UPDATE entry SET deleted_at = ?2, updated_at = ?2, data = '{}'
    WHERE id = ?1 AND deleted_at IS NULL";

pub fn delete(tx: &Transaction<'_>, id: i64, now: Timestamp) -> Result<()> {
    let changed = tx.execute(TOMBSTONE, params![id, now.to_string()])?;
    if changed == 0 {
        return Err(Error::NotFound("entry"));
    }
    Ok(())
}

/// Which entries to list.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Kinds from `KINDS`; empty means all.
    pub kinds: Vec<String>,
    pub from: Option<Timestamp>,
    pub to: Option<Timestamp>,
}

/// Live entries matching `filter`, oldest first.
pub fn list(conn: &Connection, filter: &Filter) -> Result<Vec<JournalEntry>> {
    for k in &filter.kinds {
        if !KINDS.contains(&k.as_str()) {
            return Err(Error::invalid("kind", "is not a kind of entry"));
        }
    }
    let kinds = serde_json::to_string(&filter.kinds).map_err(|_| Error::Corrupt("a filter"))?;
    // Two statements, so each reads off an index: by kind and time
    // (`entry_kind_time`), or by time alone (`entry_time`). One statement
    // with "no kinds means all" would walk the whole table.
    let mut stmt = if filter.kinds.is_empty() {
        conn.prepare_cached(
            "SELECT id, at, data, unusual FROM entry
             WHERE deleted_at IS NULL AND ?1 = '[]' AND at >= ?2 AND at <= ?3
             ORDER BY at, id",
        )?
    } else {
        conn.prepare_cached(
            "SELECT id, at, data, unusual FROM entry
             WHERE deleted_at IS NULL AND kind IN (SELECT value FROM json_each(?1))
               AND at >= ?2 AND at <= ?3
             ORDER BY at, id",
        )?
    };
    let rows = stmt.query_map(
        params![
            kinds,
            filter.from.map_or(i64::MIN, |t| t.as_second()),
            filter.to.map_or(i64::MAX, |t| t.as_second())
        ],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, bool>(3)?,
            ))
        },
    )?;
    let corrupt = |_| Error::Corrupt("an entry");
    let mut out = Vec::new();
    for row in rows {
        let (id, at, data, unusual) = row?;
        out.push(JournalEntry {
            id,
            at: Timestamp::from_second(at).map_err(|_| Error::Corrupt("an entry"))?,
            entry: serde_json::from_str(&data).map_err(corrupt)?,
            unusual,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(e: Entry) -> &'static str {
        match e.validate() {
            Err(Error::Invalid { field, .. }) => field,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn impossible_values_name_the_field() {
        assert_eq!(
            field(Entry::Temperature {
                baby: 1,
                celsius: 50.0
            }),
            "celsius"
        );
        assert_eq!(
            field(Entry::Temperature {
                baby: 0,
                celsius: 37.0
            }),
            "baby"
        );
        assert_eq!(
            field(Entry::Lab {
                name: "Hb".into(),
                value: f64::NAN,
                unit: "g/L".into(),
                low: None,
                high: None
            }),
            "value"
        );
        assert_eq!(
            field(Entry::Lab {
                name: "Hb".into(),
                value: 120.0,
                unit: "g/L".into(),
                low: Some(160.0),
                high: Some(110.0)
            }),
            "low"
        );
        assert_eq!(field(Entry::Note { text: "   ".into() }), "text");
        assert_eq!(
            field(Entry::Ultrasound {
                crl_mm: None,
                bpd_mm: Some(400.0),
                hc_mm: None,
                ac_mm: None,
                fl_mm: None,
                efw_grams: None
            }),
            "bpd_mm"
        );
        assert_eq!(
            field(Entry::Growth {
                baby: 1,
                weight_grams: None,
                length_mm: None,
                head_mm: None
            }),
            "growth"
        );
        assert_eq!(
            field(Entry::Feed {
                baby: 1,
                feed: Feed::Bottle {
                    ml: 0,
                    milk: Milk::Formula
                }
            }),
            "ml"
        );
    }

    #[test]
    fn unusual_values_are_kept_and_flagged() {
        let (_, unusual) = Entry::Temperature {
            baby: 1,
            celsius: 38.2,
        }
        .validate()
        .unwrap();
        assert!(unusual, "a fever is flagged");
        let (_, unusual) = Entry::Temperature {
            baby: 1,
            celsius: 36.8,
        }
        .validate()
        .unwrap();
        assert!(!unusual);
        let (_, unusual) = Entry::Lab {
            name: "Hb".into(),
            value: 98.0,
            unit: "g/L".into(),
            low: Some(110.0),
            high: Some(160.0),
        }
        .validate()
        .unwrap();
        assert!(unusual, "below its reference range");
    }

    #[test]
    fn json_is_tagged_and_refuses_unknown_fields() {
        let e = Entry::Feed {
            baby: 2,
            feed: Feed::Breast {
                side: Side::Left,
                minutes: 12,
            },
        };
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"feed","baby":2,"feed":{"type":"breast","side":"left","minutes":12}}"#
        );
        assert_eq!(serde_json::from_str::<Entry>(&json).unwrap(), e);
        assert!(serde_json::from_str::<Entry>(r#"{"kind":"note","text":"x","extra":1}"#).is_err());
    }
}
