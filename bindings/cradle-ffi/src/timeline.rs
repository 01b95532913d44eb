//! The pregnancy and baby timeline: dating, birth, loss, Today and the journey.

use super::*;

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
        let date = cradle_core::timeline::parse_date;
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

/// One journey page: a pregnancy week, or a baby month or range of months.
#[derive(uniffi::Record)]
pub struct JourneyStep {
    pub title: String,
    /// Her local dates this page covers, `YYYY-MM-DD`, both included.
    pub starts: String,
    pub ends: String,
    pub when: When,
    pub week: Option<WeekContent>,
    pub month: Option<MonthContent>,
}

impl From<Step> for JourneyStep {
    fn from(s: Step) -> Self {
        let (week, month) = match s.page {
            Page::Week(w) => (Some(w), None),
            Page::Months { content, .. } => (None, Some(content)),
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
    pub week: Option<WeekContent>,
    pub month: Option<MonthContent>,
    pub next_reminder: Option<ReminderItem>,
    /// The most urgent health flag, if any.
    pub flag: Option<InsightInfo>,
    pub sync: SyncState,
    /// The sync badge in her language.
    pub sync_text: String,
}

#[derive(uniffi::Record)]
pub struct DatingHistoryEntry {
    pub method: Method,
    pub edd: String,
    pub recorded_at: String,
}

#[uniffi::export]
impl CradleCore {
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
            week: tl.week,
            month: tl.month,
            next_reminder: today.next_reminder.map(Into::into),
            flag: today.flag.map(Into::into),
            sync: today.sync.into(),
            sync_text: today.sync_text,
        })
    }

    pub fn journey_screen(&self) -> Result<JourneyScreen> {
        Ok(self.core.timeline().journey()?.into())
    }

    /// Dates the pregnancy (starting one if none is ongoing), then returns Today.
    pub fn record_dating(&self, dating: Dating) -> Result<TodayScreen> {
        self.core.timeline().record_dating(dating.try_into()?)?;
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
        self.core.timeline().record_birth(
            Birth {
                date: cradle_core::timeline::parse_date("birth_date", &date)?,
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
            .timeline()
            .record_loss(cradle_core::timeline::parse_date("date", &date)?)?;
        self.today()
    }

    /// Deletes the archived records of lost pregnancies, at the user's request.
    pub fn delete_lost_pregnancies(&self) -> Result<u32> {
        Ok(self.core.timeline().delete_lost_pregnancies()? as u32)
    }

    /// `since` (ISO date) starts "trying to conceive"; `None` stops it.
    pub fn set_trying(&self, since: Option<String>) -> Result<TodayScreen> {
        let since = since
            .map(|d| cradle_core::timeline::parse_date("since", &d))
            .transpose()?;
        self.core.timeline().set_trying(since)?;
        self.today()
    }

    pub fn dating_history(&self) -> Result<Vec<DatingHistoryEntry>> {
        Ok(self
            .core
            .timeline()
            .dating_history()?
            .into_iter()
            .map(|h| DatingHistoryEntry {
                method: h.estimate.input.method(),
                edd: h.estimate.edd.to_string(),
                recorded_at: h.recorded_at,
            })
            .collect())
    }
}
