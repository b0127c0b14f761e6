//! Inline comments and ignore entries, including expiry.

use crate::support::*;

#[test]
fn inline_comments_suppress_all_or_named_rules() {
    let tree = Tree::with_test_rule();
    tree.write(
        "a.py",
        format!(
            "a = '{TOKEN}'  # rampart:ignore\nb = '{TOKEN}'  # rampart:ignore test-token rotated\n\
             c = '{TOKEN}'  # rampart:ignore jwt,aws-access-key-id\nd = '{TOKEN2}'\n\
             e = '{TOKEN2}'  # rampart:ignore fixture data, not a real token\n"
        ),
    );
    let (_, report) = tree.scan_json(&[]);
    let lines: Vec<u64> = hits(&report).into_iter().map(|h| h.2).collect();
    // Line 3 names other (real) rules; line 5 starts with a reason, so it covers every rule.
    assert_eq!(lines, vec![3, 4]);
    assert_eq!(report["summary"]["suppressed"], 3);
}

#[test]
fn ignore_file_entries_by_rule_path_and_fingerprint() {
    let tree = Tree::with_test_rule();
    tree.write("keep.txt", format!("{TOKEN}\n"));
    tree.write("fixtures/a.txt", format!("{TOKEN}\n"));
    tree.write("other.txt", format!("{TOKEN2}\n"));
    let (_, before) = tree.scan_json(&[]);
    assert_eq!(
        paths(&before),
        vec!["fixtures/a.txt", "keep.txt", "other.txt"]
    );
    let fp_other = before["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["location"]["path"] == "other.txt")
        .unwrap()["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();

    tree.write(
        ".rampartignore",
        format!(
            "path:fixtures/ reason=test data\nfingerprint:{fp_other} expires=2999-12-31 reason=\"revoked\"\n"
        ),
    );
    let (_, after) = tree.scan_json(&[]);
    assert_eq!(paths(&after), vec!["keep.txt"]);
    assert_eq!(after["summary"]["suppressed"], 2);

    tree.write(".rampartignore", "rule:test-token\n");
    let (_, all_hidden) = tree.scan_json(&[]);
    assert!(paths(&all_hidden).is_empty());
}

#[test]
fn fingerprints_survive_moving_lines() {
    let tree = Tree::with_test_rule();
    tree.write("a.txt", format!("{TOKEN}\n"));
    let (_, first) = tree.scan_json(&[]);
    tree.write("a.txt", format!("\n\n\nnew line\n   {TOKEN}\n"));
    let (_, moved) = tree.scan_json(&[]);
    assert_eq!(
        first["findings"][0]["fingerprint"],
        moved["findings"][0]["fingerprint"]
    );
    assert_ne!(
        first["findings"][0]["location"],
        moved["findings"][0]["location"]
    );
}

#[test]
fn expired_entries_are_reported_and_not_applied() {
    let tree = Tree::with_test_rule();
    tree.write("a.txt", format!("{TOKEN}\n"));
    tree.write(
        ".rampartignore",
        "rule:test-token expires=2020-01-31 reason=old\n",
    );
    let (_, report) = tree.scan_json(&[]);
    assert_eq!(paths(&report), vec!["a.txt"]);
    let warnings = report["warnings"].to_string();
    assert!(warnings.contains("expired on 2020-01-31"), "{warnings}");
    assert!(warnings.contains(".rampartignore:1"), "{warnings}");
    let table = stdout(&tree.rampart(&["scan", "."]));
    assert!(table.contains("expired on 2020-01-31"), "{table}");
}

#[test]
fn config_ignore_entries_work_like_ignore_file_entries() {
    let tree = Tree::new();
    let config = format!(
        "{TEST_RULE_CONFIG}\n[[ignore]]\npath = \"docs/**\"\nreason = \"samples\"\n\n\
         [[ignore]]\nrule = \"test-token\"\npath = \"old/\"\nexpires = \"2001-01-01\"\n"
    );
    tree.write("rampart.toml", config);
    tree.write("docs/a.md", format!("{TOKEN}\n"));
    tree.write("old/b.md", format!("{TOKEN}\n"));
    let (_, report) = tree.scan_json(&[]);
    assert_eq!(paths(&report), vec!["old/b.md"]);
    assert!(
        report["warnings"].to_string().contains("[[ignore]] #2"),
        "{report:#}"
    );
}

#[test]
fn malformed_ignore_file_is_a_usage_error_naming_the_line() {
    let tree = Tree::with_test_rule();
    tree.write(".rampartignore", "vendor/\nrule:x expires=next-week\n");
    let out = tree.rampart(&["scan", "."]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(".rampartignore:2") && err.contains("YYYY-MM-DD"),
        "{err}"
    );
}
