//! CloudFormation templates (YAML with short-form tags, JSON) and Compose files through the
//! `misconfig` scanner, checked by small user policies written here so that the tests do not
//! depend on the built-in library's content.

use serde_json::Value;

use super::support::{Tree, hits, stderr, stdout};

const WEB_TEMPLATE: &str = include_str!("../fixtures/misconfig/cloudformation-web.yaml");
const QUEUE_TEMPLATE: &str = include_str!("../fixtures/misconfig/cloudformation-queue.json");
const COMPOSE: &str = include_str!("../fixtures/misconfig/docker-compose.yml");

/// Buckets without default encryption; the message does not name the bucket.
const BUCKET_POLICY: &str = r#"# METADATA
# id: acme-bucket-encryption
# title: Bucket without default encryption
# severity: medium
# kinds: [cloudformation]
# description: Every bucket sets BucketEncryption, so that nothing lands unencrypted by mistake.
# remediation: Add BucketEncryption with an SSE-KMS or SSE-S3 rule.
# references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html]
package acme.bucket_encryption

deny contains result if {
    some r in input.resources
    r.type == "AWS::S3::Bucket"
    not r.values.BucketEncryption
    result := {"msg": "no default encryption", "line": r.__line__, "end_line": r.__end_line__}
}
"#;

/// SSH open to the world; resolved from a parameter default. The message names the resource.
const SSH_POLICY: &str = r#"# METADATA
# id: acme-ssh-world
# title: SSH open to the internet
# severity: high
# kinds: [cloudformation]
# description: A security group admits SSH from any address.
# remediation: Restrict CidrIp to an administration range.
# references: [https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html]
package acme.ssh_world

deny contains result if {
    some r in input.resources
    r.type == "AWS::EC2::SecurityGroup"
    some rule in r.values.SecurityGroupIngress
    rule.FromPort <= 22
    rule.ToPort >= 22
    rule.CidrIp == "0.0.0.0/0"
    result := {"msg": sprintf("%s allows SSH from anywhere", [r.name]), "line": rule.__line__, "end_line": rule.__end_line__}
}
"#;

/// Queues without KMS encryption, and queues whose dead-letter target is not a known resource.
const QUEUE_POLICY: &str = r#"# METADATA
# id: acme-queue-checks
# title: Queue without encryption or with a dead-letter queue outside the template
# severity: low
# kinds: [cloudformation]
# description: Queues are encrypted, and their dead-letter queue is defined beside them.
# remediation: Set KmsMasterKeyId; define the dead-letter queue in the same template.
# references: [https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/]
package acme.queue_checks

deny contains result if {
    some r in input.resources
    r.type == "AWS::SQS::Queue"
    not r.values.KmsMasterKeyId
    result := {"msg": "queue is not encrypted", "line": r.__line__, "end_line": r.__end_line__}
}

deny contains result if {
    some r in input.resources
    target := r.values.RedrivePolicy.deadLetterTargetArn
    not target.__refs__[0] in {q.ref | some q in input.resources; q.type == "AWS::SQS::Queue"}
    result := {"msg": "dead-letter queue outside the template", "line": r.__line__, "end_line": r.__end_line__}
}
"#;

/// Privileged Compose services; the message does not name the service.
const COMPOSE_POLICY: &str = r#"# METADATA
# id: acme-compose-privileged
# title: Privileged Compose service
# severity: high
# kinds: [compose]
# description: A service runs privileged.
# remediation: Remove privileged; add only the capabilities needed.
# references: [https://docs.docker.com/reference/compose-file/services/#privileged]
package acme.compose_privileged

deny contains result if {
    some name, s in input.services
    is_object(s)
    s.privileged == true
    result := {"msg": "runs privileged", "line": s.__line__, "end_line": s.__end_line__}
}
"#;

const BROKEN_TEMPLATE: &str = "AWSTemplateFormatVersion: \"2010-09-09\"
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties: {BucketName: [a, b}
";

fn tree() -> Tree {
    let tree = Tree::new();
    tree.write("policies/bucket.rego", BUCKET_POLICY);
    tree.write("policies/ssh.rego", SSH_POLICY);
    tree.write("policies/queue.rego", QUEUE_POLICY);
    tree.write("policies/compose.rego", COMPOSE_POLICY);
    tree
}

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
        "--strict",
        ".",
    ]);
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", stdout(&out), stderr(&out)));
    (out.status.code().unwrap_or(-1), report, stderr(&out))
}

/// `(rule, path, line)` of the findings of this file's policies, sorted.
fn ours(report: &Value) -> Vec<(String, String, u64)> {
    let mut found: Vec<_> = hits(report)
        .into_iter()
        .filter(|(rule, _, _)| rule.starts_with("acme-"))
        .collect();
    found.sort();
    found
}

fn message(report: &Value, rule: &str, path: &str) -> String {
    let findings = report["findings"].as_array().expect("findings");
    let finding = findings
        .iter()
        .find(|f| f["rule_id"] == rule && f["location"]["path"] == path)
        .unwrap_or_else(|| panic!("no {rule} in {path}: {report:#}"));
    finding["message"].as_str().unwrap_or_default().to_owned()
}

fn hit(rule: &str, path: &str, line: u64) -> (String, String, u64) {
    (rule.to_owned(), path.to_owned(), line)
}

#[test]
fn templates_are_checked_and_syntax_errors_reported() {
    let tree = tree();
    tree.write("infra/web.yaml", WEB_TEMPLATE);
    tree.write("infra/queue.json", QUEUE_TEMPLATE);
    tree.write("infra/queue.template", QUEUE_TEMPLATE);
    tree.write("infra/broken.yaml", BROKEN_TEMPLATE);
    // JSON without a template marker is not read, even when malformed.
    tree.write(
        "package.json",
        "{\"name\": \"web\", \"version\": \"1.0.0\"}\n",
    );
    tree.write("data/broken.json", "{\"a\": [1, 2}\n");
    tree.write("notes.template", "Hello {{ name }}: Resources: none\n");
    let (code, report, err) = scan(&tree);
    assert_eq!(code, 3, "{err}");

    assert_eq!(
        ours(&report),
        vec![
            hit("acme-bucket-encryption", "infra/web.yaml", 31),
            hit("acme-queue-checks", "infra/queue.json", 8),
            hit("acme-queue-checks", "infra/queue.template", 8),
            hit("acme-ssh-world", "infra/web.yaml", 67),
        ],
        "{report:#}"
    );
    // Messages name the resource: the analyzer adds it where the policy did not.
    assert_eq!(
        message(&report, "acme-bucket-encryption", "infra/web.yaml"),
        "AWS::S3::Bucket AccessLogs: no default encryption"
    );
    assert_eq!(
        message(&report, "acme-ssh-world", "infra/web.yaml"),
        "WebSecurityGroup allows SSH from anywhere"
    );
    assert_eq!(
        message(&report, "acme-queue-checks", "infra/queue.json"),
        "AWS::SQS::Queue OrdersDeadLetter: queue is not encrypted"
    );
    let finding = report["findings"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["rule_id"] == "acme-bucket-encryption"))
        .expect("finding");
    assert_eq!(finding["location"]["end_line"], 42);

    let errors = report["errors"].as_array().expect("errors");
    let paths: Vec<&str> = errors.iter().filter_map(|e| e["path"].as_str()).collect();
    assert_eq!(paths, ["infra/broken.yaml"], "{errors:#?}");
    let error = errors[0]["message"].as_str().unwrap_or_default();
    assert!(error.starts_with("5:"), "{error}");
}

#[test]
fn compose_files_are_checked() {
    let tree = tree();
    tree.write("docker-compose.yml", COMPOSE);
    // Not a compose file by name, but by content.
    tree.write("deploy/stack.yaml", COMPOSE);
    tree.write(
        "deploy/compose.override.yaml",
        "services:\n  web:\n    image: [\n",
    );
    let (code, report, err) = scan(&tree);
    assert_eq!(code, 3, "{err}");
    assert_eq!(
        ours(&report),
        vec![
            hit("acme-compose-privileged", "deploy/stack.yaml", 17),
            hit("acme-compose-privileged", "docker-compose.yml", 17),
        ],
        "{report:#}"
    );
    assert_eq!(
        message(&report, "acme-compose-privileged", "docker-compose.yml"),
        "service api: runs privileged"
    );
    let errors = report["errors"].as_array().expect("errors");
    let paths: Vec<&str> = errors.iter().filter_map(|e| e["path"].as_str()).collect();
    assert_eq!(paths, ["deploy/compose.override.yaml"], "{errors:#?}");
}
