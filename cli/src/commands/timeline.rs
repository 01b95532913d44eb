//! Profile, today, the journey, the pregnancy, the birth and trying to conceive.

use crate::*;

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Your name, language and time zone
    Profile {
        #[command(subcommand)]
        action: ProfileAction,
    },
    /// What matters today
    Today {
        /// Show the day as it will be (or was) on DATE (YYYY-MM-DD)
        #[arg(long)]
        on: Option<Date>,
    },
    /// Every week of the pregnancy, or month of the baby, with today's marked
    Journey,
    /// Date the pregnancy, add a scan, or record a loss
    Pregnancy {
        #[command(subcommand)]
        action: PregnancyAction,
    },
    /// Record the birth
    Baby {
        #[command(subcommand)]
        action: BabyAction,
    },
    /// Trying to conceive
    Trying {
        #[command(subcommand)]
        action: TryingAction,
    },
}

#[derive(Subcommand)]
pub(crate) enum ProfileAction {
    /// Save your profile; unspecified fields keep their value (or the device's)
    Set {
        #[arg(long)]
        name: Option<String>,
        /// BCP 47 language tag, e.g. zh-Hans-CN or en-GB
        #[arg(long)]
        locale: Option<String>,
        /// IANA time zone, e.g. Asia/Shanghai
        #[arg(long)]
        time_zone: Option<String>,
    },
    /// Show your profile
    Show,
}

#[derive(Subcommand)]
pub(crate) enum PregnancyAction {
    /// Date the pregnancy by one method (starts a pregnancy if none is ongoing)
    #[command(group(ArgGroup::new("method").required(true).args(["lmp", "conception", "ivf_transfer", "edd"])))]
    Set {
        /// First day of the last menstrual period
        #[arg(long)]
        lmp: Option<String>,
        /// Usual cycle length in days (21-45), with --lmp
        #[arg(long, requires = "lmp")]
        cycle: Option<u32>,
        /// Conception (ovulation) date
        #[arg(long)]
        conception: Option<String>,
        /// IVF embryo transfer date, with --embryo-age
        #[arg(long, requires = "embryo_age")]
        ivf_transfer: Option<String>,
        /// Embryo age at transfer: 3, 5 or 6 days
        #[arg(long, requires = "ivf_transfer")]
        embryo_age: Option<u32>,
        /// Due date given by the clinic
        #[arg(long)]
        edd: Option<String>,
    },
    /// Add an ultrasound: a crown-rump length, or the stated gestational age
    #[command(group(ArgGroup::new("measure").required(true).args(["crl", "ga_weeks"])))]
    Ultrasound {
        #[arg(long)]
        date: String,
        /// Crown-rump length in mm (up to 84 mm)
        #[arg(long)]
        crl: Option<f64>,
        #[arg(long, requires = "ga_days")]
        ga_weeks: Option<u32>,
        #[arg(long, requires = "ga_weeks")]
        ga_days: Option<u32>,
    },
    /// Record a pregnancy loss; pregnancy content stops and the record is kept
    Loss {
        #[arg(long)]
        date: String,
    },
    /// The dating history: why the due date is what it is
    History,
    /// Delete the archived records of lost pregnancies
    DeleteLost,
}

#[derive(Subcommand)]
pub(crate) enum BabyAction {
    /// Record the birth date, gestational age at birth and number of babies
    Born {
        #[arg(long)]
        date: String,
        #[arg(long)]
        ga_weeks: u32,
        #[arg(long)]
        ga_days: u32,
        #[arg(long, default_value_t = 1)]
        count: u32,
        /// Birth weight in grams, once per baby in birth order
        #[arg(long = "weight-g")]
        weights_g: Vec<u32>,
        /// The mother's HBsAg result: positive or negative
        #[arg(long)]
        mother_hbsag: Option<String>,
    },
}

#[derive(Subcommand)]
pub(crate) enum TryingAction {
    /// Start (since today unless --since)
    Start {
        #[arg(long)]
        since: Option<String>,
    },
    Stop,
}

pub(crate) fn run(cradle: &Cradle, out: &Output, command: Command) -> Result<(), CradleError> {
    match command {
        Command::Profile { action } => match action {
            ProfileAction::Set {
                name,
                locale,
                time_zone,
            } => {
                let current = cradle.today()?;
                let keep_name = current
                    .profile
                    .as_ref()
                    .and_then(|p| p.display_name.clone());
                let locale = locale.unwrap_or_else(|| {
                    current
                        .profile
                        .as_ref()
                        .map_or_else(device::locale, |p| p.locale.clone())
                });
                let time_zone = time_zone.unwrap_or_else(|| {
                    cradle_core::clock::zone_name(&current.time_zone).to_owned()
                });
                let profile = cradle.set_profile(
                    name.as_deref().or(keep_name.as_deref()),
                    &locale,
                    &time_zone,
                )?;
                out.profile(&profile);
            }
            ProfileAction::Show => {
                out.profile_or_hint(cradle.language()?, cradle.profile()?.as_ref())
            }
        },
        Command::Today { on } => {
            let today = match on {
                Some(date) => cradle.today_on(date)?,
                None => cradle.today()?,
            };
            out.today(&today);
        }
        Command::Journey => out.journey(cradle.language()?, &cradle.timeline().journey()?),
        Command::Pregnancy { action } => match action {
            PregnancyAction::Set {
                lmp,
                cycle,
                conception,
                ivf_transfer,
                embryo_age,
                edd,
            } => {
                let input = if let Some(lmp) = lmp {
                    DatingInput::Lmp {
                        lmp: parse_date("lmp", &lmp)?,
                        cycle_days: cycle.unwrap_or(DEFAULT_CYCLE_DAYS),
                    }
                } else if let Some(date) = conception {
                    DatingInput::Conception {
                        date: parse_date("conception", &date)?,
                    }
                } else if let (Some(transfer), Some(embryo_age)) = (ivf_transfer, embryo_age) {
                    DatingInput::Ivf {
                        transfer: parse_date("transfer_date", &transfer)?,
                        embryo_age,
                    }
                } else {
                    // clap's "method" group guarantees one of the four.
                    DatingInput::Edd {
                        edd: parse_date("edd", edd.as_deref().unwrap_or_default())?,
                    }
                };
                cradle.timeline().record_dating(input)?;
                out.today(&cradle.today()?);
            }
            PregnancyAction::Ultrasound {
                date,
                crl,
                ga_weeks,
                ga_days,
            } => {
                // clap's "measure" group guarantees a CRL or a stated age.
                let scan = match crl {
                    Some(mm) => Scan::crl_mm(mm)?,
                    None => {
                        Scan::stated(ga_weeks.unwrap_or_default(), ga_days.unwrap_or_default())?
                    }
                };
                cradle.timeline().record_dating(DatingInput::Ultrasound {
                    scan_date: parse_date("scan_date", &date)?,
                    scan,
                })?;
                out.today(&cradle.today()?);
            }
            PregnancyAction::Loss { date } => {
                cradle.timeline().record_loss(parse_date("date", &date)?)?;
                out.loss_recorded(cradle.language()?);
            }
            PregnancyAction::History => out.history(
                cradle.language()?,
                &cradle.time_zone()?,
                &cradle.timeline().dating_history()?,
            ),
            PregnancyAction::DeleteLost => out.deleted(
                cradle.language()?,
                cradle.timeline().delete_lost_pregnancies()?,
            ),
        },
        Command::Baby {
            action:
                BabyAction::Born {
                    date,
                    ga_weeks,
                    ga_days,
                    count,
                    weights_g,
                    mother_hbsag,
                },
        } => {
            let mother_hbsag = mother_hbsag.as_deref().map(HbsAg::from_code).transpose()?;
            cradle.timeline().record_birth(
                Birth {
                    date: parse_date("birth_date", &date)?,
                    ga_at_birth: GestationalAge::checked(ga_weeks, ga_days)?,
                    count,
                },
                &BirthFacts {
                    birth_weights_g: weights_g,
                    mother_hbsag,
                },
            )?;
            out.today(&cradle.today()?);
        }
        Command::Trying { action } => {
            let since = match action {
                TryingAction::Start { since: Some(d) } => Some(parse_date("since", &d)?),
                TryingAction::Start { since: None } => Some(cradle.today()?.date),
                TryingAction::Stop => None,
            };
            cradle.timeline().set_trying(since)?;
            out.today(&cradle.today()?);
        }
    }
    Ok(())
}
