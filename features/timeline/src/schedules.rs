//! Clinical schedules, loaded from cited data files embedded in the library.

use crate::baby::{HbsAg, Newborn};
use crate::gestation::GestationalAge;
use cradle_store::embedded;
use serde::Deserialize;
use std::sync::OnceLock;

/// A window of gestational age, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub from: GestationalAge,
    pub to: GestationalAge,
}

impl Window {
    /// Whether the window shares a day with gestational week `week` (w0d–w6d).
    pub fn overlaps_week(&self, week: i64) -> bool {
        self.from <= GestationalAge::new(week, 6) && self.to >= GestationalAge::new(week, 0)
    }
}

/// A visit or test; its window is `[weeks, days]` to `[weeks, days]` in the data.
#[derive(Debug, Clone, Deserialize)]
pub struct Item {
    pub id: String,
    from: [i64; 2],
    to: [i64; 2],
    #[serde(default)]
    pub optional: bool,
}

impl Item {
    pub fn window(&self) -> Window {
        Window {
            from: GestationalAge::new(self.from[0], self.from[1]),
            to: GestationalAge::new(self.to[0], self.to[1]),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct PrenatalSchedule {
    pub id: String,
    pub source: String,
    pub visits: Vec<Item>,
    pub tests: Vec<Item>,
}

impl PrenatalSchedule {
    /// 孕前和孕期保健指南 (2018), the Chinese Medical Association's guideline: the default.
    pub fn cma_2018() -> &'static PrenatalSchedule {
        static SCHEDULE: OnceLock<PrenatalSchedule> = OnceLock::new();
        embedded(&SCHEDULE, include_str!("../content/prenatal-cma-2018.json"))
    }

    /// The WHO 2016 antenatal care model (8 contacts): the alternative.
    pub fn who_2016() -> &'static PrenatalSchedule {
        static SCHEDULE: OnceLock<PrenatalSchedule> = OnceLock::new();
        embedded(&SCHEDULE, include_str!("../content/prenatal-who-2016.json"))
    }

    /// A built-in schedule by its id.
    pub fn by_id(id: &str) -> Option<&'static PrenatalSchedule> {
        [Self::cma_2018(), Self::who_2016()]
            .into_iter()
            .find(|s| s.id == id)
    }

    /// Visits and tests whose windows touch gestational week `week`.
    pub fn items_in_week(&self, week: i64) -> impl Iterator<Item = &Item> {
        self.visits
            .iter()
            .chain(&self.tests)
            .filter(move |i| i.window().overlaps_week(week))
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Dose {
    pub dose: u32,
    /// Calendar months from birth ("满N月龄").
    pub age_months: u32,
    /// Shortest gap after the previous dose of the same vaccine.
    #[serde(default)]
    pub min_interval_days: Option<u32>,
    /// Whether it counts toward the series (a low-weight birth dose does not).
    #[serde(skip, default = "counted")]
    pub counts: bool,
    /// Due within this many hours of birth, not just on the day.
    #[serde(skip)]
    pub within_hours: Option<u32>,
}

fn counted() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
pub struct Vaccine {
    pub code: String,
    pub doses: Vec<Dose>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct VaccineSchedule {
    pub id: String,
    pub source: String,
    pub vaccines: Vec<Vaccine>,
    pub special_cases: SpecialCases,
}

/// Where one baby's hepatitis B plan differs from the schedule.
#[derive(Debug, Clone, Deserialize)]
pub struct SpecialCases {
    pub source: String,
    /// Below this birth weight the birth dose is given but not counted,
    /// and the three counted doses follow at these ages.
    pub low_birth_weight_below_g: u32,
    pub low_birth_weight_hepb_months: [u32; 3],
    /// A positive mother's baby: HBIG and the first dose within these hours.
    pub hbsag_positive_within_hours: u32,
}

impl VaccineSchedule {
    /// China's National Immunization Program, with the 2025 DTaP change.
    pub fn cn_nip() -> &'static VaccineSchedule {
        static SCHEDULE: OnceLock<VaccineSchedule> = OnceLock::new();
        embedded(&SCHEDULE, include_str!("../content/vaccines-cn-nip.json"))
    }

    /// One baby's plan: the schedule, with the special cases of the
    /// hepatitis B series for a low birth weight or an HBsAg-positive mother.
    pub fn plan_for(&self, baby: &Newborn) -> Vec<Vaccine> {
        let cases = &self.special_cases;
        let positive = baby.mother_hbsag == Some(HbsAg::Positive);
        let low_weight = baby
            .birth_weight_g
            .is_some_and(|g| g < cases.low_birth_weight_below_g);
        let mut plan = Vec::with_capacity(self.vaccines.len() + 1);
        for vaccine in &self.vaccines {
            let mut vaccine = vaccine.clone();
            if vaccine.code == HEPB {
                if low_weight {
                    let series = vaccine.doses.iter().zip(cases.low_birth_weight_hepb_months);
                    let mut doses = vec![Dose {
                        dose: 1,
                        age_months: 0,
                        min_interval_days: None,
                        counts: false,
                        within_hours: None,
                    }];
                    doses.extend(series.map(|(d, age_months)| Dose {
                        dose: d.dose + 1,
                        age_months,
                        min_interval_days: d.min_interval_days.or(Some(MIN_INTERVAL_DAYS)),
                        ..d.clone()
                    }));
                    vaccine.doses = doses;
                }
                if positive {
                    vaccine.doses[0].within_hours = Some(cases.hbsag_positive_within_hours);
                    plan.push(Vaccine {
                        code: HBIG.to_owned(),
                        doses: vec![Dose {
                            dose: 1,
                            age_months: 0,
                            min_interval_days: None,
                            counts: true,
                            within_hours: Some(cases.hbsag_positive_within_hours),
                        }],
                    });
                }
            }
            plan.push(vaccine);
        }
        plan
    }
}

const HEPB: &str = "HepB";
/// Hepatitis B immune globulin: not a vaccine of the schedule, but planned
/// with the first dose for a positive mother's baby.
const HBIG: &str = "HBIG";
/// The general shortest gap between two doses of one vaccine.
const MIN_INTERVAL_DAYS: u32 = 28;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cma_schedule_loads_with_its_source() {
        let s = PrenatalSchedule::cma_2018();
        assert_eq!(s.id, "cn-cma-2018");
        assert!(s.source.contains("孕前和孕期保健指南"));
        assert_eq!(s.visits.len(), 11);
        for item in s.visits.iter().chain(&s.tests) {
            assert!(item.window().from <= item.window().to, "{}", item.id);
        }
    }

    #[test]
    fn the_who_schedule_has_eight_contacts() {
        let s = PrenatalSchedule::by_id("who-2016").unwrap();
        assert_eq!(s.visits.len(), 8);
        assert!(s.source.contains("WHO"));
        assert!(PrenatalSchedule::by_id("nope").is_none());
    }

    #[test]
    fn the_nip_schedule_has_the_2025_dtap_doses_in_order() {
        let nip = VaccineSchedule::cn_nip();
        let dtap: Vec<_> = nip
            .vaccines
            .iter()
            .find(|v| v.code == "DTaP")
            .unwrap()
            .doses
            .iter()
            .map(|d| d.age_months)
            .collect();
        assert_eq!(dtap, [2, 4, 6, 18, 72]);
        for v in &nip.vaccines {
            for (i, d) in v.doses.iter().enumerate() {
                assert_eq!(
                    d.dose as usize,
                    i + 1,
                    "{} doses are numbered in order",
                    v.code
                );
                assert_eq!(
                    d.min_interval_days.is_none(),
                    i == 0,
                    "{} dose {}",
                    v.code,
                    d.dose
                );
            }
        }
        assert!(
            nip.vaccines.iter().all(|v| v.code != "HBIG"),
            "HBIG is planned, not scheduled"
        );
    }

    fn newborn(grams: Option<u32>, hbsag: Option<HbsAg>) -> Newborn {
        Newborn {
            ordinal: 1,
            sex: None,
            birth_weight_g: grams,
            mother_hbsag: hbsag,
        }
    }

    fn hepb(plan: &[Vaccine]) -> Vec<(u32, u32, bool, Option<u32>)> {
        plan.iter()
            .find(|v| v.code == "HepB")
            .unwrap()
            .doses
            .iter()
            .map(|d| (d.dose, d.age_months, d.counts, d.within_hours))
            .collect()
    }

    #[test]
    fn a_baby_under_2000_g_has_an_uncounted_birth_dose_then_three_doses() {
        let nip = VaccineSchedule::cn_nip();
        let standard = [(1, 0, true, None), (2, 1, true, None), (3, 6, true, None)];
        for grams in [None, Some(2000), Some(3400)] {
            assert_eq!(
                hepb(&nip.plan_for(&newborn(grams, None))),
                standard,
                "{grams:?}"
            );
        }
        let low = [
            (1, 0, false, None),
            (2, 1, true, None),
            (3, 2, true, None),
            (4, 7, true, None),
        ];
        assert_eq!(hepb(&nip.plan_for(&newborn(Some(1999), None))), low);
        assert_eq!(hepb(&nip.plan_for(&newborn(Some(300), None))), low);
        let plan = nip.plan_for(&newborn(Some(1999), None));
        let gaps: Vec<_> = plan[0].doses.iter().map(|d| d.min_interval_days).collect();
        assert_eq!(gaps, [None, Some(28), Some(28), Some(60)]);
        assert!(plan.iter().all(|v| v.code != "HBIG"));
    }

    #[test]
    fn a_positive_mothers_baby_has_hbig_and_the_first_dose_within_12_hours() {
        let nip = VaccineSchedule::cn_nip();
        for hbsag in [None, Some(HbsAg::Negative)] {
            let plan = nip.plan_for(&newborn(Some(3200), hbsag));
            assert!(plan.iter().all(|v| v.code != "HBIG"), "{hbsag:?}");
        }
        let plan = nip.plan_for(&newborn(Some(3200), Some(HbsAg::Positive)));
        assert_eq!(plan[0].code, "HBIG");
        assert_eq!(plan[0].doses[0].within_hours, Some(12));
        assert_eq!(hepb(&plan)[0], (1, 0, true, Some(12)));
        assert_eq!(plan.len(), nip.vaccines.len() + 1);
        // Both cases: the uncounted birth dose is the one within 12 hours.
        let plan = nip.plan_for(&newborn(Some(1800), Some(HbsAg::Positive)));
        assert_eq!(hepb(&plan)[0], (1, 0, false, Some(12)));
        assert_eq!(hepb(&plan).len(), 4);
        assert!(nip.special_cases.source.contains("2021"));
    }

    #[test]
    fn week_24_has_the_anomaly_scan_and_the_ogtt() {
        let ids: Vec<_> = PrenatalSchedule::cma_2018()
            .items_in_week(24)
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(ids, ["visit_3", "anomaly_scan", "ogtt"]);
        let ids: Vec<_> = PrenatalSchedule::cma_2018()
            .items_in_week(5)
            .map(|i| i.id.as_str())
            .collect();
        assert!(ids.is_empty());
    }
}
