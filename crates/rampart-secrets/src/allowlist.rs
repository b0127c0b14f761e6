//! Allowlists: conditions under which a rule's match is not reported (a known test value, a
//! fixture directory, a commit that was already cleaned up). Per rule (`[[rules.allowlists]]`)
//! or global ([`Allowlist`], applied to every rule or to `target_rules`). The semantics follow
//! gitleaks' allowlists so that imported configurations suppress exactly what they did there.

use std::collections::HashSet;

use globset::{GlobSet, GlobSetBuilder};
use regex::bytes::Regex;
use serde::Deserialize;

use crate::rule::RuleSpecError;

/// How the checks of one allowlist combine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AllowCondition {
    /// Any one check that is given allows the match (the default).
    #[default]
    Or,
    /// Every check that is given must allow the match.
    And,
}

/// What an allowlist's `regexes` are matched against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RegexTarget {
    /// The secret (the capture group), the default.
    #[default]
    Secret,
    /// The whole text the rule's regex matched.
    Match,
    /// The whole line(s) the match is on.
    Line,
}

/// One allowlist as written in TOML.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllowlistSpec {
    /// Why the allowlist exists.
    #[serde(default)]
    pub description: String,
    /// `or` (default): any given check allows; `and`: all given checks must.
    #[serde(default)]
    pub condition: AllowCondition,
    /// What `regexes` are matched against: `secret` (default), `match` or `line`.
    #[serde(default)]
    pub regex_target: RegexTarget,
    /// Rust regexes; one matching the target allows.
    #[serde(default)]
    pub regexes: Vec<String>,
    /// Path globs (same syntax as a rule's `paths`); one matching the file allows.
    #[serde(default)]
    pub paths: Vec<String>,
    /// Path regexes (gitleaks' `paths`); one matching the file's relative path allows.
    #[serde(default)]
    pub path_regexes: Vec<String>,
    /// Words; a secret containing one (case-insensitively) is allowed.
    #[serde(default)]
    pub stopwords: Vec<String>,
    /// Full commit ids; content from one of these commits (history scans) is allowed.
    #[serde(default)]
    pub commits: Vec<String>,
    /// Global allowlists only: the rule ids it applies to (all rules when empty).
    #[serde(default)]
    pub target_rules: Vec<String>,
}

impl AllowlistSpec {
    /// Whether it has at least one check. One without any would allow every match under
    /// `and` (all of no checks hold), so it is rejected instead.
    pub fn has_checks(&self) -> bool {
        !(self.regexes.is_empty()
            && self.paths.is_empty()
            && self.path_regexes.is_empty()
            && self.stopwords.is_empty()
            && self.commits.is_empty())
    }
}

/// A compiled allowlist.
#[derive(Debug, Clone)]
pub(crate) struct CompiledAllowlist {
    and: bool,
    target: RegexTarget,
    regexes: Vec<Regex>,
    path_globs: Option<GlobSet>,
    path_regexes: Vec<Regex>,
    /// Lowercased.
    stopwords: Vec<Vec<u8>>,
    /// Lowercased, trimmed.
    commits: HashSet<String>,
    target_rules: Vec<String>,
}

/// What an allowlist is tested against for one match.
pub(crate) struct AllowContext<'a> {
    pub path: &'a str,
    pub commit: Option<&'a str>,
    /// `None` for file-presence findings (no secret, nothing matched).
    pub secret: Option<&'a [u8]>,
    pub matched: Option<&'a [u8]>,
    pub line: Option<&'a [u8]>,
}

impl CompiledAllowlist {
    /// Compile one allowlist; the error says what is wrong with it.
    pub(crate) fn compile(spec: &AllowlistSpec) -> Result<Self, String> {
        let invalid = |message: String| message;
        let label = if spec.description.trim().is_empty() {
            "allowlist".to_string()
        } else {
            format!("allowlist `{}`", spec.description.trim())
        };
        if !spec.has_checks() {
            return Err(invalid(format!(
                "{label} has no regexes, paths, path_regexes, stopwords or commits; \
                 it would allow everything"
            )));
        }
        let regex = |pattern: &String, what: &str| {
            crate::matcher::build_regex(pattern)
                .map_err(|e| invalid(format!("{label}: {what} `{pattern}` does not compile: {e}")))
        };
        let regexes = spec
            .regexes
            .iter()
            .map(|p| regex(p, "regex"))
            .collect::<Result<_, _>>()?;
        let path_regexes = spec
            .path_regexes
            .iter()
            .map(|p| regex(p, "path regex"))
            .collect::<Result<_, _>>()?;
        let path_globs = if spec.paths.is_empty() {
            None
        } else {
            Some(build_globs(&spec.paths).map_err(|e| invalid(format!("{label}: {e}")))?)
        };
        if spec.stopwords.iter().any(|w| w.is_empty()) {
            return Err(invalid(format!(
                "{label}: an empty stopword would allow every secret"
            )));
        }
        Ok(CompiledAllowlist {
            and: spec.condition == AllowCondition::And,
            target: spec.regex_target,
            regexes,
            path_globs,
            path_regexes,
            stopwords: spec
                .stopwords
                .iter()
                .map(|w| w.to_lowercase().into_bytes())
                .collect(),
            commits: spec
                .commits
                .iter()
                .map(|c| c.trim().to_lowercase())
                .filter(|c| !c.is_empty())
                .collect(),
            target_rules: spec.target_rules.clone(),
        })
    }

    /// Whether it covers rule `id` (global allowlists with `target_rules` cover only those).
    pub(crate) fn applies_to(&self, id: &str) -> bool {
        self.target_rules.is_empty() || self.target_rules.iter().any(|t| t == id)
    }

    /// Whether it has no `target_rules`.
    pub(crate) fn untargeted(&self) -> bool {
        self.target_rules.is_empty()
    }

    fn has_paths(&self) -> bool {
        self.path_globs.is_some() || !self.path_regexes.is_empty()
    }

    fn commit_allowed(&self, commit: Option<&str>) -> bool {
        commit.is_some_and(|c| !c.is_empty() && self.commits.contains(&c.to_lowercase()))
    }

    fn path_allowed(&self, path: &str) -> bool {
        !path.is_empty()
            && (self.path_globs.as_ref().is_some_and(|g| g.is_match(path))
                || self
                    .path_regexes
                    .iter()
                    .any(|r| r.is_match(path.as_bytes())))
    }

    /// Whether the whole blob is allowed before any rule runs: only commits and paths can
    /// decide that, and under `and` only when the allowlist has no content checks.
    pub(crate) fn allows_blob(&self, path: &str, commit: Option<&str>) -> bool {
        let commit_ok = self.commit_allowed(commit);
        let path_ok = self.path_allowed(path);
        if !self.and {
            return commit_ok || path_ok;
        }
        if !self.regexes.is_empty() || !self.stopwords.is_empty() {
            return false;
        }
        (self.commits.is_empty() || commit_ok) && (!self.has_paths() || path_ok)
    }

    /// Whether one match is allowed.
    pub(crate) fn allows(&self, cx: &AllowContext<'_>) -> bool {
        let commit_ok = || self.commit_allowed(cx.commit);
        let path_ok = || self.path_allowed(cx.path);
        let regex_ok = || {
            let target = match self.target {
                RegexTarget::Secret => cx.secret,
                RegexTarget::Match => cx.matched,
                RegexTarget::Line => cx.line,
            };
            target.is_some_and(|t| !t.is_empty() && self.regexes.iter().any(|r| r.is_match(t)))
        };
        let stopword_ok = || {
            cx.secret.is_some_and(|s| {
                let lower = s.to_ascii_lowercase();
                let lower = match std::str::from_utf8(s) {
                    // Non-ASCII stopwords need Unicode lowercasing of the secret too.
                    Ok(text) if !text.is_ascii() => text.to_lowercase().into_bytes(),
                    _ => lower,
                };
                self.stopwords
                    .iter()
                    .any(|w| memchr::memmem::find(&lower, w).is_some())
            })
        };
        if self.and {
            (self.commits.is_empty() || commit_ok())
                && (!self.has_paths() || path_ok())
                && (self.regexes.is_empty() || regex_ok())
                && (self.stopwords.is_empty() || stopword_ok())
        } else {
            commit_ok() || path_ok() || regex_ok() || stopword_ok()
        }
    }
}

/// Compile path globs the way rule `paths` are: `*` stays within a directory, and a glob
/// without `/` matches the file name in any directory.
pub(crate) fn build_globs(patterns: &[String]) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = if pattern.contains('/') {
            pattern.clone()
        } else {
            format!("**/{pattern}")
        };
        let glob = globset::GlobBuilder::new(&glob)
            .literal_separator(true)
            .build()
            .map_err(|e| format!("path glob `{pattern}`: {e}"))?;
        builder.add(glob);
    }
    builder.build().map_err(|e| format!("path globs: {e}"))
}

/// Global allowlists, compiled: they apply to every rule (or to their `target_rules`),
/// built-in rules included.
#[derive(Debug, Clone, Default)]
pub struct Allowlist {
    specs: Vec<AllowlistSpec>,
    pub(crate) compiled: Vec<CompiledAllowlist>,
}

impl Allowlist {
    /// Compile `specs`; an allowlist without checks or with a pattern that does not compile
    /// is an error naming it.
    pub fn new(specs: Vec<AllowlistSpec>) -> Result<Allowlist, RuleSpecError> {
        let compiled = specs
            .iter()
            .enumerate()
            .map(|(i, spec)| {
                CompiledAllowlist::compile(spec).map_err(|message| RuleSpecError::Allowlist {
                    which: format!("#{}", i + 1),
                    message,
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Allowlist { specs, compiled })
    }

    /// The allowlists as written.
    pub fn specs(&self) -> &[AllowlistSpec] {
        &self.specs
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.specs.is_empty()
    }
}
