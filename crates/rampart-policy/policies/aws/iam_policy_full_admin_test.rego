package rampart.aws.iam_policy_full_admin

import data.rampart.aws.lib_iam as t

test_admin_policies_are_denied if {
	p := t.tf_res("aws_iam_policy", "admin", 1, {"policy": t.json_doc([{"Effect": "Allow", "Action": "*", "Resource": "*"}]), "__spans__": {"policy": [3, 9]}})
	d := t.tf_data("aws_iam_policy_document", "ops", 20, {"statement": [t.tf_stmt(21, {"actions": ["*"], "resources": ["*"]})]})
	rp := t.tf_res("aws_iam_role_policy", "ops", 40, {"role": "ops", "policy": t.doc_ref("ops")})
	role := t.tf_res("aws_iam_role", "ci", 60, {"assume_role_policy": "{}", "inline_policy": [t.block(64, {"name": "everything", "policy": t.json_doc([{"Effect": "Allow", "Action": ["*:*"], "Resource": ["*"]}])})]})
	r := deny with input as t.tf([p, d, rp, role])
	count(r) == 3
	{x.line | some x in r} == {3, 40, 64}
}

test_cloudformation_admin_policies_are_denied if {
	role := t.cfn_res("AWS::IAM::Role", "Deployer", 5, {"Policies": [t.block(12, {"PolicyName": "all", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}})]})
	mp := t.cfn_res("AWS::IAM::ManagedPolicy", "Admin", 40, {"PolicyDocument": {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}})
	r := deny with input as t.cfn([role, mp])
	count(r) == 2
	{x.line | some x in r} == {12, 42}
}

test_scoped_and_deny_statements_are_allowed if {
	p := t.tf_res("aws_iam_policy", "read", 1, {"policy": t.json_doc([
		{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"},
		{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
		{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::reports/*"},
	])})
	u := t.tf_res("aws_iam_policy", "var", 20, {"policy": t.unknown("var.policy", [])})
	count(deny) == 0 with input as t.tf([p, u])
}
