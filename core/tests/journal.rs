//! Journal entries, trends and the clinic-visit export over a real
//! encrypted SQLite file.

mod common;

use common::app;
use cradle_core::Error;
use cradle_core::clinic::{Format, Options};
use cradle_core::records::gain::Baseline;
use cradle_core::records::growth::{Indicator, Sex};
use cradle_core::records::journal::{Entry, Feed, Filter, Milk, Side};
use cradle_core::records::{GlucoseContext, GlucoseUnit, Measurement, WeightUnit};
use cradle_core::timeline::baby::Birth;
use cradle_core::timeline::gestation::GestationalAge;
use jiff::Timestamp;
use jiff::civil::date;
use proptest::prelude::*;

fn every_kind() -> Vec<Entry> {
    vec![
        Entry::Medication {
            name: "Folic acid".into(),
            dose: Some("0.4 mg daily".into()),
            supplement: true,
        },
        Entry::Allergy {
            substance: "Penicillin".into(),
            reaction: Some("rash".into()),
        },
        Entry::Lab {
            name: "Haemoglobin".into(),
            value: 98.0,
            unit: "g/L".into(),
            low: Some(110.0),
            high: Some(150.0),
        },
        Entry::Ultrasound {
            crl_mm: Some(45.0),
            bpd_mm: None,
            hc_mm: None,
            ac_mm: None,
            fl_mm: None,
            efw_grams: None,
        },
        Entry::Note {
            text: "Felt the first flutter today".into(),
        },
        Entry::Question {
            text: "Can I keep swimming?".into(),
        },
        Entry::Feed {
            baby: 1,
            feed: Feed::Breast {
                side: Side::Left,
                minutes: 15,
            },
        },
        Entry::Feed {
            baby: 2,
            feed: Feed::Bottle {
                ml: 90,
                milk: Milk::Formula,
            },
        },
        Entry::Feed {
            baby: 1,
            feed: Feed::Solids {
                food: "rice cereal".into(),
            },
        },
        Entry::Sleep {
            baby: 1,
            minutes: 95,
        },
        Entry::Diaper {
            baby: 2,
            wet: true,
            dirty: false,
        },
        Entry::Temperature {
            baby: 1,
            celsius: 36.8,
        },
        Entry::Growth {
            baby: 1,
            weight_grams: Some(4200),
            length_mm: Some(540),
            head_mm: Some(370),
        },
    ]
}

fn twins(a: &common::App) {
    a.cradle
        .record_birth(Birth {
            date: date(2026, 10, 1),
            ga_at_birth: GestationalAge::new(39, 0),
            count: 2,
        })
        .unwrap();
}

#[test]
fn every_entry_kind_round_trips_and_deletes_leave_a_tombstone() {
    let a = app("Asia/Shanghai", "2026-11-23T04:00:00Z");
    twins(&a);
    let mut ids = Vec::new();
    for e in every_kind() {
        ids.push(a.cradle.add_entry(e, None).unwrap());
    }
    let listed = a.cradle.entries(&Filter::default()).unwrap();
    assert_eq!(
        listed.iter().map(|e| e.entry.clone()).collect::<Vec<_>>(),
        every_kind()
    );
    // The lab below its range is kept and flagged.
    assert!(listed[2].unusual);
    // Filter by kind.
    let feeds = a
        .cradle
        .entries(&Filter {
            kinds: vec!["feed".into()],
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(feeds.len(), 3);
    // Edit keeps the kind; delete leaves a tombstone without the content.
    let at: Timestamp = "2026-11-23T03:00:00Z".parse().unwrap();
    a.cradle
        .update_entry(
            ids[4],
            Entry::Note {
                text: "Edited".into(),
            },
            at,
        )
        .unwrap();
    assert!(matches!(
        a.cradle
            .update_entry(ids[4], Entry::Question { text: "x".into() }, at),
        Err(Error::Invalid { field: "kind", .. })
    ));
    a.cradle.delete_entry(ids[4]).unwrap();
    assert!(matches!(
        a.cradle.delete_entry(ids[4]),
        Err(Error::NotFound(_))
    ));
    let export = a.cradle.export_all().unwrap();
    let rows = export["tables"]["entry"].as_array().unwrap();
    let tomb = rows.iter().find(|r| r["id"] == ids[4]).unwrap();
    assert!(tomb["deleted_at"].is_string());
    assert_eq!(tomb["data"], "{}");
}

#[test]
fn bad_entries_name_the_field_and_write_nothing() {
    let a = app("Asia/Shanghai", "2026-11-23T04:00:00Z");
    let refused = |e: Entry| match a.cradle.add_entry(e, None) {
        Err(Error::Invalid { field, .. }) => field,
        other => panic!("{other:?}"),
    };
    // No birth yet: a baby entry has no baby to belong to.
    assert_eq!(
        refused(Entry::Diaper {
            baby: 1,
            wet: true,
            dirty: true
        }),
        "baby"
    );
    twins(&a);
    assert_eq!(
        refused(Entry::Sleep {
            baby: 3,
            minutes: 60
        }),
        "baby"
    );
    assert_eq!(
        refused(Entry::Temperature {
            baby: 1,
            celsius: 47.0
        }),
        "celsius"
    );
    assert_eq!(
        refused(Entry::Medication {
            name: " ".into(),
            dose: None,
            supplement: false
        }),
        "name"
    );
    let future: Timestamp = "2026-11-24T04:00:00Z".parse().unwrap();
    assert!(matches!(
        a.cradle
            .add_entry(Entry::Note { text: "x".into() }, Some(future)),
        Err(Error::Invalid { field: "at", .. })
    ));
    assert!(a.cradle.entries(&Filter::default()).unwrap().is_empty());
    assert!(matches!(
        a.cradle.entries(&Filter {
            kinds: vec!["nope".into()],
            ..Filter::default()
        }),
        Err(Error::Invalid { field: "kind", .. })
    ));
}

#[test]
fn trends_aggregate_by_local_day_with_the_weight_band() {
    // 20 weeks pregnant on 2026-11-23 in Shanghai.
    let a = app("Asia/Shanghai", "2026-11-23T12:00:00Z");
    a.date_by_lmp(date(2026, 7, 6));
    a.cradle
        .set_baseline(Some(Baseline::new(160.0, 55.0).unwrap()))
        .unwrap();
    let at = |s: &str| Some(s.parse::<Timestamp>().unwrap());
    // Two readings on the same Shanghai day (one before UTC midnight, one after).
    for (kg, when) in [
        (60.0, "2026-11-21T16:30:00Z"),
        (61.0, "2026-11-22T01:00:00Z"),
    ] {
        a.cradle
            .record(Measurement::weight(kg, WeightUnit::Kg).unwrap(), at(when))
            .unwrap();
    }
    for (s, d, when) in [
        (120, 80, "2026-11-22T01:00:00Z"),
        (142, 92, "2026-11-22T09:00:00Z"),
    ] {
        a.cradle
            .record(Measurement::blood_pressure(s, d, None).unwrap(), at(when))
            .unwrap();
    }
    a.cradle
        .record(
            Measurement::glucose(5.3, GlucoseUnit::MmolPerL, GlucoseContext::Fasting).unwrap(),
            at("2026-11-22T00:00:00Z"),
        )
        .unwrap();
    let t = a.cradle.trends(None, None).unwrap();
    assert_eq!(t.weight.len(), 1);
    assert_eq!(t.weight[0].day, date(2026, 11, 22));
    assert_eq!(t.weight[0].kg, 60.5);
    assert_eq!(t.weight[0].ga_days, Some(19 * 7 + 6));
    // The Records screen's weight-only call gives the same chart.
    let chart = a.cradle.weight_chart().unwrap();
    assert_eq!((&chart.days, &chart.band), (&t.weight, &t.weight_band));
    let band = t.weight_band.unwrap();
    assert_eq!(band.class, "normal");
    assert_eq!(band.points.len(), 43);
    assert_eq!(band.points[0].low_kg, 55.0);
    assert!(band.source.contains("Institute of Medicine"));
    assert_eq!(t.blood_pressure.len(), 1);
    let bp = &t.blood_pressure[0];
    assert_eq!(
        (bp.readings, bp.systolic_max, bp.diastolic_max),
        (2, 142, 92)
    );
    assert_eq!(bp.systolic_mean, 131.0);
    assert_eq!(t.glucose[0].context, "fasting");
    assert_eq!(t.glucose[0].mmol_max, 5.3);
    // A range outside the readings is empty; a reversed range is refused.
    let later = a
        .cradle
        .trends(Some(date(2026, 11, 23)), Some(date(2026, 11, 23)))
        .unwrap();
    assert!(later.weight.is_empty() && later.blood_pressure.is_empty());
    assert!(matches!(
        a.cradle
            .trends(Some(date(2026, 11, 23)), Some(date(2026, 11, 1))),
        Err(Error::Invalid { field: "from", .. })
    ));
}

#[test]
fn weight_gain_outside_the_band_is_mentioned_gently() {
    let a = app("Asia/Shanghai", "2026-11-23T12:00:00Z");
    a.date_by_lmp(date(2026, 5, 4)); // 29 weeks
    a.cradle
        .set_baseline(Some(Baseline::new(160.0, 55.0).unwrap()))
        .unwrap();
    a.cradle
        .record(Measurement::weight(58.0, WeightUnit::Kg).unwrap(), None)
        .unwrap();
    let insights = a.cradle.insights().unwrap();
    assert_eq!(insights[0].code, "weight_gain_below");
    assert!(insights[0].message.contains("not a diagnosis"));
    // Without the baseline there is no band, so nothing is said.
    a.cradle.set_baseline(None).unwrap();
    assert!(a.cradle.insights().unwrap().is_empty());
    assert!(matches!(
        Baseline::new(300.0, 55.0),
        Err(Error::Invalid {
            field: "height_cm",
            ..
        })
    ));
}

#[test]
fn baby_growth_is_plotted_against_who_percentiles() {
    let a = app("Asia/Shanghai", "2026-11-23T04:00:00Z");
    twins(&a);
    a.cradle.set_baby_sex(1, Sex::Female).unwrap();
    assert!(matches!(
        a.cradle.set_baby_sex(3, Sex::Male),
        Err(Error::Invalid { field: "baby", .. })
    ));
    a.cradle
        .add_entry(
            Entry::Growth {
                baby: 1,
                weight_grams: Some(3232),
                length_mm: Some(529),
                head_mm: None,
            },
            Some("2026-10-01T04:00:00Z".parse().unwrap()),
        )
        .unwrap();
    let t = a.cradle.trends(None, None).unwrap();
    assert_eq!(t.growth.len(), 2);
    let first = &t.growth[0];
    assert_eq!(first.sex, Some(Sex::Female));
    let p = &first.points[0];
    assert_eq!(p.age_days, 0);
    // WHO, girls at birth: the weight median is 3.2322 kg; 52.9 cm is just
    // above +2 SD of length (52.87 cm, P97.7); no head was measured.
    assert_eq!(p.weight_percentile, Some(50.0));
    assert_eq!(p.length_percentile, Some(97.8));
    assert_eq!(p.head_percentile, None);
    // Five percentiles for each of weight, length and head, birth to 24
    // months; P50 for head at birth is 33.88 cm.
    assert_eq!(first.curves.len(), 15);
    assert!(first.curves.iter().all(|c| c.points.len() == 25));
    let head_p50 = first
        .curves
        .iter()
        .find(|c| c.indicator == Indicator::Head && c.percentile == 50)
        .unwrap();
    assert_eq!(head_p50.points[0], (0, 33.88));
    assert!(first.source.contains("head-circumference-for-age"));
    // The clinic summary shows each measurement with its percentile.
    let html = a
        .cradle
        .clinic_export(Format::Html, &Options::default())
        .unwrap();
    assert!(html.contains("3.23 kg (P50)"), "{html}");
    assert!(html.contains("52.9 cm (P97.8)"));
    assert!(html.contains("WHO Child Growth Standards"));
    // The second twin has no sex recorded: points without curves.
    assert!(t.growth[1].curves.is_empty());
}

fn clinic_app() -> common::App {
    let a = app("Asia/Shanghai", "2026-11-23T04:00:00Z");
    a.cradle
        .set_profile(Some("Li <Mei>"), "en", "Asia/Shanghai")
        .unwrap();
    a.date_by_lmp(date(2026, 5, 4));
    a.cradle
        .record(
            Measurement::blood_pressure(145, 95, Some(88)).unwrap(),
            Some("2026-11-20T02:00:00Z".parse().unwrap()),
        )
        .unwrap();
    a.cradle
        .record(
            Measurement::weight(63.0, WeightUnit::Kg).unwrap(),
            Some("2026-10-01T02:00:00Z".parse().unwrap()),
        )
        .unwrap();
    for e in every_kind().into_iter().take(6) {
        a.cradle.add_entry(e, None).unwrap();
    }
    a
}

#[test]
fn the_clinic_summary_holds_what_the_user_chose() {
    let a = clinic_app();
    let html = a
        .cradle
        .clinic_export(
            Format::Html,
            &Options {
                include_name: true,
                ..Options::default()
            },
        )
        .unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@page{size:A4"));
    // The name is escaped; vitals, flags, medications, allergies, labs and
    // questions are in; the private diary is not, unless asked for.
    assert!(html.contains("Li &lt;Mei&gt;"));
    for text in [
        "145/95 mmHg",
        "140/90",
        "Folic acid",
        "Penicillin",
        "Haemoglobin",
        "Can I keep swimming?",
        "29 weeks 0 days",
    ] {
        assert!(html.contains(text), "missing {text}");
    }
    assert!(!html.contains("first flutter"));
    assert!(!html.contains("patient") && !html.contains("患者"));

    // A later start date drops the older weight; no name unless chosen.
    let recent = a
        .cradle
        .clinic_export(
            Format::Html,
            &Options {
                from: Some(date(2026, 11, 1)),
                include_name: false,
                sections: vec!["vitals".into(), "notes".into()],
            },
        )
        .unwrap();
    assert!(!recent.contains("Li &lt;Mei&gt;"));
    assert!(!recent.contains("63.0 kg"));
    assert!(recent.contains("145/95"));
    assert!(recent.contains("first flutter"));
    assert!(!recent.contains("Penicillin"));

    // In Chinese too.
    a.cradle
        .set_profile(None, "zh-Hans-CN", "Asia/Shanghai")
        .unwrap();
    let zh = a
        .cradle
        .clinic_export(Format::Html, &Options::default())
        .unwrap();
    assert!(zh.contains("产检就诊摘要") && zh.contains("29周0天"));
    assert!(!zh.contains("患者"));

    assert!(matches!(
        a.cradle.clinic_export(
            Format::Html,
            &Options {
                sections: vec!["everything".into()],
                ..Options::default()
            }
        ),
        Err(Error::Invalid {
            field: "sections",
            ..
        })
    ));
}

#[test]
fn the_babys_day_counts_since_her_local_midnight() {
    // 09:00 on 24 November in Shanghai.
    let a = app("Asia/Shanghai", "2026-11-24T01:00:00Z");
    a.date_by_lmp(date(2026, 2, 20));
    assert!(a.cradle.baby_days().unwrap().is_empty(), "no baby yet");
    a.cradle
        .record_birth(Birth {
            date: date(2026, 11, 20),
            ga_at_birth: GestationalAge::new(39, 0),
            count: 2,
        })
        .unwrap();
    let at = |t: &str| Some(t.parse::<Timestamp>().unwrap());
    let breast = |baby| Entry::Feed {
        baby,
        feed: Feed::Breast {
            side: Side::Left,
            minutes: 15,
        },
    };
    // 23:30 yesterday local: not today.
    a.cradle
        .add_entry(breast(1), at("2026-11-23T15:30:00Z"))
        .unwrap();
    a.cradle
        .add_entry(breast(1), at("2026-11-23T16:30:00Z"))
        .unwrap();
    a.cradle
        .add_entry(breast(1), at("2026-11-23T23:00:00Z"))
        .unwrap();
    a.cradle
        .add_entry(breast(2), at("2026-11-23T23:10:00Z"))
        .unwrap();
    for (wet, dirty) in [(true, false), (true, true)] {
        a.cradle
            .add_entry(
                Entry::Diaper {
                    baby: 1,
                    wet,
                    dirty,
                },
                at("2026-11-23T20:00:00Z"),
            )
            .unwrap();
    }
    a.cradle
        .add_entry(
            Entry::Sleep {
                baby: 1,
                minutes: 90,
            },
            at("2026-11-23T18:00:00Z"),
        )
        .unwrap();
    let days = a.cradle.baby_days().unwrap();
    let (first, second) = (&days[0], &days[1]);
    assert_eq!(
        (
            first.baby,
            first.feeds,
            first.wet,
            first.dirty,
            first.sleep_minutes
        ),
        (1, 2, 2, 1, 90)
    );
    assert_eq!(first.last_feed, at("2026-11-23T23:00:00Z"));
    assert_eq!(
        (second.baby, second.feeds, second.wet),
        (2, 1, 0),
        "each twin counted apart"
    );
}

#[test]
fn the_visit_screen_lists_sections_and_questions_with_its_summary() {
    let a = clinic_app();
    a.cradle
        .add_entry(
            Entry::Question {
                text: "Is my blood pressure a worry?".to_owned(),
            },
            None,
        )
        .unwrap();
    let visit = a.cradle.clinic_visit(&Options::default()).unwrap();
    assert!(visit.html.contains("Is my blood pressure a worry?"));
    let asked = |q: &cradle_core::records::journal::JournalEntry| matches!(&q.entry, Entry::Question { text } if text == "Is my blood pressure a worry?");
    assert!(visit.questions.last().is_some_and(asked), "oldest first");
    let questions = visit.questions.len();
    let notes = visit.sections.iter().find(|s| s.code == "notes").unwrap();
    assert!(
        !notes.included,
        "the private diary is shared only when asked for"
    );
    assert!(
        visit
            .sections
            .iter()
            .filter(|s| s.code != "notes")
            .all(|s| s.included)
    );
    assert_eq!(
        visit
            .sections
            .iter()
            .find(|s| s.code == "vitals")
            .unwrap()
            .label,
        "Recent measurements"
    );

    let vitals_only = Options {
        sections: vec!["vitals".to_owned()],
        ..Options::default()
    };
    let visit = a.cradle.clinic_visit(&vitals_only).unwrap();
    assert!(!visit.html.contains("Is my blood pressure a worry?"));
    assert_eq!(visit.sections.iter().filter(|s| s.included).count(), 1);
    assert_eq!(
        visit.questions.len(),
        questions,
        "her list stays whatever she shares"
    );
    let bad = Options {
        sections: vec!["diary".to_owned()],
        ..Options::default()
    };
    assert!(matches!(
        a.cradle.clinic_visit(&bad),
        Err(Error::Invalid {
            field: "sections",
            ..
        })
    ));
}

#[test]
fn the_fhir_bundle_is_coded_with_loinc_and_ucum() {
    let a = clinic_app();
    let fhir = || {
        let json = a
            .cradle
            .clinic_export(Format::Fhir, &Options::default())
            .unwrap();
        let bundle: serde_json::Value = serde_json::from_str(&json).unwrap();
        (json, bundle)
    };
    let (_, pregnant) = fhir();
    twins(&a);
    a.cradle.set_baby_sex(1, Sex::Male).unwrap();
    a.cradle
        .add_entry(every_kind().pop().unwrap(), None)
        .unwrap();
    a.cradle
        .record_vaccine(
            "HepB",
            1,
            date(2026, 10, 1),
            Some("HB2026-10"),
            Some("和睦家医院"),
        )
        .unwrap();
    let (json, bundle) = fhir();
    assert_eq!(bundle["resourceType"], "Bundle");
    assert_eq!(bundle["type"], "collection");
    let resources: Vec<&serde_json::Value> = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .collect();
    let count = |t: &str| resources.iter().filter(|r| r["resourceType"] == t).count();
    assert_eq!(count("Patient"), 3, "the mother and twins");
    assert_eq!(count("MedicationStatement"), 1);
    let of = |t: &str| *resources.iter().find(|r| r["resourceType"] == t).unwrap();
    assert_eq!(
        of("MedicationStatement")["status"],
        "active",
        "what she is taking"
    );
    assert_eq!(of("Immunization")["lotNumber"], "HB2026-10");
    assert_eq!(of("Immunization")["note"][0]["text"], "和睦家医院");
    assert_eq!(count("AllergyIntolerance"), 1);
    assert_eq!(count("Immunization"), 2, "the birth's dose, on each twin");
    assert_eq!(
        count("Flag"),
        0,
        "a blood pressure from the pregnancy is no advice for a baby's mother"
    );
    let flags_then = pregnant["entry"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["resource"]["resourceType"] == "Flag")
        .count();
    assert!(flags_then >= 1);
    let in_bundle = |b: &serde_json::Value, code: &str| {
        b["entry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["resource"].clone())
            .find(|r| r["code"]["coding"][0]["code"] == code)
            .unwrap_or_else(|| panic!("no {code}"))
    };
    let loinc = |code: &str| in_bundle(&bundle, code);
    // Dating is there while the pregnancy is ongoing.
    assert_eq!(
        in_bundle(&pregnant, "11778-8")["valueDateTime"],
        "2027-02-08"
    );
    assert_eq!(
        in_bundle(&pregnant, "49051-6")["valueQuantity"]["code"],
        "wk"
    );
    assert_eq!(
        in_bundle(&pregnant, "49051-6")["valueQuantity"]["value"],
        29.0
    );
    let bp = loinc("85354-9");
    assert_eq!(bp["component"][0]["valueQuantity"]["code"], "mm[Hg]");
    assert_eq!(bp["component"][0]["valueQuantity"]["value"], 145.0);
    assert_eq!(bp["effectiveDateTime"], "2026-11-20T10:00:00+08:00");
    assert_eq!(loinc("8867-4")["valueQuantity"]["code"], "/min");
    assert_eq!(
        loinc("29463-7")["valueQuantity"]["system"],
        "http://unitsofmeasure.org"
    );
    assert_eq!(loinc("9843-4")["valueQuantity"]["value"], 37.0);
    // Every reference points inside the Bundle.
    let urls: Vec<&str> = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["fullUrl"].as_str().unwrap())
        .collect();
    for r in &resources {
        for key in ["subject", "patient"] {
            if let Some(reference) = r[key]["reference"].as_str() {
                assert!(urls.contains(&reference));
            }
        }
    }
    // Questions and the diary stay out of the clinical Bundle.
    assert!(!json.contains("swimming") && !json.contains("flutter"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any temperature is either refused by name or stored exactly as
    /// rounded, flagged when outside 35.5–37.9 °C.
    #[test]
    fn temperatures_are_refused_or_kept(celsius in 25.0f64..50.0) {
        let r = Entry::Temperature { baby: 1, celsius }.validate();
        if (30.0..=45.0).contains(&celsius) {
            let (e, unusual) = r.unwrap();
            let Entry::Temperature { celsius: kept, .. } = e else { unreachable!() };
            prop_assert!((kept - celsius).abs() <= 0.05 + 1e-9);
            prop_assert_eq!(unusual, !(35.5..=37.9).contains(&celsius));
        } else {
            let refused = matches!(r, Err(Error::Invalid { field: "celsius", .. }));
            prop_assert!(refused);
        }
    }
}
