//! The FFI surface: thin conversions between `cradle-core` and UniFFI types.
//! No domain logic lives here. Each call returns a whole screen's data
//! because every crossing costs microseconds on Android.
//!
//! Every export that can fail returns `Result`: a Rust panic crossing into
//! Swift would end the app.

use cradle_core::api::Traceability;
use cradle_core::api::{PROVINCES, ShipTo};
use cradle_core::clinic;
use cradle_core::consent::{Consent, Purpose};
use cradle_core::events::{ChangeObserver, DataArea};
use cradle_core::links::Link;
use cradle_core::profile::{Language, Profile};
use cradle_core::records::gain::Baseline;
use cradle_core::records::growth::{Indicator, Sex};
use cradle_core::records::insights::Insight;
use cradle_core::records::journal::{Entry, Feed, Filter, JournalEntry, Milk, Side};
use cradle_core::records::sessions::{CallRule, ContractionTimer, KickSession};
use cradle_core::records::symptoms::Severity;
use cradle_core::records::trends::{
    BandPoint, Curve, GlucosePoint, GrowthPoint, GrowthSeries, PressurePoint, Trends, WeightBand,
    WeightPoint,
};
use cradle_core::records::{GlucoseContext, GlucoseUnit, Measurement, ShownRecord, WeightUnit};
use cradle_core::reminders::notify::Notification;
use cradle_core::reminders::repeat::{self, Draft, Ends, Every, Repeat, Weekday};
use cradle_core::reminders::{self, DoseGiven, Item, Kind, Settings, Status};
use cradle_core::shop::addresses::AddressView;
use cradle_core::shop::after_sales::ComplaintView;
use cradle_core::shop::bag::{BagGroup, BagItem, HospitalBag};
use cradle_core::shop::checkout::{
    CheckoutReview, CheckoutWarning, OrderLineView, OrderView, Refill, ReturnItem, ReturnView,
    ReviewLine, StatusStep,
};
use cradle_core::shop::queued::QueuedOrder;
use cradle_core::shop::status::{self, Choice};
use cradle_core::shop::{
    CartLine, CartView, CatalogUpdate, ProductCard, ProductPage, ProductWarning, ShopScreen,
};
use cradle_core::storage::DbKey;
use cradle_core::sync::{SyncListener, SyncStatus};
use cradle_core::timeline::baby::{Birth, BirthFacts, HbsAg};
use cradle_core::timeline::content::{MonthContent, WeekContent};
use cradle_core::timeline::dating::{DatingInput, Method, Scan};
use cradle_core::timeline::gestation::{GestationalAge, TermClass};
use cradle_core::timeline::journey::{Journey, Page, Step, When};
use cradle_core::timeline::{self, BabyStatus, PregnancyStatus, Stage};
use cradle_core::{Config, Cradle, CradleError, KickAction, Snooze};
use std::sync::Arc;

uniffi::setup_scaffolding!();

#[uniffi::remote(Error)]
pub enum CradleError {
    InvalidInput { field: String, reason: String },
    NotFound { what: String },
    Storage { reason: String },
    Network { reason: String },
    Server { status: u16 },
    WrongKey,
    SignInRequired,
    ConsentRequired { purpose: Purpose },
}

#[uniffi::remote(Enum)]
pub enum Purpose {
    Sync,
    Shop,
    Notifications,
}

#[uniffi::remote(Enum)]
pub enum DataArea {
    Profile,
    Timeline,
    Reminders,
    Records,
    Shop,
}

#[uniffi::remote(Enum)]
pub enum Stage {
    Trying,
    Pregnant,
    Postpartum,
    Baby,
    AfterLoss,
    None,
}

/// The mother's hepatitis B surface antigen result.
#[uniffi::remote(Enum)]
pub enum HbsAg {
    Positive,
    Negative,
}

#[uniffi::remote(Enum)]
pub enum TermClass {
    Preterm,
    EarlyTerm,
    FullTerm,
    LateTerm,
    PostTerm,
}

#[uniffi::remote(Enum)]
pub enum Method {
    Lmp,
    Conception,
    Ivf,
    Ultrasound,
    Edd,
}

#[uniffi::remote(Enum)]
pub enum Language {
    ZhHans,
    En,
}

type Result<T> = std::result::Result<T, CradleError>;

/// A shell's view of "data changed"; the shell refreshes the matching screen.
#[uniffi::export(with_foreign)]
pub trait ChangeListener: Send + Sync {
    fn data_changed(&self, area: DataArea);
}

struct ListenerObserver(Arc<dyn ChangeListener>);

impl ChangeObserver for ListenerObserver {
    fn data_changed(&self, area: DataArea) {
        self.0.data_changed(area);
    }
}

#[derive(uniffi::Record)]
pub struct ProfileInfo {
    pub display_name: Option<String>,
    /// BCP 47, e.g. `zh-Hans-CN`.
    pub locale: String,
    /// IANA, e.g. `Asia/Shanghai`.
    pub time_zone: String,
}

impl From<Profile> for ProfileInfo {
    fn from(p: Profile) -> Self {
        Self {
            time_zone: p.time_zone_name().to_owned(),
            display_name: p.display_name,
            locale: p.locale,
        }
    }
}

/// A way to date the pregnancy. Dates are ISO `YYYY-MM-DD`.
#[derive(uniffi::Enum)]
pub enum Dating {
    Lmp {
        lmp: String,
        cycle_days: u32,
    },
    Conception {
        date: String,
    },
    Ivf {
        transfer_date: String,
        embryo_age: u32,
    },
    /// A first-trimester scan's crown–rump length.
    UltrasoundCrl {
        scan_date: String,
        crl_mm: f64,
    },
    /// A later scan: the gestational age the sonographer stated.
    UltrasoundStated {
        scan_date: String,
        weeks: u32,
        days: u32,
    },
    Edd {
        edd: String,
    },
}

impl TryFrom<Dating> for DatingInput {
    type Error = CradleError;

    fn try_from(d: Dating) -> Result<Self> {
        let date = timeline::parse_date;
        Ok(match d {
            Dating::Lmp { lmp, cycle_days } => DatingInput::Lmp {
                lmp: date("lmp", &lmp)?,
                cycle_days,
            },
            Dating::Conception { date: d } => DatingInput::Conception {
                date: date("conception", &d)?,
            },
            Dating::Ivf {
                transfer_date,
                embryo_age,
            } => DatingInput::Ivf {
                transfer: date("transfer_date", &transfer_date)?,
                embryo_age,
            },
            Dating::UltrasoundCrl { scan_date, crl_mm } => DatingInput::Ultrasound {
                scan_date: date("scan_date", &scan_date)?,
                scan: Scan::crl_mm(crl_mm)?,
            },
            Dating::UltrasoundStated {
                scan_date,
                weeks,
                days,
            } => DatingInput::Ultrasound {
                scan_date: date("scan_date", &scan_date)?,
                scan: Scan::stated(weeks, days)?,
            },
            Dating::Edd { edd } => DatingInput::Edd {
                edd: date("edd", &edd)?,
            },
        })
    }
}

#[derive(uniffi::Record)]
pub struct GestationalAgeInfo {
    pub weeks: i64,
    pub days: i64,
    pub total_days: i64,
}

impl From<GestationalAge> for GestationalAgeInfo {
    fn from(g: GestationalAge) -> Self {
        Self {
            weeks: g.weeks(),
            days: g.days(),
            total_days: g.total_days,
        }
    }
}

#[derive(uniffi::Record)]
pub struct PregnancyInfo {
    pub edd: String,
    pub dating_method: Method,
    /// True when an ultrasound replaced the LMP date (ACOG CO 700).
    pub redated: bool,
    pub gestational_age: GestationalAgeInfo,
    pub trimester: u8,
    pub term: TermClass,
    pub days_to_edd: i64,
    pub progress_percent: u8,
}

impl From<PregnancyStatus> for PregnancyInfo {
    fn from(p: PregnancyStatus) -> Self {
        Self {
            edd: p.edd.to_string(),
            dating_method: p.method,
            redated: p.redated,
            gestational_age: p.gestational_age.into(),
            trimester: p.trimester,
            term: p.term,
            days_to_edd: p.days_to_edd,
            progress_percent: p.progress_percent,
        }
    }
}

#[derive(uniffi::Record)]
pub struct BabyInfo {
    pub birth_date: String,
    pub count: u32,
    pub gestational_age_at_birth: GestationalAgeInfo,
    pub age_days: i64,
    pub age_weeks: i64,
    pub age_months: u32,
    /// Only for babies born before 37w0d, until 24 months.
    pub corrected_age_days: Option<i64>,
    pub corrected_age_months: Option<u32>,
}

impl From<BabyStatus> for BabyInfo {
    fn from(b: BabyStatus) -> Self {
        Self {
            birth_date: b.birth.date.to_string(),
            count: b.birth.count,
            gestational_age_at_birth: b.birth.ga_at_birth.into(),
            age_days: b.age.days,
            age_weeks: b.age.weeks,
            age_months: b.age.months,
            corrected_age_days: b.age.corrected_days,
            corrected_age_months: b.age.corrected_months,
        }
    }
}

#[derive(uniffi::Record)]
pub struct WeekInfo {
    pub week: i64,
    pub length_mm: u32,
    pub length_kind: String,
    pub weight_g: Option<u32>,
    pub size_comparison: String,
    pub baby: String,
    pub mother: String,
    pub tip: String,
    pub checkups: Vec<String>,
}

impl From<WeekContent> for WeekInfo {
    fn from(w: WeekContent) -> Self {
        Self {
            week: w.week,
            length_mm: w.length_mm,
            length_kind: w.length_kind,
            weight_g: w.weight_g,
            size_comparison: w.size_comparison,
            baby: w.baby,
            mother: w.mother,
            tip: w.tip,
            checkups: w.checkups,
        }
    }
}

#[derive(uniffi::Record)]
pub struct MonthInfo {
    pub month: u32,
    pub highlight: String,
    pub tip: String,
}

impl From<MonthContent> for MonthInfo {
    fn from(m: MonthContent) -> Self {
        Self {
            month: m.month,
            highlight: m.highlight,
            tip: m.tip,
        }
    }
}

#[uniffi::remote(Enum)]
pub enum When {
    Past,
    Now,
    Ahead,
}

/// One journey page: a pregnancy week, or a baby month or range of months.
#[derive(uniffi::Record)]
pub struct JourneyStep {
    pub title: String,
    /// Her local dates this page covers, `YYYY-MM-DD`, both included.
    pub starts: String,
    pub ends: String,
    pub when: When,
    pub week: Option<WeekInfo>,
    pub month: Option<MonthInfo>,
}

impl From<Step> for JourneyStep {
    fn from(s: Step) -> Self {
        let (week, month) = match s.page {
            Page::Week(w) => (Some(w.into()), None),
            Page::Months { content, .. } => (None, Some(content.into())),
        };
        Self {
            title: s.title,
            starts: s.starts.to_string(),
            ends: s.ends.to_string(),
            when: s.when,
            week,
            month,
        }
    }
}

/// The Journey screen: every page, and which one to scroll to.
#[derive(uniffi::Record)]
pub struct JourneyScreen {
    pub stage: Stage,
    /// Index into `steps` of today's page.
    pub now: Option<u32>,
    pub steps: Vec<JourneyStep>,
}

impl From<Journey> for JourneyScreen {
    fn from(j: Journey) -> Self {
        Self {
            stage: j.stage,
            now: j.now().map(|i| i as u32),
            steps: j.steps.into_iter().map(Into::into).collect(),
        }
    }
}

/// Everything the Today screen shows, in one call.
#[derive(uniffi::Record)]
pub struct TodayScreen {
    /// The user's local date, ISO `YYYY-MM-DD`.
    pub date: String,
    pub time_zone: String,
    pub language: Language,
    pub profile: Option<ProfileInfo>,
    pub stage: Stage,
    pub pregnancy: Option<PregnancyInfo>,
    pub baby: Option<BabyInfo>,
    pub week: Option<WeekInfo>,
    pub month: Option<MonthInfo>,
    pub next_reminder: Option<ReminderItem>,
    /// The most urgent health flag, if any.
    pub flag: Option<InsightInfo>,
    pub sync: SyncState,
}

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
                RepeatEnds::On { date } => Ends::On(timeline::parse_date("until", &date)?),
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

#[uniffi::remote(Enum)]
pub enum GlucoseContext {
    Fasting,
    OneHour,
    TwoHours,
    Random,
}

#[uniffi::remote(Enum)]
pub enum WeightUnit {
    Kg,
    Jin,
}

#[uniffi::remote(Enum)]
pub enum GlucoseUnit {
    MmolPerL,
    MgPerDl,
}

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

#[uniffi::remote(Enum)]
pub enum Side {
    Left,
    Right,
    Both,
}

#[uniffi::remote(Enum)]
pub enum Milk {
    Breast,
    Formula,
}

#[uniffi::remote(Enum)]
pub enum Sex {
    Female,
    Male,
}

#[uniffi::remote(Enum)]
pub enum Link {
    Today,
    Journey,
    Reminders,
    Reminder { id: String },
    Records,
    Clinic,
    Shop,
    Product { sku: String },
    Cart,
    Orders,
    Order { id: String },
    Bag,
    Settings,
}

/// What a WHO growth curve plots against age: weight (kg), length or head
/// circumference (cm).
#[uniffi::remote(Enum)]
pub enum Indicator {
    Weight,
    Length,
    Head,
}

#[uniffi::remote(Enum)]
pub enum Feed {
    Breast { side: Side, minutes: u32 },
    Bottle { ml: u32, milk: Milk },
    Solids { food: String },
}

/// A journal entry: medications, allergies, labs, scans, diary notes,
/// questions for the doctor, and baby logs (`baby` is 1 for a singleton).
#[uniffi::remote(Enum)]
pub enum Entry {
    Medication {
        name: String,
        dose: Option<String>,
        supplement: bool,
    },
    Allergy {
        substance: String,
        reaction: Option<String>,
    },
    NoKnownAllergies,
    Lab {
        name: String,
        value: f64,
        unit: String,
        low: Option<f64>,
        high: Option<f64>,
    },
    Ogtt {
        fasting: f64,
        one_hour: Option<f64>,
        two_hours: Option<f64>,
    },
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

#[derive(uniffi::Record)]
pub struct JournalItem {
    pub id: i64,
    /// RFC 3339.
    pub at: String,
    pub entry: Entry,
    pub unusual: bool,
}

impl From<JournalEntry> for JournalItem {
    fn from(e: JournalEntry) -> Self {
        Self {
            id: e.id,
            at: e.at.to_string(),
            entry: e.entry,
            unusual: e.unusual,
        }
    }
}

/// Height and pre-pregnancy weight, asked only for the weight-gain band.
#[derive(uniffi::Record)]
pub struct BodyBaseline {
    pub height_cm: f64,
    pub pre_pregnancy_kg: f64,
}

#[derive(uniffi::Record)]
pub struct WeightDay {
    /// `YYYY-MM-DD`, the user's local day; `kg` is that day's mean.
    pub day: String,
    pub kg: f64,
    /// Gestational age that day, when it fell in the ongoing pregnancy.
    pub ga_days: Option<i64>,
    /// The same in weeks: the chart's x beside the band's weeks.
    pub ga_weeks: Option<f64>,
}

#[uniffi::remote(Record)]
pub struct BandPoint {
    pub week: i64,
    pub low_kg: f64,
    pub high_kg: f64,
}

#[derive(uniffi::Record)]
pub struct WeightBandView {
    pub bmi: f64,
    /// `underweight`, `normal`, `overweight` or `obese`.
    pub class: String,
    pub total_gain_low_kg: f64,
    pub total_gain_high_kg: f64,
    pub points: Vec<BandPoint>,
    pub source: String,
}

#[derive(uniffi::Record)]
pub struct PressureDay {
    pub day: String,
    pub readings: u32,
    pub systolic_mean: f64,
    pub diastolic_mean: f64,
    pub systolic_max: u32,
    pub diastolic_max: u32,
}

#[derive(uniffi::Record)]
pub struct GlucoseDay {
    pub day: String,
    pub context: String,
    pub mmol_mean: f64,
    pub mmol_max: f64,
}

#[derive(uniffi::Record)]
pub struct GrowthReading {
    pub day: String,
    pub age_days: i64,
    pub weight_kg: Option<f64>,
    pub length_cm: Option<f64>,
    pub head_cm: Option<f64>,
    pub weight_percentile: Option<f64>,
    pub length_percentile: Option<f64>,
    pub head_percentile: Option<f64>,
}

#[derive(uniffi::Record)]
pub struct CurvePoint {
    pub age_days: i64,
    /// kg or cm, as the curve's indicator.
    pub value: f64,
}

#[derive(uniffi::Record)]
pub struct PercentileCurve {
    pub indicator: Indicator,
    pub percentile: u8,
    pub points: Vec<CurvePoint>,
}

#[derive(uniffi::Record)]
pub struct GrowthChart {
    pub baby: u8,
    pub sex: Option<Sex>,
    pub points: Vec<GrowthReading>,
    pub curves: Vec<PercentileCurve>,
    pub source: String,
}

/// Every chart of the Records screen, in one call.
#[derive(uniffi::Record)]
pub struct TrendsView {
    pub weight: Vec<WeightDay>,
    pub weight_band: Option<WeightBandView>,
    pub blood_pressure: Vec<PressureDay>,
    pub glucose: Vec<GlucoseDay>,
    pub growth: Vec<GrowthChart>,
}

impl From<WeightPoint> for WeightDay {
    fn from(w: WeightPoint) -> Self {
        Self {
            day: w.day.to_string(),
            kg: w.kg,
            ga_weeks: w.ga_weeks(),
            ga_days: w.ga_days,
        }
    }
}

impl From<WeightBand> for WeightBandView {
    fn from(b: WeightBand) -> Self {
        Self {
            bmi: b.bmi,
            class: b.class.to_owned(),
            total_gain_low_kg: b.total_gain_kg[0],
            total_gain_high_kg: b.total_gain_kg[1],
            points: b.points,
            source: b.source,
        }
    }
}

impl From<Trends> for TrendsView {
    fn from(t: Trends) -> Self {
        Self {
            weight: t.weight.into_iter().map(Into::into).collect(),
            weight_band: t.weight_band.map(Into::into),
            blood_pressure: t
                .blood_pressure
                .into_iter()
                .map(|p: PressurePoint| PressureDay {
                    day: p.day.to_string(),
                    readings: p.readings,
                    systolic_mean: p.systolic_mean,
                    diastolic_mean: p.diastolic_mean,
                    systolic_max: p.systolic_max,
                    diastolic_max: p.diastolic_max,
                })
                .collect(),
            glucose: t
                .glucose
                .into_iter()
                .map(|g: GlucosePoint| GlucoseDay {
                    day: g.day.to_string(),
                    context: g.context,
                    mmol_mean: g.mmol_mean,
                    mmol_max: g.mmol_max,
                })
                .collect(),
            growth: t
                .growth
                .into_iter()
                .map(|g: GrowthSeries| GrowthChart {
                    baby: g.baby,
                    sex: g.sex,
                    points: g
                        .points
                        .into_iter()
                        .map(|p: GrowthPoint| GrowthReading {
                            day: p.day.to_string(),
                            age_days: p.age_days,
                            weight_kg: p.weight_kg,
                            length_cm: p.length_cm,
                            head_cm: p.head_cm,
                            weight_percentile: p.weight_percentile,
                            length_percentile: p.length_percentile,
                            head_percentile: p.head_percentile,
                        })
                        .collect(),
                    curves: g
                        .curves
                        .into_iter()
                        .map(|c: Curve| PercentileCurve {
                            indicator: c.indicator,
                            percentile: c.percentile,
                            points: c
                                .points
                                .into_iter()
                                .map(|(age_days, value)| CurvePoint { age_days, value })
                                .collect(),
                        })
                        .collect(),
                    source: g.source.to_owned(),
                })
                .collect(),
        }
    }
}

/// What the user chose to put in the clinic-visit export.
#[derive(uniffi::Record)]
pub struct ClinicExportOptions {
    /// `YYYY-MM-DD`; records from that local day on. `None` for all.
    pub from: Option<String>,
    pub include_name: bool,
    /// Section codes (see `ClinicVisitScreen::sections`); empty for the default set.
    pub sections: Vec<String>,
    /// Her age for page 1, typed when she shares; never stored.
    #[uniffi(default = None)]
    pub age_years: Option<u32>,
}

impl TryFrom<ClinicExportOptions> for clinic::Options {
    type Error = CradleError;

    fn try_from(o: ClinicExportOptions) -> Result<Self> {
        Ok(clinic::Options {
            from: o
                .from
                .map(|d| timeline::parse_date("from", &d))
                .transpose()?,
            include_name: o.include_name,
            age_years: o.age_years,
            sections: o.sections,
        })
    }
}

#[derive(uniffi::Record)]
pub struct ClinicSection {
    pub code: String,
    /// In her language.
    pub label: String,
    pub included: bool,
}

#[derive(uniffi::Record)]
pub struct ClinicVisitScreen {
    /// The printable summary; the platform prints it or saves it as PDF.
    pub html: String,
    pub sections: Vec<ClinicSection>,
    /// Her questions for the visit, oldest first.
    pub questions: Vec<JournalItem>,
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
pub enum Severity {
    Mild,
    Moderate,
    Severe,
}

#[uniffi::remote(Enum)]
pub enum KickAction {
    Start,
    Tap,
    Stop,
}

#[uniffi::remote(Enum)]
pub enum CallRule {
    FiveOneOne,
    ThreeOneOne,
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
pub struct DatingHistoryEntry {
    pub method: Method,
    pub edd: String,
    pub recorded_at: String,
}

#[derive(uniffi::Record)]
pub struct ServerHealth {
    pub status: String,
    pub version: String,
}

/// One purpose she is asked about; `answered_at_epoch_ms` is `None` until asked.
#[derive(uniffi::Record)]
pub struct ConsentInfo {
    pub purpose: Purpose,
    pub granted: bool,
    pub answered_at_epoch_ms: Option<i64>,
    /// The privacy notice version she answered under.
    pub notice: Option<u32>,
}

impl From<Consent> for ConsentInfo {
    fn from(c: Consent) -> Self {
        Self {
            purpose: c.purpose,
            granted: c.granted,
            answered_at_epoch_ms: c.answered_at.map(|t| t.as_millisecond()),
            notice: c.notice,
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

#[derive(uniffi::Object)]
pub struct CradleCore {
    core: Cradle,
}

#[uniffi::export]
impl CradleCore {
    /// Opens or creates the encrypted database at `path` with the 32-byte
    /// `key` from the Keychain or Keystore (`CradleError.WrongKey` if it does
    /// not match). The device's zone and locale apply until the user saves a
    /// profile.
    #[uniffi::constructor]
    pub fn open(
        path: String,
        key: Vec<u8>,
        device_time_zone: String,
        device_locale: String,
    ) -> Result<Arc<Self>> {
        let key = DbKey::from_bytes(&key)?;
        let config = Config::new(&device_time_zone, &device_locale, key)?;
        Ok(Arc::new(Self {
            core: Cradle::open(path, config)?,
        }))
    }

    pub fn profile(&self) -> Result<Option<ProfileInfo>> {
        Ok(self.core.profile()?.map(Into::into))
    }

    pub fn set_profile(&self, profile: ProfileInfo) -> Result<ProfileInfo> {
        Ok(self
            .core
            .set_profile(
                profile.display_name.as_deref(),
                &profile.locale,
                &profile.time_zone,
            )?
            .into())
    }

    /// Switches the language, keeping her name and zone; on first run this
    /// creates the profile with the device's zone.
    pub fn set_language(&self, language: Language) -> Result<ProfileInfo> {
        Ok(self.core.set_language(language)?.into())
    }

    /// Sync, shop and notifications, in the order onboarding asks them.
    pub fn consents(&self) -> Result<Vec<ConsentInfo>> {
        Ok(self.core.consents()?.into_iter().map(Into::into).collect())
    }

    /// Grants or withdraws one purpose; returns all of them.
    pub fn set_consent(&self, purpose: Purpose, granted: bool) -> Result<Vec<ConsentInfo>> {
        Ok(self
            .core
            .set_consent(purpose, granted)?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    pub fn today(&self) -> Result<TodayScreen> {
        let today = self.core.today()?;
        let tl = today.timeline;
        Ok(TodayScreen {
            date: today.date.to_string(),
            time_zone: cradle_core::clock::zone_name(&today.time_zone).to_owned(),
            language: today.language,
            profile: today.profile.map(Into::into),
            stage: tl.stage,
            pregnancy: tl.pregnancy.map(Into::into),
            baby: tl.baby.map(Into::into),
            week: tl.week.map(Into::into),
            month: tl.month.map(Into::into),
            next_reminder: today.next_reminder.map(Into::into),
            flag: today.flag.map(Into::into),
            sync: today.sync.into(),
        })
    }

    pub fn journey_screen(&self) -> Result<JourneyScreen> {
        Ok(self.core.journey()?.into())
    }

    /// Dates the pregnancy (starting one if none is ongoing), then returns Today.
    pub fn record_dating(&self, dating: Dating) -> Result<TodayScreen> {
        self.core.record_dating(dating.try_into()?)?;
        self.today()
    }

    /// Records a birth: `birth_weights_grams` holds one weight per baby in
    /// birth order, or none; `mother_hbsag` her HBsAg result if she knows it.
    pub fn record_birth(
        &self,
        date: String,
        ga_weeks: u32,
        ga_days: u32,
        count: u32,
        birth_weights_grams: Vec<u32>,
        mother_hbsag: Option<HbsAg>,
    ) -> Result<TodayScreen> {
        self.core.record_birth(
            Birth {
                date: timeline::parse_date("birth_date", &date)?,
                ga_at_birth: GestationalAge::checked(ga_weeks, ga_days)?,
                count,
            },
            &BirthFacts {
                birth_weights_g: birth_weights_grams,
                mother_hbsag,
            },
        )?;
        self.today()
    }

    /// Records a pregnancy loss: pregnancy content stops, the record is kept.
    pub fn record_loss(&self, date: String) -> Result<TodayScreen> {
        self.core
            .record_loss(timeline::parse_date("date", &date)?)?;
        self.today()
    }

    /// Deletes the archived records of lost pregnancies, at the user's request.
    pub fn delete_lost_pregnancies(&self) -> Result<u32> {
        Ok(self.core.delete_lost_pregnancies()? as u32)
    }

    /// `since` (ISO date) starts "trying to conceive"; `None` stops it.
    pub fn set_trying(&self, since: Option<String>) -> Result<TodayScreen> {
        let since = since
            .map(|d| timeline::parse_date("since", &d))
            .transpose()?;
        self.core.set_trying(since)?;
        self.today()
    }

    /// Reminders due from `from` to `to` (ISO dates; default today to 30 days on).
    pub fn reminders(&self, from: Option<String>, to: Option<String>) -> Result<Vec<ReminderItem>> {
        let from = from.map(|d| timeline::parse_date("from", &d)).transpose()?;
        let to = to.map(|d| timeline::parse_date("to", &d)).transpose()?;
        Ok(self
            .core
            .reminders(from, to)?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Adds a custom reminder: an RFC 5545 RRULE and a local `HH:MM`. Returns its rule id.
    pub fn add_reminder(&self, title: String, rrule: String, time: String) -> Result<i64> {
        Ok(self.core.add_reminder(&title, &rrule, &time)?)
    }

    /// Checks the picker's choices as saving would; nothing is saved.
    pub fn draft_reminder(
        &self,
        title: String,
        repeat: RepeatChoice,
        time: String,
    ) -> Result<ReminderDraft> {
        Ok(self
            .core
            .draft_reminder(&title, &repeat.try_into()?, &time)?
            .into())
    }

    pub fn edit_reminder(
        &self,
        rule_id: i64,
        title: Option<String>,
        rrule: Option<String>,
        time: Option<String>,
    ) -> Result<()> {
        Ok(self
            .core
            .edit_reminder(rule_id, title.as_deref(), rrule.as_deref(), time.as_deref())?)
    }

    pub fn delete_reminder(&self, rule_id: i64) -> Result<()> {
        Ok(self.core.delete_reminder(rule_id)?)
    }

    pub fn complete_reminder(&self, id: String) -> Result<()> {
        Ok(self.core.complete_reminder(&id)?)
    }

    pub fn skip_reminder(&self, id: String) -> Result<()> {
        Ok(self.core.skip_reminder(&id)?)
    }

    pub fn snooze_reminder(&self, id: String, minutes: u32) -> Result<()> {
        Ok(self.core.snooze_reminder(&id, Snooze::Minutes(minutes))?)
    }

    /// Snoozes until an RFC 3339 instant.
    pub fn snooze_reminder_until(&self, id: String, until: String) -> Result<()> {
        let until = reminders::parse_instant("until", &until)?;
        Ok(self.core.snooze_reminder(&id, Snooze::Until(until))?)
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
        Ok(self.core.record_vaccine(&DoseGiven {
            baby,
            code: &code,
            dose,
            given_on: timeline::parse_date("date", &date)?,
            lot: lot.as_deref(),
            place: place.as_deref(),
        })?)
    }

    /// The next `limit` notifications (iOS keeps at most 64 pending).
    pub fn notification_plan(&self, limit: u32) -> Result<Vec<NotificationInfo>> {
        Ok(self
            .core
            .notification_plan(None, limit as usize)?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The plan as a change since the last call: schedule `add`, cancel `cancel`.
    pub fn notification_plan_diff(&self, limit: u32) -> Result<NotificationPlanDiff> {
        let diff = self.core.notification_plan_diff(limit as usize)?;
        Ok(NotificationPlanDiff {
            add: diff.add.into_iter().map(Into::into).collect(),
            cancel: diff.cancel,
        })
    }

    pub fn reminder_settings(&self) -> Result<ReminderSettings> {
        let s = self.core.reminder_settings()?;
        Ok(ReminderSettings {
            prenatal_schedule: s.prenatal_schedule,
            quiet_start: reminders::hh_mm(s.quiet_start),
            quiet_end: reminders::hh_mm(s.quiet_end),
        })
    }

    pub fn set_reminder_settings(&self, settings: ReminderSettings) -> Result<()> {
        Ok(self.core.set_reminder_settings(&Settings {
            prenatal_schedule: settings.prenatal_schedule,
            quiet_start: reminders::custom::parse_time("quiet_start", &settings.quiet_start)?,
            quiet_end: reminders::custom::parse_time("quiet_end", &settings.quiet_end)?,
        })?)
    }

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

    /// Adds a journal entry at `at` (RFC 3339; default now). Returns its id.
    pub fn add_entry(&self, entry: Entry, at: Option<String>) -> Result<i64> {
        let at = at.map(|t| reminders::parse_instant("at", &t)).transpose()?;
        Ok(self.core.add_entry(entry, at)?)
    }

    pub fn update_entry(&self, id: i64, entry: Entry, at: String) -> Result<()> {
        let at = reminders::parse_instant("at", &at)?;
        Ok(self.core.update_entry(id, entry, at)?)
    }

    pub fn delete_entry(&self, id: i64) -> Result<()> {
        Ok(self.core.delete_entry(id)?)
    }

    /// Live entries of `kinds` (all when empty) between two RFC 3339
    /// instants (both optional), oldest first.
    pub fn entries(
        &self,
        kinds: Vec<String>,
        from: Option<String>,
        to: Option<String>,
    ) -> Result<Vec<JournalItem>> {
        let instant =
            |field, t: Option<String>| t.map(|t| reminders::parse_instant(field, &t)).transpose();
        let filter = Filter {
            kinds,
            from: instant("from", from)?,
            to: instant("to", to)?,
        };
        Ok(self
            .core
            .entries(&filter)?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Saves (or with `None`, forgets) height and pre-pregnancy weight.
    pub fn set_body_baseline(&self, baseline: Option<BodyBaseline>) -> Result<()> {
        let baseline = baseline
            .map(|b| Baseline::new(b.height_cm, b.pre_pregnancy_kg))
            .transpose()?;
        Ok(self.core.set_baseline(baseline)?)
    }

    pub fn body_baseline(&self) -> Result<Option<BodyBaseline>> {
        Ok(self.core.baseline()?.map(|b| BodyBaseline {
            height_cm: b.height_cm,
            pre_pregnancy_kg: b.pre_pregnancy_kg,
        }))
    }

    /// Records the sex of baby `baby` (1 for a singleton), for growth percentiles.
    pub fn set_baby_sex(&self, baby: u8, sex: Sex) -> Result<()> {
        Ok(self.core.set_baby_sex(baby, sex)?)
    }

    /// Every chart's series between two local dates (`YYYY-MM-DD`, both optional).
    pub fn trends(&self, from: Option<String>, to: Option<String>) -> Result<TrendsView> {
        let from = from.map(|d| timeline::parse_date("from", &d)).transpose()?;
        let to = to.map(|d| timeline::parse_date("to", &d)).transpose()?;
        Ok(self.core.trends(from, to)?.into())
    }

    /// The clinic-visit export: `format` is `html` (printable summary) or
    /// `fhir` (an HL7 FHIR R4 Bundle, JSON). Built offline.
    pub fn clinic_export(&self, format: String, options: ClinicExportOptions) -> Result<String> {
        let format = clinic::Format::from_code(&format)?;
        Ok(self.core.clinic_export(format, &options.try_into()?)?)
    }

    /// The clinic-visit screen: the HTML summary to print or share, what it
    /// includes, and her questions.
    pub fn clinic_visit(&self, options: ClinicExportOptions) -> Result<ClinicVisitScreen> {
        let v = self.core.clinic_visit(&options.try_into()?)?;
        Ok(ClinicVisitScreen {
            html: v.html,
            sections: v
                .sections
                .into_iter()
                .map(|c| ClinicSection {
                    code: c.code.to_owned(),
                    label: c.label.to_owned(),
                    included: c.included,
                })
                .collect(),
            questions: v.questions.into_iter().map(Into::into).collect(),
        })
    }

    /// Live records, oldest first; `kind` is `weight`, `blood_pressure` or `glucose`.
    pub fn records(&self, kind: Option<String>) -> Result<Vec<HealthRecord>> {
        Ok(self
            .core
            .shown_records(kind.as_deref())?
            .into_iter()
            .map(Into::into)
            .collect())
    }

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

    pub fn delete_record(&self, id: i64) -> Result<()> {
        Ok(self.core.delete_record(id)?)
    }

    /// Non-diagnostic notes on the latest readings, most urgent first.
    pub fn insights(&self) -> Result<Vec<InsightInfo>> {
        Ok(self.core.insights()?.into_iter().map(Into::into).collect())
    }

    /// Notes a symptom by code (`nausea`, `bleeding`, `reduced_movements`, …); returns its id.
    pub fn note_symptom(
        &self,
        code: String,
        severity: Severity,
        noted_at: Option<String>,
    ) -> Result<i64> {
        let noted_at = noted_at
            .map(|t| reminders::parse_instant("noted_at", &t))
            .transpose()?;
        Ok(self.core.note_symptom(&code, severity, noted_at)?)
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
        Ok(self.core.kick(action)?.into())
    }

    pub fn kick_session(&self) -> Result<Option<KickCount>> {
        Ok(self.core.kick_session()?.map(Into::into))
    }

    /// Marks the start (`true`) or the end (`false`) of a contraction; returns the timer.
    pub fn contraction(&self, starting: bool, rule: CallRule) -> Result<ContractionInfo> {
        Ok(self.core.contraction(starting, rule)?.into())
    }

    pub fn contraction_timer(&self, rule: CallRule) -> Result<ContractionInfo> {
        Ok(self.core.contraction_timer(rule)?.into())
    }

    /// "Export all my data": every record, as a JSON document.
    pub fn export_all_data(&self) -> Result<String> {
        Ok(self.core.export_all()?.to_string())
    }

    /// "Delete all my data" on this device, leaving nothing in the files.
    pub fn delete_all_data(&self) -> Result<()> {
        Ok(self.core.delete_all()?)
    }

    pub fn dating_history(&self) -> Result<Vec<DatingHistoryEntry>> {
        Ok(self
            .core
            .dating_history()?
            .into_iter()
            .map(|h| DatingHistoryEntry {
                method: h.estimate.input.method(),
                edd: h.estimate.edd.to_string(),
                recorded_at: h.recorded_at,
            })
            .collect())
    }

    /// Returns an id for `unsubscribe`.
    pub fn subscribe(&self, listener: Arc<dyn ChangeListener>) -> u64 {
        self.core.subscribe(Arc::new(ListenerObserver(listener)))
    }

    pub fn unsubscribe(&self, subscription: u64) -> bool {
        self.core.unsubscribe(subscription)
    }
}

impl CradleCore {
    fn record(
        &self,
        checked: cradle_core::Result<cradle_core::records::Checked>,
        taken_at: Option<String>,
    ) -> Result<i64> {
        let taken_at = taken_at
            .map(|t| reminders::parse_instant("taken_at", &t))
            .transpose()?;
        Ok(self.core.record(checked?, taken_at)?)
    }
}

/// Sync as the shells show it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum SyncState {
    /// Not linked to an account: everything stays on the device.
    SignedOut,
    Waiting {
        pending: u64,
        last_synced_at_epoch_ms: Option<i64>,
    },
    Offline {
        pending: u64,
    },
    Syncing {
        pushed: u64,
        pending: u64,
    },
    UpToDate {
        last_synced_at_epoch_ms: i64,
    },
    /// Ask her to sign in again; queued changes are kept.
    SignInRequired {
        pending: u64,
    },
    /// She withdrew consent to sync; changes stay on the device.
    Paused {
        pending: u64,
    },
    Error {
        reason: String,
        pending: u64,
        retry_after_secs: Option<u64>,
    },
}

impl From<SyncStatus> for SyncState {
    fn from(s: SyncStatus) -> Self {
        match s {
            SyncStatus::SignedOut => SyncState::SignedOut,
            SyncStatus::Waiting {
                pending,
                last_synced_at,
            } => SyncState::Waiting {
                pending,
                last_synced_at_epoch_ms: last_synced_at.map(|t| t.as_millisecond()),
            },
            SyncStatus::Offline { pending } => SyncState::Offline { pending },
            SyncStatus::Syncing { pushed, pending } => SyncState::Syncing { pushed, pending },
            SyncStatus::UpToDate { last_synced_at } => SyncState::UpToDate {
                last_synced_at_epoch_ms: last_synced_at.as_millisecond(),
            },
            SyncStatus::SignInRequired { pending } => SyncState::SignInRequired { pending },
            SyncStatus::Paused { pending } => SyncState::Paused { pending },
            SyncStatus::Error {
                reason,
                pending,
                retry_after_secs,
            } => SyncState::Error {
                reason,
                pending,
                retry_after_secs,
            },
        }
    }
}

/// What one sync did.
#[derive(uniffi::Record)]
pub struct SyncSummary {
    pub pushed: u64,
    /// Changes the server refused for good (an edit to a deleted record, say).
    pub rejected: u64,
    pub pulled: u64,
    pub skipped: u64,
}

/// A concurrent edit that lost; values are JSON.
#[derive(uniffi::Record)]
pub struct SyncConflictInfo {
    pub collection: String,
    pub doc: String,
    pub field: String,
    pub lost_value: String,
    pub won_value: String,
    pub noted_at_epoch_ms: i64,
}

#[derive(uniffi::Record)]
pub struct SyncAccount {
    pub server_url: String,
    pub login: String,
}

/// Hears every sync status change (offline, syncing with progress, up to
/// date, sign in again, error), on the thread that syncs.
#[uniffi::export(with_foreign)]
pub trait SyncStatusListener: Send + Sync {
    fn sync_status_changed(&self, status: SyncState);
}

struct StatusForwarder(Arc<dyn SyncStatusListener>);

impl SyncListener for StatusForwarder {
    fn status_changed(&self, status: &SyncStatus) {
        self.0.sync_status_changed(status.clone().into());
    }
}

/// Accounts and sync: the calls that touch the network are async on tokio;
/// none of them runs at start-up.
#[uniffi::export(async_runtime = "tokio")]
impl CradleCore {
    /// Creates an account, links this device and returns the recovery code
    /// for her to keep.
    pub async fn register(
        &self,
        server_url: String,
        login: String,
        password: String,
        device: String,
    ) -> Result<String> {
        Ok(self
            .core
            .register(&server_url, &login, &password, &device)
            .await?)
    }

    /// Signs in; a device not yet linked needs the recovery code.
    pub async fn login(
        &self,
        server_url: String,
        login: String,
        password: String,
        device: String,
        recovery_code: Option<String>,
    ) -> Result<()> {
        Ok(self
            .core
            .login(
                &server_url,
                &login,
                &password,
                &device,
                recovery_code.as_deref(),
            )
            .await?)
    }

    /// Pushes queued changes and pulls until up to date.
    pub async fn sync_now(&self) -> Result<SyncSummary> {
        let r = self.core.sync_now().await?;
        Ok(SyncSummary {
            pushed: r.pushed,
            rejected: r.rejected,
            pulled: r.pulled,
            skipped: r.skipped,
        })
    }

    pub async fn sign_out(&self) -> Result<()> {
        Ok(self.core.sign_out().await?)
    }

    pub async fn sign_out_everywhere(&self) -> Result<()> {
        Ok(self.core.sign_out_everywhere().await?)
    }

    /// Erases the account and all the server holds for it.
    pub async fn delete_account(&self, password: String) -> Result<()> {
        Ok(self.core.delete_account(&password).await?)
    }
}

/// Everything the settings screen shows, in one crossing.
#[derive(uniffi::Record)]
pub struct SettingsScreen {
    pub profile: Option<ProfileInfo>,
    pub language: Language,
    pub consents: Vec<ConsentInfo>,
    pub account: Option<SyncAccount>,
    pub sync: SyncState,
    pub reminders: ReminderSettings,
}

#[uniffi::export]
impl CradleCore {
    pub fn settings_screen(&self) -> Result<SettingsScreen> {
        Ok(SettingsScreen {
            language: self.core.language()?,
            profile: self.core.profile()?.map(Into::into),
            consents: self.consents()?,
            account: self.sync_account()?,
            sync: self.sync_status()?,
            reminders: self.reminder_settings()?,
        })
    }

    pub fn sync_status(&self) -> Result<SyncState> {
        Ok(self.core.sync_status()?.into())
    }

    pub fn sync_account(&self) -> Result<Option<SyncAccount>> {
        Ok(self
            .core
            .sync_account()?
            .map(|(server_url, login)| SyncAccount { server_url, login }))
    }

    pub fn recovery_code(&self) -> Result<Option<String>> {
        Ok(self.core.recovery_code()?)
    }

    pub fn sync_conflicts(&self) -> Result<Vec<SyncConflictInfo>> {
        Ok(self
            .core
            .sync_conflicts()?
            .into_iter()
            .map(|c| SyncConflictInfo {
                collection: c.collection,
                doc: c.doc,
                field: c.field,
                lost_value: c.lost_value,
                won_value: c.won_value,
                noted_at_epoch_ms: c.noted_at.as_millisecond(),
            })
            .collect())
    }

    /// Returns an id for `unsubscribe_sync`.
    pub fn subscribe_sync(&self, listener: Arc<dyn SyncStatusListener>) -> u64 {
        self.core
            .subscribe_sync(Arc::new(StatusForwarder(listener)))
    }

    pub fn unsubscribe_sync(&self, subscription: u64) -> bool {
        self.core.unsubscribe_sync(subscription)
    }
}

/// A weekday's short name, for the recurrence picker's day buttons.
#[uniffi::export]
pub fn weekday_name(language: Language, day: Weekday) -> String {
    repeat::weekday_name(language, day).to_owned()
}

/// Where a `cradle://` link (a notification's, a shared one) opens the app;
/// anything else is an `InvalidInput` error naming `link`.
#[uniffi::export]
pub fn parse_link(url: String) -> Result<Link> {
    Ok(Link::parse(&url)?)
}

/// The calendar day a platform date picker chose, as `YYYY-MM-DD`, so no
/// shell converts dates itself. Android's Material picker reports UTC
/// midnight (pass "UTC"); iOS's DatePicker an instant in the device's zone.
#[uniffi::export]
pub fn picked_date(epoch_ms: i64, time_zone: String) -> Result<String> {
    Ok(cradle_core::clock::picked_date(epoch_ms, &time_zone)?.to_string())
}

/// A new random 32-byte database key, for the shell to keep in the Keychain
/// or wrap with the Android Keystore on first launch.
#[uniffi::export]
pub fn generate_database_key() -> Result<Vec<u8>> {
    Ok(DbKey::generate()?.to_bytes())
}

/// Checks that `base_url` is a reachable Cradle server (account set-up uses it).
#[uniffi::export(async_runtime = "tokio")]
pub async fn check_server(base_url: String) -> Result<ServerHealth> {
    let health = cradle_core::api::Client::new(&base_url)?.health().await?;
    Ok(ServerHealth {
        status: health.status,
        version: health.version,
    })
}

#[uniffi::remote(Record)]
pub struct ProductCard {
    pub sku: String,
    pub name: String,
    pub category: String,
    pub image_url: String,
    pub price_minor: i64,
    pub currency: String,
    pub price_text: String,
    pub in_stock: bool,
    pub discontinued: bool,
}

#[uniffi::remote(Record)]
pub struct Traceability {
    pub batch: String,
    pub origin: String,
    pub quality_report: String,
    pub cold_chain: bool,
}

#[uniffi::remote(Record)]
pub struct ProductWarning {
    pub tag: String,
    pub message: String,
    pub source: String,
}

#[uniffi::remote(Record)]
pub struct ProductPage {
    pub card: ProductCard,
    pub description: String,
    pub traceability: Traceability,
    pub qty_min: u32,
    pub qty_max: u32,
    pub qty_step: u32,
    pub suits_now: bool,
    pub warnings: Vec<ProductWarning>,
    pub in_cart: u32,
    pub add_qty: Option<u32>,
}

#[uniffi::remote(Record)]
pub struct ShopScreen {
    pub products: Vec<ProductCard>,
    pub searching: bool,
    pub cart_count: u32,
    pub catalog_ready: bool,
}

#[uniffi::remote(Record)]
pub struct CartLine {
    pub sku: String,
    pub name: String,
    pub qty: u32,
    pub price_seen_minor: i64,
    pub price_now_minor: i64,
    pub price_changed: bool,
    pub line_total_minor: i64,
    pub line_total_text: String,
    pub price_text: String,
    pub unavailable: bool,
    pub short_of_stock: bool,
    pub qty_down: Option<u32>,
    pub qty_up: Option<u32>,
}

#[uniffi::remote(Record)]
pub struct CartView {
    pub lines: Vec<CartLine>,
    pub item_count: u32,
    pub total_minor: i64,
    pub currency: String,
    pub total_text: String,
    pub queued: Option<QueuedOrder>,
    pub ship_to: Option<String>,
}

#[uniffi::remote(Record)]
pub struct QueuedOrder {
    pub id: String,
    pub lines: Vec<ReviewLine>,
    pub total_minor: i64,
    pub total_text: String,
    pub queued_text: String,
    pub status: String,
    pub status_text: String,
    pub warnings: Vec<CheckoutWarning>,
    pub ship_to: String,
}

#[uniffi::remote(Record)]
pub struct CatalogUpdate {
    pub changed: u64,
    pub version: u64,
    pub unchanged: bool,
}

/// The shop: the catalogue copy, search and suggestions work offline, and
/// so does the cart; each call returns a whole screen.
#[uniffi::export]
impl CradleCore {
    /// Suggestions for her stage while `query` is blank, else what matches.
    pub fn shop_screen(&self, query: String, limit: u32) -> Result<ShopScreen> {
        Ok(self.core.shop(&query, limit)?)
    }

    pub fn product_page(&self, sku: String) -> Result<ProductPage> {
        Ok(self.core.product_page(&sku)?)
    }

    pub fn cart(&self) -> Result<CartView> {
        Ok(self.core.cart()?)
    }

    pub fn cart_add(&self, sku: String, qty: i64) -> Result<CartView> {
        Ok(self.core.cart_add(&sku, qty)?)
    }

    pub fn cart_set(&self, sku: String, qty: i64) -> Result<CartView> {
        Ok(self.core.cart_set(&sku, qty)?)
    }

    pub fn cart_remove(&self, sku: String) -> Result<CartView> {
        Ok(self.core.cart_remove(&sku)?)
    }
}

#[uniffi::remote(Record)]
pub struct ReviewLine {
    pub sku: String,
    pub name: String,
    pub qty: u32,
    pub unit_price_text: String,
    pub line_total_text: String,
}

#[uniffi::remote(Record)]
pub struct CheckoutWarning {
    pub code: String,
    pub sku: String,
    pub message: String,
}

#[uniffi::remote(Record)]
pub struct CheckoutReview {
    pub lines: Vec<ReviewLine>,
    pub total_minor: i64,
    pub total_text: String,
    pub warnings: Vec<CheckoutWarning>,
    pub quote: String,
    pub ship_to: Option<String>,
}

#[uniffi::remote(Record)]
pub struct OrderLineView {
    pub sku: String,
    pub name: String,
    pub qty: u32,
    pub unit_price_text: String,
    pub batch: String,
    pub origin: String,
    pub quality_report: String,
    pub returnable: bool,
}

#[uniffi::remote(Record)]
pub struct Refill {
    pub cart: CartView,
    pub skipped: Vec<String>,
}

#[uniffi::remote(Record)]
pub struct StatusStep {
    pub status: String,
    pub text: String,
    pub at: i64,
    pub at_text: String,
}

#[uniffi::remote(Record)]
pub struct ReturnItem {
    pub sku: String,
    pub qty: u32,
}

#[uniffi::remote(Record)]
pub struct ReturnView {
    pub id: String,
    pub kind: String,
    pub kind_text: String,
    pub reason: String,
    pub reason_text: String,
    pub status: String,
    pub status_text: String,
    pub rejection: Option<String>,
    pub items: Vec<ReturnItem>,
    pub history: Vec<StatusStep>,
}

#[uniffi::remote(Record)]
pub struct OrderView {
    pub id: String,
    pub status: String,
    pub status_text: String,
    pub created_at: i64,
    pub created_text: String,
    pub total_text: String,
    pub summary_text: String,
    pub lines: Vec<OrderLineView>,
    pub history: Vec<StatusStep>,
    pub return_deadline: Option<i64>,
    pub return_deadline_text: Option<String>,
    pub returns: Vec<ReturnView>,
    pub complaints: Vec<ComplaintView>,
    pub can_pay: bool,
    pub can_cancel: bool,
    pub can_return: bool,
    pub ship_to: Option<String>,
}

#[uniffi::remote(Record)]
pub struct Choice {
    pub code: String,
    pub label: String,
}

#[uniffi::remote(Record)]
pub struct ShipTo {
    pub name: String,
    pub phone: String,
    pub province: String,
    pub city: String,
    pub district: String,
    pub detail: String,
    pub postal_code: Option<String>,
}

#[uniffi::remote(Record)]
pub struct AddressView {
    pub id: String,
    pub ship_to: ShipTo,
    pub label: String,
    pub is_default: bool,
}

/// Her address book; the default address goes with every order. Each
/// change returns the whole book; the core checks every field.
#[uniffi::export]
impl CradleCore {
    pub fn addresses(&self) -> Result<Vec<AddressView>> {
        Ok(self.core.addresses()?)
    }

    /// A new address (`id` null) or a change to one.
    pub fn save_address(&self, id: Option<String>, address: ShipTo) -> Result<Vec<AddressView>> {
        Ok(self.core.save_address(id.as_deref(), address)?)
    }

    pub fn set_default_address(&self, id: String) -> Result<Vec<AddressView>> {
        Ok(self.core.set_default_address(&id)?)
    }

    pub fn remove_address(&self, id: String) -> Result<Vec<AddressView>> {
        Ok(self.core.remove_address(&id)?)
    }
}

#[uniffi::remote(Record)]
pub struct HospitalBag {
    pub open: bool,
    pub opens_on: Option<String>,
    pub note: String,
    pub groups: Vec<BagGroup>,
    pub packed: u32,
    pub total: u32,
    pub sources: Vec<String>,
}

#[uniffi::remote(Record)]
pub struct BagGroup {
    pub code: String,
    pub title: String,
    pub items: Vec<BagItem>,
}

#[uniffi::remote(Record)]
pub struct BagItem {
    pub id: String,
    pub name: String,
    pub packed: bool,
    pub shop: String,
    pub shop_text: String,
    pub products: Vec<ProductCard>,
    pub source: String,
}

/// The hospital-bag checklist, from 28 weeks: one call per screen, and
/// each tick returns the whole list.
#[uniffi::export]
impl CradleCore {
    pub fn hospital_bag(&self) -> Result<HospitalBag> {
        Ok(self.core.hospital_bag()?)
    }

    pub fn pack_bag_item(&self, id: String, packed: bool) -> Result<HospitalBag> {
        Ok(self.core.pack_bag_item(&id, packed)?)
    }
}

/// The provinces the address form offers, in the shop's delivery area.
#[uniffi::export]
pub fn provinces() -> Vec<String> {
    PROVINCES.iter().map(|p| (*p).to_owned()).collect()
}

/// What the return form offers to ask for, labelled.
#[uniffi::export]
pub fn return_kinds(language: Language) -> Vec<Choice> {
    status::return_kinds(language)
}

/// The reasons the return form offers, labelled.
#[uniffi::export]
pub fn return_reasons(language: Language) -> Vec<Choice> {
    status::return_reasons(language)
}

/// The topics the complaint form offers, labelled.
#[uniffi::export]
pub fn complaint_topics(language: Language) -> Vec<Choice> {
    status::complaint_topics(language)
}

#[uniffi::remote(Record)]
pub struct ComplaintView {
    pub id: String,
    pub topic: String,
    pub topic_text: String,
    pub note: String,
    pub status: String,
    pub status_text: String,
    pub target_text: Option<String>,
    pub overdue: bool,
    pub history: Vec<StatusStep>,
}

#[uniffi::export]
impl CradleCore {
    /// Her orders as last fetched; works offline.
    pub fn orders(&self) -> Result<Vec<OrderView>> {
        Ok(self.core.orders()?)
    }

    /// Puts an order's lines back in the cart; works offline.
    pub fn buy_again(&self, order_id: String) -> Result<Refill> {
        Ok(self.core.buy_again(&order_id)?)
    }

    /// Offline: the cart becomes an order placed when the network returns,
    /// only if nothing changed (`sync_shop` does it); see `CartView.queued`.
    pub fn queue_order(&self) -> Result<CartView> {
        Ok(self.core.queue_order()?)
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl CradleCore {
    /// The cart at the server's prices and stock, with what changed, for
    /// her to confirm.
    pub async fn review_checkout(&self) -> Result<CheckoutReview> {
        Ok(self.core.review_checkout().await?)
    }

    /// Places the order she confirmed; safe to call again after a failure.
    pub async fn place_order(&self, quote: String) -> Result<OrderView> {
        Ok(self.core.place_order(&quote).await?)
    }

    pub async fn refresh_orders(&self) -> Result<Vec<OrderView>> {
        Ok(self.core.refresh_orders().await?)
    }

    /// On reconnect and in background runs: sends the queued order, returns
    /// and complaints, and fetches her orders; news goes to the
    /// notification plan.
    pub async fn sync_shop(&self) -> Result<()> {
        Ok(self.core.sync_shop().await?)
    }

    /// Takes the queued order back into the cart, to change or review it.
    pub async fn cancel_queued_order(&self) -> Result<CartView> {
        Ok(self.core.cancel_queued_order().await?)
    }

    /// Pays through the server's payment provider (a sandbox on the reference server).
    pub async fn pay_order(&self, id: String) -> Result<OrderView> {
        Ok(self.core.pay_order(&id).await?)
    }

    /// Cancels an order before it ships (`OrderView.can_cancel`); a paid
    /// one is refunded.
    pub async fn cancel_order(&self, id: String) -> Result<OrderView> {
        Ok(self.core.cancel_order(&id).await?)
    }

    /// Asks for a return, an exchange or a refund only (`kind`, from
    /// `return_kinds`); queued while offline (status `queued`).
    pub async fn request_return(
        &self,
        order_id: String,
        kind: String,
        items: Vec<ReturnItem>,
        reason: String,
        note: Option<String>,
    ) -> Result<OrderView> {
        Ok(self
            .core
            .request_return(&order_id, &kind, &items, &reason, note.as_deref())
            .await?)
    }

    /// Files a complaint ticket about an order; queued while offline
    /// (status `queued`).
    pub async fn file_complaint(
        &self,
        order_id: String,
        topic: String,
        note: String,
    ) -> Result<OrderView> {
        Ok(self.core.file_complaint(&order_id, &topic, &note).await?)
    }

    /// Fetches what changed in the catalogue from `server_url`, or from the
    /// server last used.
    pub async fn update_catalog(&self, server_url: Option<String>) -> Result<CatalogUpdate> {
        Ok(self.core.update_catalog(server_url.as_deref()).await?)
    }
}
