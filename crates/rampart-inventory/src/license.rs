//! Licences: SPDX normalisation of declared licences, recognition of common licence texts,
//! categories, and the policy that turns them into findings.
//!
//! The text recogniser keys on phrases each licence's official text contains (the MIT grant
//! sentence, the Apache "Version 2.0" header, the GPL family titles and versions, ...). It is
//! small and exact about what it knows; anything else is reported as unrecognised, never
//! silently passed.

use rampart_core::{
    Confidence, Finding, FindingKind, Location, Package, RuleExamples, RuleMeta, Severity,
    fingerprint,
};
use serde::Deserialize;

/// How a licence constrains its users.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// No conditions beyond attribution (MIT, BSD, Apache-2.0, ISC, ...).
    Permissive,
    /// Dedications to the public domain (CC0-1.0, Unlicense, 0BSD).
    PublicDomain,
    /// File- or library-level copyleft (LGPL, MPL, EPL).
    WeakCopyleft,
    /// Whole-work copyleft on distribution (GPL).
    Copyleft,
    /// Copyleft triggered by network use (AGPL, SSPL, EUPL).
    NetworkCopyleft,
    /// Not an open-source licence we know, or not recognised.
    Unknown,
}

impl Category {
    /// The kebab-case name used in config and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Permissive => "permissive",
            Category::PublicDomain => "public-domain",
            Category::WeakCopyleft => "weak-copyleft",
            Category::Copyleft => "copyleft",
            Category::NetworkCopyleft => "network-copyleft",
            Category::Unknown => "unknown",
        }
    }
}

/// SPDX ids we know, their category, and spellings seen in package metadata.
const LICENSES: &[(&str, Category, &[&str])] = &[
    (
        "MIT",
        Category::Permissive,
        &["mit license", "the mit license", "expat", "mit/x11"],
    ),
    ("MIT-0", Category::Permissive, &["mit no attribution"]),
    (
        "Apache-2.0",
        Category::Permissive,
        &[
            "apache 2.0",
            "apache-2",
            "apache 2",
            "apache license 2.0",
            "apache license, version 2.0",
            "apache software license",
            "asl 2.0",
            "apache license version 2.0",
            "apache2",
        ],
    ),
    (
        "BSD-2-Clause",
        Category::Permissive,
        &["bsd 2-clause", "simplified bsd", "freebsd", "bsd-2"],
    ),
    (
        "BSD-3-Clause",
        Category::Permissive,
        &[
            "bsd 3-clause",
            "new bsd",
            "modified bsd",
            "revised bsd",
            "bsd-3",
            "bsd",
        ],
    ),
    ("ISC", Category::Permissive, &["isc license"]),
    (
        "Zlib",
        Category::Permissive,
        &["zlib license", "zlib/libpng"],
    ),
    (
        "BSL-1.0",
        Category::Permissive,
        &["boost", "boost software license"],
    ),
    (
        "PSF-2.0",
        Category::Permissive,
        &["psf", "python software foundation license", "psfl"],
    ),
    ("Python-2.0", Category::Permissive, &[]),
    ("Unicode-3.0", Category::Permissive, &[]),
    ("Unicode-DFS-2016", Category::Permissive, &[]),
    ("X11", Category::Permissive, &[]),
    ("OpenSSL", Category::Permissive, &[]),
    ("curl", Category::Permissive, &[]),
    (
        "Artistic-2.0",
        Category::Permissive,
        &["artistic license 2.0"],
    ),
    ("BlueOak-1.0.0", Category::Permissive, &[]),
    ("CC-BY-4.0", Category::Permissive, &[]),
    ("Ruby", Category::Permissive, &[]),
    ("PHP-3.01", Category::Permissive, &[]),
    ("0BSD", Category::PublicDomain, &["zero-clause bsd"]),
    (
        "CC0-1.0",
        Category::PublicDomain,
        &["cc0", "public domain", "public-domain"],
    ),
    ("Unlicense", Category::PublicDomain, &["the unlicense"]),
    ("WTFPL", Category::PublicDomain, &[]),
    (
        "LGPL-2.0-only",
        Category::WeakCopyleft,
        &["lgpl-2.0", "lgplv2"],
    ),
    (
        "LGPL-2.1-only",
        Category::WeakCopyleft,
        &["lgpl-2.1", "lgplv2.1", "lgpl 2.1"],
    ),
    (
        "LGPL-2.1-or-later",
        Category::WeakCopyleft,
        &["lgpl-2.1+", "lgplv2+", "lgpl-2.0-or-later", "lgpl-2.0+"],
    ),
    (
        "LGPL-3.0-only",
        Category::WeakCopyleft,
        &["lgpl-3.0", "lgplv3", "lgpl 3", "lgpl"],
    ),
    (
        "LGPL-3.0-or-later",
        Category::WeakCopyleft,
        &["lgpl-3.0+", "lgplv3+"],
    ),
    (
        "MPL-2.0",
        Category::WeakCopyleft,
        &["mozilla public license 2.0", "mpl 2.0", "mpl2"],
    ),
    ("MPL-1.1", Category::WeakCopyleft, &[]),
    ("EPL-1.0", Category::WeakCopyleft, &[]),
    (
        "EPL-2.0",
        Category::WeakCopyleft,
        &["eclipse public license 2.0"],
    ),
    ("CDDL-1.0", Category::WeakCopyleft, &[]),
    (
        "GPL-2.0-only",
        Category::Copyleft,
        &["gpl-2.0", "gplv2", "gpl 2", "gpl-2"],
    ),
    (
        "GPL-2.0-or-later",
        Category::Copyleft,
        &["gpl-2.0+", "gplv2+", "gpl-2+"],
    ),
    (
        "GPL-3.0-only",
        Category::Copyleft,
        &["gpl-3.0", "gplv3", "gpl 3", "gpl-3", "gpl"],
    ),
    (
        "GPL-3.0-or-later",
        Category::Copyleft,
        &["gpl-3.0+", "gplv3+", "gpl-3+"],
    ),
    (
        "AGPL-3.0-only",
        Category::NetworkCopyleft,
        &["agpl-3.0", "agplv3", "agpl"],
    ),
    (
        "AGPL-3.0-or-later",
        Category::NetworkCopyleft,
        &["agpl-3.0+", "agplv3+"],
    ),
    (
        "SSPL-1.0",
        Category::NetworkCopyleft,
        &["server side public license"],
    ),
    ("EUPL-1.2", Category::NetworkCopyleft, &[]),
];

/// Exceptions allowed after `WITH`.
const EXCEPTIONS: &[&str] = &[
    "Classpath-exception-2.0",
    "LLVM-exception",
    "GCC-exception-3.1",
    "Autoconf-exception-3.0",
    "Bison-exception-2.2",
    "OpenSSL-exception",
];

fn lookup(token: &str) -> Option<&'static str> {
    let lower = token.trim().to_ascii_lowercase();
    // Deprecated SPDX forms: `GPL-2.0` means only, `GPL-2.0+` or later.
    LICENSES
        .iter()
        .find(|(id, _, aliases)| {
            id.eq_ignore_ascii_case(&lower) || aliases.contains(&lower.as_str())
        })
        .map(|(id, _, _)| *id)
}

/// The category of SPDX id `id` (Unknown for ids we do not list, `LicenseRef-*` included).
pub fn category(id: &str) -> Category {
    LICENSES
        .iter()
        .find(|(known, _, _)| known.eq_ignore_ascii_case(id))
        .map_or(Category::Unknown, |(_, c, _)| *c)
}

/// Normalise a declared licence (`"MIT License"`, `"Apache 2.0"`, `"MIT OR Apache-2.0"`,
/// `"(MIT AND Zlib)"`, `"MIT/Apache-2.0"`) to an SPDX expression; `None` when any part is
/// not a licence we know.
pub fn normalize(declared: &str) -> Option<String> {
    let text = declared.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(id) = lookup(text) {
        return Some(id.to_string());
    }
    // Cargo's old `MIT/Apache-2.0` means OR.
    let text = if !text.contains(' ') && text.contains('/') {
        text.replace('/', " OR ")
    } else {
        text.to_string()
    };
    let spaced = text.replace('(', " ( ").replace(')', " ) ");
    let mut out = Vec::new();
    let mut after_with = false;
    for token in spaced.split_whitespace() {
        let upper = token.to_ascii_uppercase();
        match upper.as_str() {
            "(" | ")" => out.push(token.to_string()),
            "AND" | "OR" => out.push(upper),
            "WITH" => {
                out.push(upper);
                after_with = true;
                continue;
            }
            _ if after_with => {
                let exception = EXCEPTIONS.iter().find(|e| e.eq_ignore_ascii_case(token))?;
                out.push((*exception).to_string());
            }
            _ => out.push(lookup(token)?.to_string()),
        }
        after_with = false;
    }
    let joined = out.join(" ").replace("( ", "(").replace(" )", ")");
    Some(joined)
}

/// SPDX ids in an expression (operators, parentheses and exceptions dropped).
pub fn ids(expression: &str) -> Vec<String> {
    let spaced = expression.replace(['(', ')'], " ");
    let mut ids = Vec::new();
    let mut skip_next = false;
    for token in spaced.split_whitespace() {
        match token {
            "AND" | "OR" => {}
            "WITH" => skip_next = true,
            _ if skip_next => skip_next = false,
            id => ids.push(id.to_string()),
        }
    }
    ids
}

/// Phrases that identify a licence text: every phrase of an entry must occur (after
/// whitespace is collapsed and case folded). More specific entries come first.
const TEXT_SIGNATURES: &[(&str, &[&str])] = &[
    (
        "AGPL-3.0-only",
        &["gnu affero general public license", "version 3"],
    ),
    (
        "LGPL-3.0-only",
        &["gnu lesser general public license", "version 3"],
    ),
    (
        "LGPL-2.1-only",
        &["gnu lesser general public license", "version 2.1"],
    ),
    (
        "LGPL-2.0-only",
        &["gnu library general public license", "version 2"],
    ),
    (
        "GPL-3.0-only",
        &["gnu general public license", "version 3, 29 june 2007"],
    ),
    (
        "GPL-2.0-only",
        &["gnu general public license", "version 2, june 1991"],
    ),
    ("MPL-2.0", &["mozilla public license version 2.0"]),
    (
        "MIT-0",
        &[
            "mit no attribution",
            "permission is hereby granted, free of charge",
        ],
    ),
    ("Unicode-3.0", &["unicode license v3"]),
    (
        "Unicode-DFS-2016",
        &["unicode, inc. license agreement - data files and software"],
    ),
    ("EPL-2.0", &["eclipse public license - v 2.0"]),
    (
        "Apache-2.0",
        &["apache license", "version 2.0, january 2004"],
    ),
    ("BSL-1.0", &["boost software license - version 1.0"]),
    (
        "Unlicense",
        &["this is free and unencumbered software released into the public domain"],
    ),
    ("CC0-1.0", &["cc0 1.0 universal"]),
    (
        "ISC",
        &[
            "permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted",
        ],
    ),
    (
        "0BSD",
        &[
            "permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted",
            "in no event shall the author be liable",
        ],
    ),
    (
        "MIT",
        &[
            "permission is hereby granted, free of charge, to any person obtaining a copy",
            "the above copyright notice and this permission notice shall be included",
        ],
    ),
    (
        "BSD-3-Clause",
        &[
            "redistribution and use in source and binary forms",
            "neither the name of",
        ],
    ),
    (
        "BSD-2-Clause",
        &[
            "redistribution and use in source and binary forms",
            "this list of conditions and the following disclaimer",
        ],
    ),
    (
        "Zlib",
        &[
            "this software is provided 'as-is', without any express or implied warranty",
            "altered source versions must be plainly marked as such",
        ],
    ),
];

/// Licence names as projects write them in short "this project is licensed under ..." notes,
/// with the SPDX id each stands for.
const MENTIONS: &[(&str, &str)] = &[
    ("apache license, version 2.0", "Apache-2.0"),
    ("apache license version 2.0", "Apache-2.0"),
    ("apache-2.0", "Apache-2.0"),
    ("mit license", "MIT"),
    ("mit licence", "MIT"),
    ("the unlicense", "Unlicense"),
    ("unlicense and mit", "Unlicense"),
    ("bsd 3-clause", "BSD-3-Clause"),
    ("bsd-3-clause", "BSD-3-Clause"),
    ("mozilla public license, v. 2.0", "MPL-2.0"),
    ("mozilla public license, version 2.0", "MPL-2.0"),
];

/// Longest licence note read as a pointer to other licences rather than a licence text.
const MAX_POINTER_NOTE: usize = 1500;

/// Recognise the licence a LICENSE or COPYING file states: a full licence text (matched by
/// phrases of the official text), a bare SPDX expression, or a short note naming licences
/// ("dual-licensed under the Unlicense and MIT licenses": `Unlicense OR MIT`).
pub fn detect_text(text: &str) -> Option<String> {
    let folded: String = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    if let Some((id, _)) = TEXT_SIGNATURES
        .iter()
        .find(|(_, phrases)| phrases.iter().all(|p| folded.contains(p)))
    {
        return Some((*id).to_string());
    }
    if folded.len() <= 100
        && let Some(expression) = normalize(text.trim())
    {
        return Some(expression);
    }
    if folded.len() > MAX_POINTER_NOTE {
        return None;
    }
    let mut named: Vec<&str> = Vec::new();
    for (phrase, id) in MENTIONS {
        if folded.contains(phrase) && !named.contains(id) {
            named.push(id);
        }
    }
    // "unlicense and mit licenses" names both.
    if named.contains(&"Unlicense")
        && folded.contains("unlicense and mit")
        && !named.contains(&"MIT")
    {
        named.push("MIT");
    }
    match named.as_slice() {
        [] => None,
        [one] => Some((*one).to_string()),
        many => {
            let choice = ["either", "dual", "at your option", " or "]
                .iter()
                .any(|w| folded.contains(w));
            Some(many.join(if choice { " OR " } else { " AND " }))
        }
    }
}

/// `[license]` in `rampart.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LicensePolicy {
    /// SPDX ids always accepted (checked first).
    #[serde(default)]
    pub allow: Vec<String>,
    /// SPDX ids always reported, at high severity.
    #[serde(default)]
    pub deny: Vec<String>,
    /// Categories reported at high severity (e.g. `["network-copyleft"]`).
    #[serde(default)]
    pub deny_categories: Vec<Category>,
}

/// Rule ids of licence findings.
pub const RULE_DENIED: &str = "license-denied";
/// A copyleft licence not explicitly allowed.
pub const RULE_COPYLEFT: &str = "license-copyleft";
/// A licence that is not recognised.
pub const RULE_UNKNOWN: &str = "license-unknown";

impl LicensePolicy {
    /// The finding (rule id, severity, reason) for an SPDX expression, or `None` when fine.
    /// An expression with `OR` is fine when any alternative is; with `AND`, every part must be.
    pub fn judge(&self, expression: &str) -> Option<(&'static str, Severity, String)> {
        let alternatives: Vec<&str> = if expression.contains(" OR ") && !expression.contains('(') {
            expression.split(" OR ").collect()
        } else {
            vec![expression]
        };
        let verdicts: Vec<_> = alternatives.iter().map(|alt| self.judge_all(alt)).collect();
        if verdicts.iter().any(Option::is_none) {
            return None;
        }
        verdicts
            .into_iter()
            .flatten()
            .min_by_key(|(_, severity, _)| *severity)
    }

    fn judge_all(&self, expression: &str) -> Option<(&'static str, Severity, String)> {
        ids(expression)
            .iter()
            .filter_map(|id| self.judge_id(id))
            .max_by_key(|(_, severity, _)| *severity)
    }

    fn judge_id(&self, id: &str) -> Option<(&'static str, Severity, String)> {
        if self.allow.iter().any(|a| a.eq_ignore_ascii_case(id)) {
            return None;
        }
        if self.deny.iter().any(|d| d.eq_ignore_ascii_case(id)) {
            return Some((
                RULE_DENIED,
                Severity::High,
                format!("{id} is on the licence deny list"),
            ));
        }
        let cat = category(id);
        if self.deny_categories.contains(&cat) {
            return Some((
                RULE_DENIED,
                Severity::High,
                format!("{id} is {}, a denied category", cat.as_str()),
            ));
        }
        match cat {
            Category::Permissive | Category::PublicDomain => None,
            Category::NetworkCopyleft => Some((
                RULE_COPYLEFT,
                Severity::High,
                format!(
                    "{id} is network copyleft: offering the software over a network obliges you to publish your source"
                ),
            )),
            Category::Copyleft => Some((
                RULE_COPYLEFT,
                Severity::Medium,
                format!(
                    "{id} is copyleft: distributing a work that includes it obliges you to license that work under it"
                ),
            )),
            Category::WeakCopyleft => Some((
                RULE_COPYLEFT,
                Severity::Low,
                format!("{id} is weak copyleft: changes to the licensed files must be shared"),
            )),
            Category::Unknown => Some((
                RULE_UNKNOWN,
                Severity::Low,
                format!("`{id}` is not a licence rampart recognises; review it"),
            )),
        }
    }

    /// Findings for packages' declared licences; packages that declare none are reported as
    /// unknown only when `report_undeclared` (OS databases often carry no licence field).
    pub fn check_packages(&self, packages: &[Package]) -> Vec<Finding> {
        let mut findings = Vec::new();
        for package in packages {
            for declared in &package.licenses {
                let normalized = normalize(declared);
                let expression = normalized.clone().unwrap_or_else(|| declared.clone());
                let verdict = match &normalized {
                    Some(expr) => self.judge(expr),
                    None => Some((
                        RULE_UNKNOWN,
                        Severity::Low,
                        format!("`{declared}` is not a licence rampart recognises; review it"),
                    )),
                };
                let Some((rule, severity, reason)) = verdict else {
                    continue;
                };
                let path = package.locations.first().cloned().unwrap_or_default();
                findings.push(finding(
                    rule,
                    severity,
                    &path,
                    format!(
                        "{} {} is licensed {expression}: {reason}",
                        package.name, package.version
                    ),
                    format!("{}\0{expression}", package.purl).as_bytes(),
                ));
            }
        }
        findings
    }
}

fn finding(
    rule: &'static str,
    severity: Severity,
    path: &str,
    message: String,
    identity: &[u8],
) -> Finding {
    let title = match rule {
        RULE_DENIED => "Licence denied by policy",
        RULE_COPYLEFT => "Copyleft licence",
        _ => "Unrecognised licence",
    };
    Finding {
        kind: FindingKind::License,
        rule_id: rule.to_string(),
        title: title.to_string(),
        severity,
        confidence: Confidence::High,
        location: Location {
            path: path.to_string(),
            start_line: 1,
            end_line: 1,
            start_column: 1,
            end_column: 1,
            layer: None,
            commit: None,
        },
        fingerprint: fingerprint(rule, path, identity),
        message,
        remediation: remediation(rule).to_string(),
        references: vec!["https://spdx.org/licenses/".to_string()],
        redacted: None,
        secret: None,
        git: None,
        aliases: Vec::new(),
        package: None,
        fixed_version: None,
        vulnerability: None,
    }
}

fn remediation(rule: &str) -> &'static str {
    match rule {
        RULE_DENIED => {
            "Replace the component with one under an allowed licence, or get legal approval and add the licence to `license.allow` in rampart.toml."
        }
        RULE_COPYLEFT => {
            "Check that your use meets the licence's conditions (or replace the component); once approved, add the licence to `license.allow` in rampart.toml."
        }
        _ => {
            "Identify the licence (read the component's licence file), then allow or deny its SPDX id in rampart.toml; ask the maintainers to declare an SPDX expression."
        }
    }
}

/// Findings for a licence file at `path` with contents `text`.
pub fn check_license_file(policy: &LicensePolicy, path: &str, text: &str) -> Option<Finding> {
    let (rule, severity, reason, expression) = match detect_text(text) {
        Some(expression) => {
            let (rule, severity, reason) = policy.judge(&expression)?;
            (rule, severity, reason, expression)
        }
        None => (
            RULE_UNKNOWN,
            Severity::Low,
            "the licence text is not one rampart recognises; review it".to_string(),
            "an unrecognised licence".to_string(),
        ),
    };
    Some(finding(
        rule,
        severity,
        path,
        format!("{path} holds {expression}: {reason}"),
        expression.as_bytes(),
    ))
}

/// Whether `path` names a licence file (`LICENSE`, `LICENCE-MIT`, `COPYING.txt`, ...), not a
/// source file that happens to start with the word (`license.rs`, `licenses.json`).
pub fn is_license_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_uppercase();
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, ext)) => (stem, ext),
        None => (name.as_str(), ""),
    };
    let known_stem = ["LICENSE", "LICENCE", "COPYING", "UNLICENSE"]
        .iter()
        .any(|p| {
            stem == *p || stem.starts_with(&format!("{p}-")) || stem.starts_with(&format!("{p}_"))
        });
    known_stem
        && matches!(
            extension,
            "" | "TXT"
                | "MD"
                | "MARKDOWN"
                | "RST"
                | "HTML"
                | "ADOC"
                | "MIT"
                | "APACHE"
                | "APACHE2"
                | "BSD"
                | "GPL"
                | "LGPL"
        )
}

/// Metadata of the licence rules, for `rules list/explain` and SARIF.
pub fn rules() -> Vec<RuleMeta> {
    let rule = |id: &str,
                title: &str,
                severity: Severity,
                description: &str,
                matching: &str,
                not_matching: &str| RuleMeta {
        id: id.to_string(),
        scanner: "license".to_string(),
        family: "license".to_string(),
        title: title.to_string(),
        severity,
        confidence: Confidence::High,
        description: description.to_string(),
        remediation: remediation(id).to_string(),
        references: vec!["https://spdx.org/licenses/".to_string()],
        examples: RuleExamples {
            path: None,
            matching: vec![matching.to_string()],
            not_matching: vec![not_matching.to_string()],
        },
    };
    vec![
        rule(
            RULE_DENIED,
            "Licence denied by policy",
            Severity::High,
            "A component's licence is on the `license.deny` list, or in a category listed in `license.deny_categories`, of rampart.toml.",
            "deny = [\"GPL-3.0-only\"] and a package declaring GPL-3.0-only",
            "deny = [\"GPL-3.0-only\"] and a package declaring MIT",
        ),
        rule(
            RULE_COPYLEFT,
            "Copyleft licence",
            Severity::Medium,
            "A component is under a copyleft licence: network copyleft (AGPL, SSPL) is high, copyleft (GPL) medium, weak copyleft (LGPL, MPL, EPL) low. Shipping such a component brings obligations to share source.",
            "a package declaring AGPL-3.0-or-later",
            "a package declaring Apache-2.0",
        ),
        rule(
            RULE_UNKNOWN,
            "Unrecognised licence",
            Severity::Low,
            "A component declares a licence rampart cannot map to an SPDX id, or a licence file's text is not one it recognises. Unknown terms can forbid your use; they are reported, not ignored.",
            "a package declaring \"Custom: see LICENSE.txt\"",
            "a package declaring \"MIT License\" (normalised to MIT)",
        ),
    ]
}

/// Reads licence files (`LICENSE`, `COPYING`, ...) and reports those the policy flags or that
/// it cannot recognise.
pub struct LicenseFileAnalyzer {
    policy: LicensePolicy,
}

impl LicenseFileAnalyzer {
    /// An analyzer applying `policy`.
    pub fn new(policy: LicensePolicy) -> LicenseFileAnalyzer {
        LicenseFileAnalyzer { policy }
    }
}

impl rampart_core::Analyzer for LicenseFileAnalyzer {
    fn scanner(&self) -> &'static str {
        "license"
    }

    fn wants(&self, path: &str, size: u64) -> bool {
        size <= 1 << 20 && is_license_file(path)
    }

    fn analyze(&self, blob: &rampart_core::Blob<'_>, out: &mut rampart_core::Emitted) {
        let text = String::from_utf8_lossy(blob.data);
        if let Some(finding) = check_license_file(&self.policy, blob.path, &text) {
            out.findings.push(finding);
        }
    }

    fn rules(&self) -> Vec<RuleMeta> {
        rules()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_common_declarations() {
        assert_eq!(normalize("MIT License").as_deref(), Some("MIT"));
        assert_eq!(normalize("Apache 2.0").as_deref(), Some("Apache-2.0"));
        assert_eq!(
            normalize("MIT/Apache-2.0").as_deref(),
            Some("MIT OR Apache-2.0")
        );
        assert_eq!(
            normalize("(mit or apache-2.0) and bsd-3-clause").as_deref(),
            Some("(MIT OR Apache-2.0) AND BSD-3-Clause")
        );
        assert_eq!(
            normalize("GPL-2.0-or-later WITH classpath-exception-2.0").as_deref(),
            Some("GPL-2.0-or-later WITH Classpath-exception-2.0")
        );
        assert_eq!(normalize("GPLv3+").as_deref(), Some("GPL-3.0-or-later"));
        assert_eq!(normalize("Custom: see LICENSE.txt"), None);
        assert_eq!(normalize(""), None);
    }

    #[test]
    fn recognises_licence_texts() {
        let mit = "MIT License\n\nCopyright (c) 2024 X\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software ... The above copyright notice and this permission notice shall be included in all\ncopies";
        assert_eq!(detect_text(mit).as_deref(), Some("MIT"));
        let apache = "                                 Apache License\n                           Version 2.0, January 2004\n";
        assert_eq!(detect_text(apache).as_deref(), Some("Apache-2.0"));
        let agpl = "GNU AFFERO GENERAL PUBLIC LICENSE\n Version 3, 19 November 2007";
        assert_eq!(detect_text(agpl).as_deref(), Some("AGPL-3.0-only"));
        // Notes that point at other licence files, and bare expressions.
        let dual = "This project is dual-licensed under the Unlicense and MIT licenses.\n\nYou may use this code under the terms of either license.\n";
        assert_eq!(detect_text(dual).as_deref(), Some("MIT OR Unlicense"));
        let either = "This project is licensed under either of\n\n * Apache License, Version 2.0, ([LICENSE-APACHE](LICENSE-APACHE))\n * MIT license ([LICENSE-MIT](LICENSE-MIT))\n\nat your option.\n";
        assert_eq!(detect_text(either).as_deref(), Some("Apache-2.0 OR MIT"));
        assert_eq!(
            detect_text("MIT OR Apache-2.0\n").as_deref(),
            Some("MIT OR Apache-2.0")
        );
        let notice = "Copyright 2015 X.\n\nLicensed under the Apache License, Version 2.0 (the \"License\");\nyou may not use this file except in compliance with the License.\n";
        assert_eq!(detect_text(notice).as_deref(), Some("Apache-2.0"));
        assert_eq!(category("MIT-0"), Category::Permissive);
        assert_eq!(detect_text("All rights reserved. Do not copy."), None);
    }

    #[test]
    fn licence_file_names() {
        for yes in [
            "LICENSE",
            "a/LICENSE.txt",
            "LICENSE-MIT",
            "COPYING",
            "licence.md",
            "LICENSE.APACHE2",
            "UNLICENSE",
        ] {
            assert!(is_license_file(yes), "{yes}");
        }
        for no in [
            "src/license.rs",
            "licenses.json",
            "LICENSE.json",
            "COPYING.py",
            "licensed.txt",
        ] {
            assert!(!is_license_file(no), "{no}");
        }
    }

    #[test]
    fn policy_verdicts() {
        let default = LicensePolicy::default();
        assert!(default.judge("MIT").is_none());
        assert!(
            default.judge("MIT OR GPL-3.0-only").is_none(),
            "an OR with a permissive choice is fine"
        );
        assert_eq!(
            default.judge("MIT AND GPL-3.0-only").map(|v| v.1),
            Some(Severity::Medium)
        );
        assert_eq!(
            default.judge("AGPL-3.0-or-later").map(|v| v.0),
            Some(RULE_COPYLEFT)
        );
        assert_eq!(
            default.judge("AGPL-3.0-or-later").map(|v| v.1),
            Some(Severity::High)
        );
        assert_eq!(
            default.judge("LicenseRef-Proprietary").map(|v| v.0),
            Some(RULE_UNKNOWN)
        );
        let strict = LicensePolicy {
            allow: vec!["LGPL-2.1-only".into()],
            deny: vec!["MIT".into()],
            deny_categories: vec![Category::Copyleft],
        };
        assert_eq!(strict.judge("MIT").map(|v| v.0), Some(RULE_DENIED));
        assert_eq!(strict.judge("GPL-2.0-only").map(|v| v.0), Some(RULE_DENIED));
        assert!(strict.judge("LGPL-2.1-only").is_none());
    }
}
