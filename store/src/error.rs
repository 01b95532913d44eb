//! The error every part of the core returns. The facade maps it to the
//! small, stable `CradleError` the FFI and the CLI show to people.
//!
//! No message may carry personal or health data: a rejected blood pressure
//! names the field and the rule, never the value, because messages end up in
//! logs, crash reports and lock-screen toasts.

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input broke a rule; `reason` states the rule, not the value given.
    #[error("invalid {field}: {reason}")]
    Invalid { field: &'static str, reason: String },
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    /// The database exists but this key does not open it.
    #[error("the database key does not match this database")]
    WrongKey,
    /// Stored data that cannot be read back (a bug or outside tampering).
    #[error("stored data is unreadable: {0}")]
    Corrupt(&'static str),
    #[error(
        "the database was written by a newer Cradle (schema {found}, this build knows {supported})"
    )]
    SchemaTooNew { found: i64, supported: i64 },
    #[error("could not reach the server: {0}")]
    Network(String),
    #[error("the server answered HTTP {status}")]
    Server { status: u16 },
    /// The server no longer accepts this device's session; queued changes
    /// are kept until the user signs in again.
    #[error("sign in again to sync")]
    SignInRequired,
    /// She has not agreed to this purpose (or withdrew); the shell asks.
    #[error("this needs her consent to {0}")]
    ConsentRequired(crate::consent::Purpose),
}

impl Error {
    pub fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Error::Invalid {
            field,
            reason: reason.into(),
        }
    }
}

impl From<cradle_protocol::seal::SealError> for Error {
    fn from(e: cradle_protocol::seal::SealError) -> Self {
        use cradle_protocol::seal::SealError;
        match e {
            SealError::Corrupt(what) => Error::Corrupt(what),
            SealError::Invalid { field, reason } => Error::invalid(field, reason),
        }
    }
}
