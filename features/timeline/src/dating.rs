//! Dating a pregnancy: the EDD each method implies, and the best obstetric
//! estimate when several exist (ACOG Committee Opinion 700, 2017).

use super::gestation::{GestationalAge, MAX_ONGOING_DAYS, TERM_DAYS, add_days, days_between};
use cradle_store::error::{Error, Result};
use jiff::civil::Date;

/// How an estimate was made; also the `dating_method` the shells show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Method {
    Lmp,
    Conception,
    Ivf,
    Ultrasound,
    Edd,
}

impl Method {
    pub fn code(self) -> &'static str {
        match self {
            Method::Lmp => "lmp",
            Method::Conception => "conception",
            Method::Ivf => "ivf",
            Method::Ultrasound => "ultrasound",
            Method::Edd => "edd",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [
            Method::Lmp,
            Method::Conception,
            Method::Ivf,
            Method::Ultrasound,
            Method::Edd,
        ]
        .into_iter()
        .find(|m| m.code() == code)
    }
}

/// What a dating scan measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scan {
    /// Crown–rump length in tenths of a millimetre (first trimester).
    Crl { tenth_mm: u32 },
    /// A later scan: the gestational age the sonographer stated from biometry.
    Stated(GestationalAge),
}

/// One way of dating, with its inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatingInput {
    Lmp { lmp: Date, cycle_days: u32 },
    Conception { date: Date },
    Ivf { transfer: Date, embryo_age: u32 },
    Ultrasound { scan_date: Date, scan: Scan },
    Edd { edd: Date },
}

pub const DEFAULT_CYCLE_DAYS: u32 = 28;
pub const CYCLE_DAYS: std::ops::RangeInclusive<u32> = 21..=45;
/// Robinson & Fleming's formula is used from 2 mm to 84 mm (13w6d).
pub const CRL_TENTH_MM: std::ops::RangeInclusive<u32> = 20..=840;

impl DatingInput {
    pub fn method(&self) -> Method {
        match self {
            DatingInput::Lmp { .. } => Method::Lmp,
            DatingInput::Conception { .. } => Method::Conception,
            DatingInput::Ivf { .. } => Method::Ivf,
            DatingInput::Ultrasound { .. } => Method::Ultrasound,
            DatingInput::Edd { .. } => Method::Edd,
        }
    }

    /// The field a shell highlights when this input is rejected.
    fn field(&self) -> &'static str {
        match self {
            DatingInput::Lmp { .. } => "lmp",
            DatingInput::Conception { .. } => "conception",
            DatingInput::Ivf { .. } => "transfer_date",
            DatingInput::Ultrasound { .. } => "scan_date",
            DatingInput::Edd { .. } => "edd",
        }
    }

    /// The date the input refers to (it cannot lie after "today").
    fn event_date(&self) -> Date {
        match *self {
            DatingInput::Lmp { lmp, .. } => lmp,
            DatingInput::Conception { date } => date,
            DatingInput::Ivf { transfer, .. } => transfer,
            DatingInput::Ultrasound { scan_date, .. } => scan_date,
            DatingInput::Edd { edd } => edd,
        }
    }

    /// Checks the input against `today` (the user's local date) and returns
    /// the EDD it implies on its own.
    pub fn validate(&self, today: Date) -> Result<Date> {
        let field = self.field();
        if !matches!(self, DatingInput::Edd { .. }) && self.event_date() > today {
            return Err(Error::invalid(field, "must not be in the future"));
        }
        let edd = self.edd()?;
        let ga_today = GestationalAge::on(today, edd);
        if ga_today.total_days < 0 {
            return Err(Error::invalid(
                field,
                "implies a pregnancy that has not begun yet",
            ));
        }
        if ga_today.total_days > MAX_ONGOING_DAYS {
            return Err(Error::invalid(
                field,
                "implies a pregnancy past 44 weeks today",
            ));
        }
        Ok(edd)
    }

    /// The EDD implied by this input alone, after range checks.
    pub fn edd(&self) -> Result<Date> {
        match *self {
            // Naegele's rule with the cycle-length adjustment (a convention;
            // ACOG gives no formula): LMP + 280 + (cycle − 28) days.
            DatingInput::Lmp { lmp, cycle_days } => {
                if !CYCLE_DAYS.contains(&cycle_days) {
                    return Err(Error::invalid(
                        "cycle_days",
                        "must be between 21 and 45 days",
                    ));
                }
                add_days(lmp, TERM_DAYS + i64::from(cycle_days) - 28)
            }
            // Conception (ovulation) + 266 days.
            DatingInput::Conception { date } => add_days(date, 266),
            // ACOG CO 700: day-3 transfer + 263, day-5 + 261, day-6 + 260.
            DatingInput::Ivf {
                transfer,
                embryo_age,
            } => {
                let days = match embryo_age {
                    3 => 263,
                    5 => 261,
                    6 => 260,
                    _ => return Err(Error::invalid("embryo_age", "must be 3, 5 or 6 days")),
                };
                add_days(transfer, days)
            }
            DatingInput::Ultrasound { scan_date, scan } => {
                let ga = scan.gestational_age()?;
                add_days(scan_date, TERM_DAYS - ga.total_days)
            }
            DatingInput::Edd { edd } => Ok(edd),
        }
    }
}

impl Scan {
    /// A crown–rump length in millimetres, as a sonographer reports it
    /// (kept to a tenth of a millimetre).
    pub fn crl_mm(mm: f64) -> Result<Scan> {
        let tenth = (mm * 10.0).round();
        if !tenth.is_finite() || tenth < 0.0 || tenth > f64::from(u32::MAX) {
            return Err(Error::invalid("crl", "must be a length in millimetres"));
        }
        let scan = Scan::Crl {
            tenth_mm: tenth as u32,
        };
        scan.gestational_age()?;
        Ok(scan)
    }

    /// A gestational age stated by the sonographer, `weeks` + `days`.
    pub fn stated(weeks: u32, days: u32) -> Result<Scan> {
        let scan = Scan::Stated(GestationalAge::checked(weeks, days)?);
        scan.gestational_age()?;
        Ok(scan)
    }

    pub fn gestational_age(&self) -> Result<GestationalAge> {
        match *self {
            Scan::Crl { tenth_mm } => {
                if !CRL_TENTH_MM.contains(&tenth_mm) {
                    return Err(Error::invalid(
                        "crl",
                        "must be between 2 and 84 mm; for a later scan give the stated gestational age",
                    ));
                }
                Ok(crl_to_gestational_age(f64::from(tenth_mm) / 10.0))
            }
            Scan::Stated(ga) => {
                if !(GestationalAge::new(4, 0)..=GestationalAge::new(43, 6)).contains(&ga) {
                    return Err(Error::invalid("ga", "must be between 4w0d and 43w6d"));
                }
                Ok(ga)
            }
        }
    }
}

/// Robinson HP, Fleming JE. "A critical evaluation of sonar crown-rump length
/// measurements." Br J Obstet Gynaecol 1975;82:702–710:
/// GA (days) = 8.052 × √CRL(mm) + 23.73. Completed days (floor), so 84 mm is 13w6d.
pub fn crl_to_gestational_age(crl_mm: f64) -> GestationalAge {
    GestationalAge::from_days((8.052 * crl_mm.sqrt() + 23.73).floor() as i64)
}

/// ACOG Committee Opinion 700 (2017), table 1: redate to the ultrasound when
/// its EDD differs from the LMP's by more than this many days, by the
/// ultrasound's gestational age at the scan.
pub fn redating_threshold_days(ga_at_scan: GestationalAge) -> i64 {
    match ga_at_scan.weeks() {
        ..=8 => 5,
        9..=13 => 7,
        14..=15 => 7,
        16..=21 => 10,
        22..=27 => 14,
        _ => 21,
    }
}

/// A recorded estimate: its input and the EDD that input implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Estimate {
    pub input: DatingInput,
    pub edd: Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BestEstimate {
    pub edd: Date,
    pub method: Method,
    /// True when an ultrasound replaced an LMP-based date under ACOG's rule.
    pub redated: bool,
}

/// The best obstetric estimate from the estimates in recording order.
///
/// - The latest non-ultrasound estimate is the base (a new LMP replaces the old).
/// - The dating scan is the earliest ultrasound; later scans never redate.
/// - IVF dates are never redated (SMFM); a clinic's EDD is already the
///   clinician's best estimate and stands as entered.
/// - An LMP (or a known conception date, treated as LMP + 14 days) is
///   redated when the difference exceeds ACOG's threshold.
pub fn best_estimate(estimates: &[Estimate]) -> Option<BestEstimate> {
    let base = estimates
        .iter()
        .rev()
        .find(|e| e.input.method() != Method::Ultrasound);
    let dating_scan = estimates
        .iter()
        .filter_map(|e| match e.input {
            DatingInput::Ultrasound { scan_date, scan } => Some((scan_date, scan, e.edd)),
            _ => None,
        })
        .min_by_key(|(date, _, _)| *date);

    let from = |e: &Estimate| BestEstimate {
        edd: e.edd,
        method: e.input.method(),
        redated: false,
    };
    match (base, dating_scan) {
        (None, None) => None,
        (None, Some((_, _, edd))) => Some(BestEstimate {
            edd,
            method: Method::Ultrasound,
            redated: false,
        }),
        (Some(b), None) => Some(from(b)),
        (Some(b), Some((scan_date, _, scan_edd))) => match b.input.method() {
            Method::Lmp | Method::Conception => {
                let ga_at_scan = GestationalAge::on(scan_date, scan_edd);
                let difference = days_between(scan_edd, b.edd).abs();
                if difference > redating_threshold_days(ga_at_scan) {
                    Some(BestEstimate {
                        edd: scan_edd,
                        method: Method::Ultrasound,
                        redated: true,
                    })
                } else {
                    Some(from(b))
                }
            }
            _ => Some(from(b)),
        },
    }
}
