//! A baby's age: chronological, and corrected for prematurity.

use super::gestation::{GestationalAge, TERM_DAYS, add_days, days_between};
use cradle_store::error::{Error, Result};
use jiff::ToSpan;
use jiff::civil::Date;
use rusqlite::{Transaction, params};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Sex {
    Female,
    Male,
}

impl Sex {
    pub fn code(self) -> &'static str {
        match self {
            Sex::Female => "female",
            Sex::Male => "male",
        }
    }

    pub fn from_code(code: &str) -> Option<Sex> {
        match code {
            "female" => Some(Sex::Female),
            "male" => Some(Sex::Male),
            _ => None,
        }
    }
}

/// Records a baby's sex (`ordinal` in the latest birth), for percentiles.
pub fn set_sex(tx: &Transaction<'_>, ordinal: u8, sex: Sex) -> Result<()> {
    let state = crate::load(tx)?;
    let Some((birth, Birth { count, .. })) = state.last_birth() else {
        return Err(Error::invalid("baby", "record the birth first"));
    };
    if ordinal == 0 || u32::from(ordinal) > count {
        return Err(Error::invalid(
            "baby",
            "is not one of the babies of the latest birth",
        ));
    }
    tx.execute(
        "INSERT INTO baby (birth_id, ordinal, sex) VALUES (?1, ?2, ?3)
         ON CONFLICT (birth_id, ordinal) DO UPDATE SET sex = ?3",
        params![birth.id, ordinal, sex.code()],
    )?;
    Ok(())
}

/// Babies born before 37w0d are preterm (ACOG CO 579) and get a corrected age.
pub const PRETERM_BEFORE: GestationalAge = GestationalAge { total_days: 37 * 7 };
/// Corrected age is shown until 24 months of chronological age.
pub const CORRECTED_AGE_UNTIL_MONTHS: u32 = 24;
/// Baby content covers 0 to 36 months.
pub const BABY_CONTENT_MONTHS: u32 = 36;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Birth {
    pub date: Date,
    pub ga_at_birth: GestationalAge,
    /// Babies born together (twins: 2).
    pub count: u32,
}

/// The mother's hepatitis B surface antigen result, when she knows it: a
/// positive mother's baby needs HBIG and the first dose within 12 hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum HbsAg {
    Positive,
    Negative,
}

impl HbsAg {
    pub fn code(self) -> &'static str {
        match self {
            HbsAg::Positive => "positive",
            HbsAg::Negative => "negative",
        }
    }

    pub fn from_code(code: &str) -> Result<HbsAg> {
        match code {
            "positive" => Ok(HbsAg::Positive),
            "negative" => Ok(HbsAg::Negative),
            _ => Err(Error::invalid(
                "mother_hbsag",
                "must be positive or negative",
            )),
        }
    }
}

/// What the birth record holds beyond its date and gestational age.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BirthFacts {
    /// One weight per baby, in grams, in birth order; empty when not known.
    pub birth_weights_g: Vec<u32>,
    pub mother_hbsag: Option<HbsAg>,
}

/// One baby of a birth (twins are two), numbered from 1 in birth order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Newborn {
    pub ordinal: u8,
    pub sex: Option<Sex>,
    pub birth_weight_g: Option<u32>,
    pub mother_hbsag: Option<HbsAg>,
}

/// Birth weights accepted, in grams.
pub const BIRTH_WEIGHT_G: std::ops::RangeInclusive<u32> = 300..=7000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BabyAge {
    pub days: i64,
    pub weeks: i64,
    /// Completed calendar months ("满N月龄").
    pub months: u32,
    /// Days since the last completed month: "2 months 5 days".
    pub days_into_month: i64,
    /// Chronological age minus the days born early; `None` when not preterm
    /// or past 24 months. Negative before the term-equivalent date.
    pub corrected_days: Option<i64>,
    /// Completed months since the term-equivalent date (0 before it).
    pub corrected_months: Option<u32>,
}

impl Birth {
    pub fn is_preterm(&self) -> bool {
        self.ga_at_birth < PRETERM_BEFORE
    }

    /// Age on `date`; `None` before the birth.
    pub fn age_on(&self, date: Date) -> Option<BabyAge> {
        if date < self.date {
            return None;
        }
        let days = days_between(self.date, date);
        let months = completed_months(self.date, date);
        let early_days = TERM_DAYS - self.ga_at_birth.total_days;
        let corrected = self.is_preterm() && months < CORRECTED_AGE_UNTIL_MONTHS;
        let corrected_months = corrected.then(|| {
            add_days(self.date, early_days)
                .map_or(0, |term_equivalent| completed_months(term_equivalent, date))
        });
        let month_day = self
            .date
            .checked_add(i64::from(months).months())
            .unwrap_or(self.date);
        Some(BabyAge {
            days,
            weeks: days / 7,
            months,
            days_into_month: days_between(month_day, date),
            corrected_days: corrected.then_some(days - early_days),
            corrected_months,
        })
    }
}

/// Whole calendar months from `from` to `to` (`to` ≥ `from`). A month is
/// complete on the same day-of-month, or on the last day of a shorter month:
/// a baby born on 31 January is one month old on 28 (or 29) February.
pub fn completed_months(from: Date, to: Date) -> u32 {
    let span = (i32::from(to.year()) - i32::from(from.year())) * 12 + i32::from(to.month())
        - i32::from(from.month());
    let mut months = span.max(0);
    // jiff clamps month arithmetic to the month's end, as "满N月龄" counts.
    while months > 0 && from.checked_add(months.months()).is_ok_and(|d| d > to) {
        months -= 1;
    }
    months as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, day: i8) -> Date {
        jiff::civil::date(y, m, day)
    }

    #[test]
    fn month_end_births_complete_months_on_the_last_day() {
        assert_eq!(completed_months(d(2027, 1, 31), d(2027, 2, 27)), 0);
        assert_eq!(completed_months(d(2027, 1, 31), d(2027, 2, 28)), 1);
        assert_eq!(completed_months(d(2028, 1, 31), d(2028, 2, 28)), 0);
        assert_eq!(
            completed_months(d(2028, 1, 31), d(2028, 2, 29)),
            1,
            "leap year"
        );
        assert_eq!(completed_months(d(2027, 1, 31), d(2027, 3, 30)), 1);
        assert_eq!(completed_months(d(2027, 1, 31), d(2027, 3, 31)), 2);
        assert_eq!(completed_months(d(2027, 1, 15), d(2030, 1, 15)), 36);
    }

    #[test]
    fn corrected_age_for_a_baby_born_at_32_weeks() {
        let birth = Birth {
            date: d(2027, 3, 1),
            ga_at_birth: GestationalAge::new(32, 0),
            count: 1,
        };
        assert!(birth.is_preterm());
        // 8 weeks early: at 10 weeks old she is 2 weeks corrected.
        let age = birth.age_on(d(2027, 5, 10)).unwrap();
        assert_eq!((age.days, age.weeks), (70, 10));
        assert_eq!(age.corrected_days, Some(14));
        assert_eq!(age.corrected_months, Some(0));
        // Term-equivalent date: 2027-04-26.
        assert_eq!(
            birth.age_on(d(2027, 5, 25)).unwrap().corrected_months,
            Some(0)
        );
        assert_eq!(
            birth.age_on(d(2027, 5, 26)).unwrap().corrected_months,
            Some(1)
        );
        // Before the term-equivalent date corrected age is negative.
        assert_eq!(
            birth.age_on(d(2027, 3, 15)).unwrap().corrected_days,
            Some(-42)
        );
        // Not shown from 24 months.
        assert_eq!(birth.age_on(d(2029, 3, 1)).unwrap().corrected_days, None);
        assert!(
            birth
                .age_on(d(2029, 2, 28))
                .unwrap()
                .corrected_days
                .is_some()
        );
    }

    #[test]
    fn term_babies_have_no_corrected_age() {
        let birth = Birth {
            date: d(2027, 3, 1),
            ga_at_birth: GestationalAge::new(37, 0),
            count: 1,
        };
        assert!(!birth.is_preterm());
        assert_eq!(birth.age_on(d(2027, 4, 1)).unwrap().corrected_days, None);
        assert_eq!(birth.age_on(d(2027, 2, 28)), None);
    }
}
