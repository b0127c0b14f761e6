# Input builders for the AWS network, IAM, compute and logging policy tests, and tests of the
# helpers in lib_iam.rego.
package rampart.aws.lib_iam

# A Terraform root-module document.
tf(resources) := {"kind": "terraform", "resources": resources}

# A CloudFormation template document.
cfn(resources) := {"kind": "cloudformation", "resources": resources}

# A managed Terraform resource spanning lines `line`..`line + 9`, with `values` as given.
tf_res(type, name, line, values) := {
	"address": sprintf("%s.%s", [type, name]),
	"ref": sprintf("%s.%s", [type, name]),
	"mode": "managed",
	"type": type,
	"name": name,
	"module": "",
	"file": "main.tf",
	"__line__": line,
	"__end_line__": line + 9,
	"values": object.union({"__line__": line, "__end_line__": line + 9}, values),
}

# A Terraform data source.
tf_data(type, name, line, values) := object.union(tf_res(type, name, line, values), {
	"address": sprintf("data.%s.%s", [type, name]),
	"ref": sprintf("data.%s.%s", [type, name]),
	"mode": "data",
})

# A nested block (or object) at `line`, three lines long.
block(line, values) := object.union({"__line__": line, "__end_line__": line + 3}, values)

# A CloudFormation resource with logical id `name` and `props` as its Properties.
cfn_res(type, name, line, props) := {
	"address": name,
	"ref": name,
	"mode": "managed",
	"type": type,
	"name": name,
	"module": "",
	"file": "template.yaml",
	"__line__": line,
	"__end_line__": line + 9,
	"values": object.union({"__line__": line + 2, "__end_line__": line + 9}, props),
}

# An unknown marker referring to `refs`.
unknown(text, refs) := {"__unknown__": text, "__refs__": refs}

# A reference to `.id` of a Terraform resource (`aws_vpc.main.id`).
tf_ref(ref) := unknown(sprintf("%s.id", [ref]), [ref])

# A reference to `.json` of an `aws_iam_policy_document` data source named `name`.
doc_ref(name) := unknown(sprintf("data.aws_iam_policy_document.%s.json", [name]), [sprintf("data.aws_iam_policy_document.%s", [name])])

# A CloudFormation `!Ref` of a resource.
cfn_ref(name) := unknown(sprintf("Ref %s", [name]), [name])

# A JSON policy document (as `jsonencode` writes it) with the given statements.
json_doc(sts) := json.marshal({"Version": "2012-10-17", "Statement": sts})

# An `aws_iam_policy_document` statement block.
tf_stmt(line, values) := block(line, values)

# ---------------------------------------------------------------------------------------------

test_glob_matching_is_case_insensitive if {
	action_matches("iam:*", "iam:PassRole")
	action_matches("IAM:pass*", "iam:PassRole")
	action_matches("*", "ec2:RunInstances")
	action_matches("iam:?assRole", "iam:PassRole")
	not action_matches("iam:Pass", "iam:PassRole")
	not action_matches("s3:*", "iam:PassRole")
	not action_matches("iam:Get*", "iam:PassRole")
	not action_matches("${var.x}", "iam:PassRole")
}

test_json_statement_forms if {
	sts := statements(`{"Statement": {"Effect": "Allow", "Action": "iam:*", "Resource": "*"}}`)
	count(sts) == 1
	sts[0].effect == "Allow"
	sts[0].action.values == ["iam:*"]
	granted(sts, "iam:PassRole")
	sts2 := statements({"Statement": [
		{"Effect": "Allow", "NotAction": ["iam:*"], "Resource": "*", "__line__": 3},
		{"Effect": "Deny", "Action": "lambda:*", "Resource": "*"},
	]})
	count(sts2) == 2
	granted(sts2, "ec2:RunInstances")
	not granted(sts2, "iam:PassRole")
	not granted(sts2, "lambda:UpdateFunctionCode")
}

test_placeholders_and_unknowns_are_not_known_values if {
	sts := statements(json_doc([{"Effect": "Allow", "Action": ["iam:PassRole", "${var.extra}"], "Resource": "${aws_iam_role.app.arn}"}]))
	sts[0].action.unknown
	sts[0].resource.unknown
	not granted(sts, "iam:PassRole")
	not statements(unknown("var.policy", []))
	not statements("{not json")
}

test_policy_document_data_source if {
	d := tf_data("aws_iam_policy_document", "ci", 1, {"statement": [
		tf_stmt(2, {"actions": ["iam:PassRole", "ec2:RunInstances"], "resources": ["*"]}),
		tf_stmt(6, {"effect": "Deny", "actions": ["ec2:RunInstances"], "resources": ["*"], "condition": [block(8, {"test": "StringNotEquals", "variable": "aws:RequestedRegion", "values": ["eu-west-1"]})]}),
	]})
	sts := statements(doc_ref("ci")) with input as tf([d])
	count(sts) == 2
	sts[0].effect == "Allow"
	sts[1].conditioned
	granted(sts, "ec2:RunInstances")
}

test_policy_document_with_source_documents if {
	base := tf_data("aws_iam_policy_document", "base", 1, {"statement": [tf_stmt(2, {"actions": ["*"], "resources": ["*"]})]})
	d := tf_data("aws_iam_policy_document", "ci", 20, {"source_policy_documents": [doc_ref("base")], "statement": [tf_stmt(22, {"actions": ["s3:GetObject"], "resources": ["*"]})]})
	sts := statements(doc_ref("ci")) with input as tf([base, d])
	count(sts) == 2
	full_admin(sts)
	over := tf_data("aws_iam_policy_document", "over", 40, {"override_policy_documents": [doc_ref("base")], "statement": []})
	not statements(doc_ref("over")) with input as tf([base, over])
}

test_trust_principals if {
	sts := statements({"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"]}, "Action": "sts:AssumeRole"}]})
	public_statement(sts[0])
	sts2 := statements({"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}}]})
	not public_statement(sts2[0])
	sts3 := statements({"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
	not public_statement(sts3[0])
}

test_security_group_rules_are_normalized if {
	sg := tf_res("aws_security_group", "web", 1, {"ingress": [block(3, {"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": ["::/0"]})]})
	rule := tf_res("aws_vpc_security_group_ingress_rule", "ssh", 20, {"ip_protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ipv4": "0.0.0.0/0"})
	xs := ingress_rules with input as tf([sg, rule])
	count(xs) == 2
	some x in xs
	x.res.name == "web"
	all_ports(x)
	count(public_cidrs(x)) == 2
	some y in xs
	y.res.name == "ssh"
	opens_port(y, 22, false)
	not all_ports(y)
}
