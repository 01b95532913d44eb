//! Consent, her account on a server and sync.

use crate::*;

#[derive(Subcommand)]
pub(crate) enum Command {
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
}

#[derive(Subcommand)]
pub(crate) enum ConsentAction {
    /// Agree to a purpose: sync, shop or notifications
    Grant { purpose: String },
    /// Withdraw it
    Withdraw { purpose: String },
}

#[derive(Subcommand)]
pub(crate) enum AccountAction {
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
pub(crate) enum SyncAction {
    /// Whether this device is up to date
    Status,
    /// Concurrent edits that lost, newest first
    Conflicts,
}

pub(crate) fn run(cradle: &Cradle, out: &Output, command: Command) -> Result<(), CradleError> {
    match command {
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
        Command::Account { action } => account(cradle, action, out)?,
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
        } => out.sync_conflicts(
            cradle.language()?,
            &cradle.time_zone()?,
            &cradle.sync().sync_conflicts()?,
        ),
    }
    Ok(())
}

pub(crate) fn account(
    cradle: &Cradle,
    action: AccountAction,
    out: &Output,
) -> Result<(), CradleError> {
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
            out.recovery_code(cradle.language()?, &code, true);
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
            Some(code) => out.recovery_code(cradle.language()?, &code, false),
            None => {
                return Err(CradleError::NotFound {
                    what: "account".into(),
                });
            }
        },
    }
    Ok(())
}
