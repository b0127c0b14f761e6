package rampart.aws.iam_role_trust_any_principal

import data.rampart.aws.lib_iam as t

test_public_trust_policies_are_denied if {
	a := t.tf_res("aws_iam_role", "open", 1, {"assume_role_policy": t.json_doc([{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]), "__spans__": {"assume_role_policy": [2, 8]}})
	d := t.tf_data("aws_iam_policy_document", "trust", 20, {"statement": [t.tf_stmt(21, {"actions": ["sts:AssumeRole"], "principals": [t.block(23, {"type": "*", "identifiers": ["*"]})]})]})
	b := t.tf_res("aws_iam_role", "doc", 40, {"assume_role_policy": t.doc_ref("trust")})
	r := deny with input as t.tf([a, d, b])
	count(r) == 2
	{x.line | some x in r} == {2, 40}
}

test_cloudformation_public_trust_policy_is_denied if {
	role := t.cfn_res("AWS::IAM::Role", "Open", 5, {"AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": ["sts:AssumeRole"]}]}})
	r := deny with input as t.cfn([role])
	count(r) == 1
}

test_named_or_conditioned_principals_are_allowed if {
	a := t.tf_res("aws_iam_role", "ec2", 1, {"assume_role_policy": t.json_doc([{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}])})
	b := t.tf_res("aws_iam_role", "org", 20, {"assume_role_policy": t.json_doc([{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}])})
	d := t.tf_data("aws_iam_policy_document", "trust", 40, {"statement": [t.tf_stmt(41, {"actions": ["sts:AssumeRole"], "principals": [t.block(43, {"type": "AWS", "identifiers": ["*"]})], "condition": [t.block(47, {"test": "StringEquals", "variable": "sts:ExternalId", "values": ["x"]})]})]})
	c := t.tf_res("aws_iam_role", "ext", 60, {"assume_role_policy": t.doc_ref("trust")})
	u := t.tf_res("aws_iam_role", "unknown", 80, {"assume_role_policy": t.unknown("var.trust", [])})
	count(deny) == 0 with input as t.tf([a, b, d, c, u])
}
