use std::collections::BTreeMap;
use std::fmt::Write as _;

use rampart_core::RuleMeta;

/// `rules list`: one aligned line per rule.
pub fn rules_table(rules: &[RuleMeta]) -> String {
    let id_width = rules.iter().map(|r| r.id.len()).max().unwrap_or(2).max(2);
    let family_width = rules
        .iter()
        .map(|r| r.family.len())
        .max()
        .unwrap_or(6)
        .max(6);
    let mut out = format!(
        "{:<id_width$}  {:<8}  {:<10}  {:<family_width$}  TITLE\n",
        "ID", "SEVERITY", "CONFIDENCE", "FAMILY"
    );
    for r in rules {
        let _ = writeln!(
            out,
            "{:<id_width$}  {:<8}  {:<10}  {:<family_width$}  {}",
            r.id, r.severity, r.confidence, r.family, r.title
        );
    }
    out
}

/// `rules explain ID`: everything known about one rule.
pub fn explain_rule(rule: &RuleMeta) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", rule.id, rule.title);
    let _ = writeln!(
        out,
        "scanner: {}   family: {}   severity: {}   confidence: {}\n",
        rule.scanner, rule.family, rule.severity, rule.confidence
    );
    let _ = writeln!(out, "What it finds\n  {}\n", rule.description);
    let _ = writeln!(out, "How to fix\n  {}\n", rule.remediation);
    if !rule.references.is_empty() {
        let _ = writeln!(out, "References");
        for r in &rule.references {
            let _ = writeln!(out, "  {r}");
        }
        out.push('\n');
    }
    let examples = &rule.examples;
    if let Some(path) = &examples.path {
        let _ = writeln!(out, "Examples (scanned as {path})");
    } else {
        let _ = writeln!(out, "Examples");
    }
    for e in &examples.matching {
        let _ = writeln!(out, "  match:    {}", one_line(e));
    }
    for e in &examples.not_matching {
        let _ = writeln!(out, "  no match: {}", one_line(e));
    }
    out
}

fn one_line(text: &str) -> String {
    text.replace('\n', "⏎")
}

/// `docs/rules.md`: every rule, grouped by scanner and family, generated from rule data.
pub fn rules_markdown(rules: &[RuleMeta]) -> String {
    let mut groups: BTreeMap<(&str, &str), Vec<&RuleMeta>> = BTreeMap::new();
    for r in rules {
        groups.entry((&r.scanner, &r.family)).or_default().push(r);
    }
    let mut out = String::from(
        "# Rules\n\n<!-- Generated from the rule files by `rampart rules docs`; do not edit. \
         A test fails when this file is stale. -->\n\n",
    );
    let _ = writeln!(out, "{} rules.\n", rules.len());
    for ((scanner, family), members) in &groups {
        let _ = writeln!(out, "## {scanner} / {family}\n");
        let _ = writeln!(
            out,
            "| id | title | severity | confidence |\n|---|---|---|---|"
        );
        for r in members {
            let _ = writeln!(
                out,
                "| [`{}`](#{}) | {} | {} | {} |",
                r.id,
                r.id,
                r.title.replace('|', "\\|"),
                r.severity,
                r.confidence
            );
        }
        out.push('\n');
        for r in members {
            let _ = writeln!(out, "### {}\n", r.id);
            let _ = writeln!(
                out,
                "**{}** — severity {}, confidence {}.\n",
                r.title, r.severity, r.confidence
            );
            let _ = writeln!(out, "{}\n", r.description);
            let _ = writeln!(out, "*Fix:* {}\n", r.remediation);
            if !r.references.is_empty() {
                let links: Vec<String> = r.references.iter().map(|u| format!("<{u}>")).collect();
                let _ = writeln!(out, "*References:* {}\n", links.join(", "));
            }
            if let Some(example) = r.examples.matching.first() {
                let fence = if example.contains("```") {
                    "~~~~"
                } else {
                    "```"
                };
                let scanned_as = r
                    .examples
                    .path
                    .as_deref()
                    .map(|p| format!(" (in `{p}`)"))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "*Example that matches{scanned_as}* (synthetic):\n\n{fence}\n{}\n{fence}\n",
                    example.trim_end()
                );
            }
        }
    }
    out
}
