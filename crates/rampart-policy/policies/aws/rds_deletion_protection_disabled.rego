# METADATA
# id: aws-rds-deletion-protection-disabled
# title: RDS database has deletion protection off
# severity: low
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::RDS::DBCluster", "AWS::RDS::DBInstance", aws_db_instance, aws_rds_cluster]
# description: >-
#   An RDS DB instance or DB cluster leaves deletion protection off (`deletion_protection`
#   false or unset, CloudFormation `DeletionProtection`). Any principal allowed to call
#   `DeleteDBInstance`/`DeleteDBCluster`, and any `terraform destroy` or resource replacement
#   after an innocent-looking change, can then delete the database in one step. Read replicas and
#   Aurora member instances (the cluster holds the setting) are not flagged.
# remediation: >-
#   Set `deletion_protection = true` (CloudFormation `DeletionProtection: true`, and a
#   `DeletionPolicy: Snapshot` on the resource); turn it off deliberately in a separate change
#   when the database really has to go.
# references:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#deletion_protection
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-dbcluster.html
package rampart.aws.rds_deletion_protection_disabled

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

off(v, flag) if lib.is_false(object.get(v, flag, false))

deny contains r if {
	lib.is_terraform
	some db in lib.managed("aws_db_instance")
	v := lib.values(db)
	off(v, "deletion_protection")
	not lib_data.given(v, "replicate_source_db")
	not lib_data.tf_aurora_member(v)
	r := lib.attr_result(db, v, "deletion_protection", sprintf("%s does not enable deletion protection", [lib.describe(db)]))
}

deny contains r if {
	lib.is_terraform
	some c in lib.managed("aws_rds_cluster")
	v := lib.values(c)
	off(v, "deletion_protection")
	r := lib.attr_result(c, v, "deletion_protection", sprintf("%s does not enable deletion protection", [lib.describe(c)]))
}

deny contains r if {
	lib.is_cloudformation
	some db in lib.managed("AWS::RDS::DBInstance")
	v := lib.values(db)
	off(v, "DeletionProtection")
	not lib_data.given(v, "SourceDBInstanceIdentifier")
	not lib_data.cfn_cluster_member(v)
	r := lib.result(db, sprintf("%s does not enable DeletionProtection", [lib.describe(db)]))
}

deny contains r if {
	lib.is_cloudformation
	some c in lib.managed("AWS::RDS::DBCluster")
	off(lib.values(c), "DeletionProtection")
	r := lib.result(c, sprintf("%s does not enable DeletionProtection", [lib.describe(c)]))
}
