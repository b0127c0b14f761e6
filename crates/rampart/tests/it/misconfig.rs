//! Misconfiguration scanning: Dockerfiles and Kubernetes manifests against the built-in
//! policies and user policies, `rampart policy test`, and bad input.

use serde_json::Value;

use super::support::{Tree, stderr, stdout};

const CUSTOM_POLICY: &str = r#"# METADATA
# id: acme-team-label
# title: Deployment without a team label
# severity: low
# kinds: [kubernetes]
# description: Every Deployment must say which team owns it, so alerts reach someone.
# remediation: Add metadata.labels.team.
# references: [https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/]
package acme.team_label

deny contains result if {
    input.kind == "Deployment"
    not input.metadata.labels.team
    result := {"msg": "no `team` label", "line": input.metadata.__line__, "end_line": input.metadata.__end_line__}
}
"#;

const CUSTOM_TESTS: &str = r#"package acme.team_label

test_missing_label_is_denied if {
    count(deny) == 1 with input as {"kind": "Deployment", "metadata": {"name": "a", "__line__": 3, "__end_line__": 4}}
}

test_labelled_is_allowed if {
    count(deny) == 0 with input as {"kind": "Deployment", "metadata": {"name": "a", "labels": {"team": "x"}, "__line__": 3, "__end_line__": 4}}
}
"#;

const DEPLOYMENT: &str = "apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            privileged: true
";

fn scan(tree: &Tree, args: &[&str]) -> (i32, Value, String) {
    let mut all = vec![
        "scan",
        "--format",
        "json",
        "--no-progress",
        "--scanners",
        "misconfig",
    ];
    all.extend_from_slice(args);
    all.push(".");
    let out = tree.rampart(&all);
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", stdout(&out), stderr(&out)));
    (out.status.code().unwrap_or(-1), report, stderr(&out))
}

fn hits(report: &Value) -> Vec<(String, String, u64)> {
    let mut out: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["location"]["path"].as_str().unwrap().to_string(),
                f["rule_id"].as_str().unwrap().to_string(),
                f["location"]["start_line"].as_u64().unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn user_policies_run_beside_the_library_and_point_at_lines() {
    let tree = Tree::new();
    tree.write("policies/team.rego", CUSTOM_POLICY);
    tree.write("policies/team_test.rego", CUSTOM_TESTS);
    tree.write("k8s/web.yaml", DEPLOYMENT);
    tree.write("k8s/notes.yaml", "just: a yaml file\n");
    let (code, report, err) = scan(&tree, &["--policy", "policies"]);
    assert_eq!(code, 0, "{err}");
    let found = hits(&report);
    assert!(
        found.contains(&("k8s/web.yaml".into(), "acme-team-label".into(), 4)),
        "{found:?}"
    );
    let finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "acme-team-label")
        .unwrap();
    assert_eq!(finding["kind"], "misconfiguration");
    assert_eq!(finding["message"], "Deployment/shop/web: no `team` label");
    assert_eq!(finding["location"]["end_line"], 5);
    // The built-in library sees the privileged container too, at the container's first line.
    assert!(
        found.contains(&("k8s/web.yaml".into(), "k8s-privileged-container".into(), 10)),
        "{found:?}"
    );

    let out = tree.rampart(&["policy", "test", "policies"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("2 passed, 0 failed"),
        "{}",
        stdout(&out)
    );
    tree.write(
        "policies/team_test.rego",
        CUSTOM_TESTS.replace("count(deny) == 0", "count(deny) == 3"),
    );
    let out = tree.rampart(&["policy", "test", "policies"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("FAIL acme.team_label.test_labelled_is_allowed"));

    tree.write(
        "policies/broken.rego",
        "package acme.broken\n\ndeny contains x if {\n",
    );
    let out = tree.rampart(&[
        "scan",
        "--scanners",
        "misconfig",
        "--policy",
        "policies",
        ".",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("broken.rego"), "{}", stderr(&out));
}

#[test]
fn syntax_errors_are_reported_and_other_files_still_checked() {
    let tree = Tree::new();
    tree.write("k8s/web.yaml", DEPLOYMENT);
    tree.write(
        "k8s/bad.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata: {name: x\n",
    );
    tree.write("Dockerfile", "FROM alpine:3.19\nRUN [\"unterminated\n");
    let (code, report, _) = scan(&tree, &["--strict"]);
    assert_eq!(code, 3);
    let errors: Vec<String> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap().to_string())
        .collect();
    assert!(errors.contains(&"k8s/bad.yaml".to_string()), "{errors:?}");
    assert!(errors.contains(&"Dockerfile".to_string()), "{errors:?}");
    assert!(hits(&report).iter().any(|h| h.0 == "k8s/web.yaml"));
}

#[test]
fn misconfig_rules_are_listed_and_explained() {
    let tree = Tree::new();
    let out = tree.rampart(&["rules", "list", "--scanner", "misconfig", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rules: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules = rules.as_array().unwrap();
    assert!(!rules.is_empty());
    let id = rules[0]["id"].as_str().unwrap();
    let out = tree.rampart(&["rules", "explain", id]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains(id));
}
