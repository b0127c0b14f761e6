//! The misconfiguration analyzer: routes each file to its parser, evaluates the policies that
//! apply to the document kind, and turns violations into findings at the lines they name.

use rampart_core::{
    Analyzer, Blob, Confidence, Emitted, Finding, FindingKind, Location, RuleMeta, ScanError,
    ScanErrorKind, fingerprint,
};
use serde_json::Value;

use crate::engine::PolicySet;
use crate::{dockerfile, kubernetes};

/// Largest configuration file parsed (generated manifests can be large, but not this large).
const MAX_CONFIG_FILE: u64 = 16 << 20;

/// Checks Dockerfiles and Kubernetes manifests against a policy set.
#[derive(Debug)]
pub struct MisconfigAnalyzer {
    policies: PolicySet,
}

impl MisconfigAnalyzer {
    /// An analyzer over `policies`.
    pub fn new(policies: PolicySet) -> MisconfigAnalyzer {
        MisconfigAnalyzer { policies }
    }
}

fn is_yaml(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".yaml") || lower.ends_with(".yml")
}

fn parse_error(path: &str, line: u32, column: u32, message: &str) -> ScanError {
    ScanError {
        path: path.to_string(),
        kind: ScanErrorKind::Parse,
        message: format!("{line}:{column}: {message}; the file's other checks did not run"),
    }
}

impl MisconfigAnalyzer {
    fn report(&self, path: &str, kind: &str, document: &Value, resource: &str, out: &mut Emitted) {
        let (violations, errors) = self.policies.evaluate(kind, document);
        for error in errors {
            out.errors.push(ScanError {
                path: path.to_string(),
                kind: ScanErrorKind::Parse,
                message: error.to_string(),
            });
        }
        let fallback = document
            .get("__line__")
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(1);
        for violation in violations {
            let Some(policy) = self.policies.policies().get(violation.policy) else {
                continue;
            };
            let start = violation.line.unwrap_or(fallback).max(1);
            let end = violation.end_line.unwrap_or(start).max(start);
            let message = if resource.is_empty() {
                violation.message.clone()
            } else {
                format!("{resource}: {}", violation.message)
            };
            out.findings.push(Finding {
                kind: FindingKind::Misconfiguration,
                rule_id: policy.meta.id.clone(),
                title: policy.meta.title.clone(),
                severity: policy.meta.severity,
                confidence: Confidence::High,
                location: Location {
                    path: path.to_string(),
                    start_line: start,
                    end_line: end,
                    start_column: 1,
                    end_column: 1,
                    layer: None,
                    commit: None,
                },
                // Line-independent: the resource and the message identify the problem.
                fingerprint: fingerprint(&policy.meta.id, path, message.as_bytes()),
                message,
                remediation: policy.meta.remediation.clone(),
                references: policy.meta.references.clone(),
                redacted: None,
                secret: None,
                git: None,
                aliases: Vec::new(),
                package: None,
                fixed_version: None,
                vulnerability: None,
            });
        }
    }
}

impl Analyzer for MisconfigAnalyzer {
    fn scanner(&self) -> &'static str {
        "misconfig"
    }

    fn wants(&self, path: &str, size: u64) -> bool {
        size <= MAX_CONFIG_FILE && (dockerfile::is_dockerfile(path) || is_yaml(path))
    }

    fn analyze(&self, blob: &Blob<'_>, out: &mut Emitted) {
        let text = String::from_utf8_lossy(blob.data);
        if dockerfile::is_dockerfile(blob.path) {
            match dockerfile::parse(blob.path, &text) {
                Ok(document) => self.report(blob.path, "dockerfile", &document, "", out),
                Err(e) => out
                    .errors
                    .push(parse_error(blob.path, e.line, e.column, &e.message)),
            }
            return;
        }
        if !kubernetes::looks_like_manifest(&text) {
            return;
        }
        match kubernetes::manifests(blob.path, &text) {
            Ok(manifests) => {
                for object in &manifests.objects {
                    let resource = resource_name(object);
                    self.report(blob.path, "kubernetes", object, &resource, out);
                }
            }
            Err(e) => out
                .errors
                .push(parse_error(blob.path, e.line, e.column, &e.message)),
        }
    }

    fn rules(&self) -> Vec<RuleMeta> {
        self.policies.rules()
    }
}

/// `Kind/namespace/name` of a Kubernetes object, for messages.
fn resource_name(object: &Value) -> String {
    let kind = object.get("kind").and_then(Value::as_str).unwrap_or("?");
    let metadata = object.get("metadata");
    let name = metadata
        .and_then(|m| m.get("name"))
        .and_then(Value::as_str)
        .unwrap_or("?");
    match metadata
        .and_then(|m| m.get("namespace"))
        .and_then(Value::as_str)
    {
        Some(namespace) => format!("{kind}/{namespace}/{name}"),
        None => format!("{kind}/{name}"),
    }
}
