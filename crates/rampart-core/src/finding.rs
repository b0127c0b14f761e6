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
}

/// Content-based fingerprint: rule id + normalised path + a hash of the matched content, so it
/// survives line moves but changes when the content (e.g. a new secret) changes.
pub fn fingerprint(rule_id: &str, path: &str, content: &[u8]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(rule_id.as_bytes());
    hasher.update([0]);
    hasher.update(normalize_path(path).as_bytes());
    hasher.update([0]);
    hasher.update(content);
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
