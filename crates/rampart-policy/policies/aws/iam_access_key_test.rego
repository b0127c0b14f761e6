package rampart.aws.iam_access_key

import data.rampart.aws.lib_iam as t

test_access_keys_are_denied if {
	k := t.tf_res("aws_iam_access_key", "ci", 1, {"user": t.unknown("aws_iam_user.ci.name", ["aws_iam_user.ci"])})
	r := deny with input as t.tf([k])
	count(r) == 1
	some x in r
	contains(x.msg, "aws_iam_user.ci.name")
	c := t.cfn_res("AWS::IAM::AccessKey", "CiKey", 5, {"UserName": "ci", "Status": "Active"})
	count(deny) == 1 with input as t.cfn([c])
}

test_inactive_keys_and_users_without_keys_are_allowed if {
	k := t.tf_res("aws_iam_access_key", "old", 1, {"user": "ci", "status": "Inactive"})
	u := t.tf_res("aws_iam_user", "ci", 20, {"name": "ci"})
	s := t.tf_res("aws_iam_access_key", "maybe", 40, {"user": "ci", "status": t.unknown("var.status", [])})
	count(deny) == 0 with input as t.tf([k, u, s])
}
