//! The charts' per-day table (migration 19) against the readings it is
//! derived from: whatever she records, edits and deletes, and whichever
//! zone she moves to, the chart equals the same days computed afresh.

mod common;

use common::app;
use cradle_core::records::{Checked, GlucoseContext, GlucoseUnit, Measurement, Record, WeightUnit};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use proptest::prelude::*;
use std::collections::BTreeMap;

const NOW: &str = "2026-11-23T12:00:00Z";
const ZONES: [&str; 4] = ["Asia/Shanghai", "UTC", "America/New_York", "Asia/Kolkata"];

#[derive(Debug, Clone)]
enum Op {
    /// kind 0–2, a value index, minutes before now (within ten days).
    Record(u8, u32, i64),
    /// Which existing reading (mod their count), a new value, new minutes.
    Edit(usize, u32, i64),
    Delete(usize),
    MoveTo(usize),
    /// Draw the charts now (so later writes must keep the table right).
    Chart,
}

fn op() -> impl Strategy<Value = Op> {
    let minutes = 0i64..(10 * 24 * 60);
    prop_oneof![
        4 => (0u8..3, 0u32..40, minutes.clone()).prop_map(|(k, v, m)| Op::Record(k, v, m)),
        2 => (any::<usize>(), 0u32..40, minutes).prop_map(|(i, v, m)| Op::Edit(i, v, m)),
        1 => any::<usize>().prop_map(Op::Delete),
        1 => (0..ZONES.len()).prop_map(Op::MoveTo),
        1 => Just(Op::Chart),
    ]
}

/// A valid reading of `kind`, varied by `v`.
fn reading(kind: u8, v: u32) -> Checked {
    match kind {
        0 => Measurement::weight(55.0 + f64::from(v) * 0.35, WeightUnit::Kg),
        1 => Measurement::blood_pressure(100 + v, 60 + v / 2, None),
        _ => Measurement::glucose(
            4.0 + f64::from(v) * 0.1,
            GlucoseUnit::MmolPerL,
            [GlucoseContext::Fasting, GlucoseContext::OneHour][v as usize % 2],
        ),
    }
    .unwrap()
}

/// (weight kg a day, bp (readings, sys mean, dia mean, sys max, dia max) a
/// day, glucose (mean, max) a day and context), computed from the readings.
#[allow(clippy::type_complexity)]
fn expected(
    records: &[Record],
    zone: &str,
) -> (
    Vec<(i64, f64)>,
    Vec<(i64, u32, f64, f64, u32, u32)>,
    Vec<(i64, String, f64, f64)>,
) {
    let offset = i64::from(
        TimeZone::get(zone)
            .unwrap()
            .to_offset(NOW.parse().unwrap())
            .seconds(),
    );
    let day = |t: Timestamp| (t.as_second() + offset).div_euclid(86_400);
    let mut weights: BTreeMap<i64, Vec<u32>> = BTreeMap::new();
    let mut bps: BTreeMap<i64, Vec<(u32, u32)>> = BTreeMap::new();
    let mut glucose: BTreeMap<(i64, String), Vec<u32>> = BTreeMap::new();
    for r in records {
        match r.measurement {
            Measurement::Weight { grams } => {
                weights.entry(day(r.taken_at)).or_default().push(grams)
            }
            Measurement::BloodPressure {
                systolic,
                diastolic,
                ..
            } => bps
                .entry(day(r.taken_at))
                .or_default()
                .push((systolic, diastolic)),
            Measurement::Glucose { cmmol, context } => glucose
                .entry((day(r.taken_at), context.code().to_owned()))
                .or_default()
                .push(cmmol),
        }
    }
    let mean = |xs: &[u32]| xs.iter().map(|&x| f64::from(x)).sum::<f64>() / xs.len() as f64;
    let tenth = |x: f64| (x * 10.0).round() / 10.0;
    (
        weights
            .into_iter()
            .map(|(d, g)| (d, (mean(&g) / 10.0).round() / 100.0))
            .collect(),
        bps.into_iter()
            .map(|(d, r)| {
                let sys: Vec<u32> = r.iter().map(|x| x.0).collect();
                let dia: Vec<u32> = r.iter().map(|x| x.1).collect();
                (
                    d,
                    r.len() as u32,
                    tenth(mean(&sys)),
                    tenth(mean(&dia)),
                    *sys.iter().max().unwrap(),
                    *dia.iter().max().unwrap(),
                )
            })
            .collect(),
        glucose
            .into_iter()
            .map(|((d, c), g)| {
                (
                    d,
                    c,
                    (mean(&g) / 10.0).round() / 10.0,
                    f64::from(*g.iter().max().unwrap()) / 100.0,
                )
            })
            .collect(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn the_chart_equals_the_days_computed_afresh(ops in prop::collection::vec(op(), 1..30)) {
        let a = app("Asia/Shanghai", NOW);
        let now: Timestamp = NOW.parse().unwrap();
        let at = |m: i64| now - jiff::SignedDuration::from_mins(m);
        let mut zone = ZONES[0];
        for op in ops {
            let ids = a.cradle.records().list(None).unwrap();
            match op {
                Op::Record(kind, v, m) => {
                    a.cradle.records().record(reading(kind, v), Some(at(m))).unwrap();
                }
                Op::Edit(i, v, m) if !ids.is_empty() => {
                    let r = &ids[i % ids.len()];
                    let kind = match r.measurement {
                        Measurement::Weight { .. } => 0,
                        Measurement::BloodPressure { .. } => 1,
                        Measurement::Glucose { .. } => 2,
                    };
                    a.cradle.records().update_record(r.id, reading(kind, v), at(m)).unwrap();
                }
                Op::Delete(i) if !ids.is_empty() => {
                    a.cradle.records().delete_record(ids[i % ids.len()].id).unwrap();
                }
                Op::MoveTo(z) => {
                    zone = ZONES[z];
                    a.cradle.set_profile(None, "en", zone).unwrap();
                }
                Op::Chart => {
                    a.cradle.records().trends(None, None).unwrap();
                }
                _ => {}
            }
        }
        let (weights, bps, glucose) = expected(&a.cradle.records().list(None).unwrap(), zone);
        let t = a.cradle.records().trends(None, None).unwrap();
        let epoch = jiff::civil::date(1970, 1, 1);
        let n = |d: jiff::civil::Date| (d - epoch).get_days() as i64;
        let got_w: Vec<(i64, f64)> = t.weight.iter().map(|p| (n(p.day), p.kg)).collect();
        prop_assert_eq!(got_w, weights);
        let got_bp: Vec<_> = t.blood_pressure.iter().map(|p| {
            (n(p.day), p.readings, p.systolic_mean, p.diastolic_mean, p.systolic_max, p.diastolic_max)
        }).collect();
        prop_assert_eq!(got_bp, bps);
        let got_g: Vec<_> = t.glucose.iter().map(|p| (n(p.day), p.context.clone(), p.mmol_mean, p.mmol_max)).collect();
        prop_assert_eq!(got_g, glucose);
        // The Records screen's weight-only call reads the same table.
        prop_assert_eq!(a.cradle.records().weight_chart().unwrap().days, t.weight);
    }
}
