//! The secret analyzer: keyword prefilter, per-rule regexes, and the checks that turn a regex
//! match into a finding.

use std::collections::HashSet;
use std::rc::Rc;
use std::sync::OnceLock;

use globset::GlobSet;
use rampart_core::{
    Analyzer, Blob, Confidence, Emitted, Finding, FindingKind, Lineage, Location, RuleMeta,
    fingerprint,
};
use regex::bytes::Regex;

use crate::allowlist::{AllowContext, Allowlist, CompiledAllowlist, build_globs};
use crate::lineage::{self, Hit};
use crate::placeholder::is_placeholder;
use crate::prefilter::KeywordFilter;
use crate::redact;
use crate::rule::{RuleSpec, RuleSpecError, SecretGroup};
use crate::window::{Match, Windowed};

/// The comment gitleaks honours on a line to suppress its findings.
const GITLEAKS_ALLOW: &[u8] = b"gitleaks:allow";

/// A secret scanner that cannot be built from its rules.
#[derive(Debug, thiserror::Error)]
pub enum SecretScannerError {
    /// A rule file or rule is invalid.
    #[error(transparent)]
    Rule(#[from] RuleSpecError),
    /// The keyword prefilter could not be built.
    #[error("building the keyword prefilter failed: {0}")]
    Prefilter(String),
}

struct CompiledRule {
    spec: RuleSpec,
    paths: Option<GlobSet>,
    path_regex: Option<Regex>,
    allowlists: Vec<CompiledAllowlist>,
    /// Compiled on first use: most rules never see a keyword hit, and compiling all of them up
    /// front would cost more than scanning a mid-sized tree.
    regexes: OnceLock<Result<Regexes, RuleSpecError>>,
    /// The regex for searches next to keyword occurrences, if it allows them; on first use.
    windowed: OnceLock<Option<Windowed>>,
    /// Indexes of the rule's keywords in the prefilter.
    keyword_ids: Vec<u32>,
}

struct Regexes {
    regex: Regex,
    secret_group: SecretGroup,
    companion: Option<(Regex, u32)>,
}

impl CompiledRule {
    fn regexes(&self) -> Result<&Regexes, &RuleSpecError> {
        self.regexes
            .get_or_init(|| compile_regexes(&self.spec))
            .as_ref()
    }

    fn windowed(&self) -> Option<&Windowed> {
        self.windowed
            .get_or_init(|| Windowed::new(&self.spec.regex, &self.spec.keywords, REGEX_SIZE_LIMIT))
            .as_ref()
    }

    /// A rule without a regex reports the files its paths match.
    fn is_file_rule(&self) -> bool {
        self.spec.regex.is_empty()
    }

    fn path_applies(&self, path: &str) -> bool {
        self.paths.as_ref().is_none_or(|p| p.is_match(path))
            && self
                .path_regex
                .as_ref()
                .is_none_or(|r| r.is_match(path.as_bytes()))
    }
}

/// Finds secrets in blobs with a set of compiled rules. Build once, share across threads.
pub struct SecretScanner {
    rules: Vec<CompiledRule>,
    prefilter: KeywordFilter,
    /// Names this scanner's keyword occurrences in the per-thread memo of [`lineage`].
    memo_owner: u64,
    /// For each prefilter pattern, the rules that listed it as a keyword.
    keyword_rules: Vec<Vec<usize>>,
    /// Rules that have no keywords: candidates wherever their paths allow.
    keywordless_rules: Vec<usize>,
    /// Rules without a regex (file-presence rules).
    file_rules: Vec<usize>,
    /// Global allowlists.
    global: Vec<CompiledAllowlist>,
    show_secrets: bool,
    gitleaks_allow: bool,
    max_file_size: u64,
}

/// Regexes of user rules are bounded too: the compiled program may not exceed this.
const REGEX_SIZE_LIMIT: usize = 8 << 20;

impl SecretScanner {
    /// Compile `rules`, skipping the ids in `disabled`. `max_file_size` bounds what it wants.
    pub fn new(
        rules: Vec<RuleSpec>,
        disabled: &[String],
        max_file_size: u64,
    ) -> Result<SecretScanner, SecretScannerError> {
        let mut seen = HashSet::new();
        let mut compiled = Vec::new();
        for spec in rules {
            if disabled.iter().any(|d| d == &spec.id) {
                continue;
            }
            spec.check()?;
            if !seen.insert(spec.id.clone()) {
                return Err(RuleSpecError::Invalid {
                    id: spec.id,
                    message: "defined twice; rule ids must be unique".into(),
                }
                .into());
            }
            compiled.push(compile(spec)?);
        }
        let mut keywords: Vec<String> = Vec::new();
        let mut keyword_rules: Vec<Vec<usize>> = Vec::new();
        for (index, rule) in compiled.iter().enumerate() {
            for keyword in &rule.spec.keywords {
                let keyword = keyword.to_ascii_lowercase();
                match keywords.iter().position(|k| *k == keyword) {
                    Some(at) => keyword_rules[at].push(index),
                    None => {
                        keywords.push(keyword);
                        keyword_rules.push(vec![index]);
                    }
                }
            }
        }
        for (keyword, rules) in keyword_rules.iter().enumerate() {
            for &rule in rules {
                compiled[rule].keyword_ids.push(keyword as u32);
            }
        }
        let prefilter = KeywordFilter::new(&keywords)
            .map_err(|e| SecretScannerError::Prefilter(e.to_string()))?;
        let keywordless_rules = (0..compiled.len())
            .filter(|&i| compiled[i].spec.keywords.is_empty())
            .collect();
        let file_rules = (0..compiled.len())
            .filter(|&i| compiled[i].is_file_rule())
            .collect();
        Ok(SecretScanner {
            rules: compiled,
            prefilter,
            memo_owner: lineage::owner_id(),
            keyword_rules,
            keywordless_rules,
            file_rules,
            global: Vec::new(),
            show_secrets: false,
            gitleaks_allow: false,
            max_file_size,
        })
    }

    /// Apply `global` allowlists to every rule (or to their `target_rules`), built-ins too.
    pub fn with_allowlist(mut self, global: Allowlist) -> Self {
        self.global = global.compiled;
        self
    }

    /// Put the whole secret in each finding's `secret` (only for `--show-secrets`); otherwise
    /// findings carry only the redacted prefix.
    pub fn with_show_secrets(mut self, show: bool) -> Self {
        self.show_secrets = show;
        self
    }

    /// Drop matches on lines carrying a `gitleaks:allow` comment (for teams that imported a
    /// gitleaks configuration and have such comments in their code).
    pub fn with_gitleaks_allow(mut self, honour: bool) -> Self {
        self.gitleaks_allow = honour;
        self
    }

    /// Compile every rule now (normally each compiles on first use); the first error found.
    pub fn compile_all(&self) -> Result<(), RuleSpecError> {
        for rule in self.rules.iter().filter(|r| !r.is_file_rule()) {
            rule.regexes().map_err(Clone::clone)?;
        }
        Ok(())
    }

    /// Number of active rules.
    pub fn rule_count(&self) -> usize {
        self.rules.len()
    }

    /// Scan `data` as if it were the file at `path` (used by tests and `rules explain`).
    pub fn scan_bytes(&self, path: &str, data: &[u8]) -> Vec<Finding> {
        let provenance = rampart_core::Provenance::default();
        let blob = Blob {
            path,
            data,
            is_binary: false,
            provenance: &provenance,
            lineage: None,
        };
        let mut out = Emitted::default();
        self.analyze(&blob, &mut out);
        out.findings
    }

    /// The rules that may match `data` at `path`, and every keyword occurrence in it (unless
    /// it is too large to index them).
    fn candidate_rules(
        &self,
        path: &str,
        data: &[u8],
        lineage: Option<&Lineage<'_>>,
    ) -> (Vec<usize>, Option<Rc<[Hit]>>) {
        let mut hit = vec![false; self.rules.len()];
        let mut remaining = self.rules.len();
        // Rules without keywords (whole-file formats such as `config/master.key`, or a
        // user's rule written without any) are candidates wherever their path globs allow;
        // the built-in ones all have globs, so a scan with only built-in rules does no more.
        for &rule in &self.keywordless_rules {
            if self.rules[rule]
                .paths
                .as_ref()
                .is_none_or(|paths| paths.is_match(path))
            {
                hit[rule] = true;
                remaining -= 1;
            }
        }
        if remaining == 0 {
            return ((0..self.rules.len()).collect(), None);
        }
        let mut mark = |keyword: usize| {
            for &rule in &self.keyword_rules[keyword] {
                if !hit[rule] {
                    hit[rule] = true;
                    remaining -= 1;
                }
            }
            remaining > 0
        };
        // Every keyword occurrence, for the searches next to them (see `window`); for a blob
        // the source describes as pieces of another, built on what was found in that one
        // (see `lineage`).
        let hits = match lineage {
            Some(l) => lineage::hits(self.memo_owner, &self.prefilter, data, l),
            None => lineage::occurrences(&self.prefilter, data),
        };
        match &hits {
            Some(hits) => {
                for found in hits.iter() {
                    if !mark(found.keyword as usize) {
                        break;
                    }
                }
            }
            None => self.prefilter.find(data, mark),
        }
        let rules = hit
            .iter()
            .enumerate()
            .filter_map(|(i, h)| h.then_some(i))
            .collect();
        (rules, hits)
    }
}

/// Compile a rule or allowlist regex the way the matcher runs it.
pub(crate) fn build_regex(pattern: &str) -> Result<Regex, regex::Error> {
    // Credentials are ASCII: ASCII-only `\w`, `\s`, `\b` and `(?i)` make rules several times
    // cheaper to compile and to run than their Unicode forms.
    regex::bytes::RegexBuilder::new(pattern)
        .unicode(false)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
}

fn compile_regexes(spec: &RuleSpec) -> Result<Regexes, RuleSpecError> {
    let invalid = |message: String| RuleSpecError::Invalid {
        id: spec.id.clone(),
        message,
    };
    let regex =
        build_regex(&spec.regex).map_err(|e| invalid(format!("regex does not compile: {e}")))?;
    let groups = regex.captures_len() - 1;
    let secret_group = match spec.secret_group {
        Some(SecretGroup::Index(n)) if n > groups => {
            return Err(invalid(format!(
                "secret_group is {n} but the regex has only {groups} capture group(s)"
            )));
        }
        Some(group) => group,
        None => SecretGroup::Index(
            regex
                .capture_names()
                .position(|n| n == Some("secret"))
                .ok_or_else(|| {
                    invalid(
                        "regex needs a named group `(?P<secret>...)` (or set `secret_group`)"
                            .into(),
                    )
                })?,
        ),
    };
    let companion = match &spec.companion {
        Some(c) => Some((
            build_regex(&c.regex).map_err(|e| invalid(format!("companion regex: {e}")))?,
            c.within_lines,
        )),
        None => None,
    };
    Ok(Regexes {
        regex,
        secret_group,
        companion,
    })
}

fn compile(spec: RuleSpec) -> Result<CompiledRule, SecretScannerError> {
    let invalid = |message: String| RuleSpecError::Invalid {
        id: spec.id.clone(),
        message,
    };
    let paths = if spec.paths.is_empty() {
        None
    } else {
        Some(build_globs(&spec.paths).map_err(invalid)?)
    };
    let path_regex = match &spec.path_regex {
        Some(pattern) => Some(
            build_regex(pattern)
                .map_err(|e| invalid(format!("path_regex `{pattern}` does not compile: {e}")))?,
        ),
        None => None,
    };
    let allowlists = spec
        .allowlists
        .iter()
        .map(CompiledAllowlist::compile)
        .collect::<Result<Vec<_>, _>>()
        .map_err(invalid)?;
    let rule = CompiledRule {
        spec,
        paths,
        path_regex,
        allowlists,
        regexes: OnceLock::new(),
        windowed: OnceLock::new(),
        keyword_ids: Vec::new(),
    };
    // Built-in rules are compiled and exercised by the test suite; a user's rule is checked
    // now, so a mistake in it is a configuration error instead of a silent non-match.
    if !rule.spec.builtin
        && !rule.is_file_rule()
        && let Err(e) = rule.regexes()
    {
        return Err(e.clone().into());
    }
    Ok(rule)
}

/// Offsets of line starts, built once per blob that has a match.
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn new(data: &[u8]) -> Lines {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', data).map(|i| i + 1));
        Lines { starts }
    }

    /// 1-based (line, column) of byte `offset`.
    fn position(&self, offset: usize) -> (u32, u32) {
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        (to_u32(line), to_u32(offset - start + 1))
    }

    /// Byte range covering lines `first..=last` (1-based, clamped).
    fn range(&self, first: u32, last: u32, len: usize) -> (usize, usize) {
        let first = (first.max(1) - 1) as usize;
        let start = self.starts.get(first).copied().unwrap_or(len);
        let end = self.starts.get(last as usize).copied().unwrap_or(len);
        (start.min(len), end.min(len))
    }
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// A hex string carries at most 4 bits per character where base64 carries 6, so random hex
/// keys score lower: about one random 32-digit hex key in five falls under 3.5 bits (measured
/// on the labelled corpus). Hex secrets get a threshold half a bit lower.
fn entropy_threshold(min: f64, secret: &[u8]) -> f64 {
    if secret.len() >= 16 && secret.iter().all(u8::is_ascii_hexdigit) {
        min - 0.5
    } else {
        min
    }
}

/// Shannon entropy in bits per byte.
fn entropy(data: &[u8]) -> f64 {
    if data.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &b in data {
        counts[b as usize] += 1;
    }
    let len = data.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = f64::from(c) / len;
            -p * p.log2()
        })
        .sum()
}

struct Candidate {
    rule: usize,
    start: usize,
    end: usize,
    confidence: Confidence,
    /// A file-presence finding (no secret; `start == end == 0`).
    file: bool,
}

/// Keyword occurrences of a rule at most this dense (one per so many bytes of a blob) are
/// searched next to (see `window`); denser ones cost more in search calls than a pass over
/// the blob.
const WINDOWED_BYTES_PER_OCCURRENCE: usize = 64;

/// Byte range of the line(s) holding `start..end`, without the final newline.
fn line_span(data: &[u8], start: usize, end: usize) -> (usize, usize) {
    let from = memchr::memrchr(b'\n', &data[..start]).map_or(0, |i| i + 1);
    // A match ending in newlines ends on the line before them (gitleaks trims them).
    let mut last = end;
    while last > start && data[last - 1] == b'\n' {
        last -= 1;
    }
    let to = memchr::memchr(b'\n', &data[last..]).map_or(data.len(), |i| last + i);
    (from, to)
}

impl Analyzer for SecretScanner {
    fn scanner(&self) -> &'static str {
        "secret"
    }

    fn wants(&self, _path: &str, size: u64) -> bool {
        size <= self.max_file_size
    }

    /// Binary files matter only to file-presence rules (a `.p12` keystore, say).
    fn wants_binary(&self) -> bool {
        !self.file_rules.is_empty()
    }

    fn analyze(&self, blob: &Blob<'_>, out: &mut Emitted) {
        let data = blob.data;
        let commit = blob.provenance.commit.as_deref();
        if self
            .global
            .iter()
            .any(|a| a.untargeted() && a.allows_blob(blob.path, commit))
        {
            return;
        }
        let (candidates, hits) = if blob.is_binary {
            (self.file_rules.clone(), None)
        } else {
            self.candidate_rules(blob.path, data, blob.lineage.as_ref())
        };
        if candidates.is_empty() {
            return;
        }
        let mut lines: Option<Lines> = None;
        let mut found: Vec<Candidate> = Vec::new();
        let mut matches: Vec<Match> = Vec::new();
        let mut occurrences: Vec<usize> = Vec::new();
        for index in candidates {
            let rule = &self.rules[index];
            if !rule.path_applies(blob.path) {
                continue;
            }
            let allowlists = || {
                rule.allowlists
                    .iter()
                    .chain(self.global.iter().filter(|a| a.applies_to(&rule.spec.id)))
            };
            if allowlists().any(|a| a.allows_blob(blob.path, commit)) {
                continue;
            }
            if rule.is_file_rule() {
                let cx = AllowContext {
                    path: blob.path,
                    commit,
                    secret: None,
                    matched: None,
                    line: None,
                };
                if !allowlists().any(|a| a.allows(&cx)) {
                    found.push(Candidate {
                        rule: index,
                        start: 0,
                        end: 0,
                        confidence: rule.spec.confidence,
                        file: true,
                    });
                }
                continue;
            }
            let Ok(regexes) = rule.regexes() else {
                continue;
            };
            matches.clear();
            let windowed = hits
                .as_deref()
                .and_then(|hits| Some((hits, rule.windowed()?)));
            occurrences.clear();
            if let Some((hits, _)) = windowed {
                occurrences.extend(
                    hits.iter()
                        .filter(|h| rule.keyword_ids.contains(&h.keyword))
                        .map(|h| h.start as usize),
                );
            }
            match windowed {
                Some((_, windowed))
                    if occurrences.len() <= data.len() / WINDOWED_BYTES_PER_OCCURRENCE =>
                {
                    let at = occurrences.iter().copied();
                    windowed.matches(data, at, regexes.secret_group, &mut matches);
                }
                _ => matches.extend(regexes.regex.captures_iter(data).map(|caps| {
                    Match {
                        whole: caps.get(0).map_or(0..0, |m| m.range()),
                        secret: regexes
                            .secret_group
                            .pick(caps.len(), |n| caps.get(n).map(|m| m.range())),
                    }
                })),
            }
            for found_match in &matches {
                let Some(secret) = found_match.secret.clone() else {
                    continue;
                };
                // Ranges of matches in `data`, so always within it.
                let secret_text = data.get(secret.clone()).unwrap_or_default();
                let Some(confidence) = judge(rule, secret_text) else {
                    continue;
                };
                let whole = found_match.whole.clone();
                let matched = data.get(whole.clone()).unwrap_or_default();
                let (line_from, line_to) = line_span(data, whole.start, whole.end);
                let line = &data[line_from..line_to];
                if self.gitleaks_allow && memchr::memmem::find(line, GITLEAKS_ALLOW).is_some() {
                    continue;
                }
                let cx = AllowContext {
                    path: blob.path,
                    commit,
                    secret: Some(secret_text),
                    matched: Some(matched),
                    line: Some(line),
                };
                if allowlists().any(|a| a.allows(&cx)) {
                    continue;
                }
                let confidence = match &regexes.companion {
                    Some((regex, within)) if confidence < Confidence::High => {
                        let lines = lines.get_or_insert_with(|| Lines::new(data));
                        let (line, _) = lines.position(secret.start);
                        let (from, to) = lines.range(
                            line.saturating_sub(*within),
                            line.saturating_add(*within),
                            data.len(),
                        );
                        if regex.is_match(&data[from..to]) {
                            Confidence::High
                        } else {
                            confidence
                        }
                    }
                    _ => confidence,
                };
                found.push(Candidate {
                    rule: index,
                    start: secret.start,
                    end: secret.end,
                    confidence,
                    file: false,
                });
            }
        }
        if found.is_empty() {
            return;
        }
        let found = keep_most_specific(found, &self.rules);
        let lines = lines.get_or_insert_with(|| Lines::new(data));
        for candidate in found {
            let rule = &self.rules[candidate.rule];
            out.findings
                .push(self.finding(rule, blob, lines, &candidate));
        }
    }

    fn rules(&self) -> Vec<RuleMeta> {
        self.rules.iter().map(|r| r.spec.meta()).collect()
    }
}

impl SecretScanner {
    fn finding(
        &self,
        rule: &CompiledRule,
        blob: &Blob<'_>,
        lines: &Lines,
        candidate: &Candidate,
    ) -> Finding {
        let secret = blob
            .data
            .get(candidate.start..candidate.end)
            .unwrap_or_default();
        let (start_line, start_column) = lines.position(candidate.start);
        let (end_line, end_column) = lines.position(candidate.end.saturating_sub(1));
        let (message, shown, full) = if candidate.file {
            (
                format!(
                    "{}: file `{}` matches the rule's paths",
                    rule.spec.title, blob.path
                ),
                None,
                None,
            )
        } else {
            let text = String::from_utf8_lossy(secret);
            let shown = redact(&text);
            (
                format!("{} found: {shown}", rule.spec.title),
                Some(shown),
                self.show_secrets.then(|| text.into_owned()),
            )
        };
        Finding {
            kind: FindingKind::Secret,
            rule_id: rule.spec.id.clone(),
            title: rule.spec.title.clone(),
            severity: rule.spec.severity,
            confidence: candidate.confidence,
            location: Location {
                path: blob.path.to_string(),
                start_line,
                end_line,
                start_column,
                end_column: end_column + 1,
                layer: None,
                commit: None,
            },
            fingerprint: fingerprint(&rule.spec.id, blob.path, secret),
            message,
            remediation: rule.spec.remediation.trim().to_string(),
            references: rule.spec.references.clone(),
            redacted: shown,
            secret: full,
            git: None,
            aliases: Vec::new(),
            package: None,
            fixed_version: None,
            vulnerability: None,
        }
    }
}

/// Decide whether a regex match is a secret, and how sure we are; `None` drops it.
fn judge(rule: &CompiledRule, secret: &[u8]) -> Option<Confidence> {
    let spec = &rule.spec;
    if secret.is_empty() {
        return None;
    }
    let text = std::str::from_utf8(secret).ok();
    if spec.placeholders && text.is_none_or(is_placeholder) {
        return None;
    }
    if let Some(min) = spec.min_entropy {
        let too_low = if spec.strict_entropy {
            entropy(secret) <= min
        } else {
            entropy(secret) < entropy_threshold(min, secret)
        };
        if too_low {
            return None;
        }
    }
    match spec.validate {
        None => Some(spec.confidence),
        Some(validator) => text
            .is_some_and(|t| validator.check(t))
            .then_some(Confidence::High),
    }
}

/// Where several rules matched overlapping text (a generic `password=` rule and a specific
/// token rule, say), keep only the most specific, most confident, most severe,
/// earliest-defined one.
fn keep_most_specific(mut found: Vec<Candidate>, rules: &[CompiledRule]) -> Vec<Candidate> {
    found.sort_by_key(|c| (c.start, c.end, c.rule));
    // A provider-specific rule always beats a generic one: it names what leaked.
    let rank = |c: &Candidate| {
        (
            rules[c.rule].spec.family != "generic",
            c.confidence,
            rules[c.rule].spec.severity,
            std::cmp::Reverse(c.rule),
        )
    };
    let mut kept: Vec<Candidate> = Vec::with_capacity(found.len());
    for candidate in found {
        match kept.last_mut() {
            Some(last) if candidate.start < last.end && candidate.rule != last.rule => {
                if rank(&candidate) > rank(last) {
                    *last = candidate;
                }
            }
            _ => kept.push(candidate),
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::RuleFile;

    fn scanner(toml: &str) -> SecretScanner {
        let rules = RuleFile::parse("test.toml", "test", toml).unwrap();
        SecretScanner::new(rules, &[], 1 << 20).unwrap()
    }

    const TOKEN_RULE: &str = r#"
[[rules]]
id = "demo-token"
title = "Demo token"
severity = "high"
confidence = "medium"
keywords = ["dmo_"]
regex = '''\b(?P<secret>dmo_[a-zA-Z0-9]{20})\b'''
min_entropy = 3.0
description = "d"
remediation = "r"
[rules.companion]
regex = '''(?i)demo_user'''
within_lines = 1
"#;

    #[test]
    fn reports_position_fingerprint_and_redacted_value() {
        let s = scanner(TOKEN_RULE);
        let data = b"first line\n  key = \"dmo_Ab3dEf6hIj9kLm2nOp5q\"\n";
        let found = s.scan_bytes("src/app.py", data);
        assert_eq!(found.len(), 1, "{found:?}");
        let f = &found[0];
        assert_eq!(f.rule_id, "demo-token");
        assert_eq!((f.location.start_line, f.location.start_column), (2, 10));
        assert_eq!((f.location.end_line, f.location.end_column), (2, 34));
        assert_eq!(f.redacted.as_deref(), Some("dmo_*****"));
        assert!(!f.message.contains("Ab3dEf6hIj9k"));
        assert_eq!(f.confidence, Confidence::Medium);
        assert_eq!(
            f.fingerprint,
            fingerprint("demo-token", "src/app.py", b"dmo_Ab3dEf6hIj9kLm2nOp5q")
        );
    }

    /// A blob large enough for the searches next to keywords: a short match just before
    /// another must not hide it (the built-in `generic-token-assignment`).
    #[test]
    fn searches_next_to_keywords_find_every_match() {
        let s = SecretScanner::new(crate::rule::builtin_rules().unwrap(), &[], u64::MAX).unwrap();
        let mut text = String::from("token = \"v1\"\nauth_token = \"Ab3dEf6hIj9kLm2nQ7\"\n");
        for i in 0..6 {
            text.push_str(&format!(
                "# line {i} of filler, long enough to make the blob sparse\n"
            ));
        }
        let found = s.scan_bytes("config.py", text.as_bytes());
        assert!(
            found
                .iter()
                .any(|f| f.rule_id == "generic-token-assignment" && f.location.start_line == 2),
            "{found:?}"
        );
    }

    #[test]
    fn keyword_prefilter_is_case_insensitive_and_required() {
        let s = scanner(TOKEN_RULE);
        assert!(s.scan_bytes("a", b"DMO_ is here but no token").is_empty());
        assert_eq!(s.scan_bytes("a", b"x dmo_Ab3dEf6hIj9kLm2nOp5q").len(), 1);
    }

    #[test]
    fn low_entropy_and_placeholders_are_dropped() {
        let s = scanner(TOKEN_RULE);
        assert!(s.scan_bytes("a", b"dmo_aaaaaaaaaaaaaaaaaaab").is_empty());
        assert!(s.scan_bytes("a", b"dmo_EXAMPLE1234567890abc").is_empty());
    }

    #[test]
    fn companion_nearby_raises_confidence() {
        let s = scanner(TOKEN_RULE);
        let found = s.scan_bytes("a", b"demo_user = bob\ntoken = dmo_Ab3dEf6hIj9kLm2nOp5q\n");
        assert_eq!(found[0].confidence, Confidence::High);
        let far = s.scan_bytes(
            "a",
            b"demo_user = bob\n\n\ntoken = dmo_Ab3dEf6hIj9kLm2nOp5q\n",
        );
        assert_eq!(far[0].confidence, Confidence::Medium);
    }

    #[test]
    fn overlapping_matches_keep_the_most_specific_rule() {
        let toml = format!(
            "{TOKEN_RULE}\n{}",
            r#"
[[rules]]
id = "generic-key"
title = "Generic key"
severity = "medium"
confidence = "low"
keywords = ["key"]
regex = '''key\s*=\s*"(?P<secret>[^"]{8,})"'''
description = "d"
remediation = "r"
"#
        );
        let s = scanner(&toml);
        let found = s.scan_bytes(
            "a",
            b"key = \"dmo_Ab3dEf6hIj9kLm2nOp5q\"\nkey = \"Zx81!pq0Lm\"\n",
        );
        let ids: Vec<_> = found.iter().map(|f| f.rule_id.as_str()).collect();
        assert_eq!(ids, ["demo-token", "generic-key"]);
    }

    #[test]
    fn path_globs_limit_a_rule_to_matching_files() {
        let toml = r#"
[[rules]]
id = "npmrc-auth"
title = "npm auth"
severity = "high"
confidence = "high"
keywords = ["_auth"]
regex = '''_auth\s*=\s*(?P<secret>\S{12,})'''
paths = [".npmrc"]
description = "d"
remediation = "r"
"#;
        let s = scanner(toml);
        let data = b"_auth = dXNlcjpwYXNzd29yZDEyMw==\n";
        assert_eq!(s.scan_bytes("home/u/.npmrc", data).len(), 1);
        assert_eq!(s.scan_bytes(".npmrc", data).len(), 1);
        assert!(s.scan_bytes("notes.txt", data).is_empty());
    }

    #[test]
    fn invalid_rules_are_rejected_with_their_id() {
        let bad_regex = TOKEN_RULE.replace("(?P<secret>dmo_", "(?P<secret>dmo_[");
        let err = SecretScanner::new(RuleFile::parse("t", "t", &bad_regex).unwrap(), &[], 1)
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("demo-token") && err.contains("regex"), "{err}");
        let no_group = TOKEN_RULE.replace("(?P<secret>", "(");
        let err = SecretScanner::new(RuleFile::parse("t", "t", &no_group).unwrap(), &[], 1)
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("secret"), "{err}");
        let twice = format!("{TOKEN_RULE}{TOKEN_RULE}").replace(
            "[rules.companion]\nregex = '''(?i)demo_user'''\nwithin_lines = 1\n",
            "",
        );
        let err = SecretScanner::new(RuleFile::parse("t", "t", &twice).unwrap(), &[], 1)
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("twice"), "{err}");
    }

    #[test]
    fn own_format_allowlists_path_regex_secret_group_and_keywordless_rules() {
        let toml = r#"
[[rules]]
id = "svc-key"
title = "Service key"
severity = "high"
confidence = "medium"
regex = '''(svc)=([A-Za-z0-9]{16})'''
secret_group = 2
path_regex = '''\.conf$'''
description = "d"
remediation = "r"
[[rules.allowlists]]
condition = "and"
regex_target = "line"
regexes = ['''rotated''']
paths = ["old/*.conf"]
[[rules.allowlists]]
stopwords = ["TEST"]
commits = ["0123456789abcdef0123456789abcdef01234567"]

[[rules]]
id = "keystore"
title = "Key store file"
severity = "medium"
confidence = "high"
paths = ["*.jks"]
description = "d"
remediation = "r"
"#;
        let s = scanner(toml).with_show_secrets(true);
        let line = b"svc=Ab3dEf6hIj9kLm2n\n";
        let found = s.scan_bytes("etc/app.conf", line);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].secret.as_deref(), Some("Ab3dEf6hIj9kLm2n"));
        assert!(s.scan_bytes("etc/app.yaml", line).is_empty());
        // AND: the line must say "rotated" and the file be under old/.
        let rotated = b"svc=Ab3dEf6hIj9kLm2n # rotated\n";
        assert!(s.scan_bytes("old/app.conf", rotated).is_empty());
        assert_eq!(s.scan_bytes("new/app.conf", rotated).len(), 1);
        assert_eq!(s.scan_bytes("old/app.conf", line).len(), 1);
        // OR: a stopword alone is enough, case-insensitively.
        assert!(
            s.scan_bytes("a.conf", b"svc=xxTestxxEf6hIj9kLm\n")
                .is_empty()
        );
        let keystore = s.scan_bytes("build/release.jks", b"");
        assert_eq!(keystore.len(), 1);
        assert_eq!(keystore[0].rule_id, "keystore");
    }

    #[test]
    fn gitleaks_allow_comments_only_when_asked() {
        let data = b"key = \"dmo_Ab3dEf6hIj9kLm2nOp5q\" # gitleaks:allow\n";
        assert_eq!(scanner(TOKEN_RULE).scan_bytes("a", data).len(), 1);
        let s = scanner(TOKEN_RULE).with_gitleaks_allow(true);
        assert!(s.scan_bytes("a", data).is_empty());
    }

    #[test]
    fn global_allowlist_errors_name_the_allowlist() {
        let err = Allowlist::new(vec![crate::AllowlistSpec::default()])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("#1") && err.contains("allow everything"),
            "{err}"
        );
        let bad = crate::AllowlistSpec {
            regexes: vec!["(".into()],
            ..Default::default()
        };
        let err = Allowlist::new(vec![bad]).unwrap_err().to_string();
        assert!(err.contains("does not compile"), "{err}");
    }

    #[test]
    fn line_span_covers_whole_lines_without_the_newline() {
        let data = b"a\nbc secret de\nf";
        assert_eq!(line_span(data, 5, 11), (2, 14));
        assert_eq!(line_span(b"x\n", 0, 2), (0, 1));
        assert_eq!(line_span(b"", 0, 0), (0, 0));
    }

    #[test]
    fn hex_secrets_get_a_lower_entropy_threshold() {
        assert_eq!(entropy_threshold(3.5, b"0123456789abcdef0123"), 3.0);
        assert_eq!(entropy_threshold(3.5, b"0123456789abcdefg123"), 3.5);
        assert_eq!(entropy_threshold(3.5, b"abc123"), 3.5);
    }

    #[test]
    fn entropy_of_uniform_bytes() {
        assert_eq!(entropy(b"aaaa"), 0.0);
        assert!((entropy(b"abcd") - 2.0).abs() < 1e-9);
    }
}
