//! OSV records (https://ossf.github.io/osv-schema/) read leniently from JSON or YAML, and
//! reduced to the [`Advisory`] the index stores: only what matching and reports need.

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

/// A record that could not be read as OSV.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}: {reason}")]
pub struct RecordError {
    /// File (or archive member) the record came from.
    pub source_name: String,
    /// What is wrong with it.
    pub reason: String,
}

/// One advisory, reduced to what matching and reporting use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Advisory {
    /// The record's id (`GHSA-...`, `PYSEC-...`, `GO-...`, `RUSTSEC-...`).
    pub id: String,
    /// Other ids of the same vulnerability.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// One-line summary (falls back to the first line of the details).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// RFC 3339 publication time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// RFC 3339 modification time.
    #[serde(default)]
    pub modified: String,
    /// Withdrawn advisories are kept (so updates can replace them) but never matched.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub withdrawn: bool,
    /// CVSS vectors (`CVSS:3.1/...`, `CVSS:4.0/...`, v2 vectors) for the whole record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cvss: Vec<String>,
    /// The source's own rating (`CRITICAL`, `HIGH`, `MODERATE`, `LOW`), when it gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<String>,
    /// RustSec's `informational` kind (`unmaintained`, `unsound`, `notice`): not a vulnerability
    /// in the strict sense, reported at low severity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub informational: Option<String>,
    /// Reference URLs, advisory links first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    /// Affected packages.
    #[serde(default)]
    pub affected: Vec<AffectedPackage>,
}

/// One `affected[]` entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AffectedPackage {
    /// Ecosystem as the record spells it (`PyPI`, `Debian:12`, ...).
    pub ecosystem: String,
    /// Package name as the record spells it.
    pub name: String,
    /// Version ranges (SEMVER and ECOSYSTEM; GIT ranges are dropped).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ranges: Vec<Range>,
    /// Explicitly listed affected versions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<String>,
    /// CVSS vectors given for this package only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cvss: Vec<String>,
}

/// How a range's versions compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RangeKind {
    /// SemVer 2.0 precedence whatever the ecosystem.
    Semver,
    /// The ecosystem's own ordering.
    Ecosystem,
}

/// One `ranges[]` entry: events in the order the record gives them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Range {
    /// How versions compare.
    pub kind: RangeKind,
    /// The events.
    pub events: Vec<Event>,
}

/// A range event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    /// Versions from here on are affected (`0` means from the beginning).
    Introduced(String),
    /// Versions from here on are not affected.
    Fixed(String),
    /// Versions after this one are not affected.
    LastAffected(String),
    /// Versions from here on are outside the range.
    Limit(String),
}

impl Event {
    /// The version the event names.
    pub fn version(&self) -> &str {
        match self {
            Event::Introduced(v) | Event::Fixed(v) | Event::LastAffected(v) | Event::Limit(v) => v,
        }
    }
}

/// Parse one record; `name` ends in `.yaml`/`.yml` for YAML, anything else is read as JSON.
pub fn parse_record(name: &str, bytes: &[u8]) -> Result<Advisory, RecordError> {
    let error = |reason: String| RecordError {
        source_name: name.to_string(),
        reason,
    };
    let lower = name.to_ascii_lowercase();
    let raw: RawRecord = if lower.ends_with(".yaml") || lower.ends_with(".yml") {
        let text = std::str::from_utf8(bytes).map_err(|e| error(format!("not UTF-8: {e}")))?;
        serde_saphyr::from_str(text).map_err(|e| error(format!("not an OSV record: {e}")))?
    } else {
        serde_json::from_slice(bytes).map_err(|e| error(format!("not an OSV record: {e}")))?
    };
    raw.into_advisory().map_err(error)
}

#[derive(Deserialize)]
struct RawRecord {
    id: Option<String>,
    #[serde(default)]
    modified: Option<Lenient>,
    #[serde(default)]
    published: Option<Lenient>,
    #[serde(default)]
    withdrawn: Option<Lenient>,
    #[serde(default, deserialize_with = "null_as_default")]
    aliases: Vec<Lenient>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    details: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    severity: Vec<RawSeverity>,
    #[serde(default, deserialize_with = "null_as_default")]
    affected: Vec<RawAffected>,
    #[serde(default, deserialize_with = "null_as_default")]
    references: Vec<RawReference>,
    #[serde(default)]
    database_specific: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct RawSeverity {
    #[serde(rename = "type")]
    kind: Option<String>,
    score: Option<Lenient>,
}

#[derive(Deserialize)]
struct RawAffected {
    package: Option<RawPackage>,
    #[serde(default, deserialize_with = "null_as_default")]
    ranges: Vec<RawRange>,
    #[serde(default, deserialize_with = "null_as_default")]
    versions: Vec<Lenient>,
    #[serde(default, deserialize_with = "null_as_default")]
    severity: Vec<RawSeverity>,
    #[serde(default)]
    database_specific: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct RawPackage {
    ecosystem: Option<String>,
    name: Option<String>,
}

#[derive(Deserialize)]
struct RawRange {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    events: Vec<std::collections::BTreeMap<String, Lenient>>,
}

#[derive(Deserialize)]
struct RawReference {
    #[serde(rename = "type")]
    kind: Option<String>,
    url: Option<String>,
}

/// A scalar read as text: YAML writes `introduced: 0` and `fixed: 1.10` unquoted.
struct Lenient(String);

impl<'de> Deserialize<'de> for Lenient {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = Lenient;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Lenient, E> {
                Ok(Lenient(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Lenient, E> {
                Ok(Lenient(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Lenient, E> {
                Ok(Lenient(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Lenient, E> {
                Ok(Lenient(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Lenient, E> {
                Ok(Lenient(v.to_string()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// Upper bound on what one record may carry, so a hostile file cannot make the index huge.
const MAX_AFFECTED: usize = 10_000;
const MAX_VERSIONS: usize = 100_000;

impl RawRecord {
    fn into_advisory(self) -> Result<Advisory, String> {
        let id = match self.id {
            Some(id) if !id.trim().is_empty() => id.trim().to_string(),
            _ => return Err("the record has no `id`".to_string()),
        };
        let summary = self
            .summary
            .filter(|s| !s.trim().is_empty())
            .map(|s| s.trim().to_string())
            .or_else(|| self.details.as_deref().map(first_sentence))
            .unwrap_or_default();
        let mut affected = Vec::new();
        let mut informational = None;
        for (index, raw) in self.affected.into_iter().enumerate() {
            if affected.len() >= MAX_AFFECTED {
                return Err(format!("more than {MAX_AFFECTED} affected packages"));
            }
            let Some(package) = raw.package else {
                // Entries without a package describe git commits only; nothing to match.
                continue;
            };
            let (Some(ecosystem), Some(name)) = (package.ecosystem, package.name) else {
                return Err(format!(
                    "affected[{index}].package lacks an ecosystem or a name"
                ));
            };
            let mut ranges = Vec::new();
            for (r, range) in raw.ranges.into_iter().enumerate() {
                let kind = match range.kind.as_deref() {
                    Some("SEMVER") => RangeKind::Semver,
                    Some("ECOSYSTEM") => RangeKind::Ecosystem,
                    // Commit ranges need the repository; the explicit `versions` list covers
                    // releases for records that only have them.
                    Some("GIT") => continue,
                    Some(other) => {
                        return Err(format!(
                            "affected[{index}].ranges[{r}] has unknown type `{other}`"
                        ));
                    }
                    None => return Err(format!("affected[{index}].ranges[{r}] has no type")),
                };
                let mut events = Vec::new();
                for event in range.events {
                    for (key, Lenient(version)) in event {
                        let version = version.trim().to_string();
                        events.push(match key.as_str() {
                            "introduced" => Event::Introduced(version),
                            "fixed" => Event::Fixed(version),
                            "last_affected" => Event::LastAffected(version),
                            "limit" => Event::Limit(version),
                            other => {
                                return Err(format!(
                                    "affected[{index}].ranges[{r}] has unknown event `{other}`"
                                ));
                            }
                        });
                    }
                }
                ranges.push(Range { kind, events });
            }
            if raw.versions.len() > MAX_VERSIONS {
                return Err(format!(
                    "more than {MAX_VERSIONS} versions in affected[{index}]"
                ));
            }
            if informational.is_none() {
                informational = raw.database_specific.as_ref().and_then(informational_of);
            }
            let mut cvss = cvss_vectors(&raw.severity);
            if let Some(vector) = raw
                .database_specific
                .as_ref()
                .and_then(|d| d.get("cvss"))
                .and_then(|v| v.as_str())
                && !cvss.iter().any(|c| c == vector)
            {
                cvss.push(vector.to_string());
            }
            affected.push(AffectedPackage {
                ecosystem: ecosystem.trim().to_string(),
                name: name.trim().to_string(),
                ranges,
                versions: raw.versions.into_iter().map(|v| v.0).collect(),
                cvss,
            });
        }
        let database = self.database_specific.as_ref();
        let rating = database
            .and_then(|d| d.get("severity"))
            .and_then(|v| v.as_str())
            .map(|s| s.trim().to_ascii_uppercase())
            .filter(|s| !s.is_empty());
        let informational = informational.or_else(|| database.and_then(informational_of));
        let mut references: Vec<String> = Vec::new();
        // Advisory pages first: they are what a reader wants to click.
        let mut refs = self.references;
        refs.sort_by_key(|r| r.kind.as_deref() != Some("ADVISORY"));
        for reference in refs {
            if let Some(url) = reference.url
                && !references.contains(&url)
            {
                references.push(url);
            }
        }
        Ok(Advisory {
            id,
            aliases: self.aliases.into_iter().map(|a| a.0).collect(),
            summary,
            published: self.published.map(|p| p.0),
            modified: self.modified.map(|m| m.0).unwrap_or_default(),
            withdrawn: self.withdrawn.is_some_and(|w| !w.0.trim().is_empty()),
            cvss: cvss_vectors(&self.severity),
            rating,
            informational,
            references,
            affected,
        })
    }
}

/// A title from free text: its first sentence, at most about 120 characters.
fn first_sentence(details: &str) -> String {
    let text = details
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let sentence = match text.find(". ") {
        Some(end) => &text[..=end],
        None => text,
    };
    if sentence.chars().count() <= 120 {
        return sentence.trim_end_matches('.').to_string();
    }
    let cut: String = sentence.chars().take(117).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}...")
}

fn informational_of(value: &serde_json::Value) -> Option<String> {
    value
        .get("informational")
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

fn cvss_vectors(severity: &[RawSeverity]) -> Vec<String> {
    severity
        .iter()
        .filter(|s| s.kind.as_deref().is_some_and(|k| k.starts_with("CVSS_V")))
        .filter_map(|s| s.score.as_ref().map(|v| v.0.trim().to_string()))
        .filter(|v| !v.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_pypa_yaml_record_with_unquoted_versions() {
        let yaml = "id: PYSEC-2021-1\nsummary: bad\naffected:\n- package:\n    name: Foo\n    ecosystem: PyPI\n  ranges:\n  - type: GIT\n    repo: https://x\n    events:\n    - introduced: 0\n  - type: ECOSYSTEM\n    events:\n    - introduced: 0\n    - fixed: '1.10'\n  versions: ['1.0', 2]\naliases: [CVE-2021-1]\nmodified: '2021-01-01T00:00:00Z'\n";
        let advisory = parse_record("PYSEC-2021-1.yaml", yaml.as_bytes()).unwrap();
        assert_eq!(advisory.id, "PYSEC-2021-1");
        assert_eq!(advisory.aliases, ["CVE-2021-1"]);
        let affected = &advisory.affected[0];
        assert_eq!(affected.ranges.len(), 1, "GIT range dropped");
        assert_eq!(
            affected.ranges[0].events,
            [Event::Introduced("0".into()), Event::Fixed("1.10".into())]
        );
        assert_eq!(affected.versions, ["1.0", "2"]);
    }

    #[test]
    fn reads_a_rustsec_json_record() {
        let json = r#"{"id":"RUSTSEC-2016-0001","modified":"2023-06-13T13:10:24Z","aliases":["CVE-2016-10931"],
          "summary":"SSL/TLS MitM","severity":[{"type":"CVSS_V3","score":"CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
          "affected":[{"package":{"ecosystem":"crates.io","name":"openssl"},
            "database_specific":{"cvss":"CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H","informational":null},
            "ranges":[{"type":"SEMVER","events":[{"introduced":"0.0.0-0"},{"fixed":"0.9.0"}]}],"versions":[]}],
          "references":[{"type":"PACKAGE","url":"https://crates.io/crates/openssl"},{"type":"ADVISORY","url":"https://rustsec.org/a.html"}]}"#;
        let advisory = parse_record("x.json", json.as_bytes()).unwrap();
        assert_eq!(advisory.cvss.len(), 1);
        assert_eq!(advisory.affected[0].cvss.len(), 1, "deduplicated");
        assert_eq!(advisory.references[0], "https://rustsec.org/a.html");
        assert_eq!(advisory.affected[0].ranges[0].kind, RangeKind::Semver);
        assert!(!advisory.withdrawn);
    }

    #[test]
    fn malformed_records_are_errors_naming_the_problem() {
        let cases: &[(&str, &str)] = &[
            ("a.json", "{"),
            ("a.json", "[]"),
            ("a.json", r#"{"summary":"no id"}"#),
            (
                "a.json",
                r#"{"id":"X","affected":[{"package":{"name":"a"}}]}"#,
            ),
            (
                "a.json",
                r#"{"id":"X","affected":[{"package":{"name":"a","ecosystem":"npm"},"ranges":[{"type":"WEIRD","events":[]}]}]}"#,
            ),
            (
                "a.json",
                r#"{"id":"X","affected":[{"package":{"name":"a","ecosystem":"npm"},"ranges":[{"type":"SEMVER","events":[{"broken":"1"}]}]}]}"#,
            ),
            ("a.yaml", "id: [unclosed"),
            ("a.yaml", "\u{0}\u{1}"),
        ];
        for (name, text) in cases {
            let error = parse_record(name, text.as_bytes()).unwrap_err();
            assert_eq!(error.source_name, *name);
            assert!(!error.reason.is_empty());
        }
    }

    #[test]
    fn titles_from_details_are_one_short_sentence() {
        assert_eq!(first_sentence("\nFoo is bad. It does X."), "Foo is bad");
        let long = "word ".repeat(60);
        let title = first_sentence(&long);
        assert!(
            title.ends_with("...") && title.chars().count() <= 120,
            "{title}"
        );
    }

    #[test]
    fn withdrawn_and_informational_are_kept() {
        let json = r#"{"id":"RUSTSEC-1","withdrawn":"2024-01-01T00:00:00Z","database_specific":{"informational":"unmaintained","severity":"moderate"}}"#;
        let advisory = parse_record("x.json", json.as_bytes()).unwrap();
        assert!(advisory.withdrawn);
        assert_eq!(advisory.informational.as_deref(), Some("unmaintained"));
        assert_eq!(advisory.rating.as_deref(), Some("MODERATE"));
    }
}
