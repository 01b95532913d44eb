//! Gestational weight gain against the recommended range for the
//! pre-pregnancy BMI: IOM 2009, or WS/T 801—2022 for Chinese women (chosen
//! by language; see docs/records.md).

use cradle_store::embedded;
use cradle_store::error::{Error, Result};
use cradle_store::profile::Language;
use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Deserialize;
use std::sync::OnceLock;

/// What the band needs from the user, asked only for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Baseline {
    pub height_cm: f64,
    pub pre_pregnancy_kg: f64,
}

impl Baseline {
    pub fn new(height_cm: f64, pre_pregnancy_kg: f64) -> Result<Self> {
        if !height_cm.is_finite() || !(120.0..=220.0).contains(&height_cm) {
            return Err(Error::invalid(
                "height_cm",
                "must be between 120 and 220 cm",
            ));
        }
        if !pre_pregnancy_kg.is_finite() || !(30.0..=200.0).contains(&pre_pregnancy_kg) {
            return Err(Error::invalid(
                "pre_pregnancy_kg",
                "must be between 30 and 200 kg",
            ));
        }
        Ok(Self {
            height_cm: (height_cm * 10.0).round() / 10.0,
            pre_pregnancy_kg: (pre_pregnancy_kg * 1000.0).round() / 1000.0,
        })
    }
}

/// Saves (or with `None`, forgets) the baseline.
pub fn set_baseline(tx: &Transaction<'_>, b: Option<Baseline>, now: Timestamp) -> Result<()> {
    match b {
        None => tx.execute("DELETE FROM body_baseline", [])?,
        Some(b) => tx.execute(
            "INSERT INTO body_baseline (id, height_mm, pre_pregnancy_grams, updated_at) VALUES (1, ?1, ?2, ?3)
             ON CONFLICT (id) DO UPDATE SET height_mm = ?1, pre_pregnancy_grams = ?2, updated_at = ?3",
            params![
                (b.height_cm * 10.0).round() as i64,
                (b.pre_pregnancy_kg * 1000.0).round() as i64,
                now.to_string()
            ],
        )?,
    };
    Ok(())
}

pub fn baseline(conn: &Connection) -> Result<Option<Baseline>> {
    Ok(conn
        .query_row(
            "SELECT height_mm, pre_pregnancy_grams FROM body_baseline WHERE id = 1",
            [],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
        )
        .optional()?
        .map(|(mm, g)| Baseline {
            height_cm: mm as f64 / 10.0,
            pre_pregnancy_kg: g as f64 / 1000.0,
        }))
}

#[derive(Deserialize)]
struct Standards {
    standards: Vec<Standard>,
}

#[derive(Deserialize)]
pub struct Standard {
    pub id: String,
    pub source: String,
    classes: Vec<Class>,
}

#[derive(Deserialize)]
struct Class {
    bmi_below: Option<f64>,
    total_kg: [f64; 2],
    first_trimester_kg: [f64; 2],
    weekly_kg: [f64; 2],
}

fn standards() -> &'static Standards {
    static DATA: OnceLock<Standards> = OnceLock::new();
    embedded(&DATA, include_str!("../content/weight-gain.json"))
}

/// WS/T 801—2022 for Chinese, IOM 2009 otherwise.
pub fn standard_for(language: Language) -> &'static Standard {
    let id = match language {
        Language::ZhHans => "wst_801_2022",
        Language::En => "iom_2009",
    };
    standards()
        .standards
        .iter()
        .find(|s| s.id == id)
        .expect("both standards are in weight-gain.json (checked by tests)")
}

/// The end of the first trimester (13w6d) in days: the band's bend.
const FIRST_TRIMESTER_DAYS: f64 = 98.0;

/// The recommended gain for one BMI class.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band<'a> {
    pub bmi: f64,
    /// `underweight`, `normal`, `overweight` or `obese`.
    pub class: &'static str,
    pub total_kg: [f64; 2],
    first_trimester_kg: [f64; 2],
    weekly_kg: [f64; 2],
    pub source: &'a str,
}

impl Standard {
    pub fn band(&self, height_m: f64, pre_pregnancy_kg: f64) -> Band<'_> {
        let bmi = pre_pregnancy_kg / (height_m * height_m);
        let (i, class) = self
            .classes
            .iter()
            .enumerate()
            .find(|(_, c)| c.bmi_below.is_none_or(|b| bmi < b))
            .expect("the last class has no upper bound (checked by tests)");
        Band {
            bmi: (bmi * 10.0).round() / 10.0,
            class: ["underweight", "normal", "overweight", "obese"][i.min(3)],
            total_kg: class.total_kg,
            first_trimester_kg: class.first_trimester_kg,
            weekly_kg: class.weekly_kg,
            source: &self.source,
        }
    }
}

impl Band<'_> {
    /// The recommended gain range (kg) after `ga_days` of pregnancy.
    pub fn gain_at(&self, ga_days: i64) -> [f64; 2] {
        let d = ga_days.max(0) as f64;
        let at = |i: usize| {
            if d <= FIRST_TRIMESTER_DAYS {
                self.first_trimester_kg[i] * d / FIRST_TRIMESTER_DAYS
            } else {
                self.first_trimester_kg[i] + self.weekly_kg[i] * (d - FIRST_TRIMESTER_DAYS) / 7.0
            }
        };
        [at(0), at(1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_follow_each_standard() {
        let iom = standard_for(Language::En);
        let wst = standard_for(Language::ZhHans);
        // 1.60 m, 62 kg: BMI 24.2, normal by IOM, overweight by WS/T 801.
        assert_eq!(iom.band(1.60, 62.0).class, "normal");
        assert_eq!(wst.band(1.60, 62.0).class, "overweight");
        assert_eq!(iom.band(1.60, 62.0).total_kg, [11.5, 16.0]);
        assert_eq!(wst.band(1.60, 62.0).total_kg, [7.0, 11.0]);
        assert_eq!(iom.band(1.60, 46.0).class, "underweight");
        assert_eq!(iom.band(1.60, 80.0).class, "obese");
        assert_eq!(wst.band(1.60, 72.0).class, "obese");
    }

    #[test]
    fn the_band_bends_after_the_first_trimester() {
        let band = standard_for(Language::En).band(1.60, 55.0);
        assert_eq!(band.gain_at(0), [0.0, 0.0]);
        assert_eq!(band.gain_at(98), [0.5, 2.0]);
        let [lo, hi] = band.gain_at(98 + 26 * 7);
        assert!((lo - (0.5 + 0.35 * 26.0)).abs() < 1e-9);
        assert!((hi - (2.0 + 0.50 * 26.0)).abs() < 1e-9);
    }
}
