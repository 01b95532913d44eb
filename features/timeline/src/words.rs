//! What the timeline says in words, in her language, with times in her zone
//! to the minute.

use crate::content::{MonthContent, WeekContent};
use crate::dating::Method;
use crate::{BabyStatus, HistoryEntry, PregnancyStatus, Stage};
use cradle_store::clock::local_minute;
use cradle_store::profile::Language;
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// How a due date was worked out, in words.
pub fn method(m: Method, language: Language) -> &'static str {
    match (m, language) {
        (Method::Lmp, Language::ZhHans) => "末次月经",
        (Method::Lmp, Language::En) => "last period",
        (Method::Conception, Language::ZhHans) => "受孕日",
        (Method::Conception, Language::En) => "conception",
        (Method::Ivf, Language::ZhHans) => "试管移植",
        (Method::Ivf, Language::En) => "IVF transfer",
        (Method::Ultrasound, Language::ZhHans) => "B超",
        (Method::Ultrasound, Language::En) => "ultrasound",
        (Method::Edd, Language::ZhHans) => "医生给的预产期",
        (Method::Edd, Language::En) => "due date from the clinic",
    }
}

/// One line of the dating history: when, how, and the due date it gave.
pub fn history_line(h: &HistoryEntry, language: Language, zone: &TimeZone) -> String {
    // Stored as RFC 3339 UTC; shown as her local minute.
    let when = h
        .recorded_at
        .parse::<Timestamp>()
        .map_or_else(|_| h.recorded_at.clone(), |t| local_minute(t, zone));
    let how = method(h.estimate.input.method(), language);
    language.pick(
        format!("{when}  {how}  预产期 {}", h.estimate.edd),
        format!("{when}  {how}  due {}", h.estimate.edd),
    )
}

/// No pregnancy is ongoing, so there is no dating history.
pub fn no_pregnancy(language: Language) -> &'static str {
    language.pick("目前没有进行中的孕期。", "No ongoing pregnancy.")
}

/// A loss was recorded: gentle and brief, in her language alone, and no
/// pregnancy content or prompt follows it.
pub fn loss_recorded(language: Language) -> &'static str {
    language.pick(
        "已记录。我们很难过。孕期内容和提醒已停止，你的记录会被保留，除非你选择删除。",
        "Recorded. We're so sorry for your loss. Pregnancy content and reminders have stopped; your records are kept unless you delete them.",
    )
}

/// Archived records of lost pregnancies were deleted.
pub fn lost_deleted(count: usize, language: Language) -> String {
    language.pick(
        format!("已删除 {count} 条归档的孕期记录。"),
        format!("Deleted {count} archived pregnancy record(s)."),
    )
}

/// The greeting that opens Today.
pub fn greeting(name: Option<&str>, today: Date, language: Language) -> String {
    match (name, language) {
        (Some(n), Language::ZhHans) => format!("{n}，你好！今天是 {today}。"),
        (None, Language::ZhHans) => format!("你好！今天是 {today}。"),
        (Some(n), Language::En) => format!("Hello, {n}! Today is {today}."),
        (None, Language::En) => format!("Hello! Today is {today}."),
    }
}

/// Where she is in the pregnancy, and how far the due date is.
pub fn pregnancy(p: &PregnancyStatus, language: Language) -> String {
    let (w, d) = (p.gestational_age.weeks(), p.gestational_age.days());
    let third = usize::from(p.trimester.clamp(1, 3)) - 1;
    let trimester =
        language.pick(["孕早期", "孕中期", "孕晚期"], ["first", "second", "third"])[third];
    let position = language.pick(
        format!("孕{w}周+{d}天（{trimester}）｜预产期 {}", p.edd),
        format!("{w}w{d}d, {trimester} trimester · due {}", p.edd),
    );
    let days = p.days_to_edd;
    let countdown = match (days >= 0, language) {
        (true, Language::ZhHans) => format!(
            "距离预产期还有 {days} 天，已走过 {}% 的旅程。",
            p.progress_percent
        ),
        (true, Language::En) => {
            format!("{days} days to go, {}% of the way.", p.progress_percent)
        }
        (false, Language::ZhHans) => format!("已过预产期 {} 天，请和医生保持联系。", -days),
        (false, Language::En) => format!(
            "{} days past the due date: stay in touch with your clinic.",
            -days
        ),
    };
    format!("{position}\n{countdown}")
}

/// This week's baby, body and tip, with the checkups around it.
pub fn week(w: &WeekContent, language: Language) -> String {
    let cm = f64::from(w.length_mm) / 10.0;
    let size = match (w.weight_g, language) {
        (Some(g), Language::ZhHans) => format!("身长约 {cm:.1} 厘米，体重约 {g} 克"),
        (None, Language::ZhHans) => format!("身长约 {} 毫米", w.length_mm),
        (Some(g), Language::En) => format!("about {cm:.1} cm and {g} g"),
        (None, Language::En) => format!("about {} mm", w.length_mm),
    };
    let mut text = language.pick(
        format!(
            "本周宝宝大约有{}那么大（{size}）。\n宝宝：{}\n孕妈：{}\n小贴士：{}",
            w.size_comparison, w.baby, w.mother, w.tip
        ),
        format!(
            "This week your baby is about the size of {} ({size}).\nBaby: {}\nYou: {}\nTip: {}",
            w.size_comparison, w.baby, w.mother, w.tip
        ),
    );
    if !w.checkups.is_empty() {
        text.push('\n');
        text.push_str(&language.pick(
            format!("本周相关产检：{}", w.checkups.join("、")),
            format!("Checkups around this week: {}", w.checkups.join("; ")),
        ));
    }
    text
}

/// The baby's age (corrected too, when born early), and in the weeks after
/// the birth the reminder of her own postpartum check.
pub fn baby(stage: Stage, b: &BabyStatus, language: Language) -> String {
    let a = &b.age;
    let who = match (b.birth.count > 1, language) {
        (true, Language::ZhHans) => "宝宝们",
        (false, Language::ZhHans) => "宝宝",
        (true, Language::En) => "Your babies are",
        (false, Language::En) => "Your baby is",
    };
    let (days, weeks, months) = (a.days, a.weeks, a.months);
    let mut text = language.pick(
        format!("{who}出生第 {days} 天（{weeks} 周，满 {months} 个月）。"),
        format!("{who} {days} days old ({weeks} weeks, {months} months)."),
    );
    if let (Some(d), Some(m)) = (a.corrected_days, a.corrected_months) {
        text.push('\n');
        text.push_str(&language.pick(
            format!("矫正年龄：{d} 天（满 {m} 个月）。"),
            format!("Corrected age: {d} days ({m} months)."),
        ));
    }
    if stage == Stage::Postpartum {
        text.push('\n');
        text.push_str(language.pick(
            "产后恢复期：记得预约产后42天检查。",
            "Postpartum recovery: remember your 42-day postpartum check.",
        ));
    }
    text
}

/// This month's highlight and tip for the baby.
pub fn month(m: &MonthContent, language: Language) -> String {
    language.pick(
        format!("这个月：{}\n小贴士：{}", m.highlight, m.tip),
        format!("This month: {}\nTip: {}", m.highlight, m.tip),
    )
}

/// The journey before there is a pregnancy or a birth to follow.
pub fn journey_empty(language: Language) -> &'static str {
    language.pick(
        "记录孕期或宝宝出生后，这里会按周或按月显示。",
        "Your journey appears here week by week once a pregnancy or a birth is recorded.",
    )
}

/// While she is trying to conceive.
pub fn trying(language: Language) -> &'static str {
    language.pick(
        "备孕中：记得每天补充叶酸。",
        "Trying to conceive: folic acid every day is recommended.",
    )
}

/// A first start in the terminal: how to set her profile.
pub fn welcome(language: Language) -> &'static str {
    language.pick(
        "欢迎使用 Cradle！先设置你的资料：\n  cradle profile set --name 昵称",
        "Welcome to Cradle! Start with your profile:\n  cradle profile set --name NAME",
    )
}

/// No pregnancy and no baby yet: the two commands that start the timeline.
pub fn start_timeline(language: Language) -> &'static str {
    language.pick(
        "记录孕期：cradle pregnancy set --lmp 末次月经日期（YYYY-MM-DD）\n记录宝宝出生：cradle baby born --date 日期 --ga-weeks 周 --ga-days 天",
        "Date a pregnancy: cradle pregnancy set --lmp YYYY-MM-DD\nRecord a birth: cradle baby born --date YYYY-MM-DD --ga-weeks W --ga-days D",
    )
}

/// The timeline's fields and rules, for a refusal in her language.
pub const REFUSALS: cradle_store::refusal::Refusals = cradle_store::refusal::Refusals {
    fields: &[
        ("birth_weights", "the birth weights", "出生体重"),
        ("conception", "the conception date", "受孕日期"),
        ("crl", "the crown–rump length", "头臀长（CRL）"),
        ("cycle_days", "the cycle length", "月经周期天数"),
        ("edd", "the due date", "预产期"),
        ("embryo_age", "the embryo's age", "胚胎天数"),
        ("ga", "the gestational age", "孕周"),
        ("ga_days", "the days of the week", "孕周天数"),
        ("lmp", "the first day of the last period", "末次月经第一天"),
        (
            "mother_hbsag",
            "the mother's HBsAg result",
            "孕妈的乙肝表面抗原结果",
        ),
        ("scan_date", "the scan date", "B 超日期"),
        ("since", "the start date", "开始日期"),
        ("transfer_date", "the transfer date", "移植日期"),
    ],
    rules: &[
        (
            "implies a pregnancy past 44 weeks today",
            "推算今天已超过 44 周，请核对",
        ),
        (
            "implies a pregnancy that has not begun yet",
            "推算的孕期还没有开始，请核对",
        ),
        ("must be 3, 5 or 6 days", "应为 3 天、5 天或 6 天"),
        (
            "must be a date written YYYY-MM-DD",
            "应为日期，写作 2027-05-01 这样",
        ),
        ("must be a length in millimetres", "应为以毫米计的长度"),
        (
            "must be between 2 and 84 mm; for a later scan give the stated gestational age",
            "应在 2 到 84 毫米之间；更晚的 B 超请填报告上的孕周",
        ),
        (
            "must be between 20w0d and 44w6d",
            "应在 20 周 0 天到 44 周 6 天之间",
        ),
        (
            "must be between 4w0d and 43w6d",
            "应在 4 周 0 天到 43 周 6 天之间",
        ),
        ("must be between 21 and 45 days", "应在 21 到 45 天之间"),
        (
            "must be between 300 and 7000 grams",
            "应在 300 到 7000 克之间",
        ),
        ("must be positive or negative", "应为阳性或阴性"),
        (
            "must give one weight per baby, or none",
            "每个宝宝填一个体重，或都不填",
        ),
        ("must not be before the pregnancy began", "不能早于怀孕开始"),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dating::{DatingInput, Estimate};
    use jiff::civil::date;

    #[test]
    fn a_history_line_is_in_her_words_and_her_zone() {
        let zone = TimeZone::get("Asia/Shanghai").unwrap();
        let h = HistoryEntry {
            estimate: Estimate {
                input: DatingInput::Lmp {
                    lmp: date(2026, 9, 1),
                    cycle_days: 28,
                },
                edd: date(2027, 6, 8),
            },
            recorded_at: "2026-12-02T07:03:20Z".into(),
        };
        let zh = history_line(&h, Language::ZhHans, &zone);
        assert!(
            zh.starts_with("2026-12-02 15:03  末次月经  预产期 2027-06-08"),
            "{zh}"
        );
        for text in [
            zh,
            no_pregnancy(Language::ZhHans).to_owned(),
            lost_deleted(2, Language::ZhHans),
        ] {
            assert!(!text.chars().any(|c| c.is_ascii_alphabetic()), "{text}");
        }
        let en = history_line(&h, Language::En, &zone);
        assert_eq!(en, "2026-12-02 15:03  last period  due 2027-06-08");
    }
}
