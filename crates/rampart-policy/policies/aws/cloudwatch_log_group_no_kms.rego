# METADATA
# id: aws-cloudwatch-log-group-no-kms
# title: CloudWatch log group is not encrypted with a KMS key
# severity: low
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::Logs::LogGroup", aws_cloudwatch_log_group]
# description: >-
#   An `aws_cloudwatch_log_group` (CloudFormation `AWS::Logs::LogGroup`) sets no `kms_key_id`
#   (`KmsKeyId`). CloudWatch Logs always encrypts log data with keys it manages, so this is low;
#   with a KMS key, reading the logs additionally needs permission on the key, every decryption
#   is recorded in CloudTrail, and disabling the key cuts off access. That matters for log
#   groups that receive request bodies, tokens or personal data.
# remediation: >-
#   Set `kms_key_id = aws_kms_key.logs.arn` (CloudFormation `KmsKeyId: !GetAtt LogsKey.Arn`),
#   with a key policy that allows the `logs.REGION.amazonaws.com` service principal to use the
#   key for that log group's ARN.
# references:
#   - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_group#kms_key_id
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-logs-loggroup.html
package rampart.aws.cloudwatch_log_group_no_kms

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some g in lib.managed("aws_cloudwatch_log_group")
	v := lib.values(g)
	not lib_data.given(v, "kms_key_id")
	r := lib.attr_result(g, v, "kms_key_id", sprintf("%s is not encrypted with a KMS key (no kms_key_id)", [lib.describe(g)]))
}

deny contains r if {
	lib.is_cloudformation
	some g in lib.managed("AWS::Logs::LogGroup")
	not lib_data.given(lib.values(g), "KmsKeyId")
	r := lib.result(g, sprintf("%s is not encrypted with a KMS key (no KmsKeyId)", [lib.describe(g)]))
}
