//! The clinic-visit export, built fully offline: a printable HTML summary
//! and an HL7 FHIR R4 Bundle of the same data. The user picks the date
//! range, the sections and whether her name is included; nothing leaves
//! the device unless she shares the file.

mod fhir;
mod html;

use crate::gain;
use crate::insights::{GlucoseFinding, Insight, glucose_finding};
use crate::journal::{self, Filter, JournalEntry};
use crate::symptoms::{self, Symptom};
use crate::{self as records, Record};
use cradle_store::clock::local_date;
use cradle_store::error::{Error, Result};
use cradle_store::profile::Language;
use cradle_timeline::baby::{BABY_CONTENT_MONTHS, Birth, Newborn};
use cradle_timeline::dating::{Estimate, Method};
use cradle_timeline::gestation::{GestationalAge, start_of_pregnancy};
use cradle_timeline::{POSTPARTUM_DAYS, State};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use rusqlite::Connection;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Fhir,
}

impl Format {
    pub fn from_code(code: &str) -> Result<Self> {
        match code {
            "html" => Ok(Format::Html),
            "fhir" => Ok(Format::Fhir),
            _ => Err(Error::invalid("format", "must be html or fhir")),
        }
    }
}

/// Sections a summary can hold, in the order it shows them.
pub const SECTIONS: [&str; 11] = [
    "pregnancy",
    "vitals",
    "flags",
    "symptoms",
    "medications",
    "allergies",
    "labs",
    "ultrasound",
    "baby",
    "questions",
    "notes",
];

/// The ages a mother can give for the summary.
const AGE_YEARS: std::ops::RangeInclusive<u32> = 12..=60;

/// What the user chose to share.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Records from this local date on; `None` for all.
    pub from: Option<Date>,
    pub include_name: bool,
    /// Her age in years, for this summary only: typed when she shares it,
    /// never stored.
    pub age_years: Option<u32>,
    /// From `SECTIONS`. Empty means every section except the private
    /// diary, which is shared only when asked for by name.
    pub sections: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Pregnancy {
    pub edd: Date,
    pub method: Method,
    pub ga: GestationalAge,
    /// Every way she dated it, oldest first: the LMP, an IVF transfer, the
    /// dating scan and its CRL.
    pub history: Vec<Estimate>,
}

/// Who the visit is for, which names the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisitKind {
    Prenatal,
    /// The first 42 days after the birth.
    Postpartum,
    Baby,
    General,
}

#[derive(Debug, Clone)]
pub struct Gain {
    pub gained_kg: f64,
    pub recommended_kg: [f64; 2],
    pub source: &'static str,
}

#[derive(Debug, Clone)]
pub struct Dose {
    pub baby: u8,
    pub code: String,
    pub dose: u32,
    pub given_on: Date,
    /// The lot number and the place, as she entered them.
    pub lot: Option<String>,
    pub place: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Baby {
    pub birth: Birth,
    pub newborns: Vec<Newborn>,
    pub doses: Vec<Dose>,
}

impl Baby {
    /// The doses given to baby `ordinal`, oldest first.
    pub fn doses_of(&self, ordinal: u8) -> impl Iterator<Item = &Dose> + '_ {
        self.doses.iter().filter(move |d| d.baby == ordinal)
    }
}

/// Everything either format shows, gathered once.
pub struct Summary {
    pub language: Language,
    pub zone: TimeZone,
    pub today: Date,
    pub now: Timestamp,
    pub from: Option<Date>,
    pub name: Option<String>,
    pub age_years: Option<u32>,
    sections: Vec<&'static str>,
    pub pregnancy: Option<Pregnancy>,
    pub gain: Option<Gain>,
    pub readings: Vec<Record>,
    pub flags: Vec<Insight>,
    pub symptoms: Vec<Symptom>,
    pub entries: Vec<JournalEntry>,
    pub baby: Option<Baby>,
}

impl Summary {
    pub fn shows(&self, section: &str) -> bool {
        self.sections.contains(&section)
    }

    pub fn visit(&self) -> VisitKind {
        match (&self.pregnancy, &self.baby) {
            (Some(_), _) => VisitKind::Prenatal,
            (None, Some(b)) => match b.birth.age_on(self.today) {
                // Day 42 itself is the postpartum check the visit is for.
                Some(age) if age.days <= POSTPARTUM_DAYS => VisitKind::Postpartum,
                Some(age) if age.months < BABY_CONTENT_MONTHS => VisitKind::Baby,
                _ => VisitKind::General,
            },
            (None, None) => VisitKind::General,
        }
    }

    /// The label key of the summary's title.
    pub fn title_key(&self) -> &'static str {
        match self.visit() {
            VisitKind::Prenatal => "title",
            VisitKind::Postpartum => "title_postpartum",
            VisitKind::Baby => "title_baby",
            VisitKind::General => "title_general",
        }
    }

    /// How the EDD was found, in her language.
    pub fn method_label(&self, method: Method) -> &'static str {
        cradle_timeline::content::clinic_label(
            self.language,
            match method {
                Method::Edd => "edd_given",
                Method::Ultrasound => "us",
                other => other.code(),
            },
        )
    }

    /// A meter reading outside what is usual for its context, by the rule
    /// the advice uses: the pregnancy targets apply to readings taken in
    /// the ongoing pregnancy.
    pub fn glucose_finding(&self, r: &Record) -> Option<GlucoseFinding> {
        let records::Measurement::Glucose { cmmol, context } = r.measurement else {
            return None;
        };
        let pregnant = self.pregnancy.as_ref().is_some_and(|p| {
            start_of_pregnancy(p.edd).is_ok_and(|start| self.date_of(r.taken_at) >= start)
        });
        glucose_finding(cmmol, context, pregnant)
    }

    /// Whether she said she has no known allergies (and has recorded none).
    pub fn no_known_allergies(&self) -> bool {
        self.entries_of("allergy").next().is_none()
            && self.entries_of("no_known_allergies").next().is_some()
    }

    /// Entries of `kind`, oldest first.
    pub fn entries_of<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a JournalEntry> + 'a {
        self.entries.iter().filter(move |e| e.entry.kind() == kind)
    }

    pub fn date_of(&self, at: Timestamp) -> Date {
        local_date(at, &self.zone)
    }

    /// Her local date and time, to the minute: "2027-03-05 14:30".
    pub fn local_time(&self, at: Timestamp) -> String {
        self.zone
            .to_datetime(at)
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    }

    /// RFC 3339 with the user's offset, as FHIR dateTime wants it.
    pub fn date_time(&self, at: Timestamp) -> String {
        let local = self.zone.to_datetime(at);
        let offset = self.zone.to_offset(at).seconds();
        let (sign, abs) = if offset < 0 {
            ('-', -offset)
        } else {
            ('+', offset)
        };
        format!(
            "{}{sign}{:02}:{:02}",
            local.strftime("%Y-%m-%dT%H:%M:%S"),
            abs / 3600,
            abs % 3600 / 60
        )
    }
}

/// One section of the visit screen's "what to share" list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionChoice {
    pub code: &'static str,
    pub label: &'static str,
    pub included: bool,
}

/// The clinic-visit screen: the summary to print or share, what it
/// includes, and her questions for the visit (oldest first).
#[derive(Debug, Clone)]
pub struct Visit {
    pub html: String,
    pub sections: Vec<SectionChoice>,
    pub questions: Vec<JournalEntry>,
}

/// Every section with its label and whether `options` include it.
pub fn section_choices(language: Language, options: &Options) -> Result<Vec<SectionChoice>> {
    let chosen = sections(&options.sections)?;
    Ok(SECTIONS
        .iter()
        .map(|&code| SectionChoice {
            code,
            label: cradle_timeline::content::clinic_label(language, code),
            included: chosen.contains(&code),
        })
        .collect())
}

fn sections(chosen: &[String]) -> Result<Vec<&'static str>> {
    if chosen.is_empty() {
        return Ok(SECTIONS.iter().copied().filter(|s| *s != "notes").collect());
    }
    chosen
        .iter()
        .map(|c| {
            SECTIONS
                .iter()
                .copied()
                .find(|s| s == c)
                .ok_or_else(|| Error::invalid("sections", "holds a section that does not exist"))
        })
        .collect()
}

/// What the facade knows about "now" and the user.
pub struct Context<'a> {
    pub language: Language,
    pub zone: &'a TimeZone,
    pub today: Date,
    pub now: Timestamp,
    pub name: Option<String>,
    pub flags: Vec<Insight>,
}

fn doses(conn: &Connection, birth_id: i64) -> Result<Vec<Dose>> {
    let mut stmt = conn.prepare(
        "SELECT baby, code, dose, given_on, lot, place FROM vaccine_dose WHERE birth_id = ?1
         ORDER BY baby, given_on, code, dose",
    )?;
    let rows = stmt.query_map([birth_id], |r| {
        Ok((
            r.get::<_, u8>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, u32>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (baby, code, dose, given_on, lot, place) = row?;
        out.push(Dose {
            baby,
            code,
            dose,
            given_on: cradle_timeline::read_date(given_on)?,
            lot,
            place,
        });
    }
    Ok(out)
}

pub fn gather(
    conn: &Connection,
    state: &State,
    cx: Context<'_>,
    options: &Options,
) -> Result<Summary> {
    if options.from.is_some_and(|f| f > cx.today) {
        return Err(Error::invalid("from", "must not be in the future"));
    }
    if options.age_years.is_some_and(|a| !AGE_YEARS.contains(&a)) {
        return Err(Error::invalid("age", "must be between 12 and 60 years"));
    }
    let sections = sections(&options.sections)?;
    let from_instant = options.from.and_then(|d| {
        cx.zone
            .to_timestamp(d.to_datetime(jiff::civil::Time::midnight()))
            .ok()
    });
    let in_range = |at: Timestamp| from_instant.is_none_or(|f| at >= f);

    let pregnancy = state.ongoing().map(|(_, best)| Pregnancy {
        edd: best.edd,
        method: best.method,
        ga: GestationalAge::on(cx.today, best.edd),
        history: state.estimates().to_vec(),
    });
    let readings: Vec<Record> = records::since(conn, from_instant)?;
    let gain = match (
        &pregnancy,
        gain::baseline(conn)?,
        readings
            .iter()
            .rev()
            .find(|r| r.measurement.kind() == "weight"),
    ) {
        (Some(p), Some(base), Some(latest)) => {
            let records::Measurement::Weight { grams } = latest.measurement else {
                unreachable!("filtered on kind")
            };
            let band =
                gain::standard_for(cx.language).band(base.height_cm / 100.0, base.pre_pregnancy_kg);
            let ga = GestationalAge::on(local_date(latest.taken_at, cx.zone), p.edd);
            Some(Gain {
                gained_kg: ((f64::from(grams) / 1000.0 - base.pre_pregnancy_kg) * 10.0).round()
                    / 10.0,
                recommended_kg: band
                    .gain_at(ga.total_days)
                    .map(|k| (k * 10.0).round() / 10.0),
                source: band.source,
            })
        }
        _ => None,
    };
    // Allergies and open questions matter whenever they were written down;
    // everything else from `from` on.
    let mut entries = journal::list(
        conn,
        &Filter {
            from: from_instant,
            ..Filter::default()
        },
    )?;
    if from_instant.is_some() {
        let always = Filter {
            kinds: ["allergy", "no_known_allergies", "question"]
                .map(String::from)
                .to_vec(),
            ..Filter::default()
        };
        entries.extend(
            journal::list(conn, &always)?
                .into_iter()
                .filter(|e| !in_range(e.at)),
        );
        entries.sort_by_key(|e| (e.at, e.id));
    }
    let symptoms = symptoms::since(conn, from_instant.unwrap_or(Timestamp::MIN))?;
    let baby = match state.last_birth() {
        Some((row, birth)) => Some(Baby {
            birth,
            newborns: cradle_timeline::newborns(conn, row.id, birth.count)?,
            doses: doses(conn, row.id)?,
        }),
        None => None,
    };
    Ok(Summary {
        language: cx.language,
        zone: cx.zone.clone(),
        today: cx.today,
        now: cx.now,
        from: options.from,
        name: if options.include_name { cx.name } else { None },
        age_years: options.age_years,
        sections,
        pregnancy,
        gain,
        readings,
        flags: cx.flags,
        symptoms,
        entries,
        baby,
    })
}

/// Renders the summary in `format`.
pub fn render(summary: &Summary, format: Format) -> String {
    match format {
        Format::Html => html::render(summary),
        Format::Fhir => fhir::render(summary),
    }
}
