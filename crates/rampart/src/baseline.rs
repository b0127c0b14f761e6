//! Baselines: the fingerprints of findings accepted as they are, so that a scan reports only
//! new ones. Fingerprints depend on the rule, the path and the matched content, not on line
//! numbers or commits, so a baseline survives edits around a finding, rebases and squashes;
//! a new secret on the same line has a new fingerprint and is reported.

use std::path::Path;

use anyhow::{Context, Result, bail};
use rampart_core::{IgnoreEntry, Report};
use serde::{Deserialize, Serialize};

/// Bumped if the file layout changes.
const BASELINE_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    /// When it was made (RFC 3339).
    created: String,
    /// What was scanned.
    target: String,
    findings: Vec<BaselineEntry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineEntry {
    fingerprint: String,
    /// For people reading the file; only the fingerprint is matched.
    rule_id: String,
    path: String,
    line: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    commit: Option<String>,
}

/// Write the findings of `report` as a baseline to `path`.
pub fn write(report: &Report, path: &Path) -> Result<usize> {
    let mut findings: Vec<BaselineEntry> = report
        .findings
        .iter()
        .map(|f| BaselineEntry {
            fingerprint: f.fingerprint.clone(),
            rule_id: f.rule_id.clone(),
            path: f.location.path.clone(),
            line: f.location.start_line,
            commit: f.location.commit.clone(),
        })
        .collect();
    findings
        .sort_by(|a, b| (&a.path, a.line, &a.fingerprint).cmp(&(&b.path, b.line, &b.fingerprint)));
    findings.dedup_by(|a, b| a.fingerprint == b.fingerprint);
    let count = findings.len();
    let file = BaselineFile {
        version: BASELINE_VERSION,
        created: rampart_core::Date::now_rfc3339(),
        target: report.target.name.clone(),
        findings,
    };
    let mut text = serde_json::to_string_pretty(&file)?;
    text.push('\n');
    std::fs::write(path, text).with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(count)
}

/// The ignore entries a baseline stands for.
pub fn load(path: &Path) -> Result<Vec<IgnoreEntry>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read baseline `{}`", path.display()))?;
    let file: BaselineFile = serde_json::from_str(&text).with_context(|| {
        format!(
            "`{}` is not a rampart baseline (make one with `rampart baseline create`)",
            path.display()
        )
    })?;
    if file.version != BASELINE_VERSION {
        bail!(
            "baseline `{}` has version {}, this rampart reads version {BASELINE_VERSION}; recreate it with `rampart baseline create`",
            path.display(),
            file.version
        );
    }
    Ok(file
        .findings
        .into_iter()
        .map(|entry| IgnoreEntry {
            rule: None,
            path: None,
            fingerprint: Some(entry.fingerprint),
            expires: None,
            reason: Some("in the baseline".to_string()),
            origin: format!("baseline {}", path.display()),
        })
        .collect())
}
