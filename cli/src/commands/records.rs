//! Readings, symptoms, kicks, contractions, journal entries, her body and the baby's sex.

use crate::*;

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Record a measurement
    Record {
        #[command(subcommand)]
        what: RecordWhat,
    },
    /// Your recorded measurements
    Records {
        #[command(subcommand)]
        action: RecordsAction,
    },
    /// Gentle, non-diagnostic notes on your latest readings
    Insights,
    /// Note a symptom: nausea, swelling, headache, vision_changes, bleeding,
    /// fluid_leak, reduced_movements, …
    Symptom {
        code: String,
        /// mild, moderate or severe
        #[arg(long, default_value = "moderate")]
        severity: String,
        #[arg(long)]
        at: Option<String>,
    },
    /// Kick counter: start, tap for each movement, stop
    Kicks {
        #[command(subcommand)]
        action: KicksAction,
    },
    /// Contraction timer: start when one begins, stop when it ends
    Contractions {
        #[command(subcommand)]
        action: ContractionsAction,
        /// When to call: 5-1-1 (default) or 3-1-1
        #[arg(long, default_value = "5-1-1", global = true)]
        rule: String,
    },
    /// Medications, allergies, labs, scans, diary notes, questions and baby
    /// logs, written as JSON, e.g. '{"kind":"note","text":"…"}'
    Entry {
        #[command(subcommand)]
        action: EntryAction,
    },
    /// Height and pre-pregnancy weight, for the weight-gain band
    Body {
        #[arg(long)]
        height_cm: f64,
        #[arg(long)]
        pre_pregnancy_kg: f64,
    },
    /// Record a baby's sex (for WHO growth percentiles)
    BabySex {
        /// 1 for a singleton; twins are 1 and 2
        baby: u8,
        /// female or male
        sex: String,
    },
}

#[derive(Subcommand)]
pub(crate) enum RecordWhat {
    /// Blood pressure in mmHg
    Bp {
        #[arg(long)]
        sys: u32,
        #[arg(long)]
        dia: u32,
        #[arg(long)]
        pulse: Option<u32>,
        /// When it was taken (RFC 3339); default now
        #[arg(long)]
        at: Option<String>,
    },
    /// Weight in kg or jin (市斤)
    #[command(group(ArgGroup::new("unit").required(true).args(["kg", "jin"])))]
    Weight {
        #[arg(long)]
        kg: Option<f64>,
        #[arg(long)]
        jin: Option<f64>,
        #[arg(long)]
        at: Option<String>,
    },
    /// Blood glucose in mmol/L or mg/dL
    #[command(group(ArgGroup::new("unit").required(true).args(["mmol", "mgdl"])))]
    Glucose {
        #[arg(long)]
        mmol: Option<f64>,
        #[arg(long)]
        mgdl: Option<f64>,
        /// fasting, 1h, 2h or random
        #[arg(long)]
        context: String,
        #[arg(long)]
        at: Option<String>,
    },
}

#[derive(Subcommand)]
pub(crate) enum RecordsAction {
    /// List records, oldest first
    List {
        /// weight, blood_pressure or glucose
        #[arg(long)]
        kind: Option<String>,
    },
    /// Delete a record by id
    Delete { id: i64 },
}

#[derive(Subcommand)]
pub(crate) enum KicksAction {
    Start,
    Tap,
    Stop,
    /// The current or last session
    Status,
}

#[derive(Subcommand)]
pub(crate) enum ContractionsAction {
    Start,
    Stop,
    /// Interval, duration and whether it is time to call
    Status,
}

#[derive(Subcommand)]
pub(crate) enum EntryAction {
    /// Add an entry given as JSON
    Add {
        #[arg(value_name = "JSON")]
        entry: String,
        #[arg(long)]
        at: Option<String>,
    },
    /// List entries, oldest first
    List {
        /// Only these kinds (repeatable)
        #[arg(long)]
        kind: Vec<String>,
    },
    Delete {
        id: i64,
    },
}

pub(crate) fn run(cradle: &Cradle, out: &Output, command: Command) -> Result<(), CradleError> {
    match command {
        Command::Record { what } => {
            let (checked, at) = match what {
                RecordWhat::Bp {
                    sys,
                    dia,
                    pulse,
                    at,
                } => (Measurement::blood_pressure(sys, dia, pulse)?, at),
                RecordWhat::Weight { kg, jin, at } => {
                    let checked = match (kg, jin) {
                        (Some(kg), _) => Measurement::weight(kg, WeightUnit::Kg)?,
                        // clap's "unit" group guarantees one of the two.
                        (None, jin) => {
                            Measurement::weight(jin.unwrap_or_default(), WeightUnit::Jin)?
                        }
                    };
                    (checked, at)
                }
                RecordWhat::Glucose {
                    mmol,
                    mgdl,
                    context,
                    at,
                } => {
                    let context = GlucoseContext::from_code(&context)?;
                    let checked = match (mmol, mgdl) {
                        (Some(v), _) => Measurement::glucose(v, GlucoseUnit::MmolPerL, context)?,
                        (None, v) => Measurement::glucose(
                            v.unwrap_or_default(),
                            GlucoseUnit::MgPerDl,
                            context,
                        )?,
                    };
                    (checked, at)
                }
            };
            let at = at.map(|t| reminders::parse_instant("at", &t)).transpose()?;
            let id = cradle.records().record(checked, at)?;
            out.recorded(
                cradle.language()?,
                id,
                checked.unusual,
                &cradle.records().insights()?,
            );
        }
        Command::Records { action } => match action {
            RecordsAction::List { kind } => out.records(
                cradle.language()?,
                &cradle.records().shown(kind.as_deref())?,
            ),
            RecordsAction::Delete { id } => {
                cradle.records().delete_record(id)?;
                out.ok(cradle.language()?, &id.to_string(), Outcome::Deleted);
            }
        },
        Command::Insights => out.insights(&cradle.records().insights()?),
        Command::Symptom { code, severity, at } => {
            let severity = Severity::from_code(&severity)?;
            let at = at.map(|t| reminders::parse_instant("at", &t)).transpose()?;
            let id = cradle.records().note_symptom(&code, severity, at)?;
            out.recorded(cradle.language()?, id, false, &cradle.records().insights()?);
        }
        Command::Kicks { action } => {
            let session = match action {
                KicksAction::Start => Some(cradle.records().kick(KickAction::Start)?),
                KicksAction::Tap => Some(cradle.records().kick(KickAction::Tap)?),
                KicksAction::Stop => Some(cradle.records().kick(KickAction::Stop)?),
                KicksAction::Status => cradle.records().kick_session()?,
            };
            out.kicks(
                cradle.language()?,
                &cradle.time_zone()?,
                session.as_ref(),
                &cradle.records().insights()?,
            );
        }
        Command::Contractions { action, rule } => {
            let rule = match rule.as_str() {
                "5-1-1" => CallRule::FiveOneOne,
                "3-1-1" => CallRule::ThreeOneOne,
                _ => {
                    return Err(CradleError::InvalidInput {
                        field: "rule".into(),
                        reason: "must be 5-1-1 or 3-1-1".into(),
                    });
                }
            };
            let timer = match action {
                ContractionsAction::Start => cradle.records().contraction(true, rule)?,
                ContractionsAction::Stop => cradle.records().contraction(false, rule)?,
                ContractionsAction::Status => cradle.records().contraction_timer(rule)?,
            };
            out.contractions(cradle.language()?, &timer);
        }
        Command::Entry { action } => match action {
            EntryAction::Add { entry, at } => {
                let entry: Entry =
                    serde_json::from_str(&entry).map_err(|_| CradleError::InvalidInput {
                        field: "json".into(),
                        reason: "is not an entry of a kind Cradle keeps".into(),
                    })?;
                let at = at.map(|t| reminders::parse_instant("at", &t)).transpose()?;
                out.ok(
                    cradle.language()?,
                    &cradle.records().add_entry(entry, at)?.to_string(),
                    Outcome::Added,
                );
            }
            EntryAction::List { kind } => {
                out.entries(
                    cradle.language()?,
                    &cradle.time_zone()?,
                    &cradle.records().entries(&Filter {
                        kinds: kind,
                        ..Filter::default()
                    })?,
                );
            }
            EntryAction::Delete { id } => {
                cradle.records().delete_entry(id)?;
                out.ok(cradle.language()?, &id.to_string(), Outcome::Deleted);
            }
        },
        Command::Body {
            height_cm,
            pre_pregnancy_kg,
        } => {
            cradle
                .records()
                .set_baseline(Some(Baseline::new(height_cm, pre_pregnancy_kg)?))?;
            out.ok(cradle.language()?, "body", Outcome::Saved);
        }
        Command::BabySex { baby, sex } => {
            let sex = Sex::from_code(&sex).ok_or_else(|| CradleError::InvalidInput {
                field: "sex".into(),
                reason: "must be female or male".into(),
            })?;
            cradle.timeline().set_baby_sex(baby, sex)?;
            out.ok(cradle.language()?, &baby.to_string(), Outcome::Saved);
        }
    }
    Ok(())
}
