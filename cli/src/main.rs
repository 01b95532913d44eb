//! `cradle`: the terminal shell. It parses arguments, calls the core and
//! prints; every rule lives in cradle-core.

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
    /// Checkups, vaccines and your own reminders
    Reminders {
        #[command(subcommand)]
        action: RemindersAction,
    },
    /// Vaccine doses given to the baby
    Vaccine {
        #[command(subcommand)]
        action: VaccineAction,
    },
    /// What a phone would schedule as local notifications
    Notifications {
        #[command(subcommand)]
        action: NotificationsAction,
    },
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
    /// What you agree to, per purpose: sync, shop, notifications (nothing
    /// is assumed; each can be withdrawn)
    Consent {
        #[command(subcommand)]
        action: Option<ConsentAction>,
    },
    /// Your account on a Cradle server, for sync between your devices
    Account {
        #[command(subcommand)]
        action: AccountAction,
    },
    /// Sync with the server now (or `sync status`, `sync conflicts`)
    Sync {
        #[command(subcommand)]
        action: Option<SyncAction>,
    },
    /// The shop: update the catalogue, search it offline, suggestions, a product
    Shop {
        #[command(subcommand)]
        action: ShopAction,
    },
    /// The hospital-bag checklist (from 28 weeks)
    Bag {
        #[command(subcommand)]
        action: Option<BagAction>,
    },
    /// Your delivery addresses; orders go to the default one
    Address {
        #[command(subcommand)]
        action: AddressAction,
    },
    /// Your cart (works offline)
    Cart {
        #[command(subcommand)]
        action: CartAction,
    },
    /// Check the cart against today's prices and stock; --confirm places the order
    Checkout {
        #[arg(long, conflicts_with_all = ["when_online", "take_back"])]
        confirm: bool,
        /// Offline: place this cart when back online (`orders refresh`
        /// sends it), only if nothing changed
        #[arg(long, conflicts_with = "take_back")]
        when_online: bool,
        /// Take the order waiting for the network back into the cart
        #[arg(long)]
        take_back: bool,
    },
    /// Your orders (`orders list` works offline; `orders refresh` fetches them)
    Orders {
        #[command(subcommand)]
        action: OrdersAction,
    },
    /// Returns of delivered orders
    Return {
        #[command(subcommand)]
        action: ReturnAction,
    },
    /// Complain about an order; the shop replies within 48 h and resolves within 72 h
    Complain {
        order: String,
        /// late_delivery, damaged, wrong_item, quality, service or other
        #[arg(long)]
        topic: String,
        /// What happened (1 to 500 characters)
        #[arg(long)]
        note: String,
    },
    /// Export your data
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Delete all your data on this device (not the server's copy)
    DeleteAll {
        /// Required: this cannot be undone
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Subcommand)]
enum ConsentAction {
    /// Agree to a purpose: sync, shop or notifications
    Grant { purpose: String },
    /// Withdraw it
    Withdraw { purpose: String },
}

#[derive(Subcommand)]
enum KicksAction {
    Start,
    Tap,
    Stop,
    /// The current or last session
    Status,
}

#[derive(Subcommand)]
enum ContractionsAction {
    Start,
    Stop,
    /// Interval, duration and whether it is time to call
    Status,
}

#[derive(Subcommand)]
enum EntryAction {
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

#[derive(Subcommand)]
enum AccountAction {
    /// Create an account and link this device; prints the recovery code
    Register {
        #[arg(long, env = "CRADLE_SERVER")]
        server: String,
        #[arg(long)]
        login: String,
        /// Read from CRADLE_PASSWORD, or else the first line of stdin
        #[arg(long, env = "CRADLE_PASSWORD", hide_env_values = true)]
        password: Option<String>,
    },
    /// Sign in; a new device also needs the recovery code
    Login {
        #[arg(long, env = "CRADLE_SERVER")]
        server: String,
        #[arg(long)]
        login: String,
        #[arg(long, env = "CRADLE_PASSWORD", hide_env_values = true)]
        password: Option<String>,
        #[arg(long, env = "CRADLE_RECOVERY_CODE", hide_env_values = true)]
        recovery_code: Option<String>,
    },
    /// Sign out here (or on every device) and unlink; records stay here
    Logout {
        #[arg(long)]
        everywhere: bool,
    },
    /// Erase the account and everything the server holds for it
    Delete {
        #[arg(long, env = "CRADLE_PASSWORD", hide_env_values = true)]
        password: Option<String>,
    },
    /// Show the recovery code again
    RecoveryCode,
}

#[derive(Subcommand)]
enum ShopAction {
    /// Fetch what changed in the catalogue (from --server, else the last one used)
    Update {
        #[arg(long)]
        server: Option<String>,
    },
    /// Search the catalogue on this device, in Chinese, English or pinyin initials
    Search {
        text: String,
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
    /// Products for your stage and week, or your baby's age
    Suggest {
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
    /// One product: price, rules, traceability, and anything that does not suit you
    Show { sku: String },
}

#[derive(Subcommand)]
enum CartAction {
    /// Add a product (more of it if it is already in the cart)
    Add {
        sku: String,
        #[arg(long, default_value_t = 1, allow_negative_numbers = true)]
        qty: i64,
    },
    /// Set how many of a product
    Set {
        sku: String,
        #[arg(allow_negative_numbers = true)]
        qty: i64,
    },
    Remove {
        sku: String,
    },
    /// The cart, its lines against the latest prices, and the total
    Show,
    /// Send this device's cart changes and take the account's cart
    Sync,
}

#[derive(Subcommand)]
enum BagAction {
    /// Tick an item as packed
    Pack { id: String },
    /// Untick an item
    Unpack { id: String },
}

#[derive(Subcommand)]
enum AddressAction {
    /// Add an address (the first becomes the default)
    Add {
        #[command(flatten)]
        address: AddressArgs,
    },
    /// Change an address
    Edit {
        id: String,
        #[command(flatten)]
        address: AddressArgs,
    },
    List,
    Remove {
        id: String,
    },
    /// Send orders here from now on
    Default {
        id: String,
    },
}

#[derive(clap::Args)]
struct AddressArgs {
    /// The recipient
    #[arg(long)]
    name: String,
    /// An 11-digit mainland mobile number
    #[arg(long)]
    phone: String,
    /// e.g. 上海市 or 广东省
    #[arg(long)]
    province: String,
    #[arg(long)]
    city: String,
    #[arg(long)]
    district: String,
    /// Street, building and door
    #[arg(long)]
    detail: String,
    #[arg(long)]
    postal_code: Option<String>,
}

impl From<AddressArgs> for ShipTo {
    fn from(a: AddressArgs) -> Self {
        ShipTo {
            name: a.name,
            phone: a.phone,
            province: a.province,
            city: a.city,
            district: a.district,
            detail: a.detail,
            postal_code: a.postal_code,
        }
    }
}

#[derive(Subcommand)]
enum OrdersAction {
    List,
    Refresh,
    /// Pay an order (the reference server's payment provider is a sandbox)
    Pay {
        id: String,
    },
    /// Cancel an order before it ships (a paid one is refunded)
    Cancel {
        id: String,
    },
    /// Put an order's lines back in the cart (works offline)
    Again {
        id: String,
    },
}

#[derive(Subcommand)]
enum ReturnAction {
    /// Ask for a return, an exchange or a refund only; queued if offline
    Request {
        order: String,
        /// return (the default), exchange, or refund_only (nothing to send back)
        #[arg(long, default_value = "return")]
        kind: String,
        /// SKU:QTY, comma-separated
        #[arg(long, value_delimiter = ',', required = true)]
        lines: Vec<String>,
        /// changed_mind, wrong_item, damaged, quality or other
        #[arg(long)]
        reason: String,
        #[arg(long)]
        note: Option<String>,
    },
}

#[derive(Subcommand)]
enum SyncAction {
    /// Whether this device is up to date
    Status,
    /// Concurrent edits that lost, newest first
    Conflicts,
}

#[derive(Subcommand)]
enum ExportWhat {
    /// Every record, as JSON
    All {
        /// Write to FILE instead of standard output
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// The clinic-visit summary (html) or an HL7 FHIR R4 Bundle (fhir)
    Clinic {
        #[arg(long, default_value = "html")]
        format: String,
        #[arg(long)]
        out: PathBuf,
        /// Records from this date (YYYY-MM-DD) on
        #[arg(long)]
        from: Option<String>,
        /// Put your name on it
        #[arg(long)]
        include_name: bool,
        /// Your age in years, shown on page 1 (not stored)
        #[arg(long)]
        age: Option<u32>,
        /// Sections, comma-separated (default: all but the diary)
        #[arg(long, value_delimiter = ',')]
        sections: Vec<String>,
    },
}

#[derive(Subcommand)]
enum RecordWhat {
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
enum RecordsAction {
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
enum RemindersAction {
    /// Reminders due in a date range (default: today to 30 days on)
    List {
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
    },
    /// Add a recurring reminder (RFC 5545 RRULE) at a local time
    Add {
        #[arg(long)]
        title: String,
        /// e.g. FREQ=DAILY, or FREQ=WEEKLY;BYDAY=MO,TH
        #[arg(long)]
        rrule: String,
        /// HH:MM, local time
        #[arg(long)]
        time: String,
    },
    /// Mark a reminder done (a vaccine: given today)
    Done { id: String },
    /// Skip a reminder
    Skip { id: String },
    /// Snooze a reminder
    #[command(group(ArgGroup::new("how_long").required(true).args(["minutes", "until"])))]
    Snooze {
        id: String,
        #[arg(long)]
        minutes: Option<u32>,
        /// RFC 3339, e.g. 2027-05-01T09:00:00+08:00
        #[arg(long)]
        until: Option<String>,
    },
    /// Change a custom reminder (by its rule number)
    Edit {
        rule: i64,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        rrule: Option<String>,
        #[arg(long)]
        time: Option<String>,
    },
    /// Delete a custom reminder (by its rule number)
    Delete { rule: i64 },
    /// Prenatal schedule (cn-cma-2018 or who-2016) and quiet hours
    Settings {
        #[arg(long)]
        schedule: Option<String>,
        #[arg(long, requires = "quiet_end")]
        quiet_start: Option<String>,
        #[arg(long, requires = "quiet_start")]
        quiet_end: Option<String>,
    },
}

#[derive(Subcommand)]
enum VaccineAction {
    /// Record a dose given
    Given {
        /// Which baby of the birth (twins: 1 or 2)
        #[arg(long, default_value_t = 1)]
        baby: u8,
        #[arg(long)]
        code: String,
        #[arg(long)]
        dose: u32,
        #[arg(long)]
        date: String,
        #[arg(long)]
        lot: Option<String>,
        #[arg(long)]
        place: Option<String>,
    },
}

#[derive(Subcommand)]
enum NotificationsAction {
    /// The next notifications to schedule
    Plan {
        #[arg(long, default_value_t = 64)]
        limit: usize,
        /// Plan as of this instant (RFC 3339) instead of now
        #[arg(long)]
        now: Option<String>,
    },
}

#[derive(Subcommand)]
enum PregnancyAction {
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
enum BabyAction {
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
enum TryingAction {
    /// Start (since today unless --since)
    Start {
        #[arg(long)]
        since: Option<String>,
    },
    Stop,
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

fn account(cradle: &Cradle, action: AccountAction, out: &Output) -> Result<(), CradleError> {
    let device = device::name();
    match action {
        AccountAction::Register {
            server,
            login,
            password: p,
        } => {
            let code = block_on(
                cradle
                    .sync()
                    .register(&server, &login, &password(p)?, &device),
            )?;
            out.recovery_code(&code, true);
        }
        AccountAction::Login {
            server,
            login,
            password: p,
            recovery_code,
        } => {
            block_on(cradle.sync().login(
                &server,
                &login,
                &password(p)?,
                &device,
                recovery_code.as_deref(),
            ))?;
            out.ok(cradle.language()?, &login, Outcome::SignedIn);
        }
        AccountAction::Logout { everywhere } => {
            if everywhere {
                block_on(cradle.sync().sign_out_everywhere())?;
            } else {
                block_on(cradle.sync().sign_out())?;
            }
            out.ok(cradle.language()?, "account", Outcome::SignedOut);
        }
        AccountAction::Delete { password: p } => {
            block_on(cradle.sync().delete_account(&password(p)?))?;
            out.ok(cradle.language()?, "account", Outcome::Deleted);
        }
        AccountAction::RecoveryCode => match cradle.sync().recovery_code()? {
            Some(code) => out.recovery_code(&code, false),
            None => {
                return Err(CradleError::NotFound {
                    what: "account".into(),
                });
            }
        },
    }
    Ok(())
}

fn run(cli: Cli, out: &Output) -> Result<(), CradleError> {
    let path = match &cli.db {
        Some(path) => path.clone(),
        None => device::default_db_path()?,
    };
    let key = device::database_key(&path, cli.key_file.as_deref())?;
    let config = Config::new(&device::time_zone(), &device::locale(), key)?;
    let cradle = Cradle::open(path, config)?;
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
        Command::Journey => out.journey(cradle.language()?, &cradle.journey()?),
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
                cradle.record_dating(input)?;
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
                cradle.record_dating(DatingInput::Ultrasound {
                    scan_date: parse_date("scan_date", &date)?,
                    scan,
                })?;
                out.today(&cradle.today()?);
            }
            PregnancyAction::Loss { date } => {
                cradle.record_loss(parse_date("date", &date)?)?;
                out.loss_recorded(cradle.language()?);
            }
            PregnancyAction::History => out.history(&cradle.dating_history()?),
            PregnancyAction::DeleteLost => out.deleted(cradle.delete_lost_pregnancies()?),
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
            cradle.record_birth(
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
        Command::Reminders { action } => reminders_command(&cradle, out, action)?,
        Command::Vaccine {
            action:
                VaccineAction::Given {
                    baby,
                    code,
                    dose,
                    date,
                    lot,
                    place,
                },
        } => {
            let date = parse_date("date", &date)?;
            cradle.record_vaccine(&DoseGiven {
                baby,
                code: &code,
                dose,
                given_on: date,
                lot: lot.as_deref(),
                place: place.as_deref(),
            })?;
            out.reminders(cradle.language()?, &cradle.reminders(Some(date), None)?);
        }
        Command::Notifications {
            action: NotificationsAction::Plan { limit, now },
        } => {
            let now = now
                .map(|t| reminders::parse_instant("now", &t))
                .transpose()?;
            out.notifications(&cradle.notification_plan(now, limit)?, &cradle.time_zone()?);
        }
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
            let id = cradle.record(checked, at)?;
            out.recorded(cradle.language()?, id, checked.unusual, &cradle.insights()?);
        }
        Command::Records { action } => match action {
            RecordsAction::List { kind } => {
                out.records(cradle.language()?, &cradle.shown_records(kind.as_deref())?)
            }
            RecordsAction::Delete { id } => {
                cradle.delete_record(id)?;
                out.ok(cradle.language()?, &id.to_string(), Outcome::Deleted);
            }
        },
        Command::Insights => out.insights(&cradle.insights()?),
        Command::Symptom { code, severity, at } => {
            let severity = Severity::from_code(&severity)?;
            let at = at.map(|t| reminders::parse_instant("at", &t)).transpose()?;
            let id = cradle.note_symptom(&code, severity, at)?;
            out.recorded(cradle.language()?, id, false, &cradle.insights()?);
        }
        Command::Kicks { action } => {
            let session = match action {
                KicksAction::Start => Some(cradle.kick(KickAction::Start)?),
                KicksAction::Tap => Some(cradle.kick(KickAction::Tap)?),
                KicksAction::Stop => Some(cradle.kick(KickAction::Stop)?),
                KicksAction::Status => cradle.kick_session()?,
            };
            out.kicks(session.as_ref(), &cradle.insights()?);
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
                ContractionsAction::Start => cradle.contraction(true, rule)?,
                ContractionsAction::Stop => cradle.contraction(false, rule)?,
                ContractionsAction::Status => cradle.contraction_timer(rule)?,
            };
            out.contractions(&timer);
        }
        Command::Consent { action } => out.consents(
            cradle.language()?,
            &cradle.time_zone()?,
            &match action {
                None => cradle.consents()?,
                Some(ConsentAction::Grant { purpose }) => {
                    cradle.set_consent(Purpose::parse(&purpose)?, true)?
                }
                Some(ConsentAction::Withdraw { purpose }) => {
                    cradle.set_consent(Purpose::parse(&purpose)?, false)?
                }
            },
        ),
        Command::Account { action } => account(&cradle, action, out)?,
        Command::Shop { action } => match action {
            ShopAction::Update { server } => {
                out.catalog_update(&block_on(cradle.shop().update_catalog(server.as_deref()))?)
            }
            ShopAction::Search { text, limit } => {
                out.products(&cradle.shop().search_products(&text, limit)?)
            }
            ShopAction::Suggest { limit } => out.products(&cradle.shop().shop_suggestions(limit)?),
            ShopAction::Show { sku } => out.product_page(&cradle.shop().product_page(&sku)?),
        },
        Command::Checkout {
            when_online: true, ..
        } => out.cart(&cradle.shop().queue_order()?),
        Command::Checkout {
            take_back: true, ..
        } => out.cart(&block_on(cradle.shop().cancel_queued_order())?),
        Command::Checkout { confirm, .. } => {
            let review = block_on(cradle.shop().review_checkout())?;
            out.checkout_review(&review, confirm);
            // She confirms what she was shown: nothing is ordered while a
            // warning stands.
            if confirm && review.warnings.is_empty() {
                out.orders(&[block_on(cradle.shop().place_order(&review.quote))?]);
            }
        }
        Command::Orders { action } => match action {
            OrdersAction::List => out.orders(&cradle.shop().orders()?),
            OrdersAction::Refresh => out.orders(&block_on(cradle.shop().refresh_orders())?),
            OrdersAction::Pay { id } => out.orders(&[block_on(cradle.shop().pay_order(&id))?]),
            OrdersAction::Cancel { id } => {
                out.orders(&[block_on(cradle.shop().cancel_order(&id))?])
            }
            OrdersAction::Again { id } => out.refill(&cradle.shop().buy_again(&id)?),
        },
        Command::Return {
            action:
                ReturnAction::Request {
                    order,
                    kind,
                    lines,
                    reason,
                    note,
                },
        } => {
            let items = lines
                .iter()
                .map(|l| {
                    let (sku, qty) = l.split_once(':').unwrap_or((l, "1"));
                    qty.parse()
                        .map(|qty| ReturnItem {
                            sku: sku.to_owned(),
                            qty,
                        })
                        .map_err(|_| CradleError::InvalidInput {
                            field: "lines".into(),
                            reason: "each is SKU:QTY".into(),
                        })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let order = block_on(cradle.shop().request_return(
                &order,
                &kind,
                &items,
                &reason,
                note.as_deref(),
            ))?;
            out.orders(&[order]);
        }
        Command::Complain { order, topic, note } => {
            out.orders(&[block_on(
                cradle.shop().file_complaint(&order, &topic, &note),
            )?]);
        }
        Command::Bag { action } => out.bag(&match action {
            None => cradle.shop().hospital_bag()?,
            Some(BagAction::Pack { id }) => cradle.shop().pack_bag_item(&id, true)?,
            Some(BagAction::Unpack { id }) => cradle.shop().pack_bag_item(&id, false)?,
        }),
        Command::Address { action } => out.addresses(&match action {
            AddressAction::Add { address } => cradle.shop().save_address(None, address.into())?,
            AddressAction::Edit { id, address } => {
                cradle.shop().save_address(Some(&id), address.into())?
            }
            AddressAction::List => cradle.shop().addresses()?,
            AddressAction::Remove { id } => cradle.shop().remove_address(&id)?,
            AddressAction::Default { id } => cradle.shop().set_default_address(&id)?,
        }),
        Command::Cart { action } => out.cart(&match action {
            CartAction::Add { sku, qty } => cradle.shop().cart_add(&sku, qty)?,
            CartAction::Set { sku, qty } => cradle.shop().cart_set(&sku, qty)?,
            CartAction::Remove { sku } => cradle.shop().cart_remove(&sku)?,
            CartAction::Show => cradle.shop().cart()?,
            CartAction::Sync => {
                block_on(cradle.shop().sync_shop())?;
                cradle.shop().cart()?
            }
        }),
        Command::Sync { action: None } => {
            let report = block_on(cradle.sync().sync_now());
            // The status says why a failed sync failed, in the user's words.
            out.sync_status(
                cradle.language()?,
                &cradle.time_zone()?,
                &cradle.sync().sync_status()?,
            );
            out.sync_report(cradle.language()?, &report?);
        }
        Command::Sync {
            action: Some(SyncAction::Status),
        } => out.sync_status(
            cradle.language()?,
            &cradle.time_zone()?,
            &cradle.sync().sync_status()?,
        ),
        Command::Sync {
            action: Some(SyncAction::Conflicts),
        } => out.sync_conflicts(&cradle.sync().sync_conflicts()?),
        Command::Export {
            what: ExportWhat::All { out: file },
        } => {
            let data = cradle.export_all()?;
            let text = serde_json::to_string_pretty(&data).unwrap_or_default();
            match file {
                Some(path) => {
                    std::fs::write(&path, text).map_err(|_| CradleError::Storage {
                        reason: format!("cannot write {}", path.display()),
                    })?;
                    out.ok(
                        cradle.language()?,
                        &path.display().to_string(),
                        Outcome::Exported,
                    );
                }
                None => out.text(&text),
            }
        }
        Command::Export {
            what:
                ExportWhat::Clinic {
                    format,
                    out: file,
                    from,
                    include_name,
                    age,
                    sections,
                },
        } => {
            let options = clinic::Options {
                from: from.map(|d| parse_date("from", &d)).transpose()?,
                include_name,
                age_years: age,
                sections,
            };
            let text = cradle.clinic_export(clinic::Format::from_code(&format)?, &options)?;
            std::fs::write(&file, text).map_err(|_| CradleError::Storage {
                reason: format!("cannot write {}", file.display()),
            })?;
            out.ok(
                cradle.language()?,
                &file.display().to_string(),
                Outcome::Exported,
            );
        }
        Command::Entry { action } => match action {
            EntryAction::Add { entry, at } => {
                let entry: Entry =
                    serde_json::from_str(&entry).map_err(|_| CradleError::InvalidInput {
                        field: "json".into(),
                        reason: "is not an entry (see docs/records.md for each kind's fields)"
                            .into(),
                    })?;
                let at = at.map(|t| reminders::parse_instant("at", &t)).transpose()?;
                out.ok(
                    cradle.language()?,
                    &cradle.add_entry(entry, at)?.to_string(),
                    Outcome::Added,
                );
            }
            EntryAction::List { kind } => {
                out.entries(&cradle.entries(&Filter {
                    kinds: kind,
                    ..Filter::default()
                })?);
            }
            EntryAction::Delete { id } => {
                cradle.delete_entry(id)?;
                out.ok(cradle.language()?, &id.to_string(), Outcome::Deleted);
            }
        },
        Command::Body {
            height_cm,
            pre_pregnancy_kg,
        } => {
            cradle.set_baseline(Some(Baseline::new(height_cm, pre_pregnancy_kg)?))?;
            out.ok(cradle.language()?, "body", Outcome::Saved);
        }
        Command::BabySex { baby, sex } => {
            let sex = Sex::from_code(&sex).ok_or_else(|| CradleError::InvalidInput {
                field: "sex".into(),
                reason: "must be female or male".into(),
            })?;
            cradle.set_baby_sex(baby, sex)?;
            out.ok(cradle.language()?, &baby.to_string(), Outcome::Saved);
        }
        Command::DeleteAll { yes } => {
            if !yes {
                return Err(CradleError::InvalidInput {
                    field: "yes".into(),
                    reason: "deleting all data cannot be undone; pass --yes".into(),
                });
            }
            cradle.delete_all()?;
            out.ok(cradle.language()?, "all", Outcome::Deleted);
        }
        Command::Trying { action } => {
            let since = match action {
                TryingAction::Start { since: Some(d) } => Some(parse_date("since", &d)?),
                TryingAction::Start { since: None } => Some(cradle.today()?.date),
                TryingAction::Stop => None,
            };
            cradle.set_trying(since)?;
            out.today(&cradle.today()?);
        }
    }
    Ok(())
}

fn reminders_command(
    cradle: &Cradle,
    out: &Output,
    action: RemindersAction,
) -> Result<(), CradleError> {
    match action {
        RemindersAction::List { from, to } => {
            let from = from.map(|d| parse_date("from", &d)).transpose()?;
            let to = to.map(|d| parse_date("to", &d)).transpose()?;
            out.reminders(cradle.language()?, &cradle.reminders(from, to)?);
        }
        RemindersAction::Add { title, rrule, time } => {
            let rule = cradle.add_reminder(&title, &rrule, &time)?;
            out.added(cradle.language()?, rule);
        }
        RemindersAction::Done { id } => {
            cradle.complete_reminder(&id)?;
            out.ok(cradle.language()?, &id, Outcome::Done);
        }
        RemindersAction::Skip { id } => {
            cradle.skip_reminder(&id)?;
            out.ok(cradle.language()?, &id, Outcome::Skipped);
        }
        RemindersAction::Snooze { id, minutes, until } => {
            let snooze = match (minutes, until) {
                (Some(m), _) => Snooze::Minutes(m),
                // clap's "how_long" group guarantees one of the two.
                (None, until) => Snooze::Until(reminders::parse_instant(
                    "until",
                    until.as_deref().unwrap_or_default(),
                )?),
            };
            cradle.snooze_reminder(&id, snooze)?;
            out.ok(cradle.language()?, &id, Outcome::Snoozed);
        }
        RemindersAction::Edit {
            rule,
            title,
            rrule,
            time,
        } => {
            cradle.edit_reminder(rule, title.as_deref(), rrule.as_deref(), time.as_deref())?;
            out.ok(cradle.language()?, &rule.to_string(), Outcome::Edited);
        }
        RemindersAction::Delete { rule } => {
            cradle.delete_reminder(rule)?;
            out.ok(cradle.language()?, &rule.to_string(), Outcome::Deleted);
        }
        RemindersAction::Settings {
            schedule,
            quiet_start,
            quiet_end,
        } => {
            let mut settings = cradle.reminder_settings()?;
            if let Some(schedule) = schedule {
                settings.prenatal_schedule = schedule;
            }
            if let (Some(start), Some(end)) = (quiet_start, quiet_end) {
                settings.quiet_start = parse_time("quiet_start", &start)?;
                settings.quiet_end = parse_time("quiet_end", &end)?;
            }
            cradle.set_reminder_settings(&settings)?;
            out.settings(&settings);
        }
    }
    Ok(())
}
