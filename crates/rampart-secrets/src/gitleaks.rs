//! Import a gitleaks configuration (`.gitleaks.toml`) as rampart secret rules and allowlists,
//! so a team switching from gitleaks keeps its custom rules and exceptions.
//!
//! # What translates
//!
//! | gitleaks | rampart |
//! |---|---|
//! | `[[rules]]` `id` | rule id, made kebab-case (`AWS_Key` → `aws-key`, with a warning when changed) |
//! | `description` | title (first line, at most 100 characters) and description |
//! | `regex` (Go RE2) | `regex`, compile-checked with Rust's `regex` (same syntax for what both accept) |
//! | `secretGroup` | `secret_group` (group N; unset or 0 = first non-empty group, or the whole match when the regex has no groups, as gitleaks does) |
//! | `entropy` | `min_entropy`, compared as gitleaks does: the secret's entropy must exceed it, no allowance for hex |
//! | `keywords` | `keywords`, lowercased; none = the rule runs on every file, as in gitleaks |
//! | `path` (regex) | `path_regex`; a rule with `path` and no `regex` becomes a file-presence rule |
//! | `tags` | appended to the description (no warning) |
//! | `[rules.allowlist]`, `[[rules.allowlists]]` | the rule's `allowlists` |
//! | `[allowlist]`, `[[allowlists]]` (with `targetRules`) | the global [`Allowlist`] (`target_rules`) |
//! | allowlist `description`, `condition` (`OR`/`||` default, `AND`/`&&`), `regexTarget` (`secret` default, `match`, `line`), `regexes`, `paths` (regexes → `path_regexes`), `stopwords`, `commits` | the same fields, same semantics; commits are compared with the blob's commit in history scans |
//! | `[extend] path` | that file is loaded too (relative to the importing file; 2 levels deep as in gitleaks; cycles are cut), its rules merged under this file's as gitleaks merges them |
//! | `[extend] disabledRules` | drops those ids from the extended file's rules |
//!
//! Imported rules: severity `high`, confidence `medium` (gitleaks has no severity), family
//! `gitleaks`, no placeholder filter (gitleaks has none), a generic remediation text.
//!
//! # What does not translate (each produces a warning naming file, rule and field)
//!
//! - `[extend] useDefault = true`: gitleaks' default rules are not imported. The import sets
//!   [`GitleaksImport::use_default`] so the caller keeps rampart's built-in rules enabled in
//!   their place (other ids, other coverage).
//! - `[extend] disabledRules` ids that no imported file defines (gitleaks default rules): no
//!   effect; rampart's own rules are turned off with `[secret] disable`.
//! - `[extend] url` (unimplemented in gitleaks as well) and `extend` deeper than 2 levels.
//! - A regex (rule `regex` or `path`) that Rust's `regex` rejects: RE2-only syntax such as
//!   `\C` or `\Q...\E`, Unicode classes (`\pL`, `\p{Greek}`: not compiled into rampart), or a
//!   pattern over the size limit. The rule is skipped. In an allowlist, the pattern is dropped
//!   (`OR`), or the whole allowlist is (`AND`, where dropping a check would allow more).
//! - `secretGroup` larger than the regex's group count (gitleaks rejects the file): rule
//!   skipped. A negative `secretGroup` acts as 0, as in gitleaks.
//! - `[[rules.required]]` (composite rules): the rule is imported without the requirement, at
//!   confidence `low`, so it reports more than gitleaks would.
//! - `skipReport = true` (a rule only used by `required`): skipped.
//! - A rule id that is not kebab-case (renamed), that two rules share after renaming or that a
//!   rampart built-in rule has (suffixed); a rule id defined twice (the later one wins, as in
//!   gitleaks); a rule with neither `regex` nor `path`, or without `id` and `description`
//!   (skipped).
//! - An allowlist with no checks, an unknown `condition` or `regexTarget` (gitleaks rejects the
//!   file): dropped. An empty stopword (it would allow every secret): dropped. `[rules.allowlist]`
//!   together with `[[rules.allowlists]]` (gitleaks rejects the file): both are used.
//! - A commit that is not a full 40- or 64-digit id: kept, but, as in gitleaks, ids are
//!   compared whole (no prefix match), so it matches no commit of a history scan.
//! - A non-ASCII keyword: matched case-sensitively beyond ASCII.
//! - Any field gitleaks does not define, or of the wrong type: ignored.
//!
//! # Behaviour that differs without a config field to warn about
//!
//! - Findings point at the secret, not at the whole regex match.
//! - Where rules overlap on the same text, rampart keeps the most specific finding.
//! - Regexes run on bytes with ASCII-only classes and case folding, as Go's `\w`, `\d`, `\s`,
//!   `\b` are; `.` and counted repetitions count bytes, not characters, on non-ASCII text.
//! - gitleaks' decoding passes (base64/hex/percent-encoded text) are not applied.
//! - `gitleaks:allow` comments are honoured only when the caller turns on
//!   [`crate::SecretScanner::with_gitleaks_allow`]; `.gitleaksignore` is not part of the
//!   config and is not read here.
//! - File-presence rules see only files within the scan's size limit.
//! - Global allowlists apply to rampart's built-in rules too (as they apply to gitleaks' default
//!   rules under `useDefault`).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rampart_core::{Confidence, Severity};
use toml::{Table, Value};

use crate::allowlist::{AllowCondition, Allowlist, AllowlistSpec, CompiledAllowlist, RegexTarget};
use crate::matcher::build_regex;
use crate::rule::{RuleExamplesSpec, RuleSpec, SecretGroup, builtin_rules};

/// gitleaks follows `extend` this many levels below the file given.
const MAX_EXTEND_DEPTH: usize = 2;
/// Largest configuration file read (a config is a few KiB; this bounds hostile input).
const MAX_CONFIG_BYTES: usize = 8 << 20;
/// Longest title taken from a description.
const MAX_TITLE_CHARS: usize = 100;

/// The result of importing a gitleaks configuration.
#[derive(Debug, Clone)]
pub struct GitleaksImport {
    /// Its rules, as rampart rules (family `gitleaks`).
    pub rules: Vec<RuleSpec>,
    /// Its global allowlists.
    pub allowlist: Allowlist,
    /// One line per item that did not translate exactly, naming file, rule and field.
    pub warnings: Vec<String>,
    /// `[extend] useDefault = true`: keep rampart's built-in rules enabled alongside these.
    pub use_default: bool,
}

/// A gitleaks configuration that cannot be imported at all.
#[derive(Debug, Clone, thiserror::Error)]
pub enum GitleaksError {
    /// The file is not valid TOML.
    #[error("gitleaks config `{file}`, line {line}, column {column}: {message}")]
    Parse {
        /// File name.
        file: String,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column (in characters) of the error.
        column: usize,
        /// What the TOML parser said.
        message: String,
    },
    /// The file (or one it extends) cannot be read or is unusable as a whole.
    #[error("gitleaks config `{file}`: {message}")]
    Invalid {
        /// File name.
        file: String,
        /// What is wrong and what to do.
        message: String,
    },
}

/// Import the gitleaks configuration `text`, read from `source_name` (a path: `extend.path`
/// is resolved relative to its directory).
pub fn import(source_name: &str, text: &str) -> Result<GitleaksImport, GitleaksError> {
    let mut stack: Vec<PathBuf> = Path::new(source_name).canonicalize().into_iter().collect();
    let mut warnings = Vec::new();
    let config = load(source_name, text, 0, &mut stack, &mut warnings)?;
    translate(config, warnings)
}

/// Read and import the gitleaks configuration at `path`.
pub fn import_file(path: &Path) -> Result<GitleaksImport, GitleaksError> {
    let name = path.display().to_string();
    let text = read_bounded(path).map_err(|message| GitleaksError::Invalid {
        file: name.clone(),
        message,
    })?;
    import(&name, &text)
}

fn read_bounded(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read it: {e}"))?;
    if meta.len() > MAX_CONFIG_BYTES as u64 {
        return Err(format!(
            "{} bytes is larger than the {} MiB a configuration may have",
            meta.len(),
            MAX_CONFIG_BYTES >> 20
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read it: {e}"))?;
    String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string())
}

/// An allowlist as gitleaks wrote it, before translation.
#[derive(Debug, Clone, Default)]
struct RawAllowlist {
    /// Where it is, for warnings: "file: rule `x` [[rules.allowlists]] #2".
    origin: String,
    description: Option<String>,
    condition: Option<String>,
    regex_target: Option<String>,
    regexes: Vec<String>,
    paths: Vec<String>,
    stopwords: Vec<String>,
    commits: Vec<String>,
    target_rules: Vec<String>,
}

/// A rule as gitleaks wrote it, before translation.
#[derive(Debug, Clone, Default)]
struct RawRule {
    file: String,
    id: String,
    description: String,
    regex: Option<String>,
    path: Option<String>,
    secret_group: i64,
    entropy: f64,
    keywords: Vec<String>,
    tags: Vec<String>,
    allowlists: Vec<RawAllowlist>,
    required: Vec<String>,
    skip_report: bool,
}

#[derive(Debug, Default)]
struct RawExtend {
    use_default: bool,
    path: Option<String>,
    url: Option<String>,
    disabled: Vec<String>,
}

#[derive(Debug, Default)]
struct RawConfig {
    rules: Vec<RawRule>,
    allowlists: Vec<RawAllowlist>,
    use_default: bool,
}

/// Typed reads of TOML values; a value of the wrong type is a warning naming where it is.
struct Fields<'w> {
    warnings: &'w mut Vec<String>,
}

impl Fields<'_> {
    fn warn(&mut self, message: String) {
        self.warnings.push(message);
    }

    fn string(&mut self, value: &Value, at: &str) -> Option<String> {
        match value {
            Value::String(s) => Some(s.clone()),
            other => {
                self.warn(format!(
                    "{at}: expected a string, found {}; ignored",
                    other.type_str()
                ));
                None
            }
        }
    }

    fn strings(&mut self, value: &Value, at: &str) -> Vec<String> {
        match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| self.string(item, &format!("{at}[{i}]")))
                .collect(),
            other => {
                self.warn(format!(
                    "{at}: expected an array of strings, found {}; ignored",
                    other.type_str()
                ));
                Vec::new()
            }
        }
    }

    fn integer(&mut self, value: &Value, at: &str) -> Option<i64> {
        match value {
            Value::Integer(n) => Some(*n),
            other => {
                self.warn(format!(
                    "{at}: expected an integer, found {}; ignored",
                    other.type_str()
                ));
                None
            }
        }
    }

    fn float(&mut self, value: &Value, at: &str) -> Option<f64> {
        match value {
            Value::Float(f) if f.is_finite() => Some(*f),
            // Integers fit f64 closely enough for an entropy threshold.
            #[allow(clippy::cast_precision_loss)]
            Value::Integer(n) => Some(*n as f64),
            other => {
                self.warn(format!(
                    "{at}: expected a number, found {}; ignored",
                    other.type_str()
                ));
                None
            }
        }
    }

    fn boolean(&mut self, value: &Value, at: &str) -> Option<bool> {
        match value {
            Value::Boolean(b) => Some(*b),
            other => {
                self.warn(format!(
                    "{at}: expected true or false, found {}; ignored",
                    other.type_str()
                ));
                None
            }
        }
    }

    fn table<'v>(&mut self, value: &'v Value, at: &str) -> Option<&'v Table> {
        match value {
            Value::Table(t) => Some(t),
            other => {
                self.warn(format!(
                    "{at}: expected a table, found {}; ignored",
                    other.type_str()
                ));
                None
            }
        }
    }

    fn tables<'v>(&mut self, value: &'v Value, at: &str) -> Vec<&'v Table> {
        match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| self.table(item, &format!("{at} #{}", i + 1)))
                .collect(),
            other => {
                self.warn(format!(
                    "{at}: expected an array of tables, found {}; ignored",
                    other.type_str()
                ));
                Vec::new()
            }
        }
    }

    /// Keys lowercased, as gitleaks (through viper) reads them case-insensitively.
    fn keys<'v>(&mut self, table: &'v Table, at: &str) -> Vec<(String, &'v String, &'v Value)> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (key, value) in table {
            let lower = key.to_ascii_lowercase();
            if !seen.insert(lower.clone()) {
                self.warn(format!(
                    "{at}: `{key}` is given twice (keys are case-insensitive); the later one is used"
                ));
                out.retain(|(k, _, _): &(String, &String, &Value)| *k != lower);
            }
            out.push((lower, key, value));
        }
        out
    }
}

/// Parse one file and follow its `extend.path`.
fn load(
    file: &str,
    text: &str,
    depth: usize,
    stack: &mut Vec<PathBuf>,
    warnings: &mut Vec<String>,
) -> Result<RawConfig, GitleaksError> {
    if text.len() > MAX_CONFIG_BYTES {
        return Err(GitleaksError::Invalid {
            file: file.to_string(),
            message: format!(
                "larger than the {} MiB a configuration may have",
                MAX_CONFIG_BYTES >> 20
            ),
        });
    }
    let table: Table = toml::from_str(text).map_err(|e| {
        let (line, column) = e
            .span()
            .map_or((0, 0), |span| line_column(text, span.start));
        GitleaksError::Parse {
            file: file.to_string(),
            line,
            column,
            message: e.message().trim_end().to_string(),
        }
    })?;
    let mut fields = Fields { warnings };
    let (mut config, extend) = parse_config(file, &table, &mut fields);
    if extend.use_default && extend.path.is_some() {
        return Err(GitleaksError::Invalid {
            file: file.to_string(),
            message: "[extend] sets both `useDefault` and `path`; gitleaks refuses this too. \
                      Keep one of them"
                .into(),
        });
    }
    if let Some(url) = &extend.url {
        fields.warn(format!(
            "{file}: [extend] field `url` (`{url}`): extending from a URL is not supported \
             (gitleaks does not implement it either); ignored"
        ));
    }
    if extend.use_default {
        config.use_default = true;
        fields.warn(format!(
            "{file}: [extend] field `useDefault`: gitleaks' default rules are not imported; \
             rampart's built-in rules stay enabled in their place (different ids and coverage)"
        ));
    }
    let mut extended: Option<RawConfig> = None;
    if let Some(path) = &extend.path {
        if depth >= MAX_EXTEND_DEPTH {
            fields.warn(format!(
                "{file}: [extend] field `path` (`{path}`): gitleaks follows `extend` at most \
                 {MAX_EXTEND_DEPTH} levels deep; not loaded"
            ));
        } else {
            let base = Path::new(file).parent().unwrap_or(Path::new(""));
            let target = base.join(path);
            let name = target.display().to_string();
            let invalid = |message: String| GitleaksError::Invalid {
                file: file.to_string(),
                message,
            };
            let canonical = target.canonicalize().map_err(|e| {
                invalid(format!(
                    "[extend] path `{path}` (resolved to `{name}`, relative to this file): \
                     cannot read it: {e}"
                ))
            })?;
            if stack.contains(&canonical) {
                fields.warn(format!(
                    "{file}: [extend] field `path` (`{path}`): extends a file that is already \
                     being loaded (a cycle); not loaded again"
                ));
            } else {
                let text = read_bounded(&canonical).map_err(|message| {
                    invalid(format!("[extend] path `{path}` (`{name}`): {message}"))
                })?;
                stack.push(canonical);
                let loaded = load(&name, &text, depth + 1, stack, fields.warnings)?;
                stack.pop();
                extended = Some(loaded);
            }
        }
    }
    let mut fields = Fields { warnings };
    match extended {
        Some(ext) => merge(&mut config, ext, &extend.disabled, file, &mut fields),
        None => {
            for id in &extend.disabled {
                let why = if extend.use_default {
                    let builtin = builtin_rules()
                        .ok()
                        .is_some_and(|rules| rules.iter().any(|r| r.id == *id));
                    if builtin {
                        format!(
                            "names a gitleaks default rule, which is not imported; rampart has a \
                             built-in rule `{id}`: list it under [secret] disable to turn that off"
                        )
                    } else {
                        "names a gitleaks default rule, which is not imported; no effect".into()
                    }
                } else {
                    "nothing is extended; no effect".into()
                };
                fields.warn(format!(
                    "{file}: [extend] field `disabledRules` entry `{id}`: {why}"
                ));
            }
        }
    }
    Ok(config)
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

fn parse_config(file: &str, table: &Table, f: &mut Fields<'_>) -> (RawConfig, RawExtend) {
    let mut config = RawConfig::default();
    let mut extend = RawExtend::default();
    let mut single_global = None;
    let mut many_global = Vec::new();
    for (key, original, value) in f.keys(table, file) {
        match key.as_str() {
            // Metadata with no effect on what is found.
            "title" | "description" => {}
            "extend" => {
                if let Some(t) = f.table(value, &format!("{file}: [extend]")) {
                    extend = parse_extend(file, t, f);
                }
            }
            "rules" => {
                for (i, t) in f
                    .tables(value, &format!("{file}: [[rules]]"))
                    .into_iter()
                    .enumerate()
                {
                    if let Some(rule) = parse_rule(file, i, t, f) {
                        config.rules.push(rule);
                    }
                }
            }
            "allowlist" => {
                if let Some(t) = f.table(value, &format!("{file}: [allowlist]")) {
                    single_global =
                        Some(parse_allowlist(format!("{file}: [allowlist]"), t, true, f));
                }
            }
            "allowlists" => {
                for (i, t) in f
                    .tables(value, &format!("{file}: [[allowlists]]"))
                    .into_iter()
                    .enumerate()
                {
                    many_global.push(parse_allowlist(
                        format!("{file}: [[allowlists]] #{}", i + 1),
                        t,
                        true,
                        f,
                    ));
                }
            }
            _ => f.warn(format!(
                "{file}: top-level key `{original}` is not a gitleaks setting; ignored"
            )),
        }
    }
    if single_global.is_some() && !many_global.is_empty() {
        f.warn(format!(
            "{file}: both [allowlist] and [[allowlists]] are given (gitleaks refuses this); \
             both are used"
        ));
    }
    config.allowlists.extend(single_global);
    config.allowlists.extend(many_global);
    (config, extend)
}

fn parse_extend(file: &str, table: &Table, f: &mut Fields<'_>) -> RawExtend {
    let mut extend = RawExtend::default();
    for (key, original, value) in f.keys(table, &format!("{file}: [extend]")) {
        let at = format!("{file}: [extend] field `{original}`");
        match key.as_str() {
            "usedefault" => extend.use_default = f.boolean(value, &at).unwrap_or(false),
            "path" => extend.path = f.string(value, &at).filter(|p| !p.is_empty()),
            "url" => extend.url = f.string(value, &at).filter(|p| !p.is_empty()),
            "disabledrules" => extend.disabled = f.strings(value, &at),
            _ => f.warn(format!("{at} is not a gitleaks setting; ignored")),
        }
    }
    extend
}

fn parse_rule(file: &str, index: usize, table: &Table, f: &mut Fields<'_>) -> Option<RawRule> {
    let keys = f.keys(table, &format!("{file}: [[rules]] #{}", index + 1));
    // The id first, so that every other warning can name the rule.
    let id = keys
        .iter()
        .find(|(k, _, _)| k == "id")
        .and_then(|(_, _, v)| match v {
            Value::String(s) => Some(s.trim().to_string()),
            _ => None,
        })
        .unwrap_or_default();
    let name = if id.is_empty() {
        format!("#{}", index + 1)
    } else {
        format!("`{id}`")
    };
    let mut rule = RawRule {
        file: file.to_string(),
        id: id.clone(),
        ..RawRule::default()
    };
    let mut single_allowlist = None;
    let mut allowlists = Vec::new();
    for (key, original, value) in &keys {
        let at = format!("{file}: rule {name} field `{original}`");
        match key.as_str() {
            "id" => {
                if !matches!(value, Value::String(_)) {
                    f.warn(format!(
                        "{at}: expected a string, found {}",
                        value.type_str()
                    ));
                }
            }
            "description" => rule.description = f.string(value, &at).unwrap_or_default(),
            "regex" => rule.regex = f.string(value, &at).filter(|r| !r.is_empty()),
            "path" => rule.path = f.string(value, &at).filter(|r| !r.is_empty()),
            "secretgroup" => rule.secret_group = f.integer(value, &at).unwrap_or(0),
            "entropy" => rule.entropy = f.float(value, &at).unwrap_or(0.0),
            "keywords" => rule.keywords = f.strings(value, &at),
            "tags" => rule.tags = f.strings(value, &at),
            "skipreport" => rule.skip_report = f.boolean(value, &at).unwrap_or(false),
            "allowlist" => {
                if let Some(t) = f.table(value, &at) {
                    single_allowlist = Some(parse_allowlist(
                        format!("{file}: rule {name} [rules.allowlist]"),
                        t,
                        false,
                        f,
                    ));
                }
            }
            "allowlists" => {
                for (i, t) in f.tables(value, &at).into_iter().enumerate() {
                    allowlists.push(parse_allowlist(
                        format!("{file}: rule {name} [[rules.allowlists]] #{}", i + 1),
                        t,
                        false,
                        f,
                    ));
                }
            }
            "required" => {
                for (i, t) in f.tables(value, &at).into_iter().enumerate() {
                    match t.iter().find(|(k, _)| k.eq_ignore_ascii_case("id")) {
                        Some((_, Value::String(required))) => rule.required.push(required.clone()),
                        _ => f.warn(format!("{at} #{}: has no string `id`; ignored", i + 1)),
                    }
                }
            }
            _ => f.warn(format!("{at} is not a gitleaks rule setting; ignored")),
        }
    }
    if single_allowlist.is_some() && !allowlists.is_empty() {
        f.warn(format!(
            "{file}: rule {name}: both [rules.allowlist] and [[rules.allowlists]] are given \
             (gitleaks refuses this); both are used"
        ));
    }
    rule.allowlists.extend(single_allowlist);
    rule.allowlists.extend(allowlists);
    Some(rule)
}

fn parse_allowlist(
    origin: String,
    table: &Table,
    global: bool,
    f: &mut Fields<'_>,
) -> RawAllowlist {
    let mut list = RawAllowlist {
        origin: origin.clone(),
        ..RawAllowlist::default()
    };
    for (key, original, value) in f.keys(table, &origin) {
        let at = format!("{origin} field `{original}`");
        match key.as_str() {
            "description" => list.description = f.string(value, &at),
            "condition" => list.condition = f.string(value, &at),
            "regextarget" => list.regex_target = f.string(value, &at),
            "regexes" => list.regexes = f.strings(value, &at),
            "paths" => list.paths = f.strings(value, &at),
            "stopwords" => list.stopwords = f.strings(value, &at),
            "commits" => list.commits = f.strings(value, &at),
            "targetrules" if global => list.target_rules = f.strings(value, &at),
            "targetrules" => f.warn(format!(
                "{at}: only global allowlists take `targetRules`; ignored"
            )),
            _ => f.warn(format!("{at} is not a gitleaks allowlist setting; ignored")),
        }
    }
    list
}

/// Merge an extended file's rules and allowlists under `base`, as gitleaks does: a rule both
/// define takes `base`'s description, entropy, secretGroup, regex and path where set, and the
/// keywords, tags and allowlists of both.
fn merge(
    base: &mut RawConfig,
    extended: RawConfig,
    disabled: &[String],
    file: &str,
    f: &mut Fields<'_>,
) {
    for id in disabled {
        if !extended.rules.iter().any(|r| r.id == *id) {
            f.warn(format!(
                "{file}: [extend] field `disabledRules` entry `{id}`: the extended file defines \
                 no such rule; no effect"
            ));
        }
    }
    base.use_default |= extended.use_default;
    for ext in extended.rules {
        if disabled.contains(&ext.id) {
            continue;
        }
        match base
            .rules
            .iter_mut()
            .find(|r| r.id == ext.id && !r.id.is_empty())
        {
            Some(own) => {
                let mut merged = ext;
                if !own.description.is_empty() {
                    merged.description = std::mem::take(&mut own.description);
                }
                if own.entropy != 0.0 {
                    merged.entropy = own.entropy;
                }
                if own.secret_group != 0 {
                    merged.secret_group = own.secret_group;
                }
                if own.regex.is_some() {
                    merged.regex = own.regex.take();
                }
                if own.path.is_some() {
                    merged.path = own.path.take();
                }
                merged.tags.append(&mut own.tags);
                merged.keywords.append(&mut own.keywords);
                merged.allowlists.append(&mut own.allowlists);
                merged.required.append(&mut own.required);
                merged.skip_report |= own.skip_report;
                merged.file = own.file.clone();
                *own = merged;
            }
            None => base.rules.push(ext),
        }
    }
    base.allowlists.extend(extended.allowlists);
}

/// `AWS_Key v2` → `aws-key-v2`.
fn kebab(id: &str) -> String {
    let mut out = String::new();
    for c in id.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn translate(
    mut config: RawConfig,
    mut warnings: Vec<String>,
) -> Result<GitleaksImport, GitleaksError> {
    let mut f = Fields {
        warnings: &mut warnings,
    };
    // gitleaks keeps the last rule of an id.
    let mut last_of: HashMap<String, usize> = HashMap::new();
    for (i, rule) in config.rules.iter().enumerate() {
        if !rule.id.is_empty()
            && let Some(earlier) = last_of.insert(rule.id.clone(), i)
            && let Some(first) = config.rules.get(earlier)
        {
            f.warn(format!(
                "{}: rule `{}` is defined more than once; the last definition is used (as in \
                 gitleaks), the one in `{}` is dropped",
                rule.file, rule.id, first.file
            ));
        }
    }
    let rules = std::mem::take(&mut config.rules);
    let rules: Vec<RawRule> = rules
        .into_iter()
        .enumerate()
        .filter(|(i, r)| r.id.is_empty() || last_of.get(&r.id) == Some(i))
        .map(|(_, r)| r)
        .collect();

    let builtin_ids: HashSet<String> = builtin_rules()
        .map(|rules| rules.into_iter().map(|r| r.id).collect())
        .unwrap_or_default();
    let mut used: HashSet<String> = HashSet::new();
    let mut renamed: HashMap<String, String> = HashMap::new();
    let mut out = Vec::new();
    for (index, raw) in rules.into_iter().enumerate() {
        let file = raw.file.clone();
        let shown = if raw.id.is_empty() {
            format!("#{}", index + 1)
        } else {
            format!("`{}`", raw.id)
        };
        if raw.skip_report {
            f.warn(format!(
                "{file}: rule {shown} field `skipReport`: the rule only serves `required` \
                 (composite rules), which rampart does not support; skipped"
            ));
            continue;
        }
        // An id: the given one in kebab-case, or one made from the description.
        let mut id = kebab(&raw.id);
        if raw.id.is_empty() {
            id = kebab(&raw.description);
            if id.is_empty() {
                f.warn(format!(
                    "{file}: rule {shown} has neither `id` nor `description` (gitleaks \
                     requires an id); skipped"
                ));
                continue;
            }
            id.truncate(60);
            while id.ends_with('-') {
                id.pop();
            }
            f.warn(format!(
                "{file}: rule {shown} field `id`: missing (gitleaks requires it); named `{id}` \
                 after its description"
            ));
        } else if id.is_empty() {
            id = format!("gitleaks-rule-{}", index + 1);
            f.warn(format!(
                "{file}: rule {shown} field `id`: has no letters or digits; renamed `{id}`"
            ));
        } else if id != raw.id {
            f.warn(format!(
                "{file}: rule {shown} field `id`: rampart ids are kebab-case; renamed `{id}`"
            ));
        }
        if builtin_ids.contains(&id) {
            let new = format!("{id}-gitleaks");
            f.warn(format!(
                "{file}: rule {shown} field `id`: rampart has a built-in rule `{id}`; this one \
                 is renamed `{new}`"
            ));
            id = new;
        }
        if used.contains(&id) {
            let mut n = 2;
            while used.contains(&format!("{id}-{n}")) {
                n += 1;
            }
            let new = format!("{id}-{n}");
            f.warn(format!(
                "{file}: rule {shown} field `id`: `{id}` is taken by another imported rule; \
                 renamed `{new}`"
            ));
            id = new;
        }
        let shown = format!("`{}`", if raw.id.is_empty() { &id } else { &raw.id });
        let at = |field: &str| format!("{file}: rule {shown} field `{field}`");

        if raw.regex.is_none() && raw.path.is_none() {
            f.warn(format!(
                "{file}: rule {shown} has neither `regex` nor `path` (gitleaks rejects it); skipped"
            ));
            continue;
        }
        let mut secret_group = None;
        if let Some(regex) = &raw.regex {
            let compiled = match build_regex(regex) {
                Ok(r) => r,
                Err(e) => {
                    f.warn(format!(
                        "{}: does not compile as a Rust regex, so the rule is skipped: {}",
                        at("regex"),
                        one_line(&e.to_string())
                    ));
                    continue;
                }
            };
            let groups = compiled.captures_len() - 1;
            secret_group = Some(match usize::try_from(raw.secret_group) {
                Ok(0) => SecretGroup::FirstNonEmpty,
                Ok(n) if n <= groups => SecretGroup::Index(n),
                Ok(n) => {
                    f.warn(format!(
                        "{}: is {n} but the regex has {groups} capture group(s) (gitleaks \
                         rejects this); skipped",
                        at("secretGroup")
                    ));
                    continue;
                }
                Err(_) => {
                    f.warn(format!(
                        "{}: is negative; treated as 0 (the first non-empty group), as gitleaks does",
                        at("secretGroup")
                    ));
                    SecretGroup::FirstNonEmpty
                }
            });
        }
        if let Some(path) = &raw.path
            && let Err(e) = build_regex(path)
        {
            f.warn(format!(
                "{}: does not compile as a Rust regex, so the rule is skipped: {}",
                at("path"),
                one_line(&e.to_string())
            ));
            continue;
        }
        let mut keywords = Vec::new();
        for keyword in &raw.keywords {
            let keyword = keyword.to_lowercase();
            if keyword.trim().is_empty() {
                f.warn(format!(
                    "{}: an empty keyword filters nothing; dropped",
                    at("keywords")
                ));
                continue;
            }
            if !keyword.is_ascii() {
                f.warn(format!(
                    "{}: `{keyword}` is not ASCII; rampart matches keywords case-insensitively \
                     only in ASCII",
                    at("keywords")
                ));
            }
            if !keywords.contains(&keyword) {
                keywords.push(keyword);
            }
        }
        let mut allowlists = Vec::new();
        for raw_list in &raw.allowlists {
            if let Some(list) = translate_allowlist(raw_list, &mut f) {
                allowlists.push(list);
            }
        }
        let mut confidence = Confidence::Medium;
        if !raw.required.is_empty() {
            confidence = Confidence::Low;
            f.warn(format!(
                "{}: composite rules are not supported; the rule is imported without requiring \
                 {}, at low confidence, so it reports more than gitleaks would",
                at("required"),
                raw.required
                    .iter()
                    .map(|r| format!("`{r}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        let first_line = raw.description.lines().next().unwrap_or("").trim();
        let title = if first_line.is_empty() {
            raw.id.clone()
        } else if first_line.chars().count() > MAX_TITLE_CHARS {
            let cut: String = first_line.chars().take(MAX_TITLE_CHARS - 3).collect();
            format!("{cut}...")
        } else {
            first_line.to_string()
        };
        let title = if title.is_empty() { id.clone() } else { title };
        let mut description = raw.description.trim().to_string();
        if !description.is_empty() {
            description.push_str("\n\n");
        }
        description.push_str(&format!(
            "Imported from gitleaks rule `{}` in `{file}`.",
            if raw.id.is_empty() { &id } else { &raw.id }
        ));
        if !raw.tags.is_empty() {
            description.push_str(&format!(" Tags: {}.", raw.tags.join(", ")));
        }
        if !raw.id.is_empty() {
            renamed.insert(raw.id.clone(), id.clone());
        }
        used.insert(id.clone());
        out.push(RuleSpec {
            id,
            title,
            severity: Severity::High,
            confidence,
            keywords,
            regex: raw.regex.clone().unwrap_or_default(),
            secret_group,
            min_entropy: (raw.entropy > 0.0).then_some(raw.entropy),
            strict_entropy: true,
            paths: Vec::new(),
            path_regex: raw.path.clone(),
            allowlists,
            validate: None,
            // gitleaks has no placeholder filter; keeping ours would hide what it reports.
            placeholders: false,
            description,
            remediation: "Revoke or rotate the credential with its issuer, then remove it from \
                          the code and its history and load it from a secret store at run time."
                .into(),
            references: Vec::new(),
            companion: None,
            examples: RuleExamplesSpec::default(),
            family: "gitleaks".into(),
            builtin: false,
        });
    }

    let mut global = Vec::new();
    for raw_list in &config.allowlists {
        let Some(mut list) = translate_allowlist(raw_list, &mut f) else {
            continue;
        };
        for target in &mut list.target_rules {
            match renamed.get(target.as_str()) {
                Some(id) => *target = id.clone(),
                None => f.warn(format!(
                    "{} field `targetRules` entry `{target}`: no imported rule has this id (a \
                     gitleaks default rule?); it applies only to a rampart rule of that id",
                    raw_list.origin
                )),
            }
        }
        global.push(list);
    }
    let allowlist = Allowlist::new(global).map_err(|e| GitleaksError::Invalid {
        file: "(global allowlists)".into(),
        message: e.to_string(),
    })?;
    Ok(GitleaksImport {
        rules: out,
        allowlist,
        warnings,
        use_default: config.use_default,
    })
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Translate one allowlist; `None` (with a warning) when it cannot be used as gitleaks meant.
fn translate_allowlist(raw: &RawAllowlist, f: &mut Fields<'_>) -> Option<AllowlistSpec> {
    let origin = &raw.origin;
    let condition = match raw
        .condition
        .as_deref()
        .unwrap_or("")
        .trim()
        .to_ascii_uppercase()
        .as_str()
    {
        "" | "OR" | "||" => AllowCondition::Or,
        "AND" | "&&" => AllowCondition::And,
        other => {
            f.warn(format!(
                "{origin} field `condition`: `{other}` is neither OR nor AND (gitleaks rejects \
                 it); the allowlist is dropped"
            ));
            return None;
        }
    };
    let and = condition == AllowCondition::And;
    let regex_target = match raw.regex_target.as_deref().unwrap_or("") {
        "" | "secret" => RegexTarget::Secret,
        "match" => RegexTarget::Match,
        "line" => RegexTarget::Line,
        other => {
            f.warn(format!(
                "{origin} field `regexTarget`: `{other}` is not secret, match or line (gitleaks \
                 rejects it); the allowlist is dropped"
            ));
            return None;
        }
    };
    let mut patterns = |list: &[String], field: &str| -> Option<Vec<String>> {
        let mut kept = Vec::new();
        for pattern in list {
            match build_regex(pattern) {
                Ok(_) => kept.push(pattern.clone()),
                Err(e) if and => {
                    f.warn(format!(
                        "{origin} field `{field}`: `{pattern}` does not compile as a Rust regex \
                         ({}); under AND, dropping it would allow more, so the allowlist is dropped",
                        one_line(&e.to_string())
                    ));
                    return None;
                }
                Err(e) => f.warn(format!(
                    "{origin} field `{field}`: `{pattern}` does not compile as a Rust regex ({}); \
                     dropped",
                    one_line(&e.to_string())
                )),
            }
        }
        Some(kept)
    };
    let regexes = patterns(&raw.regexes, "regexes")?;
    let path_regexes = patterns(&raw.paths, "paths")?;
    let mut stopwords = Vec::new();
    for word in &raw.stopwords {
        if word.is_empty() {
            f.warn(format!(
                "{origin} field `stopwords`: an empty stopword would allow every secret; dropped"
            ));
        } else {
            stopwords.push(word.to_lowercase());
        }
    }
    let mut commits = Vec::new();
    for commit in &raw.commits {
        let c = commit.trim().to_lowercase();
        if c.is_empty() {
            continue;
        }
        if !((c.len() == 40 || c.len() == 64) && c.bytes().all(|b| b.is_ascii_hexdigit())) {
            f.warn(format!(
                "{origin} field `commits`: `{commit}` is not a full commit id; like gitleaks, \
                 rampart compares whole ids (no prefix match), so it matches no commit of a \
                 history scan"
            ));
        }
        commits.push(c);
    }
    let spec = AllowlistSpec {
        description: raw.description.clone().unwrap_or_default(),
        condition,
        regex_target,
        regexes,
        paths: Vec::new(),
        path_regexes,
        stopwords,
        commits,
        target_rules: raw.target_rules.clone(),
    };
    if !spec.has_checks() {
        f.warn(format!(
            "{origin}: has no usable regexes, paths, stopwords or commits (gitleaks rejects an \
             empty allowlist); dropped"
        ));
        return None;
    }
    if let Err(message) = CompiledAllowlist::compile(&spec) {
        f.warn(format!("{origin}: {message}; dropped"));
        return None;
    }
    Some(spec)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warnings_of(text: &str) -> Vec<String> {
        import("t.toml", text).expect("imports").warnings
    }

    fn has(warnings: &[String], parts: &[&str]) -> bool {
        warnings.iter().any(|w| parts.iter().all(|p| w.contains(p)))
    }

    #[test]
    fn ids_become_kebab_case() {
        assert_eq!(kebab("AWS_Key v2"), "aws-key-v2");
        assert_eq!(kebab("--a--b--"), "a-b");
        assert_eq!(kebab("ключ"), "");
    }

    #[test]
    fn re2_only_constructs_skip_the_rule_with_the_reason() {
        for regex in [r"\Cabc", r"\p{Greek}+key", r"(?<!x)abc", r"\Qa.b\E"] {
            let text = format!("[[rules]]\nid = \"r\"\nregex = '''{regex}'''\n");
            let import = import("t.toml", &text).unwrap();
            assert!(import.rules.is_empty(), "{regex} compiled");
            assert!(
                has(&import.warnings, &["rule `r`", "field `regex`", "skipped"]),
                "{regex}: {:?}",
                import.warnings
            );
        }
    }

    #[test]
    fn keys_are_case_insensitive_like_viper() {
        let text = "[[Rules]]\nID = \"r\"\nRegex = '''(a)(b+)'''\nSecretGroup = 2\n\
                    [[Rules.AllowLists]]\nRegexTarget = \"match\"\nStopWords = [\"x\"]\n";
        let import = import("t.toml", text).unwrap();
        assert!(import.warnings.is_empty(), "{:?}", import.warnings);
        let rule = &import.rules[0];
        assert_eq!(rule.secret_group, Some(SecretGroup::Index(2)));
        assert_eq!(rule.allowlists[0].regex_target, RegexTarget::Match);
        assert_eq!(rule.allowlists[0].stopwords, ["x"]);
    }

    #[test]
    fn hostile_values_warn_instead_of_failing() {
        let text = "rules = 3\nallowlists = \"no\"\n[extend]\nuseDefault = \"yes\"\n";
        let w = warnings_of(text);
        assert!(has(&w, &["[[rules]]", "array of tables"]), "{w:?}");
        assert!(has(&w, &["[[allowlists]]", "array of tables"]), "{w:?}");
        assert!(has(&w, &["useDefault", "true or false"]), "{w:?}");

        let text = r#"
[[rules]]
id = 7
regex = "a"
[[rules]]
id = "big"
regex = '''(a)'''
secretGroup = 9223372036854775807
[[rules]]
id = "neg"
regex = '''(a)b'''
secretGroup = -4
entropy = "high"
keywords = ["", 5]
[[rules]]
id = "nothing"
[[rules]]
id = "cond"
regex = "c"
[[rules.allowlists]]
condition = "XOR"
regexes = ["a"]
"#;
        let import = import("t.toml", text).unwrap();
        let w = &import.warnings;
        assert!(has(w, &["rule #1", "`id`", "expected a string"]), "{w:?}");
        assert!(
            has(w, &["rule `big`", "secretGroup", "1 capture group"]),
            "{w:?}"
        );
        assert!(has(w, &["rule `neg`", "secretGroup", "negative"]), "{w:?}");
        assert!(
            has(w, &["rule `neg`", "entropy", "expected a number"]),
            "{w:?}"
        );
        assert!(
            has(w, &["rule `neg`", "keywords", "empty keyword"]),
            "{w:?}"
        );
        assert!(
            has(w, &["rule `neg`", "keywords`[1]", "expected a string"]),
            "{w:?}"
        );
        assert!(
            has(w, &["rule `nothing`", "neither `regex` nor `path`"]),
            "{w:?}"
        );
        assert!(has(w, &["rule `cond`", "condition", "XOR"]), "{w:?}");
        assert!(
            has(w, &["rule #1", "neither `id` nor `description`"]),
            "{w:?}"
        );
        let ids: Vec<_> = import.rules.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["neg", "cond"]);
        assert!(import.rules[1].allowlists.is_empty());
        assert_eq!(
            import.rules[0].secret_group,
            Some(SecretGroup::FirstNonEmpty)
        );

        // Deep nesting, binary junk and huge input are errors or warnings, never panics.
        let deep = format!("x = {}{}", "[".repeat(5000), "]".repeat(5000));
        let _ = super::import("t.toml", &deep);
        let _ = super::import("t.toml", "\u{0}\u{1}[[[");
        let huge = "#".repeat(MAX_CONFIG_BYTES + 1);
        assert!(super::import("t.toml", &huge).is_err());
    }

    #[test]
    fn allowlist_patterns_that_do_not_compile() {
        let text = r#"
[[rules]]
id = "r"
regex = '''tok_[0-9]{6}'''
[[rules.allowlists]]
description = "or list"
regexes = ['''\Cx''', '''ok''']
[[rules.allowlists]]
description = "and list"
condition = "&&"
regexes = ['''\Cx''']
paths = ['''^a/''']
[[rules.allowlists]]
description = "empty"
[[rules.allowlists]]
stopwords = [""]
"#;
        let import = import("t.toml", text).unwrap();
        let w = &import.warnings;
        let lists = &import.rules[0].allowlists;
        assert_eq!(lists.len(), 1, "{w:?}");
        assert_eq!(lists[0].regexes, ["ok"]);
        assert!(has(w, &["#1", "regexes", "dropped"]), "{w:?}");
        assert!(
            has(w, &["#2", "under AND", "allowlist is dropped"]),
            "{w:?}"
        );
        assert!(has(w, &["#3", "no usable"]), "{w:?}");
        assert!(has(w, &["#4", "empty stopword"]), "{w:?}");
    }

    #[test]
    fn targets_follow_renamed_ids_and_unknown_targets_warn() {
        let text = r#"
[[rules]]
id = "My Rule"
regex = '''tok_[0-9]{6}'''
[[rules.allowlists]]
targetRules = ["x"]
paths = ['''^y/''']
[[allowlists]]
targetRules = ["My Rule", "aws-access-token"]
paths = ['''^x/''']
"#;
        let import = import("t.toml", text).unwrap();
        let spec = &import.allowlist.specs()[0];
        assert_eq!(spec.target_rules, ["my-rule", "aws-access-token"]);
        let w = &import.warnings;
        assert!(
            has(w, &["targetRules", "aws-access-token", "no imported rule"]),
            "{w:?}"
        );
        assert!(has(w, &["[[rules.allowlists]] #1", "only global"]), "{w:?}");
    }

    #[test]
    fn builtin_id_collisions_and_duplicates_are_renamed_or_replaced() {
        let text = r#"
[[rules]]
id = "github-pat-classic"
regex = '''a(b)'''
[[rules]]
id = "dup"
description = "first"
regex = '''a'''
[[rules]]
id = "dup"
description = "second"
regex = '''b'''
[[rules]]
id = "DUP"
regex = '''c'''
"#;
        let import = import("t.toml", text).unwrap();
        let ids: Vec<_> = import.rules.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["github-pat-classic-gitleaks", "dup", "dup-2"]);
        assert_eq!(import.rules[1].title, "second");
        let w = &import.warnings;
        assert!(has(w, &["built-in rule `github-pat-classic`"]), "{w:?}");
        assert!(has(w, &["`dup`", "more than once"]), "{w:?}");
        assert!(has(w, &["`DUP`", "renamed `dup-2`"]), "{w:?}");
    }

    #[test]
    fn parse_errors_point_at_line_and_column() {
        assert_eq!(line_column("ab\ncd", 4), (2, 2));
        assert_eq!(line_column("", 10), (1, 1));
        let err = import("f.toml", "a = 1\nb = = 2\n").unwrap_err();
        let GitleaksError::Parse { line, column, .. } = err else {
            panic!("{err}")
        };
        assert_eq!((line, column), (2, 5));
    }
}
