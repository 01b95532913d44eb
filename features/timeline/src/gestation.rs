//! Gestational age and the classes derived from it.
//!
//! Gestational age is counted from the first day of the last menstrual period
//! (or its equivalent, EDD − 280 days), in whole days. "12w3d" means 12
//! completed weeks and 3 days, i.e. day 3 of the 13th week.

use cradle_store::error::{Error, Result};
use jiff::ToSpan;
use jiff::civil::Date;

/// Days from the start of pregnancy (LMP-equivalent) to the due date.
pub const TERM_DAYS: i64 = 280;
/// The latest gestational age Cradle accepts for an ongoing pregnancy (44w0d).
pub const MAX_ONGOING_DAYS: i64 = 44 * 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GestationalAge {
    pub total_days: i64,
}

impl GestationalAge {
    pub fn from_days(total_days: i64) -> Self {
        Self { total_days }
    }

    pub fn new(weeks: i64, days: i64) -> Self {
        Self {
            total_days: weeks * 7 + days,
        }
    }

    /// Gestational age on `date` for a pregnancy due on `edd`.
    pub fn on(date: Date, edd: Date) -> Self {
        Self {
            total_days: days_between(edd, date) + TERM_DAYS,
        }
    }

    /// A gestational age from user input: `weeks` + `days` (0–6).
    pub fn checked(weeks: u32, days: u32) -> Result<Self> {
        if days > 6 {
            return Err(Error::invalid("ga_days", "must be between 0 and 6"));
        }
        Ok(Self::new(i64::from(weeks), i64::from(days)))
    }

    pub fn weeks(self) -> i64 {
        self.total_days.div_euclid(7)
    }

    pub fn days(self) -> i64 {
        self.total_days.rem_euclid(7)
    }
}

impl std::fmt::Display for GestationalAge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}w{}d", self.weeks(), self.days())
    }
}

/// The LMP-equivalent start of a pregnancy due on `edd`.
pub fn start_of_pregnancy(edd: Date) -> Result<Date> {
    add_days(edd, -TERM_DAYS)
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    i64::from((to - from).get_days())
}

/// `date` moved by `days`; an error only beyond the calendar's range.
pub fn add_days(date: Date, days: i64) -> Result<Date> {
    date.checked_add(days.days())
        .map_err(|_| Error::invalid("date", "is outside the supported calendar range"))
}

/// Trimester boundaries. Sources differ (US: 2nd from 14w0d, 3rd from
/// 28w0d; some Chinese sources end the 1st at 12w6d), so they are settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trimesters {
    pub second_starts: GestationalAge,
    pub third_starts: GestationalAge,
}

impl Default for Trimesters {
    /// ACOG's clinical definition: 1st to 13w6d, 2nd 14w0d–27w6d, 3rd from 28w0d.
    fn default() -> Self {
        Self {
            second_starts: GestationalAge::new(14, 0),
            third_starts: GestationalAge::new(28, 0),
        }
    }
}

impl Trimesters {
    pub fn of(&self, ga: GestationalAge) -> u8 {
        if ga >= self.third_starts {
            3
        } else if ga >= self.second_starts {
            2
        } else {
            1
        }
    }
}

/// ACOG Committee Opinion 579, "Definition of Term Pregnancy" (2013, reaffirmed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum TermClass {
    Preterm,
    EarlyTerm,
    FullTerm,
    LateTerm,
    PostTerm,
}

impl TermClass {
    pub fn of(ga: GestationalAge) -> Self {
        match ga.weeks() {
            ..=36 => TermClass::Preterm,
            37..=38 => TermClass::EarlyTerm,
            39..=40 => TermClass::FullTerm,
            41 => TermClass::LateTerm,
            _ => TermClass::PostTerm,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            TermClass::Preterm => "preterm",
            TermClass::EarlyTerm => "early_term",
            TermClass::FullTerm => "full_term",
            TermClass::LateTerm => "late_term",
            TermClass::PostTerm => "post_term",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ga(w: i64, d: i64) -> GestationalAge {
        GestationalAge::new(w, d)
    }

    #[test]
    fn weeks_and_days_split_total_days() {
        let g = GestationalAge::from_days(87);
        assert_eq!((g.weeks(), g.days()), (12, 3));
        assert_eq!(g.to_string(), "12w3d");
    }

    #[test]
    fn trimester_edges() {
        let t = Trimesters::default();
        assert_eq!(t.of(ga(13, 6)), 1);
        assert_eq!(t.of(ga(14, 0)), 2);
        assert_eq!(t.of(ga(27, 6)), 2);
        assert_eq!(t.of(ga(28, 0)), 3);
        let china = Trimesters {
            second_starts: ga(13, 0),
            ..Trimesters::default()
        };
        assert_eq!(china.of(ga(13, 0)), 2);
    }

    #[test]
    fn term_class_edges() {
        let cases = [
            (ga(36, 6), TermClass::Preterm),
            (ga(37, 0), TermClass::EarlyTerm),
            (ga(38, 6), TermClass::EarlyTerm),
            (ga(39, 0), TermClass::FullTerm),
            (ga(40, 6), TermClass::FullTerm),
            (ga(41, 0), TermClass::LateTerm),
            (ga(41, 6), TermClass::LateTerm),
            (ga(42, 0), TermClass::PostTerm),
        ];
        for (g, class) in cases {
            assert_eq!(TermClass::of(g), class, "{g}");
        }
    }
}
