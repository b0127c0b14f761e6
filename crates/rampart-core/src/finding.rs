use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{Confidence, Severity};

/// What sort of problem a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum FindingKind {
    Secret,
    Vulnerability,
    Misconfiguration,
    License,
    Malware,
}

impl FindingKind {
    /// The lowercase name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Secret => "secret",
            FindingKind::Vulnerability => "vulnerability",
            FindingKind::Misconfiguration => "misconfiguration",
            FindingKind::License => "license",
            FindingKind::Malware => "malware",
        }
    }
}

/// Where a finding is: a path relative to the target root and a 1-based line/column span.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub struct Location {
    /// Path relative to the target root, with `/` separators.
    pub path: String,
    /// First line, 1-based.
    pub start_line: u32,
    /// Last line, 1-based, inclusive.
    pub end_line: u32,
    /// First column (1-based, in bytes).
    pub start_column: u32,
    /// Column just past the end (1-based, in bytes, exclusive).
    pub end_column: u32,
    /// Image layer digest, when the bytes came from a container image layer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layer: Option<String>,
    /// Commit id, when the bytes came from git history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
}

/// One problem found by one rule at one place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// What sort of problem this is.
    pub kind: FindingKind,
    /// Id of the rule that produced it.
    pub rule_id: String,
    /// The rule's title.
    pub title: String,
    /// How bad it is.
    pub severity: Severity,
    /// How sure the rule is.
    pub confidence: Confidence,
    /// Where it is.
    pub location: Location,
    /// Stable identity: survives the finding moving to other lines; use it in ignore files.
    pub fingerprint: String,
    /// What was found, for a person; never contains a whole secret.
    pub message: String,
    /// How to fix it.
    pub remediation: String,
    /// Links for more information.
    pub references: Vec<String>,
    /// The matched value, redacted to its first characters (secrets only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redacted: Option<String>,
    /// The whole matched secret: only with `--show-secrets`, never otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// Where in git history it came from (history scans only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub git: Option<GitDetails>,
    /// Other ids of the same vulnerability (CVE, GHSA, RUSTSEC, PYSEC, GO-...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The package the finding is about (vulnerabilities and licences).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package: Option<PackageRef>,
    /// Lowest version above the installed one that resolves the finding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_version: Option<String>,
    /// Advisory details: scores, exploitation data, dependency path, VEX status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vulnerability: Option<Box<VulnerabilityDetails>>,
}

/// The commit that introduced a finding found in git history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GitDetails {
    /// Full id of the earliest commit that added the content.
    pub commit: String,
    /// Its author, `Name <email>`.
    pub author: String,
    /// Its author date (RFC 3339).
    pub date: String,
    /// Whether the same content is still at this path in HEAD.
    pub present_at_head: bool,
    /// Other commits that (re-)added the same content at this path, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_in: Vec<String>,
}

/// The package a finding is about.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct PackageRef {
    /// Name as its ecosystem writes it.
    pub name: String,
    /// Installed or locked version.
    pub version: String,
    /// Ecosystem in OSV's spelling.
    pub ecosystem: String,
    /// Package URL.
    pub purl: String,
}

/// What a vulnerability finding knows beyond the common fields.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VulnerabilityDetails {
    /// Where the severity came from: `cvss_v4`, `cvss_v3`, `cvss_v2`, `ecosystem` (the
    /// source's own rating) or `unrated` (no rating published; reported as medium).
    pub severity_source: String,
    /// CVSS vectors published for it, each scored by rampart.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cvss: Vec<CvssScore>,
    /// When the advisory was published (RFC 3339), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Every version the advisory names as fixing a range, lowest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixed_versions: Vec<String>,
    /// Dependency chain from a direct dependency down to the package (purls), when the
    /// lockfile records the graph and the package is transitive.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dependency_path: Vec<String>,
    /// EPSS exploit-probability data, when an EPSS file was imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub epss: Option<Epss>,
    /// Listed in CISA's Known Exploited Vulnerabilities catalogue (when imported).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub kev: bool,
    /// The VEX statement that applies to it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vex: Option<VexStatus>,
}

/// One CVSS vector and the score rampart computed from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CvssScore {
    /// CVSS version: `2.0`, `3.0`, `3.1` or `4.0`.
    pub version: String,
    /// The vector string as published.
    pub vector: String,
    /// Base score (0.0-10.0).
    pub score: f64,
}

/// EPSS score of a CVE.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Epss {
    /// Probability of exploitation activity in the next 30 days (0-1).
    pub score: f64,
    /// Rank among all scored CVEs (0-1).
    pub percentile: f64,
}

/// A VEX statement applied to a finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VexStatus {
    /// `not_affected`, `fixed`, `affected` or `under_investigation`.
    pub status: String,
    /// Why it is not affected (VEX justification), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
    /// Free-text statement from the VEX author, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
    /// The VEX document it came from.
    pub source: String,
}

/// Content-based fingerprint: rule id + normalised path + a hash of the matched content, so it
/// survives line moves but changes when the content (e.g. a new secret) changes.
pub fn fingerprint(rule_id: &str, path: &str, content: &[u8]) -> String {
    fingerprint_of_digest(rule_id, path, &content_digest(content))
}

/// SHA-256 of matched content: what a fingerprint is built from, so that a fingerprint can be
/// recomputed for another path (a renamed file in git history) without keeping the content.
pub fn content_digest(content: &[u8]) -> [u8; 32] {
    Sha256::digest(content).into()
}

/// The fingerprint of content whose [`content_digest`] is `digest`.
pub fn fingerprint_of_digest(rule_id: &str, path: &str, digest: &[u8; 32]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(rule_id.as_bytes());
    hasher.update([0]);
    hasher.update(normalize_path(path).as_bytes());
    hasher.update([0]);
    hasher.update(digest);
    let digest = hasher.finalize();
    let mut out = String::with_capacity(32);
    for byte in &digest[..16] {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

fn normalize_path(path: &str) -> String {
    let path = path.replace('\\', "/");
    let trimmed = path.trim_start_matches("./").trim_start_matches('/');
    trimmed.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_depends_on_rule_path_and_content_only() {
        let a = fingerprint("r", "src/a.py", b"secret1");
        assert_eq!(a.len(), 32);
        assert_eq!(a, fingerprint("r", "./src/a.py", b"secret1"));
        assert_eq!(a, fingerprint("r", "src\\a.py", b"secret1"));
        assert_ne!(a, fingerprint("r", "src/a.py", b"secret2"));
        assert_ne!(a, fingerprint("q", "src/a.py", b"secret1"));
        assert_ne!(a, fingerprint("r", "src/b.py", b"secret1"));
    }
}
