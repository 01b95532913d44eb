//! Clinical schedules, loaded from cited data files embedded in the library.

use crate::timeline::gestation::GestationalAge;
use serde::Deserialize;
use std::sync::OnceLock;

/// Parses an embedded data file once. The files are checked by tests, so a
/// parse failure is a defect of the build, never of the user's data.
pub(crate) fn embedded<T: serde::de::DeserializeOwned>(
    cell: &'static OnceLock<T>,
    raw: &'static str,
) -> &'static T {
    cell.get_or_init(|| {
        serde_json::from_str(raw).expect("embedded data is valid (checked by tests)")
    })
}

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
}

impl VaccineSchedule {
    /// China's National Immunization Program, with the 2025 DTaP change.
    pub fn cn_nip() -> &'static VaccineSchedule {
        static SCHEDULE: OnceLock<VaccineSchedule> = OnceLock::new();
        embedded(&SCHEDULE, include_str!("../content/vaccines-cn-nip.json"))
    }

    pub fn vaccine(&self, code: &str) -> Option<&Vaccine> {
        self.vaccines.iter().find(|v| v.code == code)
    }
}

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
            .vaccine("DTaP")
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
        assert!(nip.vaccine("XYZ").is_none());
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
