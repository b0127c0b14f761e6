package rampart.aws.iam_policy_service_wildcard

import data.rampart.aws.lib_iam as t

test_service_wildcards_on_all_resources_are_denied if {
	p := t.tf_res("aws_iam_policy", "app", 1, {"policy": t.json_doc([{"Effect": "Allow", "Action": ["S3:*", "kms:*", "cloudwatch:*"], "Resource": "*"}])})
	d := t.tf_data("aws_iam_policy_document", "ci", 20, {"statement": [t.tf_stmt(21, {"actions": ["iam:*"], "resources": ["*"]})]})
	gp := t.tf_res("aws_iam_group_policy", "devs", 40, {"policy": t.doc_ref("ci")})
	r := deny with input as t.tf([p, d, gp])
	count(r) == 2
	{x.line | some x in r} == {1, 40}
	some x in r
	x.line == 1
	contains(x.msg, "kms:*, s3:*")
}

test_cloudformation_service_wildcard_is_denied if {
	pol := t.cfn_res("AWS::IAM::Policy", "Ci", 5, {"PolicyName": "ci", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["secretsmanager:*"], "Resource": ["*"]}]}})
	r := deny with input as t.cfn([pol])
	count(r) == 1
}

test_scoped_wildcards_and_admin_are_allowed if {
	p := t.tf_res("aws_iam_policy", "app", 1, {"policy": t.json_doc([
		{"Effect": "Allow", "Action": "s3:*", "Resource": ["arn:aws:s3:::uploads", "arn:aws:s3:::uploads/*"]},
		{"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "*"},
		{"Effect": "Deny", "Action": "iam:*", "Resource": "*"},
	])})
	admin := t.tf_res("aws_iam_policy", "admin", 20, {"policy": t.json_doc([{"Effect": "Allow", "Action": ["*", "iam:*"], "Resource": "*"}])})
	count(deny) == 0 with input as t.tf([p, admin])
}
