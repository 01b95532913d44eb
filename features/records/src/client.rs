//! The records as a sub-client over the store (`Cradle::records()`):
//! readings, the journal, symptoms, kicks and contractions, trends, the
//! advice and the clinic export. Each call reads her "now" from the store
//! and her stage from the timeline.

use crate::babylog::{self, BabyDay};
use crate::gain::{self, Baseline};
use crate::insights::{self, Insight, Situation};
use crate::journal::{self, Entry, Filter, JournalEntry};
use crate::sessions::{self, CallRule, ContractionTimer, KickSession};
use crate::symptoms::{self, Severity, Symptom};
use crate::trends::{self, Trends, WeightChart};
use crate::{Checked, Record, ShownRecord};
use cradle_store::error::{Error, Result};
use cradle_store::events::DataArea;
use cradle_store::{Ctx, Store};
use cradle_timeline::Stage;
use cradle_timeline::gestation::{GestationalAge, Trimesters, start_of_pregnancy};
use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::Connection;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KickAction {
    Start,
    Tap,
    Stop,
}

#[derive(Clone, Copy)]
pub struct Records<'a> {
    store: &'a Store,
    trimesters: &'a Trimesters,
}

impl<'a> Records<'a> {
    pub fn new(store: &'a Store, trimesters: &'a Trimesters) -> Self {
        Self { store, trimesters }
    }

    /// Records a measurement taken at `taken_at` (default: now); returns its id.
    pub fn record(&self, checked: Checked, taken_at: Option<Timestamp>) -> Result<i64> {
        self.store.write(&[DataArea::Records], |tx, c| {
            crate::add(tx, checked, taken_at.unwrap_or(c.now), c.now)
        })
    }

    pub fn update_record(&self, id: i64, checked: Checked, taken_at: Timestamp) -> Result<()> {
        self.store.write(&[DataArea::Records], |tx, c| {
            crate::update(tx, id, checked, taken_at, c.now)
        })
    }

    /// Deletes a record (a tombstone remains, without the value, for sync).
    pub fn delete_record(&self, id: i64) -> Result<()> {
        self.store
            .write(&[DataArea::Records], |tx, c| crate::delete(tx, id, c.now))
    }

    /// Live records, oldest first; `kind` is `weight`, `blood_pressure` or `glucose`.
    pub fn list(&self, kind: Option<&str>) -> Result<Vec<Record>> {
        crate::list(&self.store.conn(), kind)
    }

    /// Every reading (or those of `kind`), oldest first, worded in her
    /// language at her local minute.
    pub fn shown(&self, kind: Option<&str>) -> Result<Vec<ShownRecord>> {
        let db = self.store.conn();
        let tx = db.unchecked_transaction()?;
        let c = self.store.ctx(&tx)?;
        Ok(crate::list(&tx, kind)?
            .into_iter()
            .map(|r| ShownRecord::new(r, c.language, &c.zone))
            .collect())
    }

    /// Adds a journal entry (medication, lab, scan, note, baby log…) at
    /// `at` (default: now); returns its id.
    pub fn add_entry(&self, entry: Entry, at: Option<Timestamp>) -> Result<i64> {
        self.store.write(&[DataArea::Records], |tx, c| {
            journal::add(tx, entry, at.unwrap_or(c.now), c.now)
        })
    }

    pub fn update_entry(&self, id: i64, entry: Entry, at: Timestamp) -> Result<()> {
        self.store.write(&[DataArea::Records], |tx, c| {
            journal::update(tx, id, entry, at, c.now)
        })
    }

    /// Deletes an entry (a tombstone remains, without the content, for sync).
    pub fn delete_entry(&self, id: i64) -> Result<()> {
        self.store
            .write(&[DataArea::Records], |tx, c| journal::delete(tx, id, c.now))
    }

    /// Live journal entries matching `filter`, oldest first.
    pub fn entries(&self, filter: &Filter) -> Result<Vec<JournalEntry>> {
        journal::list(&self.store.conn(), filter)
    }

    /// Height and pre-pregnancy weight, for the weight-gain band; `None` forgets them.
    pub fn set_baseline(&self, baseline: Option<Baseline>) -> Result<()> {
        self.store.write(&[DataArea::Records], |tx, c| {
            gain::set_baseline(tx, baseline, c.now)
        })
    }

    pub fn baseline(&self) -> Result<Option<Baseline>> {
        gain::baseline(&self.store.conn())
    }

    /// Every chart's series for local days `from..=to`, in one call.
    pub fn trends(&self, from: Option<Date>, to: Option<Date>) -> Result<Trends> {
        let db = self.store.conn();
        let c = self.store.ctx(&db)?;
        let state = cradle_timeline::load(&db)?;
        trends::trends(&db, &state, &c.zone, c.now, c.language, from, to)
    }

    /// The weight chart alone, over all her days (the Records screen's).
    pub fn weight_chart(&self) -> Result<WeightChart> {
        let db = self.store.conn();
        let c = self.store.ctx(&db)?;
        let state = cradle_timeline::load(&db)?;
        trends::weights(&db, &state, &c.zone, c.now, c.language)
    }

    /// The clinic-visit export (HTML summary or FHIR R4 Bundle), offline.
    pub fn clinic_export(
        &self,
        format: crate::clinic::Format,
        options: &crate::clinic::Options,
    ) -> Result<String> {
        let flags = self.insights()?;
        let db = self.store.conn();
        let c = self.store.ctx(&db)?;
        let state = cradle_timeline::load(&db)?;
        let summary = crate::clinic::gather(
            &db,
            &state,
            crate::clinic::Context {
                language: c.language,
                zone: &c.zone,
                today: c.today,
                now: c.now,
                name: c.profile.and_then(|p| p.display_name),
                flags,
            },
            options,
        )?;
        Ok(crate::clinic::render(&summary, format))
    }

    /// Today's feeds, nappies and sleep for each baby of the latest birth;
    /// empty before a birth.
    pub fn baby_days(&self) -> Result<Vec<BabyDay>> {
        let db = self.store.conn();
        let tx = db.unchecked_transaction()?;
        let c = self.store.ctx(&tx)?;
        self.baby_days_in(&tx, &c, &cradle_timeline::load(&tx)?)
    }

    pub fn baby_days_in(
        &self,
        db: &Connection,
        c: &Ctx,
        state: &cradle_timeline::State,
    ) -> Result<Vec<BabyDay>> {
        let Some(baby) = state.on(c.today, c.language, self.trimesters).baby else {
            return Ok(Vec::new());
        };
        let midnight = c
            .zone
            .to_timestamp(c.today.to_datetime(jiff::civil::Time::midnight()))
            .map_err(|_| Error::invalid("date", "is outside the supported calendar range"))?;
        let entries = journal::list(
            db,
            &Filter {
                kinds: ["feed", "diaper", "sleep"].map(str::to_owned).to_vec(),
                from: Some(midnight),
                to: None,
            },
        )?;
        Ok((1..=baby.birth.count)
            .filter_map(|n| u8::try_from(n).ok())
            .map(|n| babylog::summarize(&entries, n, &c.zone))
            .collect())
    }

    /// The clinic-visit screen in one call: the HTML summary for `options`,
    /// the sections to choose from and her questions.
    pub fn clinic_visit(&self, options: &crate::clinic::Options) -> Result<crate::clinic::Visit> {
        // Each read takes the connection and lets it go before the next.
        let language = self.store.ctx(&self.store.conn())?.language;
        Ok(crate::clinic::Visit {
            html: self.clinic_export(crate::clinic::Format::Html, options)?,
            sections: crate::clinic::section_choices(language, options)?,
            questions: self.entries(&Filter {
                kinds: vec!["question".to_owned()],
                ..Filter::default()
            })?,
        })
    }

    /// Insights from her recent readings, kick count, symptoms, lab tests
    /// and her babies' temperatures, for the stage she is in, most urgent
    /// first, in her language.
    pub fn insights(&self) -> Result<Vec<Insight>> {
        let db = self.store.conn();
        let tx = db.unchecked_transaction()?;
        let c = self.store.ctx(&tx)?;
        self.insights_in(&tx, &c, &cradle_timeline::load(&tx)?)
    }

    pub fn insights_in(
        &self,
        db: &Connection,
        c: &Ctx,
        state: &cradle_timeline::State,
    ) -> Result<Vec<Insight>> {
        let now = state.on(c.today, c.language, self.trimesters);
        let situation = Situation {
            stage: now.stage,
            ga_days: now.pregnancy.as_ref().map(|p| p.gestational_age.total_days),
            stage_began: match (&now.pregnancy, &now.baby) {
                (Some(p), _) => Some(start_of_pregnancy(p.edd)?),
                (None, Some(b)) if now.stage == Stage::Postpartum => Some(b.birth.date),
                _ => None,
            },
            birth: now.baby.as_ref().map(|b| b.birth),
            zone: c.zone.clone(),
            now: c.now,
        };
        // The newest reading of each kind is all the advice reads.
        let readings = crate::latest_each(db)?;
        let mut all = insights::from_records(&readings, &situation, c.language);
        let latest_weight = readings
            .iter()
            .rev()
            .find(|r| r.measurement.kind() == "weight");
        if let (Some(w), Some((_, best)), Some(band), Some(base)) = (
            latest_weight,
            state.ongoing(),
            trends::band(db, c.language)?,
            gain::baseline(db)?,
        ) {
            let ga = GestationalAge::on(
                cradle_store::clock::local_date(w.taken_at, &c.zone),
                best.edd,
            );
            all.extend(insights::from_weight_gain(
                w,
                ga.total_days,
                &band,
                base.pre_pregnancy_kg,
                &situation,
                c.language,
            ));
        }
        if let Some(session) = sessions::latest_kick_session(db, c.now)? {
            all.extend(insights::from_kicks(&session, &situation, c.language));
        }
        all.extend(insights::from_symptoms(
            &symptoms::recent(db, c.now)?,
            &situation,
            c.language,
        ));
        let kinds = |k: &str| Filter {
            kinds: vec![k.to_owned()],
            ..Filter::default()
        };
        all.extend(insights::from_ogtt(
            &journal::list(db, &kinds("ogtt"))?,
            &situation,
            c.language,
        ));
        let day_ago = c
            .now
            .checked_sub(insights::NOW_WINDOW)
            .unwrap_or(Timestamp::MIN);
        all.extend(insights::from_temperatures(
            &journal::list(
                db,
                &Filter {
                    from: Some(day_ago),
                    ..kinds("temperature")
                },
            )?,
            &situation,
            c.language,
        ));
        all.sort_by_key(|i| std::cmp::Reverse(i.level));
        Ok(all)
    }

    /// Notes a symptom from the coded list (`records::symptoms::CODES`).
    pub fn note_symptom(
        &self,
        code: &str,
        severity: Severity,
        noted_at: Option<Timestamp>,
    ) -> Result<i64> {
        let code = symptoms::code(code)?;
        self.store.write(&[DataArea::Records], |tx, c| {
            symptoms::add(tx, code, severity, noted_at.unwrap_or(c.now), c.now)
        })
    }

    /// Symptoms noted in the last 24 hours, oldest first.
    pub fn recent_symptoms(&self) -> Result<Vec<Symptom>> {
        let db = self.store.conn();
        let c = self.store.ctx(&db)?;
        symptoms::recent(&db, c.now)
    }

    /// Starts, taps or stops the kick counter; returns the session as it stands.
    pub fn kick(&self, action: KickAction) -> Result<KickSession> {
        self.store.write(&[DataArea::Records], |tx, c| {
            match action {
                KickAction::Start => sessions::kick_start(tx, c.now)?,
                KickAction::Tap => sessions::kick_tap(tx, c.now)?,
                KickAction::Stop => sessions::kick_stop(tx, c.now)?,
            }
            sessions::latest_kick_session(tx, c.now)?.ok_or(Error::NotFound("kick count"))
        })
    }

    pub fn kick_session(&self) -> Result<Option<KickSession>> {
        let db = self.store.conn();
        let c = self.store.ctx(&db)?;
        sessions::latest_kick_session(&db, c.now)
    }

    /// Marks the start (`true`) or end (`false`) of a contraction; returns the timer.
    pub fn contraction(&self, starting: bool, rule: CallRule) -> Result<ContractionTimer> {
        self.store.write(&[DataArea::Records], |tx, c| {
            if starting {
                sessions::contraction_start(tx, c.now)?;
            } else {
                sessions::contraction_stop(tx, c.now)?;
            }
            sessions::contraction_timer(tx, c.now, rule)
        })
    }

    pub fn contraction_timer(&self, rule: CallRule) -> Result<ContractionTimer> {
        let db = self.store.conn();
        let c = self.store.ctx(&db)?;
        sessions::contraction_timer(&db, c.now, rule)
    }
}
