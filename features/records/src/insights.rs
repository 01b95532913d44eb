//! Gentle, non-diagnostic insights from her readings, with sources.
//!
//! Advice knows her stage and the age of the reading: a reading drives
//! advice only while it is recent (each rule's window below) and belongs to
//! the stage she is in now (taken on or after the day the pregnancy began,
//! or after the birth). Wording is calm, says it is not a diagnosis, names
//! the value that crossed, and never says "patient". docs/records.md lists
//! every rule with its threshold, stages, window and source.

use super::gain::Band;
use super::journal::{Entry, JournalEntry};
use super::sessions::KickSession;
use super::symptoms::{self, Symptom};
use super::{GlucoseContext, Measurement, Record};
use cradle_store::profile::Language;
use cradle_timeline::Stage;
use cradle_timeline::baby::Birth;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Worth mentioning at the next visit.
    MentionAtVisit,
    /// Worth telling the clinic about.
    ContactClinic,
    /// Needs care now.
    SeekCareNow,
}

impl Level {
    pub fn code(self) -> &'static str {
        match self {
            Level::MentionAtVisit => "mention_at_visit",
            Level::ContactClinic => "contact_clinic",
            Level::SeekCareNow => "seek_care_now",
        }
    }
}

/// What raised an insight (`--json`: `"record_kind": "measurement", "record_id": 3`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(tag = "record_kind", content = "record_id", rename_all = "snake_case")]
pub enum About {
    /// A weight, blood pressure or glucose reading.
    Measurement(i64),
    /// A journal entry: a baby's temperature, an OGTT.
    Entry(i64),
    KickCount(i64),
    Symptom(i64),
}

impl About {
    pub fn id(self) -> i64 {
        match self {
            About::Measurement(id)
            | About::Entry(id)
            | About::KickCount(id)
            | About::Symptom(id) => id,
        }
    }

    pub fn kind(self) -> &'static str {
        match self {
            About::Measurement(_) => "measurement",
            About::Entry(_) => "entry",
            About::KickCount(_) => "kick_count",
            About::Symptom(_) => "symptom",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Insight {
    /// e.g. `blood_pressure_severe`, `glucose_1h_above_target`.
    pub code: &'static str,
    pub level: Level,
    pub message: String,
    /// The guideline, named as author, title and year.
    pub source: &'static str,
    #[serde(flatten)]
    pub about: About,
    /// When the reading that raised it was taken.
    pub at: Timestamp,
}

impl Insight {
    /// A glucose reading above its target: the shop leaves out added sugar.
    pub fn is_high_glucose(&self) -> bool {
        HIGH_GLUCOSE.contains(&self.code)
    }
}

const HIGH_GLUCOSE: [&str; 5] = [
    "glucose_fasting_above_target",
    "glucose_1h_above_target",
    "glucose_2h_above_target",
    "glucose_random_high",
    "ogtt_at_cutoff",
];

/// Where she is now, for deciding which readings still speak.
#[derive(Debug, Clone)]
pub struct Situation {
    pub stage: Stage,
    /// Days of gestation today, while pregnant.
    pub ga_days: Option<i64>,
    /// The first local day of her current stage: the pregnancy's first day
    /// while pregnant, the birth while postpartum. A reading from before it
    /// belongs to another stage.
    pub stage_began: Option<Date>,
    /// The latest birth, for a baby's age at a reading.
    pub birth: Option<Birth>,
    pub zone: TimeZone,
    pub now: Timestamp,
}

impl Situation {
    /// Whether a reading taken `at` is within `window` of now and in this stage.
    fn speaks(&self, at: Timestamp, window: SignedDuration) -> bool {
        self.recent(at, window) && self.in_stage(at)
    }

    fn recent(&self, at: Timestamp, window: SignedDuration) -> bool {
        self.now
            .checked_sub(window)
            .is_ok_and(|from| at >= from && at <= self.now)
    }

    fn in_stage(&self, at: Timestamp) -> bool {
        self.stage_began
            .is_none_or(|began| cradle_store::clock::local_date(at, &self.zone) >= began)
    }

    fn pregnant_from(&self, days: i64) -> bool {
        self.stage == Stage::Pregnant && self.ga_days.is_some_and(|ga| ga >= days)
    }
}

/// A blood pressure reading drives advice for 7 days: the interval of the
/// postpartum checks in ACOG Committee Opinion 736 (within 72 hours, then
/// 7–10 days). An older reading no longer tells how she is now.
pub const BLOOD_PRESSURE_WINDOW: SignedDuration = SignedDuration::from_hours(7 * 24);
/// Meter glucose is checked daily while self-monitoring; a week-old value
/// is history, not advice.
pub const GLUCOSE_WINDOW: SignedDuration = SignedDuration::from_hours(7 * 24);
/// A temperature, a kick count or a symptom is about today.
pub const NOW_WINDOW: SignedDuration = SignedDuration::from_hours(24);
/// The weight-gain band is judged on a weight from the last 4 weeks, the
/// interval of visits in the second trimester.
pub const WEIGHT_WINDOW: SignedDuration = SignedDuration::from_hours(28 * 24);

/// Kick counting applies from 28 weeks.
pub const KICKS_FROM_DAYS: i64 = 28 * 7;

fn text(language: Language, en: &'static str, zh: &'static str) -> &'static str {
    match language {
        Language::En => en,
        Language::ZhHans => zh,
    }
}

const BP_PREGNANCY_EN: &str = "ACOG Practice Bulletin 222, Gestational Hypertension and Preeclampsia (2020): \
    140/90 mmHg or higher is high; 160/110 mmHg or higher is the severe range.";
const BP_PREGNANCY_ZH: &str = "中华医学会妇产科学分会妊娠期高血压疾病学组《妊娠期高血压疾病诊治指南（2020）》：\
    收缩压≥140 mmHg和/或舒张压≥90 mmHg为高血压，≥160/110 mmHg为重度。";
const BP_POSTPARTUM_EN: &str = "ACOG Committee Opinion 736, Optimizing Postpartum Care (2018), and ACOG Practice \
    Bulletin 222 (2020): pre-eclampsia can first appear up to 6 weeks after birth; 160/110 mmHg or higher is \
    severe at any time.";
const BP_POSTPARTUM_ZH: &str = "美国妇产科医师学会（ACOG）第736号委员会意见《优化产后保健》（2018）及第222号实践公告（2020）：\
    子痫前期可在产后6周内首次出现；≥160/110 mmHg任何时候都属重度。";
const GLUCOSE_TARGETS_EN: &str = "Chinese Medical Association, Guideline for the diagnosis and management of \
    hyperglycaemia in pregnancy (2022); ACOG Practice Bulletin 190 (2018); ADA Standards of Care: self-monitoring \
    targets fasting ≤5.3, 1 h after a meal ≤7.8, 2 h after a meal ≤6.7 mmol/L.";
const GLUCOSE_TARGETS_ZH: &str = "中华医学会《妊娠期高血糖诊治指南（2022）》：孕期自我血糖监测目标为空腹≤5.3、\
    餐后1小时≤7.8、餐后2小时≤6.7 mmol/L。";
const GLUCOSE_LOW_EN: &str = "Chinese Medical Association, Guideline for the diagnosis and management of \
    hyperglycaemia in pregnancy (2022): avoid glucose below 3.3 mmol/L; ADA Standards of Care: when low, have \
    15 g of fast sugar and recheck after 15 minutes.";
const GLUCOSE_LOW_ZH: &str = "中华医学会《妊娠期高血糖诊治指南（2022）》：血糖应避免低于3.3 mmol/L；\
    美国糖尿病协会（ADA）诊疗标准：血糖偏低时吃15克快速升糖的食物，15分钟后复测。";
const GLUCOSE_RANDOM_EN: &str = "ADA Standards of Care, and the Chinese Medical Association's guideline on \
    hyperglycaemia in pregnancy (2022): a random plasma glucose of 11.1 mmol/L or higher, with symptoms, meets \
    the diabetes criterion.";
const GLUCOSE_RANDOM_ZH: &str = "中华医学会《妊娠期高血糖诊治指南（2022）》及美国糖尿病协会（ADA）诊疗标准：\
    任意血糖≥11.1 mmol/L并伴有典型症状，符合糖尿病的诊断标准。";
const OGTT_EN: &str = "IADPSG (2010) and the Chinese Medical Association's guideline on hyperglycaemia in \
    pregnancy (2022): 75 g OGTT, venous plasma, fasting ≥5.1, 1 h ≥10.0, 2 h ≥8.5 mmol/L.";
const OGTT_ZH: &str = "中华医学会《妊娠期高血糖诊治指南（2022）》及国际妊娠合并糖尿病研究组（IADPSG，2010）：\
    75 g OGTT静脉血浆血糖，空腹≥5.1、1小时≥10.0、2小时≥8.5 mmol/L。";
const FEVER_EN: &str = "NICE guideline NG143, Fever in under 5s (2019): a baby under 3 months with a \
    temperature of 38 °C or more is at high risk; 3 to 6 months with 39 °C or more is at intermediate risk. \
    AAP clinical practice guideline for well-appearing febrile infants 8 to 60 days old (2021): 38.0 °C or more.";
const FEVER_ZH: &str = "英国国家卫生与临床优化研究所（NICE）NG143《5岁以下儿童发热》（2019）：3月龄以下宝宝体温≥38 °C属高风险，\
    3–6月龄≥39 °C属中风险；美国儿科学会（AAP）2021年8–60日龄发热婴儿指南：≥38.0 °C。";
const KICKS_EN: &str = "Kick counting: 10 movements within 2 hours, from 28 weeks \
    (common obstetric guidance, from secondary sources).";
const KICKS_ZH: &str = "数胎动：孕28周起，2小时内10次胎动（常见产科建议，来自二手资料）。";
const URGENT_EN: &str =
    "Urgent pregnancy warning signs (common obstetric guidance, from secondary sources).";
const URGENT_ZH: &str = "孕期紧急警示症状（常见产科建议，来自二手资料）。";

/// Which of the two values crossed: names only the one(s) that did.
fn crossing(language: Language, systolic: bool, diastolic: bool, s: u32, d: u32) -> String {
    let zh = language == Language::ZhHans;
    match (zh, systolic, diastolic) {
        (false, true, true) => {
            format!("both the upper (systolic) {s} and the lower (diastolic) {d}")
        }
        (false, true, false) => format!("the upper (systolic) value, {s}"),
        (false, false, _) => format!("the lower (diastolic) value, {d}"),
        (true, true, true) => format!("收缩压（高压）{s}和舒张压（低压）{d}"),
        (true, true, false) => format!("收缩压（高压）{s}"),
        (true, false, _) => format!("舒张压（低压）{d}"),
    }
}

fn blood_pressure(r: &Record, s: &Situation, language: Language) -> Option<Insight> {
    let Measurement::BloodPressure {
        systolic,
        diastolic,
        ..
    } = r.measurement
    else {
        return None;
    };
    if !matches!(s.stage, Stage::Pregnant | Stage::Postpartum)
        || !s.speaks(r.taken_at, BLOOD_PRESSURE_WINDOW)
    {
        return None;
    }
    let postpartum = s.stage == Stage::Postpartum;
    let zh = language == Language::ZhHans;
    let severe = systolic >= 160 || diastolic >= 110;
    let (code, level, which, limit) = if severe {
        let which = crossing(
            language,
            systolic >= 160,
            diastolic >= 110,
            systolic,
            diastolic,
        );
        (
            "blood_pressure_severe",
            Level::SeekCareNow,
            which,
            "160/110",
        )
    } else if systolic >= 140 || diastolic >= 90 {
        let which = crossing(
            language,
            systolic >= 140,
            diastolic >= 90,
            systolic,
            diastolic,
        );
        ("blood_pressure_high", Level::ContactClinic, which, "140/90")
    } else {
        return None;
    };
    let reading = format!("{systolic}/{diastolic} mmHg");
    let advice = match (zh, severe, postpartum, s.pregnant_from(20 * 7)) {
        (false, true, _, _) => "Please seek care now: call your hospital or go in today.",
        (false, false, true, _) => {
            "In the first 6 weeks after birth a high reading needs checking: please contact your clinic or hospital today."
        }
        (false, false, false, true) => {
            "After 20 weeks a high reading needs checking soon: please contact your clinic today."
        }
        (false, false, false, false) => "Please contact your clinic and mention it.",
        (true, true, _, _) => "请现在就医：联系医院或今天去医院。",
        (true, false, true, _) => "产后6周内血压偏高需要尽快复查：请今天联系你的医生或医院。",
        (true, false, false, true) => "孕20周以后血压偏高需要尽快复查：请今天联系你的产检医生。",
        (true, false, false, false) => "请联系你的产检医生，说一下这次读数。",
    };
    let message = if zh {
        format!("最近一次血压{reading}，其中{which}达到或超过{limit}的界值。{advice}这不是诊断。")
    } else {
        let verb = if which.starts_with("both") {
            "are"
        } else {
            "is"
        };
        format!(
            "Your last blood pressure was {reading}: {which} {verb} at or above the {limit} line. {advice} This is not a diagnosis."
        )
    };
    Some(Insight {
        code,
        level,
        message,
        source: match (zh, postpartum) {
            (false, false) => BP_PREGNANCY_EN,
            (true, false) => BP_PREGNANCY_ZH,
            (false, true) => BP_POSTPARTUM_EN,
            (true, true) => BP_POSTPARTUM_ZH,
        },
        about: About::Measurement(r.id),
        at: r.taken_at,
    })
}

/// Self-monitoring targets in pregnancy, in hundredths of mmol/L: a value
/// above the target is flagged (the target itself is fine).
const TARGET_FASTING: u32 = 530;
const TARGET_1H: u32 = 780;
const TARGET_2H: u32 = 670;
/// Below 3.3 mmol/L is low, in any stage.
const LOW_BELOW: u32 = 330;
/// A random reading of 11.1 mmol/L or more, in any stage.
const RANDOM_HIGH: u32 = 1110;

fn mmol(cmmol: u32) -> String {
    format!("{:.1} mmol/L", f64::from(cmmol) / 100.0)
}

fn glucose(r: &Record, s: &Situation, language: Language) -> Option<Insight> {
    let Measurement::Glucose { cmmol, context } = r.measurement else {
        return None;
    };
    if !s.speaks(r.taken_at, GLUCOSE_WINDOW) {
        return None;
    }
    let zh = language == Language::ZhHans;
    let value = mmol(cmmol);
    let insight = |code, level, message: String, source| Insight {
        code,
        level,
        message,
        source,
        about: About::Measurement(r.id),
        at: r.taken_at,
    };
    let pregnant = s.stage == Stage::Pregnant;
    match glucose_finding(cmmol, context, pregnant)? {
        GlucoseFinding::Low => {
            let message = if zh {
                format!(
                    "最近一次血糖{value}，低于3.3 mmol/L。请现在吃点含糖的食物（如半杯果汁），15分钟后复测；如果仍然偏低或感到不适，请立即就医。这不是诊断。"
                )
            } else {
                format!(
                    "Your last glucose was {value}, below 3.3 mmol/L. Have something sugary now (half a glass of juice), and check again in 15 minutes; if it stays low or you feel unwell, seek care now. This is not a diagnosis."
                )
            };
            let source = text(language, GLUCOSE_LOW_EN, GLUCOSE_LOW_ZH);
            Some(insight("glucose_low", Level::SeekCareNow, message, source))
        }
        GlucoseFinding::RandomHigh => {
            let message = if zh {
                format!(
                    "最近一次随机血糖{value}，达到或超过11.1 mmol/L。请尽快联系你的医生。这不是诊断。"
                )
            } else {
                format!(
                    "Your last glucose, taken at any time, was {value}: 11.1 mmol/L or more. Please contact your clinic soon. This is not a diagnosis."
                )
            };
            let source = text(language, GLUCOSE_RANDOM_EN, GLUCOSE_RANDOM_ZH);
            Some(insight(
                "glucose_random_high",
                Level::ContactClinic,
                message,
                source,
            ))
        }
        GlucoseFinding::AboveTarget(target) => {
            let (code, when_en, when_zh) = match context {
                GlucoseContext::Fasting => ("glucose_fasting_above_target", "fasting", "空腹"),
                GlucoseContext::OneHour => (
                    "glucose_1h_above_target",
                    "1 hour after a meal",
                    "餐后1小时",
                ),
                _ => (
                    "glucose_2h_above_target",
                    "2 hours after a meal",
                    "餐后2小时",
                ),
            };
            let target = mmol(target);
            let message = if zh {
                format!(
                    "最近一次{when_zh}血糖{value}，高于孕期自我监测目标（≤{target}）。请把这次读数告诉你的医生。这不是诊断。"
                )
            } else {
                format!(
                    "Your last glucose {when_en} was {value}, above the pregnancy self-monitoring target of {target} or less. Please share it with your clinic. This is not a diagnosis."
                )
            };
            let source = text(language, GLUCOSE_TARGETS_EN, GLUCOSE_TARGETS_ZH);
            Some(insight(code, Level::ContactClinic, message, source))
        }
    }
}

/// Where a meter reading falls outside what is usual for its context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlucoseFinding {
    /// Below 3.3 mmol/L, in any stage.
    Low,
    /// A random reading of 11.1 mmol/L or more, in any stage.
    RandomHigh,
    /// Above the pregnancy self-monitoring target (centimol/L) of its context.
    AboveTarget(u32),
}

/// The one rule for a meter reading (centimol/L), shared by advice, the
/// printed summary and the FHIR interpretation. The targets are for
/// pregnancy alone.
pub fn glucose_finding(
    cmmol: u32,
    context: GlucoseContext,
    pregnant: bool,
) -> Option<GlucoseFinding> {
    if cmmol < LOW_BELOW {
        return Some(GlucoseFinding::Low);
    }
    let target = match context {
        GlucoseContext::Random => {
            return (cmmol >= RANDOM_HIGH).then_some(GlucoseFinding::RandomHigh);
        }
        _ if !pregnant => return None,
        GlucoseContext::Fasting => TARGET_FASTING,
        GlucoseContext::OneHour => TARGET_1H,
        GlucoseContext::TwoHours => TARGET_2H,
    };
    (cmmol > target).then_some(GlucoseFinding::AboveTarget(target))
}

/// Whether an OGTT value (mmol/L; 0 fasting, 1 at 1 h, 2 at 2 h) reaches
/// its diagnostic cut-off.
pub fn ogtt_at_cutoff(point: usize, mmol_l: f64) -> bool {
    OGTT_CUTOFFS
        .get(point)
        .is_some_and(|cut| (mmol_l * 100.0).round() as u32 >= *cut)
}

/// Insights from the latest blood pressure and the latest glucose of each
/// context in `records` (oldest first), most urgent first.
pub fn from_records(records: &[Record], s: &Situation, language: Language) -> Vec<Insight> {
    let latest =
        |pred: &dyn Fn(&Measurement) -> bool| records.iter().rev().find(|r| pred(&r.measurement));
    let mut out: Vec<Insight> = Vec::new();
    if let Some(r) = latest(&|m| matches!(m, Measurement::BloodPressure { .. })) {
        out.extend(blood_pressure(r, s, language));
    }
    for context in [
        GlucoseContext::Fasting,
        GlucoseContext::OneHour,
        GlucoseContext::TwoHours,
        GlucoseContext::Random,
    ] {
        if let Some(r) =
            latest(&|m| matches!(m, Measurement::Glucose { context: c, .. } if *c == context))
        {
            out.extend(glucose(r, s, language));
        }
    }
    out.sort_by_key(|i| std::cmp::Reverse(i.level));
    out
}

/// The 75 g OGTT's diagnostic cut-offs, venous plasma, hundredths of mmol/L.
pub const OGTT_CUTOFFS: [u32; 3] = [510, 1000, 850];

/// The latest OGTT of this pregnancy, when one of its values reached its
/// cut-off. A lab result holds for the pregnancy, so no window applies.
pub fn from_ogtt(entries: &[JournalEntry], s: &Situation, language: Language) -> Option<Insight> {
    if s.stage != Stage::Pregnant {
        return None;
    }
    let (e, values) = entries.iter().rev().find_map(|e| match &e.entry {
        Entry::Ogtt {
            fasting,
            one_hour,
            two_hours,
        } => Some((e, [Some(*fasting), *one_hour, *two_hours])),
        _ => None,
    })?;
    if !s.in_stage(e.at) {
        return None;
    }
    let zh = language == Language::ZhHans;
    let names = if zh {
        ["空腹", "1小时", "2小时"]
    } else {
        ["fasting", "1 hour", "2 hours"]
    };
    let crossed: Vec<String> = values
        .iter()
        .zip(names)
        .enumerate()
        .filter_map(|(point, (v, name))| {
            let v = (*v)?;
            ogtt_at_cutoff(point, v).then(|| format!("{name} {v:.1}"))
        })
        .collect();
    if crossed.is_empty() {
        return None;
    }
    let list = crossed.join(if zh { "、" } else { ", " });
    let message = if zh {
        format!(
            "你的75 g OGTT中{list} mmol/L达到了诊断用的界值。请和你的产检医生一起看这份结果。这不是诊断。"
        )
    } else {
        format!(
            "Your 75 g OGTT reached a diagnostic cut-off: {list} mmol/L. Please go through the result with your clinic. This is not a diagnosis."
        )
    };
    Some(Insight {
        code: "ogtt_at_cutoff",
        level: Level::ContactClinic,
        message,
        source: text(language, OGTT_EN, OGTT_ZH),
        about: About::Entry(e.id),
        at: e.at,
    })
}

/// A baby's fever by age: under 3 months, 38.0 °C or more is "seek care
/// now"; from 3 to 6 months, 39.0 °C or more is "contact the clinic". The
/// latest temperature of each baby in the last 24 hours counts; age is
/// chronological, as NICE's table gives it.
pub fn from_temperatures(
    entries: &[JournalEntry],
    s: &Situation,
    language: Language,
) -> Vec<Insight> {
    let Some(birth) = s.birth else {
        return Vec::new();
    };
    let zh = language == Language::ZhHans;
    let mut out = Vec::new();
    for baby in 1..=u8::try_from(birth.count).unwrap_or(u8::MAX) {
        let latest = entries.iter().rev().find_map(|e| match e.entry {
            Entry::Temperature { baby: b, celsius } if b == baby => Some((e, celsius)),
            _ => None,
        });
        let Some((e, celsius)) = latest.filter(|(e, _)| s.recent(e.at, NOW_WINDOW)) else {
            continue;
        };
        let Some(age) = birth.age_on(cradle_store::clock::local_date(e.at, &s.zone)) else {
            continue;
        };
        let tenths = (celsius * 10.0).round() as i64;
        let (code, level, limit) = match age.months {
            0..=2 if tenths >= 380 => ("baby_fever_under_3_months", Level::SeekCareNow, "38.0"),
            3..=5 if tenths >= 390 => ("baby_fever_3_to_6_months", Level::ContactClinic, "39.0"),
            _ => continue,
        };
        let who = match (zh, birth.count > 1) {
            (false, false) => "Your baby".to_owned(),
            (false, true) => format!("Baby {baby}"),
            (true, false) => "宝宝".to_owned(),
            (true, true) => format!("{baby}号宝宝"),
        };
        let message = match (zh, level) {
            (false, Level::SeekCareNow) => format!(
                "{who} is under 3 months old and had a temperature of {celsius:.1} °C, at or above {limit} °C. Please seek care now: call your hospital or go in. This is not a diagnosis."
            ),
            (false, _) => format!(
                "{who} had a temperature of {celsius:.1} °C, at or above {limit} °C at 3 to 6 months old. Please contact your clinic today. This is not a diagnosis."
            ),
            (true, Level::SeekCareNow) => format!(
                "{who}不满3月龄，体温{celsius:.1} °C，达到或超过{limit} °C。请现在就医：联系医院或立即去医院。这不是诊断。"
            ),
            (true, _) => format!(
                "{who}3–6月龄，体温{celsius:.1} °C，达到或超过{limit} °C。请今天联系你的儿科医生。这不是诊断。"
            ),
        };
        out.push(Insight {
            code,
            level,
            message,
            source: text(language, FEVER_EN, FEVER_ZH),
            about: About::Entry(e.id),
            at: e.at,
        });
    }
    out
}

/// "Seek care now" when the last 24 hours hold an urgent symptom: in
/// pregnancy, the urgent signs; after the birth, bleeding or a severe
/// headache with vision changes. In no other stage.
pub fn from_symptoms(recent: &[Symptom], s: &Situation, language: Language) -> Option<Insight> {
    let postpartum = match s.stage {
        Stage::Pregnant => false,
        Stage::Postpartum => true,
        _ => return None,
    };
    let relevant: Vec<Symptom> = recent
        .iter()
        .filter(|x| s.speaks(x.noted_at, NOW_WINDOW))
        .filter(|x| !postpartum || !matches!(x.code, "fluid_leak" | "reduced_movements"))
        .cloned()
        .collect();
    let found = symptoms::urgent(&relevant)?;
    let (message, source) = match postpartum {
        false => (
            text(
                language,
                "You noted bleeding, leaking fluid, fewer movements, or a severe headache with vision changes. Please seek care now: call your hospital or go in. This is not a diagnosis.",
                "你记录了出血、流液、胎动减少，或严重头痛伴视力变化。请现在就医：联系医院或立即去医院。这不是诊断。",
            ),
            text(language, URGENT_EN, URGENT_ZH),
        ),
        true => (
            text(
                language,
                "You noted bleeding, or a severe headache with vision changes. In the weeks after birth these need checking now: call your hospital or go in. This is not a diagnosis.",
                "你记录了出血，或严重头痛伴视力变化。产后几周内出现这些情况需要立即检查：请联系医院或立即去医院。这不是诊断。",
            ),
            text(language, BP_POSTPARTUM_EN, BP_POSTPARTUM_ZH),
        ),
    };
    Some(Insight {
        code: "urgent_symptom",
        level: Level::SeekCareNow,
        message: message.to_owned(),
        source,
        about: About::Symptom(found.id),
        at: found.noted_at,
    })
}

/// The standard advice when a kick count found fewer than 10 movements in
/// 2 hours: only during a pregnancy from 28 weeks, and only for a count
/// started in the last 24 hours. Never after a birth or a loss.
pub fn from_kicks(session: &KickSession, s: &Situation, language: Language) -> Option<Insight> {
    let applies = s.pregnant_from(KICKS_FROM_DAYS) && s.speaks(session.started_at, NOW_WINDOW);
    (applies && session.below_target).then(|| Insight {
        code: "kicks_below_target",
        level: Level::ContactClinic,
        message: text(
            language,
            "Your last kick count found fewer than 10 movements in 2 hours. Please contact your clinic or hospital today; if movements have stopped or clearly slowed, go in now. This is not a diagnosis.",
            "最近一次数胎动，2小时内不到10次。请今天联系你的医生或医院；如果胎动停止或明显减少，请立即去医院。这不是诊断。",
        )
        .to_owned(),
        source: text(language, KICKS_EN, KICKS_ZH),
        about: About::KickCount(session.id),
        at: session.started_at,
    })
}

/// Gain outside the recommended range for the pre-pregnancy BMI, judged on
/// the latest weight (`latest`, at `ga_days`) from 14 weeks: before that the
/// band is too narrow to mean anything. Only while pregnant, on a weight
/// from the last 4 weeks.
pub fn from_weight_gain(
    latest: &Record,
    ga_days: i64,
    band: &Band<'static>,
    pre_pregnancy_kg: f64,
    s: &Situation,
    language: Language,
) -> Option<Insight> {
    let Measurement::Weight { grams } = latest.measurement else {
        return None;
    };
    if s.stage != Stage::Pregnant
        || !s.speaks(latest.taken_at, WEIGHT_WINDOW)
        || !(98..=44 * 7).contains(&ga_days)
    {
        return None;
    }
    // In whole grams, so the band's edges are exact.
    let gram = |kg: f64| (kg * 1000.0).round() as i64;
    let gained = i64::from(grams) - gram(pre_pregnancy_kg);
    let [low, high] = band.gain_at(ga_days).map(gram);
    let (code, en, zh) = if gained < low {
        (
            "weight_gain_below",
            "Your weight gain so far is below the range recommended for your pre-pregnancy BMI. Mention it at your next visit. This is not a diagnosis.",
            "目前的孕期增重低于按孕前BMI推荐的范围，下次产检时可以和医生聊聊。这不是诊断。",
        )
    } else if gained > high {
        (
            "weight_gain_above",
            "Your weight gain so far is above the range recommended for your pre-pregnancy BMI. Mention it at your next visit. This is not a diagnosis.",
            "目前的孕期增重高于按孕前BMI推荐的范围，下次产检时可以和医生聊聊。这不是诊断。",
        )
    } else {
        return None;
    };
    Some(Insight {
        code,
        level: Level::MentionAtVisit,
        message: text(language, en, zh).to_owned(),
        source: band.source,
        about: About::Measurement(latest.id),
        at: latest.taken_at,
    })
}

#[cfg(test)]
mod tests;
