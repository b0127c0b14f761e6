//! Suppression: inline `rampart:ignore` comments and ignore entries (from `.rampartignore` or
//! `rampart.toml`) matched by rule id, path glob and/or fingerprint, each optionally expiring.

use globset::{GlobBuilder, GlobMatcher};
use serde::Deserialize;

use crate::{Date, Finding};

/// The marker that suppresses findings on its line.
const INLINE_MARKER: &[u8] = b"rampart:ignore";

/// Whether `data` contains an inline ignore marker at all (cheap check before line lookups).
pub fn has_inline_marker(data: &[u8]) -> bool {
    memchr::memmem::find(data, INLINE_MARKER).is_some()
}

/// Whether the line `text` carries a `rampart:ignore` comment covering `rule_id`.
///
/// `rampart:ignore` alone covers every rule; `rampart:ignore ID[,ID...]` only those ids, and
/// any words after them are a free-text reason. A first word that names no known rule
/// (`is_rule` says which names are rules) is the start of a reason, so
/// `rampart:ignore test data` covers every rule rather than a rule called `test`.
pub fn inline_ignore_applies(text: &[u8], rule_id: &str, is_rule: impl Fn(&str) -> bool) -> bool {
    let mut rest = text;
    while let Some(pos) = find(rest, INLINE_MARKER) {
        let after = &rest[pos + INLINE_MARKER.len()..];
        // `rampart:ignored` or `rampart:ignore-foo` is some other word, not our marker.
        let boundary = after
            .first()
            .is_none_or(|b| !(b.is_ascii_alphanumeric() || *b == b'-'));
        if boundary {
            let word = String::from_utf8_lossy(first_word(after)).to_ascii_lowercase();
            let mut ids = word.split(',').filter(|id| !id.is_empty()).peekable();
            let names_rules = ids.peek().is_some() && word.split(',').any(&is_rule);
            if !names_rules || ids.any(|id| id == rule_id.to_ascii_lowercase()) {
                return true;
            }
        }
        rest = after;
    }
    false
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

fn first_word(after: &[u8]) -> &[u8] {
    let start = after.iter().position(|b| *b != b' ' && *b != b'\t');
    let Some(start) = start else {
        return &[];
    };
    let word = &after[start..];
    let end = word
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b',' | b'/')))
        .unwrap_or(word.len());
    // A comment closer such as `-->` or `*/` right after the marker is not a rule id.
    let word = &word[..end];
    if word.iter().all(|b| matches!(b, b'-' | b'/' | b'.')) {
        &[]
    } else {
        word
    }
}

/// A malformed ignore entry.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct IgnoreError {
    /// File and line, e.g. `.rampartignore:4`.
    pub origin: String,
    /// What is wrong and what is expected.
    pub message: String,
}

/// One rule for hiding findings. Every field that is set must match.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IgnoreEntry {
    /// Rule id to hide.
    #[serde(default)]
    pub rule: Option<String>,
    /// Path glob (gitignore-like: `*.pem` matches in any directory, `dir/` a whole tree).
    #[serde(default)]
    pub path: Option<String>,
    /// Exact fingerprint of one finding.
    #[serde(default)]
    pub fingerprint: Option<String>,
    /// Last day the entry applies (`YYYY-MM-DD`); after it the entry is reported, not applied.
    #[serde(default, deserialize_with = "deserialize_date")]
    pub expires: Option<Date>,
    /// Why the finding is accepted.
    #[serde(default)]
    pub reason: Option<String>,
    /// Where the entry was written, for messages.
    #[serde(skip)]
    pub origin: String,
}

fn deserialize_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    let text: Option<String> = Option::deserialize(d)?;
    text.map(|t| t.parse::<Date>().map_err(serde::de::Error::custom))
        .transpose()
}

impl IgnoreEntry {
    fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(rule) = &self.rule {
            parts.push(format!("rule:{rule}"));
        }
        if let Some(path) = &self.path {
            parts.push(format!("path:{path}"));
        }
        if let Some(fp) = &self.fingerprint {
            parts.push(format!("fingerprint:{fp}"));
        }
        parts.join(" ")
    }
}

/// An ignore entry whose `expires` date has passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpiredIgnore {
    /// Where it was written.
    pub origin: String,
    /// The entry, e.g. `rule:x path:y`.
    pub entry: String,
    /// Its expiry date.
    pub expired_on: Date,
}

impl std::fmt::Display for ExpiredIgnore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: ignore entry `{}` expired on {} and is no longer applied; fix the finding, or \
             extend `expires` if the risk is still accepted",
            self.origin, self.entry, self.expired_on
        )
    }
}

struct CompiledEntry {
    entry: IgnoreEntry,
    glob: Option<GlobMatcher>,
}

/// Active ignore entries, compiled; plus those that expired.
pub struct IgnoreSet {
    active: Vec<CompiledEntry>,
    expired: Vec<ExpiredIgnore>,
}

/// What `.rampartignore` holds: path patterns that keep files out of the walk, and entries.
#[derive(Debug, Default)]
pub struct IgnoreFile {
    /// Bare lines: gitignore-syntax patterns of files not to scan at all.
    pub walk_excludes: Vec<String>,
    /// `rule:` / `path:` / `fingerprint:` entries that hide findings.
    pub entries: Vec<IgnoreEntry>,
}

impl IgnoreFile {
    /// Parse the text of a `.rampartignore` file; `name` is used in messages.
    pub fn parse(name: &str, text: &str) -> Result<IgnoreFile, IgnoreError> {
        let mut file = IgnoreFile::default();
        for (index, raw) in text.lines().enumerate() {
            let origin = format!("{name}:{}", index + 1);
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let typed = ["rule:", "path:", "fingerprint:"]
                .iter()
                .any(|prefix| line.starts_with(prefix));
            if !typed {
                file.walk_excludes.push(line.to_string());
                continue;
            }
            file.entries.push(parse_entry(line, origin)?);
        }
        Ok(file)
    }
}

fn parse_entry(line: &str, origin: String) -> Result<IgnoreEntry, IgnoreError> {
    let mut entry = IgnoreEntry {
        rule: None,
        path: None,
        fingerprint: None,
        expires: None,
        reason: None,
        origin: origin.clone(),
    };
    let mut rest = line;
    while !rest.is_empty() {
        let token_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let token = &rest[..token_end];
        let Some(split) = token.find([':', '=']) else {
            return Err(IgnoreError {
                origin,
                message: format!(
                    "unexpected `{token}`: entries are `rule:ID`, `path:GLOB`, `fingerprint:HEX`, \
                     `expires=YYYY-MM-DD`, `reason=free text`"
                ),
            });
        };
        let (key, value) = (&token[..split], &token[split + 1..]);
        if key == "reason" {
            let text = rest[split + 1..].trim().trim_matches('"');
            entry.reason = Some(text.to_string());
            break;
        }
        if value.is_empty() {
            return Err(IgnoreError {
                origin,
                message: format!("`{key}` needs a value"),
            });
        }
        match key {
            "rule" => entry.rule = Some(value.to_string()),
            "path" => entry.path = Some(value.to_string()),
            "fingerprint" => entry.fingerprint = Some(value.to_ascii_lowercase()),
            "expires" => {
                entry.expires = Some(value.parse().map_err(|e: crate::DateError| IgnoreError {
                    origin: origin.clone(),
                    message: e.to_string(),
                })?)
            }
            other => {
                return Err(IgnoreError {
                    origin,
                    message: format!(
                        "unknown key `{other}`: expected rule, path, fingerprint, expires or reason"
                    ),
                });
            }
        }
        rest = rest[token_end..].trim_start();
    }
    Ok(entry)
}

/// Compile a gitignore-like path glob: no `/` means "in any directory", a trailing `/` a tree.
fn compile_path_glob(pattern: &str) -> Result<GlobMatcher, globset::Error> {
    let mut pattern = pattern.trim_start_matches("./").to_string();
    if pattern.ends_with('/') {
        pattern.push_str("**");
    }
    if let Some(anchored) = pattern.strip_prefix('/') {
        pattern = anchored.to_string();
    } else if !pattern.contains('/') {
        pattern = format!("**/{pattern}");
    }
    Ok(GlobBuilder::new(&pattern)
        .literal_separator(true)
        .build()?
        .compile_matcher())
}

impl IgnoreSet {
    /// Compile `entries`, setting aside those that expired before `today`.
    pub fn new(entries: Vec<IgnoreEntry>, today: Date) -> Result<IgnoreSet, IgnoreError> {
        let mut active = Vec::new();
        let mut expired = Vec::new();
        for entry in entries {
            if entry.rule.is_none() && entry.path.is_none() && entry.fingerprint.is_none() {
                return Err(IgnoreError {
                    origin: entry.origin,
                    message: "an ignore entry needs at least one of rule, path or fingerprint"
                        .into(),
                });
            }
            if let Some(expires) = entry.expires.filter(|e| *e < today) {
                expired.push(ExpiredIgnore {
                    origin: entry.origin.clone(),
                    entry: entry.describe(),
                    expired_on: expires,
                });
                continue;
            }
            let glob = match &entry.path {
                Some(p) => Some(compile_path_glob(p).map_err(|e| IgnoreError {
                    origin: entry.origin.clone(),
                    message: format!("invalid path glob `{p}`: {e}"),
                })?),
                None => None,
            };
            active.push(CompiledEntry { entry, glob });
        }
        Ok(IgnoreSet { active, expired })
    }

    /// Entries that expired and were therefore not applied.
    pub fn expired(&self) -> &[ExpiredIgnore] {
        &self.expired
    }

    /// Whether some active entry hides `finding`.
    pub fn suppresses(&self, finding: &Finding) -> bool {
        self.active.iter().any(|c| {
            let e = &c.entry;
            e.rule.as_deref().is_none_or(|r| r == finding.rule_id)
                && e.fingerprint
                    .as_deref()
                    .is_none_or(|fp| fp == finding.fingerprint)
                && c.glob
                    .as_ref()
                    .is_none_or(|g| g.is_match(&finding.location.path))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Confidence, FindingKind, Location, Severity};

    fn finding(rule: &str, path: &str, fp: &str) -> Finding {
        Finding {
            kind: FindingKind::Secret,
            rule_id: rule.into(),
            title: String::new(),
            severity: Severity::High,
            confidence: Confidence::High,
            location: Location {
                path: path.into(),
                start_line: 1,
                end_line: 1,
                start_column: 1,
                end_column: 2,
                layer: None,
                commit: None,
            },
            fingerprint: fp.into(),
            message: String::new(),
            remediation: String::new(),
            references: vec![],
            redacted: None,
            secret: None,
            git: None,
            aliases: Vec::new(),
            package: None,
            fixed_version: None,
            vulnerability: None,
        }
    }

    #[test]
    fn inline_marker_covers_all_or_named_rules() {
        let known = |id: &str| ["rule-a", "rule-b", "rule-c", "r"].contains(&id);
        assert!(inline_ignore_applies(
            b"key = 1 # rampart:ignore",
            "anything",
            known
        ));
        let named = b"b = 2 // rampart:ignore rule-a,rule-b test data";
        assert!(inline_ignore_applies(named, "rule-b", known));
        assert!(!inline_ignore_applies(named, "rule-c", known));
        assert!(!inline_ignore_applies(b"a", "rule-a", known));
        assert!(!inline_ignore_applies(b"x # rampart:ignored", "r", known));
        assert!(inline_ignore_applies(
            b"x <!-- rampart:ignore -->",
            "r",
            known
        ));
        assert!(inline_ignore_applies(b"x /* rampart:ignore */", "r", known));
        // Not a rule name: a reason, so every rule on the line is covered.
        assert!(inline_ignore_applies(
            b"x # rampart:ignore test data",
            "rule-c",
            known
        ));
        assert!(inline_ignore_applies(
            b"x # rampart:ignore RULE-A",
            "rule-a",
            known
        ));
        assert!(has_inline_marker(b"a\nb # rampart:ignore\n"));
        assert!(!has_inline_marker(b"a\nb # rampart\n"));
    }

    #[test]
    fn parses_ignore_file_lines() {
        let text = "# comment\nvendor/\n\nrule:generic-password path:tests/** expires=2030-01-01 reason=fixtures only\nfingerprint:ABC\n";
        let file = IgnoreFile::parse(".rampartignore", text).unwrap();
        assert_eq!(file.walk_excludes, vec!["vendor/"]);
        assert_eq!(file.entries.len(), 2);
        let e = &file.entries[0];
        assert_eq!(e.rule.as_deref(), Some("generic-password"));
        assert_eq!(e.path.as_deref(), Some("tests/**"));
        assert_eq!(e.reason.as_deref(), Some("fixtures only"));
        assert_eq!(e.origin, ".rampartignore:4");
        assert_eq!(file.entries[1].fingerprint.as_deref(), Some("abc"));
    }

    #[test]
    fn rejects_bad_lines_with_their_position() {
        let err = IgnoreFile::parse("x", "rule:a bogus\n").unwrap_err();
        assert!(
            err.to_string().starts_with("x:1: unexpected `bogus`"),
            "{err}"
        );
        let err = IgnoreFile::parse("x", "\nrule:a expires=someday\n").unwrap_err();
        assert!(err.to_string().contains("x:2") && err.to_string().contains("YYYY-MM-DD"));
        let err = IgnoreFile::parse("x", "rule:a color=red\n").unwrap_err();
        assert!(err.to_string().contains("unknown key `color`"));
    }

    #[test]
    fn applies_active_entries_and_reports_expired_ones() {
        let text = "rule:r1\npath:*.pem\nfingerprint:fff\nrule:r2 expires=2020-01-01\nrule:r3 path:docs/\n";
        let file = IgnoreFile::parse("i", text).unwrap();
        let set = IgnoreSet::new(file.entries, "2026-11-24".parse().unwrap()).unwrap();
        assert!(set.suppresses(&finding("r1", "a.txt", "0")));
        assert!(set.suppresses(&finding("x", "deep/dir/k.pem", "0")));
        assert!(set.suppresses(&finding("x", "a.txt", "fff")));
        assert!(
            !set.suppresses(&finding("r2", "a.txt", "0")),
            "expired entry applied"
        );
        assert!(set.suppresses(&finding("r3", "docs/a/b.md", "0")));
        assert!(!set.suppresses(&finding("r3", "src/docs.md", "0")));
        assert_eq!(set.expired().len(), 1);
        assert!(set.expired()[0].to_string().contains("i:4"));
    }
}
