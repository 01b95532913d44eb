//! The printable summary: one self-contained HTML page (no scripts, no
//! external resources), styled for A4 paper and for a phone screen.

use super::Summary;
use crate::records::journal::Entry;
use crate::records::trends::GrowthPoint;
use crate::records::{GlucoseContext, Measurement, Record};
use crate::timeline::content::{clinic_label, symptom_label, vaccine_name};
use std::fmt::Write;

const STYLE: &str = "\
@page{size:A4;margin:15mm}\
*{box-sizing:border-box}\
body{font-family:-apple-system,'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',Roboto,sans-serif;\
color:#1f2328;line-height:1.45;margin:0 auto;padding:16px;max-width:820px;font-size:15px}\
h1{font-size:1.5em;margin:0 0 .2em}h2{font-size:1.15em;border-bottom:2px solid #b5838d;padding-bottom:.2em;margin:1.4em 0 .5em}\
h3{font-size:1em;margin:1em 0 .3em}\
.meta{color:#57606a;font-size:.9em}\
table{border-collapse:collapse;width:100%;font-size:.92em}th,td{text-align:left;padding:4px 6px;border-bottom:1px solid #d0d7de;vertical-align:top}\
th{background:#f6f1f2}\
.flag{border-left:4px solid #b3261e;background:#fdf0ef;padding:6px 10px;margin:6px 0}\
.mention_at_visit{border-color:#8a6d3b;background:#fbf6ea}\
.unusual{color:#b3261e;font-weight:600}\
footer{margin-top:2em;color:#57606a;font-size:.85em;border-top:1px solid #d0d7de;padding-top:.5em}\
section{break-inside:avoid-page}\
@media (max-width:600px){body{padding:10px;font-size:14px}th,td{padding:3px 4px}}\
@media print{body{padding:0;max-width:none}a{color:inherit}}";

/// Escapes text for HTML element content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

struct Page<'a> {
    s: &'a Summary,
    out: String,
}

impl Page<'_> {
    fn l(&self, key: &str) -> &'static str {
        clinic_label(self.s.language, key)
    }

    fn h2(&mut self, key: &str) {
        let _ = write!(self.out, "<section><h2>{}</h2>", esc(self.l(key)));
    }

    fn end(&mut self) {
        self.out.push_str("</section>");
    }

    fn table(&mut self, head: &[&str], rows: Vec<Vec<String>>) {
        if rows.is_empty() {
            let _ = write!(self.out, "<p>{}</p>", esc(self.l("none_recorded")));
            return;
        }
        self.out.push_str("<table><thead><tr>");
        for h in head {
            let _ = write!(self.out, "<th>{}</th>", esc(h));
        }
        self.out.push_str("</tr></thead><tbody>");
        for row in rows {
            self.out.push_str("<tr>");
            for cell in row {
                // Cells are escaped where they are built (some carry markup).
                let _ = write!(self.out, "<td>{cell}</td>");
            }
            self.out.push_str("</tr>");
        }
        self.out.push_str("</tbody></table>");
    }

    fn mark(&self, text: String, unusual: bool) -> String {
        if unusual {
            format!(
                "<span class=\"unusual\">{} ({})</span>",
                esc(&text),
                esc(self.l("unusual"))
            )
        } else {
            esc(&text)
        }
    }

    fn header(&mut self) {
        let s = self.s;
        let _ = write!(
            self.out,
            "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
             <title>{}</title><style>{STYLE}</style></head><body><header><h1>{}</h1>",
            s.language.code(),
            esc(self.l("title")),
            esc(self.l("title"))
        );
        if let Some(name) = &s.name {
            let _ = write!(
                self.out,
                "<p>{}: <strong>{}</strong></p>",
                esc(self.l("name")),
                esc(name)
            );
        }
        let period = match s.from {
            Some(from) => format!("{} {from} {} {}", self.l("period"), self.l("to"), s.today),
            None => format!("{} {}", self.l("all_time"), s.today),
        };
        let _ = write!(
            self.out,
            "<p class=\"meta\">{} {} · {}</p></header>",
            esc(self.l("generated")),
            s.today,
            esc(&period)
        );
    }

    fn pregnancy(&mut self) {
        let Some(p) = self.s.pregnancy.clone() else {
            return;
        };
        self.h2("pregnancy");
        let method = match p.method.code() {
            "edd" => "edd_given",
            "ultrasound" => "us",
            other => other,
        };
        let ga = self
            .l("weeks_days")
            .replace("{w}", &p.ga.weeks().to_string())
            .replace("{d}", &p.ga.days().to_string());
        let rows = vec![
            vec![esc(self.l("edd")), p.edd.to_string()],
            vec![esc(self.l("ga")), esc(&ga)],
            vec![esc(self.l("dating")), esc(self.l(method))],
        ];
        self.table(&["", ""], rows);
        self.end();
    }

    fn readings_of(&self, kind: &str) -> Vec<&Record> {
        self.s
            .readings
            .iter()
            .filter(|r| r.measurement.kind() == kind)
            .collect()
    }

    fn vitals(&mut self) {
        self.h2("vitals");
        let s = self.s;
        // Weight: latest, range and the gain against the recommended band.
        let weights = self.readings_of("weight");
        let kg = |r: &Record| match r.measurement {
            Measurement::Weight { grams } => f64::from(grams) / 1000.0,
            _ => 0.0,
        };
        if let Some(latest) = weights.last() {
            let (lo, hi) = weights.iter().fold((f64::MAX, f64::MIN), |(lo, hi), r| {
                (lo.min(kg(r)), hi.max(kg(r)))
            });
            let mut rows = vec![
                vec![
                    esc(self.l("latest")),
                    format!("{:.1} kg ({})", kg(latest), s.date_of(latest.taken_at)),
                ],
                vec![esc(self.l("range")), format!("{lo:.1} – {hi:.1} kg")],
                vec![esc(self.l("readings")), weights.len().to_string()],
            ];
            if let Some(g) = &s.gain {
                let outside =
                    g.gained_kg < g.recommended_kg[0] || g.gained_kg > g.recommended_kg[1];
                rows.push(vec![
                    esc(self.l("gain")),
                    self.mark(format!("{:+.1} kg", g.gained_kg), outside),
                ]);
                rows.push(vec![
                    esc(self.l("recommended")),
                    format!(
                        "{:.1} – {:.1} kg <span class=\"meta\">({})</span>",
                        g.recommended_kg[0],
                        g.recommended_kg[1],
                        esc(g.source)
                    ),
                ]);
            }
            let _ = write!(self.out, "<h3>{}</h3>", esc(self.l("weight")));
            self.table(&["", ""], rows);
        }
        // Blood pressure and glucose: every reading in range, newest first
        // (at most 20; the range says how many there were).
        let recent = |rs: Vec<&Record>| -> (usize, Vec<Record>) {
            (rs.len(), rs.iter().rev().take(20).map(|r| **r).collect())
        };
        let (n, bp) = recent(self.readings_of("blood_pressure"));
        if n > 0 {
            let _ = write!(self.out, "<h3>{} ({n})</h3>", esc(self.l("blood_pressure")));
            let rows = bp
                .iter()
                .map(|r| {
                    let Measurement::BloodPressure {
                        systolic,
                        diastolic,
                        pulse,
                    } = r.measurement
                    else {
                        unreachable!("filtered on kind")
                    };
                    let pulse = pulse.map(|p| format!(", {p} /min")).unwrap_or_default();
                    vec![
                        s.date_time(r.taken_at)[..16].replace('T', " "),
                        self.mark(
                            format!("{systolic}/{diastolic} mmHg{pulse}"),
                            r.unusual || systolic >= 140 || diastolic >= 90,
                        ),
                    ]
                })
                .collect();
            self.table(&[self.l("date"), self.l("value")], rows);
        }
        let (n, glucose) = recent(self.readings_of("glucose"));
        if n > 0 {
            let _ = write!(self.out, "<h3>{} ({n})</h3>", esc(self.l("glucose")));
            let rows = glucose
                .iter()
                .map(|r| {
                    let Measurement::Glucose { cmmol, context } = r.measurement else {
                        unreachable!("filtered on kind")
                    };
                    let context = match context {
                        GlucoseContext::Fasting => "fasting",
                        GlucoseContext::OneHour => "1h",
                        GlucoseContext::TwoHours => "2h",
                        GlucoseContext::Random => "random",
                    };
                    vec![
                        s.date_time(r.taken_at)[..16].replace('T', " "),
                        self.mark(
                            format!(
                                "{:.1} mmol/L, {}",
                                f64::from(cmmol) / 100.0,
                                self.l(context)
                            ),
                            r.unusual,
                        ),
                    ]
                })
                .collect();
            self.table(&[self.l("date"), self.l("value")], rows);
        }
        if s.readings.is_empty() {
            let _ = write!(self.out, "<p>{}</p>", esc(self.l("none_recorded")));
        }
        self.end();
    }

    fn flags(&mut self) {
        self.h2("flags");
        if self.s.flags.is_empty() {
            let _ = write!(self.out, "<p>{}</p>", esc(self.l("none_recorded")));
        }
        for f in &self.s.flags {
            let _ = write!(
                self.out,
                "<div class=\"flag {}\">{}<br><span class=\"meta\">{}</span></div>",
                f.level.code(),
                esc(&f.message),
                esc(f.source)
            );
        }
        self.end();
    }

    fn symptoms(&mut self) {
        self.h2("symptoms");
        let rows = self
            .s
            .symptoms
            .iter()
            .map(|x| {
                vec![
                    self.s.date_of(x.noted_at).to_string(),
                    esc(symptom_label(self.s.language, x.code)),
                    esc(self.l(x.severity.code())),
                ]
            })
            .collect();
        self.table(
            &[self.l("date"), self.l("symptoms"), self.l("severity")],
            rows,
        );
        self.end();
    }

    fn medications(&mut self) {
        self.h2("medications");
        let rows = self
            .s
            .entries_of("medication")
            .filter_map(|e| match &e.entry {
                Entry::Medication {
                    name,
                    dose,
                    supplement,
                } => Some(vec![
                    self.s.date_of(e.at).to_string(),
                    if *supplement {
                        format!("{} ({})", esc(name), esc(self.l("supplement")))
                    } else {
                        esc(name)
                    },
                    esc(dose.as_deref().unwrap_or("")),
                ]),
                _ => None,
            })
            .collect();
        self.table(
            &[self.l("date"), self.l("medications"), self.l("dose")],
            rows,
        );
        self.end();
    }

    fn allergies(&mut self) {
        self.h2("allergies");
        let rows = self
            .s
            .entries_of("allergy")
            .filter_map(|e| match &e.entry {
                Entry::Allergy {
                    substance,
                    reaction,
                } => Some(vec![esc(substance), esc(reaction.as_deref().unwrap_or(""))]),
                _ => None,
            })
            .collect();
        self.table(&[self.l("allergies"), self.l("reaction")], rows);
        self.end();
    }

    fn labs(&mut self) {
        self.h2("labs");
        let rows = self
            .s
            .entries_of("lab")
            .filter_map(|e| match &e.entry {
                Entry::Lab {
                    name,
                    value,
                    unit,
                    low,
                    high,
                } => {
                    let range = match (low, high) {
                        (Some(l), Some(h)) => format!("{l} – {h}"),
                        (Some(l), None) => format!("≥ {l}"),
                        (None, Some(h)) => format!("≤ {h}"),
                        (None, None) => String::new(),
                    };
                    Some(vec![
                        self.s.date_of(e.at).to_string(),
                        esc(name),
                        self.mark(format!("{value} {unit}"), e.unusual),
                        esc(&range),
                    ])
                }
                _ => None,
            })
            .collect();
        self.table(
            &[
                self.l("date"),
                self.l("labs"),
                self.l("value"),
                self.l("reference"),
            ],
            rows,
        );
        self.end();
    }

    fn ultrasound(&mut self) {
        self.h2("ultrasound");
        let mm = |v: &Option<f64>| v.map(|x| format!("{x}")).unwrap_or_default();
        let rows = self
            .s
            .entries_of("ultrasound")
            .filter_map(|e| match &e.entry {
                Entry::Ultrasound {
                    crl_mm,
                    bpd_mm,
                    hc_mm,
                    ac_mm,
                    fl_mm,
                    efw_grams,
                } => Some(vec![
                    self.s.date_of(e.at).to_string(),
                    mm(crl_mm),
                    mm(bpd_mm),
                    mm(hc_mm),
                    mm(ac_mm),
                    mm(fl_mm),
                    efw_grams.map(|g| g.to_string()).unwrap_or_default(),
                ]),
                _ => None,
            })
            .collect();
        self.table(
            &[
                self.l("date"),
                "CRL mm",
                "BPD mm",
                "HC mm",
                "AC mm",
                "FL mm",
                "EFW g",
            ],
            rows,
        );
        self.end();
    }

    fn baby(&mut self) {
        let Some(baby) = self.s.baby.clone() else {
            return;
        };
        self.h2("baby");
        let _ = write!(
            self.out,
            "<p>{}: {}</p>",
            esc(self.l("born")),
            baby.birth.date
        );
        for n in 1..=baby.birth.count.min(8) as u8 {
            let sex = baby.sexes.iter().find(|(o, _)| *o == n).map(|(_, s)| *s);
            let rows = self
                .s
                .entries_of("growth")
                .filter_map(|e| match e.entry {
                    Entry::Growth {
                        baby: b,
                        weight_grams,
                        length_mm,
                        head_mm,
                    } if b == n => {
                        let day = self.s.date_of(e.at);
                        let p = GrowthPoint::on(
                            &baby.birth,
                            day,
                            sex,
                            weight_grams,
                            length_mm,
                            head_mm,
                        )?;
                        let cell = |v: Option<f64>, unit: &str, digits: usize, pct: Option<f64>| {
                            v.map(|v| match pct {
                                Some(pct) => format!("{v:.digits$} {unit} (P{pct})"),
                                None => format!("{v:.digits$} {unit}"),
                            })
                            .unwrap_or_default()
                        };
                        Some(vec![
                            day.to_string(),
                            cell(p.weight_kg, "kg", 2, p.weight_percentile),
                            cell(p.length_cm, "cm", 1, p.length_percentile),
                            cell(p.head_cm, "cm", 1, p.head_percentile),
                        ])
                    }
                    _ => None,
                })
                .collect();
            let title = if baby.birth.count > 1 {
                format!("{} {n} · {}", self.l("baby"), self.l("growth"))
            } else {
                self.l("growth").to_owned()
            };
            let _ = write!(self.out, "<h3>{}</h3>", esc(&title));
            self.table(
                &[
                    self.l("date"),
                    self.l("weight"),
                    self.l("length"),
                    self.l("head"),
                ],
                rows,
            );
            if sex.is_some() {
                let _ = write!(
                    self.out,
                    "<p class=\"meta\">{}</p>",
                    esc(self.l("percentile"))
                );
            }
        }
        let _ = write!(self.out, "<h3>{}</h3>", esc(self.l("vaccines")));
        let rows = baby
            .doses
            .iter()
            .map(|d| {
                vec![
                    d.given_on.to_string(),
                    esc(vaccine_name(self.s.language, &d.code).unwrap_or(&d.code)),
                    esc(&self.l("dose_n").replace("{n}", &d.dose.to_string())),
                ]
            })
            .collect();
        self.table(&[self.l("date"), self.l("vaccines"), self.l("dose")], rows);
        self.end();
    }

    fn questions(&mut self) {
        self.h2("questions");
        let items: Vec<String> = self
            .s
            .entries_of("question")
            .filter_map(|e| match &e.entry {
                Entry::Question { text } => Some(format!("<li>{}</li>", esc(text))),
                _ => None,
            })
            .collect();
        if items.is_empty() {
            let _ = write!(self.out, "<p>{}</p>", esc(self.l("none_recorded")));
        } else {
            let _ = write!(self.out, "<ol>{}</ol>", items.concat());
        }
        self.end();
    }

    fn notes(&mut self) {
        self.h2("notes");
        let rows = self
            .s
            .entries_of("note")
            .filter_map(|e| match &e.entry {
                Entry::Note { text } => Some(vec![self.s.date_of(e.at).to_string(), esc(text)]),
                _ => None,
            })
            .collect();
        self.table(&[self.l("date"), self.l("notes")], rows);
        self.end();
    }
}

pub(super) fn render(s: &Summary) -> String {
    let mut page = Page {
        s,
        out: String::with_capacity(16 * 1024),
    };
    page.header();
    for section in super::SECTIONS {
        if !s.shows(section) {
            continue;
        }
        match section {
            "pregnancy" => page.pregnancy(),
            "vitals" => page.vitals(),
            "flags" => page.flags(),
            "symptoms" => page.symptoms(),
            "medications" => page.medications(),
            "allergies" => page.allergies(),
            "labs" => page.labs(),
            "ultrasound" => page.ultrasound(),
            "baby" => page.baby(),
            "questions" => page.questions(),
            _ => page.notes(),
        }
    }
    let _ = write!(
        page.out,
        "<footer>{}</footer></body></html>",
        esc(page.l("disclaimer"))
    );
    page.out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup() {
        assert_eq!(
            super::esc("<b>\"x\" & 'y'</b>"),
            "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"
        );
    }
}
