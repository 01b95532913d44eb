//! Errors. [`Error`] is the rich internal type; [`CradleError`] is the small,
//! stable enum the FFI and the CLI show to people.
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
    pub(crate) fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
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

impl From<reqwest::Error> for Error {
    fn from(e: reqwest::Error) -> Self {
        crate::api::ApiError::from(e).into()
    }
}

/// The public error: what a shell can branch on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CradleError {
    #[error("invalid {field}: {reason}")]
    InvalidInput { field: String, reason: String },
    #[error("{what} not found")]
    NotFound { what: String },
    #[error("storage error: {reason}")]
    Storage { reason: String },
    #[error("network error: {reason}")]
    Network { reason: String },
    #[error("server error: HTTP {status}")]
    Server { status: u16 },
    #[error("the database key does not match this database")]
    WrongKey,
    #[error("sign in again to sync")]
    SignInRequired,
    #[error("this needs her consent to {purpose}")]
    ConsentRequired { purpose: crate::consent::Purpose },
}

impl From<Error> for CradleError {
    fn from(e: Error) -> Self {
        match e {
            Error::Invalid { field, reason } => CradleError::InvalidInput {
                field: field.to_owned(),
                reason,
            },
            Error::NotFound(what) => CradleError::NotFound {
                what: what.to_owned(),
            },
            e @ (Error::Database(_) | Error::Corrupt(_) | Error::SchemaTooNew { .. }) => {
                CradleError::Storage {
                    reason: e.to_string(),
                }
            }
            Error::Network(reason) => CradleError::Network { reason },
            Error::Server { status } => CradleError::Server { status },
            Error::WrongKey => CradleError::WrongKey,
            Error::SignInRequired => CradleError::SignInRequired,
            Error::ConsentRequired(purpose) => CradleError::ConsentRequired { purpose },
        }
    }
}
