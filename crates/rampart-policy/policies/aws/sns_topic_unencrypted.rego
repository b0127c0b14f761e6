# METADATA
# id: aws-sns-topic-unencrypted
# title: SNS topic is not encrypted
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::SNS::Topic", aws_sns_topic]
# description: >-
#   An `aws_sns_topic` (CloudFormation `AWS::SNS::Topic`) sets no `kms_master_key_id`
#   (`KmsMasterKeyId`). SNS has no default encryption at rest: without a key, messages, which
#   often carry alert details, order data or tokens, are stored unencrypted until every
#   subscriber has received them.
# remediation: >-
#   Set `kms_master_key_id = aws_kms_key.sns.arn` (a customer-managed key whose policy lets the
#   publishing services use it), or `alias/aws/sns` for the AWS-managed key
#   (CloudFormation `KmsMasterKeyId`).
# references:
#   - https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sns_topic#kms_master_key_id
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sns-topic.html
package rampart.aws.sns_topic_unencrypted

import data.rampart.aws.lib_data
import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some tp in lib.managed("aws_sns_topic")
	v := lib.values(tp)
	not lib_data.given(v, "kms_master_key_id")
	not lib.is_unknown(object.get(v, "kms_master_key_id", null))
	r := lib.attr_result(tp, v, "kms_master_key_id", sprintf("%s has no KMS key (kms_master_key_id), so messages are stored unencrypted", [lib.describe(tp)]))
}

deny contains r if {
	lib.is_cloudformation
	some tp in lib.managed("AWS::SNS::Topic")
	not lib_data.given(lib.values(tp), "KmsMasterKeyId")
	r := lib.result(tp, sprintf("%s has no KmsMasterKeyId, so messages are stored unencrypted", [lib.describe(tp)]))
}
