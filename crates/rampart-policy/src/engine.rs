//! Policies in Rego, evaluated with regorus.
//!
//! A policy file starts with a metadata comment block, then a package under `rampart.`:
//!
//! ```rego
//! # METADATA
//! # id: dockerfile-root-user
//! # title: Image runs as root
//! # severity: high
//! # kinds: [dockerfile]
//! # description: ...
//! # remediation: ...
//! # references: [https://docs.docker.com/...]
//! # frameworks: [CIS-Docker-4.1]
//! package rampart.dockerfile.root_user
//!
//! deny contains result if {
//!     ...
//!     result := {"msg": "...", "line": instruction.__line__, "end_line": instruction.__end_line__}
//! }
//! ```
//!
//! `deny` yields objects with `msg` and, when the policy can point at the source, `line` and
//! `end_line` (from the document's `__line__`/`__end_line__`). Tests live in `*_test.rego` files
//! in the same package: rules named `test_*` that must be true.
//!
//! Policies are compiled once, grouped into engines by the helper modules they refer to;
//! worker threads evaluate on pooled clones. Every evaluation has a wall-clock limit, so a
//! policy that loops cannot stall a scan.

use std::num::NonZeroU32;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use rampart_core::{Confidence, RuleExamples, RuleMeta, Severity};
use serde::Deserialize;
use serde_json::Value;

include!(concat!(env!("OUT_DIR"), "/builtin_policies.rs"));

/// Longest one policy may run on one document.
pub const EVALUATION_LIMIT: Duration = Duration::from_secs(2);

/// A policy or policy set that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    /// The metadata block is missing or malformed.
    #[error("{file}: {message}")]
    Metadata {
        /// Policy file.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// Rego that does not compile.
    #[error("{file}: the policy does not compile: {message}")]
    Compile {
        /// Policy file.
        file: String,
        /// The compiler's message (with line and column).
        message: String,
    },
    /// Evaluation failed or ran out of time.
    #[error("policy {id}: {message}")]
    Evaluation {
        /// Policy id.
        id: String,
        /// What happened.
        message: String,
    },
}

/// What a policy says about itself.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyMeta {
    /// Stable id.
    pub id: String,
    /// One-line title.
    pub title: String,
    /// Severity of its findings.
    pub severity: Severity,
    /// Input kinds it applies to (`dockerfile`, `kubernetes`, ...).
    pub kinds: Vec<String>,
    /// What it checks and why.
    pub description: String,
    /// How to fix.
    pub remediation: String,
    /// Documentation links.
    #[serde(default)]
    pub references: Vec<String>,
    /// Benchmarks and standards it maps to (e.g. `CIS-Docker-4.1`, `PSS-Baseline`).
    #[serde(default)]
    pub frameworks: Vec<String>,
    /// The resource types its findings point at (`aws_s3_bucket`, `AWS::S3::Bucket`,
    /// `google_project_iam_*` for a prefix; a Kubernetes kind for `kubernetes`): the policy is
    /// evaluated only on documents holding one of them. Empty: every document of its kinds.
    #[serde(default)]
    pub resource_types: Vec<String>,
}

impl PolicyMeta {
    /// Whether a document whose resource types are `present` can give this policy a finding.
    pub fn applies_to(&self, present: &std::collections::BTreeSet<&str>) -> bool {
        self.resource_types.is_empty()
            || self
                .resource_types
                .iter()
                .any(|pattern| match pattern.strip_suffix('*') {
                    Some(prefix) => present
                        .range::<&str, _>(prefix..)
                        .next()
                        .is_some_and(|t| t.starts_with(prefix)),
                    None => present.contains(pattern.as_str()),
                })
    }
}

/// The resource types in `document`: the `type` of each entry of `resources` (Terraform,
/// CloudFormation), or for documents without resources their `kind` (a Kubernetes object's).
pub fn resource_types(document: &Value) -> std::collections::BTreeSet<&str> {
    match document.get("resources").and_then(Value::as_array) {
        Some(resources) => resources
            .iter()
            .filter_map(|r| r.get("type").and_then(Value::as_str))
            .collect(),
        None => document
            .get("kind")
            .and_then(Value::as_str)
            .into_iter()
            .collect(),
    }
}

/// `document` with `__resource_index__`: for each resource type, the positions of its entries in
/// `resources`. `lib.managed(t)` and friends look types up there instead of scanning every
/// resource, which each policy did several times per document.
fn with_resource_index(document: &Value) -> Value {
    let mut document = document.clone();
    let Some(resources) = document.get("resources").and_then(Value::as_array) else {
        return document;
    };
    let mut index: serde_json::Map<String, Value> = serde_json::Map::new();
    for (position, resource) in resources.iter().enumerate() {
        if let Some(kind) = resource.get("type").and_then(Value::as_str)
            && let Value::Array(positions) = index
                .entry(kind)
                .or_insert_with(|| Value::Array(Vec::new()))
        {
            positions.push(Value::from(position));
        }
    }
    if let Some(object) = document.as_object_mut() {
        object.insert("__resource_index__".to_string(), Value::Object(index));
    }
    document
}

/// One loaded policy.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Its metadata.
    pub meta: PolicyMeta,
    /// Its Rego package (`rampart.dockerfile.root_user`).
    pub package: String,
    /// The file it came from.
    pub file: String,
    /// Built-in (shipped with rampart) or loaded from the user's directory.
    pub builtin: bool,
}

/// One `deny` result.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// Index of the policy in [`PolicySet::policies`].
    pub policy: usize,
    /// The policy's message.
    pub message: String,
    /// First line, when the policy pointed at one.
    pub line: Option<u32>,
    /// Last line.
    pub end_line: Option<u32>,
    /// The file, when the document spans several (a Terraform module) and the policy named one.
    pub file: Option<String>,
}

/// Outcome of one `test_*` rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestOutcome {
    /// `package.test_name`.
    pub name: String,
    /// Whether it held.
    pub passed: bool,
    /// Why not, when it failed with an error.
    pub error: Option<String>,
}

/// The engine for one group of policies: those that refer to the same helper modules.
struct GroupEngine {
    template: regorus::Engine,
    pool: Mutex<Vec<regorus::Engine>>,
}

/// Compiled policies and the engines that evaluate them.
///
/// Policies that refer to the same helper modules share an engine holding only those helpers and
/// their modules: regorus walks every module of an engine on each data reference, so a policy
/// sharing an engine with 120 unrelated modules pays for all of them, while one engine per
/// policy would parse the helpers once per policy. Engines are built on first use (a scan
/// that meets only Dockerfiles never compiles the cloud policies); sets that include user
/// files are compiled whole at load instead, so a broken user policy stops the scan up front
/// with its file and line.
pub struct PolicySet {
    policies: Vec<Policy>,
    /// Every loaded file: `(name, text)`, in load order.
    sources: Vec<(String, String)>,
    /// Helper modules (no METADATA, not tests): indices into `sources`.
    helpers: Vec<usize>,
    /// For each policy, its index in `sources`.
    policy_sources: Vec<usize>,
    /// Input kinds some policy applies to.
    kinds: std::collections::HashSet<String>,
    /// For each policy, its `data.<package>.deny` rule.
    deny_rules: Vec<String>,
    /// Policies grouped by the helper modules they refer to: `(helpers, policies)`.
    groups: Vec<(Vec<usize>, Vec<usize>)>,
    /// For each policy, its group.
    group_of: Vec<usize>,
    /// For each group, its engine, built on first use.
    engines: Vec<OnceLock<Result<GroupEngine, PolicyError>>>,
    /// Every module, tests included: for `run_tests`.
    full: OnceLock<Result<regorus::Engine, PolicyError>>,
    pool: Mutex<Vec<regorus::Engine>>,
    /// `package.test_name` of every test rule, in file order.
    tests: Vec<String>,
    /// Skip policies whose `resource_types` a document lacks and give documents a
    /// `__resource_index__` (off only to test that both change nothing).
    shortcuts: bool,
}

impl std::fmt::Debug for PolicySet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PolicySet")
            .field("policies", &self.policies.len())
            .finish()
    }
}

/// Read the `# METADATA` block at the top of a policy file.
pub fn parse_metadata(file: &str, text: &str) -> Result<Option<PolicyMeta>, PolicyError> {
    let mut lines = text.lines().map(str::trim_start);
    let mut first = lines.next();
    while first.is_some_and(|l| l.is_empty()) {
        first = lines.next();
    }
    if first.map(str::trim_end) != Some("# METADATA") {
        return Ok(None);
    }
    let mut yaml = String::new();
    for line in lines {
        let Some(comment) = line.strip_prefix('#') else {
            break;
        };
        yaml.push_str(comment.strip_prefix(' ').unwrap_or(comment));
        yaml.push('\n');
    }
    serde_saphyr::from_str::<PolicyMeta>(&yaml)
        .map(Some)
        .map_err(|e| PolicyError::Metadata {
            file: file.to_string(),
            message: format!("the METADATA block is not valid: {e}"),
        })
}

/// Whether Rego `text` refers to package `package` (`data.<package>` not followed by more of
/// a name, as in an import or a direct reference).
fn refers_to(text: &str, package: &str) -> bool {
    let needle = format!("data.{package}");
    text.match_indices(&needle).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + needle.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

fn package_of(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix("package "))
        .map(|p| p.trim().to_string())
}

fn new_engine() -> regorus::Engine {
    let mut engine = regorus::Engine::new();
    engine.set_execution_timer_config(regorus::utils::limits::ExecutionTimerConfig {
        limit: EVALUATION_LIMIT,
        check_interval: NonZeroU32::new(64).unwrap_or(NonZeroU32::MIN),
    });
    engine
}

impl PolicySet {
    /// The built-in library.
    pub fn builtin() -> Result<PolicySet, PolicyError> {
        PolicySet::from_files(
            BUILTIN_POLICY_FILES
                .iter()
                .map(|(path, text)| (format!("policies/{path}"), text.to_string(), true))
                .collect(),
        )
    }

    /// Load `(file name, Rego text, built-in)` triples: files with a METADATA block are
    /// policies; `*_test.rego` files hold their tests; others are helper modules.
    pub fn from_files(files: Vec<(String, String, bool)>) -> Result<PolicySet, PolicyError> {
        let eager = files.iter().any(|(_, _, builtin)| !builtin);
        let mut policies = Vec::new();
        let mut tests: Vec<String> = Vec::new();
        let mut helpers = Vec::new();
        let mut policy_sources = Vec::new();
        let mut sources = Vec::new();
        for (file, text, builtin) in files {
            let meta = parse_metadata(&file, &text)?;
            let package = package_of(&text).unwrap_or_default();
            let index = sources.len();
            if file.ends_with("_test.rego") {
                for name in test_names(&text) {
                    let full = format!("{package}.{name}");
                    if !tests.contains(&full) {
                        tests.push(full);
                    }
                }
            } else if let Some(meta) = meta {
                if policies.iter().any(|p: &Policy| p.meta.id == meta.id) {
                    return Err(PolicyError::Metadata {
                        file,
                        message: format!("policy id `{}` is used twice", meta.id),
                    });
                }
                policies.push(Policy {
                    meta,
                    package,
                    file: file.clone(),
                    builtin,
                });
                policy_sources.push(index);
            } else {
                helpers.push(index);
            }
            sources.push((file, text));
        }
        let kinds = policies
            .iter()
            .flat_map(|p| p.meta.kinds.iter().cloned())
            .collect();
        let deny_rules = policies
            .iter()
            .map(|p| format!("data.{}.deny", p.package))
            .collect();
        let mut set = PolicySet {
            policies,
            sources,
            helpers,
            policy_sources,
            kinds,
            deny_rules,
            groups: Vec::new(),
            group_of: Vec::new(),
            engines: Vec::new(),
            full: OnceLock::new(),
            pool: Mutex::new(Vec::new()),
            tests,
            shortcuts: true,
        };
        let packages = set.helper_packages();
        for index in 0..set.policies.len() {
            let text = set
                .policy_sources
                .get(index)
                .and_then(|i| set.sources.get(*i))
                .map_or("", |(_, text)| text.as_str());
            let helpers = set.helpers_of(text, &packages);
            let group = match set.groups.iter().position(|(h, _)| *h == helpers) {
                Some(group) => group,
                None => {
                    set.groups.push((helpers, Vec::new()));
                    set.groups.len() - 1
                }
            };
            if let Some((_, members)) = set.groups.get_mut(group) {
                members.push(index);
            }
            set.group_of.push(group);
        }
        set.engines = set.groups.iter().map(|_| OnceLock::new()).collect();
        if eager {
            set.full_engine()?;
            for group in 0..set.groups.len() {
                set.group_engine(group)?;
            }
        }
        Ok(set)
    }

    fn full_engine(&self) -> Result<&regorus::Engine, PolicyError> {
        self.full
            .get_or_init(|| {
                let mut engine = new_engine();
                for (file, text) in &self.sources {
                    add_module(&mut engine, file, text)?;
                }
                prepare(&mut engine)?;
                Ok(engine)
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    fn group_engine(&self, group: usize) -> Result<&GroupEngine, PolicyError> {
        let (Some(cell), Some((helpers, members))) =
            (self.engines.get(group), self.groups.get(group))
        else {
            return Err(PolicyError::Evaluation {
                id: group.to_string(),
                message: "no such policy group".to_string(),
            });
        };
        cell.get_or_init(|| {
            let mut engine = new_engine();
            let policies = members.iter().filter_map(|i| self.policy_sources.get(*i));
            for source in helpers.iter().chain(policies) {
                if let Some((file, text)) = self.sources.get(*source) {
                    add_module(&mut engine, file, text)?;
                }
            }
            prepare(&mut engine)?;
            Ok(GroupEngine {
                template: engine,
                pool: Mutex::new(Vec::new()),
            })
        })
        .as_ref()
        .map_err(Clone::clone)
    }

    /// The package of each helper module, in `helpers` order.
    fn helper_packages(&self) -> Vec<Option<String>> {
        self.helpers
            .iter()
            .map(|i| self.sources.get(*i).and_then(|(_, t)| package_of(t)))
            .collect()
    }

    /// The helper modules (indices into `sources`) that `text` refers to, directly or through
    /// other helpers, in load order; `packages` is [`Self::helper_packages`].
    fn helpers_of(&self, text: &str, packages: &[Option<String>]) -> Vec<usize> {
        let mut wanted = vec![false; self.helpers.len()];
        let mut queue = vec![text];
        while let Some(current) = queue.pop() {
            for (slot, package) in packages.iter().enumerate() {
                let Some(package) = package else { continue };
                if wanted.get(slot) == Some(&false) && refers_to(current, package) {
                    wanted[slot] = true;
                    if let Some((_, helper)) =
                        self.helpers.get(slot).and_then(|i| self.sources.get(*i))
                    {
                        queue.push(helper);
                    }
                }
            }
        }
        self.helpers
            .iter()
            .zip(wanted)
            .filter_map(|(index, wanted)| wanted.then_some(*index))
            .collect()
    }

    /// This set without its shortcuts: every policy evaluated on every document of its kinds,
    /// `resource_types` or not, and documents given without `__resource_index__`.
    #[cfg(test)]
    pub(crate) fn without_shortcuts(mut self) -> PolicySet {
        self.shortcuts = false;
        self
    }

    /// The policies, in load order.
    pub fn policies(&self) -> &[Policy] {
        &self.policies
    }

    /// Rule metadata for reports and `rampart rules`.
    pub fn rules(&self) -> Vec<RuleMeta> {
        self.policies
            .iter()
            .map(|p| RuleMeta {
                id: p.meta.id.clone(),
                scanner: "misconfig".to_string(),
                family: family_of(&p.package)
                    .or_else(|| p.meta.kinds.first().cloned())
                    .unwrap_or_default(),
                title: p.meta.title.clone(),
                severity: p.meta.severity,
                confidence: Confidence::High,
                description: p.meta.description.clone(),
                remediation: p.meta.remediation.clone(),
                references: p.meta.references.clone(),
                examples: RuleExamples::default(),
            })
            .collect()
    }

    /// Evaluate every policy that applies to input kind `kind` (`dockerfile`, `kubernetes`).
    ///
    /// Each policy is its own evaluation, skipped when the document holds none of its
    /// `resource_types`. (Evaluating a group's policies in one query gives the same findings
    /// but was slower: regorus shares little between the rules of one query.)
    pub fn evaluate(&self, kind: &str, document: &Value) -> (Vec<Violation>, Vec<PolicyError>) {
        let mut violations = Vec::new();
        let mut errors = Vec::new();
        if !self.kinds.contains(kind) {
            return (violations, errors);
        }
        let present = resource_types(document);
        let mut by_group: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for (index, policy) in self.policies.iter().enumerate() {
            if policy.meta.kinds.iter().any(|k| k == kind)
                && (!self.shortcuts || policy.meta.applies_to(&present))
            {
                let group = self.group_of.get(index).copied().unwrap_or_default();
                by_group.entry(group).or_default().push(index);
            }
        }
        if by_group.is_empty() {
            return (violations, errors);
        }
        let input = if self.shortcuts {
            regorus::Value::from(with_resource_index(document))
        } else {
            regorus::Value::from(document.clone())
        };
        for (group, members) in by_group {
            let engine = match self.group_engine(group) {
                Ok(engine) => engine,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            with_pooled(&engine.pool, &engine.template, |regorus| {
                regorus.set_input(input.clone());
                for index in members {
                    let rule = self.deny_rules.get(index).cloned().unwrap_or_default();
                    match regorus.eval_rule(rule) {
                        Ok(value) => collect(index, &value, &mut violations),
                        Err(e) => errors.push(PolicyError::Evaluation {
                            id: self
                                .policies
                                .get(index)
                                .map_or_else(String::new, |p| p.meta.id.clone()),
                            message: e.to_string(),
                        }),
                    }
                }
            });
        }
        (violations, errors)
    }

    /// Run every `test_*` rule of the loaded test files; an undefined result fails.
    pub fn run_tests(&self) -> Vec<TestOutcome> {
        let full = match self.full_engine() {
            Ok(full) => full,
            Err(e) => {
                return vec![TestOutcome {
                    name: "<compile>".to_string(),
                    passed: false,
                    error: Some(e.to_string()),
                }];
            }
        };
        with_pooled(&self.pool, full, |engine| {
            engine.set_input(regorus::Value::new_object());
            self.tests
                .iter()
                .map(|name| match engine.eval_rule(format!("data.{name}")) {
                    Ok(value) => TestOutcome {
                        name: name.clone(),
                        passed: value == regorus::Value::from(true),
                        error: None,
                    },
                    Err(e) => TestOutcome {
                        name: name.clone(),
                        passed: false,
                        error: Some(e.to_string()),
                    },
                })
                .collect()
        })
    }
}

fn add_module(engine: &mut regorus::Engine, file: &str, text: &str) -> Result<(), PolicyError> {
    engine
        .add_policy(file.to_string(), crate::imports::spell_out_imports(text))
        .map(|_| ())
        .map_err(|e| PolicyError::Compile {
            file: file.to_string(),
            message: e.to_string(),
        })
}

/// Analyse the engine's rules now (unsafe variables, recursion, unknown functions), which
/// regorus otherwise does on the first evaluation: a broken module stops loading with its file
/// and line instead of failing every policy on every document, and clones start prepared.
fn prepare(engine: &mut regorus::Engine) -> Result<(), PolicyError> {
    engine
        .eval_query("true".to_string(), false)
        .map(|_| ())
        .map_err(|e| {
            let message = e.to_string();
            let file = message
                .split_once("--> ")
                .and_then(|(_, rest)| rest.split(':').next())
                .unwrap_or("the policy set")
                .to_string();
            PolicyError::Compile { file, message }
        })
}

/// Run `work` on an engine from `pool` (a clone of `template` when the pool is empty) and
/// return the engine to the pool afterwards: one engine per worker thread, reused.
fn with_pooled<T>(
    pool: &Mutex<Vec<regorus::Engine>>,
    template: &regorus::Engine,
    work: impl FnOnce(&mut regorus::Engine) -> T,
) -> T {
    let mut engine = pool
        .lock()
        .ok()
        .and_then(|mut pool| pool.pop())
        .unwrap_or_else(|| template.clone());
    let result = work(&mut engine);
    if let Ok(mut pool) = pool.lock() {
        pool.push(engine);
    }
    result
}

/// The family a policy belongs to: the segment after `rampart.` in its package
/// (`rampart.aws.s3_encryption` is `aws`), so one policy covering Terraform and CloudFormation
/// is listed once, under its provider.
fn family_of(package: &str) -> Option<String> {
    let mut segments = package.split('.');
    (segments.next() == Some("rampart"))
        .then(|| segments.next())
        .flatten()
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Names of the `test_*` rules a test file defines (rule heads start a line).
fn test_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("test_") else {
            continue;
        };
        let tail: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let name = format!("test_{tail}");
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

fn collect(policy: usize, value: &regorus::Value, out: &mut Vec<Violation>) {
    let json: Value = value
        .to_json_str()
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(Value::Null);
    let items = match json {
        Value::Array(items) => items,
        Value::Null => Vec::new(),
        other => vec![other],
    };
    for item in items {
        let line = |key: &str| {
            item.get(key)
                .and_then(Value::as_u64)
                .and_then(|n| u32::try_from(n).ok())
        };
        let message = match item.get("msg") {
            Some(Value::String(s)) => s.clone(),
            _ => match &item {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            },
        };
        out.push(Violation {
            policy,
            message,
            line: line("line"),
            end_line: line("end_line").or(line("line")),
            file: item.get("file").and_then(Value::as_str).map(str::to_string),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: &str = r#"# METADATA
# id: test-no-latest
# title: Uses latest
# severity: medium
# kinds: [dockerfile]
# description: The base image is not pinned.
# remediation: Pin a tag or digest.
package rampart.test.no_latest

deny contains result if {
    some stage in input.stages
    stage.tag == "latest"
    result := {"msg": sprintf("stage %d uses %s", [stage.index, stage.base]), "line": stage.__line__, "end_line": stage.__end_line__}
}
"#;

    const TESTS: &str = r#"package rampart.test.no_latest

test_latest_is_denied if {
    count(deny) == 1 with input as {"kind": "dockerfile", "stages": [{"index": 0, "tag": "latest", "base": "a:latest", "__line__": 1, "__end_line__": 1}]}
}

test_pinned_is_fine if {
    count(deny) == 0 with input as {"kind": "dockerfile", "stages": [{"index": 0, "tag": "1.2", "base": "a:1.2", "__line__": 1, "__end_line__": 1}]}
}

test_this_one_fails if {
    count(deny) == 5 with input as {"kind": "dockerfile", "stages": []}
}
"#;

    fn set() -> PolicySet {
        PolicySet::from_files(vec![
            ("p.rego".into(), POLICY.into(), false),
            ("p_test.rego".into(), TESTS.into(), false),
        ])
        .unwrap()
    }

    #[test]
    fn evaluates_policies_for_their_kind_only_with_lines() {
        let set = set();
        assert_eq!(set.policies()[0].meta.id, "test-no-latest");
        let doc = serde_json::json!({"kind": "dockerfile", "stages": [
            {"index": 0, "tag": "latest", "base": "alpine:latest", "__line__": 3, "__end_line__": 4}]});
        let (violations, errors) = set.evaluate("dockerfile", &doc);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            violations,
            [Violation {
                policy: 0,
                message: "stage 0 uses alpine:latest".into(),
                line: Some(3),
                end_line: Some(4),
                file: None,
            }]
        );
        let other = serde_json::json!({"kind": "kubernetes", "stages": [{"tag": "latest"}]});
        assert!(set.evaluate("kubernetes", &other).0.is_empty());
    }

    #[test]
    fn rego_tests_run_and_failures_are_reported() {
        let outcomes = set().run_tests();
        let summary: Vec<(&str, bool)> = outcomes
            .iter()
            .map(|o| (o.name.as_str(), o.passed))
            .collect();
        assert_eq!(
            summary,
            [
                ("rampart.test.no_latest.test_latest_is_denied", true),
                ("rampart.test.no_latest.test_pinned_is_fine", true),
                ("rampart.test.no_latest.test_this_one_fails", false),
            ]
        );
    }

    #[test]
    fn builtin_policies_compile_and_pass_their_tests() {
        let set = PolicySet::builtin().unwrap();
        let outcomes = set.run_tests();
        let failed: Vec<&TestOutcome> = outcomes.iter().filter(|o| !o.passed).collect();
        assert!(failed.is_empty(), "failing Rego tests: {failed:#?}");
        // Every policy has tests that make it fire and tests that keep it quiet.
        for policy in set.policies() {
            let prefix = format!("{}.test_", policy.package);
            let count = outcomes
                .iter()
                .filter(|o| o.name.starts_with(&prefix))
                .count();
            assert!(
                count >= 2,
                "{} has {count} tests; write a denied and an allowed case",
                policy.meta.id
            );
        }
    }

    #[test]
    fn bad_policies_name_the_file() {
        let broken = PolicySet::from_files(vec![(
            "broken.rego".into(),
            "package x\n\ndeny contains r if {\n  r := \n}\n".into(),
            false,
        )])
        .unwrap_err();
        assert!(matches!(broken, PolicyError::Compile { ref file, .. } if file == "broken.rego"));
        let meta = PolicySet::from_files(vec![(
            "m.rego".into(),
            "# METADATA\n# id: x\n# nonsense: [\npackage x\n".into(),
            false,
        )])
        .unwrap_err();
        assert!(matches!(meta, PolicyError::Metadata { .. }), "{meta}");
        // Parses, but cannot be scheduled: reported at load, naming the module.
        let unsafe_variable = PolicySet::from_files(vec![
            ("ok.rego".into(), "package ok\n\nx := 1\n".into(), false),
            (
                "helpers/unsafe.rego".into(),
                "package h\n\nbad if {\n\tundefined_thing == 1\n}\n".into(),
                false,
            ),
        ])
        .unwrap_err();
        assert!(
            matches!(unsafe_variable, PolicyError::Compile { ref file, ref message }
                if file == "helpers/unsafe.rego" && message.contains(":4:")),
            "{unsafe_variable:?}"
        );
    }

    #[test]
    fn resource_types_select_documents_by_exact_type_or_prefix() {
        let meta = |types: &[&str]| PolicyMeta {
            resource_types: types.iter().map(ToString::to_string).collect(),
            ..set().policies()[0].meta.clone()
        };
        let doc = serde_json::json!({"kind": "terraform", "resources": [
            {"type": "aws_s3_bucket"}, {"type": "google_project_iam_member"}]});
        let present = resource_types(&doc);
        assert!(meta(&[]).applies_to(&present));
        assert!(meta(&["aws_s3_bucket"]).applies_to(&present));
        assert!(meta(&["aws_kms_key", "google_project_iam_*"]).applies_to(&present));
        assert!(!meta(&["aws_s3_bucket_policy"]).applies_to(&present));
        assert!(!meta(&["google_folder_iam_*"]).applies_to(&present));
        let object = serde_json::json!({"kind": "Service", "spec": {}});
        assert!(meta(&["Service"]).applies_to(&resource_types(&object)));
        assert!(!meta(&["Pod"]).applies_to(&resource_types(&object)));
    }

    #[test]
    fn a_policy_is_skipped_on_documents_without_its_resource_types() {
        let policy = POLICY.replace(
            "# kinds: [dockerfile]",
            "# kinds: [dockerfile]\n# resource_types: [x]",
        );
        let set = PolicySet::from_files(vec![("p.rego".into(), policy, false)]).unwrap();
        let doc = serde_json::json!({"kind": "dockerfile", "stages": [
            {"index": 0, "tag": "latest", "base": "a:latest", "__line__": 1, "__end_line__": 1}]});
        assert_eq!(set.evaluate("dockerfile", &doc).0, []);
        let doc = serde_json::json!({"kind": "dockerfile", "resources": [{"type": "x"}], "stages": [
            {"index": 0, "tag": "latest", "base": "a:latest", "__line__": 1, "__end_line__": 1}]});
        assert_eq!(set.evaluate("dockerfile", &doc).0.len(), 1);
    }

    #[test]
    fn policies_share_an_engine_with_only_the_helpers_they_refer_to() {
        let set = PolicySet::builtin().unwrap();
        let helpers = |text: &str| -> Vec<String> {
            set.helpers_of(text, &set.helper_packages())
                .into_iter()
                .map(|i| set.sources[i].0.clone())
                .collect()
        };
        // lib_rbac imports the Kubernetes lib: both come along, nothing else.
        assert_eq!(
            helpers("package x\nimport data.rampart.kubernetes.lib_rbac as rbac\n"),
            [
                "policies/kubernetes/lib.rego",
                "policies/kubernetes/lib_rbac.rego"
            ]
        );
        // A prefix of a package name is not a reference to it.
        assert_eq!(
            helpers("package x\nimport data.rampart.kubernetes.li\n"),
            Vec::<String>::new()
        );
        assert!(refers_to(
            "x := data.rampart.aws.lib_data.f(1)",
            "rampart.aws.lib_data"
        ));
        assert!(!refers_to(
            "x := data.rampart.aws.lib_data.f(1)",
            "rampart.aws.lib"
        ));
    }

    #[test]
    fn a_policy_that_runs_too_long_is_stopped() {
        let slow = r#"# METADATA
# id: slow
# title: Slow
# severity: low
# kinds: [dockerfile]
# description: Loops.
# remediation: None.
package rampart.test.slow

deny contains msg if {
    some i in numbers.range(1, 20000)
    some j in numbers.range(1, 20000)
    i * j < 0
    msg := "never"
}
"#;
        let set = PolicySet::from_files(vec![("slow.rego".into(), slow.into(), false)]).unwrap();
        let started = std::time::Instant::now();
        let (violations, errors) = set.evaluate("dockerfile", &serde_json::json!({}));
        assert!(violations.is_empty());
        assert_eq!(errors.len(), 1, "timed out: {errors:?}");
        // 400M steps would take minutes; the limit stops it (generous bound for loaded CI).
        assert!(started.elapsed() < EVALUATION_LIMIT * 10);
    }
}
