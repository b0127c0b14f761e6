//! Terraform: modules evaluated from the binary (variables, tfvars, count, local modules),
//! plans, findings in the file that holds the resource, inline suppression in module files,
//! and bad input (syntax errors, remote modules, cycles).

use serde_json::Value;

use super::support::{Tree, stderr, stdout};

/// A user policy, so these tests do not depend on the built-in library's content.
const POLICY: &str = r#"# METADATA
# id: acme-public-bucket
# title: Public bucket ACL
# severity: high
# kinds: [terraform]
# description: Buckets must not be readable by everyone.
# remediation: Use a private ACL.
package acme.public_bucket

import data.rampart.cloud.lib

deny contains r if {
	some b in lib.managed("aws_s3_bucket")
	v := lib.values(b)
	v.acl in {"public-read", "public-read-write"}
	r := lib.attr_result(b, v, "acl", sprintf("%s has ACL %s", [lib.describe(b), v.acl]))
}

deny contains r if {
	some b in lib.managed("aws_s3_bucket")
	not lib.has(lib.values(b), "acl")
	not guarded(b)
	r := lib.result(b, sprintf("%s has no ACL and no public access block", [lib.describe(b)]))
}

guarded(b) if {
	some p in lib.managed("aws_s3_bucket_public_access_block")
	lib.points_at(lib.values(p).bucket, b, "bucket")
}
"#;

const ROOT: &str = r#"variable "acl" {
  default = "private"
}

resource "aws_s3_bucket" "assets" {
  count  = 2
  bucket = "assets-${count.index}"
  acl    = var.acl
}

module "logs" {
  source = "./modules/logs"
  acl    = "public-read-write"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}
"#;

const MODULE: &str = r#"variable "acl" {
  default = "private"
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs"
  acl    = var.acl
}

resource "aws_s3_bucket" "guarded" {
  bucket = "guarded"
}

resource "aws_s3_bucket_public_access_block" "guarded" {
  bucket = aws_s3_bucket.guarded.id
}

resource "aws_s3_bucket" "quiet" { # rampart:ignore acme-public-bucket reviewed, served by CDN
  bucket = "quiet"
}
"#;

fn scan(tree: &Tree) -> (i32, Value, String) {
    let out = tree.rampart(&[
        "scan",
        "--format",
        "json",
        "--no-progress",
        "--scanners",
        "misconfig",
        "--policy",
        "policies",
        "infra",
    ]);
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", stdout(&out), stderr(&out)));
    (out.status.code().unwrap_or(-1), report, stderr(&out))
}

fn acme_hits(report: &Value) -> Vec<(String, u64, String)> {
    let mut out: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "acme-public-bucket")
        .map(|f| {
            (
                f["location"]["path"].as_str().unwrap().to_string(),
                f["location"]["start_line"].as_u64().unwrap(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn modules_tfvars_and_count_are_evaluated_and_findings_name_the_module_file() {
    let tree = Tree::new();
    tree.write("policies/public_bucket.rego", POLICY);
    tree.write("infra/main.tf", ROOT);
    tree.write("infra/terraform.tfvars", "acl = \"public-read\"\n");
    tree.write("infra/modules/logs/main.tf", MODULE);
    let (code, report, err) = scan(&tree);
    assert_eq!(code, 0, "{err}");
    let found = acme_hits(&report);
    assert_eq!(
        found,
        [
            (
                "main.tf".to_string(),
                8,
                "aws_s3_bucket.assets[0] has ACL public-read".to_string()
            ),
            (
                "main.tf".to_string(),
                8,
                "aws_s3_bucket.assets[1] has ACL public-read".to_string()
            ),
            (
                "modules/logs/main.tf".to_string(),
                7,
                "module.logs.aws_s3_bucket.logs has ACL public-read-write".to_string()
            ),
        ],
        "the guarded bucket is linked to its access block by reference; the quiet one is \
         suppressed inline"
    );
    assert_eq!(report["summary"]["suppressed"], 1, "{}", report["summary"]);
    // The registry module is not downloaded: said, not silently skipped.
    let errors = report["errors"].as_array().unwrap();
    assert!(
        errors.iter().any(|e| e["path"] == "main.tf"
            && e["kind"] == "not_checked"
            && e["message"]
                .as_str()
                .unwrap()
                .contains("terraform-aws-modules/vpc/aws")),
        "{errors:#?}"
    );
}

#[test]
fn plans_are_checked_like_configurations() {
    let tree = Tree::new();
    tree.write("policies/public_bucket.rego", POLICY);
    tree.write(
        "infra/plan.json",
        r#"{
  "format_version": "1.2",
  "terraform_version": "1.9.5",
  "planned_values": {
    "root_module": {
      "resources": [
        {
          "address": "aws_s3_bucket.site",
          "mode": "managed",
          "type": "aws_s3_bucket",
          "name": "site",
          "values": {"bucket": "site", "acl": "public-read"}
        }
      ]
    }
  }
}
"#,
    );
    tree.write(
        "infra/package.json",
        "{\"name\": \"not-a-plan\", \"version\": \"1.0.0\"}\n",
    );
    let (code, report, err) = scan(&tree);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        acme_hits(&report),
        [(
            "plan.json".to_string(),
            12,
            "aws_s3_bucket.site has ACL public-read".to_string()
        )]
    );
    assert!(
        report["errors"].as_array().unwrap().is_empty(),
        "{}",
        report["errors"]
    );
}

#[test]
fn broken_files_and_module_cycles_are_errors_and_the_rest_is_checked() {
    let tree = Tree::new();
    tree.write("policies/public_bucket.rego", POLICY);
    tree.write(
        "infra/broken/main.tf",
        "resource \"aws_s3_bucket\" \"b\" {\n  acl = \"public-read\"\n  tags = {\n}\n",
    );
    tree.write(
        "infra/good/main.tf",
        "resource \"aws_s3_bucket\" \"ok\" {\n  acl = \"public-read\"\n}\n",
    );
    tree.write(
        "infra/a/main.tf",
        "module \"b\" {\n  source = \"../b\"\n}\n",
    );
    tree.write(
        "infra/b/main.tf",
        "module \"a\" {\n  source = \"../a\"\n}\nresource \"aws_s3_bucket\" \"in_cycle\" {\n  acl = \"public-read\"\n}\n",
    );
    let (code, report, err) = scan(&tree);
    assert_eq!(code, 0, "{err}");
    let found: Vec<String> = acme_hits(&report).into_iter().map(|h| h.2).collect();
    assert!(
        found.contains(&"aws_s3_bucket.ok has ACL public-read".to_string()),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|m| m.ends_with("aws_s3_bucket.in_cycle has ACL public-read")),
        "{found:?}"
    );
    let errors = report["errors"].as_array().unwrap();
    let broken = errors
        .iter()
        .find(|e| e["path"] == "broken/main.tf")
        .unwrap_or_else(|| panic!("{errors:#?}"));
    assert_eq!(broken["kind"], "parse");
    assert!(
        broken["message"].as_str().unwrap().starts_with("4:"),
        "{broken}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e["message"].as_str().unwrap().contains("cycle")),
        "{errors:#?}"
    );
    // --strict turns "could not check everything" into a failing exit code.
    let out = tree.rampart(&[
        "scan",
        "--no-progress",
        "--scanners",
        "misconfig",
        "--strict",
        "--policy",
        "policies",
        "infra",
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
}
