//! `rampart rules` and the generated rules reference.

use crate::support::*;

#[test]
fn list_and_explain_builtin_rules() {
    let dir = std::path::Path::new(".");
    let out = rampart_in(dir, &["rules", "list", "--scanner", "secret"]);
    assert_eq!(out.status.code(), Some(0));
    let list = stdout(&out);
    assert!(list.starts_with("ID "), "{list}");
    let rows = list.lines().count() - 1;
    assert!(rows >= 150, "only {rows} secret rules listed");
    let first_id = list
        .lines()
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    let out = rampart_in(dir, &["rules", "explain", &first_id]);
    let text = stdout(&out);
    assert!(text.starts_with(&format!("{first_id} — ")), "{text}");
    for section in [
        "What it finds",
        "How to fix",
        "References",
        "match:",
        "no match:",
    ] {
        assert!(text.contains(section), "explain lacks {section}: {text}");
    }
    let out = rampart_in(dir, &["rules", "explain", "no-such-rule"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("rampart rules list"));
    let out = rampart_in(dir, &["rules", "list", "--json", "--scanner", "secret"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), rows);
}

#[test]
fn rules_doc_is_current() {
    let out = rampart_in(std::path::Path::new("."), &["rules", "docs"]);
    assert_doc_current("docs/rules.md", &stdout(&out), "rules_doc");
}
