//! The public error: [`CradleError`] is the small, stable enum the FFI and
//! the CLI show to people; [`Error`] is the store's rich internal type.

pub use cradle_store::error::{Error, Result};

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

/// What a screen keeps of a refusal to word it later (`words::problem`):
/// a shell turns the error it caught into one, and shows the core's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    /// The field an `InvalidInput` names.
    pub field: Option<String>,
    /// The rule it broke, what was not found, or the HTTP status.
    pub detail: Option<String>,
    /// For `ConsentRequired`: the purpose to ask her about.
    pub purpose: Option<crate::consent::Purpose>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    InvalidInput,
    NotFound,
    Storage,
    Network,
    Server,
    WrongKey,
    SignInRequired,
    ConsentRequired,
}

impl From<&CradleError> for Problem {
    fn from(e: &CradleError) -> Self {
        let (kind, field, detail, purpose) = match e {
            CradleError::InvalidInput { field, reason } => (
                ProblemKind::InvalidInput,
                Some(field.clone()),
                Some(reason.clone()),
                None,
            ),
            CradleError::NotFound { what } => {
                (ProblemKind::NotFound, None, Some(what.clone()), None)
            }
            CradleError::Storage { reason } => {
                (ProblemKind::Storage, None, Some(reason.clone()), None)
            }
            CradleError::Network { reason } => {
                (ProblemKind::Network, None, Some(reason.clone()), None)
            }
            CradleError::Server { status } => {
                (ProblemKind::Server, None, Some(status.to_string()), None)
            }
            CradleError::WrongKey => (ProblemKind::WrongKey, None, None, None),
            CradleError::SignInRequired => (ProblemKind::SignInRequired, None, None, None),
            CradleError::ConsentRequired { purpose } => {
                (ProblemKind::ConsentRequired, None, None, Some(*purpose))
            }
        };
        Problem {
            kind,
            field,
            detail,
            purpose,
        }
    }
}
