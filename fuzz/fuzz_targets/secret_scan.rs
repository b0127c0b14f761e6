//! Scan arbitrary bytes with every built-in secret rule, as three different paths (path-scoped
//! rules such as the `.npmrc` and `.env` ones only run on matching paths). Never panics; every
//! finding's location and redaction are consistent.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rampart_core::Finding;
use rampart_secrets::SecretScanner;

fn scanner() -> &'static SecretScanner {
    static SCANNER: OnceLock<SecretScanner> = OnceLock::new();
    SCANNER.get_or_init(|| {
        let rules = rampart_secrets::builtin_rules().expect("built-in rules parse");
        SecretScanner::new(rules, &[], u64::MAX).expect("built-in rules compile")
    })
}

const PATHS: &[&str] = &["fuzz.txt", ".npmrc", ".env"];

fuzz_target!(|data: &[u8]| {
    let scanner = scanner();
    // Lines in `data`: a finding cannot end past the last one.
    let line_count = newline_count(data) + 1;
    for path in PATHS {
        for finding in scanner.scan_bytes(path, data) {
            check(path, data, line_count, &finding);
        }
    }
});

fn newline_count(data: &[u8]) -> usize {
    data.iter().filter(|b| **b == b'\n').count()
}

fn check(path: &str, data: &[u8], line_count: usize, finding: &Finding) {
    let loc = &finding.location;
    let ctx = || {
        format!(
            "rule {} at {loc:?} in {} bytes",
            finding.rule_id,
            data.len()
        )
    };
    assert_eq!(loc.path, path, "{}", ctx());
    assert!(loc.start_line >= 1, "start_line < 1: {}", ctx());
    assert!(
        loc.start_line <= loc.end_line,
        "start_line > end_line: {}",
        ctx()
    );
    assert!(
        loc.end_line as usize <= line_count,
        "end_line past the last line ({line_count}): {}",
        ctx()
    );
    assert!(loc.start_column >= 1, "start_column < 1: {}", ctx());
    assert!(loc.end_column >= 1, "end_column < 1: {}", ctx());
    if loc.start_line == loc.end_line {
        // `end_column` is exclusive and the secret is never empty.
        assert!(
            loc.start_column < loc.end_column,
            "empty or reversed span on one line: {}",
            ctx()
        );
    }
    assert!(!finding.rule_id.is_empty(), "empty rule id");
    let redacted = finding
        .redacted
        .as_deref()
        .unwrap_or_else(|| panic!("secret finding without a redacted value: {}", ctx()));
    let prefix = redacted.strip_suffix("*****").unwrap_or_else(|| {
        panic!(
            "redacted value {redacted:?} does not end in `*****`: {}",
            ctx()
        )
    });
    assert!(
        prefix.chars().count() <= 4,
        "redacted value {redacted:?} shows more than 4 characters: {}",
        ctx()
    );
    assert!(
        finding.message.contains(redacted),
        "message {:?} does not carry the redacted value {redacted:?}",
        finding.message
    );
}
