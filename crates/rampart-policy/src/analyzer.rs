//! The misconfiguration analyzer: routes each file to its parser, evaluates the policies that
//! apply to the document kind, and turns violations into findings at the lines they name.

use rampart_core::{
    Analyzer, Blob, Confidence, Emitted, Finding, FindingKind, Location, RuleMeta, ScanError,
    ScanErrorKind, fingerprint,
};
use serde_json::Value;

use crate::engine::PolicySet;
use crate::helm::{self, Charts};
use crate::terraform::{self, TerraformFiles};
use crate::{cloudformation, compose, dockerfile, kubernetes};

/// Largest configuration file parsed (generated manifests can be large, but not this large).
const MAX_CONFIG_FILE: u64 = 16 << 20;

/// Checks Dockerfiles, Kubernetes manifests, Terraform, CloudFormation templates and Compose
/// files against a policy set.
#[derive(Debug)]
pub struct MisconfigAnalyzer {
    policies: PolicySet,
    /// Terraform files seen during the walk; modules are evaluated once it ends.
    terraform: TerraformFiles,
    /// Helm charts and their templates; rendered once the walk ends.
    charts: Charts,
}

impl MisconfigAnalyzer {
    /// An analyzer over `policies`.
    pub fn new(policies: PolicySet) -> MisconfigAnalyzer {
        MisconfigAnalyzer {
            policies,
            terraform: TerraformFiles::default(),
            charts: Charts::default(),
        }
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
    /// Findings of `document`, their messages prefixed with `resource` (unless empty).
    fn report(&self, path: &str, kind: &str, document: &Value, resource: &str, out: &mut Emitted) {
        self.report_subject(path, kind, document, &Subject::Whole(resource), out);
    }

    fn report_subject(
        &self,
        path: &str,
        kind: &str,
        document: &Value,
        subject: &Subject<'_>,
        out: &mut Emitted,
    ) {
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
            let message = subject.message(start, &violation.message);
            out.findings.push(Finding {
                kind: FindingKind::Misconfiguration,
                rule_id: policy.meta.id.clone(),
                title: policy.meta.title.clone(),
                severity: policy.meta.severity,
                confidence: Confidence::High,
                location: Location {
                    path: violation.file.clone().unwrap_or_else(|| path.to_string()),
                    start_line: start,
                    end_line: end,
                    start_column: 1,
                    end_column: 1,
                    layer: None,
                    commit: None,
                },
                // Line-independent: the resource and the message identify the problem.
                fingerprint: fingerprint(
                    &policy.meta.id,
                    violation.file.as_deref().unwrap_or(path),
                    message.as_bytes(),
                ),
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
        size <= MAX_CONFIG_FILE
            && (dockerfile::is_dockerfile(path)
                || is_yaml(path)
                || terraform::is_terraform(path)
                || path.to_ascii_lowercase().ends_with(".json")
                || cloudformation::is_template_name(path))
    }

    fn analyze(&self, blob: &Blob<'_>, out: &mut Emitted) {
        let text = String::from_utf8_lossy(blob.data);
        if terraform::is_terraform(blob.path) {
            if let Err(e) = self.terraform.add(blob.path, &text) {
                out.errors
                    .push(parse_error(blob.path, e.line, e.column, &e.message));
            }
            return;
        }
        if blob.path.to_ascii_lowercase().ends_with(".json") && terraform::looks_like_plan(&text) {
            match terraform::plan_document(blob.path, &text) {
                Ok(document) => self.report(blob.path, "terraform", &document, "", out),
                Err(e) => out
                    .errors
                    .push(parse_error(blob.path, e.line, e.column, &e.message)),
            }
            return;
        }
        if dockerfile::is_dockerfile(blob.path) {
            match dockerfile::parse(blob.path, &text) {
                Ok(document) => self.report(blob.path, "dockerfile", &document, "", out),
                Err(e) => out
                    .errors
                    .push(parse_error(blob.path, e.line, e.column, &e.message)),
            }
            return;
        }
        if helm::is_chart_file(blob.path) {
            self.charts.add_chart(blob.path);
            return;
        }
        if is_yaml(blob.path) && helm::is_template(blob.path, &text) {
            // Go templates are not YAML: checked once rendered, after the walk.
            self.charts.add_template(blob.path);
            return;
        }
        if self.cloudformation(blob.path, &text, out) || !is_yaml(blob.path) {
            return;
        }
        if !kubernetes::looks_like_manifest(&text) {
            self.compose(blob.path, &text, out);
            return;
        }
        self.kubernetes(blob.path, &text, out);
    }

    fn finish(&self, out: &mut Emitted, fetch: &dyn rampart_core::Fetch) {
        let (charts, orphans) = self.charts.render(&|dir| fetch.directory(dir));
        for (chart, outcome) in charts {
            match outcome {
                helm::Outcome::Rendered(templates) => {
                    for template in templates {
                        if kubernetes::looks_like_manifest(&template.text) {
                            self.kubernetes(&template.path, &template.text, out);
                        }
                    }
                }
                helm::Outcome::NotRendered(why) => out.errors.push(ScanError {
                    path: if chart.is_empty() {
                        "Chart.yaml".to_string()
                    } else {
                        format!("{chart}/Chart.yaml")
                    },
                    kind: ScanErrorKind::NotChecked,
                    message: why,
                }),
            }
        }
        for template in orphans {
            out.errors.push(ScanError {
                path: template,
                kind: ScanErrorKind::NotChecked,
                message: "holds template actions (`{{ ... }}`) but belongs to no Helm chart \
                          (no Chart.yaml above it); render it and scan the output"
                    .to_string(),
            });
        }
        let (documents, errors) = self.terraform.documents();
        // Modules are checked after the walk, so the walk's worker threads are idle: spread
        // the documents over the cores here too.
        let next = std::sync::atomic::AtomicUsize::new(0);
        let workers = std::thread::available_parallelism()
            .map_or(1, std::num::NonZeroUsize::get)
            .min(documents.len());
        let results: Vec<Emitted> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers)
                .map(|_| {
                    scope.spawn(|| {
                        let mut mine = Emitted::default();
                        while let Some(document) =
                            documents.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
                        {
                            let dir = document
                                .get("module_dir")
                                .and_then(Value::as_str)
                                .unwrap_or(".");
                            self.report(dir, "terraform", document, "", &mut mine);
                        }
                        mine
                    })
                })
                .collect();
            handles.into_iter().filter_map(|h| h.join().ok()).collect()
        });
        for mut result in results {
            out.findings.append(&mut result.findings);
            out.errors.append(&mut result.errors);
        }
        for error in errors {
            out.errors.push(ScanError {
                path: error.path,
                kind: if error.not_checked {
                    ScanErrorKind::NotChecked
                } else {
                    ScanErrorKind::Parse
                },
                message: error.message,
            });
        }
    }

    fn rules(&self) -> Vec<RuleMeta> {
        self.policies.rules()
    }
}

impl MisconfigAnalyzer {
    /// Check every object of a Kubernetes manifest stream.
    fn kubernetes(&self, path: &str, text: &str, out: &mut Emitted) {
        match kubernetes::manifests(path, text) {
            Ok(manifests) => {
                for object in &manifests.objects {
                    let resource = resource_name(object);
                    self.report(path, "kubernetes", object, &resource, out);
                }
            }
            Err(e) => out
                .errors
                .push(parse_error(path, e.line, e.column, &e.message)),
        }
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

/// What a finding's message is prefixed with, so that it names what it is about.
enum Subject<'a> {
    /// The same for every finding of the document (a Kubernetes object); empty for none.
    Whole(&'a str),
    /// Parts of the document by lines (resources, services): the narrowest part holding the
    /// finding's first line, unless the message already names it (cloud policies name the
    /// resource themselves).
    Parts(Vec<Part>),
}

/// A named part of a document: `prefix` (`AWS::S3::Bucket Logs`) for messages that do not
/// mention `name` (`Logs`).
struct Part {
    prefix: String,
    name: String,
    line: u64,
    end_line: u64,
}

impl Subject<'_> {
    fn message(&self, line: u32, message: &str) -> String {
        let prefix = match self {
            Subject::Whole(prefix) => Some(*prefix),
            Subject::Parts(parts) => parts
                .iter()
                .filter(|p| p.line <= u64::from(line) && u64::from(line) <= p.end_line)
                .min_by_key(|p| p.end_line - p.line)
                .filter(|p| !names(message, &p.name))
                .map(|p| p.prefix.as_str()),
        };
        match prefix {
            Some(prefix) if !prefix.is_empty() => format!("{prefix}: {message}"),
            _ => message.to_owned(),
        }
    }
}

/// Whether `message` mentions `name` as a whole word.
fn names(message: &str, name: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    !name.is_empty()
        && message.match_indices(name).any(|(at, _)| {
            let before = message.get(..at).and_then(|s| s.chars().next_back());
            let after = message
                .get(at + name.len()..)
                .and_then(|s| s.chars().next());
            !before.is_some_and(is_word) && !after.is_some_and(is_word)
        })
}

/// `AWS::S3::Bucket Logs` for each resource of a CloudFormation document.
fn cloud_resources(document: &Value) -> Vec<Part> {
    let resources = document.get("resources").and_then(Value::as_array);
    resources
        .into_iter()
        .flatten()
        .filter_map(|r| {
            let name = r.get("name").and_then(Value::as_str)?;
            let kind = r.get("type").and_then(Value::as_str)?;
            Some(Part {
                prefix: format!("{kind} {name}"),
                name: name.to_owned(),
                line: r.get("__line__").and_then(Value::as_u64)?,
                end_line: r.get("__end_line__").and_then(Value::as_u64)?,
            })
        })
        .collect()
}

impl MisconfigAnalyzer {
    /// CloudFormation templates in a file with a template marker; false when the file holds
    /// none (or fails to parse but looks like a Kubernetes manifest, which then reports its
    /// own error), so that other formats get their turn.
    fn cloudformation(&self, path: &str, text: &str, out: &mut Emitted) -> bool {
        if !cloudformation::has_marker(text) {
            return false;
        }
        match cloudformation::parse(path, text) {
            Ok(templates) => {
                for template in &templates {
                    let subject = Subject::Parts(cloud_resources(template));
                    self.report_subject(path, cloudformation::KIND, template, &subject, out);
                }
                !templates.is_empty()
            }
            Err(_) if is_yaml(path) && kubernetes::looks_like_manifest(text) => false,
            Err(e) => {
                out.errors
                    .push(parse_error(path, e.line, e.column, &e.message));
                true
            }
        }
    }

    /// Compose files: by name, or YAML with a top-level `services` mapping of services.
    fn compose(&self, path: &str, text: &str, out: &mut Emitted) {
        if !compose::looks_like_compose(path, text) {
            return;
        }
        match compose::parse(path, text) {
            Ok(documents) => {
                for document in &documents {
                    let services = compose::services(document).into_iter();
                    let parts = services.map(|(name, line, end_line)| Part {
                        prefix: format!("service {name}"),
                        name,
                        line,
                        end_line,
                    });
                    let subject = Subject::Parts(parts.collect());
                    self.report_subject(path, compose::KIND, document, &subject, out);
                }
            }
            Err(e) => out
                .errors
                .push(parse_error(path, e.line, e.column, &e.message)),
        }
    }
}

#[cfg(test)]
mod subject_tests {
    use super::*;

    #[test]
    fn messages_name_their_part_once() {
        let part = |prefix: &str, name: &str, line, end_line| Part {
            prefix: prefix.to_owned(),
            name: name.to_owned(),
            line,
            end_line,
        };
        let subject = Subject::Parts(vec![
            part("AWS::S3::Bucket Logs", "Logs", 3, 20),
            part("AWS::S3::BucketPolicy LogsPolicy", "LogsPolicy", 10, 12),
        ]);
        assert_eq!(
            subject.message(4, "no encryption"),
            "AWS::S3::Bucket Logs: no encryption"
        );
        // The narrowest part holding the line.
        assert_eq!(
            subject.message(11, "allows *"),
            "AWS::S3::BucketPolicy LogsPolicy: allows *"
        );
        // Messages that name the resource already stay as they are.
        assert_eq!(
            subject.message(4, "S3 bucket Logs has no encryption"),
            "S3 bucket Logs has no encryption"
        );
        assert_eq!(
            subject.message(4, "`Logs`: versioning off"),
            "`Logs`: versioning off"
        );
        // A name inside a longer word is not a mention.
        assert_eq!(
            subject.message(11, "LogsPolicyX allows *"),
            "AWS::S3::BucketPolicy LogsPolicy: LogsPolicyX allows *"
        );
        assert_eq!(subject.message(40, "outside"), "outside");
        assert_eq!(Subject::Whole("").message(1, "m"), "m");
        assert_eq!(Subject::Whole("Pod/x").message(1, "m"), "Pod/x: m");
    }
}

#[cfg(test)]
mod shortcut_tests {
    use std::path::{Path, PathBuf};

    use rampart_core::{Analyzer, Blob, Emitted, Fetch, Provenance};

    use super::MisconfigAnalyzer;
    use crate::engine::PolicySet;

    struct Tree(PathBuf);

    impl Fetch for Tree {
        fn fetch(&self, path: &str) -> Option<Result<Vec<u8>, String>> {
            Some(std::fs::read(self.0.join(path)).map_err(|e| e.to_string()))
        }

        fn directory(&self, path: &str) -> Option<PathBuf> {
            Some(self.0.join(path))
        }
    }

    fn files(dir: &Path, root: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
        entries.sort_by_key(std::fs::DirEntry::path);
        for entry in entries {
            let path = entry.path();
            if path.is_dir() {
                files(&path, root, out);
            } else {
                let relative = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((relative, std::fs::read(&path).unwrap()));
            }
        }
    }

    fn scan(policies: PolicySet, root: &Path, files: &[(String, Vec<u8>)]) -> Vec<String> {
        let analyzer = MisconfigAnalyzer::new(policies);
        let provenance = Provenance::default();
        let mut out = Emitted::default();
        for (path, data) in files {
            if analyzer.wants(path, data.len() as u64) {
                let blob = Blob {
                    path,
                    data,
                    is_binary: false,
                    provenance: &provenance,
                    lineage: None,
                };
                analyzer.analyze(&blob, &mut out);
            }
        }
        analyzer.finish(&mut out, &Tree(root.to_path_buf()));
        assert!(out.errors.is_empty(), "{:?}", out.errors);
        let mut findings: Vec<String> = out
            .findings
            .iter()
            .map(|f| {
                format!(
                    "{} {}:{} {}",
                    f.rule_id, f.location.path, f.location.start_line, f.message
                )
            })
            .collect();
        findings.sort();
        findings
    }

    /// Skipping policies by `resource_types` and looking resources up by type in
    /// `__resource_index__` must change nothing: on every document of the misconfiguration
    /// corpus (every family, insecure and hardened variants), the built-in policies find exactly
    /// what they find when every policy runs on every document and helpers scan `resources`.
    #[test]
    fn shortcuts_lose_no_finding_on_the_corpus() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/misconfig-corpus");
        let mut corpus = Vec::new();
        files(&root, &root, &mut corpus);
        let filtered = scan(PolicySet::builtin().unwrap(), &root, &corpus);
        let unfiltered = scan(
            PolicySet::builtin().unwrap().without_shortcuts(),
            &root,
            &corpus,
        );
        assert!(
            filtered.len() > 300,
            "the corpus should give hundreds of findings"
        );
        assert_eq!(filtered, unfiltered);
    }
}
