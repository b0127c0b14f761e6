package rampart.aws.rds_deletion_protection_disabled

import data.rampart.aws.lib_data as t

test_unprotected_databases_are_denied if {
	a := t.tf_res("aws_db_instance", "app", 1, {"engine": "postgres"})
	c := t.tf_res("aws_rds_cluster", "aurora", 20, {"engine": "aurora-mysql", "deletion_protection": false, "__spans__": {"deletion_protection": [26, 26]}})
	r := deny with input as t.tf([a, c])
	count(r) == 2
	{x.line | some x in r} == {1, 26}
	count(deny) == 1 with input as t.cfn([t.cfn_res("AWS::RDS::DBCluster", "Cluster", 5, {"Engine": "aurora-mysql"})])
}

test_protected_databases_are_allowed if {
	a := t.tf_res("aws_db_instance", "app", 1, {"engine": "postgres", "deletion_protection": true})
	replica := t.tf_res("aws_db_instance", "replica", 20, {"replicate_source_db": "app"})
	member := t.tf_res("aws_db_instance", "member", 40, {"engine": "aurora-mysql"})
	u := t.tf_res("aws_rds_cluster", "c", 60, {"engine": "aurora-mysql", "deletion_protection": t.unknown("var.protect", [])})
	count(deny) == 0 with input as t.tf([a, replica, member, u])
	c := t.cfn_res("AWS::RDS::DBCluster", "Cluster", 5, {"DeletionProtection": "true"})
	i := t.cfn_res("AWS::RDS::DBInstance", "Member", 20, {"DBClusterIdentifier": t.cfn_ref("Cluster")})
	count(deny) == 0 with input as t.cfn([c, i])
}
