package rampart.aws.iam_user_direct_policy

import data.rampart.aws.lib_iam as t

test_direct_user_policies_are_denied if {
	up := t.tf_res("aws_iam_user_policy", "deploy", 1, {"user": "deploy", "policy": "{}"})
	ua := t.tf_res("aws_iam_user_policy_attachment", "deploy", 20, {"user": "deploy", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})
	pa := t.tf_res("aws_iam_policy_attachment", "legacy", 40, {"users": ["deploy"], "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})
	r := deny with input as t.tf([up, ua, pa])
	count(r) == 3
	{x.line | some x in r} == {1, 20, 40}
}

test_cloudformation_direct_user_policies_are_denied if {
	u := t.cfn_res("AWS::IAM::User", "Deployer", 5, {"ManagedPolicyArns": ["arn:aws:iam::aws:policy/ReadOnlyAccess"]})
	p := t.cfn_res("AWS::IAM::Policy", "Extra", 30, {"PolicyName": "extra", "Users": [t.cfn_ref("Deployer")], "PolicyDocument": {"Statement": []}})
	r := deny with input as t.cfn([u, p])
	count(r) == 2
	{x.line | some x in r} == {5, 30}
}

test_group_and_role_policies_are_allowed if {
	gp := t.tf_res("aws_iam_group_policy_attachment", "devs", 1, {"group": "devs", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})
	pa := t.tf_res("aws_iam_policy_attachment", "roles", 20, {"users": [], "roles": ["app"], "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})
	count(deny) == 0 with input as t.tf([gp, pa])
	u := t.cfn_res("AWS::IAM::User", "Alice", 5, {"Groups": ["devs"]})
	p := t.cfn_res("AWS::IAM::Policy", "Devs", 30, {"PolicyName": "devs", "Groups": ["devs"], "PolicyDocument": {"Statement": []}})
	count(deny) == 0 with input as t.cfn([u, p])
}
