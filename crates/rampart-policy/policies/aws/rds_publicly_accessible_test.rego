package rampart.aws.rds_publicly_accessible

import data.rampart.aws.lib_data as t

test_public_databases_are_denied if {
	a := t.tf_res("aws_db_instance", "app", 1, {"engine": "postgres", "publicly_accessible": true, "__spans__": {"publicly_accessible": [5, 5]}})
	b := t.tf_res("aws_rds_cluster_instance", "member", 20, {"publicly_accessible": true})
	r := deny with input as t.tf([a, b])
	count(r) == 2
	{x.line | some x in r} == {5, 20}
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::RDS::DBInstance", "Db", 5, {"PubliclyAccessible": "true"})])
}

test_private_databases_are_allowed if {
	a := t.tf_res("aws_db_instance", "app", 1, {"engine": "postgres", "publicly_accessible": false})
	b := t.tf_res("aws_db_instance", "default", 20, {"engine": "postgres"})
	c := t.tf_res("aws_db_instance", "maybe", 40, {"engine": "postgres", "publicly_accessible": t.unknown("var.public", [])})
	count(deny) == 0 with input as t.tf([a, b, c])
	count(deny) == 0 with input as t.cfn([t.cfn_res("AWS::RDS::DBInstance", "Db", 5, {"PubliclyAccessible": false})])
}
