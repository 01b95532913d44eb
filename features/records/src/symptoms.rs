//! Symptoms from a coded list, each with a severity. Some always mean
//! "seek care now", whatever else was recorded.

use cradle_store::clock::whole_seconds;
use cradle_store::error::{Error, Result};
use jiff::{SignedDuration, Timestamp};
use rusqlite::{Connection, Transaction, params};

/// The coded list. Codes are stable; the shells localize the labels.
pub const CODES: [&str; 16] = [
    "nausea",
    "vomiting",
    "swelling",
    "headache",
    "vision_changes",
    "bleeding",
    "fluid_leak",
    "reduced_movements",
    "abdominal_pain",
    "fever",
    "itching",
    "dizziness",
    "back_pain",
    "heartburn",
    "constipation",
    "insomnia",
];

/// Always "seek care now" [common obstetric guidance, secondary sources]: bleeding, leaking
/// fluid, reduced movements.
const URGENT_ALONE: [&str; 3] = ["bleeding", "fluid_leak", "reduced_movements"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Severity {
    Mild,
    Moderate,
    Severe,
}

impl Severity {
    pub fn code(self) -> &'static str {
        match self {
            Severity::Mild => "mild",
            Severity::Moderate => "moderate",
            Severity::Severe => "severe",
        }
    }

    pub fn from_code(code: &str) -> Result<Self> {
        match code {
            "mild" => Ok(Severity::Mild),
            "moderate" => Ok(Severity::Moderate),
            "severe" => Ok(Severity::Severe),
            _ => Err(Error::invalid(
                "severity",
                "must be mild, moderate or severe",
            )),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symptom {
    pub id: i64,
    pub code: &'static str,
    pub severity: Severity,
    pub noted_at: Timestamp,
}

pub fn code(text: &str) -> Result<&'static str> {
    CODES
        .iter()
        .copied()
        .find(|c| *c == text)
        .ok_or_else(|| Error::invalid("symptom", "is not in the list of symptoms"))
}

/// A delete (from another device, through sync) keeps a tombstone; `?1` id, `?2` now.
pub const TOMBSTONE: &str =
    "UPDATE symptom SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL";

pub fn add(
    tx: &Transaction<'_>,
    code: &'static str,
    severity: Severity,
    noted_at: Timestamp,
    now: Timestamp,
) -> Result<i64> {
    let noted_at = whole_seconds(noted_at);
    if noted_at > now {
        return Err(Error::invalid("noted_at", "must not be in the future"));
    }
    tx.execute(
        "INSERT INTO symptom (code, severity, noted_at, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![
            code,
            severity.code(),
            noted_at.to_string(),
            whole_seconds(now).to_string()
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Symptoms noted in the 24 hours before `now`, oldest first.
pub fn recent(conn: &Connection, now: Timestamp) -> Result<Vec<Symptom>> {
    since(
        conn,
        now.checked_sub(SignedDuration::from_hours(24))
            .unwrap_or(now),
    )
}

/// Symptoms noted at or after `from`, oldest first.
pub fn since(conn: &Connection, from: Timestamp) -> Result<Vec<Symptom>> {
    // Stored as whole-second UTC text, which sorts as time does.
    let since = whole_seconds(from);
    let mut stmt = conn.prepare(
        "SELECT id, code, severity, noted_at FROM symptom
         WHERE deleted_at IS NULL AND noted_at >= ?1 ORDER BY noted_at, id",
    )?;
    let rows = stmt.query_map([since.to_string()], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let corrupt = || Error::Corrupt("a symptom");
    let mut out = Vec::new();
    for row in rows {
        let (id, c, s, at) = row?;
        out.push(Symptom {
            id,
            code: code(&c).map_err(|_| corrupt())?,
            severity: Severity::from_code(&s).map_err(|_| corrupt())?,
            noted_at: at.parse().map_err(|_| corrupt())?,
        });
    }
    Ok(out)
}

/// The symptom that makes the last 24 hours urgent, if any: bleeding, fluid
/// leak or reduced movements; or a severe headache together with vision changes.
pub fn urgent(recent: &[Symptom]) -> Option<&Symptom> {
    if let Some(s) = recent.iter().rev().find(|s| URGENT_ALONE.contains(&s.code)) {
        return Some(s);
    }
    let headache = recent
        .iter()
        .rev()
        .find(|s| s.code == "headache" && s.severity == Severity::Severe)?;
    recent
        .iter()
        .any(|s| s.code == "vision_changes")
        .then_some(headache)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(code: &'static str, severity: Severity) -> Symptom {
        Symptom {
            id: 1,
            code,
            severity,
            noted_at: Timestamp::UNIX_EPOCH,
        }
    }

    #[test]
    fn urgent_symptoms() {
        assert!(
            urgent(&[
                s("nausea", Severity::Severe),
                s("back_pain", Severity::Moderate)
            ])
            .is_none()
        );
        for code in URGENT_ALONE {
            assert_eq!(
                urgent(&[s(code, Severity::Mild)]).map(|x| x.code),
                Some(code)
            );
        }
        assert!(
            urgent(&[
                s("headache", Severity::Moderate),
                s("vision_changes", Severity::Mild)
            ])
            .is_none()
        );
        assert!(urgent(&[s("headache", Severity::Severe)]).is_none());
        assert_eq!(
            urgent(&[
                s("vision_changes", Severity::Mild),
                s("headache", Severity::Severe)
            ])
            .map(|x| x.code),
            Some("headache")
        );
        assert!(code("tired").is_err());
        assert!(Severity::from_code("awful").is_err());
    }
}
