//! Runs every example of every built-in secret rule and checks rule metadata.

use rampart_secrets::{SecretScanner, builtin_rules};

#[test]
fn every_builtin_rule_compiles_and_its_examples_behave() {
    let rules = builtin_rules().expect("built-in rule files parse");
    let scanner = SecretScanner::new(rules.clone(), &[], u64::MAX).expect("built-in rules compile");
    let mut failures = Vec::new();
    for rule in &rules {
        let path = rule.examples.path.as_deref().unwrap_or("example.txt");
        if rule.examples.matching.is_empty() || rule.examples.not_matching.is_empty() {
            failures.push(format!(
                "{}: needs matching and not_matching examples",
                rule.id
            ));
        }
        for example in &rule.examples.matching {
            let found = scanner.scan_bytes(path, example.as_bytes());
            if !found.iter().any(|f| f.rule_id == rule.id) {
                let others: Vec<_> = found.iter().map(|f| f.rule_id.as_str()).collect();
                failures.push(format!(
                    "{}: should match {example:?} (found instead: {others:?})",
                    rule.id
                ));
            }
        }
        for example in &rule.examples.not_matching {
            let found = scanner.scan_bytes(path, example.as_bytes());
            if found.iter().any(|f| f.rule_id == rule.id) {
                failures.push(format!("{}: should not match {example:?}", rule.id));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} example failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_builtin_rule_is_documented() {
    let rules = builtin_rules().expect("built-in rule files parse");
    let mut failures = Vec::new();
    for rule in &rules {
        let meta = rule.meta();
        if meta.description.len() < 20 {
            failures.push(format!("{}: description too short", rule.id));
        }
        if meta.remediation.len() < 20 {
            failures.push(format!("{}: remediation too short", rule.id));
        }
        if meta.references.is_empty() || meta.references.iter().any(|r| !r.starts_with("https://"))
        {
            failures.push(format!("{}: needs https references", rule.id));
        }
        if rule.keywords.iter().any(|k| *k != k.to_ascii_lowercase()) {
            failures.push(format!("{}: keywords must be lowercase", rule.id));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn at_least_150_builtin_rules() {
    let rules = builtin_rules().expect("built-in rule files parse");
    assert!(
        rules.len() >= 150,
        "only {} built-in secret rules",
        rules.len()
    );
}
