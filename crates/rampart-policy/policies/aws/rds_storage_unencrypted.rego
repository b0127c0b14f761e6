# METADATA
# id: aws-rds-storage-unencrypted
# title: RDS database storage is not encrypted
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::RDS::DBCluster", "AWS::RDS::DBInstance", aws_db_instance, aws_rds_cluster]
# description: >-
#   An RDS DB instance or Aurora/Multi-AZ DB cluster leaves storage encryption off
#   (`storage_encrypted` false or unset on `aws_db_instance` and `aws_rds_cluster`,
#   `StorageEncrypted` on `AWS::RDS::DBInstance` and `AWS::RDS::DBCluster`). Its storage,
#   automated backups, snapshots and read replicas are then unencrypted, and encryption cannot be
#   turned on for an existing database: it takes a snapshot copy and a restore, with downtime.
#   Read replicas, Aurora member instances (the cluster decides), databases restored from a
#   snapshot without an explicit setting, and Aurora Serverless v1 clusters (always encrypted)
#   are not flagged.
# remediation: >-
#   Set `storage_encrypted = true` (with `kms_key_id = aws_kms_key.rds.arn` for a
#   customer-managed key; CloudFormation `StorageEncrypted: true`, `KmsKeyId`) when creating the
#   database. For an existing one, copy a snapshot with encryption and restore from it.
# references:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#storage_encrypted
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster#storage_encrypted
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-dbinstance.html
package rampart.aws.rds_storage_unencrypted

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

# Encryption comes from somewhere else when the flag is unset: a source database or snapshot.
inherited(v, flag, sources) if {
	lib_data.absent(v, flag)
	some s in sources
	lib_data.given(v, s)
}

off(v, flag) if lib.is_false(object.get(v, flag, false))

deny contains r if {
	lib.is_terraform
	some db in lib.managed("aws_db_instance")
	v := lib.values(db)
	off(v, "storage_encrypted")
	not lib_data.given(v, "replicate_source_db")
	not lib_data.given(v, "kms_key_id")
	not lib_data.tf_aurora_member(v)
	not inherited(v, "storage_encrypted", ["snapshot_identifier", "restore_to_point_in_time"])
	r := lib.attr_result(db, v, "storage_encrypted", sprintf("%s does not encrypt its storage", [lib.describe(db)]))
}

deny contains r if {
	lib.is_terraform
	some c in lib.managed("aws_rds_cluster")
	v := lib.values(c)
	off(v, "storage_encrypted")
	not lib_data.given(v, "kms_key_id")
	not inherited(v, "storage_encrypted", ["snapshot_identifier", "restore_to_point_in_time", "replication_source_identifier", "global_cluster_identifier"])
	not serverless_default(v, "storage_encrypted", "engine_mode")
	r := lib.attr_result(c, v, "storage_encrypted", sprintf("%s does not encrypt its storage", [lib.describe(c)]))
}

# Aurora Serverless v1 is always encrypted; an unknown engine mode could be serverless.
serverless_default(v, flag, mode) if {
	lib_data.absent(v, flag)
	lib.is_unknown(v[mode])
}

serverless_default(v, flag, mode) if {
	lib_data.absent(v, flag)
	v[mode] == "serverless"
}

deny contains r if {
	lib.is_cloudformation
	some db in lib.managed("AWS::RDS::DBInstance")
	v := lib.values(db)
	off(v, "StorageEncrypted")
	not lib_data.cfn_cluster_member(v)
	not lib_data.given(v, "SourceDBInstanceIdentifier")
	not lib_data.given(v, "KmsKeyId")
	not inherited(v, "StorageEncrypted", ["DBSnapshotIdentifier", "SourceDBClusterIdentifier"])
	r := lib.result(db, sprintf("%s does not encrypt its storage", [lib.describe(db)]))
}

deny contains r if {
	lib.is_cloudformation
	some c in lib.managed("AWS::RDS::DBCluster")
	v := lib.values(c)
	off(v, "StorageEncrypted")
	not lib_data.given(v, "KmsKeyId")
	not inherited(v, "StorageEncrypted", ["SnapshotIdentifier", "SourceDBClusterIdentifier", "ReplicationSourceIdentifier", "GlobalClusterIdentifier"])
	not serverless_default(v, "StorageEncrypted", "EngineMode")
	r := lib.result(c, sprintf("%s does not encrypt its storage", [lib.describe(c)]))
}
