//! `cradle`: the terminal shell. It parses arguments, calls the core and
//! prints; every rule lives in cradle-core.

mod commands;
mod device;
mod output;

use clap::{ArgGroup, Parser, Subcommand};
use cradle_core::api::ShipTo;
use cradle_core::clinic;
use cradle_core::consent::Purpose;
use cradle_core::records::gain::Baseline;
use cradle_core::records::journal::{Entry, Filter};
use cradle_core::records::sessions::CallRule;
use cradle_core::records::symptoms::Severity;
use cradle_core::records::{GlucoseContext, GlucoseUnit, Measurement, WeightUnit};
use cradle_core::reminders::{self, DoseGiven, custom::parse_time};
use cradle_core::shop::checkout::ReturnItem;
use cradle_core::timeline::baby::Sex;
use cradle_core::timeline::baby::{Birth, BirthFacts, HbsAg};
use cradle_core::timeline::dating::{DEFAULT_CYCLE_DAYS, DatingInput, Scan};
use cradle_core::timeline::gestation::GestationalAge;
use cradle_core::timeline::parse_date;
use cradle_core::words::Outcome;
use cradle_core::{Config, Cradle, CradleError, KickAction, Snooze};
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
    /// Database key file (64 hex digits) [default: the database path with .key]
    #[arg(long, global = true, env = "CRADLE_KEY_FILE")]
    key_file: Option<PathBuf>,
    /// Print machine-readable JSON
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    #[command(flatten)]
    Timeline(commands::timeline::Command),
    #[command(flatten)]
    Reminders(commands::reminders::Command),
    #[command(flatten)]
    Records(commands::records::Command),
    #[command(flatten)]
    Account(commands::account::Command),
    #[command(flatten)]
    Shop(commands::shop::Command),
    #[command(flatten)]
    Data(commands::data::Command),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = Output::new(cli.json);
    match run(cli, &out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => out.error(&e),
    }
}

/// Runs one network call to completion; the CLI does nothing else meanwhile.
fn block_on<T>(f: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime starts")
        .block_on(f)
}

/// The password from the flag or CRADLE_PASSWORD, else stdin's first line.
fn password(given: Option<String>) -> Result<String, CradleError> {
    if let Some(p) = given {
        return Ok(p);
    }
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|_| CradleError::InvalidInput {
            field: "password".into(),
            reason: "give it in CRADLE_PASSWORD or on stdin".into(),
        })?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

fn run(cli: Cli, out: &Output) -> Result<(), CradleError> {
    let path = match &cli.db {
        Some(path) => path.clone(),
        None => device::default_db_path()?,
    };
    let key = device::database_key(&path, cli.key_file.as_deref())?;
    let config = Config::new(&device::time_zone(), &device::locale(), key)?;
    let cradle = Cradle::open(path, config)?;
    // Her saved language, once it can be read, words any refusal.
    if let Ok(language) = cradle.language() {
        out.speak(language);
    }
    match cli.command {
        Command::Timeline(c) => commands::timeline::run(&cradle, out, c),
        Command::Reminders(c) => commands::reminders::run(&cradle, out, c),
        Command::Records(c) => commands::records::run(&cradle, out, c),
        Command::Account(c) => commands::account::run(&cradle, out, c),
        Command::Shop(c) => commands::shop::run(&cradle, out, c),
        Command::Data(c) => commands::data::run(&cradle, out, c),
    }
}
