package rampart.aws.rds_snapshot_public

import data.rampart.aws.lib_data as t

test_public_snapshot_is_denied if {
	s := t.tf_res("aws_db_snapshot", "export", 1, {"db_instance_identifier": "app", "db_snapshot_identifier": "app-export", "shared_accounts": ["all"], "__spans__": {"shared_accounts": [4, 4]}})
	r := deny with input as t.tf([s])
	count(r) == 1
	[x.line | some x in r] == [4]
}

test_private_snapshots_are_allowed if {
	a := t.tf_res("aws_db_snapshot", "a", 1, {"db_instance_identifier": "app", "db_snapshot_identifier": "a"})
	b := t.tf_res("aws_db_snapshot", "b", 20, {"db_instance_identifier": "app", "db_snapshot_identifier": "b", "shared_accounts": ["111122223333"]})
	c := t.tf_res("aws_db_snapshot", "c", 40, {"db_instance_identifier": "app", "db_snapshot_identifier": "c", "shared_accounts": t.unknown("var.accounts", [])})
	count(deny) == 0 with input as t.tf([a, b, c])
}
