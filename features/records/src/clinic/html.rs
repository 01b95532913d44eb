//! The printable summary: one self-contained HTML page (no scripts, no
//! external resources), styled for A4 paper and for a phone screen.

use super::Summary;
use crate::growth;
use crate::insights::ogtt_at_cutoff;
use crate::journal::Entry;
use crate::trends::GrowthPoint;
use crate::{GlucoseContext, Measurement, Record};
use cradle_timeline::baby::Newborn;
use cradle_timeline::content::{clinic_label, symptom_label, vaccine_name};
use cradle_timeline::dating::{DatingInput, Scan};

/// A temperature shown as a fever: 38.0 °C (NICE NG143).
const FEVER_C: f64 = 38.0;
/// The newest readings of a long series listed in full.
const SHOWN: usize = 20;

/// 140/90 or higher (ACOG PB 222; CMA 2020), marked in the table.
fn high_bp(systolic: u32, diastolic: u32) -> bool {
    systolic >= 140 || diastolic >= 90
}
use std::fmt::Write;

/// The running header's type, as the body's. The stack names a CJK face
/// for each platform (WenQuanYi on Linux), so digits and Chinese come from
/// one font and a PDF reads back in order.
const MARGIN_FONT: &str = "font-family:-apple-system,'PingFang SC','Noto Sans CJK SC','WenQuanYi Micro Hei','Microsoft YaHei',Roboto,sans-serif;font-size:9pt;color:#57606a";

const STYLE: &str = "\
*{box-sizing:border-box}\
body{font-family:-apple-system,'PingFang SC','Noto Sans CJK SC','WenQuanYi Micro Hei','Microsoft YaHei',Roboto,sans-serif;\
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
h2,h3,h4{break-after:avoid-page}tr,.flag,li{break-inside:avoid-page}thead{display:table-header-group}\
.glance th{width:34%}\
h4{font-size:.95em;margin:.8em 0 .2em}\
@media (max-width:600px){body{padding:10px;font-size:14px}th,td{padding:3px 4px}}\
@media print{body{padding:0;max-width:none}a{color:inherit}.first{break-after:page}}";

/// A CSS string literal, for the running header: quotes, backslashes and
/// markup are escaped as CSS hex escapes.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => {
                let _ = write!(out, "\\{:x} ", c as u32);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

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

    /// The page setup: A4, and on every printed page her name (or the
    /// title) and "page N of M".
    fn page_css(&self) -> String {
        let who = self.s.name.as_deref().unwrap_or(self.l(self.s.title_key()));
        let page_of = self.l("page_of");
        let (before, rest) = page_of.split_once("{n}").unwrap_or((page_of, ""));
        let (between, after) = rest.split_once("{m}").unwrap_or((rest, ""));
        format!(
            "@page{{size:A4;margin:18mm 15mm 15mm;\
             @top-left{{content:{};{MARGIN_FONT}}}\
             @top-right{{content:{} counter(page) {} counter(pages) {};{MARGIN_FONT}}}}}",
            css_string(who),
            css_string(before),
            css_string(between),
            css_string(after)
        )
    }

    fn header(&mut self) {
        let s = self.s;
        let title = self.l(s.title_key());
        let _ = write!(
            self.out,
            "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
             <title>{}</title><style>{}{STYLE}</style></head><body><header><h1>{}</h1>",
            s.language.code(),
            esc(title),
            self.page_css(),
            esc(title)
        );
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

    /// Page 1: who she is and where she stands, then what a doctor must
    /// not miss: allergies, current medications, flags and her questions.
    fn first_page(&mut self) {
        let s = self.s;
        self.out.push_str("<section class=\"first\">");
        let mut rows = Vec::new();
        if let Some(name) = &s.name {
            rows.push(vec![
                esc(self.l("name")),
                format!("<strong>{}</strong>", esc(name)),
            ]);
        }
        if let Some(age) = s.age_years {
            rows.push(vec![
                esc(self.l("her_age")),
                esc(&self.l("years").replace("{n}", &age.to_string())),
            ]);
        }
        if s.shows("pregnancy")
            && let Some(p) = &s.pregnancy
        {
            rows.push(vec![
                esc(self.l("edd")),
                format!("{} ({})", p.edd, esc(s.method_label(p.method))),
            ]);
            rows.push(vec![
                esc(self.l("ga")),
                format!(
                    "<strong>{}</strong>",
                    esc(&self.weeks_days(p.ga.weeks(), p.ga.days()))
                ),
            ]);
        }
        if s.shows("baby")
            && let Some(baby) = &s.baby
        {
            let ga = baby.birth.ga_at_birth;
            let mut born = self
                .l("born_on")
                .replace("{date}", &baby.birth.date.to_string())
                .replace("{ga}", &self.weeks_days(ga.weeks(), ga.days()));
            if let Some(age) = baby.birth.age_on(s.today) {
                born.push_str(&format!(
                    " · {}: {}",
                    self.l("age"),
                    self.months_days(age.months, age.days_into_month)
                ));
            }
            rows.push(vec![esc(self.l("baby")), esc(&born)]);
        }
        if !rows.is_empty() {
            self.out.push_str("<table class=\"glance\"><tbody>");
            for row in rows {
                let _ = write!(self.out, "<tr><th>{}</th><td>{}</td></tr>", row[0], row[1]);
            }
            self.out.push_str("</tbody></table>");
        }
        for section in ["allergies", "medications", "flags", "questions"] {
            if !s.shows(section) {
                continue;
            }
            match section {
                "allergies" => self.allergies(),
                "medications" => self.medications(),
                "flags" => self.flags(),
                _ => self.questions(),
            }
        }
        self.out.push_str("</section>");
    }

    /// How the pregnancy was dated: her LMP, an IVF transfer, the dating
    /// scan and its CRL, oldest first.
    fn dating_history(&mut self) {
        let Some(p) = self.s.pregnancy.clone() else {
            return;
        };
        self.h2("dating_history");
        let rows = p
            .history
            .iter()
            .map(|e| {
                let (what, detail) = match e.input {
                    DatingInput::Lmp { lmp, cycle_days } => (
                        self.l("lmp_date"),
                        format!(
                            "{lmp} ({})",
                            self.l("cycle").replace("{n}", &cycle_days.to_string())
                        ),
                    ),
                    DatingInput::Conception { date } => (self.l("conception"), date.to_string()),
                    DatingInput::Ivf {
                        transfer,
                        embryo_age,
                    } => (
                        self.l("ivf_transfer"),
                        format!("{transfer} (D{embryo_age})"),
                    ),
                    DatingInput::Ultrasound { scan_date, scan } => (
                        self.l("dating_scan"),
                        match scan {
                            Scan::Crl { tenth_mm } => format!(
                                "{scan_date}, {} {} mm",
                                self.l("crl"),
                                f64::from(tenth_mm) / 10.0
                            ),
                            Scan::Stated(ga) => {
                                format!("{scan_date}, {}", self.weeks_days(ga.weeks(), ga.days()))
                            }
                        },
                    ),
                    DatingInput::Edd { edd } => (self.l("edd_given"), edd.to_string()),
                };
                vec![
                    esc(what),
                    esc(&detail),
                    format!("{} {}", esc(self.l("edd")), e.edd),
                ]
            })
            .collect();
        self.table(&["", "", ""], rows);
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
        // Blood pressure and glucose: how many, the mean and the highest of
        // every reading in range, then the newest ones.
        let bp = self.readings_of("blood_pressure");
        if !bp.is_empty() {
            let pair = |r: &Record| match r.measurement {
                Measurement::BloodPressure {
                    systolic,
                    diastolic,
                    ..
                } => (systolic, diastolic),
                _ => (0, 0),
            };
            let n = bp.len() as f64;
            let (sum_s, sum_d) = bp.iter().fold((0u64, 0u64), |(a, b), r| {
                let (s, d) = pair(r);
                (a + u64::from(s), b + u64::from(d))
            });
            let highest = bp
                .iter()
                .max_by_key(|r| (pair(r), std::cmp::Reverse(r.taken_at)))
                .copied();
            let summary = highest.map(|h| {
                let (s, d) = pair(h);
                (
                    format!("{:.0}/{:.0} mmHg", sum_s as f64 / n, sum_d as f64 / n),
                    self.mark(
                        format!("{s}/{d} mmHg ({})", self.s.local_time(h.taken_at)),
                        high_bp(s, d),
                    ),
                )
            });
            let rows = bp
                .iter()
                .rev()
                .take(SHOWN)
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
                        s.local_time(r.taken_at),
                        self.mark(
                            format!("{systolic}/{diastolic} mmHg{pulse}"),
                            r.unusual || high_bp(systolic, diastolic),
                        ),
                    ]
                })
                .collect();
            self.series("blood_pressure", bp.len(), summary, rows);
        }
        let glucose = self.readings_of("glucose");
        if !glucose.is_empty() {
            let value = |r: &Record| match r.measurement {
                Measurement::Glucose { cmmol, context } => (cmmol, context),
                _ => (0, GlucoseContext::Random),
            };
            let flagged = |r: &Record| r.unusual || s.glucose_finding(r).is_some();
            let text = |r: &Record| {
                let (cmmol, context) = value(r);
                format!(
                    "{:.1} mmol/L, {}",
                    f64::from(cmmol) / 100.0,
                    self.l(context.code())
                )
            };
            let n = glucose.len() as f64;
            let mean = glucose.iter().map(|r| f64::from(value(r).0)).sum::<f64>() / n / 100.0;
            let summary = glucose
                .iter()
                .max_by_key(|r| (value(r).0, std::cmp::Reverse(r.taken_at)))
                .map(|h| {
                    (
                        format!("{mean:.1} mmol/L"),
                        self.mark(
                            format!("{} ({})", text(h), s.local_time(h.taken_at)),
                            flagged(h),
                        ),
                    )
                });
            let rows = glucose
                .iter()
                .rev()
                .take(SHOWN)
                .map(|r| vec![s.local_time(r.taken_at), self.mark(text(r), flagged(r))])
                .collect();
            self.series("glucose", glucose.len(), summary, rows);
        }
        if s.readings.is_empty() {
            let _ = write!(self.out, "<p>{}</p>", esc(self.l("none_recorded")));
        }
        self.end();
    }

    /// A long series: its count, mean and highest, then the newest rows.
    fn series(
        &mut self,
        key: &str,
        total: usize,
        summary: Option<(String, String)>,
        rows: Vec<Vec<String>>,
    ) {
        let _ = write!(self.out, "<h3>{} ({total})</h3>", esc(self.l(key)));
        if let Some((mean, highest)) = summary {
            let _ = write!(
                self.out,
                "<p>{}: {} · {}: {}</p>",
                esc(self.l("mean")),
                esc(&mean),
                esc(self.l("highest")),
                highest
            );
        }
        if total > rows.len() {
            let _ = write!(
                self.out,
                "<p class=\"meta\">{}</p>",
                esc(&self
                    .l("newest_shown")
                    .replace("{n}", &rows.len().to_string())
                    .replace("{total}", &total.to_string()))
            );
        }
        self.table(&[self.l("date"), self.l("value")], rows);
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
            .collect::<Vec<_>>();
        if rows.is_empty() {
            // Her "none known" differs from nothing written down.
            let said = if self.s.no_known_allergies() {
                "no_known_allergies"
            } else {
                "allergies_not_asked"
            };
            let _ = write!(self.out, "<p><strong>{}</strong></p>", esc(self.l(said)));
        } else {
            self.table(&[self.l("allergies"), self.l("reaction")], rows);
        }
        self.end();
    }

    fn labs(&mut self) {
        self.h2("labs");
        let rows = self
            .s
            .entries
            .iter()
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
                    let outside =
                        low.is_some_and(|l| *value < l) || high.is_some_and(|h| *value > h);
                    Some(vec![
                        self.s.date_of(e.at).to_string(),
                        esc(name),
                        self.mark(format!("{value} {unit}"), e.unusual || outside),
                        esc(&range),
                    ])
                }
                Entry::Ogtt {
                    fasting,
                    one_hour,
                    two_hours,
                } => {
                    let values: Vec<String> = [Some(*fasting), *one_hour, *two_hours]
                        .iter()
                        .enumerate()
                        .map(|(i, v)| match v {
                            Some(v) => self.mark(format!("{v:.1}"), ogtt_at_cutoff(i, *v)),
                            None => "–".to_owned(),
                        })
                        .collect();
                    Some(vec![
                        self.s.date_of(e.at).to_string(),
                        esc(self.l("ogtt")),
                        format!("{} mmol/L", values.join(" / ")),
                        "&lt; 5.1 / 10.0 / 8.5".to_owned(),
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
        let born = self
            .l("born_on")
            .replace("{date}", &baby.birth.date.to_string())
            .replace(
                "{ga}",
                &self.weeks_days(
                    baby.birth.ga_at_birth.weeks(),
                    baby.birth.ga_at_birth.days(),
                ),
            );
        let mut facts = vec![born];
        if let Some(age) = baby.birth.age_on(self.s.today) {
            facts.push(format!(
                "{}: {}",
                self.l("age"),
                self.months_days(age.months, age.days_into_month)
            ));
            if let (Some(days), Some(months)) = (age.corrected_days, age.corrected_months) {
                let corrected = if days < 0 {
                    self.l("before_term").replace("{d}", &(-days).to_string())
                } else {
                    self.l("months").replace("{m}", &months.to_string())
                };
                facts.push(format!("{}: {corrected}", self.l("corrected_age")));
            }
        }
        if let Some(hbsag) = baby.newborns.first().and_then(|b| b.mother_hbsag) {
            facts.push(format!(
                "{}: {}",
                self.l("mother_hbsag"),
                self.l(hbsag.code())
            ));
        }
        let _ = write!(self.out, "<p>{}</p>", esc(&facts.join(" · ")));
        let twins = baby.birth.count > 1;
        for newborn in &baby.newborns {
            let n = newborn.ordinal;
            let mut about = Vec::new();
            if twins {
                about.push(self.l("baby_n").replace("{n}", &n.to_string()));
            }
            about.push(format!(
                "{}: {}",
                self.l("sex"),
                newborn
                    .sex
                    .map_or(self.l("not_recorded"), |s| self.l(s.code()))
            ));
            about.push(format!(
                "{}: {}",
                self.l("birth_weight"),
                newborn
                    .birth_weight_g
                    .map_or_else(|| self.l("not_recorded").to_owned(), |g| format!("{g} g"))
            ));
            let _ = write!(self.out, "<h3>{}</h3>", esc(&about.join(" · ")));
            self.growth(&baby, newborn);
            self.temperatures(n);
            let rows = baby
                .doses_of(n)
                .map(|d| {
                    vec![
                        d.given_on.to_string(),
                        esc(vaccine_name(self.s.language, &d.code).unwrap_or(&d.code)),
                        esc(&self.l("dose_n").replace("{n}", &d.dose.to_string())),
                    ]
                })
                .collect();
            let _ = write!(self.out, "<h4>{}</h4>", esc(self.l("vaccines")));
            self.table(&[self.l("date"), self.l("vaccines"), self.l("dose")], rows);
        }
        self.end();
    }

    /// Baby `newborn`'s growth, each value with its WHO percentile, those
    /// outside P3–P97 marked.
    fn growth(&mut self, baby: &super::Baby, newborn: &Newborn) {
        let rows: Vec<Vec<String>> = self
            .s
            .entries_of("growth")
            .filter_map(|e| match e.entry {
                Entry::Growth {
                    baby: b,
                    weight_grams,
                    length_mm,
                    head_mm,
                } if b == newborn.ordinal => {
                    let day = self.s.date_of(e.at);
                    let p = GrowthPoint::on(
                        &baby.birth,
                        day,
                        newborn.sex,
                        weight_grams,
                        length_mm,
                        head_mm,
                    )?;
                    let cell = |v: Option<f64>, unit: &str, digits: usize, pct: Option<f64>| {
                        v.map(|v| {
                            let text = format!("{v:.digits$} {unit}");
                            match pct {
                                Some(pct) => self.mark(
                                    format!("{text} ({})", growth::percentile_text(pct)),
                                    !growth::within_p3_p97(pct),
                                ),
                                None => esc(&text),
                            }
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
        let _ = write!(self.out, "<h4>{}</h4>", esc(self.l("growth")));
        let shown = !rows.is_empty();
        self.table(
            &[
                self.l("date"),
                self.l("weight"),
                self.l("length"),
                self.l("head"),
            ],
            rows,
        );
        if shown {
            let note = if newborn.sex.is_some() {
                self.l("percentile")
            } else {
                self.l("percentile_needs_sex")
            };
            let _ = write!(self.out, "<p class=\"meta\">{}</p>", esc(note));
        }
    }

    /// Baby `n`'s temperatures, newest first; a fever marked.
    fn temperatures(&mut self, n: u8) {
        let mut rows: Vec<(jiff::Timestamp, Vec<String>)> = self
            .s
            .entries_of("temperature")
            .filter_map(|e| match e.entry {
                Entry::Temperature { baby, celsius } if baby == n => Some((
                    e.at,
                    vec![
                        self.s.local_time(e.at),
                        self.mark(format!("{celsius:.1} °C"), celsius >= FEVER_C || e.unusual),
                    ],
                )),
                _ => None,
            })
            .collect();
        if rows.is_empty() {
            return;
        }
        rows.sort_by_key(|r| std::cmp::Reverse(r.0));
        let _ = write!(self.out, "<h4>{}</h4>", esc(self.l("temperatures")));
        self.table(
            &[self.l("date"), self.l("value")],
            rows.into_iter().map(|(_, r)| r).collect(),
        );
    }

    fn weeks_days(&self, weeks: i64, days: i64) -> String {
        self.l("weeks_days")
            .replace("{w}", &weeks.to_string())
            .replace("{d}", &days.to_string())
    }

    fn months_days(&self, months: u32, days: i64) -> String {
        self.l("months_days")
            .replace("{m}", &months.to_string())
            .replace("{d}", &days.to_string())
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
    page.first_page();
    for section in super::SECTIONS {
        if !s.shows(section) {
            continue;
        }
        match section {
            "pregnancy" => page.dating_history(),
            "vitals" => page.vitals(),
            "symptoms" => page.symptoms(),
            "labs" => page.labs(),
            "ultrasound" => page.ultrasound(),
            "baby" => page.baby(),
            "notes" => page.notes(),
            // On page 1.
            _ => {}
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
