//! Sources: everything that turns a target into blobs for the engine. A target is written
//! `SCHEME:REST` or as a bare path (`dir:` implied).

mod fs;
pub mod git;
mod target;

pub use fs::{FsOptions, FsSource};
pub use target::{TargetError, TargetSpec};

/// A source that cannot be opened.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The path does not exist.
    #[error("`{0}` does not exist; check the path")]
    NotFound(String),
    /// The path exists but cannot be read.
    #[error("cannot read `{path}`: {source}")]
    Unreadable {
        /// The path.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// An exclude pattern is not valid gitignore syntax.
    #[error("invalid exclude pattern `{pattern}`: {message}")]
    BadPattern {
        /// The pattern.
        pattern: String,
        /// Why.
        message: String,
    },
}
