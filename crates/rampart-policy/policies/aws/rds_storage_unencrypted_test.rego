package rampart.aws.rds_storage_unencrypted

import data.rampart.aws.lib_data as t

test_unencrypted_databases_are_denied if {
	a := t.tf_res("aws_db_instance", "app", 1, {"engine": "postgres", "instance_class": "db.t4g.micro", "allocated_storage": 20})
	b := t.tf_res("aws_db_instance", "legacy", 20, {"engine": "mysql", "storage_encrypted": false, "__spans__": {"storage_encrypted": [24, 24]}})
	c := t.tf_res("aws_rds_cluster", "aurora", 40, {"engine": "aurora-postgresql"})
	r := deny with input as t.tf([a, b, c])
	count(r) == 3
	{x.line | some x in r} == {1, 24, 40}
}

test_cloudformation_unencrypted_databases_are_denied if {
	a := t.cfn_res("AWS::RDS::DBInstance", "Db", 5, {"Engine": "postgres", "StorageEncrypted": "false"})
	c := t.cfn_res("AWS::RDS::DBCluster", "Cluster", 20, {"Engine": "aurora-mysql"})
	r := deny with input as t.cfn([a, c])
	count(r) == 2
	{x.line | some x in r} == {5, 20}
}

test_encrypted_and_inheriting_databases_are_allowed if {
	a := t.tf_res("aws_db_instance", "app", 1, {"engine": "postgres", "storage_encrypted": true, "kms_key_id": t.unknown("aws_kms_key.rds.arn", ["aws_kms_key.rds"])})
	replica := t.tf_res("aws_db_instance", "replica", 20, {"replicate_source_db": t.unknown("aws_db_instance.app.identifier", ["aws_db_instance.app"])})
	restored := t.tf_res("aws_db_instance", "restored", 40, {"snapshot_identifier": "rds:app-2024-01-01"})
	member := t.tf_res("aws_db_instance", "member", 60, {"engine": "aurora-mysql", "cluster_identifier": "c"})
	serverless := t.tf_res("aws_rds_cluster", "sls", 80, {"engine": "aurora-mysql", "engine_mode": "serverless"})
	unknown := t.tf_res("aws_rds_cluster", "maybe", 100, {"engine": "aurora-mysql", "storage_encrypted": t.unknown("var.encrypted", [])})
	count(deny) == 0 with input as t.tf([a, replica, restored, member, serverless, unknown])
	i := t.cfn_res("AWS::RDS::DBInstance", "Member", 5, {"Engine": "aurora-mysql", "DBClusterIdentifier": t.cfn_ref("Cluster")})
	c := t.cfn_res("AWS::RDS::DBCluster", "Cluster", 20, {"Engine": "aurora-mysql", "StorageEncrypted": true})
	count(deny) == 0 with input as t.cfn([i, c])
}
