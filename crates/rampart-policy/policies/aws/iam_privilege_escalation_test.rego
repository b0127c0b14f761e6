package rampart.aws.iam_privilege_escalation

import data.rampart.aws.lib_iam as t

test_escalation_paths_are_denied if {
	passrole := t.tf_res("aws_iam_policy", "launcher", 1, {"policy": t.json_doc([
		{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"},
		{"Effect": "Allow", "Action": ["ec2:RunInstances", "ec2:Describe*"], "Resource": "*"},
	])})
	d := t.tf_data("aws_iam_policy_document", "ci", 20, {"statement": [t.tf_stmt(21, {"actions": ["iam:Attach*"], "resources": ["arn:aws:iam::*:role/*"]})]})
	rp := t.tf_res("aws_iam_role_policy", "ci", 40, {"policy": t.doc_ref("ci")})
	user := t.tf_res("aws_iam_user_policy", "keys", 60, {"policy": t.json_doc([{"Effect": "Allow", "Action": "iam:createaccesskey", "Resource": "*"}])})
	r := deny with input as t.tf([passrole, d, rp, user])
	count(r) == 3
	{x.line | some x in r} == {1, 40, 60}
	some x in r
	x.line == 40
	contains(x.msg, "iam:AttachUserPolicy")
}

test_cloudformation_escalation_is_denied if {
	role := t.cfn_res("AWS::IAM::Role", "Builder", 5, {"Policies": [t.block(12, {"PolicyName": "build", "PolicyDocument": {"Statement": [
		{"Effect": "Allow", "Action": ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"], "Resource": "*"},
	]}})]})
	r := deny with input as t.cfn([role])
	count(r) == 1
	[x.line | some x in r] == [12]
}

test_denied_scoped_and_notaction_cases if {
	# Deny removes the grant; PassRole on one role ARN is not counted; NotAction excludes IAM.
	p := t.tf_res("aws_iam_policy", "guarded", 1, {"policy": t.json_doc([
		{"Effect": "Allow", "Action": "iam:*", "Resource": "*"},
		{"Effect": "Deny", "NotAction": ["iam:Get*", "iam:List*"], "Resource": "*"},
	])})
	scoped := t.tf_res("aws_iam_policy", "scoped", 20, {"policy": t.json_doc([
		{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/app"},
		{"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*"},
	])})
	power := t.tf_res("aws_iam_policy", "power", 40, {"policy": t.json_doc([
		{"Effect": "Allow", "NotAction": ["iam:*", "lambda:*"], "Resource": "*"},
	])})
	readonly := t.tf_res("aws_iam_policy", "ro", 60, {"policy": t.json_doc([{"Effect": "Allow", "Action": ["iam:Get*", "iam:List*", "sts:AssumeRole"], "Resource": "*"}])})
	count(deny) == 0 with input as t.tf([p, scoped, power, readonly])
}

test_notaction_allow_grants_escalation if {
	power := t.tf_res("aws_iam_policy", "power", 40, {"policy": t.json_doc([{"Effect": "Allow", "NotAction": ["iam:*"], "Resource": "*"}])})
	r := deny with input as t.tf([power])
	count(r) == 1
	some x in r
	contains(x.msg, "lambda:UpdateFunctionCode")
}
