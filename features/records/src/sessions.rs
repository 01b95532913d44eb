//! The kick counter and the contraction timer: live sessions with big
//! one-tap actions on the phone, and the standard guidance drawn from them.

use cradle_store::clock::whole_seconds;
use cradle_store::error::{Error, Result};
use jiff::{SignedDuration, Timestamp};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// The count that reassures, and the window it should come within:
/// 10 movements in 2 hours, from 28 weeks [common obstetric guidance, secondary sources].
pub const KICK_TARGET: u32 = 10;
pub const KICK_WINDOW: SignedDuration = SignedDuration::from_hours(2);

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct KickSession {
    pub id: i64,
    pub started_at: Timestamp,
    pub ended_at: Option<Timestamp>,
    pub count: u32,
    /// When the 10th movement came, if it did.
    pub reached_target_at: Option<Timestamp>,
    /// True when 2 hours passed with fewer than 10 movements: the standard
    /// advice is to contact the clinic.
    pub below_target: bool,
}

fn parse(t: String) -> Result<Timestamp> {
    t.parse().map_err(|_| Error::Corrupt("a session time"))
}

fn open_kick_session(conn: &Connection) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM kick_session WHERE ended_at IS NULL",
            [],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn kick_start(tx: &Transaction<'_>, now: Timestamp) -> Result<()> {
    if open_kick_session(tx)?.is_some() {
        return Err(Error::invalid("session", "a kick count is already running"));
    }
    tx.execute(
        "INSERT INTO kick_session (started_at) VALUES (?1)",
        [whole_seconds(now).to_string()],
    )?;
    Ok(())
}

pub fn kick_tap(tx: &Transaction<'_>, now: Timestamp) -> Result<()> {
    let id = open_kick_session(tx)?.ok_or(Error::NotFound("running kick count"))?;
    tx.execute(
        "INSERT INTO kick (session_id, at) VALUES (?1, ?2)",
        params![id, whole_seconds(now).to_string()],
    )?;
    Ok(())
}

pub fn kick_stop(tx: &Transaction<'_>, now: Timestamp) -> Result<()> {
    let id = open_kick_session(tx)?.ok_or(Error::NotFound("running kick count"))?;
    tx.execute(
        "UPDATE kick_session SET ended_at = ?2 WHERE id = ?1",
        params![id, whole_seconds(now).to_string()],
    )?;
    Ok(())
}

/// The latest kick-count session, as of `now`.
pub fn latest_kick_session(conn: &Connection, now: Timestamp) -> Result<Option<KickSession>> {
    let row = conn
        .query_row(
            "SELECT id, started_at, ended_at FROM kick_session ORDER BY id DESC LIMIT 1",
            [],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                ))
            },
        )
        .optional()?;
    let Some((id, started, ended)) = row else {
        return Ok(None);
    };
    let started_at = parse(started)?;
    let ended_at = ended.map(parse).transpose()?;
    let mut stmt = conn.prepare("SELECT at FROM kick WHERE session_id = ?1 ORDER BY at")?;
    let kicks: Vec<Timestamp> = stmt
        .query_map([id], |r| r.get::<_, String>(0))?
        .map(|r| r.map_err(Error::from).and_then(parse))
        .collect::<Result<_>>()?;
    let window_end = started_at.checked_add(KICK_WINDOW).unwrap_or(started_at);
    let reached_target_at = kicks
        .get(KICK_TARGET as usize - 1)
        .copied()
        .filter(|t| *t <= window_end);
    let observed_until = ended_at.unwrap_or(now);
    Ok(Some(KickSession {
        id,
        started_at,
        ended_at,
        count: kicks.len() as u32,
        reached_target_at,
        below_target: reached_target_at.is_none() && observed_until >= window_end,
    }))
}

/// The 5-1-1 rule (contractions every 5 minutes, lasting 1 minute, for 1
/// hour), or 3-1-1 where a clinic advises it. Patient-facing guidance [S].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CallRule {
    FiveOneOne,
    ThreeOneOne,
}

impl CallRule {
    fn max_interval(self) -> SignedDuration {
        match self {
            CallRule::FiveOneOne => SignedDuration::from_mins(5),
            CallRule::ThreeOneOne => SignedDuration::from_mins(3),
        }
    }
}

/// `--json` gives its spans in whole seconds (`last_duration_s`, …).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ContractionTimer {
    /// The contraction happening now, if one is being timed.
    pub current_started_at: Option<Timestamp>,
    #[serde(rename = "last_duration_s", serialize_with = "seconds")]
    pub last_duration: Option<SignedDuration>,
    /// Start to start, between the last two contractions.
    #[serde(rename = "last_interval_s", serialize_with = "seconds")]
    pub last_interval: Option<SignedDuration>,
    /// Over contractions that started in the last hour.
    pub count_last_hour: u32,
    #[serde(rename = "average_interval_last_hour_s", serialize_with = "seconds")]
    pub average_interval_last_hour: Option<SignedDuration>,
    #[serde(rename = "average_duration_last_hour_s", serialize_with = "seconds")]
    pub average_duration_last_hour: Option<SignedDuration>,
    /// The rule's pattern has held for an hour: time to call the hospital.
    pub time_to_call: bool,
}

fn seconds<S: serde::Serializer>(
    d: &Option<SignedDuration>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_some(&d.as_secs()),
        None => s.serialize_none(),
    }
}

pub fn contraction_start(tx: &Transaction<'_>, now: Timestamp) -> Result<()> {
    let open: Option<i64> = tx
        .query_row(
            "SELECT id FROM contraction WHERE ended_at IS NULL",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if open.is_some() {
        return Err(Error::invalid(
            "contraction",
            "one is already being timed; stop it first",
        ));
    }
    tx.execute(
        "INSERT INTO contraction (started_at) VALUES (?1)",
        [whole_seconds(now).to_string()],
    )?;
    Ok(())
}

pub fn contraction_stop(tx: &Transaction<'_>, now: Timestamp) -> Result<()> {
    let changed = tx.execute(
        "UPDATE contraction SET ended_at = ?1 WHERE ended_at IS NULL",
        [whole_seconds(now).to_string()],
    )?;
    if changed == 0 {
        return Err(Error::NotFound("contraction being timed"));
    }
    Ok(())
}

fn average(values: &[SignedDuration]) -> Option<SignedDuration> {
    if values.is_empty() {
        return None;
    }
    let total: i64 = values.iter().map(|d| d.as_secs()).sum();
    Some(SignedDuration::from_secs(total / values.len() as i64))
}

/// The timer's view as of `now`, judged by `rule`.
pub fn contraction_timer(
    conn: &Connection,
    now: Timestamp,
    rule: CallRule,
) -> Result<ContractionTimer> {
    let mut stmt = conn.prepare(
        // The recent ones off `contraction_time`, and one still open from
        // before (at most one, `contraction_one_open`).
        "SELECT started_at, ended_at FROM contraction WHERE started_at >= ?1
         UNION ALL
         SELECT started_at, ended_at FROM contraction WHERE (ended_at IS NULL) = 1 AND started_at < ?1
         ORDER BY started_at",
    )?;
    // Two hours back is enough to judge a one-hour pattern.
    let since = now
        .checked_sub(SignedDuration::from_hours(2))
        .unwrap_or(now);
    let rows: Vec<(Timestamp, Option<Timestamp>)> = stmt
        .query_map([whole_seconds(since).to_string()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?
        .map(|r| {
            let (s, e) = r?;
            Ok((parse(s)?, e.map(parse).transpose()?))
        })
        .collect::<Result<_>>()?;
    let done: Vec<(Timestamp, Timestamp)> = rows
        .iter()
        .filter_map(|(s, e)| e.map(|e| (*s, e)))
        .collect();
    let current_started_at = rows.iter().find(|(_, e)| e.is_none()).map(|(s, _)| *s);
    let hour_ago = now
        .checked_sub(SignedDuration::from_hours(1))
        .unwrap_or(now);
    let last_hour: Vec<_> = done.iter().filter(|(s, _)| *s >= hour_ago).collect();
    let durations: Vec<SignedDuration> = last_hour
        .iter()
        .map(|(s, e)| e.duration_since(*s))
        .collect();
    let intervals: Vec<SignedDuration> = last_hour
        .windows(2)
        .map(|w| w[1].0.duration_since(w[0].0))
        .collect();

    // Walk back from the latest contraction while the pattern holds.
    let mut time_to_call = false;
    if let Some(&(latest_start, _)) = done.last() {
        let mut earliest = latest_start;
        for pair in done.windows(2).rev() {
            let ((s0, e0), (s1, _)) = (pair[0], pair[1]);
            let regular = s1.duration_since(s0) <= rule.max_interval()
                && e0.duration_since(s0) >= SignedDuration::from_mins(1);
            if !regular {
                break;
            }
            earliest = s0;
        }
        let last_long_enough = done
            .last()
            .is_some_and(|(s, e)| e.duration_since(*s) >= SignedDuration::from_mins(1));
        time_to_call = last_long_enough
            && latest_start.duration_since(earliest) >= SignedDuration::from_hours(1);
    }
    Ok(ContractionTimer {
        current_started_at,
        last_duration: done.last().map(|(s, e)| e.duration_since(*s)),
        last_interval: done
            .windows(2)
            .last()
            .map(|w| w[1].0.duration_since(w[0].0)),
        count_last_hour: last_hour.len() as u32,
        average_interval_last_hour: average(&intervals),
        average_duration_last_hour: average(&durations),
        time_to_call,
    })
}
