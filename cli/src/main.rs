//! `cradle`: the terminal shell. It parses arguments, calls the core and
//! prints; every rule lives in cradle-core.

mod device;
mod output;

use clap::{Parser, Subcommand};
use cradle_core::{Config, Cradle, CradleError};
use jiff::civil::Date;
use output::Output;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "cradle",
    version,
    about = "Cradle: pregnancy and baby companion (terminal shell)"
)]
struct Cli {
    /// Database file [default: cradle.db in the user's data directory]
    #[arg(long, global = true, env = "CRADLE_DB")]
    db: Option<PathBuf>,
    /// Print machine-readable JSON
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
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
}

#[derive(Subcommand)]
enum ProfileAction {
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = Output::new(cli.json);
    match run(cli, &out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => out.error(&e),
    }
}

fn run(cli: Cli, out: &Output) -> Result<(), CradleError> {
    let config = Config::new(&device::time_zone(), &device::locale())?;
    let cradle = open(&cli.db, config)?;
    match cli.command {
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
            ProfileAction::Show => out.profile_or_hint(cradle.profile()?.as_ref()),
        },
        Command::Today { on } => {
            let today = match on {
                Some(date) => cradle.today_on(date)?,
                None => cradle.today()?,
            };
            out.today(&today);
        }
    }
    Ok(())
}

fn open(db: &Option<PathBuf>, config: Config) -> Result<Cradle, CradleError> {
    let path = match db {
        Some(path) => path.clone(),
        None => device::default_db_path()?,
    };
    Ok(Cradle::open(path, config)?)
}
