package rampart.aws.rds_backup_retention

import data.rampart.aws.lib_data as t

test_short_retention_is_denied if {
	a := t.tf_res("aws_db_instance", "app", 1, {"engine": "postgres"})
	b := t.tf_res("aws_db_instance", "none", 20, {"engine": "mysql", "backup_retention_period": 0, "__spans__": {"backup_retention_period": [25, 25]}})
	c := t.tf_res("aws_rds_cluster", "aurora", 40, {"engine": "aurora-mysql", "backup_retention_period": 3})
	r := deny with input as t.tf([a, b, c])
	count(r) == 3
	{x.line | some x in r} == {1, 25, 40}
	some x in r
	x.line == 25
	contains(x.msg, "backup_retention_period is 0;")
}

test_cloudformation_short_retention_is_denied if {
	a := t.cfn_res("AWS::RDS::DBInstance", "Db", 5, {"Engine": "postgres", "BackupRetentionPeriod": "1"})
	c := t.cfn_res("AWS::RDS::DBCluster", "Cluster", 20, {"Engine": "aurora-mysql"})
	r := deny with input as t.cfn([a, c])
	count(r) == 2
}

test_week_of_backups_is_allowed if {
	a := t.tf_res("aws_db_instance", "app", 1, {"engine": "postgres", "backup_retention_period": 7})
	replica := t.tf_res("aws_db_instance", "replica", 20, {"replicate_source_db": "app", "backup_retention_period": 0})
	member := t.tf_res("aws_db_instance", "member", 40, {"engine": "aurora-postgresql"})
	unknown := t.tf_res("aws_rds_cluster", "c", 60, {"engine": "aurora-postgresql", "backup_retention_period": t.unknown("var.retention", [])})
	count(deny) == 0 with input as t.tf([a, replica, member, unknown])
	c := t.cfn_res("AWS::RDS::DBCluster", "Cluster", 20, {"Engine": "aurora-mysql", "BackupRetentionPeriod": 35})
	i := t.cfn_res("AWS::RDS::DBInstance", "Member", 40, {"Engine": "aurora-mysql", "DBClusterIdentifier": t.cfn_ref("Cluster")})
	count(deny) == 0 with input as t.cfn([c, i])
}
