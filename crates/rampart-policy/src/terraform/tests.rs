use serde_json::{Value, json};

use super::*;

fn documents(files: &[(&str, &str)]) -> (Vec<Value>, Vec<ModuleError>) {
    let collected = TerraformFiles::default();
    for (path, text) in files {
        collected.add(path, text).unwrap();
    }
    collected.documents()
}

fn resources(files: &[(&str, &str)]) -> Vec<Value> {
    let (docs, errors) = documents(files);
    assert!(errors.is_empty(), "{errors:?}");
    docs.iter()
        .flat_map(|d| d["resources"].as_array().cloned().unwrap_or_default())
        .collect()
}

fn find<'a>(resources: &'a [Value], address: &str) -> &'a Value {
    resources
        .iter()
        .find(|r| r["address"] == address)
        .unwrap_or_else(|| panic!("no {address} in {resources:#?}"))
}

#[test]
fn resources_carry_lines_spans_and_nested_blocks() {
    let text = r#"resource "aws_security_group" "web" {
  name = "web"

  ingress {
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port = 443
    to_port   = 443
  }
  tags = { Name = "web" }
}
"#;
    let all = resources(&[("net/main.tf", text)]);
    let sg = find(&all, "aws_security_group.web");
    assert_eq!(sg["file"], "net/main.tf");
    assert_eq!(
        (sg["__line__"].clone(), sg["__end_line__"].clone()),
        (json!(1), json!(14))
    );
    assert_eq!(sg["mode"], "managed");
    assert_eq!(sg["ref"], "aws_security_group.web");
    let values = &sg["values"];
    assert_eq!(values["name"], "web");
    assert_eq!(values["__spans__"]["name"], json!([2, 2]));
    assert_eq!(values["tags"], json!({"Name": "web"}));
    let ingress = values["ingress"].as_array().unwrap();
    assert_eq!(ingress.len(), 2);
    assert_eq!(ingress[0]["cidr_blocks"], json!(["0.0.0.0/0"]));
    assert_eq!(ingress[0]["__line__"], 4);
    assert_eq!(ingress[0]["__end_line__"], 8);
    assert_eq!(ingress[0]["__spans__"]["cidr_blocks"], json!([7, 7]));
    assert_eq!(ingress[1]["from_port"], 443);
}

#[test]
fn variables_take_defaults_then_tfvars_then_auto_tfvars() {
    let main = r#"
variable "acl" { default = "private" }
variable "region" { default = "eu-west-1" }
variable "versioning" {}
variable "name" {}
resource "aws_s3_bucket" "b" {
  bucket = "${var.name}-logs"
  acl    = var.acl
  region = var.region
  on     = var.versioning
}
"#;
    let all = resources(&[
        ("main.tf", main),
        (
            "terraform.tfvars",
            "acl = \"public-read\"\nregion = \"us-east-1\"\n",
        ),
        ("b.auto.tfvars", "region = \"ap-south-1\"\n"),
        ("a.auto.tfvars", "region = \"sa-east-1\"\nname = \"shop\"\n"),
        (
            "other.tfvars",
            "acl = \"ignored: only passed with -var-file\"\n",
        ),
    ]);
    let values = &find(&all, "aws_s3_bucket.b")["values"];
    assert_eq!(values["acl"], "public-read");
    // auto.tfvars in name order, after terraform.tfvars.
    assert_eq!(values["region"], "ap-south-1");
    assert_eq!(values["bucket"], "shop-logs");
    assert!(is_unknown(&values["on"]), "{values}");
    assert_eq!(values["on"][UNKNOWN], "var.versioning");
}

#[test]
fn locals_functions_and_conditionals_evaluate_unknowns_stay_unknown() {
    let main = r#"
variable "env" { default = "prod" }
variable "secret" {}
locals {
  prefix  = "app-${var.env}"
  is_prod = var.env == "prod"
  tags    = merge({ Team = "a" }, { Env = upper(var.env) })
  loop_a  = local.loop_b
  loop_b  = local.loop_a
}
resource "aws_s3_bucket" "b" {
  bucket        = format("%s-%d", local.prefix, 3)
  force_destroy = local.is_prod ? false : true
  tags          = local.tags
  acl           = var.secret == "x" ? "private" : "public-read"
  same          = var.secret == "x" ? "private" : "private"
  loop          = local.loop_a
  joined        = join(",", [for s in ["a", "b"] : upper(s)])
  object_for    = { for k, v in { a = 1, b = 2 } : k => v * 10 if v > 1 }
  length        = length(concat(["a"], ["b", "c"]))
  lookup        = lookup({ a = "x" }, "b", "fallback")
  unknown_fn    = cidrsubnet("10.0.0.0/16", 8, 1)
}
"#;
    let all = resources(&[("main.tf", main)]);
    let v = &find(&all, "aws_s3_bucket.b")["values"];
    assert_eq!(v["bucket"], "app-prod-3");
    assert_eq!(v["force_destroy"], false);
    assert_eq!(v["tags"], json!({"Team": "a", "Env": "PROD"}));
    assert!(
        is_unknown(&v["acl"]),
        "an unknown condition never picks a branch: {v}"
    );
    assert_eq!(v["same"], "private", "both branches agree");
    assert!(
        is_unknown(&v["loop"]),
        "a cycle of locals is unknown, not a hang"
    );
    assert_eq!(v["joined"], "A,B");
    assert_eq!(v["object_for"], json!({"b": 20}));
    assert_eq!(v["length"], 3);
    assert_eq!(v["lookup"], "fallback");
    assert!(is_unknown(&v["unknown_fn"]));
}

#[test]
fn count_and_for_each_expand_when_known() {
    let main = r#"
variable "enabled" { default = false }
variable "n" {}
resource "aws_instance" "web" {
  count = 2
  tags  = { Name = "web-${count.index}" }
}
resource "aws_instance" "off" {
  count = var.enabled ? 1 : 0
}
resource "aws_instance" "unknown" {
  count = var.n
  tags  = { Index = count.index }
}
resource "aws_s3_bucket" "each" {
  for_each = { logs = "private", site = "public-read" }
  bucket   = each.key
  acl      = each.value
}
resource "aws_s3_bucket" "set" {
  for_each = toset(["a"])
  bucket   = each.value
}
"#;
    let all = resources(&[("main.tf", main)]);
    assert_eq!(
        find(&all, "aws_instance.web[1]")["values"]["tags"]["Name"],
        "web-1"
    );
    assert_eq!(find(&all, "aws_instance.web[0]")["ref"], "aws_instance.web");
    assert!(
        !all.iter().any(|r| r["ref"] == "aws_instance.off"),
        "count = 0 creates nothing"
    );
    let unknown_count = find(&all, "aws_instance.unknown");
    assert!(is_unknown(&unknown_count["values"]["tags"]["Index"]));
    assert_eq!(
        find(&all, "aws_s3_bucket.each[\"site\"]")["values"]["acl"],
        "public-read"
    );
    assert_eq!(
        find(&all, "aws_s3_bucket.each[\"logs\"]")["values"]["bucket"],
        "logs"
    );
    assert_eq!(
        find(&all, "aws_s3_bucket.set[\"a\"]")["values"]["bucket"],
        "a"
    );
}

#[test]
fn references_name_resources_and_json_keeps_placeholders() {
    let main = r#"
resource "aws_s3_bucket" "b" {
  bucket = "logs"
}
data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.b.arn}/*"]
  }
}
resource "aws_s3_bucket_public_access_block" "b" {
  bucket = aws_s3_bucket.b.id
}
resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.p.json
}
resource "aws_iam_policy" "inline" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:*", Resource = aws_s3_bucket.b.arn }]
  })
}
resource "aws_iam_policy" "heredoc" {
  policy = <<-EOT
    {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "${aws_s3_bucket.b.arn}"}]}
  EOT
}
"#;
    let all = resources(&[("main.tf", main)]);
    let pab = &find(&all, "aws_s3_bucket_public_access_block.b")["values"]["bucket"];
    assert_eq!(pab[REFS], json!(["aws_s3_bucket.b"]));
    assert_eq!(pab[UNKNOWN], "aws_s3_bucket.b.id");
    let policy = &find(&all, "aws_s3_bucket_policy.b")["values"]["policy"];
    assert_eq!(policy[REFS], json!(["data.aws_iam_policy_document.p"]));
    assert_eq!(find(&all, "data.aws_iam_policy_document.p")["mode"], "data");
    let inline = find(&all, "aws_iam_policy.inline")["values"]["policy"]
        .as_str()
        .unwrap()
        .to_string();
    let parsed: Value = serde_json::from_str(&inline).unwrap();
    assert_eq!(parsed["Statement"][0]["Action"], "s3:*");
    assert_eq!(parsed["Statement"][0]["Resource"], "${aws_s3_bucket.b.arn}");
    let heredoc = find(&all, "aws_iam_policy.heredoc")["values"]["policy"]
        .as_str()
        .unwrap()
        .to_string();
    let parsed: Value = serde_json::from_str(&heredoc).unwrap();
    assert_eq!(parsed["Statement"][0]["Action"], "*");
}

#[test]
fn dynamic_blocks_expand_over_known_collections() {
    let main = r#"
variable "ports" { default = [22, 443] }
variable "later" {}
resource "aws_security_group" "sg" {
  dynamic "ingress" {
    for_each = var.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
  dynamic "egress" {
    for_each = var.later
    iterator = rule
    content {
      from_port = rule.value.port
      cidr_blocks = ["10.0.0.0/8"]
    }
  }
}
"#;
    let all = resources(&[("main.tf", main)]);
    let v = &find(&all, "aws_security_group.sg")["values"];
    let ports: Vec<&Value> = v["ingress"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| &b["from_port"])
        .collect();
    assert_eq!(ports, [&json!(22), &json!(443)]);
    let egress = v["egress"].as_array().unwrap();
    assert_eq!(egress.len(), 1);
    assert!(is_unknown(&egress[0]["from_port"]));
    assert_eq!(egress[0]["cidr_blocks"], json!(["10.0.0.0/8"]));
}

#[test]
fn local_modules_expand_with_inputs_and_outputs() {
    let root = r#"
module "bucket" {
  source = "./modules/bucket"
  name   = "assets"
  acl    = "public-read"
}
module "twice" {
  source = "./modules/bucket"
  count  = 2
  name   = "n${count.index}"
}
resource "aws_s3_bucket_policy" "p" {
  bucket = module.bucket.id
  name   = module.bucket.name
  second = module.twice[1].name
}
module "remote" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.0.0"
}
"#;
    let module = r#"
variable "name" {}
variable "acl" { default = "private" }
resource "aws_s3_bucket" "this" {
  bucket = var.name
  acl    = var.acl
}
output "id" { value = aws_s3_bucket.this.id }
output "name" { value = var.name }
"#;
    let (docs, errors) = documents(&[
        ("env/main.tf", root),
        ("env/modules/bucket/main.tf", module),
    ]);
    assert_eq!(
        docs.len(),
        1,
        "the module directory is checked through its caller only"
    );
    let all = docs[0]["resources"].as_array().unwrap().clone();
    let inner = find(&all, "module.bucket.aws_s3_bucket.this");
    assert_eq!(inner["values"]["acl"], "public-read");
    assert_eq!(inner["module"], "module.bucket");
    assert_eq!(inner["file"], "env/modules/bucket/main.tf");
    assert_eq!(
        find(&all, "module.twice[1].aws_s3_bucket.this")["values"]["acl"],
        "private"
    );
    let policy = &find(&all, "aws_s3_bucket_policy.p")["values"];
    assert_eq!(policy["name"], "assets");
    assert_eq!(policy["second"], "n1");
    assert_eq!(
        policy["bucket"][REFS],
        json!(["module.bucket.aws_s3_bucket.this"])
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].not_checked);
    assert!(
        errors[0]
            .message
            .contains("terraform-aws-modules/s3-bucket/aws"),
        "{}",
        errors[0].message
    );
}

#[test]
fn module_cycles_are_reported_once_and_do_not_loop() {
    let a = "module \"b\" {\n  source = \"../b\"\n}\nresource \"aws_s3_bucket\" \"a\" {}\n";
    let b = "module \"a\" {\n  source = \"../a\"\n}\nresource \"aws_s3_bucket\" \"b\" {}\n";
    let (docs, errors) = documents(&[("a/main.tf", a), ("b/main.tf", b)]);
    assert!(!docs.is_empty());
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("cycle") && !e.not_checked),
        "{errors:?}"
    );
}

#[test]
fn syntax_errors_name_line_and_column() {
    let collected = TerraformFiles::default();
    let error = collected
        .add(
            "broken.tf",
            "resource \"aws_s3_bucket\" \"b\" {\n  acl = \n}\n",
        )
        .unwrap_err();
    assert_eq!(error.line, 2, "{error:?}");
    assert!(error.column >= 1);
    assert!(error.message.contains("HCL"), "{}", error.message);
}

#[test]
fn huge_counts_and_ranges_are_bounded() {
    let main = "resource \"aws_instance\" \"many\" {\n  count = 100000000\n}\nlocals {\n  r = range(1000000000)\n}\nresource \"aws_instance\" \"r\" {\n  n = length(local.r)\n}\n";
    let all = resources(&[("main.tf", main)]);
    assert_eq!(
        all.iter()
            .filter(|r| r["ref"] == "aws_instance.many")
            .count(),
        MAX_INSTANCES
    );
    assert!(is_unknown(&find(&all, "aws_instance.r")["values"]["n"]));
}

#[test]
fn plans_map_planned_values_and_unknowns() {
    let plan = r#"{
  "format_version": "1.2",
  "terraform_version": "1.9.0",
  "planned_values": {
    "root_module": {
      "resources": [
        {
          "address": "aws_s3_bucket.b",
          "mode": "managed",
          "type": "aws_s3_bucket",
          "name": "b",
          "values": {"bucket": "logs", "acl": "public-read"}
        },
        {
          "address": "aws_s3_bucket_public_access_block.b",
          "mode": "managed",
          "type": "aws_s3_bucket_public_access_block",
          "name": "b",
          "values": {"block_public_acls": true}
        }
      ],
      "child_modules": [
        {
          "address": "module.m",
          "resources": [
            {
              "address": "module.m.aws_instance.i[0]",
              "mode": "managed",
              "type": "aws_instance",
              "name": "i",
              "index": 0,
              "values": {"metadata_options": [{"http_tokens": "optional"}]}
            }
          ]
        }
      ]
    }
  },
  "resource_changes": [
    {"address": "aws_s3_bucket_public_access_block.b", "change": {"after_unknown": {"bucket": true}}}
  ],
  "configuration": {
    "root_module": {
      "resources": [
        {
          "address": "aws_s3_bucket_public_access_block.b",
          "expressions": {"bucket": {"references": ["aws_s3_bucket.b.id", "aws_s3_bucket.b"]}}
        }
      ]
    }
  }
}
"#;
    assert!(looks_like_plan(plan));
    assert!(!looks_like_plan(
        "{\"name\": \"package\", \"version\": \"1.0.0\"}"
    ));
    let doc = plan_document("plan.json", plan).unwrap();
    let all = doc["resources"].as_array().unwrap().clone();
    let bucket = find(&all, "aws_s3_bucket.b");
    assert_eq!(bucket["values"]["acl"], "public-read");
    assert_eq!(bucket["__line__"], 7);
    assert_eq!(bucket["file"], "plan.json");
    let pab = find(&all, "aws_s3_bucket_public_access_block.b");
    assert_eq!(pab["values"]["bucket"][REFS], json!(["aws_s3_bucket.b"]));
    let instance = find(&all, "module.m.aws_instance.i[0]");
    assert_eq!(instance["ref"], "module.m.aws_instance.i");
    assert_eq!(instance["module"], "module.m");
    assert_eq!(
        instance["values"]["metadata_options"][0]["http_tokens"],
        "optional"
    );
    assert!(plan_document("p.json", "{\"format_version\": \"1\"}").is_err());
}
