use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Confidence, Severity};

/// What every rule of every scanner documents about itself; `rules list`, `rules explain`,
/// SARIF rule descriptors and `docs/rules.md` are all made from this.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct RuleMeta {
    /// Stable identifier, e.g. `github-pat-classic`.
    pub id: String,
    /// Scanner that owns the rule, e.g. `secret`.
    pub scanner: String,
    /// Group of related rules, e.g. `vcs` or `cloud`.
    pub family: String,
    /// One-line title.
    pub title: String,
    /// Default severity of its findings.
    pub severity: Severity,
    /// How likely a match is a true positive.
    pub confidence: Confidence,
    /// What the rule detects and why it matters.
    pub description: String,
    /// How to fix a finding.
    pub remediation: String,
    /// Documentation links; the first is used as the SARIF `helpUri`.
    pub references: Vec<String>,
    /// Inputs that must and must not produce a finding; the test suite runs them all.
    pub examples: RuleExamples,
}

/// Example inputs for a rule.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct RuleExamples {
    /// Path the examples are scanned as (some rules only apply to certain files).
    pub path: Option<String>,
    /// Each must produce at least one finding of the rule.
    pub matching: Vec<String>,
    /// Each must produce no finding of the rule.
    pub not_matching: Vec<String>,
}
