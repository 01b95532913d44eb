//! Journal entries, trends and the clinic-visit export over a real
//! encrypted SQLite file.

mod common;

use common::app;
use cradle_core::Error;
use cradle_core::clinic::{Format, Options};
use cradle_core::records::gain::Baseline;
use cradle_core::records::growth::Indicator;
use cradle_core::records::journal::{Entry, Feed, Filter, Milk, Side};
use cradle_core::records::{GlucoseContext, GlucoseUnit, Measurement, WeightUnit};
use cradle_core::reminders::DoseGiven;
use cradle_core::timeline::baby::Sex;
use cradle_core::timeline::baby::{Birth, BirthFacts};
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
        .timeline()
        .record_birth(
            Birth {
                date: date(2026, 10, 1),
                ga_at_birth: GestationalAge::new(39, 0),
                count: 2,
            },
            &BirthFacts::default(),
        )
        .unwrap();
}

#[test]
fn every_entry_kind_round_trips_and_deletes_leave_a_tombstone() {
    let a = app("Asia/Shanghai", "2026-11-23T04:00:00Z");
    twins(&a);
    let mut ids = Vec::new();
    for e in every_kind() {
        ids.push(a.cradle.records().add_entry(e, None).unwrap());
    }
    let listed = a.cradle.records().entries(&Filter::default()).unwrap();
    assert_eq!(
        listed.iter().map(|e| e.entry.clone()).collect::<Vec<_>>(),
        every_kind()
    );
    // The lab below its range is kept and flagged.
    assert!(listed[2].unusual);
    // Filter by kind.
    let feeds = a
        .cradle
        .records()
        .entries(&Filter {
            kinds: vec!["feed".into()],
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(feeds.len(), 3);
    // Edit keeps the kind; delete leaves a tombstone without the content.
    let at: Timestamp = "2026-11-23T03:00:00Z".parse().unwrap();
    a.cradle
        .records()
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
            .records()
            .update_entry(ids[4], Entry::Question { text: "x".into() }, at),
        Err(Error::Invalid { field: "kind", .. })
    ));
    a.cradle.records().delete_entry(ids[4]).unwrap();
    assert!(matches!(
        a.cradle.records().delete_entry(ids[4]),
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
    let refused = |e: Entry| match a.cradle.records().add_entry(e, None) {
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
            .records()
            .add_entry(Entry::Note { text: "x".into() }, Some(future)),
        Err(Error::Invalid { field: "at", .. })
    ));
    assert!(
        a.cradle
            .records()
            .entries(&Filter::default())
            .unwrap()
            .is_empty()
    );
    assert!(matches!(
        a.cradle.records().entries(&Filter {
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
        .records()
        .set_baseline(Some(Baseline::new(160.0, 55.0).unwrap()))
        .unwrap();
    let at = |s: &str| Some(s.parse::<Timestamp>().unwrap());
    // Two readings on the same Shanghai day (one before UTC midnight, one after).
    for (kg, when) in [
        (60.0, "2026-11-21T16:30:00Z"),
        (61.0, "2026-11-22T01:00:00Z"),
    ] {
        a.cradle
            .records()
            .record(Measurement::weight(kg, WeightUnit::Kg).unwrap(), at(when))
            .unwrap();
    }
    for (s, d, when) in [
        (120, 80, "2026-11-22T01:00:00Z"),
        (142, 92, "2026-11-22T09:00:00Z"),
    ] {
        a.cradle
            .records()
            .record(Measurement::blood_pressure(s, d, None).unwrap(), at(when))
            .unwrap();
    }
    a.cradle
        .records()
        .record(
            Measurement::glucose(5.3, GlucoseUnit::MmolPerL, GlucoseContext::Fasting).unwrap(),
            at("2026-11-22T00:00:00Z"),
        )
        .unwrap();
    let t = a.cradle.records().trends(None, None).unwrap();
    assert_eq!(t.weight.len(), 1);
    assert_eq!(t.weight[0].day, date(2026, 11, 22));
    assert_eq!(t.weight[0].kg, 60.5);
    assert_eq!(t.weight[0].ga_days, Some(19 * 7 + 6));
    // The Records screen's weight-only call gives the same chart.
    let chart = a.cradle.records().weight_chart().unwrap();
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
        .records()
        .trends(Some(date(2026, 11, 23)), Some(date(2026, 11, 23)))
        .unwrap();
    assert!(later.weight.is_empty() && later.blood_pressure.is_empty());
    assert!(matches!(
        a.cradle
            .records()
            .trends(Some(date(2026, 11, 23)), Some(date(2026, 11, 1))),
        Err(Error::Invalid { field: "from", .. })
    ));
}

#[test]
fn weight_gain_outside_the_band_is_mentioned_gently() {
    let a = app("Asia/Shanghai", "2026-11-23T12:00:00Z");
    a.date_by_lmp(date(2026, 5, 4)); // 29 weeks
    a.cradle
        .records()
        .set_baseline(Some(Baseline::new(160.0, 55.0).unwrap()))
        .unwrap();
    a.cradle
        .records()
        .record(Measurement::weight(58.0, WeightUnit::Kg).unwrap(), None)
        .unwrap();
    let insights = a.cradle.records().insights().unwrap();
    assert_eq!(insights[0].code, "weight_gain_below");
    assert!(insights[0].message.contains("not a diagnosis"));
    // Without the baseline there is no band, so nothing is said.
    a.cradle.records().set_baseline(None).unwrap();
    assert!(a.cradle.records().insights().unwrap().is_empty());
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
    a.cradle.timeline().set_baby_sex(1, Sex::Female).unwrap();
    assert!(matches!(
        a.cradle.timeline().set_baby_sex(3, Sex::Male),
        Err(Error::Invalid { field: "baby", .. })
    ));
    a.cradle
        .records()
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
    let t = a.cradle.records().trends(None, None).unwrap();
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
        .records()
        .clinic_export(Format::Html, &Options::default())
        .unwrap();
    assert!(html.contains("3.23 kg (P50)"), "{html}");
    // Above P97 is marked, and a percentile reads as a whole number.
    assert!(
        html.contains("<span class=\"unusual\">52.9 cm (P98) (unusual)</span>"),
        "{html}"
    );
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
        .records()
        .record(
            Measurement::blood_pressure(145, 95, Some(88)).unwrap(),
            Some("2026-11-20T02:00:00Z".parse().unwrap()),
        )
        .unwrap();
    a.cradle
        .records()
        .record(
            Measurement::weight(63.0, WeightUnit::Kg).unwrap(),
            Some("2026-10-01T02:00:00Z".parse().unwrap()),
        )
        .unwrap();
    for e in every_kind().into_iter().take(6) {
        a.cradle.records().add_entry(e, None).unwrap();
    }
    a
}

#[test]
fn the_clinic_summary_holds_what_the_user_chose() {
    let a = clinic_app();
    let html = a
        .cradle
        .records()
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
        .records()
        .clinic_export(
            Format::Html,
            &Options {
                from: Some(date(2026, 11, 1)),
                sections: vec!["vitals".into(), "notes".into()],
                ..Options::default()
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
        .records()
        .clinic_export(Format::Html, &Options::default())
        .unwrap();
    assert!(zh.contains("产检就诊摘要") && zh.contains("29周0天"));
    assert!(!zh.contains("患者"));

    assert!(matches!(
        a.cradle.records().clinic_export(
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
    assert!(
        a.cradle.records().baby_days().unwrap().is_empty(),
        "no baby yet"
    );
    a.cradle
        .timeline()
        .record_birth(
            Birth {
                date: date(2026, 11, 20),
                ga_at_birth: GestationalAge::new(39, 0),
                count: 2,
            },
            &BirthFacts::default(),
        )
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
        .records()
        .add_entry(breast(1), at("2026-11-23T15:30:00Z"))
        .unwrap();
    a.cradle
        .records()
        .add_entry(breast(1), at("2026-11-23T16:30:00Z"))
        .unwrap();
    a.cradle
        .records()
        .add_entry(breast(1), at("2026-11-23T23:00:00Z"))
        .unwrap();
    a.cradle
        .records()
        .add_entry(breast(2), at("2026-11-23T23:10:00Z"))
        .unwrap();
    for (wet, dirty) in [(true, false), (true, true)] {
        a.cradle
            .records()
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
        .records()
        .add_entry(
            Entry::Sleep {
                baby: 1,
                minutes: 90,
            },
            at("2026-11-23T18:00:00Z"),
        )
        .unwrap();
    let days = a.cradle.records().baby_days().unwrap();
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
        .records()
        .add_entry(
            Entry::Question {
                text: "Is my blood pressure a worry?".to_owned(),
            },
            None,
        )
        .unwrap();
    let visit = a
        .cradle
        .records()
        .clinic_visit(&Options::default())
        .unwrap();
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
    let visit = a.cradle.records().clinic_visit(&vitals_only).unwrap();
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
        a.cradle.records().clinic_visit(&bad),
        Err(Error::Invalid {
            field: "sections",
            ..
        })
    ));
}

fn bundle_of(a: &common::App) -> serde_json::Value {
    let json = a
        .cradle
        .records()
        .clinic_export(Format::Fhir, &Options::default())
        .unwrap();
    serde_json::from_str(&json).unwrap()
}

fn resources(bundle: &serde_json::Value) -> Vec<serde_json::Value> {
    bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["resource"].clone())
        .collect()
}

/// The resource whose first coding is `code`.
fn coded(bundle: &serde_json::Value, code: &str) -> serde_json::Value {
    resources(bundle)
        .into_iter()
        .find(|r| r["code"]["coding"][0]["code"] == code)
        .unwrap_or_else(|| panic!("no {code}"))
}

/// Every `reference` anywhere in the Bundle resolves to one of its entries.
fn assert_references_resolve(bundle: &serde_json::Value) {
    let urls: Vec<String> = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["fullUrl"].as_str().unwrap().to_owned())
        .collect();
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(o) => {
                if let Some(r) = o.get("reference").and_then(|r| r.as_str()) {
                    out.push(r.to_owned());
                }
                o.values().for_each(|x| walk(x, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut refs = Vec::new();
    walk(bundle, &mut refs);
    assert!(refs.len() > 10);
    for r in refs {
        assert!(urls.contains(&r), "{r} is not in the Bundle");
    }
}

#[test]
fn the_fhir_export_is_an_ips_shaped_document() {
    let a = clinic_app();
    a.cradle
        .records()
        .record(
            Measurement::glucose(9.5, GlucoseUnit::MmolPerL, GlucoseContext::OneHour).unwrap(),
            Some("2026-11-22T04:00:00Z".parse().unwrap()),
        )
        .unwrap();
    a.cradle
        .records()
        .note_symptom(
            "headache",
            cradle_core::records::symptoms::Severity::Severe,
            None,
        )
        .unwrap();
    let bundle = bundle_of(&a);
    assert_eq!(bundle["type"], "document");
    assert!(
        bundle["identifier"]["value"]
            .as_str()
            .unwrap()
            .starts_with("urn:uuid:")
    );
    assert!(bundle["timestamp"].as_str().unwrap().ends_with("+08:00"));
    let all = resources(&bundle);
    let composition = &all[0];
    assert_eq!(
        composition["resourceType"], "Composition",
        "the Composition comes first"
    );
    assert_eq!(composition["type"]["coding"][0]["code"], "60591-5");
    assert_eq!(composition["status"], "final");
    assert!(composition["identifier"]["value"].is_string());
    assert!(composition["date"].is_string());
    let mother = bundle["entry"][1]["fullUrl"].as_str().unwrap();
    assert_eq!(all[1]["resourceType"], "Patient");
    assert_eq!(composition["subject"]["reference"], mother);
    let authors: Vec<&str> = composition["author"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reference"].as_str().unwrap())
        .collect();
    assert!(authors.contains(&mother), "she wrote it");
    assert!(
        all.iter().any(|r| r["resourceType"] == "Device"),
        "on her device"
    );
    assert_eq!(composition["title"], "Summary for my prenatal visit");
    let sections = composition["section"].as_array().unwrap();
    let codes: Vec<&str> = sections
        .iter()
        .map(|s| s["code"]["coding"][0]["code"].as_str().unwrap())
        .collect();
    for code in [
        "11450-4", "10160-0", "48765-2", "8716-3", "30954-2", "10162-6",
    ] {
        assert!(codes.contains(&code), "section {code} in {codes:?}");
    }
    for section in sections {
        let div = section["text"]["div"].as_str().unwrap();
        assert!(
            div.starts_with("<div xmlns=\"http://www.w3.org/1999/xhtml\">"),
            "{div}"
        );
        assert!(section["entry"].is_array() != section["emptyReason"].is_object());
    }
    let section = |code: &str| {
        sections
            .iter()
            .find(|s| s["code"]["coding"][0]["code"] == code)
            .unwrap()
    };
    assert!(
        section("48765-2")["text"]["div"]
            .as_str()
            .unwrap()
            .contains("Penicillin")
    );

    // Pregnancy: status, EDD by its method, GA in days with weeks+days, the LMP.
    assert_eq!(
        coded(&bundle, "82810-3")["valueCodeableConcept"]["coding"][0]["code"],
        "LA15173-0"
    );
    let edd = coded(&bundle, "11779-6");
    assert_eq!(edd["valueDateTime"], "2027-02-08");
    assert_eq!(edd["method"]["text"], "last menstrual period");
    let ga = coded(&bundle, "11884-4");
    assert_eq!(ga["valueQuantity"]["code"], "d");
    assert_eq!(ga["valueQuantity"]["value"], 203.0);
    assert_eq!(ga["note"][0]["text"], "29w0d");
    let text = bundle.to_string();
    assert!(
        !text.contains("49051-6") && !text.contains("\"wk\""),
        "never decimal weeks"
    );
    assert_eq!(coded(&bundle, "8665-2")["valueDateTime"], "2026-05-04");
    assert!(
        section("10162-6")["text"]["div"]
            .as_str()
            .unwrap()
            .contains("29w0d")
    );

    // Vital signs declare their R4 profiles.
    let bp = coded(&bundle, "85354-9");
    assert_eq!(
        bp["meta"]["profile"][0],
        "http://hl7.org/fhir/StructureDefinition/bp"
    );
    assert_eq!(bp["component"][0]["valueQuantity"]["code"], "mm[Hg]");
    assert_eq!(bp["effectiveDateTime"], "2026-11-20T10:00:00+08:00");
    assert_eq!(
        coded(&bundle, "8867-4")["meta"]["profile"][0],
        "http://hl7.org/fhir/StructureDefinition/heartrate"
    );
    assert_eq!(
        coded(&bundle, "29463-7")["meta"]["profile"][0],
        "http://hl7.org/fhir/StructureDefinition/bodyweight"
    );

    // Glucose carries its context coded, and its interpretation.
    let glucose = coded(&bundle, "14770-2");
    assert_eq!(
        glucose["component"][0]["valueCodeableConcept"]["coding"][0]["code"],
        "1h-after-meal"
    );
    assert_eq!(
        glucose["interpretation"][0]["coding"][0]["code"], "H",
        "9.5 is above 7.8"
    );
    // A lab in UCUM, below its range.
    let hb = all
        .iter()
        .find(|r| r["code"]["text"] == "Haemoglobin")
        .unwrap();
    assert_eq!(hb["valueQuantity"]["system"], "http://unitsofmeasure.org");
    assert_eq!(hb["valueQuantity"]["code"], "g/L");
    assert_eq!(hb["interpretation"][0]["coding"][0]["code"], "L");
    // The symptom is a problem she reports, coded with its severity.
    let headache = coded(&bundle, "25064002");
    assert_eq!(headache["resourceType"], "Condition");
    assert_eq!(headache["severity"]["coding"][0]["code"], "24484000");
    assert_eq!(
        headache["verificationStatus"]["coding"][0]["code"],
        "unconfirmed"
    );
    // Her advice is an alert; her birth date is never asked for.
    assert!(codes.contains(&"104605-1"), "the alerts section");
    assert_eq!(
        all[1]["_birthDate"]["extension"][0]["valueCode"],
        "not-asked"
    );
    // Medications are what she takes now.
    let med = all
        .iter()
        .find(|r| r["resourceType"] == "MedicationStatement")
        .unwrap();
    assert_eq!(med["status"], "active");
    // Each flag has a category, a period and the reading that raised it.
    let flags: Vec<&serde_json::Value> =
        all.iter().filter(|r| r["resourceType"] == "Flag").collect();
    assert!(flags.len() >= 2, "blood pressure and glucose");
    let bp_url = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["resource"]["code"]["coding"][0]["code"] == "85354-9")
        .unwrap()["fullUrl"]
        .clone();
    for f in &flags {
        assert_eq!(f["category"][0]["coding"][0]["code"], "clinical");
        assert!(f["period"]["start"].is_string());
    }
    assert!(
        flags
            .iter()
            .any(|f| f["extension"][0]["valueReference"]["reference"] == bp_url),
        "the blood-pressure flag points at the reading"
    );
    assert_references_resolve(&bundle);
    // Questions and the diary stay out of the clinical document.
    assert!(!text.contains("swimming") && !text.contains("flutter"));
}

#[test]
fn each_twin_is_a_patient_linked_to_the_mother_with_its_own_doses() {
    let a = clinic_app();
    twins(&a);
    a.cradle.timeline().set_baby_sex(1, Sex::Male).unwrap();
    a.cradle
        .records()
        .add_entry(every_kind().pop().unwrap(), None)
        .unwrap();
    a.cradle
        .reminders()
        .record_vaccine(&DoseGiven {
            baby: 2,
            code: "HepB",
            dose: 1,
            given_on: date(2026, 10, 1),
            lot: Some("HB2026-10"),
            place: Some("和睦家医院"),
        })
        .unwrap();
    let bundle = bundle_of(&a);
    let all = resources(&bundle);
    let entries = bundle["entry"].as_array().unwrap();
    assert_eq!(all[0]["title"], "Summary for my baby's visit");
    let patients: Vec<&serde_json::Value> = entries
        .iter()
        .filter(|e| e["resource"]["resourceType"] == "Patient")
        .collect();
    assert_eq!(patients.len(), 3, "the mother and twins");
    let twin = |n: u64| {
        patients
            .iter()
            .find(|p| p["resource"]["multipleBirthInteger"] == n)
            .unwrap()["fullUrl"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let related: Vec<&serde_json::Value> = all
        .iter()
        .filter(|r| r["resourceType"] == "RelatedPerson")
        .collect();
    assert_eq!(related.len(), 2);
    for r in &related {
        assert_eq!(r["relationship"][0]["coding"][0]["code"], "MTH");
    }
    assert_eq!(
        all[1]["link"].as_array().unwrap().len(),
        2,
        "the mother points to both"
    );
    let doses: Vec<&serde_json::Value> = all
        .iter()
        .filter(|r| r["resourceType"] == "Immunization")
        .collect();
    assert_eq!(doses.len(), 1, "the dose is the second twin's alone");
    assert_eq!(doses[0]["patient"]["reference"], twin(2).as_str());
    assert_eq!(
        doses[0]["vaccineCode"]["coding"][0]["system"],
        "http://hl7.org/fhir/sid/cvx"
    );
    assert_eq!(doses[0]["vaccineCode"]["coding"][0]["code"], "08");
    assert_eq!(doses[0]["lotNumber"], "HB2026-10");
    assert_eq!(doses[0]["note"][0]["text"], "和睦家医院");
    let at_birth = coded(&bundle, "76516-4");
    assert_eq!(at_birth["valueQuantity"]["value"], 273.0);
    assert_eq!(at_birth["note"][0]["text"], "39w0d");
    assert_eq!(coded(&bundle, "9843-4")["valueQuantity"]["value"], 37.0);
    assert!(
        all.iter().all(|r| r["resourceType"] != "Flag"),
        "a blood pressure from the pregnancy is no advice for a baby's mother"
    );
    let sections = all[0]["section"].as_array().unwrap();
    assert!(
        sections
            .iter()
            .any(|s| s["code"]["coding"][0]["code"] == "11369-6")
    );
    // After the birth, the pregnancy history holds its outcome, not a due date.
    let history = sections
        .iter()
        .find(|s| s["code"]["coding"][0]["code"] == "10162-6")
        .unwrap();
    assert_eq!(
        history["entry"].as_array().unwrap().len(),
        2,
        "GA at birth of each twin"
    );
    assert!(
        !bundle.to_string().contains("82810-3"),
        "no pregnancy status after the birth"
    );
    assert!(
        sections
            .iter()
            .all(|s| s["code"]["coding"][0]["code"].is_string()),
        "every section is coded, as IPS asks"
    );
    assert_references_resolve(&bundle);
}

#[test]
fn no_known_allergies_is_her_statement_and_an_allergy_ends_it() {
    let a = app("Asia/Shanghai", "2026-11-23T04:00:00Z");
    a.date_by_lmp(date(2026, 5, 4));
    let allergies = |a: &common::App| {
        let b = bundle_of(a);
        let s = b["entry"][0]["resource"]["section"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["code"]["coding"][0]["code"] == "48765-2")
            .unwrap()
            .clone();
        (b, s)
    };
    let (_, never_said) = allergies(&a);
    assert_eq!(never_said["emptyReason"]["coding"][0]["code"], "notasked");
    a.cradle
        .records()
        .add_entry(Entry::NoKnownAllergies, None)
        .unwrap();
    let refused = a.cradle.records().add_entry(Entry::NoKnownAllergies, None);
    assert!(
        matches!(refused, Err(Error::Invalid { field: "kind", .. })),
        "{refused:?}"
    );
    let (b, said) = allergies(&a);
    assert!(said["emptyReason"].is_null());
    assert_eq!(
        coded(&b, "716186003")["resourceType"],
        "AllergyIntolerance",
        "SNOMED CT: no known allergy"
    );
    let html = a
        .cradle
        .records()
        .clinic_export(Format::Html, &Options::default())
        .unwrap();
    assert!(html.contains("No known allergies"));
    a.cradle
        .records()
        .add_entry(
            Entry::Allergy {
                substance: "Latex".into(),
                reaction: None,
            },
            None,
        )
        .unwrap();
    let (b, listed) = allergies(&a);
    assert_eq!(listed["entry"].as_array().unwrap().len(), 1);
    assert!(
        !b.to_string().contains("716186003"),
        "the allergy ends the statement"
    );
    let refused = a.cradle.records().add_entry(Entry::NoKnownAllergies, None);
    assert!(matches!(refused, Err(Error::Invalid { field: "kind", .. })));
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

#[test]
fn the_baby_section_shows_each_twin_with_its_birth_facts_temperatures_and_percentiles() {
    let a = app("Asia/Shanghai", "2026-11-23T04:00:00Z");
    a.cradle
        .timeline()
        .record_birth(
            Birth {
                date: date(2026, 10, 1),
                ga_at_birth: GestationalAge::new(36, 2),
                count: 2,
            },
            &BirthFacts {
                birth_weights_g: vec![2450, 1890],
                mother_hbsag: Some(cradle_core::timeline::baby::HbsAg::Negative),
            },
        )
        .unwrap();
    a.cradle.timeline().set_baby_sex(2, Sex::Female).unwrap();
    for (baby, grams) in [(1, 3000), (2, 1950)] {
        a.cradle
            .records()
            .add_entry(
                Entry::Growth {
                    baby,
                    weight_grams: Some(grams),
                    length_mm: None,
                    head_mm: None,
                },
                None,
            )
            .unwrap();
    }
    a.cradle
        .records()
        .add_entry(
            Entry::Temperature {
                baby: 2,
                celsius: 38.2,
            },
            None,
        )
        .unwrap();
    let html = a
        .cradle
        .records()
        .clinic_export(Format::Html, &Options::default())
        .unwrap();
    assert!(html.contains("Summary for my baby&#39;s visit"), "{html}");
    assert!(html.contains("Born 2026-10-01 at 36 weeks 2 days"));
    assert!(html.contains("Age: 1m 22d"), "{html}");
    assert!(html.contains("Corrected age: 0m"));
    assert!(html.contains("Mother&#39;s HBsAg: negative"));
    assert!(html.contains("Baby 1 · Sex: not recorded · Birth weight: 2450 g"));
    assert!(html.contains("Baby 2 · Sex: girl · Birth weight: 1890 g"));
    // The small twin is far below P3: marked, and never "P0".
    assert!(!html.contains("(P0)"));
    assert!(
        html.contains("<span class=\"unusual\">1.95 kg (&lt;P1) (unusual)</span>"),
        "{html}"
    );
    assert!(html.contains("Percentiles appear once the baby&#39;s sex is recorded"));
    assert!(
        html.contains("38.2 °C (unusual)"),
        "a fever is marked: {html}"
    );
}
