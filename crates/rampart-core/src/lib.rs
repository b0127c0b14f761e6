//! The shape every rampart scanner shares: findings, severities, rule metadata, ignores, the
//! [`Analyzer`] trait, the [`Source`] trait and the [`Engine`] that joins them in one pass.
//!
//! This crate knows no concrete scanner and no concrete source; it never prints and never exits.

mod analyzer;
mod date;
mod engine;
mod finding;
mod gate;
mod ignore;
mod package;
mod report;
mod rule;
mod severity;
pub mod vex;

pub use analyzer::{Analyzer, Blob, Emitted, Fetch, Lineage, Piece, Provenance};
pub use date::{Date, DateError};
pub use engine::{
    Engine, EngineOptions, EngineOutput, Progress, Source, SourceEvent, SourceVisitor,
};
pub use finding::{
    CvssScore, Epss, Finding, FindingKind, GitDetails, Location, PackageRef, VexStatus,
    VulnerabilityDetails, content_digest, fingerprint, fingerprint_of_digest,
};
pub use gate::{Gate, GateOutcome};
pub use ignore::{
    ExpiredIgnore, IgnoreEntry, IgnoreError, IgnoreFile, IgnoreSet, has_inline_marker,
    inline_ignore_applies,
};
pub use package::Package;
pub use report::{
    Assemble, Report, SCHEMA_VERSION, ScanError, ScanErrorKind, SeverityCounts, Skipped, Summary,
    Target, Tool,
};
pub use rule::{RuleExamples, RuleMeta};
pub use severity::{Confidence, Severity, SeverityParseError};
