use std::collections::BTreeMap;
use std::io::{self, Write};

use rampart_core::{Report, RuleMeta, Severity};
use serde_json::{Value, json};

/// SARIF settings.
#[derive(Debug, Clone, Default)]
pub struct SarifOptions {
    /// Prefix that turns target-relative paths into repository-relative ones (e.g. `sub/dir/`
    /// when the scanned directory is `sub/dir` of a git work tree).
    pub uri_prefix: String,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

fn rule_descriptor(rule: &RuleMeta) -> Value {
    let mut help_md = format!(
        "{}\n\n**Remediation:** {}\n",
        rule.description, rule.remediation
    );
    if !rule.references.is_empty() {
        help_md.push_str("\n**References:**\n");
        for r in &rule.references {
            help_md.push_str(&format!("- {r}\n"));
        }
    }
    let mut descriptor = json!({
        "id": rule.id,
        "name": rule.id,
        "shortDescription": { "text": rule.title },
        "fullDescription": { "text": rule.description },
        "help": {
            "text": format!("{}\n\nRemediation: {}", rule.description, rule.remediation),
            "markdown": help_md,
        },
        "defaultConfiguration": { "level": level(rule.severity) },
        "properties": {
            "tags": ["security", rule.scanner, rule.family],
            "security-severity": rule.severity.security_score(),
            "precision": match rule.confidence {
                rampart_core::Confidence::High => "high",
                rampart_core::Confidence::Medium => "medium",
                rampart_core::Confidence::Low => "low",
            },
        },
    });
    if let Some(uri) = rule.references.first() {
        descriptor["helpUri"] = json!(uri);
    }
    descriptor
}

/// A rule descriptor for findings whose rule is data rather than a built-in rule (advisories):
/// built from the finding, with the advisory's own CVSS score as `security-severity`.
fn finding_descriptor(finding: &rampart_core::Finding) -> Value {
    let score = finding
        .vulnerability
        .as_deref()
        .and_then(|v| v.cvss.first())
        .map(|c| format!("{:.1}", c.score))
        .unwrap_or_else(|| finding.severity.security_score().to_string());
    let mut descriptor = json!({
        "id": finding.rule_id,
        "name": finding.rule_id,
        "shortDescription": { "text": finding.title },
        "fullDescription": { "text": finding.title },
        "help": {
            "text": format!("{}\n\nRemediation: {}", finding.title, finding.remediation),
        },
        "defaultConfiguration": { "level": level(finding.severity) },
        "properties": {
            "tags": ["security", finding.kind.as_str()],
            "security-severity": score,
            "precision": "high",
        },
    });
    if let Some(uri) = finding.references.first() {
        descriptor["helpUri"] = json!(uri);
    }
    descriptor
}

/// SARIF 2.1.0 with what GitHub code scanning reads: rule help and helpUri,
/// `security-severity`, `partialFingerprints`, and repository-relative artifact URIs.
pub fn render(
    report: &Report,
    rules: &[RuleMeta],
    options: &SarifOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let by_id: BTreeMap<&str, &RuleMeta> = rules.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut used: Vec<&str> = report.findings.iter().map(|f| f.rule_id.as_str()).collect();
    used.sort_unstable();
    used.dedup();
    let index: BTreeMap<&str, usize> = used.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let descriptors: Vec<Value> = used
        .iter()
        .map(|id| match by_id.get(id) {
            Some(rule) => rule_descriptor(rule),
            None => match report.findings.iter().find(|f| f.rule_id == *id) {
                Some(finding) => finding_descriptor(finding),
                None => json!({ "id": id }),
            },
        })
        .collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let loc = &f.location;
            json!({
                "ruleId": f.rule_id,
                "ruleIndex": index.get(f.rule_id.as_str()).copied().unwrap_or(0),
                "level": level(f.severity),
                "message": { "text": f.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {
                            "uri": format!("{}{}", options.uri_prefix, percent_encode_path(&loc.path)),
                            "uriBaseId": "%SRCROOT%",
                        },
                        "region": {
                            "startLine": loc.start_line.max(1),
                            "startColumn": loc.start_column.max(1),
                            "endLine": loc.end_line.max(1),
                            "endColumn": loc.end_column.max(1),
                        },
                    },
                }],
                "partialFingerprints": { "rampartFingerprint/v1": f.fingerprint },
                "properties": {
                    "kind": f.kind.as_str(),
                    "severity": f.severity.as_str(),
                    "confidence": f.confidence.as_str(),
                },
            })
        })
        .collect();
    let notifications: Vec<Value> = report
        .errors
        .iter()
        .map(|e| {
            json!({
                "level": "warning",
                "message": { "text": format!("{}: {}", e.path, e.message) },
                "locations": [{ "physicalLocation": { "artifactLocation": {
                    "uri": format!("{}{}", options.uri_prefix, percent_encode_path(&e.path)),
                    "uriBaseId": "%SRCROOT%",
                } } }],
            })
        })
        .collect();
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": report.tool.name,
                "version": report.tool.version,
                "semanticVersion": report.tool.version,
                "rules": descriptors,
            } },
            "results": results,
            "invocations": [{
                "executionSuccessful": true,
                "toolExecutionNotifications": notifications,
            }],
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &sarif)?;
    out.write_all(b"\n")
}

/// Percent-encode what may not stand in a URI path (RFC 3986), keeping `/`.
fn percent_encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&byte);
        if keep {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::percent_encode_path;

    #[test]
    fn encodes_spaces_and_non_ascii_but_not_separators() {
        assert_eq!(percent_encode_path("a dir/ü.txt"), "a%20dir/%C3%BC.txt");
        assert_eq!(percent_encode_path("src/.env"), "src/.env");
        assert_eq!(percent_encode_path("100%/#x"), "100%25/%23x");
    }
}
