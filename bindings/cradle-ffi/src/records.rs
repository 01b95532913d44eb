//! Measurements, the Records screen, insights, kicks and contractions.

use super::*;

/// A stored measurement, in fixed units.
#[derive(uniffi::Enum)]
pub enum MeasurementValue {
    Weight {
        grams: u32,
    },
    BloodPressure {
        systolic: u32,
        diastolic: u32,
        pulse: Option<u32>,
    },
    Glucose {
        mmol_per_l: f64,
        context: GlucoseContext,
    },
}

#[derive(uniffi::Record)]
pub struct HealthRecord {
    pub id: i64,
    /// RFC 3339.
    pub taken_at: String,
    pub value: MeasurementValue,
    /// When, in her time zone, as a list shows it: `YYYY-MM-DD HH:MM`.
    pub taken_at_local: String,
    /// The value as a screen shows it, in her language ("142/91 mmHg").
    pub text: String,
    /// Possible but unusual: kept, and shown for the user to check.
    pub unusual: bool,
}

impl From<ShownRecord> for HealthRecord {
    fn from(shown: ShownRecord) -> Self {
        let r = shown.record;
        Self {
            text: shown.text,
            taken_at_local: shown.taken_at_local,
            id: r.id,
            taken_at: r.taken_at.to_string(),
            value: match r.measurement {
                Measurement::Weight { grams } => MeasurementValue::Weight { grams },
                Measurement::BloodPressure {
                    systolic,
                    diastolic,
                    pulse,
                } => MeasurementValue::BloodPressure {
                    systolic,
                    diastolic,
                    pulse,
                },
                Measurement::Glucose { cmmol, context } => MeasurementValue::Glucose {
                    mmol_per_l: Measurement::mmol_per_l(cmmol),
                    context,
                },
            },
            unusual: r.unusual,
        }
    }
}

#[derive(uniffi::Record)]
pub struct InsightInfo {
    pub code: String,
    /// `mention_at_visit`, `contact_clinic` or `seek_care_now`.
    pub level: String,
    pub message: String,
    pub source: String,
    /// What raised it: `measurement`, `entry`, `kick_count` or `symptom`.
    pub record_kind: String,
    pub record_id: i64,
}

impl From<Insight> for InsightInfo {
    fn from(i: Insight) -> Self {
        Self {
            code: i.code.to_owned(),
            level: i.level.code().to_owned(),
            message: i.message,
            source: i.source.to_owned(),
            record_kind: i.about.kind().to_owned(),
            record_id: i.about.id(),
        }
    }
}

#[uniffi::remote(Enum)]
pub enum KickAction {
    Start,
    Tap,
    Stop,
}

#[derive(uniffi::Record)]
pub struct KickCount {
    pub started_at_epoch_ms: i64,
    pub ended_at_epoch_ms: Option<i64>,
    pub count: u32,
    pub reached_target_at_epoch_ms: Option<i64>,
    /// Two hours passed with fewer than 10 movements: show the advice.
    pub below_target: bool,
}

impl From<KickSession> for KickCount {
    fn from(s: KickSession) -> Self {
        Self {
            started_at_epoch_ms: s.started_at.as_millisecond(),
            ended_at_epoch_ms: s.ended_at.map(|t| t.as_millisecond()),
            count: s.count,
            reached_target_at_epoch_ms: s.reached_target_at.map(|t| t.as_millisecond()),
            below_target: s.below_target,
        }
    }
}

#[derive(uniffi::Record)]
pub struct ContractionInfo {
    pub current_started_at_epoch_ms: Option<i64>,
    pub last_duration_s: Option<i64>,
    pub last_interval_s: Option<i64>,
    pub count_last_hour: u32,
    pub average_interval_last_hour_s: Option<i64>,
    pub average_duration_last_hour_s: Option<i64>,
    pub time_to_call: bool,
}

impl From<ContractionTimer> for ContractionInfo {
    fn from(t: ContractionTimer) -> Self {
        Self {
            current_started_at_epoch_ms: t.current_started_at.map(|x| x.as_millisecond()),
            last_duration_s: t.last_duration.map(|d| d.as_secs()),
            last_interval_s: t.last_interval.map(|d| d.as_secs()),
            count_last_hour: t.count_last_hour,
            average_interval_last_hour_s: t.average_interval_last_hour.map(|d| d.as_secs()),
            average_duration_last_hour_s: t.average_duration_last_hour.map(|d| d.as_secs()),
            time_to_call: t.time_to_call,
        }
    }
}

#[derive(uniffi::Record)]
pub struct RecordsScreen {
    pub stage: Stage,
    /// Newest first.
    pub recent: Vec<HealthRecord>,
    pub kicks: Option<KickCount>,
    pub contractions: ContractionInfo,
    pub flag: Option<InsightInfo>,
    /// Daily weights and, once her height and pre-pregnancy weight are
    /// known, the recommended band: the weight chart.
    pub weight: Vec<WeightDay>,
    pub weight_band: Option<WeightBandView>,
    /// Today's log for each baby, after the birth.
    pub babies: Vec<BabyToday>,
}

#[derive(uniffi::Record)]
pub struct BabyToday {
    pub baby: u8,
    pub feeds: u32,
    pub wet: u32,
    pub dirty: u32,
    pub sleep_minutes: u32,
    /// Local `HH:MM` of the last feed today.
    pub last_feed_local: Option<String>,
}

/// Her records, as `core.records()` hands them out: readings, symptoms,
/// kicks and contractions, the journal, the charts and the clinic export.
#[derive(uniffi::Object)]
pub struct RecordsClient {
    core: Arc<CradleCore>,
}

#[uniffi::export]
impl CradleCore {
    pub fn records(self: Arc<Self>) -> Arc<RecordsClient> {
        Arc::new(RecordsClient { core: self })
    }
}

impl RecordsClient {
    pub(crate) fn records(&self) -> cradle_core::records::Records<'_> {
        self.core.core.records()
    }

    fn record(
        &self,
        checked: cradle_core::Result<cradle_core::records::Checked>,
        taken_at: Option<String>,
    ) -> Result<i64> {
        let taken_at = taken_at
            .map(|t| cradle_core::reminders::parse_instant("taken_at", &t))
            .transpose()?;
        Ok(self.records().record(checked?, taken_at)?)
    }
}

#[uniffi::export]
impl CradleCore {
    /// The records screen in one crossing: the newest measurements, the kick
    /// counter, the contraction timer and the most urgent note.
    pub fn records_screen(&self, rule: CallRule) -> Result<RecordsScreen> {
        let s = self.core.records_screen(rule)?;
        Ok(RecordsScreen {
            stage: s.stage,
            recent: s.recent.into_iter().map(Into::into).collect(),
            kicks: s.kicks.map(Into::into),
            contractions: s.contractions.into(),
            flag: s.flag.map(Into::into),
            weight: s.weight.days.into_iter().map(Into::into).collect(),
            weight_band: s.weight.band.map(Into::into),
            babies: s
                .babies
                .into_iter()
                .map(|d| BabyToday {
                    baby: d.baby,
                    feeds: d.feeds,
                    wet: d.wet,
                    dirty: d.dirty,
                    sleep_minutes: d.sleep_minutes,
                    last_feed_local: d.last_feed_local,
                })
                .collect(),
        })
    }
}

#[uniffi::export]
impl RecordsClient {
    /// Records a blood pressure taken at `taken_at` (RFC 3339; default now). Returns its id.
    pub fn record_blood_pressure(
        &self,
        systolic: u32,
        diastolic: u32,
        pulse: Option<u32>,
        taken_at: Option<String>,
    ) -> Result<i64> {
        self.record(
            Measurement::blood_pressure(systolic, diastolic, pulse),
            taken_at,
        )
    }

    pub fn record_weight(
        &self,
        value: f64,
        unit: WeightUnit,
        taken_at: Option<String>,
    ) -> Result<i64> {
        self.record(Measurement::weight(value, unit), taken_at)
    }

    pub fn record_glucose(
        &self,
        value: f64,
        unit: GlucoseUnit,
        context: GlucoseContext,
        taken_at: Option<String>,
    ) -> Result<i64> {
        self.record(Measurement::glucose(value, unit, context), taken_at)
    }

    /// Live records, oldest first; `kind` is `weight`, `blood_pressure` or `glucose`.
    pub fn list(&self, kind: Option<String>) -> Result<Vec<HealthRecord>> {
        Ok(self
            .records()
            .shown(kind.as_deref())?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    pub fn delete_record(&self, id: i64) -> Result<()> {
        Ok(self.records().delete_record(id)?)
    }

    /// Non-diagnostic notes on the latest readings, most urgent first.
    pub fn insights(&self) -> Result<Vec<InsightInfo>> {
        Ok(self
            .records()
            .insights()?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Notes a symptom by code (`nausea`, `bleeding`, `reduced_movements`, …); returns its id.
    pub fn note_symptom(
        &self,
        code: String,
        severity: Severity,
        noted_at: Option<String>,
    ) -> Result<i64> {
        let noted_at = noted_at
            .map(|t| cradle_core::reminders::parse_instant("noted_at", &t))
            .transpose()?;
        Ok(self.records().note_symptom(&code, severity, noted_at)?)
    }

    /// The symptom codes the app offers, in display order.
    pub fn symptom_codes(&self) -> Vec<String> {
        cradle_core::records::symptoms::CODES
            .iter()
            .map(|c| (*c).to_owned())
            .collect()
    }

    /// Kick counter: `start`, `tap` for each movement, `stop`. Returns the session.
    pub fn kick(&self, action: KickAction) -> Result<KickCount> {
        Ok(self.records().kick(action)?.into())
    }

    pub fn kick_session(&self) -> Result<Option<KickCount>> {
        Ok(self.records().kick_session()?.map(Into::into))
    }

    /// Marks the start (`true`) or the end (`false`) of a contraction; returns the timer.
    pub fn contraction(&self, starting: bool, rule: CallRule) -> Result<ContractionInfo> {
        Ok(self.records().contraction(starting, rule)?.into())
    }

    pub fn contraction_timer(&self, rule: CallRule) -> Result<ContractionInfo> {
        Ok(self.records().contraction_timer(rule)?.into())
    }
}
