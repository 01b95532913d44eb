//! Baby weight against the WHO Child Growth Standards: percentiles for a
//! measurement and the percentile curves a chart draws behind it.

use cradle_store::embedded;
use cradle_timeline::baby::Sex;
use serde::Deserialize;
use std::sync::OnceLock;

/// What WHO's charts plot against age, to 24 months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Indicator {
    /// Weight-for-age, kg.
    Weight,
    /// Length-for-age (lying down, as measured to 2 years), cm.
    Length,
    /// Head-circumference-for-age, cm.
    Head,
}

impl Indicator {
    pub const ALL: [Indicator; 3] = [Indicator::Weight, Indicator::Length, Indicator::Head];

    pub fn code(self) -> &'static str {
        match self {
            Indicator::Weight => "weight",
            Indicator::Length => "length",
            Indicator::Head => "head",
        }
    }

    pub fn unit(self) -> &'static str {
        match self {
            Indicator::Weight => "kg",
            Indicator::Length | Indicator::Head => "cm",
        }
    }
}

#[derive(Deserialize)]
struct Table {
    boys: Vec<[f64; 3]>,
    girls: Vec<[f64; 3]>,
}

#[derive(Deserialize)]
struct Tables {
    weight: Table,
    length: Table,
    head: Table,
}

fn rows(indicator: Indicator, sex: Sex) -> &'static [[f64; 3]] {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    let tables = embedded(&TABLES, include_str!("../content/who-growth.json"));
    let table = match indicator {
        Indicator::Weight => &tables.weight,
        Indicator::Length => &tables.length,
        Indicator::Head => &tables.head,
    };
    match sex {
        Sex::Male => &table.boys,
        Sex::Female => &table.girls,
    }
}

/// Days in a month in the WHO tables.
pub const DAYS_PER_MONTH: f64 = 30.4375;

/// The last month the tables cover (each has a row for months 0–24).
pub const LAST_MONTH: u8 = 24;

/// The percentiles WHO's charts draw, with their z-scores.
pub const CURVES: [(u8, f64); 5] = [
    (3, -1.880_794),
    (15, -1.036_433),
    (50, 0.0),
    (85, 1.036_433),
    (97, 1.880_794),
];

/// The last age the tables cover, in days.
pub fn max_age_days() -> i64 {
    (f64::from(LAST_MONTH) * DAYS_PER_MONTH).floor() as i64
}

/// L, M, S at `age_days`, interpolated between months; `None` beyond the table.
fn lms(indicator: Indicator, sex: Sex, age_days: i64) -> Option<(f64, f64, f64)> {
    let rows = rows(indicator, sex);
    if age_days < 0 || age_days > max_age_days() {
        return None;
    }
    let month = age_days as f64 / DAYS_PER_MONTH;
    let lo = (month.floor() as usize).min(rows.len() - 1);
    let hi = (lo + 1).min(rows.len() - 1);
    let f = month - lo as f64;
    let mix = |i: usize| rows[lo][i] + f * (rows[hi][i] - rows[lo][i]);
    Some((mix(0), mix(1), mix(2)))
}

/// The measurement at z-score `z`: M·(1 + L·S·z)^(1/L).
fn value_at(l: f64, m: f64, s: f64, z: f64) -> f64 {
    m * (1.0 + l * s * z).powf(1.0 / l)
}

/// The measurement (kg or cm) on percentile curve `z` at `age_days`.
pub fn curve_at(indicator: Indicator, sex: Sex, age_days: i64, z: f64) -> Option<f64> {
    lms(indicator, sex, age_days).map(|(l, m, s)| value_at(l, m, s, z))
}

/// The z-score of `value` at `age_days`, with WHO's restricted extension
/// beyond ±3 SD (distances there are measured in units of the 2–3 SD gap).
/// WHO restricts only the skewed weight indicators; with L = 1 (length,
/// head circumference) the gap is one SD and the extension is the identity.
pub fn z_score(indicator: Indicator, sex: Sex, age_days: i64, value: f64) -> Option<f64> {
    let (l, m, s) = lms(indicator, sex, age_days)?;
    let z = ((value / m).powf(l) - 1.0) / (l * s);
    Some(if z > 3.0 {
        let sd3 = value_at(l, m, s, 3.0);
        let sd23 = sd3 - value_at(l, m, s, 2.0);
        3.0 + (value - sd3) / sd23
    } else if z < -3.0 {
        let sd3 = value_at(l, m, s, -3.0);
        let sd23 = value_at(l, m, s, -2.0) - sd3;
        -3.0 + (value - sd3) / sd23
    } else {
        z
    })
}

/// The standard normal CDF, by Abramowitz & Stegun 7.1.26 (error < 1.5e-7).
pub fn normal_cdf(z: f64) -> f64 {
    let x = z.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-x * x).exp();
    if z >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

/// The percentile (0–100, one decimal) of `value` (kg or cm) at `age_days`.
pub fn percentile(indicator: Indicator, sex: Sex, age_days: i64, value: f64) -> Option<f64> {
    z_score(indicator, sex, age_days, value).map(|z| (normal_cdf(z) * 1000.0).round() / 10.0)
}

/// A percentile as a clinic reads it: "P42", or "<P1" and ">P99" at the
/// ends, where one decimal would print a misleading "P0" or "P100".
pub fn percentile_text(p: f64) -> String {
    if p < 1.0 {
        "<P1".to_owned()
    } else if p > 99.0 {
        ">P99".to_owned()
    } else {
        format!("P{}", p.round())
    }
}

/// Inside the 3rd–97th percentile band the WHO charts draw as usual.
pub fn within_p3_p97(p: f64) -> bool {
    (3.0..=97.0).contains(&p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Indicator::{Head, Length, Weight};

    #[test]
    fn percentiles_at_the_ends_never_read_p0_or_p100() {
        assert_eq!(percentile_text(0.0), "<P1");
        assert_eq!(percentile_text(0.9), "<P1");
        assert_eq!(percentile_text(1.0), "P1");
        assert_eq!(percentile_text(42.4), "P42");
        assert_eq!(percentile_text(99.0), "P99");
        assert_eq!(percentile_text(99.1), ">P99");
        assert_eq!(percentile_text(100.0), ">P99");
        assert!(!within_p3_p97(2.9) && within_p3_p97(3.0));
        assert!(within_p3_p97(97.0) && !within_p3_p97(97.1));
    }

    #[test]
    fn the_median_is_the_50th_percentile() {
        assert_eq!(percentile(Weight, Sex::Male, 0, 3.3464), Some(50.0));
        assert_eq!(percentile(Weight, Sex::Female, 0, 3.2322), Some(50.0));
        assert_eq!(percentile(Length, Sex::Male, 0, 49.8842), Some(50.0));
        assert_eq!(percentile(Head, Sex::Female, 0, 33.8787), Some(50.0));
        let p = percentile(Weight, Sex::Female, 365, 8.9481).unwrap();
        assert!((49.5..=50.5).contains(&p), "{p}");
    }

    #[test]
    fn curves_match_the_published_sd_tables() {
        // The SD columns of WHO's z-score tables, one decimal.
        let month = |m: f64| (m * DAYS_PER_MONTH).floor() as i64;
        let at = |i, sex, m, z| (curve_at(i, sex, month(m), z).unwrap() * 10.0).round() / 10.0;
        // tab_wfa_boys_z_0_5 at 12 months; tab_wfa_girls_z_0_5 at birth.
        assert_eq!(at(Weight, Sex::Male, 12.0, -2.0), 7.7);
        assert_eq!(at(Weight, Sex::Male, 12.0, 2.0), 12.0);
        assert_eq!(at(Weight, Sex::Female, 0.0, -2.0), 2.4);
        assert_eq!(at(Weight, Sex::Female, 0.0, 2.0), 4.2);
        // tab_lhfa_boys_z_0_2 at 12 and 24 months; girls at birth.
        assert_eq!(at(Length, Sex::Male, 12.0, -2.0), 71.0);
        assert_eq!(at(Length, Sex::Male, 12.0, 2.0), 80.5);
        assert_eq!(at(Length, Sex::Male, 24.0, 0.0), 87.8);
        assert_eq!(at(Length, Sex::Female, 0.0, 2.0), 52.9);
        // tab_hcfa_girls_z_0_5 at 12 and 24 months; boys at birth.
        assert_eq!(at(Head, Sex::Female, 12.0, -2.0), 42.2);
        assert_eq!(at(Head, Sex::Female, 24.0, 2.0), 50.0);
        assert_eq!(at(Head, Sex::Male, 0.0, -2.0), 31.9);
    }

    #[test]
    fn extreme_values_use_the_restricted_extension() {
        let sd3 = curve_at(Weight, Sex::Male, 0, 3.0).unwrap();
        let sd2 = curve_at(Weight, Sex::Male, 0, 2.0).unwrap();
        let z = z_score(Weight, Sex::Male, 0, sd3 + (sd3 - sd2)).unwrap();
        assert!((z - 4.0).abs() < 1e-9, "{z}");
        assert_eq!(z_score(Weight, Sex::Male, max_age_days() + 1, 10.0), None);
        // With L = 1 the extension is the plain z-score: 4 SD is M·(1 + 4S).
        let (m, s) = (49.8842, 0.03795);
        let z = z_score(Length, Sex::Male, 0, m * (1.0 + 4.0 * s)).unwrap();
        assert!((z - 4.0).abs() < 1e-9, "{z}");
    }

    #[test]
    fn every_table_covers_birth_to_two_years() {
        for i in Indicator::ALL {
            for sex in [Sex::Female, Sex::Male] {
                assert_eq!(
                    rows(i, sex).len(),
                    usize::from(LAST_MONTH) + 1,
                    "{}",
                    i.code()
                );
                assert!(curve_at(i, sex, max_age_days(), 0.0).is_some());
            }
        }
    }

    #[test]
    fn normal_cdf_is_accurate() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-7);
        assert!((normal_cdf(1.959_964) - 0.975).abs() < 1e-6);
        assert!((normal_cdf(-1.880_794) - 0.03).abs() < 1e-6);
    }
}
