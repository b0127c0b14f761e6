# METADATA
# id: aws-rds-backup-retention-short
# title: RDS automated backups are kept less than 7 days
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::RDS::DBCluster", "AWS::RDS::DBInstance", aws_db_instance, aws_rds_cluster]
# description: >-
#   An RDS DB instance or DB cluster keeps automated backups for fewer than 7 days:
#   `backup_retention_period` (CloudFormation `BackupRetentionPeriod`) is below 7, or unset, in
#   which case RDS keeps them for 1 day; 0 turns automated backups and point-in-time recovery
#   off altogether. A corruption, bad migration or malicious deletion noticed after the weekend
#   then cannot be rolled back. Read replicas and Aurora member instances (the cluster holds the
#   setting) are not flagged.
# remediation: >-
#   Keep at least 7 days of automated backups, e.g. `backup_retention_period = 14`
#   (CloudFormation `BackupRetentionPeriod: 14`), and use AWS Backup for longer retention or
#   copies in another account or region.
# references:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#backup_retention_period
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-dbinstance.html
package rampart.aws.rds_backup_retention

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

minimum := 7

# The retention `v[key]` is known to be too short (unset means RDS's default of 1 day).
too_short(v, key) := "is not set, so RDS keeps automated backups for 1 day" if {
	lib_data.absent(v, key)
} else := sprintf("is %v", [n]) if {
	n := lib.number(v[key])
	n < minimum
}

deny contains r if {
	lib.is_terraform
	some db in lib.managed("aws_db_instance")
	v := lib.values(db)
	not lib_data.given(v, "replicate_source_db")
	not lib_data.tf_aurora_member(v)
	why := too_short(v, "backup_retention_period")
	r := lib.attr_result(db, v, "backup_retention_period", sprintf("%s: backup_retention_period %s; keep at least %d days", [lib.describe(db), why, minimum]))
}

deny contains r if {
	lib.is_terraform
	some c in lib.managed("aws_rds_cluster")
	v := lib.values(c)
	why := too_short(v, "backup_retention_period")
	r := lib.attr_result(c, v, "backup_retention_period", sprintf("%s: backup_retention_period %s; keep at least %d days", [lib.describe(c), why, minimum]))
}

deny contains r if {
	lib.is_cloudformation
	some db in lib.managed("AWS::RDS::DBInstance")
	v := lib.values(db)
	not lib_data.given(v, "SourceDBInstanceIdentifier")
	not lib_data.cfn_cluster_member(v)
	why := too_short(v, "BackupRetentionPeriod")
	r := lib.result(db, sprintf("%s: BackupRetentionPeriod %s; keep at least %d days", [lib.describe(db), why, minimum]))
}

deny contains r if {
	lib.is_cloudformation
	some c in lib.managed("AWS::RDS::DBCluster")
	v := lib.values(c)
	not lib_data.given(v, "ReplicationSourceIdentifier")
	why := too_short(v, "BackupRetentionPeriod")
	r := lib.result(c, sprintf("%s: BackupRetentionPeriod %s; keep at least %d days", [lib.describe(c), why, minimum]))
}
