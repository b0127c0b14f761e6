package rampart.aws.ebs_default_encryption_disabled

import data.rampart.aws.lib_data as t

test_disabled_default_encryption_is_denied if {
	d := t.tf_res("aws_ebs_encryption_by_default", "this", 1, {"enabled": false, "__spans__": {"enabled": [2, 2]}})
	r := deny with input as t.tf([d])
	count(r) == 1
	[x.line | some x in r] == [2]
}

test_enabled_default_encryption_is_allowed if {
	count(deny) == 0 with input as t.tf([t.tf_res("aws_ebs_encryption_by_default", "this", 1, {"enabled": true})])
	count(deny) == 0 with input as t.tf([t.tf_res("aws_ebs_encryption_by_default", "this", 1, {})])
	count(deny) == 0 with input as t.tf([t.tf_res("aws_ebs_encryption_by_default", "this", 1, {"enabled": t.unknown("var.ebs_encryption", [])})])
}
