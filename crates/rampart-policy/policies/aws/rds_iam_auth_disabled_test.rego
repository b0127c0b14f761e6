package rampart.aws.rds_iam_auth_disabled

import data.rampart.aws.lib_data as t

test_password_only_databases_are_denied if {
	a := t.tf_res("aws_db_instance", "app", 1, {"engine": "postgres"})
	c := t.tf_res("aws_rds_cluster", "aurora", 20, {"engine": "aurora-mysql", "iam_database_authentication_enabled": false, "__spans__": {"iam_database_authentication_enabled": [27, 27]}})
	r := deny with input as t.tf([a, c])
	count(r) == 2
	{x.line | some x in r} == {1, 27}
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::RDS::DBInstance", "Db", 5, {"Engine": "MySQL"})])
}

test_iam_auth_and_unsupported_engines_are_allowed if {
	a := t.tf_res("aws_db_instance", "app", 1, {"engine": "postgres", "iam_database_authentication_enabled": true})
	oracle := t.tf_res("aws_db_instance", "erp", 20, {"engine": "oracle-ee"})
	member := t.tf_res("aws_db_instance", "member", 40, {"engine": "aurora-postgresql"})
	unknown_engine := t.tf_res("aws_db_instance", "x", 60, {"engine": t.unknown("var.engine", [])})
	count(deny) == 0 with input as t.tf([a, oracle, member, unknown_engine])
	i := t.cfn_res("AWS::RDS::DBInstance", "Member", 5, {"Engine": "aurora-mysql", "DBClusterIdentifier": "c"})
	c := t.cfn_res("AWS::RDS::DBCluster", "Cluster", 20, {"Engine": "aurora-mysql", "EnableIAMDatabaseAuthentication": true})
	count(deny) == 0 with input as t.cfn([i, c])
}
