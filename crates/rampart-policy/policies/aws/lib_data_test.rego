# Input builders for the AWS data-store policy tests, and tests of the helpers in lib_data.rego.
package rampart.aws.lib_data

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

# A nested block (or object) at `line`, one line long per key.
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

# A reference to `.id` of a Terraform resource (`aws_s3_bucket.logs.id`).
tf_ref(ref) := unknown(sprintf("%s.id", [ref]), [ref])

# A CloudFormation `!Ref` of a resource.
cfn_ref(name) := unknown(sprintf("Ref %s", [name]), [name])

# ---------------------------------------------------------------------------------------------

# (Test resources are local variables: regorus mishandles a rule used both as an argument and
# inside `with input as`.)
test_attached_by_reference_and_by_name if {
	bucket := tf_res("aws_s3_bucket", "data", 1, {"bucket": "acme-data"})
	other := tf_res("aws_s3_bucket", "other", 20, {"bucket": "acme-other"})
	by_ref := tf_res("aws_s3_bucket_versioning", "a", 40, {"bucket": tf_ref("aws_s3_bucket.data")})
	by_name := tf_res("aws_s3_bucket_versioning", "b", 50, {"bucket": "acme-data"})
	elsewhere := tf_res("aws_s3_bucket_versioning", "c", 60, {"bucket": tf_ref("aws_s3_bucket.other")})
	doc := tf([bucket, other, by_ref, by_name, elsewhere])
	count(attached("aws_s3_bucket_versioning", "bucket", bucket, "bucket")) == 2 with input as doc
	not attachment_unclear("aws_s3_bucket_versioning", "bucket", bucket, "bucket") with input as doc
}

test_attachment_through_a_variable_is_unclear if {
	bucket := tf_res("aws_s3_bucket", "data", 1, {"bucket": "acme-data"})
	v := tf_res("aws_s3_bucket_versioning", "a", 40, {"bucket": unknown("var.bucket", [])})
	attachment_unclear("aws_s3_bucket_versioning", "bucket", bucket, "bucket") with input as tf([bucket, v])
}

test_policy_statements_from_json_and_documents if {
	p := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"},{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`
	sts := policy_statements(p)
	count(sts) == 2
	public_allow(sts[0])
	denies_insecure_transport(sts[1])
	d := tf_data("aws_iam_policy_document", "p", 70, {"statement": [block(71, {
		"actions": ["s3:*"],
		"principals": [block(72, {"type": "*", "identifiers": ["*"]})],
		"condition": [block(74, {"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]})],
		"effect": "Deny",
	})]})
	ds := policy_statements(unknown("data.aws_iam_policy_document.p.json", ["data.aws_iam_policy_document.p"])) with input as tf([d])
	count(ds) == 1
	denies_insecure_transport(ds[0])
	not public_allow(ds[0])
}

test_unreadable_policies_have_no_statements if {
	not policy_statements("{not json")
	not policy_statements(unknown("file(\"policy.json\")", []))
	d := tf_data("aws_iam_policy_document", "p", 70, {"source_policy_documents": [unknown("x", [])], "statement": []})
	not policy_statements(unknown("data.aws_iam_policy_document.p.json", ["data.aws_iam_policy_document.p"])) with input as tf([d])
}

test_unreadable_conditions_count_as_conditions if {
	placeholder := `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":"${local.org_condition}"}]}`
	sts := policy_statements(placeholder)
	count(sts) == 1
	not public_allow(sts[0])
	cfn_if := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": unknown("Fn::If IsProd", [])}]}
	not public_allow(policy_statements(cfn_if)[0])
	empty := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"__line__": 3, "__end_line__": 3}}]}
	public_allow(policy_statements(empty)[0])
}

test_documents_with_unknown_statements_are_unreadable if {
	not policy_statements({"Statement": [{"Effect": "Allow", "Principal": "*"}, unknown("Fn::If IsProd", [])]})
}
