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

const CHART_TEMPLATE: &str = "apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-web
spec:
  template:
    spec:
      containers:
        - name: web
          image: \"{{ .Values.image }}\"
          securityContext:
            privileged: {{ .Values.privileged }}
";

/// A misconfig scan of `tree` with `$RAMPART_HELM` set, so the machine's own helm (if any)
/// never changes the outcome.
fn scan_with_helm(tree: &Tree, helm: &std::path::Path) -> Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rampart"))
        .args([
            "scan",
            "--format",
            "json",
            "--no-progress",
            "--scanners",
            "misconfig",
            ".",
        ])
        .current_dir(tree.path())
        .env("RAMPART_HELM", helm)
        .env("RAMPART_DB_DIR", super::support::NO_DATABASE)
        .env("RAMPART_CACHE_DIR", super::support::test_cache_dir())
        .output()
        .expect("run rampart");
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", stdout(&out), stderr(&out)))
}

fn chart_tree() -> Tree {
    let tree = Tree::new();
    tree.write(
        "shop/Chart.yaml",
        "apiVersion: v2\nname: shop\nversion: 0.1.0\n",
    );
    tree.write("shop/values.yaml", "image: nginx:1.27\nprivileged: true\n");
    tree.write("shop/templates/deployment.yaml", CHART_TEMPLATE);
    tree.write(
        "loose/templates/job.yaml",
        "kind: Job\nmetadata:\n  name: {{ .Values.x }}\n",
    );
    tree
}

#[test]
fn helm_templates_are_never_parsed_as_yaml_and_unrendered_charts_are_reported() {
    let tree = chart_tree();
    let report = scan_with_helm(&tree, std::path::Path::new("/nonexistent/helm"));
    let errors = report["errors"].as_array().unwrap();
    let mut seen: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e["path"].as_str().unwrap(), e["kind"].as_str().unwrap()))
        .collect();
    seen.sort();
    // Without helm (RAMPART_HELM points nowhere) the chart is named as not
    // checked; the template outside any chart too; neither is a YAML parse error.
    assert_eq!(
        seen,
        [
            ("loose/templates/job.yaml", "not_checked"),
            ("shop/Chart.yaml", "not_checked")
        ],
        "{errors:#?}"
    );
}

/// A real helm renders the chart (`scripts/test` installs one and names it in
/// `$RAMPART_TEST_HELM`); the finding points at the template's line.
#[test]
fn rendered_charts_are_checked_and_attributed_to_their_templates() {
    let Some(helm) = std::env::var_os("RAMPART_TEST_HELM") else {
        eprintln!("RAMPART_TEST_HELM is not set: run scripts/test, which installs helm");
        return;
    };
    let tree = chart_tree();
    let report = scan_with_helm(&tree, std::path::Path::new(&helm));
    let found = hits(&report);
    assert!(
        found.contains(&(
            "shop/templates/deployment.yaml".into(),
            "k8s-privileged-container".into(),
            9
        )),
        "{found:?}\n{}",
        report["errors"]
    );
    let errors: Vec<&str> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert_eq!(errors, ["loose/templates/job.yaml"]);

    // With the value off, the same chart renders an unprivileged container: no finding.
    tree.write("shop/values.yaml", "image: nginx:1.27\nprivileged: false\n");
    let report = scan_with_helm(&tree, std::path::Path::new(&helm));
    assert!(
        !hits(&report)
            .iter()
            .any(|(_, rule, _)| rule == "k8s-privileged-container"),
        "{:?}",
        hits(&report)
    );
}

#[test]
fn policy_directories_come_from_the_config_file_and_rules_explain_knows_them() {
    let tree = Tree::new();
    tree.write("policies/team.rego", CUSTOM_POLICY);
    tree.write("k8s/web.yaml", DEPLOYMENT);
    tree.write("rampart.toml", "[misconfig]\npolicies = [\"policies\"]\n");
    let (code, report, err) = scan(&tree, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        hits(&report).contains(&("k8s/web.yaml".into(), "acme-team-label".into(), 4)),
        "{:?}",
        hits(&report)
    );

    let out = tree.rampart(&[
        "rules",
        "explain",
        "acme-team-label",
        "--policy",
        "policies",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Every Deployment must say which team owns it"),
        "{}",
        stdout(&out)
    );
    let out = tree.rampart(&[
        "rules",
        "list",
        "--scanner",
        "misconfig",
        "--policy",
        "policies",
        "--json",
    ]);
    let rules: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        rules
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == "acme-team-label")
    );
    // Without the directory the rule is unknown, and the error says so.
    let out = tree.rampart(&["rules", "explain", "acme-team-label"]);
    assert_ne!(out.status.code(), Some(0));
}
