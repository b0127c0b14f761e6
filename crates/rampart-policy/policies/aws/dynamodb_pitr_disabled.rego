# METADATA
# id: aws-dynamodb-pitr-disabled
# title: DynamoDB point-in-time recovery is off
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::DynamoDB::Table", aws_dynamodb_table]
# description: >-
#   An `aws_dynamodb_table` has no `point_in_time_recovery { enabled = true }` block
#   (CloudFormation: `PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled` not true).
#   Without continuous backups a bad deployment, a buggy batch job or a malicious writer that
#   overwrites or deletes items leaves nothing to restore from except manual on-demand backups,
#   if anyone took one.
# remediation: >-
#   Add `point_in_time_recovery { enabled = true }` to the table (CloudFormation
#   `PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}`); set
#   `recovery_period_in_days` if 35 days is more than you need.
# references:
#   - https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Point-in-time-recovery.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table#point_in_time_recovery
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-dynamodb-table.html
package rampart.aws.dynamodb_pitr_disabled

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some tb in lib.managed("aws_dynamodb_table")
	v := lib.values(tb)
	not lib.is_unknown(object.get(v, "point_in_time_recovery", null))
	p := lib_data.first_block(v, "point_in_time_recovery")
	lib.is_false(object.get(p, "enabled", false))
	r := lib.attr_result(tb, p, "enabled", sprintf("%s does not enable point-in-time recovery", [lib.describe(tb)]))
}

deny contains r if {
	lib.is_cloudformation
	some tb in lib.managed("AWS::DynamoDB::Table")
	v := lib.values(tb)
	spec := object.get(v, "PointInTimeRecoverySpecification", {})
	is_object(spec)
	not lib.is_unknown(spec)
	lib.is_false(object.get(spec, "PointInTimeRecoveryEnabled", false))
	r := lib.result(tb, sprintf("%s does not enable point-in-time recovery", [lib.describe(tb)]))
}
