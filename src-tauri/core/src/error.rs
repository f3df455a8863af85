//! Core's error type. Each variant carries what a user needs to fix the problem: the file, the
//! line and column, the field, the value. The desktop shell maps these to `{ kind, message }`.

use std::fmt;
use std::path::PathBuf;

/// A place in an input file. Lines and columns are 1-based; a column counts characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: u32,
    pub column: u32,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// Everything that can go wrong in core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input is not well-formed in its format (XML syntax, JSON syntax, a truncated file).
    #[error("{at}: {message}")]
    Syntax { at: Location, message: String },

    /// The input is well-formed but a field holds something unusable.
    #[error("{at}: field `{field}`: {message}")]
    Invalid {
        at: Location,
        field: String,
        message: String,
    },

    /// The input tries something dangerous (entity expansion, external entities) and is refused.
    #[error("{at}: refused: {message}")]
    Refused { at: Location, message: String },

    /// The input is larger than the configured cap. `size` is the reported size, or, when the
    /// source was caught only while reading (a FIFO, `/dev/zero`, a growing file, a body without
    /// an honest length), the `limit + 1` bytes read before stopping: a lower bound.
    #[error(
        "{file}: {size} bytes is over the {limit}-byte import limit (raise it with --max-size)"
    )]
    TooLarge { file: String, size: u64, limit: u64 },

    /// The content matches no format Plenary reads, or not the format that was forced.
    #[error("{file}: {message}")]
    UnknownFormat { file: String, message: String },

    /// The input is not text in an encoding Plenary reads.
    #[error("{at}: {message}")]
    Encoding { at: Location, message: String },

    /// Something the caller named does not exist.
    #[error("no {what} {key:?}")]
    NotFound { what: &'static str, key: String },

    /// The caller asked for something that makes no sense (bad argument, bad combination).
    #[error("{0}")]
    BadRequest(String),

    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    /// Fetching a schedule URL failed: a bad URL, DNS, the connection, a timeout, a redirect
    /// loop or an error status (the message gives the code).
    #[error("{url}: {message}")]
    Fetch { url: String, message: String },

    /// The database file is damaged or from an unknown future version.
    #[error("database {}: {message}", path.display())]
    Corrupt { path: PathBuf, message: String },

    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),

    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// Short machine-readable names for error kinds; the UI branches on these.
impl Error {
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Syntax { .. } => "syntax",
            Error::Invalid { .. } => "invalid",
            Error::Refused { .. } => "refused",
            Error::TooLarge { .. } => "too-large",
            Error::UnknownFormat { .. } => "unknown-format",
            Error::Encoding { .. } => "encoding",
            Error::NotFound { .. } => "not-found",
            Error::BadRequest(_) => "bad-request",
            Error::Io { .. } => "io",
            Error::Corrupt { .. } => "corrupt",
            Error::Fetch { .. } => "fetch",
            Error::Sqlite(_) => "database",
            Error::Json(_) => "json",
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
