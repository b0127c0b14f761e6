//! The rule file format (see `rules/README.md`) and its checks.

use rampart_core::{Confidence, RuleExamples, RuleMeta, Severity};
use serde::Deserialize;

use crate::Validator;
use crate::allowlist::AllowlistSpec;

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// One `rules/*.toml` file (or the `[[secret.rules]]` of a config).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// The rules it defines.
    pub rules: Vec<RuleSpec>,
}

/// A secret rule as written in TOML.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Stable kebab-case id.
    pub id: String,
    /// One-line title.
    pub title: String,
    /// Severity of its findings.
    pub severity: Severity,
    /// How likely a match is real.
    pub confidence: Confidence,
    /// Lowercase literals; the rule runs only on blobs containing one (ASCII case-insensitive).
    /// A rule without keywords runs on every blob its paths allow.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Rust regex with a named group `secret` (or see `secret_group`). Empty: a file-presence
    /// rule, reporting every file its `paths`/`path_regex` match.
    #[serde(default)]
    pub regex: String,
    /// Which capture group is the secret, instead of the named group `secret`.
    #[serde(default)]
    pub secret_group: Option<SecretGroup>,
    /// Minimum Shannon entropy (bits per character) of the secret.
    #[serde(default)]
    pub min_entropy: Option<f64>,
    /// The secret's entropy must exceed `min_entropy`, with no allowance for hex secrets
    /// (gitleaks' rule; set for imported gitleaks rules).
    #[serde(skip)]
    pub strict_entropy: bool,
    /// Globs of the paths the rule applies to (all paths when empty).
    #[serde(default)]
    pub paths: Vec<String>,
    /// A regex the relative path must match for the rule to apply (gitleaks' `path`).
    #[serde(default)]
    pub path_regex: Option<String>,
    /// Matches these allow are not reported.
    #[serde(default)]
    pub allowlists: Vec<AllowlistSpec>,
    /// Structural check of the secret.
    #[serde(default)]
    pub validate: Option<Validator>,
    /// Drop secrets that look like placeholders (default true).
    #[serde(default = "default_true")]
    pub placeholders: bool,
    /// What it is and why it matters.
    pub description: String,
    /// How to fix.
    pub remediation: String,
    /// Documentation links.
    #[serde(default)]
    pub references: Vec<String>,
    /// A nearby pattern that confirms the match.
    #[serde(default)]
    pub companion: Option<Companion>,
    /// Examples run by the test suite.
    #[serde(default)]
    pub examples: RuleExamplesSpec,
    /// Family (file stem for built-ins, `custom` for config rules).
    #[serde(skip)]
    pub family: String,
    /// Shipped with rampart (and so compiled and tested by its test suite).
    #[serde(skip)]
    pub builtin: bool,
}

fn default_true() -> bool {
    true
}

/// Which part of a regex match is the secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretGroup {
    /// Capture group N (0 = the whole match). TOML: `secret_group = 2`.
    Index(usize),
    /// The first capture group that matched non-empty text, or the whole match when the regex
    /// has no groups (gitleaks' default). TOML: `secret_group = "first-non-empty"`.
    FirstNonEmpty,
}

impl SecretGroup {
    /// The secret's range in a match with `groups` groups (the whole match included), given
    /// each group's range (`None`: did not take part).
    pub(crate) fn pick(
        self,
        groups: usize,
        group: impl Fn(usize) -> Option<std::ops::Range<usize>>,
    ) -> Option<std::ops::Range<usize>> {
        match self {
            SecretGroup::Index(n) => group(n),
            SecretGroup::FirstNonEmpty if groups > 1 => {
                (1..groups).find_map(|g| group(g).filter(|r| !r.is_empty()))
            }
            SecretGroup::FirstNonEmpty => group(0),
        }
    }
}

impl<'de> Deserialize<'de> for SecretGroup {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Index(usize),
            Text(String),
        }
        match Raw::deserialize(d)? {
            Raw::Index(n) => Ok(SecretGroup::Index(n)),
            Raw::Text(t) if t == "first-non-empty" => Ok(SecretGroup::FirstNonEmpty),
            Raw::Text(t) => Err(serde::de::Error::custom(format!(
                "invalid secret_group `{t}`: expected a group number or \"first-non-empty\""
            ))),
        }
    }
}

/// A second pattern that, found near the match, raises its confidence to high.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Companion {
    /// Rust regex.
    pub regex: String,
    /// How many lines before or after the match to look.
    pub within_lines: u32,
}

/// Examples as written in TOML.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleExamplesSpec {
    /// Path the examples are scanned as.
    #[serde(default)]
    pub path: Option<String>,
    /// Inputs that must match.
    #[serde(default)]
    pub matching: Vec<String>,
    /// Inputs that must not match.
    #[serde(default)]
    pub not_matching: Vec<String>,
}

/// A rule file or rule that cannot be used.
#[derive(Debug, Clone, thiserror::Error)]
pub enum RuleSpecError {
    /// The TOML did not parse into rules.
    #[error("rule file `{file}`: {message}")]
    Parse {
        /// File name.
        file: String,
        /// Parser message with line and column.
        message: String,
    },
    /// A rule is inconsistent.
    #[error("secret rule `{id}`: {message}")]
    Invalid {
        /// Rule id.
        id: String,
        /// What is wrong.
        message: String,
    },
    /// A global allowlist cannot be used.
    #[error("secret allowlist {which}: {message}")]
    Allowlist {
        /// Which one (`#N`, in order).
        which: String,
        /// What is wrong.
        message: String,
    },
}

impl RuleFile {
    /// Parse a rule file's TOML; `family` is recorded on each rule.
    pub fn parse(file: &str, family: &str, text: &str) -> Result<Vec<RuleSpec>, RuleSpecError> {
        let parsed: RuleFile = toml::from_str(text).map_err(|e| RuleSpecError::Parse {
            file: file.to_string(),
            message: e.to_string(),
        })?;
        Ok(parsed
            .rules
            .into_iter()
            .map(|mut r| {
                r.family = family.to_string();
                r
            })
            .collect())
    }
}

/// Every built-in rule, in file then definition order.
pub fn builtin_rules() -> Result<Vec<RuleSpec>, RuleSpecError> {
    let mut rules = Vec::new();
    for (family, text) in BUILTIN_RULE_FILES {
        let parsed = RuleFile::parse(&format!("rules/{family}.toml"), family, text)?;
        rules.extend(parsed.into_iter().map(|mut rule| {
            rule.builtin = true;
            rule
        }));
    }
    Ok(rules)
}

impl RuleSpec {
    /// Checks that do not need compilation: id shape, keywords, text fields.
    pub fn check(&self) -> Result<(), RuleSpecError> {
        let invalid = |message: String| RuleSpecError::Invalid {
            id: self.id.clone(),
            message,
        };
        let id_ok = !self.id.is_empty()
            && self
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !self.id.starts_with('-')
            && !self.id.ends_with('-');
        if !id_ok {
            return Err(invalid(
                "ids are kebab-case: lowercase letters, digits and `-`".into(),
            ));
        }
        if self.keywords.iter().any(|k| k.trim().is_empty()) {
            return Err(invalid("keywords must not be empty strings".into()));
        }
        // A user's rule may go without keywords (it then runs on every file, as gitleaks
        // does); a built-in one may not, since it would slow every scan down.
        if self.builtin && self.keywords.is_empty() && self.paths.is_empty() {
            return Err(invalid(
                "needs at least one keyword (the prefilter runs a rule only where one occurs), \
                 or `paths` that limit it to certain files"
                    .into(),
            ));
        }
        if self.regex.is_empty() && self.paths.is_empty() && self.path_regex.is_none() {
            return Err(invalid(
                "has no `regex`: a file-presence rule needs `paths` or `path_regex`".into(),
            ));
        }
        if self.title.trim().is_empty() {
            return Err(invalid("needs a title".into()));
        }
        Ok(())
    }

    /// The metadata shown by `rules list/explain`, SARIF and the docs.
    pub fn meta(&self) -> RuleMeta {
        RuleMeta {
            id: self.id.clone(),
            scanner: "secret".into(),
            family: self.family.clone(),
            title: self.title.clone(),
            severity: self.severity,
            confidence: self.confidence,
            description: self.description.trim().to_string(),
            remediation: self.remediation.trim().to_string(),
            references: self.references.clone(),
            examples: RuleExamples {
                path: self.examples.path.clone(),
                matching: self.examples.matching.clone(),
                not_matching: self.examples.not_matching.clone(),
            },
        }
    }
}
