//! The same summary as an HL7 FHIR R4 document Bundle that conforms to the
//! International Patient Summary (HL7 IPS 2.0.0; the test command validates
//! it against the package, and it does not declare the profile, so that a
//! system without the package reads it as plain R4): a Composition (LOINC
//! 60591-5) first, written by her on her device, with the IPS sections
//! (problems, medications and allergies always; alerts, immunizations,
//! vital signs, results, procedures and pregnancy when there is something
//! to say), each with a narrative and the resources it lists.
//!
//! A baby is its own Patient in the same document, linked to her by a
//! RelatedPerson (mother, v3 RoleCode MTH): the clinic sees mother and baby
//! in one file, while the baby's readings and doses carry the baby as
//! subject, as a paediatric system expects.
//!
//! Codes: LOINC for documents, sections and observations; UCUM for units;
//! SNOMED CT for severities, the symptoms that have one, and "no known
//! allergy"; CVX for vaccines that have one. Vital signs declare and follow
//! the R4 vital-signs profiles. Questions for the doctor and the diary stay in
//! the HTML summary: they are notes, not clinical data.
//!
//! This material contains content from LOINC (http://loinc.org). LOINC is
//! copyright © Regenstrief Institute, Inc. and the LOINC Committee and is
//! available at no cost under the license at http://loinc.org/license.

use super::{Summary, VisitKind};
use crate::insights::{About, ogtt_at_cutoff};
use crate::journal::{Entry, JournalEntry};
use crate::symptoms::Severity;
use crate::{GlucoseContext, Measurement, Record};
use cradle_timeline::content::{clinic_label, symptom_label, vaccine_name};
use cradle_timeline::dating::{DatingInput, Method, Scan};
use cradle_timeline::gestation::GestationalAge;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

const LOINC: &str = "http://loinc.org";
const SNOMED: &str = "http://snomed.info/sct";
const UCUM: &str = "http://unitsofmeasure.org";
const CVX: &str = "http://hl7.org/fhir/sid/cvx";
const CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";
const INTERPRETATION: &str = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
const EMPTY_REASON: &str = "http://terminology.hl7.org/CodeSystem/list-empty-reason";
const PROFILE: &str = "http://hl7.org/fhir/StructureDefinition/";
/// Cradle's own codes, where no standard code says the same thing.
const CRADLE: &str = "https://cradle.app/fhir/CodeSystem/";

/// A random (version 4) UUID, for `urn:uuid:` references and identifiers.
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

fn days(ga: GestationalAge) -> Value {
    quantity(ga.total_days as f64, "d")
}

/// "38w5d": gestational age as clinics write it, never decimal weeks.
fn weeks_days(ga: GestationalAge) -> String {
    format!("{}w{}d", ga.weeks(), ga.days())
}

/// High, low or normal (v3 ObservationInterpretation).
fn interpretation(code: &str) -> Value {
    let display = match code {
        "H" => "High",
        "L" => "Low",
        _ => "Normal",
    };
    json!([{ "coding": [{ "system": INTERPRETATION, "code": code, "display": display }] }])
}

/// UCUM for the lab units people type; any other unit stays text only,
/// since a wrong UCUM code is worse than none.
fn ucum(unit: &str) -> Option<&'static str> {
    Some(match unit.trim() {
        "g/L" => "g/L",
        "g/dL" => "g/dL",
        "mg/L" => "mg/L",
        "mg/dL" => "mg/dL",
        "mmol/L" => "mmol/L",
        "umol/L" | "µmol/L" | "μmol/L" => "umol/L",
        "pmol/L" => "pmol/L",
        "ng/mL" => "ng/mL",
        "pg/mL" => "pg/mL",
        "U/L" => "U/L",
        "IU/L" => "[IU]/L",
        "mIU/mL" => "m[IU]/mL",
        "mIU/L" => "m[IU]/L",
        "%" => "%",
        "10^9/L" | "10*9/L" | "×10^9/L" => "10*9/L",
        "10^12/L" | "10*12/L" | "×10^12/L" => "10*12/L",
        "fL" => "fL",
        "pg" => "pg",
        _ => return None,
    })
}

fn lab_quantity(value: f64, unit: &str) -> Value {
    match ucum(unit) {
        Some(code) => json!({ "value": value, "unit": unit, "system": UCUM, "code": code }),
        None => json!({ "value": value, "unit": unit }),
    }
}

/// Escapes text for the XHTML of a narrative.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn narrative(lines: &[String]) -> Value {
    let body = if lines.is_empty() {
        String::new()
    } else {
        let items: String = lines
            .iter()
            .map(|l| format!("<li>{}</li>", esc(l)))
            .collect();
        format!("<ul>{items}</ul>")
    };
    json!({ "status": "generated",
            "div": format!("<div xmlns=\"http://www.w3.org/1999/xhtml\">{body}</div>") })
}

/// SNOMED CT findings for the symptoms that have a clear one [M: from the
/// SNOMED CT browser as remembered; verify before relying on them].
fn symptom_snomed(code: &str) -> Option<(&'static str, &'static str)> {
    Some(match code {
        "nausea" => ("422587007", "Nausea"),
        "vomiting" => ("422400008", "Vomiting"),
        "headache" => ("25064002", "Headache"),
        "bleeding" => ("131148009", "Bleeding"),
        "abdominal_pain" => ("21522001", "Abdominal pain"),
        "fever" => ("386661006", "Fever"),
        "itching" => ("418290006", "Itching"),
        "dizziness" => ("404640003", "Dizziness"),
        "back_pain" => ("161891005", "Backache"),
        "heartburn" => ("16331000", "Heartburn"),
        "constipation" => ("14760008", "Constipation"),
        "insomnia" => ("193462001", "Insomnia"),
        _ => return None,
    })
}

/// The FHIR condition-severity codes (SNOMED CT).
fn severity(s: Severity) -> Value {
    let (code, display) = match s {
        Severity::Mild => ("255604002", "Mild"),
        Severity::Moderate => ("6736007", "Moderate"),
        Severity::Severe => ("24484000", "Severe"),
    };
    json!({ "coding": [{ "system": SNOMED, "code": code, "display": display }], "text": s.code() })
}

/// CVX codes for the NIP vaccines that have one [M: from the CDC CVX table
/// as remembered; verify]. Live JE, meningococcal A and A+C polysaccharide
/// and live hepatitis A vaccines have no CVX code and are sent as text.
fn cvx(code: &str) -> Option<(&'static str, &'static str)> {
    Some(match code {
        "HepB" => ("08", "Hep B, adolescent or pediatric"),
        "BCG" => ("19", "BCG"),
        "IPV" => ("10", "IPV"),
        "bOPV" => ("178", "OPV bivalent"),
        "DTaP" => ("20", "DTaP"),
        "MMR" => ("03", "MMR"),
        "HBIG" => ("30", "HBIG"),
        _ => return None,
    })
}

/// One section of the Composition.
struct Section {
    /// The LOINC section code and its display.
    code: (&'static str, &'static str),
    title: &'static str,
    entries: Vec<String>,
    lines: Vec<String>,
    /// Why it is empty, when it is (list-empty-reason).
    empty: &'static str,
}

impl Section {
    fn new(code: &'static str, display: &'static str, title: &'static str) -> Self {
        Self {
            code: (code, display),
            title,
            entries: Vec::new(),
            lines: Vec::new(),
            empty: "unavailable",
        }
    }

    /// `none` and `withheld` say in words why it is empty.
    fn to_json(&self, none: &str, withheld: &str) -> Value {
        let lines = if self.lines.is_empty() {
            vec![
                if self.empty == "withheld" {
                    withheld
                } else {
                    none
                }
                .to_owned(),
            ]
        } else {
            self.lines.clone()
        };
        let mut section = json!({
            "title": self.title,
            "code": loinc(self.code.0, self.code.1),
            "text": narrative(&lines),
        });
        if self.entries.is_empty() {
            section["emptyReason"] =
                json!({ "coding": [{ "system": EMPTY_REASON, "code": self.empty }] });
        } else {
            section["entry"] = self
                .entries
                .iter()
                .map(|r| json!({ "reference": r }))
                .collect();
        }
        section
    }
}

struct Doc<'a> {
    s: &'a Summary,
    entries: Vec<Value>,
    mother: String,
    /// The resource each stored record became, for a Flag's detail.
    made: HashMap<About, String>,
}

impl Doc<'_> {
    fn l(&self, key: &str) -> &'static str {
        clinic_label(self.s.language, key)
    }

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
        category_code: &str,
        code: Value,
        rest: Value,
    ) -> String {
        let mut obs = json!({
            "resourceType": "Observation",
            "status": "final",
            "category": category(category_code),
            "code": code,
            "subject": { "reference": subject },
            "effectiveDateTime": when,
        });
        if let (Value::Object(o), Value::Object(r)) = (&mut obs, rest) {
            o.extend(r);
        }
        self.add(obs)
    }

    /// A vital sign under its R4 profile (`bodyweight`, `bp`, …).
    fn vital(
        &mut self,
        subject: &str,
        when: &str,
        profile: &str,
        code: Value,
        rest: Value,
    ) -> String {
        let mut rest = rest;
        rest["meta"] = json!({ "profile": [format!("{PROFILE}{profile}")] });
        self.observation(subject, when, "vital-signs", code, rest)
    }

    fn reading(&mut self, r: &Record, vitals: &mut Section, results: &mut Section) {
        let when = self.s.date_time(r.taken_at);
        let mother = self.mother.clone();
        let day = self.s.date_of(r.taken_at);
        match r.measurement {
            Measurement::Weight { grams } => {
                let kg = f64::from(grams) / 1000.0;
                let url = self.vital(
                    &mother,
                    &when,
                    "bodyweight",
                    loinc("29463-7", "Body weight"),
                    json!({ "valueQuantity": quantity(kg, "kg") }),
                );
                vitals.entries.push(url.clone());
                vitals
                    .lines
                    .push(format!("{day} {}: {kg:.1} kg", self.l("weight")));
                self.made.insert(About::Measurement(r.id), url);
            }
            Measurement::BloodPressure {
                systolic,
                diastolic,
                pulse,
            } => {
                let url = self.vital(
                    &mother,
                    &when,
                    "bp",
                    loinc("85354-9", "Blood pressure panel with all children optional"),
                    json!({ "component": [
                        { "code": loinc("8480-6", "Systolic blood pressure"),
                          "valueQuantity": quantity(f64::from(systolic), "mm[Hg]") },
                        { "code": loinc("8462-4", "Diastolic blood pressure"),
                          "valueQuantity": quantity(f64::from(diastolic), "mm[Hg]") },
                    ]}),
                );
                vitals.entries.push(url.clone());
                vitals.lines.push(format!(
                    "{day} {}: {systolic}/{diastolic} mmHg",
                    self.l("blood_pressure")
                ));
                self.made.insert(About::Measurement(r.id), url);
                if let Some(p) = pulse {
                    let url = self.vital(
                        &mother,
                        &when,
                        "heartrate",
                        loinc("8867-4", "Heart rate"),
                        json!({ "valueQuantity": quantity(f64::from(p), "/min") }),
                    );
                    vitals.entries.push(url);
                }
            }
            Measurement::Glucose { cmmol, context } => {
                let mmol = f64::from(cmmol) / 100.0;
                let label = self.l(context.code());
                let (timing, display) = match context {
                    GlucoseContext::Fasting => ("fasting", "Fasting"),
                    GlucoseContext::OneHour => ("1h-after-meal", "1 hour after a meal"),
                    GlucoseContext::TwoHours => ("2h-after-meal", "2 hours after a meal"),
                    GlucoseContext::Random => ("random", "Random"),
                };
                let flagged = self.s.glucose_finding(r).is_some();
                let mut code = loinc(
                    "14770-2",
                    "Glucose [Moles/volume] in Capillary blood by Glucometer",
                );
                code["text"] = json!(format!("Glucose, capillary, {display}"));
                let mut rest = json!({
                    "valueQuantity": quantity(mmol, "mmol/L"),
                    // The context is coded, so a 1-hour value is never read
                    // against a fasting target.
                    "component": [{
                        "code": { "coding": [{ "system": format!("{CRADLE}observation-component"),
                                               "code": "meal-timing", "display": "Timing relative to a meal" }],
                                  "text": "Timing relative to a meal" },
                        "valueCodeableConcept": { "coding": [{ "system": format!("{CRADLE}glucose-timing"),
                                                               "code": timing, "display": display }],
                                                  "text": label },
                    }],
                });
                if flagged {
                    rest["interpretation"] = interpretation(if cmmol < 330 { "L" } else { "H" });
                }
                let url = self.observation(&mother, &when, "laboratory", code, rest);
                results.entries.push(url.clone());
                results.lines.push(format!(
                    "{day} {} ({label}): {mmol:.1} mmol/L{}",
                    self.l("glucose"),
                    if flagged { " !" } else { "" }
                ));
                self.made.insert(About::Measurement(r.id), url);
            }
        }
    }

    fn entry(&mut self, e: &JournalEntry, sections: &mut Sections) {
        let s = self.s;
        let when = s.date_time(e.at);
        let day = s.date_of(e.at);
        let mother = self.mother.clone();
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
                sections.medications.entries.push(self.add(m));
                sections.medications.lines.push(match dose {
                    Some(d) => format!("{name} ({d})"),
                    None => name.clone(),
                });
            }
            Entry::Allergy {
                substance,
                reaction,
            } if s.shows("allergies") => {
                let mut a = allergy(&mother, &when, json!({ "text": substance }));
                if let Some(r) = reaction {
                    a["reaction"] = json!([{ "manifestation": [{ "text": r }] }]);
                }
                sections.allergies.entries.push(self.add(a));
                sections.allergies.lines.push(match reaction {
                    Some(r) => format!("{substance}: {r}"),
                    None => substance.clone(),
                });
            }
            Entry::Lab {
                name,
                value,
                unit,
                low,
                high,
            } if s.shows("labs") => {
                let mut rest = json!({ "valueQuantity": lab_quantity(*value, unit) });
                if low.is_some() || high.is_some() {
                    let mut range = json!({});
                    if let Some(l) = low {
                        range["low"] = lab_quantity(*l, unit);
                    }
                    if let Some(h) = high {
                        range["high"] = lab_quantity(*h, unit);
                    }
                    rest["referenceRange"] = json!([range]);
                    let flag = if low.is_some_and(|l| *value < l) {
                        "L"
                    } else if high.is_some_and(|h| *value > h) {
                        "H"
                    } else {
                        "N"
                    };
                    rest["interpretation"] = interpretation(flag);
                }
                let url =
                    self.observation(&mother, &when, "laboratory", json!({ "text": name }), rest);
                sections.results.entries.push(url);
                sections
                    .results
                    .lines
                    .push(format!("{day} {name}: {value} {unit}"));
            }
            Entry::Ogtt {
                fasting,
                one_hour,
                two_hours,
            } if s.shows("labs") => {
                let points = [
                    (Some(*fasting), "Fasting"),
                    (*one_hour, "1 hour after 75 g glucose"),
                    (*two_hours, "2 hours after 75 g glucose"),
                ];
                let mut components = Vec::new();
                let mut shown = Vec::new();
                for (i, (v, name)) in points.iter().enumerate() {
                    let Some(v) = v else { continue };
                    let mut c = json!({
                        "code": { "text": format!("Glucose, venous plasma, {name}") },
                        "valueQuantity": quantity(*v, "mmol/L"),
                    });
                    let high = ogtt_at_cutoff(i, *v);
                    c["interpretation"] = interpretation(if high { "H" } else { "N" });
                    components.push(c);
                    shown.push(format!("{v:.1}{}", if high { " !" } else { "" }));
                }
                let url = self.observation(
                    &mother,
                    &when,
                    "laboratory",
                    json!({ "text": "75 g oral glucose tolerance test (OGTT)" }),
                    json!({ "component": components }),
                );
                sections.results.entries.push(url.clone());
                sections
                    .results
                    .lines
                    .push(format!("{day} 75 g OGTT: {} mmol/L", shown.join(" / ")));
                self.made.insert(About::Entry(e.id), url);
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
                    (crl_mm, "11957-8", "Fetal Crown Rump length US", "CRL"),
                    (bpd_mm, "11820-8", "Fetal Biparietal diameter US", "BPD"),
                    (hc_mm, "11984-2", "Fetal Head Circumference US", "HC"),
                    (ac_mm, "11979-2", "Fetal Abdominal Circumference US", "AC"),
                    (fl_mm, "11963-6", "Fetal Femur diaphysis length US", "FL"),
                ];
                let mut shown = Vec::new();
                for (v, code, display, short) in mm {
                    if let Some(v) = v {
                        let url = self.observation(
                            &mother,
                            &when,
                            "imaging",
                            loinc(code, display),
                            json!({ "valueQuantity": quantity(*v, "mm") }),
                        );
                        sections.results.entries.push(url);
                        shown.push(format!("{short} {v} mm"));
                    }
                }
                if let Some(g) = efw_grams {
                    let url = self.observation(
                        &mother,
                        &when,
                        "imaging",
                        loinc("11727-5", "Fetal Body weight estimated"),
                        json!({ "valueQuantity": quantity(f64::from(*g), "g") }),
                    );
                    sections.results.entries.push(url);
                    shown.push(format!("EFW {g} g"));
                }
                sections.results.lines.push(format!(
                    "{day} {}: {}",
                    self.l("ultrasound"),
                    shown.join(", ")
                ));
            }
            _ => {}
        }
    }

    fn pregnancy(&mut self, section: &mut Section, procedures: &mut Section) {
        let s = self.s;
        let Some(p) = &s.pregnancy else {
            return;
        };
        let mother = self.mother.clone();
        let now = s.date_time(s.now);
        let status = self.observation(
            &mother,
            &now,
            "social-history",
            loinc("82810-3", "Pregnancy status"),
            json!({ "valueCodeableConcept": {
                "coding": [{ "system": LOINC, "code": "LA15173-0", "display": "Pregnant" }],
                "text": self.l("pregnant") } }),
        );
        // The EDD's code names its method where LOINC has one in the IPS
        // value set (from LMP 11779-6, from ovulation 11780-4); any other
        // method keeps the general code with the method as text.
        let (code, display) = match p.method {
            Method::Lmp => (
                "11779-6",
                "Delivery date Estimated from last menstrual period",
            ),
            Method::Conception => ("11780-4", "Delivery date Estimated from ovulation date"),
            _ => ("11778-8", "Delivery date Estimated"),
        };
        let method = s.method_label(p.method);
        let edd = self.observation(
            &mother,
            &now,
            "social-history",
            loinc(code, display),
            json!({ "valueDateTime": p.edd.to_string(), "method": { "text": method } }),
        );
        let ga = self.observation(
            &mother,
            &now,
            "social-history",
            loinc("11884-4", "Gestational age Estimated"),
            json!({ "valueQuantity": days(p.ga), "note": [{ "text": weeks_days(p.ga) }] }),
        );
        section.entries.extend([status, edd, ga]);
        section.lines.push(format!(
            "{}: {} ({method}) · {}: {}",
            self.l("edd"),
            p.edd,
            self.l("ga"),
            weeks_days(p.ga)
        ));
        for estimate in &p.history {
            match estimate.input {
                DatingInput::Lmp { lmp, .. } => {
                    let url = self.observation(
                        &mother,
                        &now,
                        "social-history",
                        loinc("8665-2", "Last menstrual period start date"),
                        json!({ "valueDateTime": lmp.to_string() }),
                    );
                    section.entries.push(url);
                    section.lines.push(format!("{}: {lmp}", self.l("lmp_date")));
                }
                DatingInput::Ivf {
                    transfer,
                    embryo_age,
                } => {
                    let url = self.add(json!({
                        "resourceType": "Procedure",
                        "status": "completed",
                        "code": { "text": format!("IVF embryo transfer (day-{embryo_age} embryo)") },
                        "subject": { "reference": mother },
                        "performedDateTime": transfer.to_string(),
                    }));
                    procedures.entries.push(url);
                    procedures.lines.push(format!(
                        "{}: {transfer} (D{embryo_age})",
                        self.l("ivf_transfer")
                    ));
                    section.lines.push(format!(
                        "{}: {transfer} (D{embryo_age})",
                        self.l("ivf_transfer")
                    ));
                }
                DatingInput::Ultrasound { scan_date, scan } => {
                    let when = scan_date.to_string();
                    let (rest, shown) = match scan {
                        Scan::Crl { tenth_mm } => {
                            let mm = f64::from(tenth_mm) / 10.0;
                            let url = self.observation(
                                &mother,
                                &when,
                                "imaging",
                                loinc("11957-8", "Fetal Crown Rump length US"),
                                json!({ "valueQuantity": quantity(mm, "mm") }),
                            );
                            (url, format!("{} {mm} mm", self.l("crl")))
                        }
                        Scan::Stated(ga) => {
                            let url = self.observation(
                                &mother,
                                &when,
                                "imaging",
                                loinc("11884-4", "Gestational age Estimated"),
                                json!({ "valueQuantity": days(ga),
                                        "method": { "text": self.l("us") },
                                        "note": [{ "text": weeks_days(ga) }] }),
                            );
                            (url, weeks_days(ga))
                        }
                    };
                    section.entries.push(rest);
                    section
                        .lines
                        .push(format!("{}: {scan_date}, {shown}", self.l("dating_scan")));
                }
                DatingInput::Conception { date } => section
                    .lines
                    .push(format!("{}: {date}", self.l("conception"))),
                DatingInput::Edd { edd } => section
                    .lines
                    .push(format!("{}: {edd}", self.l("edd_given"))),
            }
        }
    }

    /// The symptoms she noted, as problems she reports (Condition): IPS
    /// lists problems, not observations, in its problem section.
    fn problems(&mut self, section: &mut Section) {
        let s = self.s;
        let mother = self.mother.clone();
        for x in &s.symptoms {
            let label = symptom_label(s.language, x.code);
            let mut coding = vec![json!({ "system": format!("{CRADLE}symptom"), "code": x.code })];
            if let Some((code, display)) = symptom_snomed(x.code) {
                coding.insert(
                    0,
                    json!({ "system": SNOMED, "code": code, "display": display }),
                );
            }
            let url = self.add(json!({
                "resourceType": "Condition",
                "clinicalStatus": { "coding": [{
                    "system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                    "code": "active" }] },
                "verificationStatus": { "coding": [{
                    "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                    "code": "unconfirmed" }] },
                "category": [{ "coding": [{
                    "system": "http://terminology.hl7.org/CodeSystem/condition-category",
                    "code": "problem-list-item" }] }],
                "severity": severity(x.severity),
                "code": { "coding": coding, "text": label },
                "subject": { "reference": mother },
                "onsetDateTime": s.date_time(x.noted_at),
                "recordedDate": s.date_time(x.noted_at),
            }));
            section.entries.push(url.clone());
            section.lines.push(format!(
                "{} {label} ({})",
                s.date_of(x.noted_at),
                self.l(x.severity.code())
            ));
            self.made.insert(About::Symptom(x.id), url);
        }
        section.empty = "nilknown";
    }

    /// Her advice as alerts (Flag), each with its category, when the
    /// reading was taken, and the reading itself.
    fn alerts(&mut self, section: &mut Section) {
        let s = self.s;
        let mother = self.mother.clone();
        for f in &s.flags {
            let mut flag = json!({
                "resourceType": "Flag",
                "status": "active",
                "category": [{ "coding": [{
                    "system": "http://terminology.hl7.org/CodeSystem/flag-category",
                    "code": "clinical", "display": "Clinical" }] }],
                "code": { "coding": [{ "system": format!("{CRADLE}insight"), "code": f.code }],
                          "text": f.message },
                "subject": { "reference": mother },
                "period": { "start": s.date_time(f.at) },
            });
            if let Some(reading) = self.made.get(&f.about) {
                flag["extension"] = json!([{
                    "url": format!("{PROFILE}flag-detail"),
                    "valueReference": { "reference": reading } }]);
            }
            section.entries.push(self.add(flag));
            section.lines.push(format!("{} ({})", f.message, f.source));
        }
        section.empty = "nilknown";
    }

    /// Each baby as a Patient with its mother: the birth (GA, weight) in
    /// the pregnancy history, growth and temperatures with the vital signs,
    /// doses with the immunizations. IPS has no baby section, and each of
    /// these resources names the baby as its subject.
    fn babies(&mut self, births: &mut Section, vitals: &mut Section, immunizations: &mut Section) {
        let s = self.s;
        let Some(baby) = &s.baby else {
            return;
        };
        let twins = baby.birth.count > 1;
        let born = baby.birth.date.to_string();
        for newborn in &baby.newborns {
            let n = newborn.ordinal;
            let who = if twins {
                self.l("baby_n").replace("{n}", &n.to_string())
            } else {
                self.l("baby").to_owned()
            };
            let mut patient = json!({
                "resourceType": "Patient",
                "gender": newborn.sex.map_or("unknown", |x| x.code()),
                "birthDate": born,
            });
            if twins {
                patient["multipleBirthInteger"] = json!(n);
            } else {
                patient["multipleBirthBoolean"] = json!(false);
            }
            let child = self.add(patient);
            let mut mother = json!({
                "resourceType": "RelatedPerson",
                "patient": { "reference": child },
                "relationship": [{ "coding": [{
                    "system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode",
                    "code": "MTH", "display": "mother" }] }],
            });
            if let Some(name) = &s.name {
                mother["name"] = json!([{ "text": name }]);
            }
            let related = self.add(mother);
            // Reached from her record, as the document asks of every entry.
            self.link_mother(&related);
            let ga = baby.birth.ga_at_birth;
            let at_birth = self.observation(
                &child,
                &born,
                "exam",
                loinc("76516-4", "Gestational age--at birth"),
                json!({ "valueQuantity": days(ga), "note": [{ "text": weeks_days(ga) }] }),
            );
            births.entries.push(at_birth);
            let mut line = format!("{who}: {born}, {}", weeks_days(ga));
            if let Some(g) = newborn.birth_weight_g {
                let url = self.observation(
                    &child,
                    &born,
                    "vital-signs",
                    loinc("8339-4", "Birth weight Measured"),
                    json!({ "valueQuantity": quantity(f64::from(g), "g") }),
                );
                births.entries.push(url);
                line.push_str(&format!(", {g} g"));
            }
            births.lines.push(line);
            for e in &s.entries {
                let when = s.date_time(e.at);
                match e.entry {
                    Entry::Growth {
                        baby: b,
                        weight_grams,
                        length_mm,
                        head_mm,
                    } if b == n => {
                        let kg = weight_grams.map(|g| (f64::from(g) / 1000.0, "kg"));
                        let cm = |mm: Option<u32>| mm.map(|mm| (f64::from(mm) / 10.0, "cm"));
                        let measures = [
                            (kg, "bodyweight", "29463-7", "Body weight"),
                            (cm(length_mm), "bodyheight", "8302-2", "Body height"),
                            (
                                cm(head_mm),
                                "headcircum",
                                "9843-4",
                                "Head Occipital-frontal circumference",
                            ),
                        ];
                        for (value, profile, code, display) in measures {
                            if let Some((v, unit)) = value {
                                let url = self.vital(
                                    &child,
                                    &when,
                                    profile,
                                    loinc(code, display),
                                    json!({ "valueQuantity": quantity(v, unit) }),
                                );
                                vitals.entries.push(url);
                            }
                        }
                    }
                    Entry::Temperature { baby: b, celsius } if b == n => {
                        let url = self.vital(
                            &child,
                            &when,
                            "bodytemp",
                            loinc("8310-5", "Body temperature"),
                            json!({ "valueQuantity": quantity(celsius, "Cel") }),
                        );
                        vitals.entries.push(url.clone());
                        vitals
                            .lines
                            .push(format!("{who} {}: {celsius:.1} °C", s.local_time(e.at)));
                        self.made.insert(About::Entry(e.id), url);
                    }
                    _ => {}
                }
            }
            for d in baby.doses_of(n) {
                let name = vaccine_name(s.language, &d.code).unwrap_or(&d.code);
                let mut code = json!({ "text": name });
                if let Some((c, display)) = cvx(&d.code) {
                    code["coding"] = json!([{ "system": CVX, "code": c, "display": display }]);
                }
                let mut i = json!({
                    "resourceType": "Immunization",
                    "status": "completed",
                    "vaccineCode": code,
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
                immunizations.entries.push(self.add(i));
                immunizations.lines.push(format!(
                    "{who}: {} {name} {}",
                    d.given_on,
                    self.l("dose_n").replace("{n}", &d.dose.to_string())
                ));
            }
        }
    }

    /// Her Patient record points to each RelatedPerson that is her.
    fn link_mother(&mut self, related: &str) {
        let Some(patient) = self.entries.first_mut() else {
            return;
        };
        let link = json!({ "other": { "reference": related }, "type": "seealso" });
        match patient["resource"]["link"].as_array_mut() {
            Some(links) => links.push(link),
            None => patient["resource"]["link"] = json!([link]),
        }
    }
}

/// The data-absent-reason extension.
fn absent(code: &str) -> Value {
    json!({ "url": format!("{PROFILE}data-absent-reason"), "valueCode": code })
}

fn allergy(patient: &str, when: &str, code: Value) -> Value {
    json!({
        "resourceType": "AllergyIntolerance",
        "clinicalStatus": { "coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
            "code": "active" }] },
        "verificationStatus": { "coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
            "code": "unconfirmed" }] },
        "code": code,
        "patient": { "reference": patient },
        "recordedDate": when,
    })
}

struct Sections {
    problems: Section,
    alerts: Section,
    procedures: Section,
    medications: Section,
    allergies: Section,
    immunizations: Section,
    vitals: Section,
    results: Section,
    pregnancy: Section,
}

pub(super) fn render(s: &Summary) -> String {
    let l = |key| clinic_label(s.language, key);
    let mut patient = json!({
        "resourceType": "Patient",
        "gender": "female",
        "communication": [{ "language": { "coding": [{ "system": "urn:ietf:bcp:47", "code": s.language.code() }] } }],
    });
    // IPS asks for her name and birth date: a name she did not share is
    // masked, and the app never asks her birth date (minimum collection).
    patient["name"] = match &s.name {
        Some(name) => json!([{ "text": name }]),
        None => json!([{ "_text": { "extension": [absent("masked")] } }]),
    };
    patient["_birthDate"] = json!({ "extension": [absent("not-asked")] });
    let mut doc = Doc {
        s,
        entries: Vec::new(),
        mother: String::new(),
        made: HashMap::new(),
    };
    doc.mother = doc.add(patient);
    let device = doc.add(json!({
        "resourceType": "Device",
        "deviceName": [{ "name": "Cradle", "type": "user-friendly-name" }],
        "patient": { "reference": doc.mother },
    }));
    let mut sections = Sections {
        problems: Section::new("11450-4", "Problem list - Reported", l("symptoms")),
        alerts: Section::new("104605-1", "Alert", l("flags")),
        procedures: Section::new("47519-4", "History of Procedures Document", l("procedures")),
        medications: Section::new(
            "10160-0",
            "History of Medication use Narrative",
            l("medications"),
        ),
        allergies: Section::new(
            "48765-2",
            "Allergies and adverse reactions Document",
            l("allergies"),
        ),
        immunizations: Section::new(
            "11369-6",
            "History of Immunization Narrative",
            l("immunizations"),
        ),
        vitals: Section::new("8716-3", "Vital signs", l("vitals")),
        results: Section::new(
            "30954-2",
            "Relevant diagnostic tests/laboratory data Narrative",
            l("labs"),
        ),
        pregnancy: Section::new(
            "10162-6",
            "History of pregnancies Narrative",
            l("pregnancy"),
        ),
    };
    if s.shows("pregnancy") {
        doc.pregnancy(&mut sections.pregnancy, &mut sections.procedures);
    }
    if s.shows("vitals") {
        for r in &s.readings {
            doc.reading(r, &mut sections.vitals, &mut sections.results);
        }
    }
    for e in &s.entries {
        doc.entry(e, &mut sections);
    }
    if s.shows("allergies") && sections.allergies.entries.is_empty() {
        if s.no_known_allergies() {
            let nka = allergy(
                &doc.mother,
                &s.date_time(s.now),
                json!({ "coding": [{ "system": SNOMED, "code": "716186003",
                                     "display": "No known allergy" }],
                        "text": l("no_known_allergies") }),
            );
            sections.allergies.entries.push(doc.add(nka));
            sections
                .allergies
                .lines
                .push(l("no_known_allergies").to_owned());
        } else {
            sections.allergies.empty = "notasked";
        }
    }
    if s.shows("baby") {
        doc.babies(
            &mut sections.pregnancy,
            &mut sections.vitals,
            &mut sections.immunizations,
        );
    }
    if s.shows("symptoms") {
        doc.problems(&mut sections.problems);
    }
    // Flags last: they point at the readings made above.
    if s.shows("flags") {
        doc.alerts(&mut sections.alerts);
    }
    // IPS requires these three; one she left out is withheld.
    for (code, section) in [
        ("symptoms", &mut sections.problems),
        ("medications", &mut sections.medications),
        ("allergies", &mut sections.allergies),
    ] {
        if !s.shows(code) {
            section.empty = "withheld";
        }
    }

    let pregnant = s.visit() == VisitKind::Prenatal;
    let mut chosen: Vec<&Section> = vec![
        &sections.problems,
        &sections.medications,
        &sections.allergies,
    ];
    if s.shows("flags") {
        chosen.push(&sections.alerts);
    }
    if !sections.procedures.entries.is_empty() {
        chosen.push(&sections.procedures);
    }
    if s.shows("baby") && s.baby.is_some() {
        chosen.push(&sections.immunizations);
    }
    if s.shows("vitals") || !sections.vitals.entries.is_empty() {
        chosen.push(&sections.vitals);
    }
    if s.shows("labs") || s.shows("ultrasound") || !sections.results.entries.is_empty() {
        chosen.push(&sections.results);
    }
    if (s.shows("pregnancy") && pregnant) || !sections.pregnancy.entries.is_empty() {
        chosen.push(&sections.pregnancy);
    }
    let none = l("none_recorded");
    let title = l(s.title_key());
    let mut lines = vec![title.to_owned()];
    if let Some(age) = s.age_years {
        lines.push(format!(
            "{}: {}",
            l("her_age"),
            l("years").replace("{n}", &age.to_string())
        ));
    }
    lines.push(l("disclaimer").to_owned());
    let now = s.date_time(s.now);
    let composition = json!({
        "resourceType": "Composition",
        "identifier": { "system": "urn:ietf:rfc:3986", "value": format!("urn:uuid:{}", uuid()) },
        "status": "final",
        "type": loinc("60591-5", "Patient summary Document"),
        "subject": { "reference": doc.mother },
        "date": now,
        "author": [{ "reference": doc.mother }, { "reference": device }],
        "title": title,
        "text": narrative(&lines),
        "section": chosen
            .iter()
            .map(|c| c.to_json(none, l("not_shared")))
            .collect::<Vec<_>>(),
    });
    let composition_url = format!("urn:uuid:{}", uuid());
    doc.entries.insert(
        0,
        json!({ "fullUrl": composition_url, "resource": composition }),
    );
    let bundle = json!({
        "resourceType": "Bundle",
        "identifier": { "system": "urn:ietf:rfc:3986", "value": format!("urn:uuid:{}", uuid()) },
        "type": "document",
        "timestamp": now,
        "entry": doc.entries,
    });
    serde_json::to_string_pretty(&bundle).unwrap_or_default()
}
