package rampart.aws.iam_password_policy_weak

import data.rampart.aws.lib_iam as t

test_weak_password_policies_are_denied if {
	p := t.tf_res("aws_iam_account_password_policy", "this", 1, {"minimum_password_length": 8, "require_symbols": true})
	r := deny with input as t.tf([p])
	count(r) == 1
	some x in r
	contains(x.msg, "minimum_password_length is 8")
	contains(x.msg, "password_reuse_prevention is not set")
}

test_short_reuse_window_is_denied if {
	p := t.tf_res("aws_iam_account_password_policy", "this", 1, {"minimum_password_length": 16, "password_reuse_prevention": 5})
	r := deny with input as t.tf([p])
	count(r) == 1
}

test_strong_or_unknown_policy_is_allowed if {
	p := t.tf_res("aws_iam_account_password_policy", "this", 1, {"minimum_password_length": 14, "password_reuse_prevention": 24})
	count(deny) == 0 with input as t.tf([p])
	q := t.tf_res("aws_iam_account_password_policy", "this", 1, {"minimum_password_length": t.unknown("var.len", []), "password_reuse_prevention": 24})
	count(deny) == 0 with input as t.tf([q])
}
