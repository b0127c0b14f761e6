use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Finding, Severity};

/// Version of the JSON report layout; bumped on any incompatible change.
pub const SCHEMA_VERSION: &str = "1.0";

/// Everything one scan produced, in the order every renderer shows it.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Version of this layout (see `docs/json-schema.json`).
    pub schema_version: String,
    /// The program that wrote the report.
    pub tool: Tool,
    /// What was scanned.
    pub target: Target,
    /// Scanners that ran, e.g. `["secret"]`.
    pub scanners: Vec<String>,
    /// Findings left after ignores and severity filters, sorted by path, line, rule.
    pub findings: Vec<Finding>,
    /// Inputs that could not be scanned (whole or in part); the scan went on without them.
    pub errors: Vec<ScanError>,
    /// Things a person should know that are not findings, such as expired ignore entries.
    pub warnings: Vec<String>,
    /// Counts.
    pub summary: Summary,
}

/// Name and version of the program.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    /// Always `rampart`.
    pub name: String,
    /// Semantic version of the binary.
    pub version: String,
}

/// What was scanned.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Kind of target: `dir`, later `git`, `image`, `sbom`, ...
    pub kind: String,
    /// The target as given, e.g. a path.
    pub name: String,
}

/// Why an input could not be scanned.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ScanErrorKind {
    /// The file or directory could not be read (I/O error).
    Read,
    /// The operating system refused access.
    PermissionDenied,
    /// The file is larger than the size limit and was not read.
    TooLarge,
    /// The directory walk failed at this path (e.g. a symlink loop).
    Walk,
    /// The content could not be parsed.
    Parse,
    /// Packages could not be checked for vulnerabilities (no database, a stale one, or a
    /// version its ecosystem's rules cannot read).
    NotChecked,
}

/// One input the scan could not cover.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScanError {
    /// Path relative to the target root.
    pub path: String,
    /// Category.
    pub kind: ScanErrorKind,
    /// What went wrong and what to do.
    pub message: String,
}

/// Inputs passed over on purpose (not errors).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Skipped {
    /// Binary files no analyzer wanted.
    pub binary: u64,
    /// FIFOs, sockets, devices: never opened.
    pub special: u64,
    /// Symbolic links (not followed; their targets inside the tree are scanned).
    pub symlinks: u64,
    /// Files no analyzer wanted.
    pub unwanted: u64,
}

/// Counts per severity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SeverityCounts {
    pub critical: u64,
    pub high: u64,
    pub medium: u64,
    pub low: u64,
    pub info: u64,
}

impl SeverityCounts {
    /// Count one more finding of `severity`.
    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Critical => self.critical += 1,
            Severity::High => self.high += 1,
            Severity::Medium => self.medium += 1,
            Severity::Low => self.low += 1,
            Severity::Info => self.info += 1,
        }
    }

    /// The count for `severity`.
    pub fn get(&self, severity: Severity) -> u64 {
        match severity {
            Severity::Critical => self.critical,
            Severity::High => self.high,
            Severity::Medium => self.medium,
            Severity::Low => self.low,
            Severity::Info => self.info,
        }
    }
}

/// Totals for the whole scan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// Files whose content was handed to at least one analyzer.
    pub files_scanned: u64,
    /// Bytes of those files.
    pub bytes_scanned: u64,
    /// Findings in the report.
    pub findings: u64,
    /// Findings in the report, per severity.
    pub by_severity: SeverityCounts,
    /// Findings hidden by inline comments or ignore entries.
    pub suppressed: u64,
    /// Findings below the requested severities.
    pub filtered: u64,
    /// Inputs passed over on purpose.
    pub skipped: Skipped,
    /// Inputs that could not be scanned (see `errors`).
    pub errors: u64,
    /// Wall time of the scan in milliseconds.
    pub duration_ms: u64,
}

/// The shared stage after the walk: ignore entries, severity filter, stable order, counts.
pub struct Assemble<'a> {
    /// Program name and version.
    pub tool: Tool,
    /// What was scanned.
    pub target: Target,
    /// Scanners that ran.
    pub scanners: Vec<String>,
    /// Ignore entries to apply.
    pub ignores: &'a crate::IgnoreSet,
    /// Keep only these severities (all when `None`).
    pub severities: Option<&'a [Severity]>,
    /// Warnings gathered before the walk (config, rules).
    pub warnings: Vec<String>,
    /// VEX statements: `not_affected`/`fixed` suppress, the others annotate.
    pub vex: &'a [crate::vex::VexStatement],
    /// Wall time of the scan.
    pub duration_ms: u64,
}

impl Assemble<'_> {
    /// Turn the engine's raw output into the final, deterministic report.
    pub fn report(self, output: crate::EngineOutput) -> Report {
        let mut summary = Summary {
            files_scanned: output.files_scanned,
            bytes_scanned: output.bytes_scanned,
            suppressed: output.inline_suppressed,
            skipped: output.skipped,
            duration_ms: self.duration_ms,
            ..Summary::default()
        };
        let mut raw = output.findings;
        let vex = crate::vex::apply(&mut raw, self.vex);
        summary.suppressed += vex.suppressed.len() as u64;
        let mut findings = Vec::with_capacity(raw.len());
        for finding in raw {
            if self.ignores.suppresses(&finding) {
                summary.suppressed += 1;
            } else if self
                .severities
                .is_some_and(|keep| !keep.contains(&finding.severity))
            {
                summary.filtered += 1;
            } else {
                findings.push(finding);
            }
        }
        findings.sort_by(|a, b| {
            (
                &a.location.path,
                a.location.start_line,
                a.location.start_column,
            )
                .cmp(&(
                    &b.location.path,
                    b.location.start_line,
                    b.location.start_column,
                ))
                // Packages' vulnerabilities share a location: riskiest first.
                .then_with(|| risk(b).total_cmp(&risk(a)))
                .then_with(|| (&a.rule_id, &a.fingerprint).cmp(&(&b.rule_id, &b.fingerprint)))
        });
        findings.dedup_by(|a, b| a.fingerprint == b.fingerprint && a.location == b.location);
        for f in &findings {
            summary.by_severity.add(f.severity);
        }
        summary.findings = findings.len() as u64;
        let mut errors = output.errors;
        errors.sort();
        summary.errors = errors.len() as u64;
        let mut warnings = self.warnings;
        warnings.extend(vex.unmatched);
        warnings.extend(self.ignores.expired().iter().map(ToString::to_string));
        Report {
            schema_version: SCHEMA_VERSION.to_string(),
            tool: self.tool,
            target: self.target,
            scanners: self.scanners,
            findings,
            errors,
            warnings,
            summary,
        }
    }
}

/// Sort key for "fix this first": known-exploited, then severity, then exploit probability.
fn risk(finding: &crate::Finding) -> f64 {
    let details = finding.vulnerability.as_deref();
    let kev = details.is_some_and(|d| d.kev);
    let epss = details
        .and_then(|d| d.epss.as_ref())
        .map_or(0.0, |e| e.score);
    f64::from(u8::from(kev)) * 100.0 + f64::from(finding.severity as u8) * 10.0 + epss
}
