//! The same summary as an HL7 FHIR R4 Bundle (type `collection`).
//!
//! Codes: LOINC for observations, UCUM for units, per HL7 FHIR R4
//! and the LOINC table. Vital signs follow the R4 vital-signs profile
//! (category, LOINC code, UCUM quantity). Questions for the doctor and the
//! diary stay in the HTML summary: they are notes, not clinical data.
//!
//! This material contains content from LOINC (http://loinc.org). LOINC is
//! copyright © Regenstrief Institute, Inc. and the LOINC Committee and is
//! available at no cost under the license at http://loinc.org/license.

use super::Summary;
use crate::records::journal::Entry;
use crate::records::{Measurement, Record};
use crate::timeline::content::{symptom_label, vaccine_name};
use serde_json::{Value, json};
use std::sync::atomic::{AtomicU64, Ordering};

const LOINC: &str = "http://loinc.org";
const UCUM: &str = "http://unitsofmeasure.org";
const CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";

/// A random (version 4) UUID, for `urn:uuid:` references inside the Bundle.
fn uuid() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut b = [0u8; 16];
    // getrandom fails only without an OS entropy source; the counter keeps
    // ids distinct inside the Bundle even then.
    let _ = getrandom::fill(&mut b);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed).to_be_bytes();
    for (x, c) in b[8..].iter_mut().zip(n) {
        *x ^= c;
    }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

fn loinc(code: &str, display: &str) -> Value {
    json!({ "coding": [{ "system": LOINC, "code": code, "display": display }], "text": display })
}

fn category(code: &str) -> Value {
    json!([{ "coding": [{ "system": CATEGORY, "code": code }] }])
}

fn quantity(value: f64, unit: &str) -> Value {
    json!({ "value": value, "unit": unit, "system": UCUM, "code": unit })
}

fn round(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (v * f).round() / f
}

struct Bundle {
    entries: Vec<Value>,
}

impl Bundle {
    /// Adds `resource` and returns its `urn:uuid:` reference.
    fn add(&mut self, resource: Value) -> String {
        let url = format!("urn:uuid:{}", uuid());
        self.entries
            .push(json!({ "fullUrl": url, "resource": resource }));
        url
    }

    fn observation(
        &mut self,
        subject: &str,
        when: &str,
        category_code: Option<&str>,
        code: Value,
        rest: Value,
    ) {
        let mut obs = json!({
            "resourceType": "Observation",
            "status": "final",
            "code": code,
            "subject": { "reference": subject },
            "effectiveDateTime": when,
        });
        if let Some(c) = category_code {
            obs["category"] = category(c);
        }
        if let (Value::Object(o), Value::Object(r)) = (&mut obs, rest) {
            o.extend(r);
        }
        self.add(obs);
    }
}

fn reading(b: &mut Bundle, s: &Summary, mother: &str, r: &Record) {
    let when = s.date_time(r.taken_at);
    match r.measurement {
        Measurement::Weight { grams } => b.observation(
            mother,
            &when,
            Some("vital-signs"),
            loinc("29463-7", "Body weight"),
            json!({ "valueQuantity": quantity(f64::from(grams) / 1000.0, "kg") }),
        ),
        Measurement::BloodPressure {
            systolic,
            diastolic,
            pulse,
        } => {
            b.observation(
                mother,
                &when,
                Some("vital-signs"),
                loinc("85354-9", "Blood pressure panel with all children optional"),
                json!({ "component": [
                    { "code": loinc("8480-6", "Systolic blood pressure"),
                      "valueQuantity": quantity(f64::from(systolic), "mm[Hg]") },
                    { "code": loinc("8462-4", "Diastolic blood pressure"),
                      "valueQuantity": quantity(f64::from(diastolic), "mm[Hg]") },
                ]}),
            );
            if let Some(p) = pulse {
                b.observation(
                    mother,
                    &when,
                    Some("vital-signs"),
                    loinc("8867-4", "Heart rate"),
                    json!({ "valueQuantity": quantity(f64::from(p), "/min") }),
                );
            }
        }
        Measurement::Glucose { cmmol, context } => {
            let mut code = loinc(
                "14770-2",
                "Glucose [Moles/volume] in Capillary blood by Glucometer",
            );
            code["text"] = json!(format!("Glucose, capillary ({})", context.code()));
            b.observation(
                mother,
                &when,
                Some("laboratory"),
                code,
                json!({ "valueQuantity": quantity(f64::from(cmmol) / 100.0, "mmol/L") }),
            );
        }
    }
}

pub(super) fn render(s: &Summary) -> String {
    let mut b = Bundle {
        entries: Vec::new(),
    };
    let mut patient = json!({
        "resourceType": "Patient",
        "gender": "female",
        "communication": [{ "language": { "coding": [{ "system": "urn:ietf:bcp:47", "code": s.language.code() }] } }],
    });
    if let Some(name) = &s.name {
        patient["name"] = json!([{ "text": name }]);
    }
    let mother = b.add(patient);
    let today = s.date_time(s.now);

    if s.shows("pregnancy")
        && let Some(p) = &s.pregnancy
    {
        b.observation(
            &mother,
            &today,
            None,
            loinc("82810-3", "Pregnancy status"),
            json!({ "valueCodeableConcept": {
                "coding": [{ "system": LOINC, "code": "LA15173-0", "display": "Pregnant" }] } }),
        );
        b.observation(
            &mother,
            &today,
            None,
            loinc("11778-8", "Delivery date Estimated"),
            json!({ "valueDateTime": p.edd.to_string(),
                    "method": { "text": p.method.code() } }),
        );
        b.observation(
            &mother,
            &today,
            None,
            loinc("49051-6", "Gestational age in weeks"),
            json!({ "valueQuantity": quantity(round(p.ga.total_days as f64 / 7.0, 1), "wk") }),
        );
    }
    if s.shows("vitals") {
        for r in &s.readings {
            reading(&mut b, s, &mother, r);
        }
    }
    if s.shows("flags") {
        for f in &s.flags {
            b.add(json!({
                "resourceType": "Flag",
                "status": "active",
                "code": { "text": f.message },
                "subject": { "reference": mother },
            }));
        }
    }
    if s.shows("symptoms") {
        for x in &s.symptoms {
            b.observation(
                &mother,
                &s.date_time(x.noted_at),
                Some("survey"),
                json!({ "text": symptom_label(s.language, x.code) }),
                json!({ "valueCodeableConcept": { "text": x.severity.code() } }),
            );
        }
    }
    for e in &s.entries {
        let when = s.date_time(e.at);
        match &e.entry {
            Entry::Medication { name, dose, .. } if s.shows("medications") => {
                // What she lists is what she is taking now.
                let mut m = json!({
                    "resourceType": "MedicationStatement",
                    "status": "active",
                    "medicationCodeableConcept": { "text": name },
                    "subject": { "reference": mother },
                    "effectiveDateTime": when,
                });
                if let Some(d) = dose {
                    m["dosage"] = json!([{ "text": d }]);
                }
                b.add(m);
            }
            Entry::Allergy {
                substance,
                reaction,
            } if s.shows("allergies") => {
                let mut a = json!({
                    "resourceType": "AllergyIntolerance",
                    "clinicalStatus": { "coding": [{
                        "system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                        "code": "active" }] },
                    "verificationStatus": { "coding": [{
                        "system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
                        "code": "unconfirmed" }] },
                    "code": { "text": substance },
                    "patient": { "reference": mother },
                    "recordedDate": when,
                });
                if let Some(r) = reaction {
                    a["reaction"] = json!([{ "manifestation": [{ "text": r }] }]);
                }
                b.add(a);
            }
            Entry::Lab {
                name,
                value,
                unit,
                low,
                high,
            } if s.shows("labs") => {
                let q = |v: f64| json!({ "value": v, "unit": unit });
                let mut rest = json!({ "valueQuantity": q(*value) });
                if low.is_some() || high.is_some() {
                    let mut range = json!({});
                    if let Some(l) = low {
                        range["low"] = q(*l);
                    }
                    if let Some(h) = high {
                        range["high"] = q(*h);
                    }
                    rest["referenceRange"] = json!([range]);
                }
                b.observation(
                    &mother,
                    &when,
                    Some("laboratory"),
                    json!({ "text": name }),
                    rest,
                );
            }
            Entry::Ultrasound {
                crl_mm,
                bpd_mm,
                hc_mm,
                ac_mm,
                fl_mm,
                efw_grams,
            } if s.shows("ultrasound") => {
                // Fetal biometry LOINC codes [M]: check against LOINC before relying on them.
                let mm = [
                    (crl_mm, "11957-8", "Fetal Crown Rump length US"),
                    (bpd_mm, "11820-8", "Fetal Biparietal diameter US"),
                    (hc_mm, "11984-2", "Fetal Head Circumference US"),
                    (ac_mm, "11979-2", "Fetal Abdominal Circumference US"),
                    (fl_mm, "11963-6", "Fetal Femur diaphysis length US"),
                ];
                for (v, code, display) in mm {
                    if let Some(v) = v {
                        b.observation(
                            &mother,
                            &when,
                            Some("imaging"),
                            loinc(code, display),
                            json!({ "valueQuantity": quantity(*v, "mm") }),
                        );
                    }
                }
                if let Some(g) = efw_grams {
                    b.observation(
                        &mother,
                        &when,
                        Some("imaging"),
                        loinc("11727-5", "Fetal Body weight estimated"),
                        json!({ "valueQuantity": quantity(f64::from(*g), "g") }),
                    );
                }
            }
            _ => {}
        }
    }
    if s.shows("baby")
        && let Some(baby) = &s.baby
    {
        for n in 1..=baby.birth.count.min(8) as u8 {
            let sex = baby
                .sexes
                .iter()
                .find(|(o, _)| *o == n)
                .map(|(_, x)| x.code());
            let child = b.add(json!({
                "resourceType": "Patient",
                "gender": sex.unwrap_or("unknown"),
                "birthDate": baby.birth.date.to_string(),
                "multipleBirthInteger": n,
            }));
            for e in s.entries_of("growth") {
                let Entry::Growth {
                    baby: b_n,
                    weight_grams,
                    length_mm,
                    head_mm,
                } = e.entry
                else {
                    continue;
                };
                if b_n != n {
                    continue;
                }
                let when = s.date_time(e.at);
                if let Some(g) = weight_grams {
                    b.observation(
                        &child,
                        &when,
                        Some("vital-signs"),
                        loinc("29463-7", "Body weight"),
                        json!({ "valueQuantity": quantity(f64::from(g) / 1000.0, "kg") }),
                    );
                }
                if let Some(mm) = length_mm {
                    b.observation(
                        &child,
                        &when,
                        Some("vital-signs"),
                        loinc("8302-2", "Body height"),
                        json!({ "valueQuantity": quantity(f64::from(mm) / 10.0, "cm") }),
                    );
                }
                if let Some(mm) = head_mm {
                    b.observation(
                        &child,
                        &when,
                        Some("vital-signs"),
                        loinc("9843-4", "Head Occipital-frontal circumference"),
                        json!({ "valueQuantity": quantity(f64::from(mm) / 10.0, "cm") }),
                    );
                }
            }
            // Doses are recorded per birth; with twins each baby's record
            // carries them (the schedule is the same for both).
            for d in &baby.doses {
                let mut i = json!({
                    "resourceType": "Immunization",
                    "status": "completed",
                    "vaccineCode": { "text": vaccine_name(s.language, &d.code).unwrap_or(&d.code) },
                    "patient": { "reference": child },
                    "occurrenceDateTime": d.given_on.to_string(),
                    "primarySource": false,
                    "protocolApplied": [{ "doseNumberPositiveInt": d.dose }],
                });
                if let Some(lot) = &d.lot {
                    i["lotNumber"] = json!(lot);
                }
                // A place she typed is text, not a Location resource of ours.
                if let Some(place) = &d.place {
                    i["note"] = json!([{ "text": place }]);
                }
                b.add(i);
            }
        }
    }
    let bundle = json!({
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": today,
        "entry": b.entries,
    });
    serde_json::to_string_pretty(&bundle).unwrap_or_default()
}
